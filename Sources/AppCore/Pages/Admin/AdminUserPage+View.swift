import Plot

extension AdminUserPage {
    static func view(_ model: Model, _ context: PageContext) -> SitePage {
        let isSelf = context.viewer?.id == model.id
        return SitePage(
            model.name, status: model.status,
            breadcrumbs: Breadcrumbs.admin + [("Gebruikers", SiteURL.adminUsers.path)],
            .unwrap(model.notice.flatMap(noticeText)) { UI.notice("success", $0) },
            .unwrap(model.refusal) { UI.notice("error", $0) },
            facts(model),
            .h2(.text("Rol en organisatie")),
            form(model, context, isSelf: isSelf),
            .h2(.text("Plannen vaststellen")),
            approver(model, context),
            .h2(.text("Toegang")),
            access(model, context, isSelf: isSelf),
            .h2(.text("Geschiedenis")),
            model.history.isEmpty
                ? .p(.class("muted"), .text("Nog niets vastgelegd.")) : AuditTable.view(model.history))
    }

    static func noticeText(_ code: String) -> String? {
        switch code {
        case "opgeslagen": "De wijziging is opgeslagen."
        case "gedeactiveerd": "Het account is gedeactiveerd: de sessies zijn beëindigd en de API-tokens ingetrokken."
        case "geactiveerd": "Het account is weer actief."
        default: nil
        }
    }

    static func facts(_ model: Model) -> BodyNode {
        .dl(
            .class("kv"),
            .dt(.text("E-mailadres")), .dd(.text(model.email)),
            .dt(.text("Rol")), .dd(.text(model.role.label)),
            .dt(.text("Organisatie")), .dd(.text(model.organisationName)),
            .dt(.text("Vaststeller")), .dd(.text(model.mayApprove ? "Ja, mag plannen vaststellen" : "Nee")),
            .dt(.text("Status")),
            .dd(
                .span(
                    .class(model.isActive ? "status status-good" : "status status-bad"),
                    .text(
                        model.isActive
                            ? "Actief"
                            : "Gedeactiveerd" + (model.deactivatedAt.map { " sinds \(DutchDate.dateTime($0))" } ?? "")
                    ))),
            .dt(.text("Laatst ingelogd")), .dd(.text(model.lastLogin.map(DutchDate.dateTime) ?? "nooit")),
            .dt(.text("Geldige API-tokens")), .dd(.text(String(model.usableTokens))))
    }

    static func form(_ model: Model, _ context: PageContext, isSelf: Bool) -> BodyNode {
        .form(
            .method(.post), .action(SiteURL.adminUser(.value(model.id.uuidString)).path), .class("card"),
            Layout.csrfField(context),
            .if(
                isSelf,
                .p(.class("hint"), .text("Uw eigen rol kunt u niet verlagen; dat doet een andere beheerder."))),
            AdminUsersPage.choice(
                "role", label: "Rol", error: model.errors["role"],
                options: Role.allCases.map { AdminUsersPage.Choice(value: $0.rawValue, label: $0.label) },
                selected: model.form?.role ?? model.role.rawValue),
            AdminUsersPage.choice(
                "organisation", label: "Organisatie", error: model.errors["organisation"],
                options: model.organisations, selected: model.form?.organisation ?? model.organisationSlug),
            .button(.type(.submit), .text("Opslaan")))
    }

    /// The vaststeller flag (#16): only for redacteurs and beheerders of the steering organisation.
    static func approver(_ model: Model, _ context: PageContext) -> BodyNode {
        .form(
            .method(.post), .action(SiteURL.adminUserApprover(.value(model.id.uuidString)).path), .class("card"),
            Layout.csrfField(context),
            .if(
                !model.organisationIsSteering,
                .p(
                    .class("hint"),
                    .text(
                        "\(model.organisationName) is niet de sturende organisatie; alleen gebruikers van de "
                            + "sturende organisatie (de provincie) kunnen vaststeller zijn."))),
            AdminController.checkbox(
                "approver", label: "Mag plannen vaststellen (vaststeller)", checked: model.mayApprove,
                error: model.errors["approver"],
                hint: "Een vaststeller stelt ingediende plannen van alle organisaties vast of wijst ze af met een "
                    + "reden, maar nooit een plan dat hij zelf heeft ingediend (vier-ogenprincipe)."),
            .button(.type(.submit), .text("Opslaan")))
    }

    static func access(_ model: Model, _ context: PageContext, isSelf: Bool) -> BodyNode {
        let id = Parameter<String>.value(model.id.uuidString)
        if !model.isActive {
            return .form(
                .method(.post), .action(SiteURL.adminUserReactivate(id).path), .class("card"),
                Layout.csrfField(context),
                .p(.text("Dit account kan niet inloggen en de API niet gebruiken. De geschiedenis blijft bewaard.")),
                .button(.type(.submit), .text("Account weer activeren")))
        }
        if isSelf {
            return .p(
                .class("muted"), .text("Uw eigen account kunt u niet deactiveren; dat doet een andere beheerder."))
        }
        return .form(
            .method(.post), .action(SiteURL.adminUserDeactivate(id).path), .class("card"),
            Layout.csrfField(context),
            .p(
                .text(
                    "Na deactiveren kan het account niet meer inloggen, eindigen al zijn sessies meteen en worden "
                        + "zijn API-tokens ingetrokken. Wat het account deed blijft in de geschiedenis staan; u "
                        + "kunt het later weer activeren.")),
            .button(.type(.submit), .class("button button-secondary"), .text("Account deactiveren")))
    }
}
