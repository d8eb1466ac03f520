import Vapor

/// The login form, empty or again after a refused attempt.
enum LoginPage {
    struct Model: Sendable, Equatable {
        /// The address typed (kept after a refusal).
        var email: String?
        var error: String?
        /// Where to go after logging in: a path on this site (`safeBack`), `/` otherwise.
        var back: String
        var status: HTTPResponseStatus

        init(email: String? = nil, error: String? = nil, back: String?, status: HTTPResponseStatus = .ok) {
            self.email = email
            self.error = error
            self.back = safeBack(back) ?? SiteURL.home.path
            self.status = status
        }
    }
}
