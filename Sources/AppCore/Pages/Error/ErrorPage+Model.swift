import Vapor
import VitaalDomain

/// The page of every error a visitor sees (API requests get JSON instead).
enum ErrorPage {
    struct Model: Sendable {
        var status: HTTPResponseStatus
        var message: String
        var problems: [Problem]
        /// Shown on every error page: support finds the matching log line with it (every log line of a
        /// request carries `request-id`).
        var requestID: String?
    }
}
