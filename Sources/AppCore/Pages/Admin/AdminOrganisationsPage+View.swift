import Plot

extension AdminOrganisationsPage {
    static func view(_ model: Model, _ context: PageContext) -> SitePage {
        SitePage(
            "Organisaties", status: model.status, breadcrumbs: Breadcrumbs.admin,
            table(model.organisations),
            .h2(.text("Organisatie toevoegen")),
            form(model, context))
    }

    static func table(_ organisations: [Model.Row]) -> BodyNode {
        UI.table(
            caption: "\(organisations.count) organisaties", headers: ["Naam", "Soort", "Regio", "Website", "Status"],
            rows: organisations.map { organisation in
                [
                    .a(.href(SiteURL.adminOrganisation(.value(organisation.slug)).path), .text(organisation.name)),
                    .text(organisation.kind), .text(organisation.regionCode ?? "–"),
                    .unwrap(organisation.website) { .a(.href(attr($0)), .text($0)) },
                    .text(organisation.retired ? "opgeheven" : "actief")
                ]
            })
    }

    static func form(_ model: Model, _ context: PageContext) -> BodyNode {
        let form = model.form
        return .form(
            .method(.post), .action(SiteURL.adminOrganisations.path), .class("card"),
            Layout.csrfField(context),
            UI.field("name", label: "Naam", value: form?.name, error: model.errors["name"], required: true),
            .div(
                .class("field"), .label(.for("f-kind"), .text("Soort")),
                UI.select("kind", options: OrganisationService.kinds.map { ($0, $0) }, selected: form?.kind)),
            UI.field(
                "region", label: "Regiocode (optioneel)", value: form?.region, error: model.errors["region"],
                hint: "Bijvoorbeeld GM0995 voor Lelystad."),
            UI.field(
                "website", label: "Website (optioneel)", type: .url, value: form?.website,
                error: model.errors["website"]),
            .button(.type(.submit), .text("Organisatie toevoegen")))
    }
}
