import AppCore
import Vapor
import VitaalDomain

/// `vitaal import hsds PATH [--organisatie SLUG [--ook-van-anderen]]`
struct ImportHSDSCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(
            name: "path",
            help: "Map met datapackage.json, het datapackage.json-bestand zelf, of een HSDS 3.x JSON-bestand")
        var path: String
        @Option(
            name: "organisatie",
            help: "Slug van de organisatie waarvan de redacteuren nieuwe records mogen bijwerken")
        var organisatie: String?
        @Flag(
            name: "ook-van-anderen",
            help: "Met --organisatie: ook records overschrijven die een andere organisatie bijhoudt")
        var ookVanAnderen: Bool
        init() {}
    }
    var help: String { "Importeert een Open Referral HSDS-bestand in de sociale kaart (alles of niets)." }
    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await Vitaal.migrate(app)
        let result = try await HSDSFiles.importPath(
            signature.path, on: app.db, maintainerSlug: signature.organisatie,
            replacingOthers: signature.ookVanAnderen, at: app.clock.now())
        context.console.print("HSDS geïmporteerd: \(result.summary).")
        if !result.notes.isEmpty {
            context.console.print("Let op, \(result.notes.count) opmerking(en):")
            for note in result.notes { context.console.print("  - \(note)") }
        }
    }
}

/// `vitaal export hsds DIR [--intern]`
struct ExportHSDSCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "dir", help: "Doelmap (wordt aangemaakt)") var dir: String
        @Flag(name: "intern", help: "Ook namen, e-mail en telefoon van contactpersonen (niet voor publicatie)")
        var intern: Bool
        init() {}
    }
    var help: String { "Exporteert de sociale kaart als HSDS 2.x datapackage (CSV) en HSDS 3.0 JSON." }
    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await Vitaal.migrate(app)
        let files = try await HSDSFiles.export(
            to: signature.dir, on: app.db,
            options: signature.intern ? .internal : .public)
        context.console.print(
            "\(files.count) bestanden geschreven naar \(signature.dir): "
                + "\(files.joined(separator: ", ")).")
    }
}
