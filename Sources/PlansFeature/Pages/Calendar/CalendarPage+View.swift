import AppCore
import Plot
import VitaalDomain

extension CalendarPage {
    static func view(_ model: Model, _ context: PageContext) -> SitePage {
        SitePage(
            "P&C-kalender \(model.year)", breadcrumbs: PlanViews.crumbs,
            .p(
                .text(
                    "De planning- en controlcyclus tussen de provincie en haar partners: kaderbrief en jaarplan "
                        + "vóór het planjaar, de voortgangsrapportage in het jaar en het jaarverslag erna.")),
            .nav(
                .attribute(named: "aria-label", value: "Jaren"), .class("no-print"),
                .p(
                    .if(
                        model.year > Model.years.lowerBound,
                        .a(
                            .href(PlanURL.calendar.path(query: [("jaar", "\(model.year - 1)")])),
                            .text("← \(model.year - 1)"))),
                    .text(" · "),
                    .if(
                        model.year < Model.years.upperBound,
                        .a(
                            .href(PlanURL.calendar.path(query: [("jaar", "\(model.year + 1)")])),
                            .text("\(model.year + 1) →"))))),
            .forEach(model.settingProblems) { UI.notice("warning", $0) },
            .h2(.text("Deadlines in \(model.year)")),
            UI.table(
                caption: "Wat in \(model.year) moet worden ingediend",
                headers: ["Datum", "Stuk", "Voor planjaar", "Stand", "Grondslag"],
                rows: model.rows.map { row in
                    [
                        .text(row.deadline.due.description), document(row),
                        .text("\(row.deadline.planYear)"),
                        .span(.class(row.overdue ? "status status-none" : "status status-good"), .text(row.state)),
                        .text(
                            row.deadline.basis
                                + (row.deadline.configured
                                    ? " Dag ingesteld via \(row.deadline.document.setting)."
                                    : " Standaarddag; in te stellen via \(row.deadline.document.setting) (MM-DD)."))
                    ]
                }),
            .h2(.text("Ter vaststelling")),
            plans(model.awaitingAdoption, caption: "Ingediende plannen", empty: "Geen plannen ter vaststelling."),
            .h2(.text("Nog niet vastgesteld voor \(model.year + 1)")),
            plans(
                model.nextYearOpen, caption: "Plannen voor \(model.year + 1) in concept of ingediend",
                empty: "Alle plannen voor \(model.year + 1) zijn vastgesteld of er zijn er nog geen."))
    }

    /// The document, with links to the matching reports of the plans of that year.
    static func document(_ row: Model.Row) -> BodyNode {
        .group(
            .text(row.deadline.document.label),
            .if(
                !row.reports.isEmpty,
                .ul(
                    .class("plan-report-links"),
                    .forEach(row.reports) { report in
                        .li(.a(.href(attr(report.path)), .text("\(row.deadline.document.label): \(report.title)")))
                    })))
    }

    static func plans(_ rows: [Model.PlanRow], caption: String, empty: String) -> BodyNode {
        if rows.isEmpty { return .p(.class("muted"), .text(empty)) }
        return UI.table(
            caption: caption, headers: ["Plan", "Organisatie", "Status", "Te doen"],
            rows: rows.map { row in
                [
                    .a(.href(attr(PlanURL.approval(plan: .value(row.key)).path)), .text(row.title)),
                    .text(row.organisation), PlanViews.planStatusBadge(row.status), .text(row.todo)
                ]
            })
    }
}
