import Vapor
import VitaalDomain

/// One account and one organisation (#15): role and organisation of a user, deactivating and
/// reactivating; editing, retiring and reinstating an organisation. Each write: parse, check and
/// write in one transaction with its audit entry (the services), then redirect with a notice; a
/// refused write shows the page again with the message (422 for a field, 409 for a rule).
extension AdminController {
    static func userID(_ req: Request) throws -> UUID {
        guard let id = req.parameters.get("id", as: UUID.self) else {
            throw VitaalError(.notFound, "Gebruiker niet gevonden.")
        }
        return id
    }

    @Sendable func user(_ req: Request) async throws -> SitePage {
        var model = try await AdminUserPage.Model.load(id: try Self.userID(req), on: req.db, now: req.now)
        model.notice = req.queryText("melding")
        return AdminUserPage.view(model, req.pageContext)
    }

    @Sendable func changeUser(_ req: Request) async throws -> Response {
        let id = try Self.userID(req)
        let form = try req.content.decode(AdminUserPage.Form.self)
        do {
            try await UserService.change(
                userID: id, role: form.role ?? "", organisationSlug: form.organisation ?? "", on: req)
        } catch let error as VitaalError where error.kind == .invalidInput || error.kind == .conflict {
            return try await refusedUserPage(req, id: id, error: error, form: form)
        }
        return req.redirect(to: SiteURL.adminUser(.value(id.uuidString)), notice: "opgeslagen")
    }

    @Sendable func deactivateUser(_ req: Request) async throws -> Response {
        try await setUserActive(false, req)
    }

    @Sendable func reactivateUser(_ req: Request) async throws -> Response {
        try await setUserActive(true, req)
    }

    func setUserActive(_ active: Bool, _ req: Request) async throws -> Response {
        let id = try Self.userID(req)
        do {
            try await UserService.setActive(active, userID: id, on: req)
        } catch let error as VitaalError where error.kind == .conflict {
            return try await refusedUserPage(req, id: id, error: error, form: nil)
        }
        return req.redirect(
            to: SiteURL.adminUser(.value(id.uuidString)), notice: active ? "geactiveerd" : "gedeactiveerd")
    }

    func refusedUserPage(_ req: Request, id: UUID, error: VitaalError, form: AdminUserPage.Form?) async throws
        -> Response
    {
        var model = try await AdminUserPage.Model.load(id: id, on: req.db, now: req.now)
        model.form = form
        model.status = error.kind.status
        if error.kind == .conflict {
            model.refusal = error.message
        } else {
            model.errors = error.fieldMessages(default: "role")
        }
        return AdminUserPage.view(model, req.pageContext).render(for: req)
    }

    @Sendable func organisation(_ req: Request) async throws -> SitePage {
        var model = try await AdminOrganisationPage.Model.load(slug: try Self.slug(req), on: req.db)
        model.notice = req.queryText("melding")
        return AdminOrganisationPage.view(model, req.pageContext)
    }

    static func slug(_ req: Request) throws -> String {
        guard let slug = req.parameters.get("slug"), slug.utf8.count <= 200 else {
            throw VitaalError(.notFound, "Organisatie niet gevonden.")
        }
        return slug
    }

    @Sendable func changeOrganisation(_ req: Request) async throws -> Response {
        let slug = try Self.slug(req)
        let form = try req.content.decode(AdminOrganisationPage.Form.self)
        do {
            try await OrganisationService.update(
                slug: slug, name: form.name ?? "", kind: form.kind, region: form.region, website: form.website,
                description: form.description, on: req)
        } catch let error as VitaalError where error.kind == .invalidInput || error.kind == .conflict {
            var model = try await AdminOrganisationPage.Model.load(slug: slug, on: req.db)
            (model.form, model.errors, model.status) = (form, error.fieldMessages(default: "name"), error.kind.status)
            return AdminOrganisationPage.view(model, req.pageContext).render(for: req)
        }
        return req.redirect(to: SiteURL.adminOrganisation(.value(slug)), notice: "opgeslagen")
    }

    @Sendable func retireOrganisation(_ req: Request) async throws -> Response {
        try await setRetired(true, req)
    }

    @Sendable func reinstateOrganisation(_ req: Request) async throws -> Response {
        try await setRetired(false, req)
    }

    func setRetired(_ retired: Bool, _ req: Request) async throws -> Response {
        let slug = try Self.slug(req)
        do {
            try await OrganisationService.setRetired(retired, slug: slug, on: req)
        } catch let error as VitaalError where error.kind == .conflict {
            var model = try await AdminOrganisationPage.Model.load(slug: slug, on: req.db)
            (model.refusal, model.status) = (error.message, error.kind.status)
            return AdminOrganisationPage.view(model, req.pageContext).render(for: req)
        }
        return req.redirect(to: SiteURL.adminOrganisation(.value(slug)), notice: retired ? "opgeheven" : "hersteld")
    }
}
