import Foundation

/// Percentiles over Monte Carlo runs.
public struct WorkforceBand: Sendable, Hashable, Codable {
    public var p5: Double
    public var p50: Double
    public var p95: Double
    public var mean: Double
}

public struct WorkforceUncertaintyYear: Sendable, Hashable, Codable {
    public var year: Int
    public var supplyPersons: WorkforceBand
    public var demandPersons: WorkforceBand
    public var shortagePersons: WorkforceBand
    public var shortageFTE: WorkforceBand
    /// Shortage as a fraction of demand (persons).
    public var shortageRate: WorkforceBand
}

/// Uncertainty bands for the whole region from Monte Carlo runs over every parameter with a range.
public struct WorkforceUncertainty: Sendable, Hashable, Codable {
    public var runs: Int
    public var seed: UInt64
    public var uncertainParameters: Int
    public var years: [WorkforceUncertaintyYear]
}

/// Effect of pushing one lever by its `sensitivityStep` on the shortage in the chosen year.
public struct WorkforceLeverEffect: Sendable, Hashable, Codable {
    public var id: String
    public var label: String
    public var unit: String
    public var fromValue: Double
    public var toValue: Double
    public var shortagePersons: Double
    /// Reduction of the shortage (persons) compared with the scenario as it is.
    public var gapClosedPersons: Double
    /// `gapClosedPersons` as a fraction of the scenario's shortage (0 if there is no shortage).
    public var gapClosedShare: Double
}

public struct WorkforceSensitivity: Sendable, Hashable, Codable {
    public var year: Int
    public var baselineShortagePersons: Double
    /// Most effective lever first.
    public var levers: [WorkforceLeverEffect]
}

public struct WorkforceComparison: Sendable, Hashable, Codable {
    public struct Year: Sendable, Hashable, Codable {
        public var year: Int
        /// Totals, in the order of `scenarioIds`.
        public var totals: [WorkforceFigures]
    }
    public var scenarioIds: [String]
    public var scenarioNames: [String]
    public var years: [Year]
}

/// Holds run results written concurrently by disjoint index ranges.
private final class RunResults: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<Double>
    let count: Int
    init(count: Int) {
        self.count = count
        pointer = .allocate(capacity: count)
        pointer.initialize(repeating: 0, count: count)
    }
    deinit { pointer.deallocate() }
}

extension WorkforceEngine {
    static let metricsPerYear = 5  // supply, demand, shortage persons, shortage FTE, shortage rate

    /// Monte Carlo over all parameters with a range (triangular: low, value, high). Run i uses the
    /// generator seeded with `seed + i`, so results do not depend on thread count or scheduling.
    public static func monteCarlo(
        _ scenario: WorkforceScenario, runs: Int? = nil, seed: UInt64? = nil,
        threads: Int? = nil
    ) throws -> WorkforceUncertainty {
        try WorkforceScenarioCodec.validate(scenario)
        let runCount = runs ?? scenario.monteCarloRuns
        guard runCount >= 1 else {
            throw VitaalError.invalid("aantal Monte Carlo-runs moet minstens 1 zijn", at: SourceLocation(field: "runs"))
        }
        let baseSeed = seed ?? scenario.seed
        let T = scenario.horizon - scenario.baseYear + 1
        let M = metricsPerYear
        let results = RunResults(count: runCount * T * M)
        let workers = max(1, min(threads ?? ProcessInfo.processInfo.activeProcessorCount, runCount))
        let chunk = (runCount + workers - 1) / workers
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            let start = w * chunk
            let end = min(runCount, start + chunk)
            guard start < end else { return }
            var model = CompiledWorkforceModel()
            var cur: [Double] = []
            var next: [Double] = []
            var supplyPerSector: [Double] = []
            for run in start..<end {
                var rng: Xoshiro256StarStar? = Xoshiro256StarStar(seed: baseSeed &+ UInt64(run))
                model.load(scenario, rng: &rng)
                let n = model.cells
                let S = model.S
                let L = model.L
                let A = model.A
                let R = model.R
                if cur.count != n {
                    cur = [Double](repeating: 0, count: n)
                    next = cur
                }
                for c in 0..<n { cur[c] = model.initial[c] }
                if supplyPerSector.count != S { supplyPerSector = [Double](repeating: 0, count: S) }
                let out = results.pointer + run * T * M
                for t in 0..<T {
                    for s in 0..<S { supplyPerSector[s] = 0 }
                    var k = 0
                    for _ in 0..<R {
                        for s in 0..<S {
                            for _ in 0..<L {
                                for _ in 0..<A {
                                    supplyPerSector[s] += cur[k]
                                    k += 1
                                }
                            }
                        }
                    }
                    var sp = 0.0
                    var sf = 0.0
                    let scale = pow(1 + model.fteTrend, Double(t))
                    for s in 0..<S {
                        sp += supplyPerSector[s]
                        sf += supplyPerSector[s] * model.fte[s] * scale
                    }
                    var dp = 0.0
                    var df = 0.0
                    let base = t * R * S * L
                    for r in 0..<R {
                        for s in 0..<S {
                            for l in 0..<L {
                                let d = model.demandFTE[base + (r * S + s) * L + l]
                                df += d
                                dp += d / model.fte[s]
                            }
                        }
                    }
                    out[t * M] = sp
                    out[t * M + 1] = dp
                    out[t * M + 2] = dp - sp
                    out[t * M + 3] = df - sf
                    out[t * M + 4] = dp > 0 ? (dp - sp) / dp : 0
                    if t + 1 < T {
                        _ = cur.withUnsafeMutableBufferPointer { c in
                            next.withUnsafeMutableBufferPointer { nx in model.step(c, nx) }
                        }
                        swap(&cur, &next)
                    }
                }
            }
        }
        var years: [WorkforceUncertaintyYear] = []
        var column = [Double](repeating: 0, count: runCount)
        func band(_ t: Int, _ m: Int) -> WorkforceBand {
            var sum = 0.0
            for run in 0..<runCount {
                column[run] = results.pointer[(run * T + t) * M + m]
                sum += column[run]
            }
            column.sort()
            return WorkforceBand(
                p5: percentile(column, 0.05), p50: percentile(column, 0.5), p95: percentile(column, 0.95),
                mean: sum / Double(runCount))
        }
        for t in 0..<T {
            years.append(
                WorkforceUncertaintyYear(
                    year: scenario.baseYear + t, supplyPersons: band(t, 0), demandPersons: band(t, 1),
                    shortagePersons: band(t, 2), shortageFTE: band(t, 3), shortageRate: band(t, 4)))
        }
        return WorkforceUncertainty(
            runs: runCount, seed: baseSeed, uncertainParameters: uncertainParameterCount(scenario), years: years)
    }

    /// Linear interpolation between order statistics (type 7) on sorted values.
    static func percentile(_ sorted: [Double], _ q: Double) -> Double {
        guard sorted.count > 1 else { return sorted.first ?? 0 }
        let h = Double(sorted.count - 1) * q
        let lo = Int(h.rounded(.down))
        let hi = min(sorted.count - 1, lo + 1)
        return sorted[lo] + (h - Double(lo)) * (sorted[hi] - sorted[lo])
    }

    static func uncertainParameterCount(_ s: WorkforceScenario) -> Int {
        var ps: [WorkforceParameter] = [s.extraDemandGrowth, s.fteTrend, s.taskShiftAbsorption]
        ps += WorkforceLevers.ids.map { s.levers[$0] }
        for x in s.sectors {
            ps +=
                [x.fteFactor, x.vacancyRate, x.outflowFactor, x.graduateShare, x.sideEntrants, x.returners]
                + x.levelShares + x.ageShares + x.careUse
        }
        for x in s.levels { ps.append(x.graduates) }
        for x in s.ageBands { ps += [x.outflowRate, x.lateralEntryShare] }
        for x in s.regions { ps += x.population + x.populationGrowth }
        ps += s.stock.map(\.persons) + s.sectorMoves.map(\.rate) + s.levelMoves.map(\.rate)
        return ps.filter(\.isUncertain).count
    }

    /// Ranks the levers by how much of the shortage in `year` (default: horizon) one `sensitivityStep` closes.
    public static func sensitivity(_ scenario: WorkforceScenario, year: Int? = nil) throws -> WorkforceSensitivity {
        let y = year ?? scenario.horizon
        guard scenario.years.contains(y) else {
            throw VitaalError.invalid(
                "jaar \(y) ligt buiten \(scenario.baseYear)–\(scenario.horizon)", at: SourceLocation(field: "year"))
        }
        let baseline = try project(scenario).year(y)!.total.shortagePersons
        var effects: [WorkforceLeverEffect] = []
        for def in WorkforceLevers.catalogue {
            var s = scenario
            var p = s.levers[def.id]
            let from = p.value
            p.value = min(def.max, from + def.sensitivityStep)
            if let r = p.range { p.range = .init(min(r.low, p.value), max(r.high, p.value)) }
            s.levers[def.id] = p
            let shortage = try project(s).year(y)!.total.shortagePersons
            let closed = baseline - shortage
            effects.append(
                WorkforceLeverEffect(
                    id: def.id, label: def.label, unit: def.unit, fromValue: from, toValue: p.value,
                    shortagePersons: shortage, gapClosedPersons: closed,
                    gapClosedShare: baseline > 0 ? closed / baseline : 0))
        }
        effects.sort {
            $0.gapClosedPersons != $1.gapClosedPersons ? $0.gapClosedPersons > $1.gapClosedPersons : $0.id < $1.id
        }
        return WorkforceSensitivity(year: y, baselineShortagePersons: baseline, levers: effects)
    }

    /// Totals of several scenarios side by side, for the years all of them cover.
    public static func compare(_ scenarios: [WorkforceScenario]) throws -> WorkforceComparison {
        guard !scenarios.isEmpty else { throw VitaalError.invalid("geen scenario's om te vergelijken") }
        let projections = try scenarios.map(project)
        let first = projections.map(\.baseYear).max()!
        let last = projections.map(\.horizon).min()!
        var years: [WorkforceComparison.Year] = []
        if first <= last {
            for y in first...last { years.append(.init(year: y, totals: projections.map { $0.year(y)!.total })) }
        }
        return WorkforceComparison(scenarioIds: scenarios.map(\.id), scenarioNames: scenarios.map(\.name), years: years)
    }
}

/// Plain-language Dutch summaries of a projection.
public enum WorkforceSummary {
    /// Dutch number with thousands dots, rounded to `decimals` (e.g. 3500 → "3.500", 7.8 → "7,8").
    public static func number(_ v: Double, decimals: Int = 0) -> String {
        let scale = (0..<max(0, decimals)).reduce(1.0) { acc, _ in acc * 10 }
        let scaled = (abs(v) * scale).rounded()
        let negative = v < 0 && scaled > 0
        let whole = Int64(scaled / scale)
        let fraction = Int64(scaled - Double(whole) * scale)
        var digits = String(whole)
        var grouped = ""
        while digits.count > 3 {
            grouped = "." + digits.suffix(3) + grouped
            digits = String(digits.dropLast(3))
        }
        grouped = digits + grouped
        if decimals > 0 {
            let f = String(fraction)
            grouped += "," + String(repeating: "0", count: decimals - f.count) + f
        }
        return (negative ? "-" : "") + grouped
    }

    /// Persons rounded to tens, e.g. "3.500".
    static func persons(_ v: Double) -> String { number((abs(v) / 10).rounded() * 10) }
    static func percent(_ fraction: Double) -> String { number(abs(fraction) * 100, decimals: 1) + " %" }

    /// E.g. "In 2032 tekort van 3.500 personen (7,8 %) aan zorg- en welzijnsmedewerkers; grootste tekort in de VVT: …".
    public static func text(_ projection: WorkforceProjection, year: Int? = nil) -> String {
        guard let y = projection.year(year ?? projection.horizon) ?? projection.years.last else {
            return "Geen resultaten."
        }
        var parts: [String] = []
        let t = y.total
        if t.shortagePersons >= 0.5 {
            parts.append(
                "In \(y.year) tekort van \(persons(t.shortagePersons)) personen (\(percent(t.shortageRate))) aan zorg- en welzijnsmedewerkers: \(persons(t.demandPersons)) nodig, \(persons(t.supplyPersons)) beschikbaar"
            )
        } else if t.shortagePersons <= -0.5 {
            parts.append(
                "In \(y.year) overschot van \(persons(t.shortagePersons)) personen (\(percent(t.shortageRate))) aan zorg- en welzijnsmedewerkers: \(persons(t.demandPersons)) nodig, \(persons(t.supplyPersons)) beschikbaar"
            )
        } else {
            parts.append(
                "In \(y.year) zijn vraag en aanbod van zorg- en welzijnsmedewerkers in evenwicht (\(persons(t.demandPersons)) personen)"
            )
        }
        if let worst = y.sectors.max(by: { $0.figures.shortagePersons < $1.figures.shortagePersons }),
            worst.figures.shortagePersons >= 0.5
        {
            parts[0] +=
                "; grootste tekort in de sector \(worst.name): \(persons(worst.figures.shortagePersons)) personen (\(percent(worst.figures.shortageRate)))"
        }
        if let rel = y.sectors.max(by: { $0.figures.shortageRate < $1.figures.shortageRate }),
            rel.figures.shortageRate > 0,
            rel.id != y.sectors.max(by: { $0.figures.shortagePersons < $1.figures.shortagePersons })?.id
        {
            parts.append(
                "Relatief is het tekort het grootst in de sector \(rel.name) (\(percent(rel.figures.shortageRate)))")
        }
        if let reg = y.regions.max(by: { $0.figures.shortageRate < $1.figures.shortageRate }), y.regions.count > 1,
            reg.figures.shortageRate > 0
        {
            parts.append(
                "Van de deelregio's heeft \(reg.name) het grootste relatieve tekort (\(percent(reg.figures.shortageRate)))"
            )
        }
        if abs(t.shortageRateFTE - t.shortageRate) >= 0.001 {
            parts.append("In fte is het tekort \(persons(t.shortageFTE)) (\(percent(t.shortageRateFTE)))")
        }
        if let first = projection.years.first, first.year < y.year {
            let growth = y.careDemandIndex / first.careDemandIndex - 1
            parts.append(
                "De zorgvraag \(growth >= 0 ? "stijgt" : "daalt") van \(first.year) tot \(y.year) met \(percent(growth))"
            )
        }
        return parts.joined(separator: ". ") + "."
    }

    /// One Dutch sentence on the most effective lever.
    public static func text(_ sensitivity: WorkforceSensitivity) -> String {
        guard let best = sensitivity.levers.first, best.gapClosedPersons > 0 else {
            return "Geen van de hefbomen verkleint het tekort in \(sensitivity.year)."
        }
        let def = WorkforceLevers.catalogue.first { $0.id == best.id }
        let step = number((best.toValue - best.fromValue) * (def?.displayFactor ?? 100), decimals: 1)
        return
            "De hefboom \"\(best.label)\" (+\(step) \(best.unit)) sluit in \(sensitivity.year) het grootste deel van het tekort: \(persons(best.gapClosedPersons)) personen (\(percent(best.gapClosedShare)) van het tekort)."
    }
}
