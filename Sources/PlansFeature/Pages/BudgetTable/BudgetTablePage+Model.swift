import AppCore
import Vapor
import VitaalDomain

/// The structure of one budget table (`/plannen/<key>/begrotingstabellen/<table>`, editors, #16): the
/// table with links to each line's amounts and actuals, its lines and columns with a remove button
/// each, the forms to add a line and a column, and removing the whole table. Structure changes only
/// in a concept.
enum BudgetTablePage {
    struct Model {
        struct Item {
            var key: String
            var label: String
            var detail: String
            var removeAction: String
        }

        var planKey: String
        var planTitle: String
        var table: BudgetTable
        var actuals: [String: [String: Money]]
        /// Structure changes are possible (the plan is a concept).
        var editsStructure: Bool
        var lines: [Item]
        var columns: [Item]
        var sections: [(value: String, label: String)]
        var categories: [(value: String, label: String)]
        var lineForm = PlanForm()
        var columnForm = PlanForm()
        var notice: String?

        init(_ loaded: LoadedPlan, table: BudgetTable, record: BudgetTableRecord) {
            let planKey = loaded.key
            self.planKey = planKey
            planTitle = loaded.plan.title
            self.table = table
            actuals = loaded.actuals(table: record)
            editsStructure = loaded.plan.status == .concept
            lines = table.sections.flatMap { section in
                section.lines.map { line in
                    Item(
                        key: line.key, label: line.label, detail: "\(section.label), \(line.category.label)",
                        removeAction: PlanURL.budgetLineRemove(
                            plan: .value(planKey), table: .value(table.key), line: .value(line.key)
                        ).path)
                }
            }
            columns = table.columns.map { column in
                Item(
                    key: column.key, label: column.label,
                    detail: [column.programme, column.year.map { "\($0)" }, column.kind.label.lowercased()]
                        .compactMap { $0 }.joined(separator: ", "),
                    removeAction: PlanURL.budgetColumnRemove(
                        plan: .value(planKey), table: .value(table.key), column: .value(column.key)
                    ).path)
            }
            sections = table.sections.map { (value: $0.key, label: $0.label) }
            categories = BudgetCategory.allCases.map { (value: $0.rawValue, label: $0.label) }
            lineForm = PlanForm(values: ["regel.sectie": table.sections.last?.key ?? "", "regel.categorie": "other"])
            let year = table.columns.compactMap(\.year).max().map { $0 + 1 } ?? loaded.plan.period.end.year
            columnForm = PlanForm(values: ["kolom.jaar": "\(year)"])
        }

        /// 422 when one of the forms was refused.
        var status: HTTPResponseStatus {
            lineForm.message != nil || columnForm.message != nil ? .unprocessableEntity : .ok
        }

        var noticeText: String? {
            switch notice {
            case "regel": "Regel toegevoegd. Vul de bedragen in via ‘Bedragen’."
            case "kolom": "Kolom toegevoegd."
            case "verwijderd": "Verwijderd."
            default: nil
            }
        }
    }
}
