import Plot

extension AccountTokensPage {
    static func view(_ model: Model, _ context: PageContext) -> SitePage {
        SitePage(
            "API-tokens", status: model.status, breadcrumbs: Breadcrumbs.home,
            .p(
                .class("lead"),
                .text(
                    "Met een persoonlijk API-token gebruikt een script of programma de API onder uw naam, "
                        + "zonder wachtwoord. Het token mag wat u mag; met bereik lezen alleen opvragen.")),
            .unwrap(model.issued, issuedNotice),
            .unwrap(model.notice.flatMap(noticeText)) { UI.notice("success", $0) },
            tokens(model, context),
            .h2(.text("Nieuw token")),
            form(model, context),
            .p(.a(.href(SiteURL.accountPassword.path), .text("Wachtwoord wijzigen"))))
    }

    static func noticeText(_ code: String) -> String? {
        code == "ingetrokken" ? "Het token is ingetrokken; het werkt niet meer." : nil
    }

    static func issuedNotice(_ issued: Model.Issued) -> BodyNode {
        .div(
            .class("notice notice-success"), .attribute(named: "role", value: "status"),
            .p(.strong(.text("Token \"\(issued.name)\" aangemaakt."))),
            .p(.code(.class("token-value"), .text(issued.token))),
            .p(
                .text(
                    "Kopieer het token nu en bewaar het veilig: het wordt niet opnieuw getoond (Vitaal bewaart "
                        + "alleen een vingerafdruk ervan). Gebruik het zo: ")),
            .pre(
                .code(
                    .text(
                        "curl -H \"Authorization: Bearer \(issued.token)\" "
                            + "<adres van deze site>\(SiteURL.apiRoot.path)/indicators"))))
    }

    static func tokens(_ model: Model, _ context: PageContext) -> BodyNode {
        guard !model.tokens.isEmpty else { return .p(.class("muted"), .text("U heeft nog geen API-tokens.")) }
        return UI.table(
            caption: "Uw tokens",
            headers: ["Naam", "Bereik", "Aangemaakt", "Verloopt", "Laatst gebruikt", "Status", ""],
            rows: model.tokens.map { token in
                let state = token.state(at: context.now)
                return [
                    .text(token.name), .text(token.scope.label), .text(DutchDate.dateTime(token.createdAt)),
                    .text(DutchDate.date(token.expiresAt)),
                    .text(token.lastUsedAt.map(DutchDate.dateTime) ?? "nooit"),
                    .span(
                        .class(state == "actief" ? "status status-good" : "status status-none"),
                        .text(token.revokedAt.map { "ingetrokken op \(DutchDate.date($0))" } ?? state)),
                    .if(
                        state == "actief",
                        .form(
                            .method(.post),
                            .action(SiteURL.accountTokenRevoke(.value(token.id.uuidString)).path),
                            .class("inline"), Layout.csrfField(context),
                            .button(
                                .type(.submit), .class("button button-secondary"),
                                .attribute(named: "aria-label", value: attr("Token \(token.name) intrekken")),
                                .text("Intrekken"))))
                ]
            })
    }

    static func form(_ model: Model, _ context: PageContext) -> BodyNode {
        let form = model.form
        let scopes = APITokenScope.allCases.filter { $0 == .lezen || model.mayWrite }
        return .form(
            .method(.post), .action(SiteURL.accountTokens.path), .class("card"),
            Layout.csrfField(context),
            UI.field(
                "name", label: "Naam", value: form?.name, error: model.errors["name"], required: true,
                hint: "Waarvoor het token is, bijv. \"import GGD-cijfers\"."),
            AdminUsersPage.choice(
                "scope", label: "Bereik", error: model.errors["scope"],
                options: scopes.map { AdminUsersPage.Choice(value: $0.rawValue, label: $0.label) },
                selected: form?.scope ?? APITokenScope.lezen.rawValue),
            UI.field(
                "days", label: "Geldig (dagen)", type: .number,
                value: form?.days ?? String(APITokens.defaultDays), error: model.errors["days"], required: true,
                hint: "Van \(APITokens.days.lowerBound) tot \(APITokens.days.upperBound) dagen.",
                attributes: [
                    .attribute(named: "min", value: String(APITokens.days.lowerBound)),
                    .attribute(named: "max", value: String(APITokens.days.upperBound))
                ]),
            .button(.type(.submit), .text("Token aanmaken")))
    }
}
