import AppCore
import Plot
import VitaalDomain

extension NewPlanPage {
    static func view(_ model: Model, _ context: PageContext) -> SitePage {
        let form = model.form
        return SitePage(
            "Nieuw plan", status: form.status,
            breadcrumbs: PlanViews.crumbs,
            .p(
                .class("lead"),
                .text(
                    "Een nieuw plan begint als concept. Daarna bouwt u de doelenboom op en voegt u "
                        + "doelstellingen toe; pas na indienen en vaststellen is het plan openbaar.")),
            form.summary(),
            .form(
                .method(.post), .action(attr(PlanURL.newPlan.path)), .class("card"),
                Layout.csrfField(context),
                PlanFormViews.select(
                    "organisation", label: "Eigenaar (organisatie)", options: model.organisations, form: form),
                form.field(
                    "title", label: "Titel", required: true,
                    hint: "bijv. Jaarplan Sociaal Domein 2026; ten hoogste \(PlanAuthoring.maxTitleLength) tekens"),
                form.field("periodStart", label: "Periode: begin", type: .date, required: true),
                form.field("periodEnd", label: "Periode: einde", type: .date, required: true),
                PlanFormViews.radios(
                    "template", legend: "Niveaus van de doelenboom", options: model.templates, form: form),
                PlanFormViews.textarea(
                    "levels", label: "Eigen niveaus (alleen bij ‘Eigen niveaus’)", form: form,
                    hint: "één naam per regel, van boven naar beneden; ten hoogste \(PlanAuthoring.maxLevels)"),
                PlanFormViews.select(
                    "basis", label: "Of: structuur overnemen van een bestaand plan", options: model.bases, form: form,
                    hint: "neemt niveaus, doelen en doelstellingen over, zonder realisaties en begroting"),
                .button(.type(.submit), .text("Plan aanmaken"))))
    }
}
