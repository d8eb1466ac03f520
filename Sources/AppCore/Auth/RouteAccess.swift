import Vapor

/// Route metadata: the minimum role for a write route. The authorization-matrix test checks that
/// every non-GET route declares one and that the guard enforces it.
public enum RouteAccess: Sendable {
    case anyone  // e.g. the login form itself, anonymous spider-web submissions
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
