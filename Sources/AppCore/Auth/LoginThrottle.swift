import Fluent
import SQLKit
import Vapor

/// Failed logins per account and per client, kept in the database so that every app instance on
/// one PostgreSQL counts together, and so that memory never grows with the number of keys.
///
/// The rule: the first `freeFailures` failures of a key cost nothing; after that each further
/// attempt must wait `baseDelay · 2^(failures − freeFailures)` seconds after the last failure,
/// at most `maxDelay`. A key is forgotten `window` seconds after its last failure. There is no
/// hard lock: a stranger who tries the beheerder's address only delays the real user, who can log
/// in once the delay has passed.
///
/// Race-safety: an attempt is counted as a failure *before* the password is checked (one atomic
/// UPDATE per key); a successful login takes its own count back. Parallel wrong passwords are
/// therefore all counted, and once the free failures are used, of several parallel attempts only
/// the one that saw the current count may go on.
public struct LoginThrottle: Sendable {
    public struct Policy: Sendable {
        public var freeFailures = 5
        public var baseDelay: TimeInterval = 1
        public var maxDelay: TimeInterval = 15 * 60
        public var window: TimeInterval = 15 * 60
        public init() {}
        /// Seconds to wait after the last failure when a key has `failures` failures.
        public func delay(failures: Int) -> TimeInterval {
            guard failures >= freeFailures else { return 0 }
            let exponent = min(failures - freeFailures, 30)
            return min(maxDelay, baseDelay * pow(2, Double(exponent)))
        }
    }

    public var policy: Policy
    public init(policy: Policy = Policy()) { self.policy = policy }

    /// The throttle key of an account: a hash of the address, so keys have a fixed size and the
    /// table holds no addresses.
    public static func accountKey(_ email: String) -> String {
        "a:" + SHA256.hash(data: Data(email.utf8)).prefix(16).map { String(format: "%02x", $0) }.joined()
    }
    public static func clientKey(_ address: String) -> String { "c:" + String(address.prefix(64)) }

    public enum Decision: Sendable, Equatable {
        case proceed
        case wait(TimeInterval)
    }

    /// Checks the keys and, when allowed, counts this attempt as a failure of each key.
    public func begin(keys: [String], on db: any Database, now: Date) async throws -> Decision {
        guard let sql = db as? any SQLDatabase else { return .proceed }
        let t = now.timeIntervalSince1970
        var seen: [String: Int] = [:]
        var wait: TimeInterval = 0
        for row in try await sql.select().columns("key", "failures", "last_failure_at").from(Self.table)
            .where("key", .in, keys).all()
        {
            let key = try row.decode(column: "key", as: String.self)
            var failures = try row.decode(column: "failures", as: Int.self)
            let last = try row.decode(column: "last_failure_at", as: Double.self)
            if t - last > policy.window { failures = 0 }
            seen[key] = failures
            let until = last + policy.delay(failures: failures)
            if failures >= policy.freeFailures, until > t { wait = max(wait, until - t) }
        }
        if wait > 0 { return .wait(wait) }
        var raced = false
        for (key, counted) in try await increment(keys, on: sql, now: t) {
            // Past the free failures, only the attempt that saw the count it raised may go on.
            if counted > policy.freeFailures, counted != (seen[key] ?? 0) + 1 { raced = true }
        }
        if raced { return .wait(policy.delay(failures: policy.freeFailures)) }
        return .proceed
    }

    /// A successful login: the account starts afresh; the client's count loses this attempt only.
    public func succeeded(accountKey: String, clientKey: String, on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.delete(from: Self.table).where("key", .equal, accountKey).run()
        try await sql.update(Self.table).set("failures", to: SQLRaw("failures - 1"))
            .where("key", .equal, clientKey).where("failures", .greaterThan, 0).run()
    }

    /// Deletes keys whose last failure is older than the window.
    public func purge(on db: any Database, now: Date) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.delete(from: Self.table).where(
            "last_failure_at", .lessThan, now.timeIntervalSince1970 - policy.window
        ).run()
    }

    static let table = "login_throttle"

    /// Counts one failure for every key in ONE statement, keys in sorted order. Separate statements
    /// per key let parallel attempts interleave differently on each key (one attempt is 5th on the
    /// account and 6th on the client, another the other way round), so both were turned away; one
    /// statement takes the keys' row locks in the same order for every attempt (PostgreSQL), and
    /// SQLite runs statements one at a time.
    private func increment(_ keys: [String], on sql: any SQLDatabase, now t: Double) async throws -> [(String, Int)] {
        let sorted = Array(Set(keys)).sorted()
        guard !sorted.isEmpty else { return [] }
        var query = SQLQueryString("INSERT INTO login_throttle (key, failures, last_failure_at) VALUES ")
        for (i, key) in sorted.enumerated() {
            query.appendLiteral(i == 0 ? "" : ", ")
            query.appendInterpolation(unsafeRaw: "(")
            query.appendInterpolation(bind: key)
            query.appendLiteral(", 1, ")
            query.appendInterpolation(bind: t)
            query.appendLiteral(")")
        }
        // A key past its window starts again at 1.
        query.appendLiteral(
            """
             ON CONFLICT (key) DO UPDATE SET
              failures = CASE WHEN login_throttle.last_failure_at < 
            """)
        query.appendInterpolation(bind: t - policy.window)
        query.appendLiteral(" THEN 1 ELSE login_throttle.failures + 1 END, last_failure_at = ")
        query.appendInterpolation(bind: t)
        query.appendLiteral(" RETURNING key, failures")
        return try await sql.raw(query).all().map {
            (try $0.decode(column: "key", as: String.self), try $0.decode(column: "failures", as: Int.self))
        }
    }
}

struct CreateLoginThrottle: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(LoginThrottle.table)
            .field("key", .string, .identifier(auto: false))
            .field("failures", .int, .required)
            .field("last_failure_at", .double, .required)
            .create()
    }
    func revert(on db: any Database) async throws { try await db.schema(LoginThrottle.table).delete() }
}

extension Application {
    private struct ThrottleKey: StorageKey { typealias Value = LoginThrottle }
    public var loginThrottle: LoginThrottle {
        get { storage[ThrottleKey.self] ?? LoginThrottle() }
        set { storage[ThrottleKey.self] = newValue }
    }

    private struct DummyHashKey: StorageKey { typealias Value = String }
    /// A hash of a random password made with the configured cost, verified when an address is
    /// unknown so that a failure takes as long for unknown as for known accounts.
    func dummyPasswordHash() async throws -> String {
        if let h = storage[DummyHashKey.self] { return h }
        let h = try await password.async.hash(AppCore.Passwords.generate(length: 24))
        storage[DummyHashKey.self] = h
        return h
    }
}
