import Foundation

// Disclosure control of count indicators: primary suppression (< 5) and secondary suppression, so
// that no suppressed value can be computed from published ones (e.g. province total minus the other
// municipalities). The rule is documented in docs/monitor-rules.md ("Disclosure control").

public enum Disclosure {
    /// Why a value is not published.
    public enum Reason: String, Sendable, Hashable, Codable {
        /// The value itself is below the threshold (shown as "<5").
        case primary
        /// The value is hidden so that a primary-suppressed value cannot be worked out by subtraction.
        case secondary
    }

    /// Page text of a secondary-suppressed value (primary ones show "<5").
    public static let secondaryText = "afgeschermd"
    /// Download/API cell of a secondary-suppressed value (the CBS symbol for "geheim").
    public static let secondaryCell = "x"

    /// A published additive grouping: the value of `total` is the sum of the values of `parts`
    /// (a province and its municipalities, a municipality and its districts, a region group and its
    /// members).
    public struct Group: Sendable, Hashable {
        public var total: String
        public var parts: [String]
        public init(total: String, parts: [String]) {
            self.total = total
            self.parts = parts
        }
    }

    /// The cells to hide for one count indicator in one period.
    ///
    /// - Parameters:
    ///   - values: the stored values by region code; regions without a value (missing) are left out.
    ///   - groups: the additive groupings that hold between regions.
    /// - Returns: the regions whose value must not be published, with the reason.
    ///
    /// Rule: (1) primary: every value below `threshold` is hidden. (2) secondary: the attacker knows
    /// every published value and every grouping equation `total = Σ parts`; the unknowns are the
    /// hidden cells and the cells without a value. While some hidden cell can be solved exactly from
    /// these equations (exact linear algebra: its unit vector lies in the row space of the equations
    /// restricted to the unknowns), hide one more cell in a grouping that contains it: the smallest
    /// published part other than itself (ties: lowest code), else the grouping's total. Repeat until no
    /// hidden cell can be solved.
    public static func suppress(
        values: [String: Double], groups: [Group], threshold: Double = ValueFormatter.disclosureThreshold
    ) -> [String: Reason] {
        var hidden: [String: Reason] = [:]
        for (code, v) in values where v < threshold { hidden[code] = .primary }
        guard !hidden.isEmpty else { return [:] }
        let relevant = groups.filter { !$0.parts.isEmpty }
        // Each round hides one more published cell, so this ends after at most `values.count` rounds.
        for _ in 0...values.count {
            let solvable = solvableCells(hidden: Set(hidden.keys), values: values, groups: relevant).sorted()
            guard
                let extra = solvable.lazy.compactMap({
                    nextToHide(for: $0, hidden: hidden, values: values, groups: relevant)
                }).first
            else { break }
            hidden[extra] = .secondary
        }
        return hidden
    }

    /// True when `cell` can be computed exactly from the published values and the groupings.
    public static func isSolvable(_ cell: String, hidden: Set<String>, values: [String: Double], groups: [Group])
        -> Bool
    {
        solvableCells(hidden: hidden, values: values, groups: groups).contains(cell)
    }

    /// The hidden cells that can be computed from the published values and the groupings.
    public static func solvableCells(hidden: Set<String>, values: [String: Double], groups: [Group]) -> Set<String> {
        // Unknowns: hidden cells and cells without a value that occur in some grouping.
        var unknowns: [String] = []
        var index: [String: Int] = [:]
        func isUnknown(_ c: String) -> Bool { hidden.contains(c) || values[c] == nil }
        for g in groups {
            for c in [g.total] + g.parts where isUnknown(c) && index[c] == nil {
                index[c] = unknowns.count
                unknowns.append(c)
            }
        }
        guard !unknowns.isEmpty else { return [] }
        // One equation per grouping with at least one unknown: total − Σ parts = known constant.
        var rows: [[Double]] = []
        for g in groups {
            var row = [Double](repeating: 0, count: unknowns.count)
            var any = false
            if let i = index[g.total] {
                row[i] += 1
                any = true
            }
            for p in g.parts {
                if let i = index[p] {
                    row[i] -= 1
                    any = true
                }
            }
            if any { rows.append(row) }
        }
        let reduced = rref(rows, columns: unknowns.count)
        var out = Set<String>()
        for row in reduced {
            let nonZero = row.indices.filter { abs(row[$0]) > 1e-9 }
            if nonZero.count == 1, hidden.contains(unknowns[nonZero[0]]) { out.insert(unknowns[nonZero[0]]) }
        }
        return out
    }

    /// The cell to hide next so that `cell` is no longer solvable: first in a grouping that contains
    /// it (the smallest published part, else the published total), then in the groupings linked to
    /// those through shared unknown cells (a derivation may run through several groupings).
    static func nextToHide(for cell: String, hidden: [String: Reason], values: [String: Double], groups: [Group])
        -> String?
    {
        func isUnknown(_ c: String) -> Bool { hidden[c] != nil || values[c] == nil }
        func candidate(in g: Group) -> String? {
            let published = g.parts.filter { $0 != cell && !isUnknown($0) }
            if let smallest = published.min(by: { (values[$0]!, $0) < (values[$1]!, $1) }) { return smallest }
            if g.total != cell, !isUnknown(g.total) { return g.total }
            return nil
        }
        var seen = Set<Int>()
        var frontier = groups.indices.filter { groups[$0].total == cell || groups[$0].parts.contains(cell) }
        var unknownCells: Set<String> = [cell]
        while !frontier.isEmpty {
            for i in frontier { if let c = candidate(in: groups[i]) { return c } }
            seen.formUnion(frontier)
            for i in frontier {
                for c in [groups[i].total] + groups[i].parts where isUnknown(c) { unknownCells.insert(c) }
            }
            frontier = groups.indices.filter { i in
                !seen.contains(i) && ([groups[i].total] + groups[i].parts).contains { unknownCells.contains($0) }
            }
        }
        return nil
    }

    /// Reduced row echelon form (Gauss–Jordan with partial pivoting); only the non-zero rows.
    static func rref(_ input: [[Double]], columns: Int) -> [[Double]] {
        var m = input
        var pivotRow = 0
        for col in 0..<columns where pivotRow < m.count {
            var best = pivotRow
            for r in pivotRow..<m.count where abs(m[r][col]) > abs(m[best][col]) { best = r }
            guard abs(m[best][col]) > 1e-9 else { continue }
            m.swapAt(pivotRow, best)
            let p = m[pivotRow][col]
            for c in 0..<columns { m[pivotRow][c] /= p }
            for r in 0..<m.count where r != pivotRow && abs(m[r][col]) > 1e-12 {
                let f = m[r][col]
                for c in 0..<columns { m[r][c] -= f * m[pivotRow][c] }
            }
            pivotRow += 1
        }
        return Array(m.prefix(pivotRow))
    }
}
