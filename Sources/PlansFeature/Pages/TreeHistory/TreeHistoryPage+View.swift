import AppCore
import Plot
import VitaalDomain

extension TreeHistoryPage {
    static func view(_ model: Model, _ context: PageContext) -> SitePage {
        SitePage(
            "Versies van de doelenboom", breadcrumbs: PlanViews.planCrumbs(key: model.planKey, title: model.planTitle),
            .p(
                .text(
                    "Vóór elke wijziging van de doelenboom in de browser bewaart Vitaal hoe de boom was. De "
                        + "laatste wijziging maakt u hier ongedaan; daarna de wijziging ervoor, enzovoort.")),
            .if(
                model.rows.isEmpty,
                .p(.class("muted"), .text("De doelenboom is nog niet in de browser gewijzigd."))),
            .unwrap(model.rows.first) { newest in
                .form(
                    .method(.post), .action(attr(model.undoAction)), .class("card"), Layout.csrfField(context),
                    .p(.text("Laatste wijziging: \(newest.summary) (\(newest.actor), \(newest.date))")),
                    .button(.type(.submit), .text("Laatste wijziging ongedaan maken")))
            },
            .if(
                !model.rows.isEmpty,
                UI.table(
                    caption: "\(model.rows.count) bewaarde versie(s), nieuwste eerst",
                    headers: ["Versie", "Datum", "Door", "Daarna gewijzigd", "Doelen in deze versie"],
                    rows: model.rows.map { row in
                        [
                            .text("\(row.number)"), .text(row.date), .text(row.actor), .text(row.summary),
                            .text("\(row.nodes)")
                        ]
                    }, numericColumns: [0, 4])))
    }
}
