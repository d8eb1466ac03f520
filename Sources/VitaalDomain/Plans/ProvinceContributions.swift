import Foundation

/// The province's contributions across plans per funding source and year (#16, "bijdragen van de
/// provincie").
///
/// How a contribution is found in the budget tables of the plans:
/// - a contribution is a budget line of category `subsidieProvincie` ("Subsidie provincie"): the line
///   in a partner's budget that states what the province pays, e.g. "Subsidie Provincie Flevoland
///   (langlopend)" in Flever's budget. The funding source (regeling) is the line's label, trimmed;
/// - the year is the column's year; columns without a year are not counted;
/// - budget (begroting) and actual (werkelijk) are kept apart and never added to each other. A year's
///   budget is the sum of the line's budget columns of that year: the whole-organisation columns when
///   the table has them, else the programme columns (which then split the same money). The actual
///   comes from the table's actual columns of that year chosen the same way, else from the actual
///   amounts entered against exactly those budget cells — only when every one of them has one (like
///   with like);
/// - one plan states the same contribution in several tables (a budget and the same budget per
///   programme): per plan, source and year the first table in the plan's order that has a budget
///   (and, apart, an actual) counts; when a later table states another amount, a note names both.
public struct ProvinceContributions: Sendable, Hashable {
    /// The budget tables of one plan, as the viewer may see it.
    public struct PlanBudgets: Sendable, Hashable {
        public var key: String
        public var title: String
        public var organisation: String
        public var tables: [BudgetTable]
        /// Actual amounts entered against budget cells: [table key: [line key: [column key: amount]]].
        public var actuals: [String: [String: [String: Money]]]
        public init(
            key: String, title: String, organisation: String, tables: [BudgetTable],
            actuals: [String: [String: [String: Money]]] = [:]
        ) {
            self.key = key
            self.title = title
            self.organisation = organisation
            self.tables = tables
            self.actuals = actuals
        }
    }

    /// One plan's contribution from one source in one year.
    public struct Entry: Sendable, Hashable {
        public var planKey: String
        public var planTitle: String
        public var organisation: String
        public var source: String
        public var year: Int
        public var budget: Money?
        public var actual: Money?
        /// The titles of the tables the budget and the actual were taken from.
        public var budgetTable: String?
        public var actualTable: String?
    }

    /// The category that marks a contribution of the province.
    public static let category = BudgetCategory.subsidieProvincie

    /// Funding sources, sorted.
    public var sources: [String]
    /// Years with at least one contribution, ascending.
    public var years: [Int]
    /// Every contribution, by source, year and plan title.
    public var entries: [Entry]
    /// Tables of one plan that state another amount than the one counted, in words.
    public var notes: [String]

    public init(_ plans: [PlanBudgets]) {
        var entries: [Entry] = []
        var notes: [String] = []
        for plan in plans {
            var byKey: [String: Int] = [:]
            for table in plan.tables {
                let actuals = plan.actuals[table.key] ?? [:]
                for section in table.sections {
                    for line in section.lines where line.category == Self.category {
                        let source = line.label.trimmingCharacters(in: .whitespacesAndNewlines)
                        for year in Set(table.columns.compactMap(\.year)).sorted() {
                            let amounts = Self.amounts(line, of: table, year: year, actuals: actuals[line.key] ?? [:])
                            guard amounts.budget != nil || amounts.actual != nil else { continue }
                            let key = "\(source)\u{1F}\(year)"
                            guard let index = byKey[key] else {
                                byKey[key] = entries.count
                                entries.append(
                                    Entry(
                                        planKey: plan.key, planTitle: plan.title, organisation: plan.organisation,
                                        source: source, year: year, budget: amounts.budget, actual: amounts.actual,
                                        budgetTable: amounts.budget == nil ? nil : table.title,
                                        actualTable: amounts.actual == nil ? nil : table.title))
                                continue
                            }
                            var entry = entries[index]
                            for (kind, counted, countedIn, found) in [
                                ("begroting", entry.budget, entry.budgetTable, amounts.budget),
                                ("werkelijk", entry.actual, entry.actualTable, amounts.actual)
                            ] {
                                guard let found, let counted, let countedTable = countedIn, counted != found
                                else { continue }
                                notes.append(
                                    "\(plan.title): tabel \"\(table.title)\" noemt voor \"\(source)\" \(year) "
                                        + "(\(kind)) \(found.formatted), tabel \"\(countedTable)\" "
                                        + "\(counted.formatted); geteld is \"\(countedTable)\".")
                            }
                            if entry.budget == nil, let budget = amounts.budget {
                                entry.budget = budget
                                entry.budgetTable = table.title
                            }
                            if entry.actual == nil, let actual = amounts.actual {
                                entry.actual = actual
                                entry.actualTable = table.title
                            }
                            entries[index] = entry
                        }
                    }
                }
            }
        }
        self.entries = entries.sorted { ($0.source, $0.year, $0.planTitle) < ($1.source, $1.year, $1.planTitle) }
        self.sources = Array(Set(entries.map(\.source))).sorted()
        self.years = Array(Set(entries.map(\.year))).sorted()
        self.notes = notes
    }

    /// The budget and actual of `line` in `year` by the rules above.
    static func amounts(_ line: BudgetLine, of table: BudgetTable, year: Int, actuals: [String: Money])
        -> (budget: Money?, actual: Money?)
    {
        func chosen(_ kind: BudgetKind) -> [Int] {
            let inYear = table.columns.indices.filter {
                table.columns[$0].year == year && table.columns[$0].kind == kind && line.cells.indices.contains($0)
            }
            let whole = inYear.filter { table.columns[$0].programme == nil }
            return whole.isEmpty ? inYear : whole
        }
        let budgetColumns = chosen(.budget)
        let actualColumns = chosen(.actual)
        let budget = budgetColumns.isEmpty ? nil : budgetColumns.reduce(Money.zero) { $0 + line.cells[$1].value }
        var actual = actualColumns.isEmpty ? nil : actualColumns.reduce(Money.zero) { $0 + line.cells[$1].value }
        if actual == nil, !budgetColumns.isEmpty {
            let entered = budgetColumns.compactMap { actuals[table.columns[$0].key] }
            if entered.count == budgetColumns.count { actual = entered.reduce(Money.zero, +) }
        }
        return (budget, actual)
    }

    /// The contributions from `source` in `year`, by plan title.
    public func entries(source: String, year: Int) -> [Entry] {
        entries.filter { $0.source == source && $0.year == year }
    }

    /// The sum of the budgets of `entries`; nil when none has a budget.
    public static func budget(_ entries: [Entry]) -> Money? {
        let amounts = entries.compactMap(\.budget)
        return amounts.isEmpty ? nil : amounts.reduce(Money.zero, +)
    }

    /// The sum of the actuals of `entries`; nil when none has an actual.
    public static func actual(_ entries: [Entry]) -> Money? {
        let amounts = entries.compactMap(\.actual)
        return amounts.isEmpty ? nil : amounts.reduce(Money.zero, +)
    }

    public func entries(year: Int) -> [Entry] { entries.filter { $0.year == year } }
    public func entries(source: String) -> [Entry] { entries.filter { $0.source == source } }
}
