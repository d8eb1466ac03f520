import AppCore
import Vapor
import VitaalDomain

/// Public pages of the monitor: the overview, a monitor, an indicator, a region profile. Each page
/// also answers `?formaat=csv` and `?formaat=json` with its data (source and licence per row).
struct MonitorPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(MonitorURL.overview, use: overview)
        routes.get(MonitorURL.indicator(.key), use: indicator)
        routes.get(MonitorURL.region(.key), use: region)
        routes.get(MonitorURL.monitor(.key), use: monitor)
    }

    @Sendable func overview(_ req: Request) async throws -> SitePage {
        let context = req.pageContext
        let model = try await OverviewPage.Model.load(audience: req.monitorAudience, viewer: context.viewer, on: req.db)
        return OverviewPage.view(model, context)
    }

    @Sendable func monitor(_ req: Request) async throws -> Response {
        let slug = req.parameters.get("slug") ?? ""
        let region = req.query[String.self, at: "regio"]
        if let format = req.query[String.self, at: "formaat"] {
            let rows = try await MonitorPage.Model.downloadRows(
                slug: slug, region: region,
                audience: req.monitorAudience, on: req.db)
            return try MonitorDownloads.respond(format: format, name: "monitor-\(slug)", rows: rows)
        }
        let model = try await MonitorPage.Model.load(
            slug: slug, region: region, audience: req.monitorAudience,
            on: req.db)
        return MonitorPage.view(model, req.pageContext).render(for: req)
    }

    @Sendable func indicator(_ req: Request) async throws -> Response {
        let code = req.parameters.get("code") ?? ""
        let region = req.query[String.self, at: "regio"]
        if let format = req.query[String.self, at: "formaat"] {
            let rows = try await IndicatorPage.Model.downloadRows(
                code: code, region: region,
                audience: req.monitorAudience, on: req.db)
            return try MonitorDownloads.respond(format: format, name: "indicator-\(code)", rows: rows)
        }
        let model = try await IndicatorPage.Model.load(
            code: code, region: region, audience: req.monitorAudience, registers: req.application.registerReading,
            on: req.db)
        return IndicatorPage.view(model, req.pageContext).render(for: req)
    }

    /// A region profile; `/monitor/regio/kies?regio=CODE` (the page's region form) redirects to one.
    @Sendable func region(_ req: Request) async throws -> Response {
        let code = (req.parameters.get("code") ?? "").uppercased()
        if code == "KIES" { return try await chooseRegion(req) }
        if let format = req.query[String.self, at: "formaat"] {
            let rows = try await RegionProfilePage.Model.downloadRows(
                code: code, audience: req.monitorAudience,
                on: req.db)
            return try MonitorDownloads.respond(format: format, name: "regioprofiel-\(code)", rows: rows)
        }
        let model = try await RegionProfilePage.Model.load(code: code, audience: req.monitorAudience, on: req.db)
        return RegionProfilePage.view(model, req.pageContext).render(for: req)
    }

    func chooseRegion(_ req: Request) async throws -> Response {
        let code = (req.query[String.self, at: "regio"] ?? "").uppercased()
        guard try await RegionSet.load(on: req.db).byCode[code] != nil else {
            throw VitaalError(.notFound, "Onbekende regio \(MonitorText.echo(code)).")
        }
        return req.redirect(to: MonitorURL.region(.value(code)))
    }
}
