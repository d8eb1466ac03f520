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
                PlanFormViews.select("kind", label: "Soort doelstelling", options: model.kinds, form: form),
                PlanFormViews.select("node", label: "Doel", options: model.nodeOptions, form: form),
                form.field(
                    "measure", label: "Maat (wat wordt gemeten)", required: true,
                    hint: "bij een inspanningsdoel: wat we nastreven"),
                form.field("unit", label: "Eenheid", hint: "bijv. bijeenkomsten, %"),
                PlanFormViews.select("direction", label: "Richting", options: model.directions, form: form),
                form.field("baselineValue", label: "Nulmeting"),
                form.field("baselineDate", label: "Datum nulmeting", type: .date),
                form.field("targetValue", label: "Streefwaarde", hint: "verplicht voor een SMART-doelstelling"),
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
            .if(!model.canDelete, archiveForm(model, context)))
    }

    /// Archiving instead of deleting: a target with realisations keeps them and leaves the current lists.
    static func archiveForm(_ model: Model, _ context: PageContext) -> BodyNode {
        .form(
            .method(.post), .action(attr(model.archiveAction)), .class("card"), .id("archiveren"),
            Layout.csrfField(context),
            .h2(.text("Archiveren")),
            .p(
                .text(
                    "Deze doelstelling heeft \(model.realisationCount) realisatie(s) en wordt daarom niet verwijderd. "
                        + "Vervalt ze, archiveer haar dan: ze telt niet meer mee in de status en de lijsten, en staat "
                        + "met haar realisaties onder \u{201C}Gearchiveerde doelen\u{201D} op de planpagina, vanwaar u "
                        + "haar kunt herstellen.")),
            model.archiveForm.summary(),
            PlanFormViews.textarea(
                "reason", label: "Reden (verplicht)", form: model.archiveForm, hint: "bijv. vervallen na heroverweging",
                rows: 3),
            .button(.type(.submit), .class("button-secondary"), .text("Doelstelling archiveren")))
    }
}
