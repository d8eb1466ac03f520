import Vapor

/// "Wachtwoord wijzigen" (`/account/wachtwoord`): choosing one's own password.
enum PasswordPage {
    struct Model: Sendable, Equatable {
        /// Logged in with a one-time password: nothing else is possible until this form is sent.
        var mustChange: Bool
        /// Messages by field name (`current`, `new`, `repeat`).
        var errors: [String: String] = [:]
        var status: HTTPResponseStatus = .ok
    }
}
