import Fluent
import SQLKit
import Vapor

/// A session as stored on the server. The key is the SHA-256 of the cookie value, so a copy of
/// the database does not hand out working cookies; `user_id` lets a password change end the
/// user's other sessions.
final class SessionRow: Model, @unchecked Sendable {
    static let schema = "vitaal_sessions"
    @ID(custom: "key_hash", generatedBy: .user) var id: String?
    @Field(key: "data") var data: String
    @OptionalField(key: "user_id") var userID: UUID?
    /// Seconds since 1970 (a number, the same on SQLite and PostgreSQL).
    @Field(key: "created_at") var createdAt: Double
    @Field(key: "last_seen_at") var lastSeenAt: Double
    init() {}
}

struct CreateSessions: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(SessionRow.schema)
            .field("key_hash", .string, .identifier(auto: false))
            .field("data", .string, .required)
            .field("user_id", .uuid)
            .field("created_at", .double, .required)
            .field("last_seen_at", .double, .required)
            .create()
        if let sql = db as? any SQLDatabase {
            try await sql.create(index: "vitaal_sessions_user").on(SessionRow.schema).column("user_id").run()
            try await sql.create(index: "vitaal_sessions_seen").on(SessionRow.schema).column("last_seen_at").run()
        }
    }
    func revert(on db: any Database) async throws { try await db.schema(SessionRow.schema).delete() }
}

/// Server-side sessions with an idle and an absolute lifetime (`VitaalConfiguration`).
///
/// - An empty session (a visitor who never got a form) is never stored, so a request with an
///   unknown or made-up cookie writes nothing.
/// - A request whose session data did not change writes at most once a minute (the idle clock),
///   so browsing is not a stream of database writes.
/// - An expired session is deleted when it is read, and expired rows are swept regularly.
public struct VitaalSessionDriver: AsyncSessionDriver {
    let idle: TimeInterval
    let absolute: TimeInterval
    /// How stale `last_seen_at` may get before an unchanged session is written again.
    static let touchInterval: TimeInterval = 60

    public init(idle: TimeInterval, absolute: TimeInterval) {
        self.idle = idle
        self.absolute = absolute
    }

    struct Loaded: StorageKey { typealias Value = (data: SessionData, lastSeen: Double) }

    static func hash(_ id: SessionID) -> String {
        SHA256.hash(data: Data(id.string.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    static func encode(_ data: SessionData) throws -> String {
        String(decoding: try JSONEncoder().encode(data.snapshot), as: UTF8.self)
    }

    /// Vapor's session authentication stores the user under `_<Type>Session`.
    static func userID(_ data: SessionData) -> UUID? {
        data["_UserSession"].flatMap(UUID.init(uuidString:))
    }

    public func createSession(_ data: SessionData, for request: Request) async throws -> SessionID {
        let id = SessionID(
            string: [UInt8].random(count: 32).base64
                .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "+", with: "-").replacingOccurrences(
                    of: "=", with: ""))
        guard !data.snapshot.isEmpty else { return id }
        let now = request.now.timeIntervalSince1970
        let row = SessionRow()
        row.id = Self.hash(id)
        row.data = try Self.encode(data)
        row.userID = Self.userID(data)
        row.createdAt = now
        row.lastSeenAt = now
        try await row.create(on: request.db)
        // Sweep expired rows now and then (about one in 50 new sessions), so the table stays
        // bounded without a scheduler.
        if Int.random(in: 0..<50) == 0 {
            try await Self.purgeExpired(on: request.db, idle: idle, absolute: absolute, now: request.now)
        }
        return id
    }

    public func readSession(_ sessionID: SessionID, for request: Request) async throws -> SessionData? {
        guard sessionID.string.utf8.count <= 128 else { return nil }
        guard let row = try await SessionRow.find(Self.hash(sessionID), on: request.db) else { return nil }
        let now = request.now.timeIntervalSince1970
        if now - row.lastSeenAt > idle || now - row.createdAt > absolute {
            try await row.delete(on: request.db)
            return nil
        }
        guard let dict = try? JSONDecoder().decode([String: String].self, from: Data(row.data.utf8)) else { return nil }
        let data = SessionData(initialData: dict)
        request.storage[Loaded.self] = (data, row.lastSeenAt)
        return data
    }

    public func updateSession(_ sessionID: SessionID, to data: SessionData, for request: Request) async throws
        -> SessionID
    {
        let now = request.now.timeIntervalSince1970
        if let loaded = request.storage[Loaded.self], loaded.data == data, now - loaded.lastSeen < Self.touchInterval {
            return sessionID
        }
        let key = Self.hash(sessionID)
        if let loaded = request.storage[Loaded.self], loaded.data == data {
            // Only the idle clock is due. While another connection holds SQLite's write lock (an
            // import) this waits for the busy timeout and then gives up: the page is served and the
            // next request tries again.
            do {
                try await SessionRow.query(on: request.db).filter(\.$id == key).set(\.$lastSeenAt, to: now).update()
            } catch let error where DatabaseBusy.isBusy(error) {
                request.logger.debug("session touch skipped: database busy")
            }
            return sessionID
        }
        if data.snapshot.isEmpty {
            try await SessionRow.query(on: request.db).filter(\.$id == key).delete()
            return sessionID
        }
        // An update never re-creates a row: a session revoked meanwhile (password change) stays gone.
        try await SessionRow.query(on: request.db).filter(\.$id == key)
            .set(\.$data, to: try Self.encode(data)).set(\.$userID, to: Self.userID(data)).set(\.$lastSeenAt, to: now)
            .update()
        return sessionID
    }

    public func deleteSession(_ sessionID: SessionID, for request: Request) async throws {
        try await SessionRow.query(on: request.db).filter(\.$id == Self.hash(sessionID)).delete()
    }

    /// Deletes every session past its idle or absolute lifetime.
    public static func purgeExpired(
        on db: any Database, idle: TimeInterval, absolute: TimeInterval,
        now: Date
    ) async throws {
        let t = now.timeIntervalSince1970
        try await SessionRow.query(on: db).group(.or) {
            $0.filter(\.$lastSeenAt < t - idle).filter(\.$createdAt < t - absolute)
        }.delete()
    }
}

public enum Sessions {
    /// Ends every session of `userID` except the one of `request` (after a password change or a
    /// reset by a beheerder, a stolen cookie stops working).
    public static func revokeOthers(userID: UUID, keeping request: Request?, on db: any Database) async throws {
        var query = SessionRow.query(on: db).filter(\.$userID == userID)
        if let id = request?.session.id { query = query.filter(\.$id != VitaalSessionDriver.hash(id)) }
        try await query.delete()
    }

    /// Number of stored sessions (for tests and the admin overview).
    public static func count(on db: any Database) async throws -> Int { try await SessionRow.query(on: db).count() }
}
