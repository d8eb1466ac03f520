import Foundation

/// The years one boundary version of a region code is valid (grensversie): a municipality formed,
/// merged or redrawn in a year gets a new version from that year on.
public struct BoundaryVersion: Sendable, Hashable, Codable {
    /// First year; nil when the boundary was already valid before any year Vitaal knows of.
    public var validFrom: Int?
    /// Last year; nil while the version is open (still valid).
    public var validTo: Int?
    /// The code itself began in `validFrom` (a new municipality): there is nothing to draw before.
    /// Without it, years before the first version are drawn on that version (the nearest one).
    public var codeStarts: Bool

    public init(validFrom: Int?, validTo: Int?, codeStarts: Bool = false) {
        self.validFrom = validFrom
        self.validTo = validTo
        self.codeStarts = codeStarts
    }

    public func contains(_ year: Int) -> Bool {
        (validFrom.map { $0 <= year } ?? true) && (validTo.map { year <= $0 } ?? true)
    }

    /// Dutch label of the years: "2022–2024", "vanaf 2025", "tot en met 2024", "alle jaren".
    public var yearsLabel: String {
        switch (validFrom, validTo) {
        case (let from?, let to?): from == to ? "\(from)" : "\(from)–\(to)"
        case (let from?, nil): "vanaf \(from)"
        case (nil, let to?): "tot en met \(to)"
        case (nil, nil): "alle jaren"
        }
    }
}

/// Rules for a region code's boundary versions: where a newly imported year's version goes, which
/// version a value of a year is drawn on, and where a series crosses a boundary change.
public enum BoundaryHistory {
    /// Where a version valid from a year goes among the existing versions.
    public enum Placement: Sendable, Equatable {
        /// A version already starts in that year: its name and geometry are replaced (years kept).
        case replace(index: Int)
        /// A new version with these years; `closing` is the open version that now ends the year
        /// before.
        case add(BoundaryVersion, closing: Int?)
    }

    /// The years overlap a closed version that does not start in that year.
    public struct Overlap: Error, Sendable, Equatable {
        public var version: BoundaryVersion
    }

    /// Places a version valid from `year` among `versions` (in any order, not overlapping each
    /// other). A year inside an open version closes it; a year before, between or after closed
    /// versions runs up to the next version; a year inside a closed version that starts earlier
    /// is refused (the history would have two boundaries for one year).
    public static func place(
        from year: Int, among versions: [BoundaryVersion], newCode: Bool = false
    ) -> Result<Placement, Overlap> {
        if let index = versions.firstIndex(where: { $0.validFrom == year }) { return .success(.replace(index: index)) }
        if let index = versions.firstIndex(where: { $0.contains(year) }) {
            let containing = versions[index]
            guard containing.validTo == nil else { return .failure(Overlap(version: containing)) }
            return .success(.add(BoundaryVersion(validFrom: year, validTo: nil), closing: index))
        }
        let next = versions.compactMap(\.validFrom).filter { $0 > year }.min()
        return .success(
            .add(BoundaryVersion(validFrom: year, validTo: next.map { $0 - 1 }, codeStarts: newCode), closing: nil))
    }

    /// Which version a value of `year` is drawn on.
    public enum Match: Sendable, Equatable {
        /// The version valid in that year.
        case exact(Int)
        /// No version is valid in that year, this one is the nearest (maps say so).
        case nearest(Int)
        /// The code did not exist in that year (it began later or had ended).
        case none
    }

    public static func version(for year: Int, in versions: [BoundaryVersion]) -> Match {
        if let index = versions.firstIndex(where: { $0.contains(year) }) { return .exact(index) }
        guard !versions.isEmpty else { return .none }
        let sorted = versions.indices.sorted { (versions[$0].validFrom ?? .min) < (versions[$1].validFrom ?? .min) }
        let first = sorted[0]
        if let from = versions[first].validFrom, year < from {
            return versions[first].codeStarts ? .none : .nearest(first)
        }
        let last = sorted[sorted.count - 1]
        if let to = versions[last].validTo, year > to { return .none }
        // A gap between versions (history imported out of order): the nearest version by years.
        let nearest = sorted.min { distance(year, versions[$0]) < distance(year, versions[$1]) }
        return nearest.map(Match.nearest) ?? .none
    }

    static func distance(_ year: Int, _ version: BoundaryVersion) -> Int {
        if let from = version.validFrom, year < from { return from - year }
        if let to = version.validTo, year > to { return year - to }
        return 0
    }

    /// A place in a series where the boundary changes: the line breaks before `index` and a marker
    /// "grenswijziging `year`" is drawn there.
    public struct Change: Sendable, Equatable {
        public var index: Int
        public var year: Int
        public init(index: Int, year: Int) {
            self.index = index
            self.year = year
        }
        /// "grenswijziging 2025".
        public var label: String { "grenswijziging \(year)" }
    }

    /// The boundary changes within a series of periods (`years[i]` is the year of period i; nil
    /// for a period without a year, which never breaks the line). A change lies between two
    /// consecutive dated periods drawn on different versions, or where the code starts or ends.
    /// With one version (or none recorded) a series never breaks.
    public static func changes(years: [Int?], in versions: [BoundaryVersion]) -> [Change] {
        guard versions.count > 1 || versions.contains(where: { $0.codeStarts || $0.validTo != nil }) else { return [] }
        func drawnOn(_ year: Int) -> Int? {
            switch version(for: year, in: versions) {
            case .exact(let index), .nearest(let index): index
            case .none: nil
            }
        }
        var changes: [Change] = []
        var previous: (year: Int, version: Int?)?
        for (index, year) in years.enumerated() {
            guard let year else { continue }
            let current = drawnOn(year)
            if let previous, previous.year != year, previous.version != current {
                // The year the new boundary (or the code's absence) begins.
                let changeYear =
                    current.flatMap { versions[$0].validFrom }
                    ?? previous.version.flatMap { versions[$0].validTo.map { $0 + 1 } } ?? year
                changes.append(Change(index: index, year: changeYear))
            }
            previous = (year, current)
        }
        return changes
    }
}
