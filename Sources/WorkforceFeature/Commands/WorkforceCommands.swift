import Vapor
import VitaalDomain

/// `vitaal workforce project SCENARIO.json [--json] [--year 2032] [--runs 1000]`: projects a scenario
/// file without a database. Errors name the field and line (`scenario.json, regel 12, kolom 5 …`).
struct WorkforceProjectCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "Scenariobestand (JSON, formaat op de pagina \(WorkforceURL.about.path))")
        var file: String
        @Flag(name: "json", help: "Projectie als JSON (zelfde vorm als de API)") var json: Bool
        @Option(name: "year", help: "Jaar van de samenvatting en de sectortabel (standaard 2032)") var year: Int?
        @Option(name: "runs", help: "Monte Carlo-runs voor onzekerheidsbanden (standaard geen)") var runs: Int?
        init() {}
    }
    var help: String { "Berekent aanbod, vraag en tekort per jaar en sector voor een scenariobestand." }

    func run(using context: CommandContext, signature: Signature) async throws {
        context.console.output(
            try Self.output(file: signature.file, json: signature.json, year: signature.year, runs: signature.runs)
                .consoleText())
    }

    /// The text the command prints (tested directly).
    static func output(file: String, json: Bool, year: Int?, runs: Int?) throws -> String {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw VitaalError.invalid("bestand niet gevonden of niet leesbaar", at: SourceLocation(file: file))
        }
        let scenario = try WorkforceScenarioCodec.decode(data: data, file: (file as NSString).lastPathComponent)
        if let year, !scenario.years.contains(year) {
            throw VitaalError.invalid(
                "jaar \(year) ligt buiten \(scenario.baseYear)–\(scenario.horizon)", at: SourceLocation(field: "year"))
        }
        if let runs, !(1...100_000).contains(runs) {
            throw VitaalError.invalid("runs moet tussen 1 en 100.000 liggen", at: SourceLocation(field: "runs"))
        }
        let projection = try WorkforceEngine.project(scenario)
        let bands = try runs.map { try WorkforceEngine.monteCarlo(scenario, runs: $0, seed: scenario.seed) }
        let dto = WorkforceProjectionDTO(projection: projection, summaryYear: year, uncertainty: bands)
        if json { return try dto.jsonText() + "\n" }
        return table(
            projection, bands: bands, year: year ?? min(max(2032, scenario.baseYear), scenario.horizon),
            summary: dto.summary)
    }

    static func table(_ p: WorkforceProjection, bands: WorkforceUncertainty?, year: Int, summary: String) -> String {
        func n(_ v: Double) -> String { WorkforceSummary.number(v) }
        func pct(_ v: Double) -> String { WorkforceSummary.number(v * 100, decimals: 1) + " %" }
        func row(_ cells: [String], _ widths: [Int]) -> String {
            zip(cells, widths).enumerated().map { i, cw in
                let (c, w) = cw
                let pad = String(repeating: " ", count: max(0, w - c.count))
                return i == 0 ? c + pad : pad + c
            }.joined(separator: "  ")
        }
        var lines = ["Scenario: \(p.scenarioName) (\(p.baseYear)–\(p.horizon)), personen", ""]
        var headers = ["Jaar", "Aanbod", "Vraag", "Tekort", "Tekort %", "Tekort fte %"]
        if bands != nil { headers += ["Tekort p5", "Tekort p95"] }
        let first = max(6, (p.years.first?.sectors.map(\.name.count).max() ?? 0))
        let widths = [first, 10, 10, 10, 9, 13, 10, 10]
        lines.append(row(headers, widths))
        for y in p.years {
            var cells = [
                String(y.year), n(y.total.supplyPersons), n(y.total.demandPersons), n(y.total.shortagePersons),
                pct(y.total.shortageRate), pct(y.total.shortageRateFTE)
            ]
            if let b = bands?.years.first(where: { $0.year == y.year }) {
                cells += [n(b.shortagePersons.p5), n(b.shortagePersons.p95)]
            }
            lines.append(row(cells, widths))
        }
        if let y = p.year(year) {
            lines += ["", "Per sector in \(year):", row(["Sector", "Aanbod", "Vraag", "Tekort", "Tekort %"], widths)]
            for s in y.sectors {
                lines.append(
                    row(
                        [
                            s.name, n(s.figures.supplyPersons), n(s.figures.demandPersons),
                            n(s.figures.shortagePersons), pct(s.figures.shortageRate)
                        ], widths))
            }
        }
        if let bands {
            lines += [
                "",
                "Onzekerheid: \(bands.runs) Monte Carlo-runs, seed \(bands.seed), \(bands.uncertainParameters) onzekere parameters."
            ]
        }
        lines += ["", summary]
        return lines.joined(separator: "\n") + "\n"
    }
}

/// `vitaal workforce base`: prints the calibrated base scenario file (a starting point for own scenarios).
struct WorkforceBaseCommand: AsyncCommand {
    struct Signature: CommandSignature { init() {} }
    var help: String { "Toont het gekalibreerde basisscenario Flevoland als scenariobestand (JSON)." }
    func run(using context: CommandContext, signature: Signature) async throws {
        context.console.output(WorkforceScenarioCodec.encode(WorkforceScenario.flevolandBase).consoleText())
    }
}
