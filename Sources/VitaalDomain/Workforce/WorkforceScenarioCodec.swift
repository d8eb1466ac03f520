import Foundation

/// Reads and writes workforce scenario files (JSON, format in `docs/workforce-model.md`).
/// Every problem is reported with the JSON path (e.g. `$.sectors[2].vacancyRate`) and its line.
public enum WorkforceScenarioCodec {
    /// Parses and validates a scenario. Throws a `VitaalError` (`invalidInput`) listing every problem.
    public static func decode(_ text: String, file: String? = nil) throws -> WorkforceScenario {
        let root = try PositionedJSON.parse(text, file: file)
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

    /// Pretty JSON with sorted keys, stable for saving and versioning.
    public static func encode(_ s: WorkforceScenario) -> String {
        typealias N = JSONWriter.Node
        func p(_ x: WorkforceParameter) -> N {
            if x.range == nil, x.assumption == nil, x.source == nil { return .number(x.value) }
            var m: [(String, N)] = [("value", .number(x.value))]
            if let r = x.range { m.append(("range", .array([.number(r.low), .number(r.high)]))) }
            if let a = x.assumption { m.append(("assumption", .string(a))) }
            if let src = x.source { m.append(("source", .string(src))) }
            return .object(m)
        }
        func ps(_ xs: [WorkforceParameter]) -> N { .array(xs.map(p)) }
        func move(_ m: WorkforceMove) -> N { .object([("from", .string(m.from)), ("to", .string(m.to)), ("rate", p(m.rate))]) }
        let root: N = .object([
            ("id", .string(s.id)), ("name", .string(s.name)), ("description", .string(s.description)),
            ("baseYear", .number(Double(s.baseYear))), ("horizon", .number(Double(s.horizon))),
            ("populationBands", .array(s.populationBands.map { .object([("id", .string($0.id)), ("name", .string($0.name))]) })),
            ("sectors", .array(s.sectors.map { x in
                .object([("id", .string(x.id)), ("name", .string(x.name)), ("fteFactor", p(x.fteFactor)),
                         ("vacancyRate", p(x.vacancyRate)), ("outflowFactor", p(x.outflowFactor)),
                         ("graduateShare", p(x.graduateShare)), ("sideEntrants", p(x.sideEntrants)),
                         ("returners", p(x.returners)), ("levelShares", ps(x.levelShares)), ("ageShares", ps(x.ageShares)),
                         ("careUse", ps(x.careUse)), ("receivesTaskShift", .bool(x.receivesTaskShift))])
            })),
            ("levels", .array(s.levels.map { .object([("id", .string($0.id)), ("name", .string($0.name)), ("graduates", p($0.graduates))]) })),
            ("ageBands", .array(s.ageBands.map {
                .object([("id", .string($0.id)), ("fromAge", .number(Double($0.fromAge))), ("toAge", .number(Double($0.toAge))),
                         ("outflowRate", p($0.outflowRate)), ("lateralEntryShare", p($0.lateralEntryShare))])
            })),
            ("regions", .array(s.regions.map {
                .object([("id", .string($0.id)), ("name", .string($0.name)), ("population", ps($0.population)),
                         ("populationGrowth", ps($0.populationGrowth))])
            })),
            ("stock", .array(s.stock.map { .object([("sector", .string($0.sector)), ("region", .string($0.region)), ("persons", p($0.persons))]) })),
            ("sectorMoves", .array(s.sectorMoves.map(move))),
            ("levelMoves", .array(s.levelMoves.map(move))),
            ("extraDemandGrowth", p(s.extraDemandGrowth)), ("fteTrend", p(s.fteTrend)),
            ("taskShiftAbsorption", p(s.taskShiftAbsorption)),
            ("levers", .object(WorkforceLevers.ids.map { ($0, p(s.levers[$0])) })),
            ("monteCarlo", .object([("runs", .number(Double(s.monteCarloRuns))), ("seed", .number(Double(s.seed)))])),
        ])
        return JSONWriter.write(root)
    }

    // MARK: - Validating reader

    /// What a numeric parameter may be.
    enum Kind {
        case rate              // 0...1
        case positiveRate      // (0, 1]
        case nonNegative       // >= 0
        case growth            // > -1 and <= 1
        case lever(WorkforceLeverDefinition)
    }

    struct Reader {
        let file: String?
        var problems = ProblemCollector()

        init(file: String?) { self.file = file }

        func loc(_ node: PositionedJSON, _ path: String) -> SourceLocation {
            let field = path.split(separator: ".").last.map { String($0.split(separator: "[").first ?? $0) }
            return SourceLocation(file: file, line: node.line, column: node.column, field: field, element: path)
        }

        mutating func fail(_ message: String, _ node: PositionedJSON, _ path: String) {
            problems.add(message, at: loc(node, path))
        }

        /// Object members by key; reports unknown and missing required keys.
        mutating func object(_ node: PositionedJSON, _ path: String, required: [String], optional: [String] = []) -> [String: PositionedJSON]? {
            guard case .object(let members) = node.value else {
                fail("moet een object zijn, maar is \(node.typeName)", node, path); return nil
            }
            let allowed = Set(required + optional)
            var out: [String: PositionedJSON] = [:]
            for m in members {
                if allowed.contains(m.key) { out[m.key] = m.value; continue }
                let at = SourceLocation(file: file, line: m.line, column: m.column, field: m.key, element: "\(path).\(m.key)")
                problems.add("onbekend veld \"\(m.key)\" (toegestaan: \(allowed.sorted().joined(separator: ", ")))", at: at)
            }
            for key in required where out[key] == nil {
                fail("verplicht veld \"\(key)\" ontbreekt", node, path)
            }
            return out
        }

        mutating func string(_ node: PositionedJSON?, _ path: String, nonEmpty: Bool = true) -> String? {
            guard let node else { return nil }
            guard case .string(let s) = node.value else { fail("moet tekst zijn, maar is \(node.typeName)", node, path); return nil }
            if nonEmpty, s.trimmingCharacters(in: .whitespaces).isEmpty { fail("mag niet leeg zijn", node, path); return nil }
            return s
        }

        mutating func int(_ node: PositionedJSON?, _ path: String, min: Int, max: Int) -> Int? {
            guard let node else { return nil }
            guard case .number(let v) = node.value else { fail("moet een geheel getal zijn, maar is \(node.typeName)", node, path); return nil }
            guard v == v.rounded(), abs(v) < 9e15 else { fail("moet een geheel getal zijn, maar is \(JSONWriter.formatNumber(v))", node, path); return nil }
            guard v >= Double(min), v <= Double(max) else { fail("moet tussen \(min) en \(max) liggen, maar is \(Int64(v))", node, path); return nil }
            return Int(v)
        }

        mutating func bool(_ node: PositionedJSON?, _ path: String) -> Bool? {
            guard let node else { return nil }
            guard case .bool(let b) = node.value else { fail("moet true of false zijn, maar is \(node.typeName)", node, path); return nil }
            return b
        }

        mutating func array(_ node: PositionedJSON?, _ path: String, nonEmpty: Bool = false, count: Int? = nil) -> [PositionedJSON]? {
            guard let node else { return nil }
            guard case .array(let items) = node.value else { fail("moet een lijst zijn, maar is \(node.typeName)", node, path); return nil }
            if nonEmpty, items.isEmpty { fail("lijst mag niet leeg zijn", node, path); return nil }
            if let count, items.count != count { fail("moet \(count) waarde(n) bevatten, maar bevat er \(items.count)", node, path); return nil }
            return items
        }

        func describe(_ kind: Kind) -> (ClosedRange<Double>?, String) {
            switch kind {
            case .rate: return (0...1, "moet een fractie tussen 0 en 1 zijn")
            case .positiveRate: return (Double.leastNonzeroMagnitude...1, "moet groter dan 0 en hoogstens 1 zijn")
            case .nonNegative: return (0...Double.greatestFiniteMagnitude, "mag niet negatief zijn")
            case .growth: return (-0.999999...1, "moet een jaarlijkse groei tussen -1 en 1 zijn")
            case .lever(let d): return (d.min...d.max, "moet tussen \(JSONWriter.formatNumber(d.min)) en \(JSONWriter.formatNumber(d.max)) liggen")
            }
        }

        mutating func param(_ node: PositionedJSON?, _ path: String, _ kind: Kind) -> WorkforceParameter? {
            guard let node else { return nil }
            let (allowed, rule) = describe(kind)
            func check(_ v: Double, _ at: PositionedJSON, _ p: String, _ r: inout Reader) -> Bool {
                if let allowed, !allowed.contains(v) { r.fail("\(rule), maar is \(JSONWriter.formatNumber(v))", at, p); return false }
                return true
            }
            switch node.value {
            case .number(let v):
                return check(v, node, path, &self) ? WorkforceParameter(v) : nil
            case .object:
                guard let m = object(node, path, required: ["value"], optional: ["range", "assumption", "source"]) else { return nil }
                var ok = true
                var value = 0.0
                if let vn = m["value"] {
                    if case .number(let v) = vn.value { value = v; ok = check(v, vn, path + ".value", &self) && ok }
                    else { fail("moet een getal zijn, maar is \(vn.typeName)", vn, path + ".value"); ok = false }
                } else { ok = false }
                var range: WorkforceParameter.Range?
                if let rn = m["range"] {
                    if let items = array(rn, path + ".range", count: 2) {
                        var bounds: [Double] = []
                        for (k, item) in items.enumerated() {
                            if case .number(let b) = item.value {
                                if check(b, item, "\(path).range[\(k)]", &self) { bounds.append(b) } else { ok = false }
                            } else { fail("moet een getal zijn, maar is \(item.typeName)", item, "\(path).range[\(k)]"); ok = false }
                        }
                        if bounds.count == 2 {
                            if bounds[0] > bounds[1] {
                                fail("ondergrens \(JSONWriter.formatNumber(bounds[0])) is groter dan bovengrens \(JSONWriter.formatNumber(bounds[1]))", rn, path + ".range")
                                ok = false
                            } else if ok, value < bounds[0] || value > bounds[1] {
                                fail("waarde \(JSONWriter.formatNumber(value)) ligt buiten de bandbreedte [\(JSONWriter.formatNumber(bounds[0])), \(JSONWriter.formatNumber(bounds[1]))]", rn, path + ".range")
                                ok = false
                            } else { range = .init(bounds[0], bounds[1]) }
                        }
                    } else { ok = false }
                }
                let assumption = string(m["assumption"], path + ".assumption")
                let source = string(m["source"], path + ".source")
                if m["assumption"] != nil, assumption == nil { ok = false }
                if m["source"] != nil, source == nil { ok = false }
                return ok ? WorkforceParameter(value, range: range, assumption: assumption, source: source) : nil
            default:
                fail("moet een getal of een object {\"value\", \"range\", \"assumption\", \"source\"} zijn, maar is \(node.typeName)", node, path)
                return nil
            }
        }

        mutating func params(_ node: PositionedJSON?, _ path: String, _ kind: Kind, count: Int?) -> [WorkforceParameter]? {
            guard let items = array(node, path, count: count) else { return nil }
            var out: [WorkforceParameter] = []
            var ok = true
            for (k, item) in items.enumerated() {
                if let v = param(item, "\(path)[\(k)]", kind) { out.append(v) } else { ok = false }
            }
            return ok ? out : nil
        }

        mutating func sharesSumToOne(_ xs: [WorkforceParameter]?, _ node: PositionedJSON?, _ path: String) {
            guard let xs, let node, !xs.isEmpty else { return }
            let sum = xs.reduce(0) { $0 + $1.value }
            if abs(sum - 1) > 0.001 { fail("aandelen moeten samen 1 zijn, maar tellen op tot \(JSONWriter.formatNumber((sum * 10000).rounded() / 10000))", node, path) }
        }

        mutating func ids<T>(_ items: [T], id: (T) -> String, nodes: [PositionedJSON], _ path: String) -> [String: Int] {
            var index: [String: Int] = [:]
            for (k, item) in items.enumerated() {
                let key = id(item)
                if index[key] != nil, k < nodes.count { fail("id \"\(key)\" komt meer dan eens voor", nodes[k], "\(path)[\(k)].id") }
                else { index[key] = k }
            }
            return index
        }

        // swiftlint:disable:next function_body_length
        mutating func scenario(_ root: PositionedJSON) -> WorkforceScenario? {
            guard let m = object(root, "$", required: ["id", "name", "baseYear", "populationBands", "sectors", "levels", "ageBands", "regions", "stock"],
                                 optional: ["description", "horizon", "sectorMoves", "levelMoves", "extraDemandGrowth", "fteTrend",
                                            "taskShiftAbsorption", "levers", "monteCarlo"]) else { return nil }
            let id = string(m["id"], "$.id")
            let name = string(m["name"], "$.name")
            let description = m["description"] == nil ? "" : string(m["description"], "$.description", nonEmpty: false)
            let baseYear = int(m["baseYear"], "$.baseYear", min: 1900, max: 2200)
            var horizon: Int? = 2040
            if let hn = m["horizon"] {
                horizon = int(hn, "$.horizon", min: 1900, max: 2300)
                if let h = horizon, let b = baseYear {
                    if h < b { fail("horizon \(h) ligt vóór het basisjaar \(b)", hn, "$.horizon"); horizon = nil }
                    else if h - b > 100 { fail("horizon ligt meer dan 100 jaar na het basisjaar", hn, "$.horizon"); horizon = nil }
                }
            } else if let b = baseYear, b > 2040 {
                fail("basisjaar \(b) ligt na de standaardhorizon 2040; geef \"horizon\" op", root, "$.baseYear"); horizon = nil
            }

            // Dimensions first, because sector arrays are sized by them.
            let popNodes = array(m["populationBands"], "$.populationBands", nonEmpty: true) ?? []
            var popBands: [WorkforcePopulationBand] = []
            for (k, n) in popNodes.enumerated() {
                let p = "$.populationBands[\(k)]"
                guard let o = object(n, p, required: ["id", "name"]) else { continue }
                if let i = string(o["id"], p + ".id"), let nm = string(o["name"], p + ".name") { popBands.append(.init(id: i, name: nm)) }
            }
            let levelNodes = array(m["levels"], "$.levels", nonEmpty: true) ?? []
            var levels: [WorkforceLevel] = []
            for (k, n) in levelNodes.enumerated() {
                let p = "$.levels[\(k)]"
                guard let o = object(n, p, required: ["id", "name", "graduates"]) else { continue }
                let i = string(o["id"], p + ".id"), nm = string(o["name"], p + ".name")
                let g = param(o["graduates"], p + ".graduates", .nonNegative)
                if let i, let nm, let g { levels.append(.init(id: i, name: nm, graduates: g)) }
            }
            let ageNodes = array(m["ageBands"], "$.ageBands", nonEmpty: true) ?? []
            var ages: [WorkforceAgeBand] = []
            for (k, n) in ageNodes.enumerated() {
                let p = "$.ageBands[\(k)]"
                guard let o = object(n, p, required: ["id", "fromAge", "toAge", "outflowRate", "lateralEntryShare"]) else { continue }
                let i = string(o["id"], p + ".id")
                let from = int(o["fromAge"], p + ".fromAge", min: 0, max: 120)
                var to = int(o["toAge"], p + ".toAge", min: 0, max: 120)
                if let f = from, let t = to, t < f, let tn = o["toAge"] { fail("toAge \(t) is kleiner dan fromAge \(f)", tn, p + ".toAge"); to = nil }
                if let f = from, let prev = ages.last, prev.toAge + 1 != f, let fn = o["fromAge"] {
                    fail("leeftijdsklassen moeten aansluiten: verwacht fromAge \(prev.toAge + 1), maar is \(f)", fn, p + ".fromAge")
                }
                let out = param(o["outflowRate"], p + ".outflowRate", .rate)
                let lat = param(o["lateralEntryShare"], p + ".lateralEntryShare", .rate)
                if let i, let from, let to, let out, let lat {
                    ages.append(.init(id: i, fromAge: from, toAge: to, outflowRate: out, lateralEntryShare: lat))
                }
            }
            if ages.count == ageNodes.count, let node = m["ageBands"] { sharesSumToOne(ages.map(\.lateralEntryShare), node, "$.ageBands[*].lateralEntryShare") }

            let regionNodes = array(m["regions"], "$.regions", nonEmpty: true) ?? []
            var regions: [WorkforceRegion] = []
            for (k, n) in regionNodes.enumerated() {
                let p = "$.regions[\(k)]"
                guard let o = object(n, p, required: ["id", "name", "population", "populationGrowth"]) else { continue }
                let i = string(o["id"], p + ".id"), nm = string(o["name"], p + ".name")
                let pop = params(o["population"], p + ".population", .nonNegative, count: popNodes.count)
                let gr = params(o["populationGrowth"], p + ".populationGrowth", .growth, count: popNodes.count)
                if let i, let nm, let pop, let gr { regions.append(.init(id: i, name: nm, population: pop, populationGrowth: gr)) }
            }

            let sectorNodes = array(m["sectors"], "$.sectors", nonEmpty: true) ?? []
            var sectors: [WorkforceSector] = []
            for (k, n) in sectorNodes.enumerated() {
                let p = "$.sectors[\(k)]"
                guard let o = object(n, p, required: ["id", "name", "fteFactor", "vacancyRate", "graduateShare", "sideEntrants", "returners",
                                                     "levelShares", "ageShares", "careUse"],
                                     optional: ["outflowFactor", "receivesTaskShift"]) else { continue }
                let i = string(o["id"], p + ".id"), nm = string(o["name"], p + ".name")
                let fte = param(o["fteFactor"], p + ".fteFactor", .positiveRate)
                let vac = param(o["vacancyRate"], p + ".vacancyRate", .rate)
                let of = o["outflowFactor"] == nil ? WorkforceParameter(1) : param(o["outflowFactor"], p + ".outflowFactor", .nonNegative)
                let gs = param(o["graduateShare"], p + ".graduateShare", .rate)
                let se = param(o["sideEntrants"], p + ".sideEntrants", .nonNegative)
                let rt = param(o["returners"], p + ".returners", .nonNegative)
                let ls = params(o["levelShares"], p + ".levelShares", .rate, count: levelNodes.count)
                let asx = params(o["ageShares"], p + ".ageShares", .rate, count: ageNodes.count)
                let cu = params(o["careUse"], p + ".careUse", .nonNegative, count: popNodes.count)
                sharesSumToOne(ls, o["levelShares"], p + ".levelShares")
                sharesSumToOne(asx, o["ageShares"], p + ".ageShares")
                let rts = o["receivesTaskShift"] == nil ? false : bool(o["receivesTaskShift"], p + ".receivesTaskShift")
                if let i, let nm, let fte, let vac, let of, let gs, let se, let rt, let ls, let asx, let cu, let rts {
                    sectors.append(.init(id: i, name: nm, fteFactor: fte, vacancyRate: vac, outflowFactor: of, graduateShare: gs,
                                         sideEntrants: se, returners: rt, levelShares: ls, ageShares: asx, careUse: cu, receivesTaskShift: rts))
                }
            }
            if sectors.count == sectorNodes.count, let node = m["sectors"] {
                let sum = sectors.reduce(0) { $0 + $1.graduateShare.value }
                if sum > 1.0005 { fail("graduateShare over alle sectoren telt op tot \(JSONWriter.formatNumber((sum * 1000).rounded() / 1000)), hoogstens 1 toegestaan", node, "$.sectors[*].graduateShare") }
            }
            let sectorIndex = ids(sectors, id: \.id, nodes: sectorNodes, "$.sectors")
            let levelIndex = ids(levels, id: \.id, nodes: levelNodes, "$.levels")
            _ = ids(ages, id: \.id, nodes: ageNodes, "$.ageBands")
            let regionIndex = ids(regions, id: \.id, nodes: regionNodes, "$.regions")
            _ = ids(popBands, id: \.id, nodes: popNodes, "$.populationBands")

            let stockNodes = array(m["stock"], "$.stock", nonEmpty: true) ?? []
            var stock: [WorkforceStock] = []
            var seenCells = Set<String>()
            for (k, n) in stockNodes.enumerated() {
                let p = "$.stock[\(k)]"
                guard let o = object(n, p, required: ["sector", "region", "persons"]) else { continue }
                let s = string(o["sector"], p + ".sector"), r = string(o["region"], p + ".region")
                let persons = param(o["persons"], p + ".persons", .nonNegative)
                if let s, sectorIndex[s] == nil, sectors.count == sectorNodes.count, let sn = o["sector"] { fail("onbekende sector \"\(s)\"", sn, p + ".sector") }
                if let r, regionIndex[r] == nil, regions.count == regionNodes.count, let rn = o["region"] { fail("onbekende regio \"\(r)\"", rn, p + ".region") }
                if let s, let r, !seenCells.insert(s + "\u{1}" + r).inserted { fail("sector \"\(s)\" in regio \"\(r)\" staat er meer dan eens in", n, p) }
                if let s, let r, let persons { stock.append(.init(sector: s, region: r, persons: persons)) }
            }

            func moves(_ key: String, _ index: [String: Int], _ what: String, _ r: inout Reader) -> [WorkforceMove] {
                guard let node = m[key] else { return [] }
                var out: [WorkforceMove] = []
                for (k, n) in (r.array(node, "$.\(key)") ?? []).enumerated() {
                    let p = "$.\(key)[\(k)]"
                    guard let o = r.object(n, p, required: ["from", "to", "rate"]) else { continue }
                    let f = r.string(o["from"], p + ".from"), t = r.string(o["to"], p + ".to")
                    let rate = r.param(o["rate"], p + ".rate", .rate)
                    if let f, index[f] == nil, let fn = o["from"] { r.fail("onbekende \(what) \"\(f)\"", fn, p + ".from") }
                    if let t, index[t] == nil, let tn = o["to"] { r.fail("onbekende \(what) \"\(t)\"", tn, p + ".to") }
                    if let f, let t, f == t, let tn = o["to"] { r.fail("van en naar zijn gelijk (\"\(f)\")", tn, p + ".to") }
                    if let f, let t, let rate { out.append(.init(from: f, to: t, rate: rate)) }
                }
                return out
            }
            let sectorMoves = moves("sectorMoves", sectorIndex, "sector", &self)
            let levelMoves = moves("levelMoves", levelIndex, "niveau", &self)

            let extra = m["extraDemandGrowth"] == nil ? WorkforceParameter(0) : param(m["extraDemandGrowth"], "$.extraDemandGrowth", .growth)
            let fteTrend = m["fteTrend"] == nil ? WorkforceParameter(0) : param(m["fteTrend"], "$.fteTrend", .growth)
            let absorption = m["taskShiftAbsorption"] == nil ? WorkforceParameter(0.5) : param(m["taskShiftAbsorption"], "$.taskShiftAbsorption", .rate)

            var levers: WorkforceLevers? = WorkforceLevers()
            if let ln = m["levers"], let lo = object(ln, "$.levers", required: [], optional: WorkforceLevers.ids) {
                for def in WorkforceLevers.catalogue {
                    guard let node = lo[def.id] else { levers?[def.id] = WorkforceParameter(def.defaultValue); continue }
                    if let v = param(node, "$.levers.\(def.id)", .lever(def)) { levers?[def.id] = v } else { levers = nil }
                }
            } else if m["levers"] != nil { levers = nil }

            var runs: Int? = 1000
            var seed: UInt64? = 2024
            if let mn = m["monteCarlo"] {
                if let mo = object(mn, "$.monteCarlo", required: [], optional: ["runs", "seed"]) {
                    if let rn = mo["runs"] { runs = int(rn, "$.monteCarlo.runs", min: 1, max: 1_000_000) }
                    if let sn = mo["seed"] { seed = int(sn, "$.monteCarlo.seed", min: 0, max: Int(Int32.max) * 1024).map { UInt64($0) } }
                } else { runs = nil }
            }

            // Cross-field check: the shares leaving one cell in a year may not exceed 1.
            if sectors.count == sectorNodes.count, ages.count == ageNodes.count, levels.count == levelNodes.count, let sn = m["sectors"] {
                func hi(_ p: WorkforceParameter) -> Double { p.range?.high ?? p.value }
                var levelOut = [String: Double]()
                for mv in levelMoves { levelOut[mv.from, default: 0] += hi(mv.rate) }
                let maxLevelOut = levelOut.values.max() ?? 0
                for (k, s) in sectors.enumerated() {
                    let sectorOut = sectorMoves.filter { $0.from == s.id }.reduce(0) { $0 + hi($1.rate) }
                    for a in ages {
                        let total = hi(a.outflowRate) * hi(s.outflowFactor) + 1 / Double(a.width) + sectorOut + maxLevelOut
                        if total > 1 + 1e-9 {
                            fail("uitstroom, vergrijzing en doorstroom uit sector \"\(s.id)\", leeftijdsklasse \"\(a.id)\" zijn samen \(JSONWriter.formatNumber((total * 1000).rounded() / 1000)) per jaar; dat is meer dan 1",
                                 sectorNodes.indices.contains(k) ? sectorNodes[k] : sn, "$.sectors[\(k)]")
                        }
                    }
                }
            }

            guard let id, let name, let description, let baseYear, let horizon, let extra, let fteTrend, let absorption,
                  let levers, let runs, let seed, problems.isEmpty else { return nil }
            return WorkforceScenario(id: id, name: name, description: description, baseYear: baseYear, horizon: horizon,
                                     populationBands: popBands, sectors: sectors, levels: levels, ageBands: ages, regions: regions,
                                     stock: stock, sectorMoves: sectorMoves, levelMoves: levelMoves, extraDemandGrowth: extra,
                                     fteTrend: fteTrend, taskShiftAbsorption: absorption, levers: levers, monteCarloRuns: runs, seed: seed)
        }
    }
}
