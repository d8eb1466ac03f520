import Vapor
import Plot
import AppCore
import VitaalDomain

/// Reusable parts of the monitor pages.
enum MonitorViews {
    /// The few extra CSS rules of the monitor pages (one `<style>` node; candidates for the stylesheet).
    static func style() -> BodyNode {
        .raw("<style>.mon-spark svg{width:120px;height:32px;display:block}.mon-filter{display:flex;gap:.75rem;align-items:flex-end;flex-wrap:wrap;margin:1rem 0}.mon-filter .field{margin:0;min-width:16rem}.mon-downloads{margin:.5rem 0 1.5rem;font-size:.95rem}.mon-downloads a{margin-right:1rem}.mon-story{border-left:4px solid var(--blue-2)}.mon-story blockquote{margin:.5rem 0;font-style:italic}.mon-value{font-size:1.6rem;font-weight:700;color:var(--blue)}.mon-facts{display:grid;grid-template-columns:repeat(auto-fit,minmax(13rem,1fr));gap:1rem;margin:1rem 0}.mon-facts .card{margin:0}.mon-chart{max-width:46rem}.mon-table table{table-layout:fixed}.mon-table td,.mon-table th{overflow-wrap:break-word}@media (max-width:50rem){.mon-table table{table-layout:auto}}</style>")
    }

    /// A table like `UI.table` with fixed column widths (percentages), so the theme tables of one
    /// page line up.
    static func table(caption: String?, headers: [String], widths: [Int], rows: [[BodyNode]], numericColumns: Set<Int> = []) -> BodyNode {
        .div(.class("table-wrap mon-table"),
            .table(
                .unwrap(caption) { .caption(.text($0)) },
                .element(named: "colgroup", nodes: widths.map { w in .selfClosedElement(named: "col", attributes: [.attribute(named: "style", value: "width:\(w)%")]) }),
                .thead(.tr(.forEach(Array(headers.enumerated())) { i, h in
                    .th(.attribute(named: "scope", value: "col"), .if(numericColumns.contains(i), .class("num")), .text(h))
                })),
                .tbody(.forEach(rows) { row in
                    .tr(.forEach(Array(row.enumerated())) { i, cell in
                        .td(.if(numericColumns.contains(i), .class("num")), cell)
                    })
                })
            ))
    }

    static func trendColour(_ c: TrafficColour) -> String {
        switch c { case .green: return "#2e7d32"; case .red: return "#b3261e"; case .grey: return "#6b6b6b" }
    }

    /// Trend as coloured dot plus words (never colour alone).
    static func trend(_ t: TrendResult) -> BodyNode {
        let kind: String
        switch t.direction.colour { case .green: kind = "good"; case .red: kind = "bad"; case .grey: kind = "none" }
        let arrow: String
        switch t.direction {
        case .improving, .worsening, .increasing, .decreasing: arrow = (t.slopePerPeriod ?? 0) > 0 ? "↑ " : "↓ "
        default: arrow = ""
        }
        return .span(.class("status status-\(kind)"), .span(.class("dot dot-\(kind)"), .attribute(named: "aria-hidden", value: "true")),
                     .text(arrow + t.direction.dutchLabel))
    }

    /// Norm status of a value, with the norm itself.
    static func norm(_ def: IndicatorDefinition, value: Double?, suppressed: Bool) -> BodyNode {
        guard let norm = def.norm else { return .span(.class("muted"), .text("geen norm")) }
        let normText = "\(norm.comparison.rawValue) \(ValueFormatter.format(norm.value, indicator: def))"
        guard let value, !suppressed else { return .span(.class("muted"), .text("norm \(normText)")) }
        switch def.normStatus(value) {
        case .met:
            return .span(.class("status status-good"), .span(.class("dot dot-good"), .attribute(named: "aria-hidden", value: "true")),
                         .text("norm gehaald (\(normText))"))
        case .notMet(let distance):
            return .span(.class("status status-bad"), .span(.class("dot dot-bad"), .attribute(named: "aria-hidden", value: "true")),
                         .text("norm niet gehaald (\(normText); nog \(ValueFormatter.format(distance, indicator: def)))"))
        case .noNorm:
            return .span(.class("muted"), .text("geen norm"))
        }
    }

    static func exampleBadge(_ show: Bool) -> BodyNode { show ? .group(.text(" "), UI.badge("voorbeelddata")) : .empty }
    static func internalBadge(_ ind: Indicator) -> BodyNode { ind.isPublic ? .empty : .group(.text(" "), UI.badge("intern", kind: "internal")) }

    /// Value text with a "voorbeelddata" badge when the value is an example figure.
    static func valueCell(_ values: IndicatorValues, _ v: DataValue?, _ audience: Audience, withPeriod: Bool = false) -> BodyNode {
        let d = values.display(v, audience)
        let period = withPeriod ? v.map { " (\(MonitorText.periodLabel($0.period)))" } ?? "" : ""
        return .group(.text(d.text + period),
                      .if(v?.status == DataStatus.voorbeeld.rawValue, .group(.text(" "), UI.badge("voorbeelddata"))),
                      .if(v?.status == DataStatus.voorlopig.rawValue, .span(.class("muted"), .text(" (voorlopig)"))))
    }

    /// GET form to choose the region of a page.
    static func regionFilter(action: String, regions: [Region], selected: String, label: String = "Regio") -> BodyNode {
        .form(.method(.get), .action(attr(action)), .class("mon-filter no-print"),
              .div(.class("field"), .label(.for("f-regio"), .text(label)),
                   UI.select("regio", options: regions.map { (value: $0.code, label: $0.name) }, selected: selected)),
              .button(.type(.submit), .class("button-secondary"), .text("Toon")))
    }

    static func downloads(_ path: String, query: String = "") -> BodyNode {
        let sep = query.isEmpty ? "?" : "?\(query)&"
        return .p(.class("mon-downloads no-print"), .text("Download deze gegevens: "),
                  .a(.href(attr("\(path)\(sep)formaat=csv")), .text("CSV")),
                  .a(.href(attr("\(path)\(sep)formaat=json")), .text("JSON")),
                  .span(.class("muted"), .text("(met bron en licentie per waarde)")))
    }

    static func story(_ s: Story) -> BodyNode {
        .div(.class("card mon-story"),
             .h3(.text(s.title), .if(s.isExample, .group(.text(" "), UI.badge("voorbeelddata")))),
             .p(.text(s.text)),
             .unwrap(s.quote) { q in
                 .element(named: "blockquote", nodes: [.text("‘\(q)’"), .unwrap(s.personRole) { .text(" — \($0)") }])
             },
             .p(.class("muted"), .text([s.source.map { "Bron: \($0)" }, s.date.map { MonitorText.date($0) }].compactMap { $0 }.joined(separator: " · "))))
    }
}
