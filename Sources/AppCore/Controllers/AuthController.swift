import Vapor

/// Logging in and out, and choosing one's own password.
struct AuthController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.login, use: loginForm)
        routes.write(.POST, SiteURL.login, access: .anyone, use: login)
        routes.write(.POST, SiteURL.logout, access: .role(.lezer), use: logout)
        routes.requiring(.lezer).get(SiteURL.accountPassword, use: passwordForm)
        routes.write(.POST, SiteURL.accountPassword, access: .role(.lezer), use: changePassword)
    }

    struct LoginForm: Content {
        var email: String?
        var password: String?
        var terug: String?
    }

    @Sendable func loginForm(_ req: Request) -> SitePage {
        LoginPage.view(LoginPage.Model(back: req.queryText("terug")), req.formContext)
    }

    @Sendable func login(_ req: Request) async throws -> Response {
        let form = try req.content.decode(LoginForm.self)
        let email = LoginAttempt.normalised(form.email)
        let back = safeBack(form.terug)
        do {
            let user = try await LoginAttempt.verify(email: email, password: form.password ?? "", on: req)
            try await LoginAttempt.startSession(for: user, on: req)
            if user.mustChangePassword { return req.redirect(to: SiteURL.accountPassword) }
            return req.redirect(to: back ?? SiteURL.home.path, redirectType: .normal)
        } catch let refusal as LoginAttempt.Refusal {
            let model = LoginPage.Model(email: email, error: refusal.message, back: back, status: refusal.status)
            let response = LoginPage.view(model, req.formContext).render(for: req)
            if let seconds = refusal.retryAfter {
                response.headers.replaceOrAdd(name: .retryAfter, value: "\(seconds)")
            }
            return response
        }
    }

    @Sendable func logout(_ req: Request) async throws -> Response {
        if req.user != nil { try await req.audit("uitgelogd", entity: "sessie", summary: "Uitgelogd") }
        req.auth.logout(User.self)
        req.session.destroy()
        return req.redirect(to: SiteURL.home)
    }

    @Sendable func passwordForm(_ req: Request) throws -> SitePage {
        PasswordPage.view(PasswordPage.Model(mustChange: req.user?.mustChangePassword == true), req.formContext)
    }

    @Sendable func changePassword(_ req: Request) async throws -> Response {
        let user = try req.requireRole(.lezer)
        let form = try req.content.decode(PasswordChange.Form.self)
        let errors = try await PasswordChange.problems(form, user: user, on: req)
        guard errors.isEmpty, let newPassword = form.new else {
            let model = PasswordPage.Model(
                mustChange: user.mustChangePassword, errors: errors,
                status: .unprocessableEntity)
            return PasswordPage.view(model, req.formContext).render(for: req)
        }
        try await PasswordChange.apply(newPassword, user: user, on: req)
        return req.redirect(to: SiteURL.home)
    }
}
