import Fluent
import Vapor
import VitaalDomain

/// Personal API tokens: making them (the account page and `vitaal token create`), revoking them,
/// and the middleware that accepts `Authorization: Bearer vit_…` on `/api/v1`.
public enum APITokens {
    /// Every token starts with this, so that a leaked one is recognisable (secret scanners).
    public static let prefix = "vit_"
    /// Days a token may live, and the default.
    public static let days = 1...365
    public static let defaultDays = 90
    /// At most this many usable tokens per user.
    public static let maxUsable = 50
    public static let maxNameLength = 100
    /// How stale `last_used_at` may get before a request writes it again.
    static let touchInterval: TimeInterval = 60

    /// A new token text: the prefix and 32 random bytes, base64url without padding.
    public static func generate() -> String {
        prefix
            + [UInt8].random(count: 32).base64
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "=", with: "")
    }

    /// The stored form of a token: hex SHA-256 of its text (as for session keys).
    public static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Creates a token for `user`; returns the stored row and the token text (shown once). All
    /// problems are reported at once by field (`name`, `scope`, `days`); nothing is written then.
    public static func create(
        for user: User, name rawName: String, scope rawScope: String, days: Int?, actor: User?,
        actorName: String? = nil, on db: any Database, now: Date
    ) async throws -> (APIToken, String) {
        var problems = ProblemCollector()
        let name = rawName.trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty {
            problems.add(
                "Geef het token een naam (bijv. het script dat het gebruikt).", at: SourceLocation(field: "name"))
        } else if name.count > maxNameLength {
            problems.add(
                "De naam is te lang (hoogstens \(maxNameLength) tekens).", at: SourceLocation(field: "name"))
        }
        let scope = APITokenScope(rawValue: rawScope.trimmingCharacters(in: .whitespaces).lowercased())
        if scope == nil {
            problems.add("Kies het bereik lezen of schrijven.", at: SourceLocation(field: "scope"))
        } else if scope == .schrijven, user.role < .redacteur {
            problems.add(
                "Met de rol \(user.role.label.lowercased()) kunt u alleen een token met bereik lezen maken.",
                at: SourceLocation(field: "scope"))
        }
        let lifetime = days ?? defaultDays
        if !Self.days.contains(lifetime) {
            problems.add(
                "De geldigheid moet tussen \(Self.days.lowerBound) en \(Self.days.upperBound) dagen liggen.",
                at: SourceLocation(field: "days"))
        }
        if !user.isActive {
            problems.add("Het account \(user.email) is gedeactiveerd.", at: SourceLocation(field: "user"))
        }
        try problems.throwIfAny("API-token niet aangemaakt")
        guard let scope else { throw VitaalError(.internal, "API-token niet aangemaakt.") }
        let userID = try user.requireID()
        let usable = try await APIToken.query(on: db).filter(\.$user.$id == userID).filter(\.$revokedAt == nil)
            .filter(\.$expiresAt > now).count()
        if usable >= maxUsable {
            let message =
                "U heeft al \(usable) geldige tokens (hoogstens \(maxUsable)); trek eerst een token in dat u niet "
                + "meer gebruikt."
            throw VitaalError(.conflict, message, problems: [Problem(message, at: SourceLocation(field: "name"))])
        }
        let text = generate()
        let token = APIToken(
            userID: userID, name: name, tokenHash: hash(text), scope: scope, createdAt: now,
            expiresAt: now.addingTimeInterval(TimeInterval(lifetime) * 24 * 3600))
        try await db.transaction { db in
            try await token.create(on: db)
            try await Audit.record(
                on: db, user: actor, actor: actorName, action: "aangemaakt", entity: "api-token",
                entityID: token.id?.uuidString,
                summary: "API-token \"\(name)\" van \(user.email) (\(scope.rawValue), \(lifetime) dagen)", at: now)
        }
        return (token, text)
    }

    /// Revokes one of `user`'s own tokens (404 for anyone else's); revoking twice changes nothing.
    public static func revoke(_ tokenID: UUID, of user: User, on req: Request) async throws {
        let userID = try user.requireID()
        guard
            let token = try await APIToken.query(on: req.db).filter(\.$id == tokenID)
                .filter(\.$user.$id == userID).first()
        else { throw VitaalError(.notFound, "API-token niet gevonden.") }
        guard token.revokedAt == nil else { return }
        token.revokedAt = req.now
        try await req.db.transaction { db in
            try await token.save(on: db)
            try await req.audit(
                on: db, "ingetrokken", entity: "api-token", id: tokenID.uuidString,
                summary: "API-token \"\(token.name)\" van \(user.email) ingetrokken")
        }
    }

    /// Revokes every usable token of `userID` (deactivation), in the caller's transaction.
    static func revokeAll(of userID: UUID, on db: any Database, now: Date) async throws {
        try await APIToken.query(on: db).filter(\.$user.$id == userID).filter(\.$revokedAt == nil)
            .set(\.$revokedAt, to: now).update()
    }
}

extension Request {
    private struct TokenKey: StorageKey { typealias Value = APITokenUse }

    /// The token this request was authenticated with (nil for cookie sessions and anonymous requests).
    public internal(set) var apiToken: APITokenUse? {
        get { storage[TokenKey.self] }
        set { storage[TokenKey.self] = newValue }
    }
}

/// The token a request was authenticated with.
public struct APITokenUse: Sendable {
    public var id: UUID
    public var scope: APITokenScope
}

/// Accepts `Authorization: Bearer vit_…` on `/api/v1`: an unknown, expired or revoked token, or one
/// of a deactivated user, is refused with 401; a read-only token may only GET/HEAD (else 403). A
/// valid token logs its user in for this request only — no session is made or changed — and such a
/// request needs no CSRF token (`CSRFMiddleware`), since a browser never sends this header by itself.
///
/// Installed before the session authenticator: that one then leaves the request alone, and does not
/// store the token's user in a session afterwards.
public struct APITokenAuthenticator: AsyncMiddleware {
    public init() {}

    static func isAPIPath(_ path: String) -> Bool { path == "/api/v1" || path.hasPrefix("/api/v1/") }

    public func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard Self.isAPIPath(request.url.path), let header = request.headers.first(name: .authorization),
            header.lowercased() == "bearer" || header.lowercased().hasPrefix("bearer ")
        else { return try await next.respond(to: request) }
        let text = header.dropFirst("bearer".count).trimmingCharacters(in: .whitespaces)
        guard text.hasPrefix(APITokens.prefix), text.utf8.count <= 128,
            let token = try await APIToken.query(on: request.db).filter(\.$tokenHash == APITokens.hash(text))
                .with(\.$user).first()
        else {
            throw VitaalError(.unauthorized, "Onbekend API-token.")
        }
        let now = request.now
        if token.revokedAt != nil {
            throw VitaalError(.unauthorized, "Dit API-token is ingetrokken.")
        }
        if token.expiresAt <= now {
            throw VitaalError(.unauthorized, "Dit API-token is verlopen; maak een nieuw token aan op /account/tokens.")
        }
        guard token.user.isActive else {
            throw VitaalError(.unauthorized, "Het account van dit API-token is gedeactiveerd.")
        }
        let scope = token.tokenScope
        guard scope.allows(request.method) else {
            throw VitaalError(
                .forbidden,
                "Dit API-token mag alleen lezen (GET); maak een token met bereik schrijven om gegevens te wijzigen.")
        }
        let tokenID = try token.requireID()
        if token.lastUsedAt.map({ now.timeIntervalSince($0) >= APITokens.touchInterval }) ?? true {
            // Conditional, so parallel requests within the minute write once between them. Skipped
            // while an import holds SQLite's write lock (`DatabaseBusy`): a read must not fail on it.
            do {
                try await APIToken.query(on: request.db).filter(\.$id == tokenID)
                    .group(.or) {
                        $0.filter(\.$lastUsedAt == nil)
                            .filter(\.$lastUsedAt <= now.addingTimeInterval(-APITokens.touchInterval))
                    }
                    .set(\.$lastUsedAt, to: now).update()
            } catch let error where DatabaseBusy.isBusy(error) {
                request.logger.debug("token touch skipped: database busy")
            }
        }
        request.apiToken = APITokenUse(id: tokenID, scope: scope)
        request.auth.login(token.user)
        return try await next.respond(to: request)
    }
}

/// The session authenticator of Vitaal: the user of the session, only while their account is active
/// (deactivation also deletes the sessions; this holds for a session read in the same moment).
struct ActiveUserSessionAuthenticator: AsyncSessionAuthenticator {
    typealias User = AppCore.User
    func authenticate(sessionID: UUID, for request: Request) async throws {
        guard let user = try await User.find(sessionID, on: request.db), user.isActive else { return }
        request.auth.login(user)
    }
}
