import Vapor
import VitaalDomain

/// Region pages (public) and the GeoJSON boundary import (beheerder).
struct RegionController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.regions, use: list)
        routes.get(SiteURL.region(.key), use: detail)
        routes.requiring(.beheerder).get(SiteURL.regionImport, use: importForm)
        routes.write(
            .POST, SiteURL.regionImport, access: .role(.beheerder), body: .collect(maxSize: "50mb"),
            use: importUpload)
    }

    @Sendable func list(_ req: Request) async throws -> SitePage {
        RegionListPage.view(try await RegionListPage.Model.load(on: req.db), req.pageContext)
    }

    @Sendable func detail(_ req: Request) async throws -> SitePage {
        let model = try await RegionPage.Model.load(
            code: req.parameters.get("code") ?? "",
            links: req.application.regionLinks, on: req.db)
        return RegionPage.view(model, req.pageContext)
    }

    @Sendable func importForm(_ req: Request) -> SitePage {
        RegionImportPage.view(RegionImportPage.Model(), req.formContext)
    }

    struct Upload: Content {
        var file: File
    }

    @Sendable func importUpload(_ req: Request) async throws -> SitePage {
        let user = try req.requireRole(.beheerder)
        let upload = try req.content.decode(Upload.self)
        var model = RegionImportPage.Model()
        do {
            model.result = try await RegionImporter.importGeoJSON(
                Data(buffer: upload.file.data), fileName: upload.file.filename, on: req.db, user: user, actor: nil,
                now: req.now)
        } catch let error as VitaalError {
            model.error = error
        }
        return RegionImportPage.view(model, req.formContext)
    }
}
