import Vapor
import VitaalDomain

/// `/account/tokens`: a logged-in user's personal API tokens (#15).
struct AccountTokensController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.requiring(.lezer).get(SiteURL.accountTokens, use: list)
        routes.write(.POST, SiteURL.accountTokens, access: .role(.lezer), use: create)
        routes.write(.POST, SiteURL.accountTokenRevoke(.key), access: .role(.lezer), use: revoke)
    }

    @Sendable func list(_ req: Request) async throws -> SitePage {
        let user = try req.requireRole(.lezer)
        var model = try await AccountTokensPage.Model.load(for: user, on: req.db)
        model.notice = req.queryText("melding")
        return AccountTokensPage.view(model, req.pageContext)
    }

    /// Makes a token and shows its text on the page this once (no redirect: it must not end up in a
    /// URL or a later page).
    @Sendable func create(_ req: Request) async throws -> SitePage {
        let user = try req.requireRole(.lezer)
        let form = try req.content.decode(AccountTokensPage.Form.self)
        do {
            let days = try req.formInt("days", in: APITokens.days, label: "De geldigheid (dagen)")
            let (token, text) = try await APITokens.create(
                for: user, name: form.name ?? "", scope: form.scope ?? "", days: days, actor: user,
                on: req.db, now: req.now)
            var model = try await AccountTokensPage.Model.load(for: user, on: req.db)
            model.issued = .init(name: token.name, token: text)
            return AccountTokensPage.view(model, req.pageContext)
        } catch let error as VitaalError where error.kind == .invalidInput || error.kind == .conflict {
            var model = try await AccountTokensPage.Model.load(for: user, on: req.db)
            (model.form, model.errors, model.status) = (form, error.fieldMessages(default: "name"), error.kind.status)
            return AccountTokensPage.view(model, req.pageContext)
        }
    }

    @Sendable func revoke(_ req: Request) async throws -> Response {
        let user = try req.requireRole(.lezer)
        guard let id = req.parameters.get("id", as: UUID.self) else {
            throw VitaalError(.notFound, "API-token niet gevonden.")
        }
        try await APITokens.revoke(id, of: user, on: req)
        return req.redirect(to: SiteURL.accountTokens, notice: "ingetrokken")
    }
}
