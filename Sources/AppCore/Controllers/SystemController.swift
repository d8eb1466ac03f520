import Vapor
import Fluent
import SQLKit
import VitaalDomain

/// `/health`, `/metrics` (Prometheus text format) and the OpenAPI document.
struct SystemController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("health", use: health)
        routes.get("metrics", use: metrics)
        routes.get("api", "v1", "openapi.json", use: openAPI)
        routes.get("api", "v1") { req in req.redirect(to: "/api/v1/openapi.json") }
    }

    struct Health: Content { var status: String; var database: String; var version: String }

    @Sendable func health(_ req: Request) async throws -> Response {
        var dbStatus = "ok"
        do {
            if let sql = req.db as? any SQLDatabase { try await sql.raw("SELECT 1").run() }
        } catch {
            dbStatus = "fout"
        }
        let body = Health(status: dbStatus == "ok" ? "ok" : "degraded", database: dbStatus, version: "0.1.0")
        let response = Response(status: dbStatus == "ok" ? .ok : .serviceUnavailable)
        try response.content.encode(body)
        return response
    }

    @Sendable func metrics(_ req: Request) throws -> Response {
        // Per-route counts (failed logins, imports, admin actions) are for the operator only.
        guard req.mayReadMetrics else {
            throw VitaalError(.forbidden, "/metrics is alleen bereikbaar vanaf de server zelf of met het token uit VITAAL_METRICS_TOKEN.")
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
