import Fluent
import SQLKit
import Vapor
import VitaalDomain

/// `/health`, `/ready`, `/metrics` (Prometheus text format) and the OpenAPI document.
struct SystemController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.health, use: health)
        routes.get(SiteURL.ready, use: ready)
        routes.get(SiteURL.metrics, use: metrics)
        routes.get(SiteURL.openAPI, use: openAPI)
        routes.get(SiteURL.apiRoot) { req in req.redirect(to: SiteURL.openAPI) }
    }

    struct Status: Content {
        var status: String
        var version: String
    }

    /// Liveness: the process answers. No database call, no detail (for an orchestrator's probe).
    @Sendable func health(_ req: Request) async throws -> Response {
        let response = Response(status: .ok)
        try response.content.encode(Status(status: "ok", version: Vitaal.version))
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    /// Readiness: the database answers and every migration has run (an instance started before
    /// its peer finished migrating is not ready yet). Public, without detail.
    @Sendable func ready(_ req: Request) async throws -> Response {
        var ready = true
        do {
            if let sql = req.db as? any SQLDatabase { try await sql.raw("SELECT 1").run() }
            ready = try await req.application.migrator.previewPrepareBatch().get().isEmpty
        } catch {
            req.logger.warning("not ready", metadata: ["error": .string(String(describing: error))])
            ready = false
        }
        let response = Response(status: ready ? .ok : .serviceUnavailable)
        try response.content.encode(Status(status: ready ? "ok" : "niet gereed", version: Vitaal.version))
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    @Sendable func metrics(_ req: Request) throws -> Response {
        // Per-route counts (failed logins, imports, admin actions) are for the operator only.
        guard req.mayReadMetrics else {
            throw VitaalError(
                .forbidden,
                "/metrics is alleen bereikbaar vanaf de server zelf of met het token uit "
                    + "VITAAL_METRICS_TOKEN.")
        }
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/plain; version=0.0.4; charset=utf-8")
        return Response(status: .ok, headers: headers, body: .init(string: VitaalMetrics.exposition()))
    }

    @Sendable func openAPI(_ req: Request) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .json
        headers.replaceOrAdd(name: .accessControlAllowOrigin, value: "*")
        return Response(status: .ok, headers: headers, body: .init(data: req.application.openAPI.document.encoded()))
    }
}
