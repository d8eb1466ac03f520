import AppCore
import Fluent
import Foundation
import VitaalDomain

extension ReportPage {
    /// What the annual report (jaarverslag) of one year adds to the report (#16): per goal the year's
    /// realisations against the year's targets (`AnnualReport`), budget versus actual of the year like
    /// with like, and the authored "Geleerde lessen" and "Evaluatie".
    struct Annual {
        struct Row {
            var measure: String
            var link: String?
            var isExample: Bool
            /// "66,7 personen" or "4 scans (einddoel)".
            var yearTarget: String
            /// "40 (31 maart 2025); 55 (30 november 2025)" or "geen realisaties in 2025".
            var realisations: String
            var atYearEnd: String
            var status: SmartTarget.Status
        }
        struct Goal {
            var title: String
            var rows: [Row]
        }
        struct Budget {
            var table: BudgetTable
            var actuals: [String: [String: Money]]
            var comparison: BudgetComparison
        }

        var year: Int
        var years: [Int]
        var goals: [Goal]
        var rollUp: StatusRollUp
        var budgets: [Budget]
        var lessons: String?
        var evaluation: String?
        /// "Laatst opgeslagen door … op 1 december 2025 10:00"; nil while not written.
        var written: String?
        /// The form of the texts (editors of the plan only, not in the PDF).
        var editLink: String?
        /// The confirmation after the texts were saved.
        var notice: String?
    }
}

extension ReportPage.Annual {
    /// The `jaar` of an annual report: a whole number that is one of the plan's years (refused in Dutch
    /// naming those years); nil when absent or empty.
    static func year(_ text: String?, of plan: Plan) throws -> Int? {
        let years = AnnualReport.years(of: plan)
        guard let year = try BoundedNumber.int(text, field: "jaar", in: 1...9999, label: "Jaar") else { return nil }
        guard years.contains(year) else {
            let range = years.count == 1 ? "\(years.lowerBound)" : "\(years.lowerBound) t/m \(years.upperBound)"
            throw VitaalError.invalid(
                "Jaar: \(year) is geen jaar van dit plan; kies \(range)", at: SourceLocation(field: "jaar"))
        }
        return year
    }

    /// `year` must be one of the plan's years (the handler checks it against `AnnualReport.years`).
    static func load(
        _ loaded: LoadedPlan, year: Int, canEdit: Bool, links: Bool, notice: String? = nil, on db: any Database
    ) async throws -> Self {
        let plan = loaded.plan
        let report = AnnualReport(plan: plan, year: year)
        let goals = report.goals.map { goal in
            Goal(
                title: goal.title,
                rows: goal.targets.map { row in
                    let target = row.target
                    // An inspanningsdoel has no value to reach: its assessments of the year stand in for
                    // realisations, and its status (from the domain) is the latest assessment.
                    if !target.isSmart {
                        let assessed = target.assessments.filter { $0.date.year == year }
                            .map { "\($0.judgement.label) (\($0.date.dutch))" }
                        return Row(
                            measure: target.measure,
                            link: links ? PlanURL.target(plan: .value(plan.key), target: .value(target.key)).path : nil,
                            isExample: loaded.isExample(target), yearTarget: "inspanningsdoel (kwalitatief beoordeeld)",
                            realisations: assessed.isEmpty
                                ? "geen beoordeling in \(year)" : assessed.joined(separator: "; "),
                            atYearEnd: "–", status: row.status)
                    }
                    let realisations = row.realisations.map { "\(PlanViews.number($0.value)) (\($0.date.dutch))" }
                    return Row(
                        measure: target.measure,
                        link: links ? PlanURL.target(plan: .value(plan.key), target: .value(target.key)).path : nil,
                        isExample: loaded.isExample(target),
                        yearTarget: "\(target.direction.label) \(PlanViews.number(row.yearTarget)) \(target.unit)"
                            + (row.isFinalYear ? " (einddoel)" : " (tussendoel)"),
                        realisations: realisations.isEmpty
                            ? "geen realisaties in \(year)" : realisations.joined(separator: "; "),
                        atYearEnd: row.valueAtYearEnd.map { PlanViews.number($0) } ?? "–", status: row.status)
                })
        }
        let budgets: [Budget] = zip(loaded.budgetTables, plan.budgets).compactMap { record, table in
            guard let yearTable = table.restricted(toYear: year) else { return nil }
            let keys = Set(yearTable.columns.map(\.key))
            let actuals = loaded.actuals(table: record).mapValues { $0.filter { keys.contains($0.key) } }
                .filter { !$0.value.isEmpty }
            return Budget(
                table: yearTable, actuals: actuals, comparison: BudgetComparison(yearTable, actuals: actuals))
        }
        let texts = try await PlanYearReflectionRecord.find(plan: loaded.id, year: year, on: db)
        return Self(
            year: year, years: Array(AnnualReport.years(of: plan)), goals: goals, rollUp: report.rollUp,
            budgets: budgets, lessons: texts?.lessons, evaluation: texts?.evaluation,
            written: texts.map { "Laatst opgeslagen door \($0.updatedBy) op \(DutchDate.dateTime($0.updatedAt))." },
            editLink: canEdit
                ? PlanURL.yearReportTexts(plan: .value(plan.key), year: .value("\(year)")).path : nil,
            notice: notice)
    }
}

extension PlanDate {
    /// The calendar day of `date` in the Netherlands.
    init(day date: Date) {
        let parts = Calendar(identifier: .gregorian).dateComponents(
            in: TimeZone(identifier: "Europe/Amsterdam") ?? .gmt, from: date)
        self = PlanDate(parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1) ?? PlanDate(1970, 1, 1)!
    }
}
