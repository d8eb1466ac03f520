import AppCore
import Plot

extension PlanListPage {
    static func view(_ model: Model, _ context: PageContext) -> SitePage {
        SitePage(
            "Plannen", breadcrumbs: [("Home", SiteURL.home.path)],
            .p(
                .class("lead"),
                .text(
                    "Jaarplannen, programma's en regioplannen met hun doelenboom, "
                        + "SMART-doelstellingen, realisaties en begrotingen. De status van een doelstelling wordt berekend "
                        + "uit de realisaties, nooit met de hand ingevuld.")),
            .if(
                model.showsDashboard || model.canCreate,
                .p(
                    .if(
                        model.showsDashboard,
                        .a(.class("button"), .href(PlanURL.dashboard.path), .text("Dashboard over alle plannen"))),
                    .text(" "),
                    .if(
                        model.canCreate,
                        .a(.class("button button-secondary"), .href(PlanURL.newPlan.path), .text("Nieuw plan"))))),
            .p(
                .a(.href(PlanURL.contributions.path), .text("Bijdragen van de provincie per financieringsbron en jaar"))
            ),
            .if(
                !model.loggedIn,
                UI.notice(
                    "info",
                    "U ziet de vastgestelde plannen. Plannen in concept of ingediend zijn "
                        + "zichtbaar na inloggen.")),
            table(model.rows))
    }

    static func table(_ rows: [Model.Row]) -> BodyNode {
        UI.table(
            caption: "\(rows.count) plannen",
            headers: ["Plan", "Eigenaar", "Periode", "Versie", "Status", "Voortgang"],
            rows: rows.map { row in
                [
                    .a(.href(attr(PlanURL.plan(.value(row.key)).path)), .text(row.title)), .text(row.organisation),
                    .text(row.period), .text("\(row.version)"), PlanViews.planStatusBadge(row.status),
                    PlanViews.rollUpNode(row.rollUp)
                ]
            })
    }
}
