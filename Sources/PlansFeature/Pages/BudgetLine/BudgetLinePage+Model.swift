import AppCore
import VitaalDomain

/// The form to change one budget line (`/plannen/<key>/begroting/<table>/<line>`): its amounts per
/// column, the actual amounts of budget columns and the printed total.
enum BudgetLinePage {
    struct Model {
        struct Field {
            var name: String
            var label: String
        }

        var planKey: String
        var planTitle: String
        var tableTitle: String
        var lineLabel: String
        var unitLabel: String
        var action: String
        var fields: [Field]
        var form: PlanForm

        init(_ loaded: LoadedPlan, table: BudgetTable, record: BudgetTableRecord, lineKey: String) throws {
            guard let line = table.sections.flatMap(\.lines).first(where: { $0.key == lineKey }) else {
                throw VitaalError(.notFound, "Onbekende begrotingsregel.")
            }
            let actuals = loaded.actuals(table: record)[line.key] ?? [:]
            planKey = loaded.key
            planTitle = loaded.plan.title
            tableTitle = table.title
            lineLabel = line.label
            unitLabel = BudgetFormat.unitLabel(table)
            action = PlanURL.budgetLine(plan: .value(loaded.key), table: .value(table.key), line: .value(line.key)).path
            var fields: [Field] = []
            var values: [String: String] = [:]
            for (index, column) in table.columns.enumerated() {
                fields.append(Field(name: "cel.\(column.key)", label: column.label))
                values["cel.\(column.key)"] =
                    line.cells.indices.contains(index)
                    ? BudgetFormat.cell(line.cells[index], table: table) : ""
                guard column.kind == .budget else { continue }
                fields.append(Field(name: "werkelijk.\(column.key)", label: "Werkelijk – \(column.label)"))
                values["werkelijk.\(column.key)"] =
                    actuals[column.key]
                    .map { BudgetFormat.amount($0, table: table) } ?? ""
            }
            if table.hasTotalColumn {
                fields.append(Field(name: "totaal", label: "Totaal"))
                values["totaal"] = line.total.map { BudgetFormat.cell($0, table: table) } ?? ""
            }
            self.fields = fields
            form = PlanForm(values: values)
        }
    }
}
