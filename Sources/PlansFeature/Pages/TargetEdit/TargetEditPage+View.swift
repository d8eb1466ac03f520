import AppCore
import Plot
import VitaalDomain

extension TargetEditPage {
    static func view(_ model: Model, _ context: PageContext) -> SitePage {
        let form = model.form
        return SitePage(
            "Doelstelling bewerken: \(model.measure)", status: form.status,
            breadcrumbs: PlanViews.planCrumbs(key: model.planKey, title: model.planTitle),
            .p(.a(.href(attr(model.targetLink)), .text("Terug naar de doelstelling"))),
            form.summary(),
            .form(
                .method(.post), .action(attr(model.action)), .class("card"),
                Layout.csrfField(context),
                PlanFormViews.select("node", label: "Doel", options: model.nodeOptions, form: form),
                form.field("measure", label: "Maat (wat wordt gemeten)", required: true),
                form.field("unit", label: "Eenheid", hint: "bijv. bijeenkomsten, %"),
                PlanFormViews.select("direction", label: "Richting", options: model.directions, form: form),
                form.field("baselineValue", label: "Nulmeting"),
                form.field("baselineDate", label: "Datum nulmeting", type: .date),
                form.field("targetValue", label: "Streefwaarde", required: true),
                form.field("targetDate", label: "Streefdatum", type: .date),
                form.field("indicator", label: "Indicator van de monitor (code, optioneel)"),
                form.field("responsible", label: "Verantwoordelijke"),
                .button(.type(.submit), .text("Opslaan"))),
            .if(
                model.canDelete,
                .form(
                    .method(.post), .action(attr(model.deleteAction)), .class("card"),
                    Layout.csrfField(context),
                    .h2(.text("Verwijderen")),
                    .p(.text("De doelstelling heeft geen realisaties en kan worden verwijderd.")),
                    .button(.type(.submit), .class("button-secondary"), .text("Doelstelling verwijderen")))),
            .if(
                !model.canDelete,
                UI.notice(
                    "info",
                    "Deze doelstelling heeft realisaties en wordt daarom niet verwijderd. Corrigeer of verwijder "
                        + "eerst de realisaties op de pagina van de doelstelling.")))
    }
}
