import Vapor
import VitaalDomain

/// Admin pages (beheerder): overview, users, organisations, audit log; one account and one
/// organisation in `AdminController+Accounts.swift`.
struct AdminController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let admin = routes.requiring(.beheerder)
        admin.get(SiteURL.admin, use: overview)
        admin.get(SiteURL.adminUsers, use: users)
        admin.get(SiteURL.adminOrganisations, use: organisations)
        admin.get(SiteURL.adminAudit, use: auditLog)
        routes.write(.POST, SiteURL.adminUsers, access: .role(.beheerder), use: createUser)
        routes.write(.POST, SiteURL.adminUserPassword(.key), access: .role(.beheerder), use: resetPassword)
        routes.write(.POST, SiteURL.adminOrganisations, access: .role(.beheerder), use: createOrganisation)
        // One account, one organisation (AdminController+Accounts.swift).
        admin.get(SiteURL.adminUser(.key), use: user)
        routes.write(.POST, SiteURL.adminUser(.key), access: .role(.beheerder), use: changeUser)
        routes.write(.POST, SiteURL.adminUserDeactivate(.key), access: .role(.beheerder), use: deactivateUser)
        routes.write(.POST, SiteURL.adminUserReactivate(.key), access: .role(.beheerder), use: reactivateUser)
        admin.get(SiteURL.adminOrganisation(.key), use: organisation)
        routes.write(.POST, SiteURL.adminOrganisation(.key), access: .role(.beheerder), use: changeOrganisation)
        routes.write(
            .POST, SiteURL.adminOrganisationRetire(.key), access: .role(.beheerder), use: retireOrganisation)
        routes.write(
            .POST, SiteURL.adminOrganisationReinstate(.key), access: .role(.beheerder), use: reinstateOrganisation)
        // The four-eyes roles (AdminController+Approval.swift).
        routes.write(.POST, SiteURL.adminUserApprover(.key), access: .role(.beheerder), use: changeApprover)
        routes.write(
            .POST, SiteURL.adminOrganisationSteering(.key), access: .role(.beheerder), use: changeSteering)
    }

    @Sendable func overview(_ req: Request) async throws -> SitePage {
        AdminOverviewPage.view(try await AdminOverviewPage.Model.load(on: req.db), req.pageContext)
    }

    @Sendable func auditLog(_ req: Request) async throws -> SitePage {
        let page = try req.queryInt("pagina", in: 1...1_000_000) ?? 1
        return AdminAuditPage.view(try await AdminAuditPage.Model.load(page: page, on: req.db), req.pageContext)
    }

    @Sendable func users(_ req: Request) async throws -> SitePage {
        AdminUsersPage.view(try await AdminUsersPage.Model.load(on: req.db), req.pageContext)
    }

    @Sendable func createUser(_ req: Request) async throws -> SitePage {
        let actor = try req.requireRole(.beheerder)
        let form = try req.content.decode(AdminUsersPage.Form.self)
        do {
            let (user, password) = try await UserService.create(
                on: req.db, password: req.password.async, email: form.email ?? "", name: form.name ?? "",
                role: form.role ?? "", organisationSlug: form.organisation ?? "", actor: actor, now: req.now)
            var model = try await AdminUsersPage.Model.load(on: req.db)
            model.issued = .init(email: user.email, password: password)
            return AdminUsersPage.view(model, req.pageContext)
        } catch let error as VitaalError where error.kind == .invalidInput || error.kind == .conflict {
            var model = try await AdminUsersPage.Model.load(on: req.db)
            (model.form, model.errors, model.status) = (form, error.fieldMessages(default: "email"), error.kind.status)
            return AdminUsersPage.view(model, req.pageContext)
        }
    }

    @Sendable func resetPassword(_ req: Request) async throws -> SitePage {
        let actor = try req.requireRole(.beheerder)
        guard let id = req.parameters.get("id", as: UUID.self) else {
            throw VitaalError(.notFound, "Gebruiker niet gevonden.")
        }
        let (user, password) = try await UserService.resetPassword(
            userID: id, on: req.db, password: req.password.async,
            actor: actor, now: req.now)
        var model = try await AdminUsersPage.Model.load(on: req.db)
        model.issued = .init(email: user.email, password: password)
        return AdminUsersPage.view(model, req.pageContext)
    }

    @Sendable func organisations(_ req: Request) async throws -> SitePage {
        AdminOrganisationsPage.view(try await AdminOrganisationsPage.Model.load(on: req.db), req.pageContext)
    }

    @Sendable func createOrganisation(_ req: Request) async throws -> Response {
        let actor = try req.requireRole(.beheerder)
        let form = try req.content.decode(AdminOrganisationsPage.Form.self)
        do {
            _ = try await OrganisationService.create(
                on: req.db, name: form.name ?? "", slug: nil, kind: form.kind, region: form.region,
                website: form.website, actor: actor, now: req.now)
        } catch let error as VitaalError where error.kind == .invalidInput || error.kind == .conflict {
            var model = try await AdminOrganisationsPage.Model.load(on: req.db)
            (model.form, model.errors) = (form, error.fieldMessages(default: "name"))
            model.status = .unprocessableEntity
            return AdminOrganisationsPage.view(model, req.pageContext).render(for: req)
        }
        return req.redirect(to: SiteURL.adminOrganisations)
    }
}

extension VitaalError {
    /// The problems' messages by form field (`default` for a problem without a field); the last wins.
    func fieldMessages(default field: String) -> [String: String] {
        var messages: [String: String] = [:]
        for problem in problems { messages[problem.location.field ?? field] = problem.message }
        return messages
    }
}
