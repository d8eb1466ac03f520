import Plot

extension PasswordPage {
    static func view(_ model: Model, _ context: PageContext) -> SitePage {
        SitePage(
            "Wachtwoord wijzigen", status: model.status, breadcrumbs: Breadcrumbs.home,
            .if(
                model.mustChange,
                UI.notice("warning", "U bent ingelogd met een eenmalig wachtwoord. Kies nu een eigen wachtwoord.")),
            form(model, context),
            .if(!model.mustChange, .p(.a(.href(SiteURL.accountTokens.path), .text("API-tokens voor scripts")))))
    }

    static func form(_ model: Model, _ context: PageContext) -> BodyNode {
        .form(
            .method(.post), .action(SiteURL.accountPassword.path), .class("card"),
            Layout.csrfField(context),
            UI.field(
                "current", label: "Huidig wachtwoord", type: .password, error: model.errors["current"],
                required: true),
            UI.field(
                "new", label: "Nieuw wachtwoord", type: .password, error: model.errors["new"], required: true,
                hint: "Minstens 12 tekens."),
            UI.field(
                "repeat", label: "Herhaal nieuw wachtwoord", type: .password, error: model.errors["repeat"],
                required: true),
            .button(.type(.submit), .text("Wachtwoord opslaan")))
    }
}
