import Foundation

/// A register entry as the rules see it.
public struct RegisterEntry: Sendable, Hashable {
    public var key: String
    public var status: String?
    public var values: RegisterValues
    public var isExample: Bool

    public init(key: String, status: String?, values: RegisterValues, isExample: Bool = false) {
        self.key = key
        self.status = status
        self.values = values
        self.isExample = isExample
    }
}

/// Search and filters of a register list (the page, the export and the API use the same rule).
public struct RegisterFilter: Sendable, Hashable {
    /// Words that must all occur (case- and accent-insensitive) in the entry's searchable fields.
    public var text: String
    public var status: String?
    /// Choice-field filters: field key → value.
    public var choices: [String: String]
    /// Exact text filters, case and accents ignored: field key → value (`?term=MDT`).
    public var exact: [String: String]

    public init(
        text: String = "", status: String? = nil, choices: [String: String] = [:], exact: [String: String] = [:]
    ) {
        self.text = text
        self.status = status
        self.choices = choices
        self.exact = exact
    }

    /// `fields` are the fields the viewer may see: a search never finds an entry through a field
    /// the viewer cannot read.
    public func matches(_ entry: RegisterEntry, fields: [RegisterField]) -> Bool {
        if let status, entry.status != status { return false }
        for (key, value) in choices where entry.values[key] != value { return false }
        for (key, value) in exact where Self.fold(entry.values[key] ?? "") != Self.fold(value) { return false }
        let words = Self.fold(text).split(separator: " ")
        guard !words.isEmpty else { return true }
        let haystack = Self.fold(fields.compactMap { entry.values[$0.key] }.joined(separator: " "))
        return words.allSatisfy { haystack.contains($0) }
    }

    /// The order of a list: case and accents ignored ("brede welvaart" next to "Brede Welvaart").
    public static func sortKey(_ text: String) -> String { fold(text) }

    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "nl_NL"))
    }
}

/// The definition list's rule: one term may have several meanings (MDT, PG, UWV in Flever's
/// Jaarplan 2025, Bijlage 3), but the same term with the same meaning may not be valid twice at
/// the same time — a new version of a meaning ends the old one first.
public enum TermValidity {
    /// The keys of the other entries with the same term and meaning whose validity overlaps `entry`'s.
    public static func conflicts(of entry: RegisterEntry, among others: [RegisterEntry]) -> [String] {
        others.filter { other in
            other.key != entry.key && sameText(other.values["term"], entry.values["term"])
                && sameText(other.values["meaning"], entry.values["meaning"]) && overlaps(entry.values, other.values)
        }.map(\.key)
    }

    /// Two validity periods overlap; an open start or end reaches indefinitely far. Dates are ISO
    /// days, so text order is date order.
    public static func overlaps(_ a: RegisterValues, _ b: RegisterValues) -> Bool {
        let aFrom = a["validFrom"] ?? "0000-01-01"
        let aTo = a["validTo"] ?? "9999-12-31"
        let bFrom = b["validFrom"] ?? "0000-01-01"
        let bTo = b["validTo"] ?? "9999-12-31"
        return aFrom <= bTo && bFrom <= aTo
    }

    static func sameText(_ a: String?, _ b: String?) -> Bool {
        guard let a, let b else { return false }
        return RegisterFilter.fold(a).trimmingCharacters(in: .whitespaces)
            == RegisterFilter.fold(b).trimmingCharacters(in: .whitespaces)
    }

    /// The form under which entries count as the same term: case, accents and outer spaces ignored,
    /// as `conflicts` compares them ("ZONMW" in the CMO list and "ZonMw" in Bijlage 3 are one term).
    public static func termGroup(_ term: String?) -> String {
        RegisterFilter.fold(term ?? "").trimmingCharacters(in: .whitespaces)
    }

    /// Terms with more than one meaning, each with its entries (sorted by key), for showing the
    /// meanings side by side, in term order. Entries are grouped by `termGroup`, so a term written
    /// two ways is one term with two meanings ("brede welvaart", the quality of life, and "Brede
    /// Welvaart", the monitor, in Bijlage 3); the label names every way it is written.
    public static func multipleMeanings(_ entries: [RegisterEntry]) -> [(term: String, entries: [RegisterEntry])] {
        Dictionary(grouping: entries) { termGroup($0.values["term"]) }
            .filter { !$0.key.isEmpty && Set($0.value.compactMap { $0.values["meaning"] }).count > 1 }
            .sorted { $0.key < $1.key }
            .map { group in
                let sorted = group.value.sorted { $0.key < $1.key }
                var spellings: [String] = []
                for entry in sorted {
                    let term = (entry.values["term"] ?? "").trimmingCharacters(in: .whitespaces)
                    if !spellings.contains(term) { spellings.append(term) }
                }
                return (term: spellings.joined(separator: " / "), entries: sorted)
            }
    }
}

/// The fundraising overviews of Flever's pipeline: entries per status, deadlines coming up, and
/// the amounts requested and granted per year.
public enum FundOverview {
    /// Deadlines within `days` days from `today` (today included), earliest first.
    public static func upcomingDeadlines(_ entries: [RegisterEntry], today: PlanDate, days: Int = 90)
        -> [RegisterEntry]
    {
        entries.compactMap { entry -> (PlanDate, RegisterEntry)? in
            guard let text = entry.values["deadline"], let date = try? PlanDate.parse(text),
                today.days(to: date) >= 0, today.days(to: date) <= days
            else { return nil }
            return (date, entry)
        }.sorted { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1.key < $1.1.key) }.map(\.1)
    }

    public struct YearTotal: Sendable, Hashable {
        public var year: Int
        public var requested: Int
        public var granted: Int
        public var entries: Int
    }

    /// Sums per year of entries that name a year; amounts that are absent count as zero.
    public static func totalsPerYear(_ entries: [RegisterEntry]) -> [YearTotal] {
        var totals: [Int: YearTotal] = [:]
        for entry in entries {
            guard let year = entry.values["year"].flatMap({ Int($0) }) else { continue }
            var total = totals[year] ?? YearTotal(year: year, requested: 0, granted: 0, entries: 0)
            total.requested += entry.values["amountRequested"].flatMap { Int($0) } ?? 0
            total.granted += entry.values["amountGranted"].flatMap { Int($0) } ?? 0
            total.entries += 1
            totals[year] = total
        }
        return totals.values.sorted { $0.year < $1.year }
    }

    /// Entries per status in the path's order; entries without a status under "" at the end.
    public static func pipeline(_ entries: [RegisterEntry], path: StatusPath) -> [(
        status: String, entries: [RegisterEntry]
    )] {
        let columns = path.names.map { name in (status: name, entries: entries.filter { $0.status == name }) }
        let unknown = entries.filter { $0.status.map { path.rank(of: $0) == nil } ?? true }
        return columns + (unknown.isEmpty ? [] : [(status: "", entries: unknown)])
    }
}
