import AppCore
import MonitorFeature
import Plot
import VitaalDomain

extension ReportPage {
    static func view(_ model: Model, _ context: PageContext) -> SitePage {
        if let annual = model.annual { return annualView(model, annual) }
        return SitePage(
            "\(model.kind.label): \(model.title)",
            breadcrumbs: PlanViews.planCrumbs(key: model.key, title: model.title),
            .div(
                .class("plan-report"),
                .p(.class("lead"), .text(model.lead)),
                .if(!model.forPDF, navigation(model)),
                .h2(.id("samenvatting"), .text("Samenvatting")),
                .dl(
                    .class("kv"),
                    .dt(.text("Doelstellingen")), .dd(.text("\(model.targetCount)")),
                    .dt(.text("Voortgang")), .dd(PlanViews.rollUpNode(model.rollUp))),
                BudgetViews.summaryTotals(model.budgets.map(\.table)),
                .h2(.id("doelenboom"), .text("Doelenboom")),
                GoalTreeView.view(model.tree),
                .h2(.id("doelstellingen"), .text("Doelstellingen en realisaties")),
                model.targets.map(TargetTable.view) ?? .p(.class("muted"), .text("Geen doelstellingen.")),
                PlanViews.statusRule),
            budgets(model),
            commitments(model),
            indicators(model.charts),
            stories(model.stories))
    }

    /// What the province still owes the Staten: open toezeggingen, moties and mededelingen.
    static func commitments(_ model: Model) -> BodyNode {
        guard let open = model.commitments else { return .empty }
        let date = { (text: String?) in text.flatMap { try? PlanDate.parse($0) }?.dutch ?? "–" }
        return .section(
            .h2(.id("toezeggingen"), .text("Openstaande toezeggingen, moties en mededelingen")),
            .p(
                .class("muted"),
                .text(
                    open.linkedToPlan
                        ? "Aan dit plan gekoppeld en nog niet afgedaan."
                        : "Geen ervan is aan dit plan gekoppeld; dit zijn alle nog niet afgedane toezeggingen, moties "
                            + "en mededelingen aan Provinciale Staten."),
                .if(!model.forPDF, .group(.text(" "), .a(.href(attr(open.registerPath)), .text("Alle toezeggingen"))))),
            open.items.isEmpty
                ? .p(.text("Er staan geen toezeggingen, moties of mededelingen open."))
                : UI.table(
                    caption: "Openstaande toezeggingen, moties en mededelingen",
                    headers: ["Datum", "Soort", "Onderwerp", "Af te doen vóór"],
                    rows: open.items.map { item in
                        [
                            .text(date(item.date)), .text(item.kind),
                            model.forPDF ? .text(item.title) : .a(.href(attr(item.path)), .text(item.title)),
                            .text(date(item.dueDate))
                        ]
                    }))
    }

    static func navigation(_ model: Model) -> BodyNode {
        let report = PlanURL.report(plan: .value(model.key))
        return .div(
            .class("no-print"),
            .p(
                .a(
                    .href(attr(report.path(query: [("soort", Kind.voortgang.rawValue)]))), .text("Voortgangsrapportage")
                ),
                .text(" · "),
                .a(.href(attr(report.path(query: [("soort", Kind.jaarverslag.rawValue)]))), .text("Jaarverslag"))),
            model.pdfAvailable
                ? .p(
                    .a(
                        .class("button"),
                        .href(
                            attr(
                                PlanURL.reportPDF(plan: .value(model.key))
                                    .path(query: [("soort", model.kind.rawValue)]))), .text("Download als PDF")))
                : UI.notice(
                    "warning",
                    "PDF niet beschikbaar: Chromium is niet geïnstalleerd op deze server. Gebruik de "
                        + "afdrukfunctie van de browser (Afdrukken → Opslaan als PDF); de pagina heeft een afdrukopmaak."
                ))
    }

    static func budgets(_ model: Model) -> BodyNode {
        .group(
            .h2(.id("begroting"), .text("Begroting en realisatie")),
            .if(model.budgets.isEmpty, .p(.class("muted"), .text("Dit plan heeft geen begroting."))),
            .forEach(model.budgets) { budget in
                .group(
                    .h3(.text(budget.table.title)), BudgetTableView.view(budget.table, actuals: budget.actuals),
                    BudgetViews.check(budget.table),
                    .if(budget.hasBudgetColumns, BudgetViews.versusActual(budget.table, actuals: budget.actuals)))
            },
            .if(!model.personnel.isEmpty, BudgetViews.personnel(model.personnel)))
    }

    static func indicators(_ charts: [Chart]) -> BodyNode {
        .group(
            .h2(.id("indicatoren"), .text("Indicatoren uit de monitor")),
            charts.isEmpty
                ? .p(.class("muted"), .text("Aan dit plan zijn geen indicatoren van de monitor gekoppeld."))
                : .forEach(charts) { chart in
                    chart.svg.map { svg in
                        .div(
                            .class("card"), .if(chart.isExample, UI.badge("voorbeelddata")),
                            UI.figure(UI.svg(svg), caption: chart.title))
                    } ?? .div(.class("card"), .h3(.text(chart.title)), .p(.class("muted"), .text(chart.missing)))
                })
    }

    static func stories(_ stories: [StorySummary]) -> BodyNode {
        .group(
            .h2(.text("Verhalen")),
            stories.isEmpty
                ? .p(.class("muted"), .text("Geen verhalen bij de gekoppelde indicatoren."))
                : .forEach(stories) { story in
                    .div(
                        .class("card"), .h3(.text(story.title)), .p(.text(story.text)),
                        .unwrap(story.quote) {
                            .blockquote(
                                .text("“\($0)”"),
                                .unwrap(story.personRole) { .text(" – \($0)") })
                        },
                        .unwrap(story.source) { .p(.class("muted"), .text("Bron: \($0)")) })
                })
    }
}

extension ReportPage {
    /// The page instead of a PDF: Chromium is not installed, or two PDFs are being made already.
    static func unavailable(_ key: String, title: String, busy: Bool) -> SitePage {
        SitePage(
            busy ? "PDF even niet beschikbaar" : "PDF niet beschikbaar", status: .serviceUnavailable,
            breadcrumbs: PlanViews.planCrumbs(key: key, title: title),
            UI.notice(
                "warning",
                busy
                    ? PDFReports.busyMessage
                    : "PDF niet beschikbaar: Chromium (chromium) is niet geïnstalleerd op deze server. "
                        + "Open de HTML-rapportage en gebruik Afdrukken → Opslaan als PDF."),
            .p(.a(.href(attr(PlanURL.report(plan: .value(key)).path)), .text("Naar de rapportage (HTML)"))))
    }
}
