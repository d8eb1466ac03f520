import AppCore
import Fluent
import VitaalDomain

/// The annual report (jaarverslag) of one year as text for `vitaal plans report KEY --soort jaarverslag`:
/// the same model as the page (`ReportPage.Annual`), written line by line.
enum AnnualReportText {
    static func lines(_ loaded: LoadedPlan, year: Int, on db: any Database) async throws -> [String] {
        let annual = try await ReportPage.Annual.load(loaded, year: year, canEdit: false, links: false, on: db)
        let plan = loaded.plan
        var out = [
            "Jaarverslag \(year): \(plan.title) (\(plan.period), \(plan.status.label))",
            "Stand op 31 december \(year): \(annual.rollUp.status.label) – \(PlanViews.counts(annual.rollUp))"
        ]
        for goal in annual.goals {
            out.append(goal.title)
            for row in goal.rows {
                out.append(
                    "  [\(row.status.label)] \(row.measure) – streefwaarde \(year): \(row.yearTarget); "
                        + "realisaties: \(row.realisations); stand 31 december: \(row.atYearEnd)")
            }
        }
        for budget in annual.budgets {
            out.append("Begroting en werkelijk \(year): \(budget.table.title)")
            if let error = budget.comparison.error { out.append("  ! \(error)") }
            for row in budget.comparison.rows {
                out.append(
                    "  \(row.column), \(row.section): "
                        + (row.compared == 0
                            ? "nog geen werkelijke bedragen"
                            : "begroot \(row.budget.formatted), werkelijk \(row.actual.formatted), "
                                + "verschil \(row.difference.formatted)"))
            }
            for line in budget.comparison.unmatched { out.append("  ! \(line)") }
        }
        out.append("Geleerde lessen: " + (annual.lessons ?? "(nog niet geschreven)"))
        out.append("Evaluatie: " + (annual.evaluation ?? "(nog niet geschreven)"))
        return out
    }
}
