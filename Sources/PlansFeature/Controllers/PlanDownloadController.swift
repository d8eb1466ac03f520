import AppCore
import Vapor
import VitaalDomain

/// Exports of a plan's targets and budgets as CSV and xlsx.
struct PlanDownloadController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(PlanURL.targetsCSV(plan: .key), use: targetsCSV)
        routes.get(PlanURL.targetsXLSX(plan: .key), use: targetsXLSX)
        routes.get(PlanURL.budgetCSV(plan: .key), use: budgetCSV)
        routes.get(PlanURL.budgetXLSX(plan: .key), use: budgetXLSX)
    }

    static func targetRows(_ loaded: LoadedPlan, csv: Bool) -> (headers: [String], rows: [[XLSX.Cell]]) {
        let plan = loaded.plan
        let headers = [
            "Sleutel", "Niveau", "Doel", "Maat", "Eenheid", "Richting", "Nulmeting", "Datum nulmeting", "Streefwaarde",
            "Streefdatum", "Stand", "Datum stand", "Status", "Verantwoordelijk", "Voorbeelddata", "Soort",
            "Toelichting beoordeling"
        ]
        let rows: [[XLSX.Cell]] = plan.targets.map { t in
            let node = plan.node(t.nodeKey)
            let current = t.currentValue()
            let example =
                t.isExample || (loaded.realisations[t.key] ?? []).contains { $0.isExample }
                || t.assessments.contains { $0.isExample }
            // An inspanningsdoel has no streefwaarde or stand: its status is the latest assessment.
            let latest = t.isSmart ? nil : t.latestAssessment()
            return [
                .text(t.key), .text(node.map { plan.levelName(of: $0) } ?? ""), .text(node?.title ?? t.nodeKey),
                .text(t.measure),
                .text(t.unit), .text(t.direction.label), .number(t.baseline.value), .text(t.baseline.date.description),
                t.isSmart ? .number(t.targetValue) : .empty, .text(t.targetDate?.description ?? ""),
                current.map { .number($0.value) } ?? .empty,
                .text(current?.date.description ?? latest?.date.description ?? ""), .text(t.statusLabel()),
                .text(t.responsible ?? ""), .text(example ? "ja" : "nee"),
                .text(t.isSmart ? "SMART" : "inspanningsdoel"), .text(latest?.explanation ?? "")
            ]
        }
        return (headers, rows)
    }

    static func csvText(_ cell: XLSX.Cell) -> String {
        switch cell {
        case .text(let t): t
        case .number(let v), .amount(let v):
            DutchNumberFormat.format(v, decimals: v == v.rounded() ? 0 : 2, grouping: false)
        case .percent(let v): DutchNumberFormat.format(v * 100, decimals: 0, grouping: false)
        case .empty: ""
        }
    }

    @Sendable func targetsCSV(_ req: Request) async throws -> Response {
        let loaded = try await PlanAccess.loadVisible(req)
        let (headers, rows) = Self.targetRows(loaded, csv: true)
        return Download.csv(
            "\(loaded.key)-doelstellingen.csv", headers: headers, rows: rows.map { $0.map(Self.csvText) })
    }

    @Sendable func targetsXLSX(_ req: Request) async throws -> Response {
        let loaded = try await PlanAccess.loadVisible(req)
        let (headers, rows) = Self.targetRows(loaded, csv: false)
        return try Download.xlsx(
            "\(loaded.key)-doelstellingen.xlsx",
            sheets: [XLSX.Sheet(name: "Doelstellingen", rows: [headers.map { .text($0) }] + rows)])
    }

    /// A valid sheet name: no `[]:*?/\\`, at most 31 characters, never empty.
    static func sheetName(_ title: String) -> String {
        let cleaned = String(title.filter { !"[]:*?/\\".contains($0) }.prefix(31))
        return cleaned.isEmpty ? "Begroting" : cleaned
    }

    static func euros(_ m: Money) -> String {
        let magnitude = m.cents.magnitude
        let rest = magnitude % 100
        return (m.cents < 0 ? "-" : "") + "\(magnitude / 100)"
            + (rest == 0 ? "" : "," + (rest < 10 ? "0\(rest)" : "\(rest)"))
    }

    @Sendable func budgetCSV(_ req: Request) async throws -> Response {
        let loaded = try await PlanAccess.loadVisible(req)
        var rows: [[String]] = []
        for (record, table) in zip(loaded.budgetTables, loaded.plan.budgets) {
            let actuals = loaded.actuals(table: record)
            let tooLarge = table.arithmeticError?.message
            for section in table.sections {
                for line in section.lines {
                    for (i, column) in table.columns.enumerated() where i < line.cells.count {
                        let cell = line.cells[i]
                        let note: String = {
                            if case .note(let t) = cell { return t }
                            if case .pm = cell { return "PM" }
                            if case .reserved = cell { return "gereserveerd" }
                            return ""
                        }()
                        rows.append([
                            table.title, section.label, line.label, line.category.label, column.label,
                            column.programme ?? "",
                            column.year.map { "\($0)" } ?? "", column.kind.label, Self.euros(cell.value),
                            actuals[line.key]?[column.key].map(Self.euros) ?? "", note
                        ])
                    }
                    if table.hasTotalColumn, let total = line.total {
                        rows.append([
                            table.title, section.label, line.label, line.category.label, "Totaal", "", "", "",
                            Self.euros(total.value), "",
                            tooLarge
                                ?? (table.computedLineTotal(line) == total.value
                                    ? "" : "kolommen tellen op tot \(Self.euros(table.computedLineTotal(line)))")
                        ])
                    }
                }
            }
        }
        return Download.csv(
            "\(loaded.key)-begroting.csv",
            headers: [
                "Tabel", "Onderdeel", "Regel", "Categorie", "Kolom", "Programma", "Jaar", "Soort", "Bedrag (euro)",
                "Werkelijk (euro)", "Opmerking"
            ],
            rows: rows)
    }

    @Sendable func budgetXLSX(_ req: Request) async throws -> Response {
        let loaded = try await PlanAccess.loadVisible(req)
        var sheets: [XLSX.Sheet] = []
        var used: Set<String> = []
        for table in loaded.plan.budgets {
            // A table whose sums do not fit gets a sheet with the reason instead of wrong totals.
            var sheet =
                table.arithmeticError.map { XLSX.Sheet(name: Self.sheetName(table.title), rows: [[.text($0.message)]]) }
                ?? XLSX.Sheet(budget: table)
            var name = sheet.name
            var n = 2
            while used.contains(name.lowercased()) {
                name = String(sheet.name.prefix(28)) + " \(n)"
                n += 1
            }
            sheet.name = name
            used.insert(name.lowercased())
            sheets.append(sheet)
        }
        if !loaded.plan.personnel.isEmpty {
            sheets.append(
                XLSX.Sheet(
                    name: "Personeel",
                    rows: [
                        [
                            .text("Jaar"), .text("Medewerkers"), .text("FTE"), .text("Programma-uren"),
                            .text("Indirecte uren")
                        ]
                    ]
                        + loaded.plan.personnel.map {
                            [
                                .number(Double($0.year)), .number(Double($0.employees)), .number($0.fte),
                                .amount(Double($0.programmeHours)), .amount(Double($0.indirectHours))
                            ]
                        }))
        }
        if sheets.isEmpty {
            sheets = [XLSX.Sheet(name: "Begroting", rows: [[.text("Dit plan heeft geen begroting.")]])]
        }
        return try Download.xlsx("\(loaded.key)-begroting.xlsx", sheets: sheets)
    }
}
