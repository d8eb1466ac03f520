import Fluent
import Vapor

/// Audit log: who changed what, and when (also plan status transitions and imports).
public final class AuditEntry: Model, Content, @unchecked Sendable {
    public static let schema = "audit_log"

    @ID(key: .id) public var id: UUID?
    @Field(key: "at") public var at: Date
    @OptionalField(key: "user_id") public var userID: UUID?
    /// E-mail at the time of the change, or "systeem" / "cli".
    @Field(key: "actor") public var actor: String
    /// e.g. "aangemaakt", "gewijzigd", "verwijderd", "ingelogd", "import", "status"
    @Field(key: "action") public var action: String
    /// The kind of thing, e.g. "gebruiker", "regio", "plan".
    @Field(key: "entity") public var entity: String
    @OptionalField(key: "entity_id") public var entityID: String?
    @Field(key: "summary") public var summary: String

    public init() {}
    public init(
        actor: String, userID: UUID?, action: String, entity: String, entityID: String?, summary: String,
        at: Date
    ) {
        self.actor = actor
        self.userID = userID
        self.action = action
        self.entity = entity
        self.entityID = entityID
        self.summary = summary
        self.at = at
    }
}

public enum Audit {
    /// Records a change at `at` (the application's clock: `req.now`, `app.clock.now()`). Pass the same
    /// `db` as the change itself so both commit or roll back together.
    ///
    /// Without `at` the machine's clock is used; that form remains for callers that have no
    /// application at hand yet and should move to passing the time.
    public static func record(
        on db: any Database, user: User?, actor: String? = nil, action: String, entity: String,
        entityID: String? = nil, summary: String, at: Date
    ) async throws {
        let entry = AuditEntry(
            actor: user?.email ?? actor ?? "systeem", userID: user?.id, action: action,
            entity: entity, entityID: entityID, summary: summary,
            at: at)
        try await entry.create(on: db)
    }
}

extension Request {
    /// Records a change made by the logged-in user of this request, at the application's time.
    public func audit(
        on db: (any Database)? = nil, _ action: String, entity: String, id: String? = nil,
        summary: String
    ) async throws {
        try await Audit.record(
            on: db ?? self.db, user: auth.get(User.self), action: action, entity: entity, entityID: id,
            summary: summary, at: now)
    }
}
