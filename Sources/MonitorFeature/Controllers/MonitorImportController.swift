import AppCore
import Fluent
import Vapor
import VitaalDomain

/// Overrides the 1 GB upper limit of an uploaded CSV file (in bytes).
public struct MonitorUploadLimit: StorageKey { public typealias Value = Int }

/// Upload of indicator values (redacteur and beheerder), the import history and undo of an import.
struct MonitorImportController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let editors = routes.requiring(.redacteur)
        editors.get(MonitorURL.importUpload, use: form)
        editors.get(MonitorURL.importHistory, use: history)
        // Streamed: the CSV goes to a temporary file chunk by chunk (see `StreamedUpload`); the CSRF
        // token travels in the query (`?csrf=`), so the middleware never reads this body.
        routes.write(.POST, MonitorURL.importUpload, access: .role(.redacteur), body: .stream, use: upload)
        routes.write(.POST, MonitorURL.importUndo(.key), access: .role(.redacteur), use: undo)
    }

    /// Upper limit of an uploaded CSV file (the body is streamed to disk, so this bounds disk use, not
    /// memory): 1 GB, or `app.storage[MonitorUploadLimit.self]` when set (tests use a small one).
    static let maxFileBytes = 1 << 30
    /// Upper limit of each other form part (the mapping JSON, the checkbox, the CSRF field).
    static let maxPartBytes = 4 << 20

    @Sendable func form(_ req: Request) async throws -> SitePage {
        ImportUploadPage.view(.empty, req.formContext)
    }

    func render(_ model: ImportUploadPage.Model, _ req: Request) -> Response {
        ImportUploadPage.view(model, req.formContext).render(for: req)
    }

    @Sendable func upload(_ req: Request) async throws -> Response {
        let user = try req.requireRole(.redacteur)
        // One import at a time: a second one gets a 409 before its upload is read.
        let db = req.application.monitorImportDB
        let lock: ImportLock
        do {
            lock = try await ImportLocking.acquire(actor: user.email, at: req.now, on: db)
        } catch let error as VitaalError where error.kind == .conflict {
            return render(.refused(error), req)
        }
        do {
            let reporter = req.application.importProgressReporter(lock: lock)
            let response = try await upload(req, user: user, db: db, reporter: reporter)
            await ImportLocking.release(lock, on: db)
            return response
        } catch {
            await ImportLocking.release(lock, on: db)
            throw error
        }
    }

    func upload(_ req: Request, user: User, db: any Database, reporter: ImportProgressReporter) async throws
        -> Response
    {
        let form: StreamedUpload
        do {
            let limit = req.application.storage[MonitorUploadLimit.self] ?? Self.maxFileBytes
            form = try await StreamedUpload.read(
                req, filePart: "file",
                limits: .init(maxFileBytes: limit, maxPartBytes: Self.maxPartBytes))
        } catch let failure as StreamedUpload.Failure {
            return render(Self.refusal(failure), req)
        }
        defer { form.remove() }
        guard let file = form.file, !file.filename.isEmpty else {
            return render(.refused("kies een CSV- of xlsx-bestand"), req)
        }
        do {
            var mapping: StatLineMapping?
            if let part = form.parts["mapping"], let name = part.filename, !name.isEmpty {
                mapping = try StatLineMapping.parse(data: part.data, fileName: name)
            }
            let input: ImportInput
            if file.filename.lowercased().hasSuffix(".xlsx") {
                // A workbook is a zip: read whole (within the upload limit); its parts may expand
                // to at most 200 MB (SpreadsheetUpload).
                let sheet = form.parts["blad"].map { String(decoding: $0.data.prefix(400), as: UTF8.self) }
                    .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
                let size = (try? FileManager.default.attributesOfItem(atPath: file.url.path)[.size] as? NSNumber)?
                    .intValue
                guard let size, size <= SpreadsheetUpload.maxFileBytes else {
                    return render(
                        .refused("een xlsx-bestand mag hoogstens 200 MB zijn: splits het of exporteer het als CSV"), req
                    )
                }
                guard let data = FileManager.default.contents(atPath: file.url.path) else {
                    return render(.refused("het bestand kon niet worden gelezen"), req)
                }
                input = .xlsx(
                    data, name: file.filename, sheet: sheet?.isEmpty == false ? String(sheet!.prefix(100)) : nil)
            } else {
                input = .file(file.url, name: file.filename)
            }
            let outcome = try await DataImporter.run(
                input, mapping: mapping,
                replace: form.parts["replace"] != nil, user: user,
                actor: user.email, clock: req.application.clock, on: db, reporter: reporter)
            return render(.done(outcome.message), req)
        } catch let error as VitaalError {
            return render(.refused(error), req)
        }
    }

    /// Why a form could not be read, said at the file field (nothing is stored).
    static func refusal(_ failure: StreamedUpload.Failure) -> ImportUploadPage.Model {
        switch failure {
        case .fileTooLarge(let limit):
            .refused(
                "het bestand is groter dan \(size(limit)): splits het in kleinere bestanden "
                    + "(er is niets opgeslagen)",
                status: .payloadTooLarge)
        case .partTooLarge(let name, let limit):
            .refused(
                "het veld ‘\(name)’ is groter dan \(size(limit)) (er is niets opgeslagen)",
                status: .payloadTooLarge)
        case .malformed(let reason):
            .refused("het formulier kon niet worden gelezen (\(reason)): kies een CSV- of xlsx-bestand")
        }
    }

    /// "1 GB", "4 MB", "512 kB".
    static func size(_ bytes: Int) -> String {
        func amount(_ unit: Int) -> String {
            ValueFormatter.number(Double(bytes) / Double(unit), decimals: bytes % unit == 0 ? 0 : 1)
        }
        if bytes >= 1 << 30 { return amount(1 << 30) + " GB" }
        if bytes >= 1 << 20 { return amount(1 << 20) + " MB" }
        return ValueFormatter.number(Double(bytes) / 1024, decimals: 0) + " kB"
    }

    @Sendable func history(_ req: Request) async throws -> SitePage {
        let user = try req.requireRole(.redacteur)
        let model = try await ImportHistoryPage.Model.load(
            viewer: user.viewer, running: try await req.application.importProgressBoard.current(), now: req.now,
            on: req.db)
        return ImportHistoryPage.view(model, req.formContext)
    }

    @Sendable func undo(_ req: Request) async throws -> Response {
        let user = try req.requireRole(.redacteur)
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)),
            let batch = try await DataImport.find(id, on: req.db)
        else {
            throw VitaalError(.notFound, "Onbekende import.")
        }
        guard user.role == .beheerder || batch.userID == user.id else {
            throw VitaalError(.forbidden, "U mag alleen uw eigen imports ongedaan maken.")
        }
        if batch.format == "demo" { throw VitaalError(.conflict, "Demodata kunnen niet ongedaan worden gemaakt.") }
        let db = req.application.monitorImportDB
        _ = try await ImportLocking.withLock(actor: user.email, at: req.now, on: db) {
            try await DataImporter.undo(
                batchID: id, user: user, actor: user.email, clock: req.application.clock,
                on: db)
        }
        return req.redirect(to: MonitorURL.importHistory)
    }
}
