import Foundation

/// Bounds of the budget structure a plan may have (#16): every add is refused beyond them.
public enum BudgetLimits {
    public static let tablesPerPlan = 20
    public static let columnsPerTable = 24
    public static let linesPerTable = 200
    public static let titleLength = 200
    public static let labelLength = 120
    public static let programmeLength = 40
    public static let years: ClosedRange<Int> = 1900...2200
}

/// Budget versus actual that compares like with like (#16): per budget column (programme × year)
/// and section, only the lines that have an actual amount are compared with their own budget; lines
/// without an actual are named, not counted. Actual columns of a source table (kind `actual`) are
/// compared with the budget column of the same programme and year, and one without such a column is
/// reported as having no counterpart.
public struct BudgetComparison: Sendable, Hashable {
    public struct Row: Sendable, Hashable {
        public var column: String
        public var section: String
        /// The budget of the compared lines only.
        public var budget: Money
        public var actual: Money
        public var difference: Money
        /// Actual as a whole percentage of budget; nil when the budget is zero.
        public var percent: Int?
        /// How many lines are compared, and the labels of the lines that have no actual yet.
        public var compared: Int
        public var withoutActual: [String]
    }

    public var rows: [Row]
    /// Columns or lines that have nothing to be compared with, in words.
    public var unmatched: [String]
    /// Set when a sum does not fit (the table then shows the message instead of rows).
    public var error: String?

    /// Compares `table` with `actuals` ([line key: [budget column key: amount]]).
    public init(_ table: BudgetTable, actuals: [String: [String: Money]]) {
        rows = []
        unmatched = []
        error = nil
        let what = "begroting en werkelijk van \"\(table.title)\""
        do {
            for (index, column) in table.columns.enumerated() where column.kind == .budget {
                for section in table.sections where !section.lines.isEmpty {
                    var budget = Money.zero
                    var actual = Money.zero
                    var compared = 0
                    var without: [String] = []
                    for line in section.lines {
                        guard line.cells.indices.contains(index) else { continue }
                        if let entered = actuals[line.key]?[column.key] {
                            budget = try budget.adding(line.cells[index].value, what: what)
                            actual = try actual.adding(entered, what: what)
                            compared += 1
                        } else {
                            without.append(line.label)
                        }
                    }
                    rows.append(
                        Row(
                            column: column.label, section: section.label, budget: budget, actual: actual,
                            difference: try actual.subtracting(budget, what: what),
                            percent: compared == 0 ? nil : actual.percent(of: budget), compared: compared,
                            withoutActual: without))
                }
            }
            for (index, column) in table.columns.enumerated() where column.kind == .actual {
                let match = table.columns.firstIndex {
                    $0.kind == .budget && $0.year == column.year && $0.programme == column.programme
                }
                guard let match else {
                    unmatched.append(
                        "Kolom \"\(column.label)\" (werkelijk) heeft geen begrotingskolom van hetzelfde programma en "
                            + "jaar; die wordt niet vergeleken.")
                    continue
                }
                for section in table.sections where !section.lines.isEmpty {
                    var budget = Money.zero
                    var actual = Money.zero
                    for line in section.lines
                    where line.cells.indices.contains(index) && line.cells.indices.contains(match) {
                        budget = try budget.adding(line.cells[match].value, what: what)
                        actual = try actual.adding(line.cells[index].value, what: what)
                    }
                    rows.append(
                        Row(
                            column: "\(table.columns[match].label) ↔ \(column.label)", section: section.label,
                            budget: budget, actual: actual, difference: try actual.subtracting(budget, what: what),
                            percent: actual.percent(of: budget), compared: section.lines.count, withoutActual: []))
                }
            }
        } catch {
            rows = []
            self.error = error.message
        }
    }
}
