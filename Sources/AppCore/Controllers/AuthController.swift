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

    @Sendable func loginForm(_ req: Request) -> SitePage {
        loginPage(req, email: nil, error: nil, back: req.query[String.self, at: "terug"])
    }

    func loginPage(_ req: Request, email: String?, error: String?, back: String?, status: HTTPResponseStatus = .ok) -> SitePage {
        SitePage("Inloggen", status: status, breadcrumbs: [("Home", "/")],
            .p(.text("Log in met het account dat u van de beheerder van uw organisatie heeft gekregen. Openbare gegevens zijn ook zonder inloggen te zien.")),
            .unwrap(error) { UI.notice("error", $0) },
            .form(.method(.post), .action("/inloggen"), .class("card"),
                Layout.csrfField(req),
                .input(.type(.hidden), .name("terug"), .value(attr(safeBack(back) ?? "/"))),
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
        // Addresses longer than an e-mail address can be are never looked up (nor kept as a key).
        let lookup = email.utf8.count <= 254 ? email : ""
        let accountKey = LoginThrottle.accountKey(lookup), clientKey = LoginThrottle.clientKey(req.clientAddress)
        let throttle = req.application.loginThrottle
        if case .wait(let wait) = try await throttle.begin(keys: [accountKey, clientKey], on: req.db) {
            let seconds = Int(wait.rounded(.up))
            let when = seconds < 90 ? "\(seconds) seconden" : "\((seconds + 59) / 60) minuten"
            let response = loginPage(req, email: email, error: "Te veel mislukte inlogpogingen. Probeer het over \(when) opnieuw.",
                                     back: back, status: .tooManyRequests).render(for: req)
            response.headers.replaceOrAdd(name: .retryAfter, value: "\(seconds)")
            return response
        }
        let user = lookup.isEmpty ? nil : try await User.query(on: req.db).filter(\.$email == lookup).first()
        // Unknown addresses are checked against a hash of the same cost, so a failure takes as
        // long whether or not the account exists.
        let hash: String
        if let user { hash = user.passwordHash } else { hash = try await req.application.dummyPasswordHash() }
        let ok = (try? await req.password.async.verify(password, created: hash)) ?? false
        guard let user, ok else {
            req.logger.notice("failed login", metadata: ["account": .string(accountKey), "client": .string(clientKey)])
            return loginPage(req, email: email, error: "Onjuist e-mailadres of wachtwoord.", back: back, status: .unauthorized).render(for: req)
        }
        try await throttle.succeeded(accountKey: accountKey, clientKey: clientKey, on: req.db)
        if user.mustChangePassword, let expires = user.oneTimePasswordExpiresAt, expires < Date() {
            return loginPage(req, email: email, error: "Uw eenmalige wachtwoord is verlopen (het is 24 uur geldig). Vraag de beheerder om een nieuw wachtwoord.",
                             back: back, status: .unauthorized).render(for: req)
        }

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

    @Sendable func passwordForm(_ req: Request) throws -> SitePage { passwordPage(req, errors: [:]) }

    func passwordPage(_ req: Request, errors: [String: String], status: HTTPResponseStatus = .ok) -> SitePage {
        let mustChange = req.user?.mustChangePassword == true
        return SitePage("Wachtwoord wijzigen", status: status, breadcrumbs: [("Home", "/")],
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
        // Guessing the current password here is throttled like the login (same account key).
        let accountKey = LoginThrottle.accountKey(user.email), clientKey = LoginThrottle.clientKey(req.clientAddress)
        if case .wait(let wait) = try await req.application.loginThrottle.begin(keys: [accountKey, clientKey], on: req.db) {
            throw Abort(.tooManyRequests, reason: "Te veel onjuiste wachtwoorden. Probeer het over \(Int(wait.rounded(.up))) seconden opnieuw.")
        }
        if !(try await req.password.async.verify(form.current ?? "", created: user.passwordHash)) {
            errors["current"] = "Het huidige wachtwoord klopt niet."
        } else {
            try await req.application.loginThrottle.succeeded(accountKey: accountKey, clientKey: clientKey, on: req.db)
        }
        if let problem = Passwords.validate(form.new ?? "") { errors["new"] = problem }
        else if form.new != form.repeat_ { errors["repeat"] = "De twee nieuwe wachtwoorden zijn niet gelijk." }
        guard errors.isEmpty else { return passwordPage(req, errors: errors, status: .unprocessableEntity).render(for: req) }
        user.passwordHash = try await req.password.async.hash(form.new!)
        user.mustChangePassword = false
        user.oneTimePasswordExpiresAt = nil
        try await req.db.transaction { db in
            try await user.save(on: db)
            // Other sessions of this user end: a stolen cookie stops working with the old password.
            try await Sessions.revokeOthers(userID: user.requireID(), keeping: req, on: db)
            try await Audit.record(on: db, user: user, action: "gewijzigd", entity: "gebruiker", entityID: user.id?.uuidString, summary: "Eigen wachtwoord gewijzigd")
        }
        return req.redirect(to: "/")
    }
}

/// Only paths on this site are allowed as a redirect target after login: a single leading `/`,
/// then only URL path and query characters. Everything a browser could turn into another host
/// (`//host`, `/\\host`, `/<TAB>/host`, control characters, `%2F%2F` tricks after decoding) is refused.
func safeBack(_ back: String?) -> String? {
    guard let back, back.hasPrefix("/"), back.utf8.count <= 2000 else { return nil }
    let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/-._~?=&%+,".utf8)
    guard back.utf8.allSatisfy({ allowed.contains($0) }) else { return nil }
    let decodedPath = (back.split(separator: "?", maxSplits: 1).first.map(String.init) ?? back).removingPercentEncoding ?? ""
    guard !back.hasPrefix("//"), !decodedPath.hasPrefix("//"), !decodedPath.contains("\\"),
          !decodedPath.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return nil }
    return back
}
