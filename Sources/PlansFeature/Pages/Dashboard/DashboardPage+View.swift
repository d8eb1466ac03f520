import AppCore
import Plot
import VitaalDomain

extension DashboardPage {
    static func view(_ model: Model, _ context: PageContext) -> SitePage {
        SitePage(
            "Dashboard plannen", breadcrumbs: PlanViews.crumbs,
            .p(
                .class("lead"),
                .text(
                    "Wat ligt op koers en wat niet, over alle plannen heen. De status komt uit de "
                        + "realisaties en de statusregel.")),
            .p(
                .a(.href(attr(PlanURL.calendar.path)), .text("P&C-kalender")),
                .text(
                    ": deadlines van kaderbrief, jaarplan, voortgangsrapportage en jaarverslag, en de plannen "
                        + "ter vaststelling.")),
            .p(
                .a(.href(attr(PlanURL.contributions.path)), .text("Bijdragen van de provincie")),
                .text(": per financieringsbron en jaar, over de begrotingen van alle plannen.")),
            .div(
                .class("tiles"),
                .forEach([SmartTarget.Status.offTrack, .atRisk, .onTrack, .achieved, .noData]) { status in
                    .div(.class("tile"), .h2(.text("\(model.totals.counts[status] ?? 0)")), PlanViews.status(status))
                }),
            .if(
                model.totals.qualitativeCount > 0,
                .p(
                    .class("muted"),
                    .text(
                        "Waarvan \(model.totals.qualitativeCount) inspanningsdoel(en) (niet-SMART): hun status is de "
                            + "laatste kwalitatieve beoordeling, niet berekend; nog niet beoordeeld telt als geen "
                            + "gegevens, aandacht nodig als risico."))),
            plans(model.plans),
            .h2(.text("Vraagt aandacht: achter of risico (\(model.attention.count))")),
            targets(model.attention, none: "Geen doelstellingen achter of met risico."),
            .h2(.text("Op koers of behaald (\(model.good.count))")),
            targets(model.good, none: "Nog geen doelstellingen op koers of behaald."),
            .h2(.text("Begrotingen die niet optellen")),
            budgetFlags(model.budgetFlags),
            PlanViews.statusRule)
    }

    static func plans(_ rows: [Model.PlanRow]) -> BodyNode {
        UI.table(
            caption: "Plannen", headers: ["Plan", "Eigenaar", "Status", "Voortgang", "Begroting"],
            rows: rows.map { row in
                [
                    .a(.href(attr(PlanURL.plan(.value(row.key)).path)), .text(row.title)), .text(row.organisation),
                    PlanViews.planStatusBadge(row.status), PlanViews.rollUpNode(row.rollUp), .text(row.budget)
                ]
            })
    }

    static func targets(_ rows: [Model.TargetRow], none: String) -> BodyNode {
        if rows.isEmpty { return .p(.class("muted"), .text(none)) }
        return UI.table(
            caption: nil, headers: ["Status", "Doelstelling", "Doel", "Plan", "Stand"],
            rows: rows.map { row in
                [
                    PlanViews.status(row.status, label: row.assessment),
                    .group(
                        .a(.href(attr(row.link)), .text(row.measure)),
                        .if(row.assessment != nil, .group(.text(" "), UI.badge("inspanningsdoel"))),
                        PlanViews.exampleBadge(row.isExample)),
                    .text(row.node), .text(row.plan), .text(row.current)
                ]
            })
    }

    static func budgetFlags(_ flags: [Model.BudgetFlag]) -> BodyNode {
        if flags.isEmpty { return .p(.text("Alle begrotingen tellen op.")) }
        return .ul(
            .forEach(flags) { flag in
                .li(
                    .a(.href(attr(flag.link)), .text(flag.title)), .text(": "), .text(flag.differences),
                    .if(flag.more, .text(" …")))
            })
    }
}
