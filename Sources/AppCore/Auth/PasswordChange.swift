import Fluent
import Vapor
import VitaalDomain

/// Choosing one's own password (`/account/wachtwoord`).
enum PasswordChange {
    struct Form: Content {
        var current: String?
        var new: String?
        var repeated: String?

        enum CodingKeys: String, CodingKey {
            case current, new
            case repeated = "repeat"
        }
    }

    /// Checks the form; the messages by field name, empty when the password may be changed.
    static func problems(_ form: Form, user: User, on req: Request) async throws -> [String: String] {
        var errors: [String: String] = [:]
        // Guessing the current password here is throttled like the login (same account key).
        let accountKey = LoginThrottle.accountKey(user.email)
        let clientKey = LoginThrottle.clientKey(req.clientAddress)
        let throttle = req.application.loginThrottle
        if case .wait(let wait) = try await throttle.begin(keys: [accountKey, clientKey], on: req.db, now: req.now) {
            let seconds = Int(wait.rounded(.up))
            throw Abort(
                .tooManyRequests,
                reason: "Te veel onjuiste wachtwoorden. Probeer het over \(seconds) seconden opnieuw.")
        }
        if !(try await req.password.async.verify(form.current ?? "", created: user.passwordHash)) {
            errors["current"] = "Het huidige wachtwoord klopt niet."
        } else {
            try await throttle.succeeded(accountKey: accountKey, clientKey: clientKey, on: req.db)
        }
        if let problem = Passwords.validate(form.new ?? "") {
            errors["new"] = problem
        } else if form.new != form.repeated {
            errors["repeat"] = "De twee nieuwe wachtwoorden zijn niet gelijk."
        }
        return errors
    }

    /// Stores the new password; the user's other sessions end (a stolen cookie stops working).
    static func apply(_ newPassword: String, user: User, on req: Request) async throws {
        user.passwordHash = try await req.password.async.hash(newPassword)
        user.mustChangePassword = false
        user.oneTimePasswordExpiresAt = nil
        let userID = try user.requireID()
        let now = req.now
        try await req.db.transaction { db in
            try await user.save(on: db)
            try await Sessions.revokeOthers(userID: userID, keeping: req, on: db)
            try await Audit.record(
                on: db, user: user, action: "gewijzigd", entity: "gebruiker",
                entityID: userID.uuidString, summary: "Eigen wachtwoord gewijzigd", at: now)
        }
    }
}
