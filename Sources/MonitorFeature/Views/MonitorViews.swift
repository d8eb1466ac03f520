import AppCore
import Plot
import VitaalDomain

/// Reusable parts of the monitor pages (only Plot; the values come computed from the page models).
enum MonitorViews {
    /// A table like `UI.table` with fixed column widths (percentages, each a `mon-wNN` class of
    /// monitor.css), so the theme tables of one page line up.
    static func table(
        caption: String?, headers: [String], widths: [Int], rows: [[BodyNode]],
        numericColumns: Set<Int> = []
    ) -> BodyNode {
        UI.tableWrap(
            label: caption ?? "Tabel", class: "mon-table",
            .table(
                .unwrap(caption) { .caption(.text($0)) },
                .element(
                    named: "colgroup",
                    nodes: widths.map { width in
                        .selfClosedElement(named: "col", attributes: [.class("mon-w\(width)")])
                    }),
                .thead(
                    .tr(
                        .forEach(Array(headers.enumerated())) { index, header in
                            .th(
                                .attribute(named: "scope", value: "col"),
                                .if(numericColumns.contains(index), .class("num")),
                                .text(header))
                        })),
                .tbody(
                    .forEach(rows) { row in
                        .tr(
                            .forEach(Array(row.enumerated())) { index, cell in
                                .td(.if(numericColumns.contains(index), .class("num")), cell)
                            })
                    })
            ))
    }

    /// A status word with its dot.
    static func status(_ kind: StatusKind, _ text: String) -> BodyNode {
        .span(
            .class("status status-\(kind.rawValue)"),
            .span(.class("dot dot-\(kind.rawValue)"), .attribute(named: "aria-hidden", value: "true")),
            .text(text))
    }

    static func trend(_ cell: TrendCell) -> BodyNode { status(cell.kind, cell.text) }

    static func norm(_ cell: NormCell) -> BodyNode {
        guard let kind = cell.kind else { return .span(.class("muted"), .text(cell.text)) }
        return status(kind, cell.text)
    }

    static func exampleBadge(_ show: Bool) -> BodyNode { show ? .group(.text(" "), UI.badge("voorbeelddata")) : .empty }

    static func internalBadge(_ isInternal: Bool) -> BodyNode {
        isInternal ? .group(.text(" "), UI.badge("intern", kind: "internal")) : .empty
    }

    /// Value text with a "voorbeelddata" badge or a "(voorlopig)" remark.
    static func value(_ cell: ValueCell) -> BodyNode {
        .group(
            .text(cell.text),
            exampleBadge(cell.isExample),
            .if(cell.isProvisional, .span(.class("muted"), .text(" (voorlopig)"))))
    }

    /// GET form to choose the region of a page.
    static func regionFilter(
        action: some SiteRoute, regions: [RegionChoice], selected: String,
        label: String = "Regio"
    ) -> BodyNode {
        .form(
            .method(.get), .action(attr(action.path)), .class("mon-filter no-print"),
            .div(
                .class("field"), .label(.for("f-regio"), .text(label)),
                UI.select("regio", options: regions.map { (value: $0.code, label: $0.name) }, selected: selected)),
            .button(.type(.submit), .class("button-secondary"), .text("Toon")))
    }

    /// Links to the CSV and JSON download of a page's data.
    static func downloads(_ route: some SiteRoute) -> BodyNode {
        .p(
            .class("mon-downloads no-print"), .text("Download deze gegevens: "),
            .a(.href(attr(route.path(query: [("formaat", "csv")]))), .text("CSV")),
            .a(.href(attr(route.path(query: [("formaat", "json")]))), .text("JSON")),
            .span(.class("muted"), .text("(met bron en licentie per waarde)")))
    }

    static func story(_ card: StoryCard) -> BodyNode {
        .div(
            .class("card mon-story"),
            .h3(.text(card.title), exampleBadge(card.isExample)),
            .p(.text(card.text)),
            .unwrap(card.quote) { quote in
                .element(
                    named: "blockquote", nodes: [.text("‘\(quote)’"), .unwrap(card.personRole) { .text(" — \($0)") }])
            },
            .p(.class("muted"), .text(card.footer)))
    }

    static func stories(_ cards: [StoryCard]) -> BodyNode { .group(cards.map(story)) }
}

extension MonitorViews {
    static func cell(_ cell: TableCell) -> BodyNode {
        switch cell {
        case .text(let text): .text(text)
        case .value(let value): MonitorViews.value(value)
        case .link(let text, let path): .a(.href(attr(path)), .text(text))
        case .exampleBadge: UI.badge("voorbeelddata")
        }
    }

    static func table(_ table: DataTable) -> BodyNode {
        UI.table(
            caption: table.caption, headers: table.headers, rows: table.rows.map { $0.map(cell) },
            numericColumns: table.numericColumns)
    }
}
