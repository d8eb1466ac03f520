import AppCore
import Fluent
import NIOConcurrencyHelpers
import Vapor
import VitaalDomain

/// `vitaal import data FILE [--mapping FILE] [--replace]`: imports indicator values (long CSV or CBS
/// StatLine wide CSV with a mapping), all or nothing. Files over 10,000 rows get a progress bar.
struct ImportDataCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "CSV-bestand (lang formaat of CBS StatLine)") var file: String
        @Option(name: "mapping", help: "JSON-mapping van StatLine-kolommen naar indicatorcodes") var mapping: String?
        @Flag(name: "replace", help: "Bestaande waarden vervangen") var replace: Bool
        init() {}
    }
    var help: String { "Importeert indicatorwaarden uit CSV (alles of niets); zie docs/import-formats.md." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await Vitaal.migrate(app)
        let url = URL(fileURLWithPath: signature.file)
        var mapping: StatLineMapping?
        if let path = signature.mapping {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw VitaalError.invalid(
                    "mapping-bestand niet gevonden of niet leesbaar", at: SourceLocation(file: path))
            }
            mapping = try StatLineMapping.parse(data: data, fileName: URL(fileURLWithPath: path).lastPathComponent)
        }
        let bar = ProgressBar(console: context.console)
        do {
            let outcome = try await ImportLocking.withLock(actor: "cli", at: app.clock.now(), on: app.db) {
                try await DataImporter.run(
                    .file(url, name: url.lastPathComponent), mapping: mapping, replace: signature.replace,
                    user: nil, actor: "cli", clock: app.clock, on: app.db
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
