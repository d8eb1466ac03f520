import AppCore
import Fluent
import Vapor
import VitaalDomain

/// `vitaal import indicators FILE`: reads an indicator catalogue (CSV with one row per indicator,
/// or the JSON catalogue with monitors, themes and items) and writes it all or nothing.
struct ImportIndicatorsCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "CSV (één regel per indicator) of JSON-catalogus") var file: String
        init() {}
    }
    var help: String {
        "Importeert indicatordefinities (CSV of JSON met monitors en thema's), alles of niets; zie docs/import-formats.md."
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await Vitaal.migrate(app)
        let name = URL(fileURLWithPath: signature.file).lastPathComponent
        guard let data = FileManager.default.contents(atPath: signature.file) else {
            throw VitaalError.invalid("bestand niet gevonden of niet leesbaar", at: SourceLocation(file: name))
        }
        let file = try IndicatorCatalogueIO.parse(data, fileName: name)
        let (outcome, _) = try await IndicatorCatalogueIO.run(
            file, user: nil, actor: "cli", usage: app.indicatorUsage, now: app.clock.now(), on: app.db)
        context.console.print("\(name): \(outcome.message)")
    }
}

/// `vitaal export indicators FILE`: writes the catalogue as CSV (`.csv`) or as JSON with monitors,
/// themes and items (any other name, e.g. `.json`).
struct ExportIndicatorsCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "Doelbestand: .csv (één regel per indicator) of .json (volledige catalogus)")
        var file: String
        init() {}
    }
    var help: String { "Schrijft de indicatorcatalogus naar CSV of JSON; zie docs/import-formats.md." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await Vitaal.migrate(app)
        let url = URL(fileURLWithPath: signature.file)
        let csv = url.pathExtension.lowercased() == "csv"
        let data =
            csv
            ? try await IndicatorCatalogueIO.exportCSV(on: app.db)
            : try await IndicatorCatalogueIO.exportJSON(on: app.db)
        do {
            try data.write(to: url, options: .atomic)
        } catch {
            throw VitaalError.invalid(
                "kan niet schrijven: \(error.localizedDescription)", at: SourceLocation(file: url.lastPathComponent))
        }
        let count = try await Indicator.query(on: app.db).count()
        context.console.print("\(count) indicator(en) geschreven naar \(url.lastPathComponent).")
    }
}
