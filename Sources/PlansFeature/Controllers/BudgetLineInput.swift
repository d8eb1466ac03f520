import AppCore
import Fluent
import Vapor
import VitaalDomain

/// One budget line as the form sends it: the amounts per column (only while the plan is a concept)
/// and the actual amounts of the budget columns (an empty field clears one). Every problem is
/// collected and refused together (422), nothing is written.
struct BudgetLineInput {
    var table: BudgetTable
    var section: BudgetSection
    var line: BudgetLine
    /// New cells per column key (with `BudgetEntryRecord.totalColumn` for the total).
    var cells: [String: BudgetCell] = [:]
    /// New actual amounts per column key; `.some(nil)` clears the amount.
    var actuals: [String: Money?] = [:]

    /// The line of the request's `line` parameter in `table` (404 when unknown), with the form's amounts.
    init(_ req: Request, table: BudgetTable, editsAmounts: Bool) throws {
        let lineKey = req.parameters.get("line") ?? ""
        guard let section = table.sections.first(where: { $0.lines.contains { $0.key == lineKey } }),
            let line = section.lines.first(where: { $0.key == lineKey })
        else {
            throw VitaalError(.notFound, "Onbekende begrotingsregel \"\(lineKey)\".")
        }
        self.table = table
        self.section = section
        self.line = line
        var problems = ProblemCollector()
        for column in table.columns {
            if editsAmounts, let cell = cell(req, "cel.\(column.key)", column.label, &problems) {
                cells[column.key] = cell
            }
            if column.kind == .budget { readActual(req, column, &problems) }
        }
        if editsAmounts, table.hasTotalColumn, let total = cell(req, "totaal", "Totaal", &problems) {
            cells[BudgetEntryRecord.totalColumn] = total
        }
        try problems.throwIfAny("Begrotingsregel niet opgeslagen")
    }

    /// Where a problem of this line is: the table and the line's label.
    var element: String { "\(table.title), regel \"\(line.label)\"" }

    /// The actual amount of a budget column: empty clears it, otherwise it must be an amount.
    mutating func readActual(_ req: Request, _ column: BudgetColumn, _ problems: inout ProblemCollector) {
        let field = "werkelijk.\(column.key)"
        if FormInput.text(req, field).isEmpty {
            actuals[column.key] = .some(nil)
            return
        }
        switch cell(req, field, "werkelijk \(column.label)", &problems) {
        case .amount(let m)?: actuals[column.key] = .some(m)
        case nil: break
        default:
            problems.add("werkelijk bedrag moet een bedrag zijn", at: SourceLocation(field: field, element: element))
        }
    }

    /// The cell of `field` in the table's unit; a problem is collected and gives nil.
    func cell(_ req: Request, _ field: String, _ label: String, _ problems: inout ProblemCollector) -> BudgetCell? {
        do {
            return try BudgetCell.parse(
                FormInput.text(req, field), unit: table.unit,
                at: SourceLocation(field: field, element: "\(element), kolom \"\(label)\""))
        } catch let e as VitaalError {
            problems.add(e.problems)
            return nil
        } catch {
            problems.add("\(error)", at: SourceLocation(field: field))
            return nil
        }
    }

    /// Updates the line's entries of `record` in one transaction, with an audit entry.
    func save(_ loaded: LoadedPlan, table record: BudgetTableRecord, _ req: Request) async throws {
        let entries = (loaded.entries[record.id!] ?? []).filter {
            $0.sectionKey == section.key && $0.lineKey == line.key
        }
        try await req.db.transaction { db in
            for entry in entries {
                if let cell = cells[entry.columnKey] { entry.setCell(cell) }
                if let actual = actuals[entry.columnKey] { entry.actualCents = actual?.cents }
                try await entry.save(on: db)
            }
            try await req.audit(
                on: db, "gewijzigd", entity: "begroting", id: "\(loaded.key)/\(table.key)/\(line.key)",
                summary: "Begrotingsregel \"\(line.label)\" in \"\(table.title)\" (\(loaded.plan.title))")
        }
    }
}
