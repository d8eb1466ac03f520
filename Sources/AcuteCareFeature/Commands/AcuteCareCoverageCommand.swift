import Vapor
import VitaalDomain

/// `vitaal acute-care coverage --roads FILE(.osm|.geojson) --posts POSTS.csv --demand DEMAND.csv
/// [--norm-minutes 15] [--dispatch-minutes 3] [--speeds SPEEDS.csv] [--rides-per-year N] [--json]`
///
/// Computes which demand points an ambulance reaches within the norm from the nearest post.
/// Needs no database. Bad input stops with a message naming the file, line and element.
struct AcuteCareCoverageCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "roads", help: "Wegennet: OpenStreetMap-XML (.osm) of GeoJSON met LineStrings (.geojson, .json)")
        var roads: String?
        @Option(name: "posts", help: "Ambulanceposten, CSV met id,lat,lon[,name] (of x,y in RD New)") var posts: String?
        @Option(
            name: "demand", help: "Vraagpunten, CSV met id,lat,lon,population[,municipality,name] (of x,y in RD New)")
        var demand: String?
        @Option(
            name: "norm-minutes",
            help: "Norm voor de responstijd in minuten, inclusief meldings- en uitruktijd (standaard 15)") var norm:
            String?
        @Option(name: "dispatch-minutes", help: "Meldings- en uitruktijd in minuten (standaard 3)") var dispatch:
            String?
        @Option(
            name: "speeds",
            help:
                "CSV wegklasse,kmh met snelheden voor spoedritten (standaard: motorway 120, trunk 100, primary 80, secondary 70, tertiary 60, local 45, service 25, offroad 30)"
        ) var speeds: String?
        @Option(
            name: "rides-per-year",
            help: "Ritten per jaar in de regio: voegt het benodigde aantal ambulances per post toe (Erlang-B)")
        var rides: String?
        @Flag(name: "json", help: "Uitvoer als JSON") var json: Bool
        init() {}
    }

    var help: String {
        "Berekent de dekking van ambulanceposten binnen de norm (standaard 15 minuten) over een wegennet."
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let output = try Self.run(
            roads: signature.roads, posts: signature.posts, demand: signature.demand, norm: signature.norm,
            dispatch: signature.dispatch, speeds: signature.speeds, rides: signature.rides, json: signature.json)
        context.console.output(output.consoleText(), newLine: true)
    }

    /// The whole command as a function of its options (also used by tests).
    static func run(
        roads: String?, posts: String?, demand: String?, norm: String?, dispatch: String?, speeds: String?,
        rides: String?, json: Bool
    ) throws -> String {
        var p = ProblemCollector()
        if roads == nil {
            p.add("optie --roads ontbreekt (wegennet, .osm of .geojson)", at: SourceLocation(field: "--roads"))
        }
        if posts == nil { p.add("optie --posts ontbreekt (CSV id,lat,lon)", at: SourceLocation(field: "--posts")) }
        if demand == nil {
            p.add("optie --demand ontbreekt (CSV id,lat,lon,population)", at: SourceLocation(field: "--demand"))
        }
        let normMinutes = number(norm, option: "--norm-minutes", default: 15, problems: &p)
        let dispatchMinutes = number(dispatch, option: "--dispatch-minutes", default: 3, problems: &p)
        let ridesPerYear = rides.map { _ in number(rides, option: "--rides-per-year", default: 0, problems: &p) }
        if let n = normMinutes, !(n > 0) {
            p.add(
                "de norm moet groter zijn dan 0 minuten (is \(AcuteCareFormat.number(n, decimals: 1)))",
                at: SourceLocation(field: "--norm-minutes"))
        }
        if let d = dispatchMinutes, !(d >= 0) {
            p.add(
                "meldings- en uitruktijd mag niet negatief zijn (is \(AcuteCareFormat.number(d, decimals: 1)))",
                at: SourceLocation(field: "--dispatch-minutes"))
        }
        if let n = normMinutes, let d = dispatchMinutes, n > 0, d >= n {
            p.add(
                "meldings- en uitruktijd (\(d) min) moet kleiner zijn dan de norm (\(n) min)",
                at: SourceLocation(field: "--dispatch-minutes"))
        }
        if let r = ridesPerYear ?? nil, !(r >= 0) {
            p.add(
                "het aantal ritten per jaar mag niet negatief zijn (is \(AcuteCareFormat.number(r)))",
                at: SourceLocation(field: "--rides-per-year"))
        }
        try p.throwIfAny("Ongeldige opties")

        var settings = CoverageSettings(normMinutes: normMinutes!, dispatchMinutes: dispatchMinutes!)
        if let speeds { settings.speeds = try speedTable(try read(speeds), file: name(speeds)) }
        let roadsPath = roads!
        let ext = URL(fileURLWithPath: roadsPath).pathExtension.lowercased()
        let graph: RoadGraph
        switch ext {
        case "osm", "xml":
            graph = try AcuteCareImport.roadGraph(
                osm: try read(roadsPath), file: name(roadsPath), speeds: settings.speeds)
        case "geojson", "json":
            graph = try AcuteCareImport.roadGraph(
                geoJSON: try read(roadsPath), file: name(roadsPath), speeds: settings.speeds)
        default:
            throw VitaalError.invalid(
                "onbekend bestandstype .\(ext): gebruik .osm (OpenStreetMap-XML) of .geojson",
                at: SourceLocation(file: name(roadsPath)))
        }
        let postList = try AcuteCareImport.posts(csv: try read(posts!), file: name(posts!))
        let demandList = try AcuteCareImport.demandPoints(csv: try read(demand!), file: name(demand!))

        let engine = try CoverageEngine(graph: graph, settings: settings)
        let coverage: CoverageResult
        var capacity: [PostResult]?
        var model: AcuteCareResult?
        if let r = ridesPerYear ?? nil {
            let inputs = AcuteCareInputs(
                graph: graph, posts: postList, demand: demandList, settings: settings,
                rideVolume: RideVolume(ridesPerYear: r))
            let result = try AcuteCareModel.evaluate(base: inputs, scenario: .base, engine: engine)
            coverage = result.coverage
            capacity = result.posts
            model = result
        } else {
            coverage = try engine.coverage(posts: postList, demand: demandList)
        }
        return json
            ? try Self.json(coverage, settings: settings, capacity: capacity, model: model)
            : text(coverage, demand: demandList, settings: settings, capacity: capacity, model: model)
    }

    // MARK: Output

    struct PointJSON: Encodable {
        var id: String
        var post: String?
        var minutes: Double?
        var covered: Bool
        var band: String
        enum CodingKeys: String, CodingKey { case id, post, minutes, covered, band }
        func encode(to e: Encoder) throws {
            var c = e.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(post, forKey: .post)
            try c.encode(minutes, forKey: .minutes)
            try c.encode(covered, forKey: .covered)
            try c.encode(band, forKey: .band)
        }
    }
    struct PostJSON: Encodable {
        var id: String
        var ridesPerYear: Double
        var ambulances: Int
    }
    struct Output: Encodable {
        var population: Double
        var covered: Double
        var share: Double
        var normMinutes: Double
        var dispatchMinutes: Double
        var searchCapMinutes: Double
        var bands: [BandTally]
        var points: [PointJSON]
        var posts: [PostJSON]?
        /// With --rides-per-year: expected coverage with busy ambulances and the best next post.
        var expected: ExpectedCoverage?
        var nextPost: NextPostSuggestion?
    }

    static func json(_ c: CoverageResult, settings: CoverageSettings, capacity: [PostResult]?, model: AcuteCareResult?)
        throws -> String
    {
        let out = Output(
            population: c.region.population, covered: c.region.coveredPopulation,
            share: (c.region.share * 1e6).rounded() / 1e6,
            normMinutes: settings.normMinutes, dispatchMinutes: settings.dispatchMinutes,
            searchCapMinutes: Double(c.searchCapSeconds) / 60, bands: c.region.bands,
            points: c.points.map {
                PointJSON(
                    id: $0.id, post: $0.nearestPostId,
                    minutes: $0.responseSeconds.map { (Double($0) / 60 * 100).rounded() / 100 }, covered: $0.covered,
                    band: $0.band.rawValue)
            },
            posts: capacity?.map {
                PostJSON(
                    id: $0.id, ridesPerYear: ($0.capacity.ridesPerYear * 10).rounded() / 10,
                    ambulances: $0.capacity.ambulancesNeeded)
            }, expected: model?.expected, nextPost: model?.nextPost)
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try e.encode(out), as: UTF8.self)
    }

    static func text(
        _ c: CoverageResult, demand: [DemandPoint], settings: CoverageSettings, capacity: [PostResult]?,
        model: AcuteCareResult?
    ) -> String {
        let f = AcuteCareFormat.self
        var lines = [
            "Binnen \(f.number(settings.normMinutes, decimals: settings.normMinutes == settings.normMinutes.rounded() ? 0 : 1)) minuten bereikbaar: \(f.percent(c.region.share)) van de inwoners (\(f.number(c.region.coveredPopulation)) van \(f.number(c.region.population))); buiten de norm: \(f.number(c.region.uncoveredPopulation)) inwoners."
        ]
        for m in c.municipalities where c.municipalities.count > 1 {
            lines.append("  \(m.name): \(f.percent(m.share)) (buiten de norm \(f.number(m.uncoveredPopulation)))")
        }
        let names = Dictionary(demand.map { ($0.id, $0.name ?? $0.id) }, uniquingKeysWith: { a, _ in a })
        let uncovered = c.uncovered
        lines.append(
            "Aanrijtijdklassen (inwoners): "
                + c.region.bands.map { "\($0.band.label) \(f.number($0.population))" }.joined(separator: ", "))
        if !uncovered.isEmpty {
            // How late: the time to the fastest post, or why there is none.
            func late(_ p: PointCoverage) -> String {
                if let s = p.responseSeconds, let post = p.nearestPostId {
                    return "\(f.minutes(seconds: s)) min vanaf \(post)"
                }
                return p.band == .noRoad
                    ? "geen weg binnen \(f.number(settings.maxDemandSnapMeters / 1000)) km"
                    : "geen post binnen \(f.number(Double(c.searchCapSeconds) / 60)) min"
            }
            lines.append(
                "Buiten de norm: "
                    + uncovered.prefix(20).map { "\(names[$0.id] ?? $0.id) (\(f.number($0.population)); \(late($0)))" }
                    .joined(separator: ", ")
                    + (uncovered.count > 20 ? " en \(uncovered.count - 20) andere" : ""))
        }
        if let capacity {
            lines.append(
                "Ambulances nodig (drukste uur, Erlang-B): "
                    + capacity.map { "\($0.id) \($0.capacity.ambulancesNeeded)" }.joined(separator: ", "))
        }
        if let model {
            lines.append(
                "Verwachte dekking met bezette ambulances (MEXCLP, q = \(f.number(model.expected.busyFraction, decimals: 3))): "
                    + "\(f.percent(model.expected.share))")
            if let next = model.nextPost {
                lines.append(
                    "Beste volgende post: \(next.name) (+\(f.number(next.gain)) verwacht op tijd; verwachte dekking "
                        + "\(f.percent(next.share)))")
            }
        }
        return lines.joined(separator: "\n")
    }

    // MARK: Input helpers

    static func name(_ path: String) -> String { URL(fileURLWithPath: path).lastPathComponent }

    static func read(_ path: String) throws -> Data {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw VitaalError.invalid("bestand niet gevonden of niet leesbaar", at: SourceLocation(file: path))
        }
        return data
    }

    static func number(_ text: String?, option: String, default value: Double, problems p: inout ProblemCollector)
        -> Double?
    {
        guard let text else { return value }
        guard let v = Double(text.replacingOccurrences(of: ",", with: ".")), v.isFinite else {
            p.add("\"\(text)\" is geen getal", at: SourceLocation(field: option))
            return nil
        }
        return v
    }

    /// Speed table CSV: `wegklasse,kmh` per line (header optional, `#` comments); classes motorway,
    /// trunk, primary, secondary, tertiary, local, service and offroad. Missing classes keep their default.
    static func speedTable(_ data: Data, file: String) throws -> SpeedTable {
        var table = SpeedTable.default
        table.note = "Snelheden uit \(file)."
        var p = ProblemCollector()
        let text = String(decoding: data, as: UTF8.self)
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let parts = line.split(whereSeparator: { $0 == "," || $0 == ";" }).map {
                $0.trimmingCharacters(in: .whitespaces).lowercased()
            }
            if i == 0, parts.first.map({ ["wegklasse", "class", "klasse", "roadclass"].contains($0) }) == true {
                continue
            }
            let loc = SourceLocation(file: file, line: i + 1)
            guard parts.count == 2 else {
                p.add("verwacht twee kolommen: wegklasse,kmh", at: loc)
                continue
            }
            guard let kmh = Double(parts[1]), kmh > 0, kmh <= 250 else {
                p.add(
                    "snelheid \"\(parts[1])\" moet een getal tussen 0 en 250 km/u zijn",
                    at: SourceLocation(file: file, line: i + 1, column: 2))
                continue
            }
            switch parts[0] {
            case "offroad", "off_road", "offroadkmh": table.offRoadKmh = kmh
            default:
                guard let c = RoadClass(rawValue: parts[0]) ?? RoadClass(osmHighway: parts[0]) else {
                    p.add(
                        "onbekende wegklasse \"\(parts[0])\" (bekend: \(RoadClass.allCases.map(\.rawValue).joined(separator: ", ")), offroad)",
                        at: SourceLocation(file: file, line: i + 1, column: 1))
                    continue
                }
                switch c {
                case .motorway: table.motorway = kmh
                case .trunk: table.trunk = kmh
                case .primary: table.primary = kmh
                case .secondary: table.secondary = kmh
                case .tertiary: table.tertiary = kmh
                case .local: table.local = kmh
                case .service: table.service = kmh
                }
            }
        }
        try p.throwIfAny("Snelhedentabel \(file) bevat fouten")
        return table
    }
}
