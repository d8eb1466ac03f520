import Vapor
import Fluent
import SQLKit
import VitaalDomain

// MARK: - CSRF

/// Every state-changing request (POST/PUT/PATCH/DELETE) must carry the session's CSRF token:
/// as form field `csrf` (url-encoded forms), header `X-CSRF-Token` (API clients, JS) or — only for
/// uploads that are not url-encoded (multipart, whose body the handler reads) — query parameter `csrf`.
public struct CSRFMiddleware: AsyncMiddleware {
    public static let sessionKey = "csrf"
    public init() {}

    public func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        switch request.method {
        case .GET, .HEAD, .OPTIONS: return try await next.respond(to: request)
        default: break
        }
        // A method the path has no route for gets its 405/404 from the router, not a CSRF error.
        guard let route = MethodNotAllowed.route(request.method, request.url.path, in: request.application.routes) else {
            return try await next.respond(to: request)
        }
        guard let expected = request.session.data[Self.sessionKey], !expected.isEmpty else {
            throw VitaalError(.forbidden, "CSRF-token ontbreekt: laad de pagina opnieuw en probeer het nog eens.")
        }
        // The query carries the token only for uploads (multipart), whose body is read by the
        // handler; an ordinary form must send it in the body, where no access log records it.
        let upload = request.headers.contentType != .urlEncodedForm
        var supplied = request.headers.first(name: "X-CSRF-Token") ?? (upload ? try? request.query.get(String.self, at: "csrf") : nil)
        // The form is read with the route's own body limit (a collected body is not checked again
        // by the route); a streamed route takes its token from the header or the query only.
        if supplied == nil, request.headers.contentType == .urlEncodedForm, let limit = route.userInfo["maxBody"] as? Int {
            _ = try await request.body.collect(max: limit).get()
            supplied = try? request.content.get(String.self, at: "csrf")
        }
        guard let supplied, constantTimeEquals(supplied, expected) else {
            throw VitaalError(.forbidden, "Ongeldig of ontbrekend CSRF-token: laad de pagina opnieuw en probeer het nog eens.")
        }
        return try await next.respond(to: request)
    }

    private func constantTimeEquals(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var diff: UInt8 = 0
        for i in 0..<x.count { diff |= x[i] ^ y[i] }
        return diff == 0
    }
}

extension Request {
    /// The session's CSRF token, created on first use.
    public var csrfToken: String {
        if let token = session.data[CSRFMiddleware.sessionKey], !token.isEmpty { return token }
        let token = [UInt8].random(count: 32).base64.replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "+", with: "-")
        session.data[CSRFMiddleware.sessionKey] = token
        return token
    }

    /// The logged-in user, if any.
    public var user: User? { auth.get(User.self) }

    /// Is this an API request (JSON answers)?
    public var isAPI: Bool { url.path.hasPrefix("/api/") }

    /// Throws 401 when nobody is logged in, 403 when the role is too low.
    @discardableResult
    public func requireRole(_ minimum: Role) throws -> User {
        guard let user else { throw VitaalError(.unauthorized, "Inloggen vereist.") }
        guard user.role >= minimum else {
            throw VitaalError(.forbidden, "Uw rol (\(user.role.label.lowercased())) mag dit niet; nodig: \(minimum.label.lowercased()).")
        }
        return user
    }

    /// Write access to data owned by `organisationID`: beheerder always, redacteur only for the own organisation.
    @discardableResult
    public func requireWrite(organisationID: UUID?) throws -> User {
        let user = try requireRole(.redacteur)
        guard user.mayWrite(organisationID: organisationID) else {
            throw VitaalError(.forbidden, "U mag alleen gegevens van uw eigen organisatie wijzigen.")
        }
        return user
    }
}

// MARK: - Role guard on routes

/// Route metadata: the minimum role for a write route. The authorization-matrix test checks that
/// every non-GET route declares one and that the guard enforces it.
public enum RouteAccess: Sendable {
    case anyone          // e.g. the login form itself, anonymous spider-web submissions
    case role(Role)
}

public struct RoleGuardMiddleware: AsyncMiddleware {
    let minimum: Role
    public init(_ minimum: Role) { self.minimum = minimum }
    public func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        try request.requireRole(minimum)
        return try await next.respond(to: request)
    }
}

extension RoutesBuilder {
    /// Registers a write route (POST/PUT/PATCH/DELETE) guarded by a minimum role, recorded in the
    /// route's metadata (`userInfo["access"]`).
    @discardableResult
    public func write<R: AsyncResponseEncodable>(
        _ method: HTTPMethod, _ path: PathComponent..., access: RouteAccess,
        body: HTTPBodyStreamStrategy = .collect,
        use handler: @escaping @Sendable (Request) async throws -> R
    ) -> Route {
        write(method, path, access: access, body: body, use: handler)
    }

    /// `write` with the path as an array (typed URLs pass their `pathComponents`).
    @discardableResult
    public func write<R: AsyncResponseEncodable>(
        _ method: HTTPMethod, _ path: [PathComponent], access: RouteAccess,
        body: HTTPBodyStreamStrategy = .collect,
        use handler: @escaping @Sendable (Request) async throws -> R
    ) -> Route {
        let builder: any RoutesBuilder
        if case .role(let role) = access { builder = self.grouped(RoleGuardMiddleware(role)) } else { builder = self }
        let route = builder.on(method, path, body: body, use: handler)
        route.userInfo["access"] = access
        if case .collect(let max) = body { route.userInfo["maxBody"] = max?.value ?? 2 * 1024 * 1024 }
        return route
    }

    /// A page or endpoint that needs at least `role` to be read.
    public func requiring(_ role: Role) -> any RoutesBuilder { grouped(RoleGuardMiddleware(role)) }
}

// MARK: - Login throttling

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

    public enum Decision: Sendable, Equatable { case proceed, wait(TimeInterval) }

    /// Checks the keys and, when allowed, counts this attempt as a failure of each key.
    public func begin(keys: [String], on db: any Database, now: Date = Date()) async throws -> Decision {
        guard let sql = db as? any SQLDatabase else { return .proceed }
        let t = now.timeIntervalSince1970
        var seen: [String: Int] = [:]
        var wait: TimeInterval = 0
        for row in try await sql.select().columns("key", "failures", "last_failure_at").from(Self.table)
            .where("key", .in, keys).all() {
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
    public func purge(on db: any Database, now: Date = Date()) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.delete(from: Self.table).where("last_failure_at", .lessThan, now.timeIntervalSince1970 - policy.window).run()
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
        query.appendLiteral("""
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

// MARK: - Passwords

public enum Passwords {
    /// A readable one-time password (no ambiguous characters), ~80 bits.
    public static func generate(length: Int = 16) -> String {
        let alphabet = Array("abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var rng = SystemRandomNumberGenerator()
        return String((0..<length).map { _ in alphabet[Int(rng.next(upperBound: UInt64(alphabet.count)))] })
    }
    /// Minimum strength for passwords people choose themselves.
    public static func validate(_ password: String) -> String? {
        if password.count < 12 { return "Het wachtwoord moet minstens 12 tekens hebben." }
        // bcrypt reads only the first 72 bytes: a longer password would silently count for less.
        if password.utf8.count > 72 { return "Het wachtwoord mag hoogstens 72 bytes hebben (ongeveer 72 letters of cijfers)." }
        return nil
    }
}

extension Request {
    /// A posted form field, trimmed; "" when absent.
    public func formText(_ name: String) -> String {
        ((try? content.get(String.self, at: name)) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A posted form field, trimmed; nil when absent or empty.
    public func optionalFormText(_ name: String) -> String? {
        let text = formText(name)
        return text.isEmpty ? nil : text
    }
}
