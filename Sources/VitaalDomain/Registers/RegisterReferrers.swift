import Foundation

/// The other direction of the references (#18): which register entries name a plan goal, a
/// network or an indicator. A goal's page lists the funds and signals that name it, a network's
/// and an indicator's page the signals, and a goal's delete confirmation names them all. A
/// source's indicators are not listed here: the indicator page's "Bron" shows those
/// (`DataSourceMatch`).
public enum RegisterReferrers {
    /// The registers whose entries an item's page lists.
    public static let registers: [RegisterKind] = [.funds, .signals]

    /// The registers of `registers` with a field that refers to items of `kind`.
    public static func registers(referringTo kind: RegisterReferenceKind) -> [RegisterKind] {
        registers.filter { !fields($0, kind).isEmpty }
    }

    /// An entry that names one or more of the asked items.
    public struct Referrer: Sendable, Hashable {
        public var kind: RegisterKind
        public var entry: RegisterEntry
        /// The asked references the entry names, in the order asked.
        public var references: [String]
        /// True when anonymous visitors may see the entry and the field that names the item (a
        /// fund's goals); signals are internal.
        public var isPublic: Bool

        public init(kind: RegisterKind, entry: RegisterEntry, references: [String], isPublic: Bool) {
            self.kind = kind
            self.entry = entry
            self.references = references
            self.isPublic = isPublic
        }

        public var title: String { entry.values[kind.definition.titleKey] ?? entry.key }

        /// The date a list shows (`yyyy-mm-dd`): a fund's deadline, a signal's date.
        public var date: String? { entry.values[kind == .funds ? "deadline" : "date"] }

        /// A fund's deadline as its source words it ("2 calls per jaar"), when it has no date.
        public var dateText: String? { date == nil && kind == .funds ? entry.values["deadlineText"] : nil }
    }

    /// The entries among `entries` whose fields referring to `kind` name one of `references`
    /// (stored form: "plan/goal", a network's key, an indicator's code; case and accents ignored,
    /// as `RegisterReferences` reads them): funds first by title, then signals newest first.
    public static func referrers(
        to references: [String], kind: RegisterReferenceKind,
        among entries: [(kind: RegisterKind, entry: RegisterEntry)]
    ) -> [Referrer] {
        let asked = references.map { (reference: $0, folded: RegisterReferences.fold($0)) }
        var found: [Referrer] = []
        for (register, entry) in entries where registers.contains(register) {
            var named: Set<String> = []
            var isPublic = false
            for field in fields(register, kind) {
                let stored = Set(RegisterReferences.split(entry.values[field.key]).map(RegisterReferences.fold))
                let hits = asked.filter { stored.contains($0.folded) }
                guard !hits.isEmpty else { continue }
                named.formUnion(hits.map(\.folded))
                isPublic = isPublic || field.isPublic
            }
            guard !named.isEmpty else { continue }
            found.append(
                Referrer(
                    kind: register, entry: entry,
                    references: asked.filter { named.contains($0.folded) }.map(\.reference),
                    isPublic: isPublic && register.definition.entriesArePublic))
        }
        return found.sorted(by: order)
    }

    /// "2 fondsen en 1 signaal", "1 fonds": how many entries of each register `kinds` (one per
    /// entry) holds, in the registers' order.
    public static func count(_ kinds: [RegisterKind]) -> String {
        let parts = registers.compactMap { register -> String? in
            let n = kinds.filter { $0 == register }.count
            return n == 0 ? nil : "\(n) \(noun(register, count: n))"
        }
        return parts.joined(separator: " en ")
    }

    /// "2 fondsen en 1 signaal verwijzen naar dit doel", "1 fonds verwijst naar dit doel".
    public static func sentence(_ kinds: [RegisterKind], to item: String) -> String {
        "\(count(kinds)) \(kinds.count == 1 ? "verwijst" : "verwijzen") naar \(item)"
    }

    /// "fonds"/"fondsen", "signaal"/"signalen".
    public static func noun(_ register: RegisterKind, count: Int) -> String {
        switch register {
        case .funds: count == 1 ? "fonds" : "fondsen"
        case .signals: count == 1 ? "signaal" : "signalen"
        default: register.definition.singular
        }
    }

    static func fields(_ register: RegisterKind, _ kind: RegisterReferenceKind) -> [RegisterField] {
        register.definition.fields.filter { $0.kind == .references(kind) }
    }

    /// Funds before signals; funds by title (as lists sort), signals newest first.
    static func order(_ a: Referrer, _ b: Referrer) -> Bool {
        let (x, y) = (registers.firstIndex(of: a.kind) ?? 0, registers.firstIndex(of: b.kind) ?? 0)
        if x != y { return x < y }
        if a.kind == .signals, a.date != b.date { return (a.date ?? "") > (b.date ?? "") }
        let (s, t) = (RegisterFilter.sortKey(a.title), RegisterFilter.sortKey(b.title))
        return s != t ? s < t : a.entry.key < b.entry.key
    }
}
