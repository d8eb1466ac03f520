import Vapor
import Fluent
import Plot
import SQLKit
import AppCore
import VitaalDomain

/// Overrides the 1 GB upper limit of an uploaded CSV file (in bytes).
public struct MonitorUploadLimit: StorageKey { public typealias Value = Int }

/// Upload of indicator values (redacteur and beheerder), the import history and undo of an import.
struct MonitorImportController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let editors = routes.requiring(.redacteur)
        editors.get("monitor", "import", use: form)
        editors.get("monitor", "import", "geschiedenis", use: history)
        // Streamed: the CSV goes to a temporary file chunk by chunk (see `StreamedUpload`); the CSRF
        // token travels in the query (`?csrf=`), so the middleware never reads this body.
        routes.write(.POST, "monitor", "import", access: .role(.redacteur), body: .stream, use: upload)
        routes.write(.POST, "monitor", "import", ":id", "ongedaan-maken", access: .role(.redacteur), use: undo)
    }

    static let crumbs: [(String, String)] = [("Home", "/"), ("Monitor", "/monitor")]

    @Sendable func form(_ req: Request) async throws -> SitePage { page(req, result: nil, error: nil) }

    func page(_ req: Request, result: String?, error: VitaalError?) -> SitePage {
        SitePage("Gegevens importeren", status: error.map { $0.kind.status } ?? .ok, breadcrumbs: Self.crumbs,
            .p(.class("lead"), .text("Upload indicatorwaarden als CSV: het lange formaat (indicator;regio;periode;waarde, met optioneel status, opmerking en reden) of een CSV-download van CBS StatLine met een mapping-bestand (JSON) dat de kolommen aan indicatorcodes koppelt.")),
            .p(.text("Scheidingsteken puntkomma, komma of tab; decimaalkomma of -punt (één per bestand); UTF-8 met of zonder BOM. Het bestand wordt in zijn geheel geweigerd als er één fout in staat: dan wordt er niets opgeslagen en ziet u per fout het bestand, de regel, de kolom en de reden (de eerste 50).")),
            .unwrap(result) { UI.notice("success", $0) },
            .unwrap(error) { UI.problems($0.message, $0.problems) },
            .form(.method(.post), .action(attr("/monitor/import?csrf=\(req.csrfToken)")), .enctype(.multipartData), .class("card"),
                .div(.class("field"), .label(.for("f-file"), .text("CSV-bestand")),
                     .input(.type(.file), .id("f-file"), .name("file"), .attribute(named: "accept", value: ".csv,.txt,text/csv"), .required(true))),
                .div(.class("field"), .label(.for("f-mapping"), .text("Mapping (alleen voor CBS StatLine-bestanden, JSON)")),
                     .input(.type(.file), .id("f-mapping"), .name("mapping"), .attribute(named: "accept", value: ".json,application/json"))),
                .div(.class("field"),
                     .label(.input(.type(.checkbox), .name("replace"), .value("ja")),
                            .text(" Bestaande waarden vervangen (zonder dit vinkje wordt een bestand met al opgeslagen waarden geweigerd)"))),
                .button(.type(.submit), .text("Importeren"))),
            .p(.a(.href("/monitor/import/geschiedenis"), .text("Importgeschiedenis en ongedaan maken")),
               .text(" · "), .a(.href("/monitor"), .text("Terug naar de monitor")))
        )
    }

    /// Upper limit of an uploaded CSV file (the body is streamed to disk, so this bounds disk use, not
    /// memory): 1 GB, or `app.storage[MonitorUploadLimit.self]` when set (tests use a small one).
    static let maxFileBytes = 1 << 30
    /// Upper limit of each other form part (the mapping JSON, the checkbox, the CSRF field).
    static let maxPartBytes = 4 << 20

    @Sendable func upload(_ req: Request) async throws -> Response {
        let user = try req.requireRole(.redacteur)
        // One import at a time: a second one gets a 409 before its upload is read.
        let db = req.application.monitorImportDB
        let lock: ImportLock
        do {
            lock = try await ImportLocking.acquire(actor: user.email, on: db)
        } catch let error as VitaalError where error.kind == .conflict {
            return page(req, result: nil, error: error).render(for: req)
        }
        do {
            let response = try await upload(req, user: user, db: db)
            await ImportLocking.release(lock, on: db)
            return response
        } catch {
            await ImportLocking.release(lock, on: db)
            throw error
        }
    }

    func upload(_ req: Request, user: User, db: any Database) async throws -> Response {
        func refuse(_ message: String, status: HTTPResponseStatus? = nil) -> Response {
            let response = page(req, result: nil, error: VitaalError.invalid(message, at: SourceLocation(field: "file"))).render(for: req)
            if let status { response.status = status }
            return response
        }
        let form: StreamedUpload
        do {
            form = try await StreamedUpload.read(req, filePart: "file",
                                                 limits: .init(maxFileBytes: req.application.storage[MonitorUploadLimit.self] ?? Self.maxFileBytes,
                                                               maxPartBytes: Self.maxPartBytes))
        } catch let failure as StreamedUpload.Failure {
            switch failure {
            case .fileTooLarge(let limit):
                return refuse("het bestand is groter dan \(Self.size(limit)): splits het in kleinere bestanden (er is niets opgeslagen)", status: .payloadTooLarge)
            case .partTooLarge(let name, let limit):
                return refuse("het veld ‘\(name)’ is groter dan \(Self.size(limit)) (er is niets opgeslagen)", status: .payloadTooLarge)
            case .malformed(let reason):
                return refuse("het formulier kon niet worden gelezen (\(reason)): kies een CSV-bestand")
            }
        }
        defer { form.remove() }
        guard let file = form.file, !file.filename.isEmpty else {
            return refuse("kies een CSV-bestand")
        }
        do {
            var mapping: StatLineMapping?
            if let m = form.parts["mapping"], let name = m.filename, !name.isEmpty {
                mapping = try StatLineMapping.parse(data: m.data, fileName: name)
            }
            let outcome = try await DataImporter.run(.file(file.url, name: file.filename), mapping: mapping,
                                                     replace: form.parts["replace"] != nil, user: user, actor: user.email, on: db)
            return page(req, result: outcome.message, error: nil).render(for: req)
        } catch let error as VitaalError {
            return page(req, result: nil, error: error).render(for: req)
        }
    }

    /// "1 GB", "4 MB", "512 kB".
    static func size(_ bytes: Int) -> String {
        if bytes >= 1 << 30 { return ValueFormatter.number(Double(bytes) / Double(1 << 30), decimals: bytes % (1 << 30) == 0 ? 0 : 1) + " GB" }
        if bytes >= 1 << 20 { return ValueFormatter.number(Double(bytes) / Double(1 << 20), decimals: bytes % (1 << 20) == 0 ? 0 : 1) + " MB" }
        return ValueFormatter.number(Double(bytes) / 1024, decimals: 0) + " kB"
    }

    @Sendable func history(_ req: Request) async throws -> SitePage {
        let user = try req.requireRole(.redacteur)
        let batches = try await DataImport.query(on: req.db).sort(\.$createdAt, .descending).range(..<200).all()
        let replacedLater = try await Self.replacedLater(batches.compactMap(\.id), on: req.db)
        let rows: [[BodyNode]] = batches.map { b in
            let mayUndo = b.undoneAt == nil && b.format != "demo" && (user.role == .beheerder || b.userID == user.id)
            let status: BodyNode = b.undoneAt.map { .span(.class("muted"), .text("ongedaan gemaakt \(MonitorText.dateTime($0)) door \(b.undoneBy ?? "?")")) }
                ?? .text("actief")
            let action: BodyNode
            if mayUndo, let id = b.id {
                action = replacedLater.contains(id)
                    ? .span(.class("muted"), .text("later vervangen; maak eerst de latere import ongedaan"))
                    : .form(.method(.post), .action(attr("/monitor/import/\(id.uuidString)/ongedaan-maken")), .class("inline"),
                            Layout.csrfField(req), .button(.type(.submit), .class("button-secondary"), .text("Ongedaan maken")))
            } else { action = .text("–") }
            return [.text(MonitorText.dateTime(b.createdAt)), .text(b.fileName), .text(b.actor), .text(b.format == "statLine" ? "CBS StatLine" : b.format == "demo" ? "demodata" : "lang"),
                    .text(ValueFormatter.number(Double(b.records), decimals: 0)), .text(ValueFormatter.number(Double(b.inserted), decimals: 0)),
                    .text(ValueFormatter.number(Double(b.replaced), decimals: 0)), status, action]
        }
        return SitePage("Importgeschiedenis", breadcrumbs: Self.crumbs + [("Importeren", "/monitor/import")],
            .p(.text("Elke import is één batch. Ongedaan maken verwijdert de waarden die de import toevoegde en zet vervangen waarden terug; het wordt vastgelegd in het auditlog. Redacteuren kunnen hun eigen imports ongedaan maken, beheerders alle.")),
            .if(batches.isEmpty, .p(.class("muted"), .text("Nog geen imports."))),
            UI.table(caption: "Imports (nieuwste eerst)", headers: ["Tijdstip", "Bestand", "Door", "Formaat", "Regels", "Nieuw", "Vervangen", "Status", ""],
                     rows: rows, numericColumns: [4, 5, 6])
        )
    }

    @Sendable func undo(_ req: Request) async throws -> Response {
        let user = try req.requireRole(.redacteur)
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)),
              let batch = try await DataImport.find(id, on: req.db) else {
            throw VitaalError(.notFound, "Onbekende import.")
        }
        guard user.role == .beheerder || batch.userID == user.id else {
            throw VitaalError(.forbidden, "U mag alleen uw eigen imports ongedaan maken.")
        }
        if batch.format == "demo" { throw VitaalError(.conflict, "Demodata kunnen niet ongedaan worden gemaakt.") }
        let db = req.application.monitorImportDB
        _ = try await ImportLocking.withLock(actor: user.email, on: db) {
            try await DataImporter.undo(batchID: id, user: user, actor: user.email, on: db)
        }
        return req.redirect(to: "/monitor/import/geschiedenis")
    }

    /// Which of these batches have values that a later, active import replaced: one aggregated query
    /// over the shown batches (indexed on previous_batch_id), not every replaced value.
    static func replacedLater(_ ids: [UUID], on db: any Database) async throws -> Set<UUID> {
        guard !ids.isEmpty, let sql = db as? any SQLDatabase else { return [] }
        let rows = try await sql.raw("""
            SELECT DISTINCT r.previous_batch_id AS pb FROM monitor_replaced_values r
            JOIN monitor_import_batches b ON b.id = r.batch_id
            WHERE b.undone_at IS NULL AND r.previous_batch_id IN (\(binds: ids))
            """).all()
        return Set(try rows.map { try $0.decode(column: "pb", as: UUID.self) })
    }
}
