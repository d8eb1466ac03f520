import Plot

extension AdminOrganisationPage {
    static func view(_ model: Model, _ context: PageContext) -> SitePage {
        SitePage(
            model.name, status: model.status,
            breadcrumbs: Breadcrumbs.admin + [("Organisaties", SiteURL.adminOrganisations.path)],
            .unwrap(model.notice.flatMap(noticeText)) { UI.notice("success", $0) },
            .unwrap(model.refusal) { UI.notice("error", $0) },
            .dl(
                .class("kv"),
                .dt(.text("Code")), .dd(.code(.text(model.slug))),
                .dt(.text("Status")),
                .dd(
                    .span(
                        .class(model.retiredAt == nil ? "status status-good" : "status status-none"),
                        .text(model.retiredAt.map { "Opgeheven op \(DutchDate.date($0))" } ?? "Actief"))),
                .dt(.text("Sturende organisatie")),
                .dd(.text(model.isSteering ? "Ja, stelt de plannen van de partners vast" : "Nee")),
                .dt(.text("Gebruikers")),
                .dd(.text("\(model.activeUsers) actief, \(model.inactiveUsers) gedeactiveerd"))),
            .h2(.text("Gegevens")),
            form(model, context),
            .h2(.text("Sturende organisatie")),
            steering(model, context),
            .h2(.text(model.retiredAt == nil ? "Opheffen" : "Herstellen")),
            retirement(model, context),
            .h2(.text("Geschiedenis")),
            model.history.isEmpty
                ? .p(.class("muted"), .text("Nog niets vastgelegd.")) : AuditTable.view(model.history))
    }

    /// The steering organisation flag (#16); at most one organisation has it.
    static func steering(_ model: Model, _ context: PageContext) -> BodyNode {
        .form(
            .method(.post), .action(SiteURL.adminOrganisationSteering(.value(model.slug)).path), .class("card"),
            Layout.csrfField(context),
            AdminController.checkbox(
                "steering", label: "Sturende organisatie (stelt plannen vast)", checked: model.isSteering,
                error: model.errors["steering"],
                hint: "De vaststellers van de sturende organisatie (de provincie) stellen de ingediende plannen van "
                    + "alle organisaties vast. Er is er ten hoogste één: aanvinken haalt het vinkje bij een "
                    + "andere organisatie weg."),
            .button(.type(.submit), .text("Opslaan")))
    }

    static func noticeText(_ code: String) -> String? {
        switch code {
        case "opgeslagen": "De wijziging is opgeslagen."
        case "opgeheven": "De organisatie is opgeheven."
        case "hersteld": "De organisatie is hersteld."
        default: nil
        }
    }

    static func form(_ model: Model, _ context: PageContext) -> BodyNode {
        let form = model.form
        return .form(
            .method(.post), .action(SiteURL.adminOrganisation(.value(model.slug)).path), .class("card"),
            Layout.csrfField(context),
            UI.field(
                "name", label: "Naam", value: form?.name ?? model.name, error: model.errors["name"], required: true),
            AdminUsersPage.choice(
                "kind", label: "Soort", error: model.errors["kind"],
                options: OrganisationService.kinds.map { AdminUsersPage.Choice(value: $0, label: $0) },
                selected: form?.kind ?? model.kind),
            UI.field(
                "region", label: "Regiocode (optioneel)", value: form?.region ?? model.regionCode,
                error: model.errors["region"], hint: "Bijvoorbeeld GM0995 voor Lelystad."),
            UI.field(
                "website", label: "Website (optioneel)", type: .url, value: form?.website ?? model.website,
                error: model.errors["website"]),
            .div(
                .class(model.errors["description"] == nil ? "field" : "field field-error"),
                .label(.for("f-description"), .text("Omschrijving (optioneel)")),
                .unwrap(model.errors["description"]) { .p(.class("field-message"), .text($0)) },
                .textarea(
                    .id("f-description"), .name("description"), .attribute(named: "rows", value: "3"),
                    .text(form?.description ?? model.description ?? ""))),
            .button(.type(.submit), .text("Opslaan")))
    }

    static func retirement(_ model: Model, _ context: PageContext) -> BodyNode {
        let slug = Parameter<String>.value(model.slug)
        if model.retiredAt != nil {
            return .form(
                .method(.post), .action(SiteURL.adminOrganisationReinstate(slug).path), .class("card"),
                Layout.csrfField(context),
                .p(.text("Een opgeheven organisatie staat niet in de keuzelijsten voor nieuwe accounts en gegevens.")),
                .button(.type(.submit), .text("Organisatie herstellen")))
        }
        return .form(
            .method(.post), .action(SiteURL.adminOrganisationRetire(slug).path), .class("card"),
            Layout.csrfField(context),
            .p(
                .text(
                    "Een opgeheven organisatie verdwijnt uit de keuzelijsten voor nieuwe accounts en gegevens, maar "
                        + "blijft bij alles wat haar al noemt. Dat kan alleen als ze geen actieve gebruikers meer "
                        + "heeft.")),
            .button(.type(.submit), .class("button button-secondary"), .text("Organisatie opheffen")))
    }
}
