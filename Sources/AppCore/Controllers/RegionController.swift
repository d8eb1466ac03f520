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
        /// Optional: boundaries valid from this year (`--jaar`).
        var jaar: String?
        /// "ja" when the file holds every region of its kinds for that year (`--volledig`).
        var volledig: String?
    }

    @Sendable func importUpload(_ req: Request) async throws -> SitePage {
        let user = try req.requireRole(.beheerder)
        let upload = try req.content.decode(Upload.self)
        var model = RegionImportPage.Model()
        model.yearText = String((upload.jaar ?? "").prefix(20))
        model.complete = upload.volledig == "ja"
        let (year, errors) = RegionImportPage.Model.options(yearText: model.yearText, complete: model.complete)
        guard errors.isEmpty else {
            // Nothing is read or written; the messages stand next to their fields.
            model.fieldErrors = errors
            model.error = VitaalError.invalid(
                "Grenzen niet geïmporteerd: controleer de gemarkeerde velden", problems: [])
            return RegionImportPage.view(model, req.formContext)
        }
        do {
            model.result = try await RegionImporter.importGeoJSON(
                Data(buffer: upload.file.data), fileName: upload.file.filename, year: year, complete: model.complete,
                on: req.db, user: user, actor: nil, now: req.now)
        } catch let error as VitaalError {
            model.error = error
        }
        return RegionImportPage.view(model, req.formContext)
    }
}
