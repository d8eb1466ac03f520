import Vapor
import Fluent
import Plot
import VitaalDomain

struct AuthController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("inloggen", use: loginForm)
        routes.write(.POST, "inloggen", access: .anyone, use: login)
        routes.write(.POST, "uitloggen", access: .role(.lezer), use: logout)
        routes.requiring(.lezer).get("account", "wachtwoord", use: passwordForm)
        routes.write(.POST, "account", "wachtwoord", access: .role(.lezer), use: changePassword)
    }

    struct LoginForm: Content { var email: String?; var password: String?; var terug: String? }

    @Sendable func loginForm(_ req: Request) -> Page {
        loginPage(req, email: nil, error: nil, back: req.query[String.self, at: "terug"])
    }

    func loginPage(_ req: Request, email: String?, error: String?, back: String?, status: HTTPResponseStatus = .ok) -> Page {
        Page("Inloggen", status: status, breadcrumbs: [("Home", "/")],
            .p(.text("Log in met het account dat u van de beheerder van uw organisatie heeft gekregen. Openbare gegevens zijn ook zonder inloggen te zien.")),
            .unwrap(error) { UI.notice("error", $0) },
            .form(.method(.post), .action("/inloggen"), .class("card"),
                Layout.csrfField(req),
                .input(.type(.hidden), .name("terug"), .value(safeBack(back) ?? "/")),
                UI.field("email", label: "E-mailadres", type: .email, value: email, required: true,
                         attributes: [.attribute(named: "autocomplete", value: "username")]),
                UI.field("password", label: "Wachtwoord", type: .password, required: true,
                         attributes: [.attribute(named: "autocomplete", value: "current-password")]),
                .button(.type(.submit), .text("Inloggen"))
            )
        )
    }

    @Sendable func login(_ req: Request) async throws -> Response {
        let form = try req.content.decode(LoginForm.self)
        let email = (form.email ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        let password = form.password ?? ""
        let back = safeBack(form.terug)
        guard !email.isEmpty, !password.isEmpty else {
            return loginPage(req, email: email, error: "Vul uw e-mailadres en wachtwoord in.", back: back, status: .unprocessableEntity).render(for: req)
        }
        let keys = ["email:" + email, "ip:" + (req.remoteAddress?.ipAddress ?? "onbekend")]
        let throttle = req.application.loginThrottle
        if let wait = await throttle.retryAfter(keys: keys) {
            let minutes = Int((wait / 60).rounded(.up))
            throw Abort(.tooManyRequests, reason: "Te veel mislukte inlogpogingen. Probeer het over \(minutes) minuut/minuten opnieuw.")
        }
        let user = try await User.query(on: req.db).filter(\.$email == email).first()
        // Verify against a dummy hash when the user does not exist, so timing does not reveal accounts.
        let hash = user?.passwordHash ?? "$2b$04$C6UzMDM.H6dfI/f/IKxGhuGwHdC7tHyz7Y0YDnC0wH2.bMzN4hJmK"
        let ok = (try? await req.password.async.verify(password, created: hash)) ?? false
        guard let user, ok else {
            await throttle.fail(keys: keys)
            req.logger.notice("failed login", metadata: ["email": .string(email)])
            return loginPage(req, email: email, error: "Onjuist e-mailadres of wachtwoord.", back: back, status: .unauthorized).render(for: req)
        }
        await throttle.succeed(keys: keys)

        // New session id on login (no session fixation): drop the old session record.
        if let oldID = req.session.id {
            try await req.application.sessions.driver.deleteSession(oldID, for: req).get()
        }
        req.session.id = nil
        req.session.data = SessionData()
        req.auth.login(user)
        req.session.authenticate(user)
        user.lastLoginAt = Date()
        try await user.save(on: req.db)
        try await Audit.record(on: req.db, user: user, action: "ingelogd", entity: "sessie", summary: "Ingelogd")
        if user.mustChangePassword { return req.redirect(to: "/account/wachtwoord") }
        return req.redirect(to: back ?? "/")
    }

    @Sendable func logout(_ req: Request) async throws -> Response {
        if let user = req.user {
            try await Audit.record(on: req.db, user: user, action: "uitgelogd", entity: "sessie", summary: "Uitgelogd")
        }
        req.auth.logout(User.self)
        req.session.destroy()
        return req.redirect(to: "/")
    }

    struct PasswordForm: Content { var current: String?; var new: String?; var repeat_: String?
        enum CodingKeys: String, CodingKey { case current, new, repeat_ = "repeat" } }

    @Sendable func passwordForm(_ req: Request) throws -> Page { passwordPage(req, errors: [:]) }

    func passwordPage(_ req: Request, errors: [String: String], status: HTTPResponseStatus = .ok) -> Page {
        let mustChange = req.user?.mustChangePassword == true
        return Page("Wachtwoord wijzigen", status: status, breadcrumbs: [("Home", "/")],
            .if(mustChange, UI.notice("warning", "U bent ingelogd met een eenmalig wachtwoord. Kies nu een eigen wachtwoord.")),
            .form(.method(.post), .action("/account/wachtwoord"), .class("card"),
                Layout.csrfField(req),
                UI.field("current", label: "Huidig wachtwoord", type: .password, error: errors["current"], required: true),
                UI.field("new", label: "Nieuw wachtwoord", type: .password, error: errors["new"], required: true, hint: "Minstens 12 tekens."),
                UI.field("repeat", label: "Herhaal nieuw wachtwoord", type: .password, error: errors["repeat"], required: true),
                .button(.type(.submit), .text("Wachtwoord opslaan"))))
    }

    @Sendable func changePassword(_ req: Request) async throws -> Response {
        let user = try req.requireRole(.lezer)
        let form = try req.content.decode(PasswordForm.self)
        var errors: [String: String] = [:]
        if !(try await req.password.async.verify(form.current ?? "", created: user.passwordHash)) {
            errors["current"] = "Het huidige wachtwoord klopt niet."
        }
        if let problem = Passwords.validate(form.new ?? "") { errors["new"] = problem }
        else if form.new != form.repeat_ { errors["repeat"] = "De twee nieuwe wachtwoorden zijn niet gelijk." }
        guard errors.isEmpty else { return passwordPage(req, errors: errors, status: .unprocessableEntity).render(for: req) }
        user.passwordHash = try await req.password.async.hash(form.new!)
        user.mustChangePassword = false
        try await req.db.transaction { db in
            try await user.save(on: db)
            try await Audit.record(on: db, user: user, action: "gewijzigd", entity: "gebruiker", entityID: user.id?.uuidString, summary: "Eigen wachtwoord gewijzigd")
        }
        return req.redirect(to: "/")
    }
}

/// Only local paths are allowed as a redirect target after login.
func safeBack(_ back: String?) -> String? {
    guard let back, back.hasPrefix("/"), !back.hasPrefix("//"), !back.contains("\\") else { return nil }
    return back
}
