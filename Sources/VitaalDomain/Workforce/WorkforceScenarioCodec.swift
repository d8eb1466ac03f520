import Foundation

/// Reads and writes workforce scenario files (JSON, format in `docs/workforce-model.md`).
/// Every problem is reported with the JSON path (e.g. `$.sectors[2].vacancyRate`) and its line.
public enum WorkforceScenarioCodec {
    /// The keys a scenario file must have at its top level (also the API's request schema).
    public static let requiredKeys = [
        "id", "name", "baseYear", "populationBands", "sectors", "levels", "ageBands", "regions", "stock"
    ]
    /// The keys it may have besides those.
    public static let optionalKeys = [
        "description", "horizon", "sectorMoves", "levelMoves", "extraDemandGrowth", "fteTrend",
        "taskShiftAbsorption", "levers", "monteCarlo"
    ]
    /// Parses and validates a scenario. Throws a `VitaalError` (`invalidInput`) listing every problem.
    public static func decode(_ text: String, file: String? = nil) throws -> WorkforceScenario {
        let root = try JSONParser.parse(text, file: file)
        var reader = Reader(file: file)
        let scenario = reader.scenario(root)
        try reader.problems.throwIfAny("Scenariobestand\(file.map { " \($0)" } ?? "") is ongeldig")
        guard let scenario else { throw VitaalError.invalid("Scenariobestand is ongeldig") }
        return scenario
    }

    public static func decode(data: Data, file: String? = nil) throws -> WorkforceScenario {
        guard let text = String(data: data, encoding: .utf8) else {
            throw VitaalError.invalid("Scenariobestand is geen geldige UTF-8-tekst", at: SourceLocation(file: file))
        }
        return try decode(text, file: file)
    }

    /// Validates a scenario built in code (e.g. from the app's form) by round-tripping it through the file format.
    public static func validate(_ scenario: WorkforceScenario) throws {
        _ = try decode(encode(scenario))
    }

    /// The file's layout: pretty, keys sorted, short lists of numbers on one line, final newline.
    static let style = JSONWriter.Style(pretty: true, sortedKeys: true, inlineNumberLists: true)

    /// Pretty JSON with sorted keys, stable for saving and versioning.
    public static func encode(_ s: WorkforceScenario) -> String {
        let root: JSONNode = [
            "id": .string(s.id), "name": .string(s.name), "description": .string(s.description),
            "baseYear": .number(s.baseYear), "horizon": .number(s.horizon),
            "populationBands": .array(s.populationBands.map { ["id": .string($0.id), "name": .string($0.name)] }),
            "sectors": .array(s.sectors.map(node)),
            "levels": .array(
                s.levels.map {
                    ["id": .string($0.id), "name": .string($0.name), "graduates": node($0.graduates)]
                }),
            "ageBands": .array(s.ageBands.map(node)),
            "regions": .array(
                s.regions.map { r in
                    var members: [(String, JSONNode)] = [
                        ("id", .string(r.id)), ("name", .string(r.name)), ("population", nodes(r.population)),
                        ("populationGrowth", nodes(r.populationGrowth))
                    ]
                    if !r.populationByYear.isEmpty {
                        let rows = r.populationByYear.map { row in JSONNode.array(row.map { .number($0) }) }
                        members.append(("populationByYear", .array(rows)))
                    }
                    return .object(members)
                }),
            "stock": .array(
                s.stock.map {
                    ["sector": .string($0.sector), "region": .string($0.region), "persons": node($0.persons)]
                }),
            "sectorMoves": .array(s.sectorMoves.map(node)),
            "levelMoves": .array(s.levelMoves.map(node)),
            "extraDemandGrowth": node(s.extraDemandGrowth), "fteTrend": node(s.fteTrend),
            "taskShiftAbsorption": node(s.taskShiftAbsorption),
            "levers": .object(WorkforceLevers.ids.map { ($0, node(s.levers[$0])) }),
            "monteCarlo": ["runs": .number(s.monteCarloRuns), "seed": .number(Double(s.seed))]
        ]
        return JSONWriter.text(root, style: style) + "\n"
    }

    /// A parameter: a bare number, or `{"value", "range", "assumption", "source"}` when it has more.
    static func node(_ x: WorkforceParameter) -> JSONNode {
        if x.range == nil, x.assumption == nil, x.source == nil { return .number(x.value) }
        var m: [(String, JSONNode)] = [("value", .number(x.value))]
        if let r = x.range { m.append(("range", [.number(r.low), .number(r.high)])) }
        if let a = x.assumption { m.append(("assumption", .string(a))) }
        if let src = x.source { m.append(("source", .string(src))) }
        return .object(m)
    }

    static func nodes(_ xs: [WorkforceParameter]) -> JSONNode { .array(xs.map(node)) }

    static func node(_ m: WorkforceMove) -> JSONNode {
        ["from": .string(m.from), "to": .string(m.to), "rate": node(m.rate)]
    }

    static func node(_ x: WorkforceSector) -> JSONNode {
        [
            "id": .string(x.id), "name": .string(x.name), "fteFactor": node(x.fteFactor),
            "vacancyRate": node(x.vacancyRate), "outflowFactor": node(x.outflowFactor),
            "graduateShare": node(x.graduateShare), "sideEntrants": node(x.sideEntrants),
            "returners": node(x.returners), "levelShares": nodes(x.levelShares), "ageShares": nodes(x.ageShares),
            "careUse": nodes(x.careUse), "receivesTaskShift": .bool(x.receivesTaskShift)
        ]
    }

    static func node(_ a: WorkforceAgeBand) -> JSONNode {
        [
            "id": .string(a.id), "fromAge": .number(a.fromAge), "toAge": .number(a.toAge),
            "outflowRate": node(a.outflowRate), "lateralEntryShare": node(a.lateralEntryShare)
        ]
    }

    /// A number for messages (`0.05`, `2020`).
    static func text(_ v: Double) -> String { JSONWriter.numberText(v) }

    // MARK: - Validating reader

    /// What a numeric parameter may be (per field in `WorkforceScenarioFormat`).
    public enum Kind: Sendable, Hashable {
        case rate  // 0...1
        case positiveRate  // (0, 1]
        case nonNegative  // >= 0
        case growth  // > -1 and <= 1
        case lever(WorkforceLeverDefinition)

        /// The allowed values and the Dutch rule for messages.
        var rule: (allowed: ClosedRange<Double>, text: String) {
            switch self {
            case .rate: return (0...1, "moet een fractie tussen 0 en 1 zijn")
            case .positiveRate: return (Double.leastNonzeroMagnitude...1, "moet groter dan 0 en hoogstens 1 zijn")
            case .nonNegative: return (0...Double.greatestFiniteMagnitude, "mag niet negatief zijn")
            case .growth: return (-0.999999...1, "moet een jaarlijkse groei tussen -1 en 1 zijn")
            case .lever(let d): return (d.min...d.max, "moet tussen \(text(d.min)) en \(text(d.max)) liggen")
            }
        }
    }

    /// Parsed items of one list with the nodes they came from; `complete` when every item was valid.
    struct Parsed<T> {
        var items: [T] = []
        var nodes: [JSONNode] = []
        var complete: Bool { items.count == nodes.count }
    }
}

// MARK: - Typed field access

extension WorkforceScenarioCodec {
    struct Reader {
        let file: String?
        var problems = ProblemCollector()

        init(file: String?) { self.file = file }

        func loc(_ node: JSONNode, _ path: String) -> SourceLocation {
            let field = path.split(separator: ".").last.map { String($0.split(separator: "[").first ?? $0) }
            return node.location(file: file, field: field, element: path)
        }

        mutating func fail(_ message: String, _ node: JSONNode, _ path: String) {
            problems.add(message, at: loc(node, path))
        }

        /// Object members by key; reports unknown and missing required keys.
        mutating func object(
            _ node: JSONNode, _ path: String, required: [String],
            optional: [String] = []
        ) -> [String: JSONNode]? {
            guard let members = node.members else {
                fail("moet een object zijn, maar is \(node.kindName)", node, path)
                return nil
            }
            let allowed = Set(required + optional)
            var out: [String: JSONNode] = [:]
            for m in members {
                if allowed.contains(m.key) {
                    out[m.key] = m.value
                    continue
                }
                let at = SourceLocation(
                    file: file, line: m.keyPosition?.line, column: m.keyPosition?.column,
                    field: m.key, element: "\(path).\(m.key)")
                problems.add(
                    "onbekend veld \"\(m.key)\" (toegestaan: \(allowed.sorted().joined(separator: ", ")))", at: at)
            }
            for key in required where out[key] == nil {
                fail("verplicht veld \"\(key)\" ontbreekt", node, path)
            }
            return out
        }

        mutating func string(_ node: JSONNode?, _ path: String, nonEmpty: Bool = true) -> String? {
            guard let node else { return nil }
            guard let s = node.string else {
                fail("moet tekst zijn, maar is \(node.kindName)", node, path)
                return nil
            }
            if nonEmpty, s.trimmingCharacters(in: .whitespaces).isEmpty {
                fail("mag niet leeg zijn", node, path)
                return nil
            }
            return s
        }

        mutating func int(_ node: JSONNode?, _ path: String, min: Int, max: Int) -> Int? {
            guard let node else { return nil }
            guard let v = node.double else {
                fail("moet een geheel getal zijn, maar is \(node.kindName)", node, path)
                return nil
            }
            guard v == v.rounded(), abs(v) < 9e15 else {
                fail("moet een geheel getal zijn, maar is \(node.text ?? "")", node, path)
                return nil
            }
            guard v >= Double(min), v <= Double(max) else {
                fail("moet tussen \(min) en \(max) liggen, maar is \(Int64(v))", node, path)
                return nil
            }
            return Int(v)
        }

        /// An integer within the bounds of `field` in `WorkforceScenarioFormat`.
        mutating func int(_ node: JSONNode?, _ path: String, _ field: WorkforceScenarioField) -> Int? {
            let bounds = field.integerBounds
            return int(node, path, min: bounds.min, max: bounds.max)
        }

        mutating func bool(_ node: JSONNode?, _ path: String) -> Bool? {
            guard let node else { return nil }
            guard let b = node.bool else {
                fail("moet true of false zijn, maar is \(node.kindName)", node, path)
                return nil
            }
            return b
        }

        mutating func array(_ node: JSONNode?, _ path: String, nonEmpty: Bool = false, count: Int? = nil) -> [JSONNode]?
        {
            guard let node else { return nil }
            guard let items = node.array else {
                fail("moet een lijst zijn, maar is \(node.kindName)", node, path)
                return nil
            }
            if nonEmpty, items.isEmpty {
                fail("lijst mag niet leeg zijn", node, path)
                return nil
            }
            if let count, items.count != count {
                fail("moet \(count) waarde(n) bevatten, maar bevat er \(items.count)", node, path)
                return nil
            }
            return items
        }

        /// A number within `kind`'s rule; reports and returns nil otherwise.
        mutating func number(_ node: JSONNode, _ path: String, _ kind: Kind) -> Double? {
            guard let v = node.double else {
                fail("moet een getal zijn, maar is \(node.kindName)", node, path)
                return nil
            }
            let rule = kind.rule
            guard v.isFinite, rule.allowed.contains(v) else {
                fail("\(rule.text), maar is \(node.text ?? "")", node, path)
                return nil
            }
            return v
        }

        mutating func param(_ node: JSONNode?, _ path: String, _ kind: Kind) -> WorkforceParameter? {
            guard let node else { return nil }
            switch node.value {
            case .number: return number(node, path, kind).map { WorkforceParameter($0) }
            case .object: return paramObject(node, path, kind)
            default:
                fail(
                    "moet een getal of een object {\"value\", \"range\", \"assumption\", \"source\"} zijn, "
                        + "maar is \(node.kindName)", node, path)
                return nil
            }
        }

        /// `{"value", "range", "assumption", "source"}`.
        mutating func paramObject(_ node: JSONNode, _ path: String, _ kind: Kind) -> WorkforceParameter? {
            guard let m = object(node, path, required: ["value"], optional: ["range", "assumption", "source"]) else {
                return nil
            }
            let value = m["value"].flatMap { number($0, path + ".value", kind) }
            var ok = value != nil
            var range: WorkforceParameter.Range?
            if let rn = m["range"] {
                range = self.range(rn, path + ".range", kind, value: value)
                ok = ok && range != nil
            }
            let assumption = string(m["assumption"], path + ".assumption")
            let source = string(m["source"], path + ".source")
            if m["assumption"] != nil, assumption == nil { ok = false }
            if m["source"] != nil, source == nil { ok = false }
            guard ok, let value else { return nil }
            return WorkforceParameter(value, range: range, assumption: assumption, source: source)
        }

        /// `[low, high]` around `value` (checked only when the value itself was valid).
        mutating func range(_ rn: JSONNode, _ path: String, _ kind: Kind, value: Double?) -> WorkforceParameter.Range? {
            guard let items = array(rn, path, count: 2) else { return nil }
            let bounds = items.enumerated().compactMap { k, item in number(item, "\(path)[\(k)]", kind) }
            guard bounds.count == 2 else { return nil }
            if bounds[0] > bounds[1] {
                fail("ondergrens \(text(bounds[0])) is groter dan bovengrens \(text(bounds[1]))", rn, path)
                return nil
            }
            if let value, value < bounds[0] || value > bounds[1] {
                fail(
                    "waarde \(text(value)) ligt buiten de bandbreedte [\(text(bounds[0])), \(text(bounds[1]))]", rn,
                    path)
                return nil
            }
            return .init(bounds[0], bounds[1])
        }

        mutating func params(_ node: JSONNode?, _ path: String, _ kind: Kind, count: Int?) -> [WorkforceParameter]? {
            guard let items = array(node, path, count: count) else { return nil }
            let out = items.enumerated().compactMap { k, item in param(item, "\(path)[\(k)]", kind) }
            return out.count == items.count ? out : nil
        }

        mutating func sharesSumToOne(_ xs: [WorkforceParameter]?, _ node: JSONNode?, _ path: String) {
            guard let xs, let node, !xs.isEmpty else { return }
            let sum = xs.reduce(0) { $0 + $1.value }
            if abs(sum - 1) > 0.001 {
                fail(
                    "aandelen moeten samen 1 zijn, maar tellen op tot \(text((sum * 10000).rounded() / 10000))", node,
                    path)
            }
        }

        mutating func ids<T>(_ parsed: Parsed<T>, id: (T) -> String, _ path: String) -> [String: Int] {
            var index: [String: Int] = [:]
            for (k, item) in parsed.items.enumerated() {
                let key = id(item)
                if index[key] != nil, k < parsed.nodes.count {
                    fail("id \"\(key)\" komt meer dan eens voor", parsed.nodes[k], "\(path)[\(k)].id")
                } else {
                    index[key] = k
                }
            }
            return index
        }

        /// Each item of the list at `key` read by `item` (with its path); `nonEmpty` lists must have one.
        mutating func list<T>(
            _ m: [String: JSONNode], _ key: String, nonEmpty: Bool = true,
            _ item: (inout Reader, JSONNode, String) -> T?
        ) -> Parsed<T> {
            var parsed = Parsed<T>()
            parsed.nodes = array(m[key], "$.\(key)", nonEmpty: nonEmpty) ?? []
            for (k, n) in parsed.nodes.enumerated() {
                if let value = item(&self, n, "$.\(key)[\(k)]") { parsed.items.append(value) }
            }
            return parsed
        }
    }
}

// MARK: - The scenario, part by part

extension WorkforceScenarioCodec.Reader {
    typealias Parsed<T> = WorkforceScenarioCodec.Parsed<T>
    typealias F = WorkforceScenarioFormat

    static let requiredKeys = WorkforceScenarioCodec.requiredKeys
    static let optionalKeys = WorkforceScenarioCodec.optionalKeys

    mutating func scenario(_ root: JSONNode) -> WorkforceScenario? {
        guard let m = object(root, "$", required: Self.requiredKeys, optional: Self.optionalKeys) else { return nil }
        let id = string(m["id"], "$.id")
        let name = string(m["name"], "$.name")
        let description = m["description"] == nil ? "" : string(m["description"], "$.description", nonEmpty: false)
        let baseYear = int(m["baseYear"], "$.baseYear", WorkforceScenarioFormat.baseYear)
        let horizon = self.horizon(m, root, baseYear: baseYear)
        // Dimensions first, because sector arrays are sized by them.
        let bands = list(m, "populationBands") { r, n, p in r.populationBand(n, p) }
        let levels = list(m, "levels") { r, n, p in r.level(n, p) }
        let ages = ageBands(m)
        let regions = list(m, "regions") { r, n, p in r.region(n, p, bands: bands.nodes.count) }
        let sectors = self.sectors(m, levels: levels.nodes.count, ages: ages.nodes.count, bands: bands.nodes.count)
        let sectorIndex = ids(sectors, id: \.id, "$.sectors")
        let levelIndex = ids(levels, id: \.id, "$.levels")
        _ = ids(ages, id: \.id, "$.ageBands")
        let regionIndex = ids(regions, id: \.id, "$.regions")
        _ = ids(bands, id: \.id, "$.populationBands")
        let stock = self.stock(
            m, sectors: sectors.complete ? sectorIndex : nil, regions: regions.complete ? regionIndex : nil)
        let sectorMoves = moves(m, "sectorMoves", sectorIndex, "sector", rate: F.sectorMoveRate.kind)
        let levelMoves = moves(m, "levelMoves", levelIndex, "niveau", rate: F.levelMoveRate.kind)
        let globals = self.globals(m)
        checkOutflow(
            m, sectors: sectors, ages: ages, levelsComplete: levels.complete, sectorMoves: sectorMoves,
            levelMoves: levelMoves)
        guard let id, let name, let description, let baseYear, let horizon, let globals, problems.isEmpty else {
            return nil
        }
        return WorkforceScenario(
            id: id, name: name, description: description, baseYear: baseYear, horizon: horizon,
            populationBands: bands.items, sectors: sectors.items, levels: levels.items, ageBands: ages.items,
            regions: regions.items, stock: stock, sectorMoves: sectorMoves, levelMoves: levelMoves,
            extraDemandGrowth: globals.extra, fteTrend: globals.fteTrend, taskShiftAbsorption: globals.absorption,
            levers: globals.levers, monteCarloRuns: globals.runs, seed: globals.seed)
    }

    /// The horizon (2040 when not given), not before the base year and at most 100 years after it.
    mutating func horizon(_ m: [String: JSONNode], _ root: JSONNode, baseYear: Int?) -> Int? {
        guard let hn = m["horizon"] else {
            if let b = baseYear, b > 2040 {
                fail("basisjaar \(b) ligt na de standaardhorizon 2040; geef \"horizon\" op", root, "$.baseYear")
                return nil
            }
            return 2040
        }
        guard let h = int(hn, "$.horizon", WorkforceScenarioFormat.horizon) else { return nil }
        guard let b = baseYear else { return h }
        if h < b {
            fail("horizon \(h) ligt vóór het basisjaar \(b)", hn, "$.horizon")
            return nil
        }
        if h - b > 100 {
            fail("horizon ligt meer dan 100 jaar na het basisjaar", hn, "$.horizon")
            return nil
        }
        return h
    }

    mutating func populationBand(_ n: JSONNode, _ p: String) -> WorkforcePopulationBand? {
        guard let o = object(n, p, required: ["id", "name"]) else { return nil }
        guard let i = string(o["id"], p + ".id"), let nm = string(o["name"], p + ".name") else { return nil }
        return .init(id: i, name: nm)
    }

    mutating func level(_ n: JSONNode, _ p: String) -> WorkforceLevel? {
        guard let o = object(n, p, required: ["id", "name", "graduates"]) else { return nil }
        let i = string(o["id"], p + ".id")
        let nm = string(o["name"], p + ".name")
        let g = param(o["graduates"], p + ".graduates", F.graduates.kind)
        guard let i, let nm, let g else { return nil }
        return .init(id: i, name: nm, graduates: g)
    }

    /// Age bands that join up (each `fromAge` is the previous `toAge` + 1), lateral entry shares summing to 1.
    mutating func ageBands(_ m: [String: JSONNode]) -> Parsed<WorkforceAgeBand> {
        var ages = Parsed<WorkforceAgeBand>()
        ages.nodes = array(m["ageBands"], "$.ageBands", nonEmpty: true) ?? []
        for (k, n) in ages.nodes.enumerated() {
            if let band = ageBand(n, "$.ageBands[\(k)]", previous: ages.items.last) { ages.items.append(band) }
        }
        if ages.complete, let node = m["ageBands"] {
            sharesSumToOne(ages.items.map(\.lateralEntryShare), node, "$.ageBands[*].lateralEntryShare")
        }
        return ages
    }

    mutating func ageBand(_ n: JSONNode, _ p: String, previous: WorkforceAgeBand?) -> WorkforceAgeBand? {
        let keys = ["id", "fromAge", "toAge", "outflowRate", "lateralEntryShare"]
        guard let o = object(n, p, required: keys) else { return nil }
        let i = string(o["id"], p + ".id")
        let from = int(o["fromAge"], p + ".fromAge", F.fromAge)
        var to = int(o["toAge"], p + ".toAge", F.toAge)
        if let f = from, let t = to, t < f, let tn = o["toAge"] {
            fail("toAge \(t) is kleiner dan fromAge \(f)", tn, p + ".toAge")
            to = nil
        }
        if let f = from, let prev = previous, prev.toAge + 1 != f, let fn = o["fromAge"] {
            fail(
                "leeftijdsklassen moeten aansluiten: verwacht fromAge \(prev.toAge + 1), maar is \(f)", fn,
                p + ".fromAge")
        }
        let out = param(o["outflowRate"], p + ".outflowRate", F.outflowRate.kind)
        let lat = param(o["lateralEntryShare"], p + ".lateralEntryShare", F.lateralEntryShare.kind)
        guard let i, let from, let to, let out, let lat else { return nil }
        return WorkforceAgeBand(id: i, fromAge: from, toAge: to, outflowRate: out, lateralEntryShare: lat)
    }

    mutating func region(_ n: JSONNode, _ p: String, bands: Int) -> WorkforceRegion? {
        let keys = ["id", "name", "population", "populationGrowth"]
        guard let o = object(n, p, required: keys, optional: ["populationByYear"]) else { return nil }
        let i = string(o["id"], p + ".id")
        let nm = string(o["name"], p + ".name")
        let pop = params(o["population"], p + ".population", F.population.kind, count: bands)
        let gr = params(o["populationGrowth"], p + ".populationGrowth", F.populationGrowth.kind, count: bands)
        var path: [[Double]]? = []
        if let node = o["populationByYear"] {
            path = populationPath(node, p + ".populationByYear", bands: bands)
        }
        guard let i, let nm, let pop, let gr, let path else { return nil }
        return .init(id: i, name: nm, population: pop, populationGrowth: gr, populationByYear: path)
    }

    /// One row per year from the base year on (1 to 101 rows), one number ≥ 0 per population band.
    mutating func populationPath(_ node: JSONNode, _ p: String, bands: Int) -> [[Double]]? {
        guard let rows = array(node, p, nonEmpty: true) else { return nil }
        if rows.count > 101 {
            fail("hoogstens 101 jaren (basisjaar + 100), maar bevat er \(rows.count)", node, p)
            return nil
        }
        var out: [[Double]] = []
        for (k, row) in rows.enumerated() {
            guard let cells = array(row, "\(p)[\(k)]", count: bands) else { continue }
            let values = cells.enumerated().compactMap { c, cell in
                number(cell, "\(p)[\(k)][\(c)]", F.populationByYear.kind)
            }
            if values.count == cells.count { out.append(values) }
        }
        return out.count == rows.count ? out : nil
    }
}

extension WorkforceScenarioCodec.Reader {
    static let sectorKeys = [
        "id", "name", "fteFactor", "vacancyRate", "graduateShare", "sideEntrants", "returners",
        "levelShares", "ageShares", "careUse"
    ]

    /// The sectors; graduate shares over all sectors may add up to at most 1.
    mutating func sectors(_ m: [String: JSONNode], levels: Int, ages: Int, bands: Int) -> Parsed<WorkforceSector> {
        let sectors = list(m, "sectors") { r, n, p in r.sector(n, p, levels: levels, ages: ages, bands: bands) }
        if sectors.complete, let node = m["sectors"] {
            let sum = sectors.items.reduce(0) { $0 + $1.graduateShare.value }
            if sum > 1.0005 {
                fail(
                    "graduateShare over alle sectoren telt op tot "
                        + "\(WorkforceScenarioCodec.text((sum * 1000).rounded() / 1000)), "
                        + "hoogstens 1 toegestaan", node, "$.sectors[*].graduateShare")
            }
        }
        return sectors
    }

    mutating func sector(_ n: JSONNode, _ p: String, levels: Int, ages: Int, bands: Int) -> WorkforceSector? {
        guard let o = object(n, p, required: Self.sectorKeys, optional: ["outflowFactor", "receivesTaskShift"]) else {
            return nil
        }
        let i = string(o["id"], p + ".id")
        let nm = string(o["name"], p + ".name")
        let fte = param(o["fteFactor"], p + ".fteFactor", F.fteFactor.kind)
        let vac = param(o["vacancyRate"], p + ".vacancyRate", F.vacancyRate.kind)
        let of =
            o["outflowFactor"] == nil
            ? WorkforceParameter(1) : param(o["outflowFactor"], p + ".outflowFactor", F.outflowFactor.kind)
        let gs = param(o["graduateShare"], p + ".graduateShare", F.graduateShare.kind)
        let se = param(o["sideEntrants"], p + ".sideEntrants", F.sideEntrants.kind)
        let rt = param(o["returners"], p + ".returners", F.returners.kind)
        let ls = params(o["levelShares"], p + ".levelShares", F.levelShares.kind, count: levels)
        let asx = params(o["ageShares"], p + ".ageShares", F.ageShares.kind, count: ages)
        let cu = params(o["careUse"], p + ".careUse", F.careUse.kind, count: bands)
        sharesSumToOne(ls, o["levelShares"], p + ".levelShares")
        sharesSumToOne(asx, o["ageShares"], p + ".ageShares")
        let rts = o["receivesTaskShift"] == nil ? false : bool(o["receivesTaskShift"], p + ".receivesTaskShift")
        guard let i, let nm, let fte, let vac, let of, let gs, let se, let rt, let ls, let asx, let cu, let rts else {
            return nil
        }
        return .init(
            id: i, name: nm, fteFactor: fte, vacancyRate: vac, outflowFactor: of, graduateShare: gs,
            sideEntrants: se, returners: rt, levelShares: ls, ageShares: asx, careUse: cu, receivesTaskShift: rts)
    }

    /// Staff per sector and region, each cell once; references are checked when the lists they name were valid.
    mutating func stock(_ m: [String: JSONNode], sectors: [String: Int]?, regions: [String: Int]?) -> [WorkforceStock] {
        var seenCells = Set<String>()
        return list(m, "stock") { r, n, p in
            guard let o = r.object(n, p, required: ["sector", "region", "persons"]) else { return nil }
            let s = r.string(o["sector"], p + ".sector")
            let rg = r.string(o["region"], p + ".region")
            let persons = r.param(o["persons"], p + ".persons", F.persons.kind)
            if let s, let sectors, sectors[s] == nil, let sn = o["sector"] {
                r.fail("onbekende sector \"\(s)\"", sn, p + ".sector")
            }
            if let rg, let regions, regions[rg] == nil, let rn = o["region"] {
                r.fail("onbekende regio \"\(rg)\"", rn, p + ".region")
            }
            if let s, let rg, !seenCells.insert(s + "\u{1}" + rg).inserted {
                r.fail("sector \"\(s)\" in regio \"\(rg)\" staat er meer dan eens in", n, p)
            }
            guard let s, let rg, let persons else { return nil }
            return WorkforceStock(sector: s, region: rg, persons: persons)
        }.items
    }

    /// Yearly moves between sectors or levels (`what` names them in messages).
    mutating func moves(
        _ m: [String: JSONNode], _ key: String, _ index: [String: Int], _ what: String,
        rate kind: WorkforceScenarioCodec.Kind
    ) -> [WorkforceMove] {
        guard m[key] != nil else { return [] }
        return list(m, key, nonEmpty: false) { r, n, p in
            guard let o = r.object(n, p, required: ["from", "to", "rate"]) else { return nil }
            let f = r.string(o["from"], p + ".from")
            let t = r.string(o["to"], p + ".to")
            let rate = r.param(o["rate"], p + ".rate", kind)
            if let f, index[f] == nil, let fn = o["from"] { r.fail("onbekende \(what) \"\(f)\"", fn, p + ".from") }
            if let t, index[t] == nil, let tn = o["to"] { r.fail("onbekende \(what) \"\(t)\"", tn, p + ".to") }
            if let f, let t, f == t, let tn = o["to"] { r.fail("van en naar zijn gelijk (\"\(f)\")", tn, p + ".to") }
            guard let f, let t, let rate else { return nil }
            return WorkforceMove(from: f, to: t, rate: rate)
        }.items
    }

    struct Globals {
        var extra: WorkforceParameter, fteTrend: WorkforceParameter, absorption: WorkforceParameter
        var levers: WorkforceLevers, runs: Int, seed: UInt64
    }

    /// Demand trends, levers and Monte Carlo settings, each with its default when absent.
    mutating func globals(_ m: [String: JSONNode]) -> Globals? {
        func optional(
            _ key: String, _ kind: WorkforceScenarioCodec.Kind, _ fallback: Double,
            _ r: inout Self
        ) -> WorkforceParameter? {
            m[key] == nil ? WorkforceParameter(fallback) : r.param(m[key], "$.\(key)", kind)
        }
        let extra = optional("extraDemandGrowth", F.extraDemandGrowth.kind, 0, &self)
        let fteTrend = optional("fteTrend", F.fteTrend.kind, 0, &self)
        let absorption = optional("taskShiftAbsorption", F.taskShiftAbsorption.kind, 0.5, &self)
        let levers = self.levers(m["levers"])
        var runs: Int? = 1000
        var seed: UInt64? = 2024
        if let mn = m["monteCarlo"] {
            if let mo = object(mn, "$.monteCarlo", required: [], optional: ["runs", "seed"]) {
                if let rn = mo["runs"] { runs = int(rn, "$.monteCarlo.runs", F.runs) }
                if let sn = mo["seed"] {
                    seed = int(sn, "$.monteCarlo.seed", F.seed).map { UInt64($0) }
                }
            } else {
                runs = nil
            }
        }
        guard let extra, let fteTrend, let absorption, let levers, let runs, let seed else { return nil }
        return Globals(extra: extra, fteTrend: fteTrend, absorption: absorption, levers: levers, runs: runs, seed: seed)
    }

    mutating func levers(_ node: JSONNode?) -> WorkforceLevers? {
        var levers = WorkforceLevers()
        guard let node else { return levers }
        guard let lo = object(node, "$.levers", required: [], optional: WorkforceLevers.ids) else { return nil }
        var ok = true
        for def in WorkforceLevers.catalogue {
            guard let leverNode = lo[def.id] else {
                levers[def.id] = WorkforceParameter(def.defaultValue)
                continue
            }
            if let v = param(leverNode, "$.levers.\(def.id)", .lever(def)) { levers[def.id] = v } else { ok = false }
        }
        return ok ? levers : nil
    }

    /// Cross-field check: the shares leaving one cell in a year may not exceed 1.
    mutating func checkOutflow(
        _ m: [String: JSONNode], sectors: Parsed<WorkforceSector>, ages: Parsed<WorkforceAgeBand>,
        levelsComplete: Bool, sectorMoves: [WorkforceMove], levelMoves: [WorkforceMove]
    ) {
        guard sectors.complete, ages.complete, levelsComplete, let sn = m["sectors"] else { return }
        func hi(_ p: WorkforceParameter) -> Double { p.range?.high ?? p.value }
        var levelOut = [String: Double]()
        for mv in levelMoves { levelOut[mv.from, default: 0] += hi(mv.rate) }
        let maxLevelOut = levelOut.values.max() ?? 0
        for (k, s) in sectors.items.enumerated() {
            let sectorOut = sectorMoves.filter { $0.from == s.id }.reduce(0) { $0 + hi($1.rate) }
            for a in ages.items {
                let total = hi(a.outflowRate) * hi(s.outflowFactor) + 1 / Double(a.width) + sectorOut + maxLevelOut
                guard total > 1 + 1e-9 else { continue }
                let shown = WorkforceScenarioCodec.text((total * 1000).rounded() / 1000)
                fail(
                    "uitstroom, vergrijzing en doorstroom uit sector \"\(s.id)\", "
                        + "leeftijdsklasse \"\(a.id)\" zijn samen "
                        + "\(shown) per jaar; dat is meer dan 1",
                    sectors.nodes.indices.contains(k) ? sectors.nodes[k] : sn,
                    "$.sectors[\(k)]")
            }
        }
    }
}
