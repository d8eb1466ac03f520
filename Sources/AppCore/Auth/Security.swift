import Vapor
import Fluent
import VitaalDomain

// MARK: - CSRF

/// Every state-changing request (POST/PUT/PATCH/DELETE) must carry the session's CSRF token:
/// as form field `csrf` (url-encoded forms), header `X-CSRF-Token` (API clients, JS) or query
/// parameter `csrf` (streamed multipart uploads, whose body is not read before the handler).
public struct CSRFMiddleware: AsyncMiddleware {
    public static let sessionKey = "csrf"
    public init() {}

    public func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        switch request.method {
        case .GET, .HEAD, .OPTIONS: return try await next.respond(to: request)
        default: break
        }
        guard let expected = request.session.data[Self.sessionKey], !expected.isEmpty else {
            throw VitaalError(.forbidden, "CSRF-token ontbreekt: laad de pagina opnieuw en probeer het nog eens.")
        }
        var supplied = request.headers.first(name: "X-CSRF-Token") ?? (try? request.query.get(String.self, at: "csrf"))
        if supplied == nil, request.headers.contentType == .urlEncodedForm {
            _ = try await request.body.collect(max: 2 * 1024 * 1024).get()
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
        let builder: any RoutesBuilder
        if case .role(let role) = access { builder = self.grouped(RoleGuardMiddleware(role)) } else { builder = self }
        let route = builder.on(method, path, body: body, use: handler)
        route.userInfo["access"] = access
        return route
    }

    /// A page or endpoint that needs at least `role` to be read.
    public func requiring(_ role: Role) -> any RoutesBuilder { grouped(RoleGuardMiddleware(role)) }
}

// MARK: - Login throttling

/// Failed logins per e-mail address and per client address: after 5 failures within 15 minutes,
/// further attempts are refused until the oldest failure is 15 minutes old.
public actor LoginThrottle {
    public static let maxFailures = 5
    public static let window: TimeInterval = 15 * 60
    private var failures: [String: [Date]] = [:]

    public init() {}

    /// Seconds until another attempt is allowed, or nil when allowed now.
    public func retryAfter(keys: [String], now: Date = Date()) -> TimeInterval? {
        var wait: TimeInterval = 0
        for key in keys {
            let recent = (failures[key] ?? []).filter { now.timeIntervalSince($0) < Self.window }
            failures[key] = recent
            if recent.count >= Self.maxFailures, let oldest = recent.first {
                wait = max(wait, Self.window - now.timeIntervalSince(oldest))
            }
        }
        return wait > 0 ? wait : nil
    }
    public func fail(keys: [String], now: Date = Date()) {
        for key in keys { failures[key, default: []].append(now) }
    }
    public func succeed(keys: [String]) { for key in keys { failures[key] = nil } }
}

extension Application {
    private struct ThrottleKey: StorageKey { typealias Value = LoginThrottle }
    public var loginThrottle: LoginThrottle {
        if let t = storage[ThrottleKey.self] { return t }
        let t = LoginThrottle(); storage[ThrottleKey.self] = t; return t
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
        password.count >= 12 ? nil : "Het wachtwoord moet minstens 12 tekens hebben."
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
