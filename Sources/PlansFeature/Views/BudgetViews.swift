import AppCore
import Plot
import VitaalDomain

/// How amounts of a budget table are written: in thousands or in euros, as the source table does.
enum BudgetFormat {
    static func amount(_ money: Money, table: BudgetTable) -> String {
        table.unit.cents == 100_000
            ? money.formattedThousands
            : money.formatted.replacingOccurrences(
                of: "€ ",
                with: "")
    }

    static func cell(_ cell: BudgetCell, table: BudgetTable) -> String {
        switch cell {
        case .amount(let money): amount(money, table: table)
        case .reserved(let money): amount(money, table: table) + " (gereserveerd)"
        case .empty: "–"
        case .pm: "PM"
        case .note(let text): text
        }
    }

    static func unitLabel(_ table: BudgetTable) -> String {
        table.unit.cents == 100_000 ? "bedragen × € 1.000" : "bedragen in euro"
    }
}

/// The parts around a budget table: its check in words, budget versus actual, personnel, totals.
enum BudgetViews {
    /// The differences of a budget table in words (or "telt op").
    static func check(_ table: BudgetTable) -> BodyNode {
        if table.arithmeticError != nil { return .empty }  // the table itself shows the message
        let strict = table.check(percentTolerance: 0)
        if strict.isEmpty { return UI.notice("success", "Alle regels en kolommen tellen op.") }
        let structural = strict.filter { $0.kind != .percentage }
        let kind = structural.isEmpty ? "warning" : "error"
        let heading =
            structural.isEmpty
            ? "De bedragen tellen op; enkele vermelde percentages wijken af van de berekende:"
            : "Deze begroting telt niet op:"
        return .div(
            .class("notice notice-\(kind)"), .attribute(named: "role", value: "status"),
            .p(.strong(.text(heading))), .ul(.forEach(strict) { .li(.text($0.message)) }))
    }

    /// Budget versus actual per budget column and section (actuals entered against budget cells).
    /// Sums of actuals are overflow-checked: a section whose actuals do not add up says so in its row.
    static func versusActual(_ table: BudgetTable, actuals: [String: [String: Money]]) -> BodyNode {
        if table.arithmeticError != nil { return .empty }  // the table itself shows the message
        var rows: [[BodyNode]] = []
        for (index, column) in table.columns.enumerated() where column.kind == .budget {
            for section in table.sections {
                rows.append(
                    versusActualRow(table, column: column, index: index, section: section, actuals: actuals)
                        .map { .text($0) })
            }
        }
        return UI.table(
            caption: "Begroting en realisatie: \(table.title) (\(BudgetFormat.unitLabel(table)))",
            headers: ["Kolom", "Onderdeel", "Begroting", "Werkelijk", "Verschil", "Realisatie"], rows: rows,
            numericColumns: [2, 3, 4, 5])
    }

    static func versusActualRow(
        _ table: BudgetTable, column: BudgetColumn, index: Int, section: BudgetSection,
        actuals: [String: [String: Money]]
    ) -> [String] {
        let budget = table.computedTotal(section: section.key, column: index)
        let entered = section.lines.compactMap { actuals[$0.key]?[column.key] }
        let start = [column.label, section.label, BudgetFormat.amount(budget, table: table)]
        guard let actual = try? Money.sum(entered, what: "som van de werkelijke bedragen"),
            let difference = try? actual.subtracting(budget, what: "verschil tussen werkelijk en begroting")
        else {
            return start + ["te groot om op te tellen", "–", "–"]
        }
        if entered.isEmpty { return start + ["nog niet ingevuld", "–", "–"] }
        return start + [
            BudgetFormat.amount(actual, table: table), BudgetFormat.amount(difference, table: table),
            actual.percent(of: budget).map { "\($0)%" } ?? "–"
        ]
    }

    static func personnel(_ figures: [PersonnelFigures]) -> BodyNode {
        UI.table(
            caption: "Personeel",
            headers: ["Jaar", "Medewerkers", "FTE", "Programma-uren", "Indirecte uren", "Aandeel programma-uren"],
            rows: figures.map { figure in
                let share = figure.programmeShare.map { "\($0)%" } ?? "–"
                let stated =
                    figure.statedProgrammeShare
                    .map { $0 != figure.programmeShare ? " (bron \($0)%)" : "" } ?? ""
                return [
                    .text("\(figure.year) (\(figure.kind.label.lowercased()))"), .text("\(figure.employees)"),
                    .text(figure.fteFormatted),
                    .text(DutchNumberFormat.format(Double(figure.programmeHours), decimals: 0)),
                    .text(DutchNumberFormat.format(Double(figure.indirectHours), decimals: 0)),
                    .text(share + stated)
                ]
            }, numericColumns: [1, 2, 3, 4, 5])
    }

    /// Totals of every budget section per column (computed from the lines), one small table per budget.
    static func summaryTotals(_ budgets: [BudgetTable]) -> BodyNode {
        .group(
            budgets.map { table in
                if let error = table.arithmeticError { return UI.notice("error", error.message) }
                var headers = ["Onderdeel"] + table.columns.map(\.label)
                if table.hasTotalColumn { headers.append("Totaal") }
                let rows: [[BodyNode]] = table.sections.filter { !$0.lines.isEmpty }.map { section in
                    var row: [BodyNode] = [.text(section.label)]
                    row += table.columns.indices.map {
                        .text(
                            table.computedTotal(
                                section: section.key,
                                column: $0
                            ).formatted)
                    }
                    if table.hasTotalColumn {
                        row.append(.text(table.computedGrandTotal(section: section.key).formatted))
                    }
                    return row
                }
                return UI.table(
                    caption: "Totalen \(table.title) (berekend uit de regels)", headers: headers, rows: rows,
                    numericColumns: Set(1..<headers.count))
            })
    }
}
