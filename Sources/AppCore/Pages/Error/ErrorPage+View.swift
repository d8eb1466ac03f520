import Plot

extension ErrorPage {
    static func view(_ model: Model, _ context: PageContext) -> SitePage {
        var page = content(model)
        if let requestID = model.requestID {
            let reference = "Referentie voor de helpdesk: " + String(requestID.prefix(64))
            page.content.append(.p(.class("muted"), .text(reference)))
        }
        return page
    }

    static func content(_ model: Model) -> SitePage {
        let status = model.status
        let home = BodyNode.p(.a(.href(SiteURL.home.path), .text("Naar de startpagina")))
        switch status {
        case .notFound:
            return SitePage(
                "Pagina niet gevonden", status: status,
                UI.notice(
                    "info",
                    "De pagina die u zoekt bestaat niet (meer). Controleer het adres of ga naar de "
                        + "startpagina."),
                home)
        case .forbidden:
            return SitePage("Geen toegang", status: status, UI.notice("error", model.message), home)
        case .unauthorized:
            return SitePage(
                "Inloggen vereist", status: status, UI.notice("info", model.message),
                .p(.a(.href(SiteURL.login.path), .text("Inloggen"))))
        case .tooManyRequests:
            return SitePage("Te veel pogingen", status: status, UI.notice("error", model.message))
        case .methodNotAllowed:
            return SitePage("Methode niet toegestaan", status: status, UI.notice("error", model.message))
        default:
            if status.code >= 500 {
                return SitePage("Er ging iets mis", status: status, UI.notice("error", model.message))
            }
            return SitePage(
                "Ongeldige invoer", status: status, UI.problems(model.message, model.problems),
                .p(.text("Ga terug, pas de invoer aan en probeer het opnieuw.")))
        }
    }
}
