import AppCore
import Fluent
import Vapor
import VitaalDomain

/// The structure of a plan's budgets (#16): tables (programme × category × year) added and removed,
/// lines and columns added and removed. Only in a concept, only by editors of the owning organisation
/// (or a beheerder); bounded by `BudgetLimits`; each change in one transaction with an audit entry. A
/// refused form is shown again with each message next to its field (422) and nothing is written.
struct PlanBudgetController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.write(.POST, PlanURL.budgetTables(plan: .key), access: .role(.redacteur), use: addTable)
        routes.requiring(.redacteur).get(PlanURL.budgetTable(plan: .key, table: .key), use: tablePage)
        routes.write(
            .POST, PlanURL.budgetTableRemove(plan: .key, table: .key), access: .role(.redacteur), use: removeTable)
        routes.write(.POST, PlanURL.budgetLines(plan: .key, table: .key), access: .role(.redacteur), use: addLine)
        routes.write(
            .POST, PlanURL.budgetLineRemove(plan: .key, table: .key, line: .key), access: .role(.redacteur),
            use: removeLine)
        routes.write(.POST, PlanURL.budgetColumns(plan: .key, table: .key), access: .role(.redacteur), use: addColumn)
        routes.write(
            .POST, PlanURL.budgetColumnRemove(plan: .key, table: .key, column: .key), access: .role(.redacteur),
            use: removeColumn)
    }

    // MARK: Tables

    @Sendable func addTable(_ req: Request) async throws -> Response {
        let (loaded, _) = try await PlanWriteController.loadForChange(req, structure: true)
        let input: BudgetStructureInput.NewTable
        do {
            input = try BudgetStructureInput.NewTable(req)
            if loaded.budgetTables.count >= BudgetLimits.tablesPerPlan {
                throw VitaalError.invalid(
                    "Het plan heeft al \(loaded.budgetTables.count) begrotingstabellen; ten hoogste "
                        + "\(BudgetLimits.tablesPerPlan)", at: SourceLocation(field: "titel"))
            }
        } catch let error as VitaalError where error.kind == .invalidInput {
            var model = BudgetPage.Model(loaded, viewer: req.user?.viewer)
            model.tableForm = PlanForm(
                values: BudgetStructureInput.values(req, BudgetStructureInput.NewTable.fields), refused: error)
            return BudgetPage.view(model, req.pageContext).render(for: req)
        }
        let key = BudgetStructureInput.key(
            for: input.title, taken: Set(loaded.budgetTables.map(\.key)), fallback: "begroting")
        let table = BudgetTable(
            key: key, title: input.title, unit: input.unit, columns: [input.column], hasTotalColumn: false,
            sections: [
                BudgetSection(key: "baten", label: "Baten", lines: []),
                BudgetSection(key: "lasten", label: "Lasten", lines: [])
            ])
        let order = (loaded.budgetTables.map(\.sortOrder).max() ?? -1) + 1
        let planTitle = loaded.plan.title
        try await req.db.transaction { db in
            try await PlanStore.createBudgetTable(table, planID: loaded.id, sortOrder: order, on: db)
            try await req.audit(
                on: db, "aangemaakt", entity: "begroting", id: "\(loaded.key)/\(key)",
                summary: "Begrotingstabel \"\(input.title)\" toegevoegd aan \(planTitle)")
        }
        return req.redirect(to: PlanURL.budgetTable(plan: .value(loaded.key), table: .value(key)))
    }

    @Sendable func tablePage(_ req: Request) async throws -> SitePage {
        let loaded = try await PlanAccess.loadVisible(req)
        try PlanAccess.requireEdit(loaded, req)
        let (record, table) = try PlanPagesController.budgetTable(loaded, req)
        var model = BudgetTablePage.Model(loaded, table: table, record: record)
        model.notice = req.query[String.self, at: "melding"]
        return BudgetTablePage.view(model, req.formContext)
    }

    @Sendable func removeTable(_ req: Request) async throws -> Response {
        let (loaded, _) = try await PlanWriteController.loadForChange(req, structure: true)
        let (record, table) = try PlanPagesController.budgetTable(loaded, req)
        let tableID = try record.requireID()
        try await req.db.transaction { db in
            try await BudgetEntryRecord.query(on: db).filter(\.$table.$id == tableID).delete()
            try await BudgetTableRecord.query(on: db).filter(\.$id == tableID).delete()
            try await req.audit(
                on: db, "verwijderd", entity: "begroting", id: "\(loaded.key)/\(table.key)",
                summary: "Begrotingstabel \"\(table.title)\" verwijderd uit \(loaded.plan.title)")
        }
        return req.redirect(to: PlanURL.budget(plan: .value(loaded.key)))
    }

    // MARK: Lines

    @Sendable func addLine(_ req: Request) async throws -> Response {
        let (loaded, _) = try await PlanWriteController.loadForChange(req, structure: true)
        let (record, table) = try PlanPagesController.budgetTable(loaded, req)
        let input: BudgetStructureInput.NewLine
        do {
            input = try BudgetStructureInput.NewLine(req, table: table)
        } catch let error as VitaalError where error.kind == .invalidInput {
            var model = BudgetTablePage.Model(loaded, table: table, record: record)
            model.lineForm = PlanForm(
                values: BudgetStructureInput.values(req, BudgetStructureInput.NewLine.fields), refused: error)
            return BudgetTablePage.view(model, req.pageContext).render(for: req)
        }
        let tableID = try record.requireID()
        let existing = loaded.entries[tableID] ?? []
        let lineKey = BudgetStructureInput.key(
            for: input.label, taken: Set(existing.map(\.lineKey)), fallback: "regel")
        let firstOrder = (existing.map(\.sortOrder).max() ?? -1) + 1
        let columns: [BudgetColumn?] = table.columns.map { $0 } + (table.hasTotalColumn ? [nil] : [])
        try await req.db.transaction { db in
            for (offset, column) in columns.enumerated() {
                let entry = BudgetEntryRecord()
                entry.$table.id = tableID
                entry.sectionKey = input.section
                entry.lineKey = lineKey
                entry.lineLabel = input.label
                entry.category = input.category.rawValue
                entry.columnKey = column?.key ?? BudgetEntryRecord.totalColumn
                entry.programme = column?.programme
                entry.year = column?.year
                entry.kind = (column?.kind ?? .budget).rawValue
                entry.setCell(.empty)
                entry.sortOrder = firstOrder + offset
                try await entry.create(on: db)
            }
            try await req.audit(
                on: db, "aangemaakt", entity: "begroting", id: "\(loaded.key)/\(table.key)/\(lineKey)",
                summary: "Begrotingsregel \"\(input.label)\" toegevoegd aan \"\(table.title)\" (\(loaded.plan.title))")
        }
        return req.redirect(
            to: PlanURL.budgetTable(plan: .value(loaded.key), table: .value(table.key)), notice: "regel")
    }

    @Sendable func removeLine(_ req: Request) async throws -> Response {
        let (loaded, _) = try await PlanWriteController.loadForChange(req, structure: true)
        let (record, table) = try PlanPagesController.budgetTable(loaded, req)
        let lineKey = req.parameters.get("line") ?? ""
        guard let line = table.sections.flatMap(\.lines).first(where: { $0.key == lineKey }) else {
            throw VitaalError(.notFound, "Onbekende begrotingsregel \"\(BoundedNumber.short(lineKey))\".")
        }
        let tableID = try record.requireID()
        try await req.db.transaction { db in
            try await BudgetEntryRecord.query(on: db).filter(\.$table.$id == tableID).filter(\.$lineKey == lineKey)
                .delete()
            try await req.audit(
                on: db, "verwijderd", entity: "begroting", id: "\(loaded.key)/\(table.key)/\(lineKey)",
                summary: "Begrotingsregel \"\(line.label)\" verwijderd uit \"\(table.title)\" (\(loaded.plan.title))")
        }
        return req.redirect(
            to: PlanURL.budgetTable(plan: .value(loaded.key), table: .value(table.key)), notice: "verwijderd")
    }

    // MARK: Columns

    @Sendable func addColumn(_ req: Request) async throws -> Response {
        let (loaded, _) = try await PlanWriteController.loadForChange(req, structure: true)
        let (record, table) = try PlanPagesController.budgetTable(loaded, req)
        let input: BudgetStructureInput.NewColumn
        do {
            input = try BudgetStructureInput.NewColumn(req, table: table)
        } catch let error as VitaalError where error.kind == .invalidInput {
            var model = BudgetTablePage.Model(loaded, table: table, record: record)
            model.columnForm = PlanForm(
                values: BudgetStructureInput.values(req, BudgetStructureInput.NewColumn.fields), refused: error)
            return BudgetTablePage.view(model, req.pageContext).render(for: req)
        }
        let tableID = try record.requireID()
        let existing = loaded.entries[tableID] ?? []
        let column = input.column
        try await req.db.transaction { db in
            guard let stored = try await BudgetTableRecord.find(tableID, on: db) else {
                throw VitaalError(.notFound, "Begrotingstabel verdwenen.")
            }
            let columns: [BudgetColumn] = JSONText.decode(stored.columnsJSON)
            stored.columnsJSON = JSONText.encode(columns + [column])
            try await stored.save(on: db)
            var lines: [String] = []
            for entry in existing where !lines.contains(entry.lineKey) { lines.append(entry.lineKey) }
            for lineKey in lines {
                guard let first = existing.first(where: { $0.lineKey == lineKey }) else { continue }
                let entry = BudgetEntryRecord()
                entry.$table.id = tableID
                entry.sectionKey = first.sectionKey
                entry.lineKey = lineKey
                entry.lineLabel = first.lineLabel
                entry.category = first.category
                entry.columnKey = column.key
                entry.programme = column.programme
                entry.year = column.year
                entry.kind = column.kind.rawValue
                entry.setCell(.empty)
                entry.sortOrder = first.sortOrder
                try await entry.create(on: db)
            }
            try await req.audit(
                on: db, "gewijzigd", entity: "begroting", id: "\(loaded.key)/\(table.key)",
                summary: "Kolom \"\(column.label)\" toegevoegd aan \"\(table.title)\" (\(loaded.plan.title))")
        }
        return req.redirect(
            to: PlanURL.budgetTable(plan: .value(loaded.key), table: .value(table.key)), notice: "kolom")
    }

    @Sendable func removeColumn(_ req: Request) async throws -> Response {
        let (loaded, _) = try await PlanWriteController.loadForChange(req, structure: true)
        let (record, table) = try PlanPagesController.budgetTable(loaded, req)
        let columnKey = req.parameters.get("column") ?? ""
        guard let column = table.columns.first(where: { $0.key == columnKey }) else {
            throw VitaalError(.notFound, "Onbekende kolom \"\(BoundedNumber.short(columnKey))\".")
        }
        if table.columns.count == 1 {
            throw VitaalError(
                .conflict,
                "Een begrotingstabel houdt ten minste één kolom; voeg eerst een andere kolom toe of verwijder de "
                    + "hele tabel.")
        }
        let tableID = try record.requireID()
        try await req.db.transaction { db in
            guard let stored = try await BudgetTableRecord.find(tableID, on: db) else {
                throw VitaalError(.notFound, "Begrotingstabel verdwenen.")
            }
            let columns: [BudgetColumn] = JSONText.decode(stored.columnsJSON)
            stored.columnsJSON = JSONText.encode(columns.filter { $0.key != columnKey })
            // Printed totals are per column index: the removed column's total goes with it.
            if let index = columns.firstIndex(where: { $0.key == columnKey }) {
                var sections: [BudgetTableRecord.SectionMeta] = JSONText.decode(stored.sectionsJSON)
                for i in sections.indices where sections[i].statedTotals?.indices.contains(index) == true {
                    sections[i].statedTotals?.remove(at: index)
                }
                stored.sectionsJSON = JSONText.encode(sections)
            }
            try await stored.save(on: db)
            try await BudgetEntryRecord.query(on: db).filter(\.$table.$id == tableID)
                .filter(\.$columnKey == columnKey).delete()
            try await req.audit(
                on: db, "gewijzigd", entity: "begroting", id: "\(loaded.key)/\(table.key)",
                summary: "Kolom \"\(column.label)\" verwijderd uit \"\(table.title)\" (\(loaded.plan.title))")
        }
        return req.redirect(
            to: PlanURL.budgetTable(plan: .value(loaded.key), table: .value(table.key)), notice: "verwijderd")
    }
}
