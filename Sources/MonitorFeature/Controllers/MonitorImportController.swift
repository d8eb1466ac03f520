import Vapor
import Fluent
import Plot
import AppCore
import VitaalDomain

/// Upload of indicator values (redacteur and beheerder), the import history and undo of an import.
struct MonitorImportController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let editors = routes.requiring(.redacteur)
        editors.get("monitor", "import", use: form)
        editors.get("monitor", "import", "geschiedenis", use: history)
        routes.write(.POST, "monitor", "import", access: .role(.redacteur), body: .collect(maxSize: "64mb"), use: upload)
        routes.write(.POST, "monitor", "import", ":id", "ongedaan-maken", access: .role(.redacteur), use: undo)
    }

    static let crumbs: [(String, String)] = [("Home", "/"), ("Monitor", "/monitor")]

    @Sendable func form(_ req: Request) async throws -> AppCore.Page { page(req, result: nil, error: nil) }

    func page(_ req: Request, result: String?, error: VitaalError?) -> AppCore.Page {
        Page("Gegevens importeren", status: error.map { $0.kind.status } ?? .ok, breadcrumbs: Self.crumbs,
            .p(.class("lead"), .text("Upload indicatorwaarden als CSV: het lange formaat (indicator;regio;periode;waarde, met optioneel status, opmerking en reden) of een CSV-download van CBS StatLine met een mapping-bestand (JSON) dat de kolommen aan indicatorcodes koppelt.")),
            .p(.text("Scheidingsteken puntkomma, komma of tab; decimaalkomma of -punt (één per bestand); UTF-8 met of zonder BOM. Het bestand wordt in zijn geheel geweigerd als er één fout in staat: dan wordt er niets opgeslagen en ziet u per fout het bestand, de regel, de kolom en de reden (de eerste 50).")),
            .unwrap(result) { UI.notice("success", $0) },
            .unwrap(error) { UI.problems($0.message, $0.problems) },
            .form(.method(.post), .action("/monitor/import?csrf=\(req.csrfToken)"), .enctype(.multipartData), .class("card"),
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

    struct Upload: Content {
        var file: File?
        var mapping: File?
        var replace: String?
    }

    @Sendable func upload(_ req: Request) async throws -> Response {
        let user = try req.requireRole(.redacteur)
        let input: Upload
        do { input = try req.content.decode(Upload.self) } catch {
            return page(req, result: nil, error: VitaalError.invalid("het formulier kon niet worden gelezen: kies een CSV-bestand", at: SourceLocation(field: "file"))).render(for: req)
        }
        guard let file = input.file, !file.filename.isEmpty else {
            return page(req, result: nil, error: VitaalError.invalid("kies een CSV-bestand", at: SourceLocation(field: "file"))).render(for: req)
        }
        do {
            var mapping: StatLineMapping?
            if let m = input.mapping, !m.filename.isEmpty {
                mapping = try StatLineMapping.parse(data: Data(buffer: m.data), fileName: m.filename)
            }
            let outcome = try await DataImporter.run(.data(Data(buffer: file.data), name: file.filename), mapping: mapping,
                                                     replace: input.replace != nil, user: user, actor: user.email, on: req.db)
            return page(req, result: outcome.message, error: nil).render(for: req)
        } catch let error as VitaalError {
            return page(req, result: nil, error: error).render(for: req)
        }
    }

    @Sendable func history(_ req: Request) async throws -> AppCore.Page {
        let user = try req.requireRole(.redacteur)
        let batches = try await DataImport.query(on: req.db).sort(\.$createdAt, .descending).range(..<200).all()
        let replacedLater = Set(try await ReplacedValue.query(on: req.db).with(\.$batch).all()
            .filter { $0.batch.undoneAt == nil }.compactMap(\.previousBatchID))
        let rows: [[BodyNode]] = batches.map { b in
            let mayUndo = b.undoneAt == nil && b.format != "demo" && (user.role == .beheerder || b.userID == user.id)
            let status: BodyNode = b.undoneAt.map { .span(.class("muted"), .text("ongedaan gemaakt \(MonitorText.dateTime($0)) door \(b.undoneBy ?? "?")")) }
                ?? .text("actief")
            let action: BodyNode
            if mayUndo, let id = b.id {
                action = replacedLater.contains(id)
                    ? .span(.class("muted"), .text("later vervangen; maak eerst de latere import ongedaan"))
                    : .form(.method(.post), .action("/monitor/import/\(id.uuidString)/ongedaan-maken"), .class("inline"),
                            Layout.csrfField(req), .button(.type(.submit), .class("button-secondary"), .text("Ongedaan maken")))
            } else { action = .text("–") }
            return [.text(MonitorText.dateTime(b.createdAt)), .text(b.fileName), .text(b.actor), .text(b.format == "statLine" ? "CBS StatLine" : b.format == "demo" ? "demodata" : "lang"),
                    .text(ValueFormatter.number(Double(b.records), decimals: 0)), .text(ValueFormatter.number(Double(b.inserted), decimals: 0)),
                    .text(ValueFormatter.number(Double(b.replaced), decimals: 0)), status, action]
        }
        return Page("Importgeschiedenis", breadcrumbs: Self.crumbs + [("Importeren", "/monitor/import")],
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
        _ = try await DataImporter.undo(batchID: id, user: user, actor: user.email, on: req.db)
        return req.redirect(to: "/monitor/import/geschiedenis")
    }
}
