import Fluent
import Vapor

/// `/account/tokens`: the user's own API tokens, the form for a new one, and a token just made
/// (its text is shown this once and never stored).
enum AccountTokensPage {
    /// The new-token form as posted.
    struct Form: Content, Equatable {
        var name: String?
        var scope: String?
        var days: String?
    }

    struct Model: Sendable, Equatable {
        struct Token: Sendable, Equatable {
            var id: UUID
            var name: String
            var scope: APITokenScope
            var createdAt: Date
            var expiresAt: Date
            var lastUsedAt: Date?
            var revokedAt: Date?
        }

        /// A token just made: its name and its text (shown once).
        struct Issued: Sendable, Equatable {
            var name: String
            var token: String
        }

        var tokens: [Token]
        /// May the viewer make write tokens (redacteur and beheerder)?
        var mayWrite: Bool
        var form: Form?
        var errors: [String: String] = [:]
        var issued: Issued?
        /// A confirmation code from the redirect (`?melding=ingetrokken`).
        var notice: String?
        var status: HTTPResponseStatus = .ok
    }
}

extension AccountTokensPage.Model.Token {
    /// "actief", "verlopen" or "ingetrokken" at `now`.
    func state(at now: Date) -> String {
        if revokedAt != nil { return "ingetrokken" }
        return expiresAt > now ? "actief" : "verlopen"
    }
}

extension AccountTokensPage.Model {
    /// The tokens of `user`, newest first.
    static func load(for user: User, on db: any Database) async throws -> Self {
        let userID = try user.requireID()
        let tokens = try await APIToken.query(on: db).filter(\.$user.$id == userID)
            .sort(\.$createdAt, .descending).all()
        return Self(
            tokens: try tokens.map {
                Token(
                    id: try $0.requireID(), name: $0.name, scope: $0.tokenScope, createdAt: $0.createdAt,
                    expiresAt: $0.expiresAt, lastUsedAt: $0.lastUsedAt, revokedAt: $0.revokedAt)
            },
            mayWrite: user.role >= .redacteur)
    }
}
