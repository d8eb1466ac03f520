import Foundation

/// Supply, demand and shortage of one segment (whole region, a sector, a subregion, a level) in one year.
public struct WorkforceFigures: Sendable, Hashable, Codable {
    public var supplyPersons: Double
    public var supplyFTE: Double
    public var demandPersons: Double
    public var demandFTE: Double
    /// demand − supply (negative: surplus).
    public var shortagePersons: Double
    public var shortageFTE: Double
    /// Shortage as a fraction of demand (persons), e.g. 0.078 = 7,8 %.
    public var shortageRate: Double
    /// Shortage as a fraction of demand in FTE.
    public var shortageRateFTE: Double

    public init(supplyPersons: Double, supplyFTE: Double, demandPersons: Double, demandFTE: Double) {
        self.supplyPersons = supplyPersons
        self.supplyFTE = supplyFTE
        self.demandPersons = demandPersons
        self.demandFTE = demandFTE
        shortagePersons = demandPersons - supplyPersons
        shortageFTE = demandFTE - supplyFTE
        shortageRate = demandPersons > 0 ? shortagePersons / demandPersons : 0
        shortageRateFTE = demandFTE > 0 ? shortageFTE / demandFTE : 0
    }
}

public struct WorkforceSegment: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var figures: WorkforceFigures
}

public struct WorkforceYearResult: Sendable, Hashable, Codable {
    public var year: Int
    public var total: WorkforceFigures
    public var sectors: [WorkforceSegment]
    public var regions: [WorkforceSegment]
    public var levels: [WorkforceSegment]
    /// Sector × subregion, id "sector/region".
    public var sectorRegions: [WorkforceSegment]
    /// Care demand relative to the base year before the productivity and task-shifting levers (1.34 = +34 %).
    public var careDemandIndex: Double
    /// Flows during the year that ended in `year` (0 in the base year), persons.
    public var inflow: Double
    public var outflow: Double
    public var retirement: Double
}

/// Result of `WorkforceEngine.project`: one entry per year from base year to horizon.
public struct WorkforceProjection: Sendable, Hashable, Codable {
    public var scenarioId: String
    public var scenarioName: String
    public var baseYear: Int
    public var horizon: Int
    public var years: [WorkforceYearResult]
    public func year(_ y: Int) -> WorkforceYearResult? { years.first { $0.year == y } }
}

/// Per-cell stocks and flows for audits and conservation checks. Cell index: see `cellIndex`.
public struct WorkforceTrace: Sendable {
    public let regions: Int, sectors: Int, levels: Int, ages: Int
    /// `stocks[k]` = persons per cell at the start of year baseYear + k.
    public var stocks: [[Double]]
    /// Flows during year baseYear + k → baseYear + k + 1, per cell.
    public var inflow: [[Double]]
    /// Leaving care and welfare: outflow plus retirement from the last age band.
    public var outflow: [[Double]]
    /// Ageing into the next band, sector moves and level moves out of the cell.
    public var movesOut: [[Double]]
    public var movesIn: [[Double]]
    public func cellIndex(region r: Int, sector s: Int, level l: Int, age a: Int) -> Int {
        ((r * sectors + s) * levels + l) * ages + a
    }
}

/// Flattened numbers of a scenario (one Monte Carlo draw or the central values).
struct CompiledWorkforceModel {
    var R = 0, S = 0, L = 0, A = 0, T = 0
    var initial: [Double] = []  // cells
    var inflow: [Double] = []  // cells, persons per year
    var outRate: [Double] = []  // S*A
    var ageRate: [Double] = []  // A
    var sectorMoves: [(Int, Int, Double)] = []
    var levelMoves: [(Int, Int, Double)] = []
    var fte: [Double] = []  // S
    var fteTrend = 0.0
    var demandFTE: [Double] = []  // T*R*S*L
    var careIndex: [Double] = []  // T

    var cells: Int { R * S * L * A }

    /// Draws uncertain parameters from `rng` (triangular) or uses central values when `rng` is nil.
    /// The order of draws is fixed by the scenario, so a seed always gives the same model.
    mutating func load(_ sc: WorkforceScenario, rng: inout Xoshiro256StarStar?) {
        func v(_ p: WorkforceParameter) -> Double {
            guard let r = p.range, r.high > r.low, rng != nil else { return p.value }
            return rng!.triangular(low: r.low, mode: p.value, high: r.high)
        }
        R = sc.regions.count
        S = sc.sectors.count
        L = sc.levels.count
        A = sc.ageBands.count
        T = sc.horizon - sc.baseYear + 1
        let sectorIx = Dictionary(uniqueKeysWithValues: sc.sectors.enumerated().map { ($1.id, $0) })
        let regionIx = Dictionary(uniqueKeysWithValues: sc.regions.enumerated().map { ($1.id, $0) })
        let levelIx = Dictionary(uniqueKeysWithValues: sc.levels.enumerated().map { ($1.id, $0) })
        let levers = sc.levers
        let productivity = v(levers.productivity)
        let outRed = v(levers.outflowReduction)
        let extraIn = v(levers.extraInflow)
        let shiftPerYear = v(levers.taskShifting)
        let extraGrowth = v(sc.extraDemandGrowth)
        fteTrend = v(sc.fteTrend)
        let absorption = v(sc.taskShiftAbsorption)

        // Sector parameters.
        var vac = [Double]()
        var outF = [Double]()
        var gradShare = [Double]()
        var lateral = [Double]()
        var levelShare = [Double](repeating: 0, count: S * L)
        var ageShare = [Double](repeating: 0, count: S * A)
        let P = sc.populationBands.count
        var use = [Double](repeating: 0, count: S * P)
        fte.removeAll(keepingCapacity: true)
        for (s, x) in sc.sectors.enumerated() {
            fte.append(v(x.fteFactor))
            vac.append(v(x.vacancyRate))
            outF.append(v(x.outflowFactor))
            gradShare.append(v(x.graduateShare))
            lateral.append(v(x.sideEntrants) + v(x.returners))
            var sum = 0.0
            for l in 0..<L {
                levelShare[s * L + l] = v(x.levelShares[l])
                sum += levelShare[s * L + l]
            }
            if sum > 0 { for l in 0..<L { levelShare[s * L + l] /= sum } }
            sum = 0
            for a in 0..<A {
                ageShare[s * A + a] = v(x.ageShares[a])
                sum += ageShare[s * A + a]
            }
            if sum > 0 { for a in 0..<A { ageShare[s * A + a] /= sum } }
            for b in 0..<P { use[s * P + b] = v(x.careUse[b]) }
        }
        var grads = [Double]()
        var latAge = [Double]()
        for x in sc.levels { grads.append(v(x.graduates)) }
        var latSum = 0.0
        ageRate.removeAll(keepingCapacity: true)
        outRate.removeAll(keepingCapacity: true)
        var ageOut = [Double]()
        for x in sc.ageBands {
            ageOut.append(v(x.outflowRate))
            latAge.append(v(x.lateralEntryShare))
            latSum += latAge.last!
            ageRate.append(1 / Double(x.width))
        }
        if latSum > 0 { latAge = latAge.map { $0 / latSum } }
        for s in 0..<S { for a in 0..<A { outRate.append(min(1 - ageRate[a], ageOut[a] * outF[s] * (1 - outRed))) } }

        // Base stock per region × sector.
        var stockRS = [Double](repeating: 0, count: R * S)
        for e in sc.stock {
            if let s = sectorIx[e.sector], let r = regionIx[e.region] { stockRS[r * S + s] += v(e.persons) }
        }
        var regionShare = [Double](repeating: 0, count: R * S)
        for s in 0..<S {
            var sum = 0.0
            for r in 0..<R { sum += stockRS[r * S + s] }
            for r in 0..<R { regionShare[r * S + s] = sum > 0 ? stockRS[r * S + s] / sum : 1 / Double(R) }
        }
        sectorMoves.removeAll(keepingCapacity: true)
        levelMoves.removeAll(keepingCapacity: true)
        for m in sc.sectorMoves {
            if let f = sectorIx[m.from], let t = sectorIx[m.to] { sectorMoves.append((f, t, v(m.rate))) }
        }
        for m in sc.levelMoves {
            if let f = levelIx[m.from], let t = levelIx[m.to] { levelMoves.append((f, t, v(m.rate))) }
        }

        initial.removeAll(keepingCapacity: true)
        inflow.removeAll(keepingCapacity: true)
        for r in 0..<R {
            for s in 0..<S {
                for l in 0..<L {
                    for a in 0..<A {
                        initial.append(stockRS[r * S + s] * levelShare[s * L + l] * ageShare[s * A + a])
                        var inn = lateral[s] * regionShare[r * S + s] * levelShare[s * L + l] * latAge[a]
                        if a == 0 { inn += grads[l] * gradShare[s] * regionShare[r * S + s] }
                        inflow.append(inn * (1 + extraIn))
                    }
                }
            }
        }

        // Demand in FTE per year × region × sector × level.
        var pop = [Double]()
        // Population of each region × band in year t relative to the base year: [t][r * P + b].
        var popIndex = [[Double]](repeating: [Double](repeating: 1, count: R * P), count: T)
        for (r, x) in sc.regions.enumerated() {
            for b in 0..<P {
                pop.append(v(x.population[b]))
                let g = v(x.populationGrowth[b])
                for t in 0..<T {
                    let path = x.populationByYear
                    if path.isEmpty {
                        popIndex[t][r * P + b] = pow(1 + g, Double(t))
                    } else {
                        // Past the path's last year (a later horizon) the growth rate continues it.
                        let k = min(t, path.count - 1)
                        let first = path[0][b]
                        popIndex[t][r * P + b] = (first > 0 ? path[k][b] / first : 1) * pow(1 + g, Double(t - k))
                    }
                }
            }
        }
        let receiving = sc.sectors.map(\.receivesTaskShift)
        let anyReceiving = receiving.contains(true)
        demandFTE.removeAll(keepingCapacity: true)
        careIndex.removeAll(keepingCapacity: true)
        var sectorDemand = [Double](repeating: 0, count: S)
        for t in 0..<T {
            let p = pow(1 + productivity, Double(t))
            let ex = pow(1 + extraGrowth, Double(t))
            let shift = anyReceiving ? min(0.5, shiftPerYear * Double(t)) : 0
            var careNow = 0.0
            var careBase = 0.0
            for r in 0..<R {
                var shifted = 0.0
                var receivingDemand = 0.0
                for s in 0..<S {
                    var now = 0.0
                    var base = 0.0
                    for b in 0..<P {
                        let w = pop[r * P + b] * use[s * P + b]
                        base += w
                        now += w * popIndex[t][r * P + b]
                    }
                    let g = (base > 0 ? now / base : 1) * ex
                    let d = stockRS[r * S + s] * fte[s] * (1 + vac[s]) * g
                    careNow += d
                    careBase += stockRS[r * S + s] * fte[s] * (1 + vac[s])
                    sectorDemand[s] = d / p
                    if receiving[s] {
                        receivingDemand += sectorDemand[s]
                    } else {
                        shifted += sectorDemand[s] * shift
                        sectorDemand[s] *= 1 - shift
                    }
                }
                let receiverCount = Double(receiving.filter { $0 }.count)
                for s in 0..<S where receiving[s] {
                    let part = receivingDemand > 0 ? sectorDemand[s] / receivingDemand : 1 / receiverCount
                    sectorDemand[s] += shifted * absorption * part
                }
                for s in 0..<S { for l in 0..<L { demandFTE.append(sectorDemand[s] * levelShare[s * L + l]) } }
            }
            careIndex.append(careBase > 0 ? careNow / careBase : 1)
        }
    }

    /// One year: `next` = `cur` + inflow − outflow − moves out + moves in. Returns (inflow, outflow, retirement).
    @inline(__always)
    func step(
        _ cur: UnsafeMutableBufferPointer<Double>, _ next: UnsafeMutableBufferPointer<Double>,
        trace: UnsafeMutablePointer<Double>? = nil
    ) -> (Double, Double, Double) {
        // trace layout when present: [inflow | outflow | movesOut | movesIn], each `cells` long, zeroed by the caller.
        let n = cells
        var totIn = 0.0
        var totOut = 0.0
        var totRet = 0.0
        inflow.withUnsafeBufferPointer { inf in
            outRate.withUnsafeBufferPointer { outR in
                ageRate.withUnsafeBufferPointer { ageR in
                    for c in 0..<n {
                        next[c] = cur[c] + inf[c]
                        totIn += inf[c]
                    }
                    if let trace { for c in 0..<n { trace[c] = inf[c] } }
                    let A = self.A
                    var c = 0
                    for _ in 0..<R {
                        for s in 0..<S {
                            for _ in 0..<L {
                                for a in 0..<A {
                                    let p = cur[c]
                                    let o = p * outR[s * A + a]
                                    let ag = p * ageR[a]
                                    next[c] -= o + ag
                                    totOut += o
                                    if a + 1 < A {
                                        next[c + 1] += ag
                                        if let trace {
                                            trace[n + c] += o
                                            trace[2 * n + c] += ag
                                            trace[3 * n + c + 1] += ag
                                        }
                                    } else {
                                        totRet += ag
                                        if let trace { trace[n + c] += o + ag }
                                    }
                                    c += 1
                                }
                            }
                        }
                    }
                }
            }
        }
        let LA = L * A
        for (f, t, rate) in sectorMoves where rate > 0 {
            for r in 0..<R {
                let fb = (r * S + f) * LA
                let tb = (r * S + t) * LA
                for k in 0..<LA {
                    let m = cur[fb + k] * rate
                    next[fb + k] -= m
                    next[tb + k] += m
                    if let trace {
                        trace[2 * n + fb + k] += m
                        trace[3 * n + tb + k] += m
                    }
                }
            }
        }
        for (f, t, rate) in levelMoves where rate > 0 {
            for rs in 0..<(R * S) {
                let fb = (rs * L + f) * A
                let tb = (rs * L + t) * A
                for a in 0..<A {
                    let m = cur[fb + a] * rate
                    next[fb + a] -= m
                    next[tb + a] += m
                    if let trace {
                        trace[2 * n + fb + a] += m
                        trace[3 * n + tb + a] += m
                    }
                }
            }
        }
        return (totIn, totOut, totRet)
    }
}

/// The projection engine of the regional workforce planning model (RSPP).
public enum WorkforceEngine {
    /// Projects supply, demand and shortage per year, sector, subregion and level (central values).
    public static func project(_ scenario: WorkforceScenario) throws -> WorkforceProjection {
        try WorkforceScenarioCodec.validate(scenario)
        var rng: Xoshiro256StarStar? = nil
        var model = CompiledWorkforceModel()
        model.load(scenario, rng: &rng)
        let n = model.cells
        let R = model.R
        let S = model.S
        let L = model.L
        let A = model.A
        var cur = model.initial
        var next = [Double](repeating: 0, count: n)
        var years: [WorkforceYearResult] = []
        var flows = (0.0, 0.0, 0.0)
        let trend = 1 + model.fteTrend
        for t in 0..<model.T {
            // Aggregate supply (persons) per region × sector × level.
            var supply = [Double](repeating: 0, count: R * S * L)
            for k in 0..<(R * S * L) {
                var sum = 0.0
                for a in 0..<A { sum += cur[k * A + a] }
                supply[k] = sum
            }
            let fteScale = pow(trend, Double(t))
            func figures(_ include: (Int, Int, Int) -> Bool) -> WorkforceFigures {
                var sp = 0.0
                var sf = 0.0
                var dp = 0.0
                var df = 0.0
                for r in 0..<R {
                    for s in 0..<S {
                        for l in 0..<L where include(r, s, l) {
                            let k = (r * S + s) * L + l
                            let d = model.demandFTE[t * R * S * L + k]
                            sp += supply[k]
                            sf += supply[k] * model.fte[s] * fteScale
                            df += d
                            dp += d / model.fte[s]
                        }
                    }
                }
                return WorkforceFigures(supplyPersons: sp, supplyFTE: sf, demandPersons: dp, demandFTE: df)
            }
            let sectors = scenario.sectors.enumerated().map { s, x in
                WorkforceSegment(id: x.id, name: x.name, figures: figures { _, ss, _ in ss == s })
            }
            let regions = scenario.regions.enumerated().map { r, x in
                WorkforceSegment(id: x.id, name: x.name, figures: figures { rr, _, _ in rr == r })
            }
            let levels = scenario.levels.enumerated().map { l, x in
                WorkforceSegment(id: x.id, name: x.name, figures: figures { _, _, ll in ll == l })
            }
            var sectorRegions: [WorkforceSegment] = []
            for (s, sx) in scenario.sectors.enumerated() {
                for (r, rx) in scenario.regions.enumerated() {
                    sectorRegions.append(
                        WorkforceSegment(
                            id: "\(sx.id)/\(rx.id)", name: "\(sx.name) – \(rx.name)",
                            figures: figures { rr, ss, _ in rr == r && ss == s }))
                }
            }
            years.append(
                WorkforceYearResult(
                    year: scenario.baseYear + t, total: figures { _, _, _ in true }, sectors: sectors, regions: regions,
                    levels: levels, sectorRegions: sectorRegions, careDemandIndex: model.careIndex[t],
                    inflow: flows.0, outflow: flows.1, retirement: flows.2))
            if t + 1 < model.T {
                flows = cur.withUnsafeMutableBufferPointer { c in
                    next.withUnsafeMutableBufferPointer { nx in model.step(c, nx) }
                }
                swap(&cur, &next)
            }
        }
        return WorkforceProjection(
            scenarioId: scenario.id, scenarioName: scenario.name, baseYear: scenario.baseYear,
            horizon: scenario.horizon, years: years)
    }

    /// Per-cell stocks and flows (central values), for audits and conservation tests.
    public static func trace(_ scenario: WorkforceScenario) throws -> WorkforceTrace {
        try WorkforceScenarioCodec.validate(scenario)
        var rng: Xoshiro256StarStar? = nil
        var model = CompiledWorkforceModel()
        model.load(scenario, rng: &rng)
        let n = model.cells
        var result = WorkforceTrace(
            regions: model.R, sectors: model.S, levels: model.L, ages: model.A,
            stocks: [model.initial], inflow: [], outflow: [], movesOut: [], movesIn: [])
        var cur = model.initial
        var next = [Double](repeating: 0, count: n)
        var buffer = [Double](repeating: 0, count: 4 * n)
        for _ in 1..<max(1, model.T) {
            for k in 0..<buffer.count { buffer[k] = 0 }
            _ = buffer.withUnsafeMutableBufferPointer { tr in
                cur.withUnsafeMutableBufferPointer { c in
                    next.withUnsafeMutableBufferPointer { nx in model.step(c, nx, trace: tr.baseAddress) }
                }
            }
            result.inflow.append(Array(buffer[0..<n]))
            result.outflow.append(Array(buffer[n..<2 * n]))
            result.movesOut.append(Array(buffer[2 * n..<3 * n]))
            result.movesIn.append(Array(buffer[3 * n..<4 * n]))
            swap(&cur, &next)
            result.stocks.append(cur)
        }
        return result
    }
}
