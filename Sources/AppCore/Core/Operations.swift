import NIOConcurrencyHelpers
import Vapor
import VitaalDomain

// MARK: - Clean shutdown

/// Counts requests in flight, so that shutdown can wait for them before the databases close
/// (Fluent's databases shut down in their own lifecycle handler; a handler still using
/// `req.db` after that would trap).
public final class InFlightRequests: AsyncMiddleware, Sendable {
    private let count = NIOLockedValueBox(0)
    public var current: Int { count.withLockedValue { $0 } }

    public func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        count.withLockedValue { $0 += 1 }
        defer { count.withLockedValue { $0 -= 1 } }
        return try await next.respond(to: request)
    }

    /// Waits until no request is in flight, at most `timeout` seconds. True when drained.
    public func drain(timeout: TimeInterval) async -> Bool {
        // A monotonic clock: the wait is a duration, not a moment anyone sees.
        let deadline = ContinuousClock.now.advanced(by: .milliseconds(Int(timeout * 1000)))
        while current > 0 && ContinuousClock.now < deadline { try? await Task.sleep(nanoseconds: 20_000_000) }
        return current == 0
    }
}

extension Application {
    private struct InFlightKey: StorageKey { typealias Value = InFlightRequests }
    public var inFlightRequests: InFlightRequests {
        if let m = storage[InFlightKey.self] { return m }
        let m = InFlightRequests()
        storage[InFlightKey.self] = m
        return m
    }

    private struct SweepsKey: StorageKey { typealias Value = [@Sendable (Application) -> Void] }
    /// Clean-ups that `serve` runs at start-up (e.g. upload files left by a crash); features add theirs.
    public var startupSweeps: [@Sendable (Application) -> Void] {
        get { storage[SweepsKey.self] ?? [] }
        set { storage[SweepsKey.self] = newValue }
    }
}

/// Lifecycle handlers shut down in reverse order of registration; registered last, this one runs
/// first and lets the requests in flight finish (up to 25 s) while the databases are still open.
struct DrainRequests: LifecycleHandler {
    func shutdownAsync(_ app: Application) async {
        if !(await app.inFlightRequests.drain(timeout: 25)) {
            app.logger.warning(
                "shutdown: requests still in flight after 25 s", metadata: ["count": "\(app.inFlightRequests.current)"])
        }
    }
}

// MARK: - Forced password change

/// A user who logged in with a one-time password can do nothing but choose a password of their
/// own (or log out): every other route answers with the password form (pages) or 403 (API, writes).
/// An API token is a credential of its own (made by the user or the operator, with an expiry) and is
/// not held back by a one-time password still to be replaced.
struct PasswordChangeRequiredMiddleware: AsyncMiddleware {
    static let allowed: Set<String> = [
        SiteURL.accountPassword.path, SiteURL.logout.path, SiteURL.health.path, SiteURL.ready.path
    ]

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let user = request.user, user.mustChangePassword, request.apiToken == nil,
            !Self.allowed.contains(request.url.path), !request.url.path.hasPrefix("/static/")
        else {
            return try await next.respond(to: request)
        }
        if request.method == .GET, !request.isAPI { return request.redirect(to: SiteURL.accountPassword) }
        throw VitaalError(
            .forbidden,
            "Kies eerst een eigen wachtwoord (Account → Wachtwoord wijzigen); tot dan is alleen dat mogelijk.")
    }
}

// MARK: - 405 Method Not Allowed

/// The router answers 404 for a known path with a method it has no route for; HTTP says 405 with
/// the methods that do exist in `Allow`.
enum MethodNotAllowed {
    /// The methods registered for `path`, or empty when no route has this path at all.
    static func allowedMethods(for path: String, in routes: Routes) -> [String] {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        // Only the most specific paths count: a constant segment before a parameter, so that
        // `/api/v1/indicators/import` (POST) does not advertise the methods of `/api/v1/indicators/{code}`.
        let matching = routes.all.filter { matches($0.path, parts) }
        func constants(_ route: Route) -> [Int] {
            route.path.map {
                if case .constant = $0 { return 1 }
                return 0
            }
        }
        let best = matching.map(constants).max { $0.lexicographicallyPrecedes($1) }
        var methods = Set<String>()
        for route in matching where constants(route) == best { methods.insert(route.method.rawValue) }
        if methods.contains("GET") { methods.insert("HEAD") }
        return methods.sorted()
    }

    /// Is there a route for exactly this method and path? (HEAD counts as GET, as in the router.)
    static func route(_ method: HTTPMethod, _ path: String, in routes: Routes) -> Route? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        let m = method == .HEAD ? HTTPMethod.GET : method
        // Constant paths before parameterised ones, as the router prefers them.
        let candidates = routes.all.filter { $0.method == m && matches($0.path, parts) }
        return candidates.first {
            $0.path.allSatisfy {
                if case .constant = $0 { return true }
                return false
            }
        } ?? candidates.first
    }

    static func matches(_ pattern: [PathComponent], _ parts: [String]) -> Bool {
        var i = 0
        for component in pattern {
            switch component {
            case .catchall: return i < parts.count
            case .constant(let c):
                guard i < parts.count, parts[i] == c else { return false }
            case .parameter, .anything:
                guard i < parts.count else { return false }
            }
            i += 1
        }
        return i == parts.count
    }
}

// MARK: - Metrics access

extension Request {
    /// `/metrics` is for the operator's scraper: loopback only, or with the configured bearer token.
    public var mayReadMetrics: Bool {
        if let token = application.vitaal.metricsToken {
            return headers.bearerAuthorization?.token == token
        }
        guard let peer = remoteAddress?.ipAddress else { return false }
        return peer == "127.0.0.1" || peer == "::1" || peer.hasPrefix("127.") || peer == "::ffff:127.0.0.1"
    }
}
