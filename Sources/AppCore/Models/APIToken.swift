import Fluent
import Vapor

/// What a personal API token may do: read (GET/HEAD) or also write.
public enum APITokenScope: String, Codable, Sendable, CaseIterable {
    case lezen
    case schrijven

    public var label: String {
        switch self {
        case .lezen: "Lezen"
        case .schrijven: "Lezen en schrijven"
        }
    }

    /// May a request with this method be made with the scope?
    public func allows(_ method: HTTPMethod) -> Bool {
        self == .schrijven || method == .GET || method == .HEAD
    }
}

/// A personal API token of a user, for machine clients (`Authorization: Bearer vit_…`). Only the
/// SHA-256 of the token is stored (as with sessions): a copy of the database hands out no working
/// tokens. Revoked and expired tokens are kept, so the account page shows their history.
public final class APIToken: Model, @unchecked Sendable {
    public static let schema = "api_tokens"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "user_id") public var user: User
    @Field(key: "name") public var name: String
    /// Hex SHA-256 of the whole token text (`APITokens.hash`).
    @Field(key: "token_hash") public var tokenHash: String
    /// `APITokenScope` raw value.
    @Field(key: "scope") public var scope: String
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "expires_at") public var expiresAt: Date
    /// Updated at most once a minute (`APITokens.touchInterval`).
    @OptionalField(key: "last_used_at") public var lastUsedAt: Date?
    @OptionalField(key: "revoked_at") public var revokedAt: Date?

    public init() {}
    public init(
        userID: UUID, name: String, tokenHash: String, scope: APITokenScope, createdAt: Date, expiresAt: Date
    ) {
        self.$user.id = userID
        self.name = name
        self.tokenHash = tokenHash
        self.scope = scope.rawValue
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }

    /// The scope; an unknown stored value counts as read-only.
    public var tokenScope: APITokenScope { APITokenScope(rawValue: scope) ?? .lezen }

    /// Usable at `now`: neither revoked nor expired.
    public func isUsable(at now: Date) -> Bool { revokedAt == nil && expiresAt > now }
}
