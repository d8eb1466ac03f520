import Plot

extension AdminUsersPage {
    static func view(_ model: Model, _ context: PageContext) -> SitePage {
        SitePage(
            "Gebruikers", status: model.status, breadcrumbs: Breadcrumbs.admin,
            .unwrap(model.issued, issuedNotice),
            accounts(model.accounts, context),
            .h2(.text("Gebruiker toevoegen")),
            form(model, context))
    }

    static func issuedNotice(_ issued: Model.Issued) -> BodyNode {
        .div(
            .class("notice notice-success"), .attribute(named: "role", value: "status"),
            .p(.strong(.text("Account aangemaakt voor \(issued.email)."))),
            .p(.text("Eenmalig wachtwoord: "), .code(.text(issued.password))),
            .p(
                .text(
                    "Geef dit wachtwoord veilig door; het wordt niet opnieuw getoond. Bij de eerste keer "
                        + "inloggen kiest de gebruiker een eigen wachtwoord.")))
    }

    static func accounts(_ accounts: [Model.Account], _ context: PageContext) -> BodyNode {
        UI.table(
            caption: "\(accounts.count) gebruikers",
            headers: ["E-mail", "Naam", "Rol", "Organisatie", "Laatst ingelogd", "Status", ""],
            rows: accounts.map { account in
                [
                    .a(.href(SiteURL.adminUser(.value(account.id.uuidString)).path), .text(account.email)),
                    .text(account.name), .text(account.role.label), .text(account.organisation),
                    .text(account.lastLogin.map(DutchDate.dateTime) ?? "nooit"),
                    .span(
                        .class(account.isActive ? "status status-good" : "status status-bad"),
                        .text(account.isActive ? "actief" : "gedeactiveerd")),
                    .form(
                        .method(.post), .action(SiteURL.adminUserPassword(.value(account.id.uuidString)).path),
                        .class("inline"), Layout.csrfField(context),
                        .button(.type(.submit), .class("button button-secondary"), .text("Nieuw wachtwoord")))
                ]
            })
    }

    static func form(_ model: Model, _ context: PageContext) -> BodyNode {
        let form = model.form
        return .form(
            .method(.post), .action(SiteURL.adminUsers.path), .class("card"),
            Layout.csrfField(context),
            UI.field(
                "email", label: "E-mailadres", type: .email, value: form?.email, error: model.errors["email"],
                required: true),
            UI.field("name", label: "Naam", value: form?.name, error: model.errors["name"], required: true),
            choice(
                "role", label: "Rol", error: model.errors["role"],
                options: Role.allCases.map { Choice(value: $0.rawValue, label: $0.label) }, selected: form?.role),
            choice(
                "organisation", label: "Organisatie", error: model.errors["organisation"],
                options: model.organisations, selected: form?.organisation),
            .button(.type(.submit), .text("Account aanmaken")))
    }

    /// A labelled `<select>` with the field's error message.
    static func choice<Context: HTML.BodyContext>(
        _ name: String, label: String, error: String?, options: [Choice],
        selected: String?
    ) -> Node<Context> {
        .div(
            .class(error == nil ? "field" : "field field-error"),
            .label(.for("f-\(name)"), .text(label)),
            .unwrap(error) { .p(.class("field-message"), .text($0)) },
            UI.select(name, options: options.map { ($0.value, $0.label) }, selected: selected))
    }
}
