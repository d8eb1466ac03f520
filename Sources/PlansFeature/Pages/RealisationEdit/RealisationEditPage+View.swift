import AppCore
import Plot
import VitaalDomain

extension RealisationEditPage {
    static func view(_ model: Model, _ context: PageContext) -> SitePage {
        let form = model.form
        let refused = form.status != .ok || model.deleteForm.status != .ok
        let reasonHint =
            model.reasonRequired
            ? "verplicht: het plan is vastgesteld; de reden komt in het auditlog"
            : "optioneel; de reden komt in het auditlog"
        return SitePage(
            "Realisatie corrigeren: \(model.measure)", status: refused ? .unprocessableEntity : .ok,
            breadcrumbs: PlanViews.planCrumbs(key: model.planKey, title: model.planTitle),
            .p(.a(.href(attr(model.targetLink)), .text("Terug naar de doelstelling"))),
            form.summary(),
            .form(
                .method(.post), .action(attr(model.action)), .class("card"),
                Layout.csrfField(context),
                .h2(.text("Corrigeren")),
                form.field(
                    "value", label: model.counts ? "Aantal in deze periode" : "Gemeten waarde", required: true),
                form.field(
                    "date", label: "Datum", type: .date, required: true, hint: "binnen de planperiode \(model.period)"),
                form.field("period", label: "Periode", hint: "bijv. 2025-K2"),
                form.field("evidence", label: "Onderbouwing"),
                form.field("evidenceLink", label: "Link naar bewijsstuk", type: .url),
                PlanFormViews.textarea("reden", label: "Reden van de correctie", form: form, hint: reasonHint),
                .button(.type(.submit), .text("Correctie opslaan"))),
            model.deleteForm.summary(),
            .form(
                .method(.post), .action(attr(model.deleteAction)), .class("card"),
                Layout.csrfField(context),
                .h2(.text("Verwijderen")),
                .p(.text("De realisatie en haar bijlagen verdwijnen; de status wordt opnieuw berekend.")),
                PlanFormViews.textarea(
                    "reden", label: "Reden van het verwijderen", form: model.deleteForm, hint: reasonHint,
                    id: "reden-verwijderen"),
                .button(.type(.submit), .class("button-secondary"), .text("Realisatie verwijderen"))))
    }
}
