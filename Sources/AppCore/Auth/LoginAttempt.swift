import Fluent
import Vapor
import VitaalDomain

/// One login attempt: the throttle, the password check at the same cost for unknown accounts, the
/// one-time password's expiry, and on success a fresh session (no session fixation).
enum LoginAttempt {
    /// Why a login was refused, as the login page shows it.
    struct Refusal: Error, Sendable {
        var message: String
        var status: HTTPResponseStatus
        /// Seconds to wait (the `Retry-After` header) when throttled.
        var retryAfter: Int?
    }

    /// The address as it is looked up: trimmed and lower-case.
    static func normalised(_ email: String?) -> String {
        (email ?? "").trimmingCharacters(in: .whitespaces).lowercased()
    }

    /// The user when `password` is theirs; throws `Refusal` otherwise.
    static func verify(email: String, password: String, on req: Request) async throws -> User {
        guard !email.isEmpty, !password.isEmpty else {
            throw Refusal(message: "Vul uw e-mailadres en wachtwoord in.", status: .unprocessableEntity)
        }
        // Addresses longer than an e-mail address can be are never looked up (nor kept as a key).
        let lookup = email.utf8.count <= 254 ? email : ""
        let accountKey = LoginThrottle.accountKey(lookup)
        let clientKey = LoginThrottle.clientKey(req.clientAddress)
        let throttle = req.application.loginThrottle
        if case .wait(let wait) = try await throttle.begin(keys: [accountKey, clientKey], on: req.db, now: req.now) {
            let seconds = Int(wait.rounded(.up))
            let when = seconds < 90 ? "\(seconds) seconden" : "\((seconds + 59) / 60) minuten"
            throw Refusal(
                message: "Te veel mislukte inlogpogingen. Probeer het over \(when) opnieuw.",
                status: .tooManyRequests, retryAfter: seconds)
        }
        let user = lookup.isEmpty ? nil : try await User.query(on: req.db).filter(\.$email == lookup).first()
        // Unknown addresses are checked against a hash of the same cost, so a failure takes as
        // long whether or not the account exists.
        let hash: String
        if let user { hash = user.passwordHash } else { hash = try await req.application.dummyPasswordHash() }
        let matches = (try? await req.password.async.verify(password, created: hash)) ?? false
        guard let user, matches else {
            req.logger.notice("failed login", metadata: ["account": .string(accountKey), "client": .string(clientKey)])
            throw Refusal(message: "Onjuist e-mailadres of wachtwoord.", status: .unauthorized)
        }
        // Said only to whoever knows the password: a wrong one gets the message above, whatever the
        // account's state. The attempt stays counted (no `succeeded`): it did not log in.
        guard user.isActive else {
            throw Refusal(
                message: "Dit account is gedeactiveerd. Neem contact op met de beheerder van uw organisatie.",
                status: .unauthorized)
        }
        try await throttle.succeeded(accountKey: accountKey, clientKey: clientKey, on: req.db)
        if user.mustChangePassword, let expires = user.oneTimePasswordExpiresAt, expires < req.now {
            throw Refusal(
                message: "Uw eenmalige wachtwoord is verlopen (het is 24 uur geldig). Vraag de beheerder "
                    + "om een nieuw wachtwoord.", status: .unauthorized)
        }
        return user
    }

    /// Logs `user` in on a new session id: the old session record is dropped.
    static func startSession(for user: User, on req: Request) async throws {
        if let oldID = req.session.id {
            try await req.application.sessions.driver.deleteSession(oldID, for: req).get()
        }
        req.session.id = nil
        req.session.data = SessionData()
        req.auth.login(user)
        req.session.authenticate(user)
        user.lastLoginAt = req.now
        try await user.save(on: req.db)
        try await req.audit("ingelogd", entity: "sessie", summary: "Ingelogd")
    }
}
