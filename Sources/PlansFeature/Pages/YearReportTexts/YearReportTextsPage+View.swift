import AppCore
import Plot
import VitaalDomain

extension YearReportTextsPage {
    static func view(_ model: Model, _ context: PageContext) -> SitePage {
        let form = model.form
        let limit =
            "Ten hoogste \(DutchNumberFormat.format(Double(AnnualReflection.maxLength))) tekens. "
            + "Een lege regel begint een nieuwe alinea."
        return SitePage(
            "Jaarverslag \(model.year): geleerde lessen en evaluatie", status: form.status,
            breadcrumbs: PlanViews.planCrumbs(key: model.planKey, title: model.planTitle)
                + [("Jaarverslag \(model.year)", model.reportLink)],
            .p(
                .text(
                    "Deze teksten staan in het jaarverslag \(model.year) van \(model.planTitle), na de realisaties "
                        + "en de begroting van het jaar.")),
            form.summary(),
            .form(
                .method(.post), .action(attr(model.action)), .class("card"),
                Layout.csrfField(context),
                PlanFormViews.textarea(
                    Model.lessonsField, label: "Geleerde lessen", form: form,
                    hint: "Wat ging anders dan gepland, en wat neemt u mee naar volgend jaar? " + limit, rows: 8),
                PlanFormViews.textarea(
                    Model.evaluationField, label: "Evaluatie", form: form,
                    hint: "Hoe beoordeelt u het jaar als geheel: doelen, aanpak, samenwerking en middelen? " + limit,
                    rows: 8),
                .button(.type(.submit), .text("Opslaan"))),
            .p(.a(.href(attr(model.reportLink)), .text("Terug naar het jaarverslag \(model.year)"))))
    }
}
