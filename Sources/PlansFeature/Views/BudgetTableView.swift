import AppCore
import Plot
import VitaalDomain

/// A budget table with computed section totals, printed totals that differ flagged, the
/// "kolommen tellen niet op tot het totaal" flag per line, and computed vs printed percentages.
/// A table whose amounts are too large to add up (stored before the input bound) shows the Dutch
/// message of `BudgetTable.checkArithmetic()` instead, and its edit links so it can be fixed.
enum BudgetTableView {
    typealias Row = Node<HTML.TableContext>
    typealias Cell = Node<HTML.TableRowContext>
    /// The edit page of a line, by line key (editors only).
    typealias EditLink = (String) -> String

    /// What every row of one table needs to know.
    struct Shape {
        var table: BudgetTable
        var actuals: [String: [String: Money]]
        var editLink: EditLink?
        var headers: [String]
        var hasPercents: Bool
        /// "section label|line label" of lines whose columns do not add up to their total.
        var flaggedLines: Set<String>

        init(_ table: BudgetTable, actuals: [String: [String: Money]], editLink: EditLink?) {
            self.table = table
            self.actuals = actuals
            self.editLink = editLink
            hasPercents = table.sections.contains { $0.lines.contains { !$0.statedPercents.isEmpty } }
            var headers = ["Regel"]
            for column in table.columns { headers += hasPercents ? [column.label, "%"] : [column.label] }
            if table.hasTotalColumn { headers += ["Totaal (bron)", "Som kolommen", "Verschil"] }
            self.headers = headers
            flaggedLines = Set(
                table.check(percentTolerance: 0).filter { $0.kind == .lineTotal }
                    .compactMap { found in found.line.map { "\(found.section)|\($0)" } })
        }

        func amount(_ money: Money) -> String { BudgetFormat.amount(money, table: table) }
        func cell(_ cell: BudgetCell) -> String { BudgetFormat.cell(cell, table: table) }
    }

    static func view(
        _ table: BudgetTable, actuals: [String: [String: Money]] = [:],
        editLink: EditLink? = nil
    ) -> BodyNode {
        if let error = table.arithmeticError { return overflow(table, message: error.message, editLink: editLink) }
        let shape = Shape(table, actuals: actuals, editLink: editLink)
        return UI.tableWrap(
            label: table.title,
            .table(
                .class("plan-budget"),
                .caption(
                    .text("\(table.title) (\(BudgetFormat.unitLabel(table)))"),
                    PlanViews.exampleBadge(table.isExample)),
                .thead(
                    .tr(
                        .forEach(Array(shape.headers.enumerated())) { index, header in
                            .th(.attribute(named: "scope", value: "col"), .if(index > 0, .class("num")), .text(header))
                        })),
                .tbody(.group(table.sections.flatMap { sectionRows($0, shape) }))))
    }

    static func overflow(_ table: BudgetTable, message: String, editLink: EditLink?) -> BodyNode {
        .div(
            UI.notice("error", message),
            .unwrap(editLink) { link in
                .ul(
                    .class("no-print"),
                    .forEach(table.sections.flatMap(\.lines)) { line in
                        .li(.a(.href(attr(link(line.key))), .text("\(line.label) wijzigen")))
                    })
            })
    }

    static func sectionRows(_ section: BudgetSection, _ shape: Shape) -> [Row] {
        let heading: Row = .tr(
            .class("plan-budget-section"),
            .th(
                .attribute(named: "colspan", value: "\(shape.headers.count)"),
                .attribute(named: "scope", value: "rowgroup"), .text(section.label)))
        return [heading] + section.lines.map { lineRow($0, in: section, shape) }
            + [totalRow(section, shape)] + (printedRow(section, shape).map { [$0] } ?? [])
    }

    static func lineRow(_ line: BudgetLine, in section: BudgetSection, _ shape: Shape) -> Row {
        let flagged = shape.flaggedLines.contains("\(section.label)|\(line.label)")
        var cells: [Cell] = [
            .td(
                .text(line.label),
                .unwrap(shape.editLink) { link in
                    .group(.text(" "), .a(.class("no-print plan-edit"), .href(attr(link(line.key))), .text("wijzigen")))
                },
                .if(
                    flagged,
                    .group(
                        .text(" "),
                        .span(
                            .class("badge plan-flag"),
                            .text("kolommen tellen niet op tot het totaal")))))
        ]
        for index in shape.table.columns.indices { cells += columnCells(line, column: index, in: section, shape) }
        if shape.table.hasTotalColumn { cells += totalCells(line, flagged: flagged, shape) }
        return .tr(.if(flagged, .class("flag")), .group(cells))
    }

    /// The amount (with the actual amount) and, in tables with percentages, the percentage.
    static func columnCells(
        _ line: BudgetLine, column index: Int, in section: BudgetSection,
        _ shape: Shape
    ) -> [Cell] {
        let table = shape.table
        var text = shape.cell(line.cells.indices.contains(index) ? line.cells[index] : .empty)
        if let actual = shape.actuals[line.key]?[table.columns[index].key] {
            text += " (werkelijk \(shape.amount(actual)))"
        }
        var cells: [Cell] = [.td(.class("num"), .text(text))]
        guard shape.hasPercents else { return cells }
        guard section.lines.contains(where: { !$0.statedPercents.isEmpty }) else { return cells + [.td()] }
        let computed = table.percent(of: line, inSection: section.key, column: index)
        let stated = line.statedPercents.indices.contains(index) ? line.statedPercents[index] : nil
        var percent = computed.map { "\($0)" } ?? "–"
        if let stated, stated != computed { percent += " (bron \(stated))" }
        cells.append(.td(.class(stated != nil && stated != computed ? "num plan-diff" : "num"), .text(percent)))
        return cells
    }

    static func totalCells(_ line: BudgetLine, flagged: Bool, _ shape: Shape) -> [Cell] {
        let sum = shape.table.computedLineTotal(line)
        let total = line.total ?? .empty
        return [
            .td(.class("num"), .text(shape.cell(total))), .td(.class("num"), .text(shape.amount(sum))),
            .td(.class(flagged ? "num plan-diff" : "num"), .text(flagged ? shape.amount(total.value - sum) : "0"))
        ]
    }

    /// The section's totals as computed from its lines.
    static func totalRow(_ section: BudgetSection, _ shape: Shape) -> Row {
        let table = shape.table
        let withPercents = section.lines.contains { !$0.statedPercents.isEmpty }
        var cells: [Cell] = [.td(.text("Totaal \(section.label.lowercased()) (berekend)"))]
        for index in table.columns.indices {
            cells.append(
                .td(
                    .class("num"),
                    .text(
                        shape.amount(
                            table.computedTotal(
                                section: section.key,
                                column: index)))))
            if shape.hasPercents { cells.append(.td(.class("num"), .text(withPercents ? "100" : ""))) }
        }
        if table.hasTotalColumn {
            let grand = table.computedGrandTotal(section: section.key)
            let sumOfColumns = table.columns.indices.reduce(Money.zero) {
                $0 + table.computedTotal(section: section.key, column: $1)
            }
            cells += [
                .td(.class("num"), .text(shape.amount(grand))),
                .td(
                    .class("num"),
                    .text(shape.amount(sumOfColumns))),
                .td(.class("num"), .text(shape.amount(grand - sumOfColumns)))
            ]
        }
        return .tr(.class("total"), .group(cells))
    }

    /// The totals printed in the source, flagged where they differ from the computed ones.
    static func printedRow(_ section: BudgetSection, _ shape: Shape) -> Row? {
        guard let stated = section.statedTotals else { return nil }
        let table = shape.table
        var differs = false
        var cells: [Cell] = [.td(.text("Totaal volgens de bron"))]
        for index in table.columns.indices {
            let printed = stated.indices.contains(index) ? stated[index] : .empty
            let differ = printed.value != table.computedTotal(section: section.key, column: index) && printed != .empty
            differs = differs || differ
            cells.append(.td(.class(differ ? "num plan-diff" : "num"), .text(shape.cell(printed))))
            if shape.hasPercents { cells.append(.td()) }
        }
        if table.hasTotalColumn {
            let printed = section.statedGrandTotal ?? .empty
            let differ = printed.value != table.computedGrandTotal(section: section.key) && printed != .empty
            differs = differs || differ
            cells += [.td(.class(differ ? "num plan-diff" : "num"), .text(shape.cell(printed))), .td(), .td()]
        }
        return .tr(.class(differs ? "flag plan-printed" : "plan-printed"), .group(cells))
    }
}
