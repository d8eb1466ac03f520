import AppCore
import Fluent
import NIOConcurrencyHelpers
import Vapor
import VitaalDomain

/// `vitaal import data FILE [--mapping FILE] [--blad NAAM] [--replace]`: imports indicator values
/// (long CSV, CBS StatLine wide CSV with a mapping, or the same layouts in an xlsx sheet), all or
/// nothing. Files over 10,000 rows get a progress bar.
struct ImportDataCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "CSV- of xlsx-bestand (lang formaat of CBS StatLine)") var file: String
        @Option(name: "mapping", help: "JSON-mapping van StatLine-kolommen naar indicatorcodes") var mapping: String?
        @Option(name: "blad", help: "Naam van het blad in een xlsx-bestand (standaard het eerste)") var sheet: String?
        @Flag(name: "replace", help: "Bestaande waarden vervangen") var replace: Bool
        init() {}
    }
    var help: String { "Importeert indicatorwaarden uit CSV of xlsx (alles of niets); zie docs/import-formats.md." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let url = URL(fileURLWithPath: signature.file)
        let name = url.lastPathComponent
        let input: ImportInput
        if url.pathExtension.lowercased() == "xlsx" {
            input = .xlsx(try Self.read(url, limit: SpreadsheetUpload.maxFileBytes), name: name, sheet: signature.sheet)
        } else {
            if signature.sheet != nil {
                throw VitaalError.invalid(
                    "--blad geldt alleen voor xlsx-bestanden", at: SourceLocation(file: name, field: "blad"))
            }
            input = .file(url, name: name)
        }
        try await Self.importValues(
            input, mapping: try signature.mapping.map(Self.readMapping), replace: signature.replace,
            context: context)
    }

    static func read(_ url: URL, limit: Int) throws -> Data {
        let name = url.lastPathComponent
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.intValue
        guard let size, FileManager.default.isReadableFile(atPath: url.path) else {
            throw VitaalError.invalid("bestand niet gevonden of niet leesbaar", at: SourceLocation(file: name))
        }
        guard size <= limit else {
            throw VitaalError.invalid(
                "bestand is groter dan \(limit / 1024 / 1024) MB", at: SourceLocation(file: name))
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw VitaalError.invalid("bestand kan niet worden gelezen", at: SourceLocation(file: name))
        }
        return data
    }

    static func readMapping(_ path: String) throws -> StatLineMapping {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw VitaalError.invalid("mapping-bestand niet gevonden of niet leesbaar", at: SourceLocation(file: path))
        }
        return try StatLineMapping.parse(data: data, fileName: URL(fileURLWithPath: path).lastPathComponent)
    }

    /// Runs one import under the import lock with a progress bar and prints the outcome.
    static func importValues(
        _ input: ImportInput, mapping: StatLineMapping?, replace: Bool, context: CommandContext
    ) async throws {
        let app = context.application
        try await Vitaal.migrate(app)
        let bar = ProgressBar(console: context.console)
        do {
            let outcome = try await ImportLocking.withLock(actor: "cli", at: app.clock.now(), on: app.db) { lock in
                try await DataImporter.run(
                    input, mapping: mapping, replace: replace, user: nil, actor: "cli", clock: app.clock, on: app.db,
                    reporter: app.importProgressReporter(lock: lock)
                ) { bar.update($0) }
            }
            bar.finish()
            context.console.print(outcome.message)
            context.console.print(
                "Import-id: \(outcome.batchID.uuidString) (ongedaan maken via de importgeschiedenis op \(MonitorURL.importHistory.path))."
            )
        } catch {
            bar.finish()
            throw error
        }
    }
}

/// `vitaal import cbs FILE|DIR --mapping FILE [--replace]`: imports the `Observations` JSON that CBS
/// StatLine's OData v4 API serves. A directory holds `Observations.json` and, when downloaded too,
/// the table's code lists (`MeasureCodes.json`, `PeriodenCodes.json`, `<regiodimensie>Codes.json`),
/// against which every observation's codes are checked.
struct ImportCBSCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "path", help: "Observations.json of een map met Observations.json en codelijsten")
        var path: String
        @Option(name: "mapping", help: "JSON-mapping van Measure-codes naar indicatorcodes (verplicht)")
        var mapping: String?
        @Flag(name: "replace", help: "Bestaande waarden vervangen") var replace: Bool
        init() {}
    }
    var help: String { "Importeert CBS StatLine OData v4-observaties (alles of niets); zie docs/import-formats.md." }

    /// Largest OData document read.
    static let maxBytes = 256 * 1024 * 1024

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let mappingPath = signature.mapping else {
            throw VitaalError.invalid(
                "geef een mapping-bestand op met --mapping (Measure-code → indicatorcode)",
                at: SourceLocation(field: "mapping"))
        }
        let mapping = try ImportDataCommand.readMapping(mappingPath)
        let url = URL(fileURLWithPath: signature.path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw VitaalError.invalid("bestand of map niet gevonden", at: SourceLocation(file: signature.path))
        }
        let input: ImportInput
        if isDirectory.boolValue {
            let observations = url.appendingPathComponent("Observations.json")
            var lists = ODataCodeLists()
            func list(_ name: String) throws -> Set<String>? {
                let file = url.appendingPathComponent(name)
                guard FileManager.default.fileExists(atPath: file.path) else { return nil }
                return try ODataCodeLists.identifiers(
                    ImportDataCommand.read(file, limit: Self.maxBytes), fileName: name)
            }
            lists.measures = try list("MeasureCodes.json")
            lists.periods = try list("\(mapping.periodColumn ?? "Perioden")Codes.json")
            for dimension in [mapping.regionColumn, "WijkenEnBuurten", "RegioS"].compactMap({ $0 }) {
                if let codes = try list("\(dimension)Codes.json") {
                    lists.regions = codes
                    break
                }
            }
            input = .odata(
                try ImportDataCommand.read(observations, limit: Self.maxBytes),
                name: "\(url.lastPathComponent)/Observations.json", codeLists: lists)
        } else {
            input = .odata(
                try ImportDataCommand.read(url, limit: Self.maxBytes), name: url.lastPathComponent,
                codeLists: ODataCodeLists())
        }
        try await ImportDataCommand.importValues(input, mapping: mapping, replace: signature.replace, context: context)
    }
}

/// A one-line terminal progress bar, shown once a file has more than 10,000 rows.
final class ProgressBar: Sendable {
    static let rowThreshold = 10_000
    let console: any Console
    private struct State {
        var shown = false
        /// When the bar was last drawn (a monotonic clock: this only paces redrawing).
        var lastDraw: ContinuousClock.Instant?
    }
    private let state = NIOLockedValueBox(State())
    init(console: any Console) { self.console = console }

    func update(_ progress: ImportProgress) {
        guard progress.records > Self.rowThreshold else { return }
        let now = ContinuousClock.now
        let draw = state.withLockedValue { state in
            if let last = state.lastDraw, now - last < .milliseconds(100) { return false }
            state.lastDraw = now
            state.shown = true
            return true
        }
        if draw { console.output(Self.line(progress).consoleText(), newLine: false) }
    }

    func finish() { if state.withLockedValue({ $0.shown }) { console.output("\n".consoleText(), newLine: false) } }
    /// "\r[#########...........]  45%  123.456 regels".
    static func line(_ p: ImportProgress, width: Int = 30) -> String {
        let rows = ValueFormatter.number(Double(p.records), decimals: 0)
        guard let total = p.totalBytes, total > 0 else { return "\r\(rows) regels gelezen" }
        let fraction = min(1, Double(p.bytesRead) / Double(total))
        let filled = Int((fraction * Double(width)).rounded(.down))
        let pct = Int((fraction * 100).rounded(.down))
        return "\r[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] "
            + String(repeating: " ", count: max(0, 3 - String(pct).count)) + "\(pct)%  \(rows) regels"
    }
}
