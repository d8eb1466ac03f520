import AppCore
import VitaalDomain

/// The budgets of a plan (`/plannen/<key>/begroting`): each table with its check and budget versus
/// actual, personnel, and for editors the personnel form and the links to edit budget lines.
enum BudgetPage {
    struct Model {
        struct Table {
            var table: BudgetTable
            var actuals: [String: [String: Money]]
            /// The line edit page by line key (editors only).
            var editLink: BudgetTableView.EditLink?
            var hasBudgetColumns: Bool
            /// The table's structure page (editors only).
            var structureLink: String?
            /// Budget versus actual, like with like (#16).
            var comparison: BudgetComparison
        }

        var key: String
        var title: String
        var tables: [Table]
        var personnel: [PersonnelFigures]
        var personnelProblems: [String]
        /// The personnel form's default year (editors only).
        var personnelYear: Int?
        /// The form to add a budget table (editors of a concept only, #16).
        var tableForm: PlanForm?
        var defaultYear: Int

        init(_ loaded: LoadedPlan, viewer: PageContext.Viewer?) {
            let plan = loaded.plan
            let canEdit = PlanAccess.mayEdit(loaded, viewer)
            key = plan.key
            title = plan.title
            tables = zip(loaded.budgetTables, plan.budgets).map { record, table in
                let tableKey = table.key
                let planKey = plan.key
                return Table(
                    table: table, actuals: loaded.actuals(table: record),
                    editLink: canEdit
                        ? { line in
                            PlanURL.budgetLine(
                                plan: .value(planKey), table: .value(tableKey),
                                line: .value(line)
                            ).path
                        } : nil,
                    hasBudgetColumns: table.columns.contains { $0.kind == .budget },
                    structureLink: canEdit
                        ? PlanURL.budgetTable(plan: .value(planKey), table: .value(tableKey)).path : nil,
                    comparison: BudgetComparison(table, actuals: loaded.actuals(table: record)))
            }
            personnel = plan.personnel
            personnelProblems = loaded.personnelProblems
            personnelYear = canEdit ? plan.period.end.year : nil
            defaultYear = plan.period.end.year
            tableForm =
                canEdit && plan.status == .concept
                ? PlanForm(values: ["eenheid": "euro", "jaar": "\(plan.period.end.year)"]) : nil
        }
    }
}
