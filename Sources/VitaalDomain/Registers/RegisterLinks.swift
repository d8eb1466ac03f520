import Foundation

/// Which indicators of the monitor use a data source of the catalogue (`/bronnen`), and the other
/// way round: an indicator uses a source when the indicator's source text names the source's
/// table id as a whole word (case ignored: "85012NED" in "CBS StatLine tabel 85012NED …"), or when
/// the source lists the indicator's code explicitly (for sources without a table id).
public enum DataSourceMatch {
    public struct Indicator: Sendable, Hashable {
        public var code: String
        public var source: String
        public init(code: String, source: String) {
            self.code = code
            self.source = source
        }
    }

    /// The codes of the indicators that use `source`, sorted.
    public static func indicators(of source: RegisterEntry, among indicators: [Indicator]) -> [String] {
        indicators.filter { uses($0, source) }.map(\.code).sorted()
    }

    /// The catalogue entries an indicator uses, in the catalogue's order.
    public static func sources(of indicator: Indicator, among sources: [RegisterEntry]) -> [RegisterEntry] {
        sources.filter { uses(indicator, $0) }
    }

    static func uses(_ indicator: Indicator, _ source: RegisterEntry) -> Bool {
        // A reference field (`.references(.indicators)`), read as every reference field is.
        let listed = RegisterReferences.split(source.values["indicators"]).map(RegisterReferences.fold)
        if listed.contains(RegisterReferences.fold(indicator.code)) { return true }
        guard let table = source.values["tableId"]?.trimmingCharacters(in: .whitespaces), !table.isEmpty else {
            return false
        }
        return TermLinks.wholeWordRange(of: table, in: indicator.source, caseSensitive: false) != nil
    }
}

/// Links from a text (an indicator's definition, a plan's or goal's description) to the terms of
/// the definition list (`/begrippen`). Rules: whole words only; an abbreviation (a term without
/// lower-case letters and with at least two capitals, such as "MDT", "WEL") matches only as
/// written, so the Dutch word "wel" does not link to "WEL"; other terms match in any case; only
/// the first occurrence of a term links; a longer term wins over a shorter one inside it ("Brede
/// Welvaart" over "Welvaart"). Where the links point is the caller's business (`target`): for a
/// term with two meanings, the page that shows both.
public enum TermLinks {
    public struct Term: Sendable, Hashable {
        public var term: String
        public var target: String
        public init(term: String, target: String) {
            self.term = term
            self.target = target
        }
    }

    public enum Segment: Sendable, Hashable {
        case text(String)
        case link(String, target: String)
    }

    /// The text cut into plain parts and linked terms; joining the parts gives the text back.
    public static func segments(_ text: String, terms: [Term]) -> [Segment] {
        guard !text.isEmpty else { return [] }
        var found: [(range: Range<String.Index>, target: String)] = []
        // Longest first, so that a longer term claims its words before a term inside it.
        for term in terms.sorted(by: { ($0.term.count, $1.term) > ($1.term.count, $0.term) }) {
            let needle = term.term.trimmingCharacters(in: .whitespaces)
            guard !needle.isEmpty else { continue }
            var from = text.startIndex
            while let range = wholeWordRange(
                of: needle, in: text, from: from, caseSensitive: isAbbreviation(needle))
            {
                if !found.contains(where: { $0.range.overlaps(range) }) {
                    found.append((range, term.target))
                    break
                }
                from = range.upperBound
            }
        }
        found.sort { $0.range.lowerBound < $1.range.lowerBound }
        var segments: [Segment] = []
        var position = text.startIndex
        for match in found {
            if position < match.range.lowerBound {
                segments.append(.text(String(text[position..<match.range.lowerBound])))
            }
            segments.append(.link(String(text[match.range]), target: match.target))
            position = match.range.upperBound
        }
        if position < text.endIndex { segments.append(.text(String(text[position...]))) }
        return segments
    }

    /// A term without lower-case letters and with at least two capitals ("MDT", "A&O", "HCA ZWF").
    public static func isAbbreviation(_ term: String) -> Bool {
        !term.contains(where: \.isLowercase) && term.filter(\.isUppercase).count >= 2
    }

    /// The first place at or after `from` where `word` occurs with no letter or digit directly
    /// before or after it.
    public static func wholeWordRange(
        of word: String, in text: String, from: String.Index? = nil, caseSensitive: Bool
    ) -> Range<String.Index>? {
        var start = from ?? text.startIndex
        let options: String.CompareOptions = caseSensitive ? [] : [.caseInsensitive]
        while start < text.endIndex, let range = text.range(of: word, options: options, range: start..<text.endIndex) {
            let before = range.lowerBound > text.startIndex ? text[text.index(before: range.lowerBound)] : nil
            let after = range.upperBound < text.endIndex ? text[range.upperBound] : nil
            if !isWordCharacter(before), !isWordCharacter(after) { return range }
            start = text.index(after: range.lowerBound)
        }
        return nil
    }

    static func isWordCharacter(_ c: Character?) -> Bool {
        guard let c else { return false }
        return c.isLetter || c.isNumber
    }

    /// The ways a term can be written in a text: the term itself and, for a term that names two
    /// forms ("Netwerkaanpak/netwerkstructuur", "Ketenzorg of zorgketen", "Geïntegreerde Leefstijl
    /// Interventie (GLI)"), each form alone.
    public static func forms(of term: String) -> [String] {
        var forms = [term]
        for separator in ["/", " of "] where term.contains(separator) {
            let parts = term.components(separatedBy: separator).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2, parts.allSatisfy({ !$0.isEmpty }) { forms += parts }
        }
        if term.hasSuffix(")"), let open = term.range(of: " (", options: .backwards) {
            let name = String(term[..<open.lowerBound]).trimmingCharacters(in: .whitespaces)
            let short = String(term[open.upperBound..<term.index(before: term.endIndex)])
            if !name.isEmpty, !short.isEmpty, !short.contains("(") { forms += [name, short] }
        }
        return forms
    }

    /// The terms of a definition list grouped for linking, by `TermValidity.termGroup` (the same
    /// groups as the meanings side by side: "brede welvaart" and "Brede Welvaart", "ZonMw" and
    /// "ZONMW"), each with the keys of its entries in order. The group links under its first spelling
    /// that is not an abbreviation, so that it matches in any case; a group of abbreviations only
    /// matches as written. A meaning marked not to link in texts (`linkInTexts` "nee") is left out.
    public static func groups(_ entries: [RegisterEntry]) -> [(term: String, keys: [String])] {
        var order: [String] = []
        var byGroup: [String: (term: String, keys: [String])] = [:]
        for entry in entries.sorted(by: { $0.key < $1.key }) where entry.values["linkInTexts"] != "nee" {
            guard let term = entry.values["term"]?.trimmingCharacters(in: .whitespaces), !term.isEmpty else {
                continue
            }
            let group = TermValidity.termGroup(term)
            if let existing = byGroup[group] {
                if isAbbreviation(existing.term), !isAbbreviation(term) { byGroup[group]?.term = term }
            } else {
                order.append(group)
                byGroup[group] = (term, [])
            }
            byGroup[group]?.keys.append(entry.key)
        }
        return order.compactMap { byGroup[$0] }
    }
}

/// The commitments, motions and information letters a plan's report for the Provinciale Staten
/// lists: the open ones linked to the plan (its key named in "Gekoppelde plannen en rapportages").
/// When none is linked, all open ones: a council member reading a plan's report wants to see
/// what the province still owes the Staten in this portfolio, and an empty section would suggest
/// there is nothing outstanding when the items simply have not been linked yet. The report says
/// which of the two it shows.
public enum CommitmentSelection {
    /// Open: not (yet) at the status that closes an item ("afgedaan").
    public static func isOpen(_ entry: RegisterEntry) -> Bool {
        entry.status != RegisterDefinitions.commitments.statusFields.first?.status
    }

    /// The open entries for the plan with `planKey`, oldest first, and whether they are linked to it.
    public static func forPlan(_ planKey: String, among entries: [RegisterEntry]) -> (
        entries: [RegisterEntry], linked: Bool
    ) {
        let open = entries.filter(isOpen).sorted {
            ($0.values["date"] ?? "", $0.key) < ($1.values["date"] ?? "", $1.key)
        }
        let linked = open.filter { listedKeys($0.values["links"]).contains(planKey.lowercased()) }
        return linked.isEmpty ? (open, false) : (linked, true)
    }

    /// "Gekoppelde plannen en rapportages" is free text: "a, b; c" or "a b" → ["a", "b", "c"] (lowercased).
    static func listedKeys(_ text: String?) -> Set<String> {
        Set(
            (text ?? "").split { $0 == "," || $0 == ";" || $0 == " " }
                .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty })
    }
}
