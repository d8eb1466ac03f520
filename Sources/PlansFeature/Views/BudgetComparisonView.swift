import AppCore
import Plot
import VitaalDomain

/// Budget versus actual, like with like (`BudgetComparison`): per budget column and section only the
/// lines with an actual amount, with the lines that have none named; actual columns without a budget
/// column of the same programme and year are reported, not compared.
enum BudgetComparisonView {
    static func view(_ comparison: BudgetComparison, table: BudgetTable) -> BodyNode {
        if table.arithmeticError != nil { return .empty }  // the table itself shows the message
        if let error = comparison.error { return UI.notice("error", error) }
        let rows: [[BodyNode]] = comparison.rows.map { row in
            let compared: BodyNode =
                row.compared == 0
                ? .text("nog geen werkelijke bedragen")
                : .text(
                    "\(row.compared) regel(s)"
                        + (row.withoutActual.isEmpty
                            ? ""
                            : "; zonder werkelijk bedrag, niet meegeteld: " + row.withoutActual.joined(separator: ", "))
                )
            let empty = row.compared == 0
            return [
                .text(row.column), .text(row.section),
                .text(empty ? "–" : BudgetFormat.amount(row.budget, table: table)),
                .text(empty ? "–" : BudgetFormat.amount(row.actual, table: table)),
                .text(empty ? "–" : BudgetFormat.amount(row.difference, table: table)),
                .text(empty ? "–" : row.percent.map { "\($0)%" } ?? "–"),
                compared
            ]
        }
        return .group(
            UI.table(
                caption: "Begroting en werkelijk: \(table.title) (\(BudgetFormat.unitLabel(table)))",
                headers: ["Kolom", "Onderdeel", "Begroting", "Werkelijk", "Verschil", "Realisatie", "Vergeleken"],
                rows: rows, numericColumns: [2, 3, 4, 5]),
            .p(
                .class("hint"),
                .text(
                    "Gelijk met gelijk: per kolom (programma en jaar) en onderdeel telt alleen de begroting mee van "
                        + "regels waarvoor een werkelijk bedrag is ingevuld.")),
            .forEach(comparison.unmatched) { UI.notice("warning", $0) })
    }
}
