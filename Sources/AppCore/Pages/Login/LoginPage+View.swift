import Plot

extension LoginPage {
    /// `context` must carry a CSRF token (`req.formContext`).
    static func view(_ model: Model, _ context: PageContext) -> SitePage {
        SitePage(
            "Inloggen", status: model.status, breadcrumbs: Breadcrumbs.home,
            .p(
                .text(
                    "Log in met het account dat u van de beheerder van uw organisatie heeft gekregen. Openbare "
                        + "gegevens zijn ook zonder inloggen te zien.")),
            .unwrap(model.error) { UI.notice("error", $0) },
            form(model, context))
    }

    static func form(_ model: Model, _ context: PageContext) -> BodyNode {
        .form(
            .method(.post), .action(SiteURL.login.path), .class("card"),
            Layout.csrfField(context),
            .input(.type(.hidden), .name("terug"), .value(attr(model.back))),
            UI.field(
                "email", label: "E-mailadres", type: .email, value: model.email, required: true,
                attributes: [.attribute(named: "autocomplete", value: "username")]),
            UI.field(
                "password", label: "Wachtwoord", type: .password, required: true,
                attributes: [.attribute(named: "autocomplete", value: "current-password")]),
            .button(.type(.submit), .text("Inloggen")))
    }
}
