// Workforce benchmark: 8 sectors × 5 levels × 10 age bands × 6 regions × 20 years, 1,000 Monte Carlo runs.
import Foundation
import VitaalDomain
#if canImport(Glibc)
import Glibc
#endif

func syntheticScenario() -> WorkforceScenario {
    typealias P = WorkforceParameter
    func r(_ v: Double, _ spread: Double = 0.2) -> P { P(v, range: .init(v * (1 - spread), v * (1 + spread))) }
    let S = 8, L = 5, A = 10, R = 6
    let share = { (n: Int) -> [P] in (0..<n).map { _ in P(1.0 / Double(n)) } }
    let sectors = (0..<S).map { s in
        WorkforceSector(id: "s\(s)", name: "Sector \(s)", fteFactor: r(0.7, 0.03), vacancyRate: r(0.04), outflowFactor: r(1, 0.1),
                        graduateShare: r(0.1, 0.1), sideEntrants: r(100), returners: r(50), levelShares: share(L), ageShares: share(A),
                        careUse: [r(0.5), r(1), r(2), r(5)], receivesTaskShift: s == S - 1)
    }
    let ages = (0..<A).map { a in
        WorkforceAgeBand(id: "a\(a)", fromAge: 17 + 5 * a, toAge: 21 + 5 * a, outflowRate: r(0.08), lateralEntryShare: P(1.0 / Double(A)))
    }
    let regions = (0..<R).map { k in
        WorkforceRegion(id: "r\(k)", name: "Regio \(k)", population: [r(20_000, 0.05), r(50_000, 0.05), r(8_000, 0.05), r(5_000, 0.05)],
                        populationGrowth: [r(0.005), r(0.008), r(0.025), r(0.045)])
    }
    var stock: [WorkforceStock] = []
    for s in sectors { for g in regions { stock.append(.init(sector: s.id, region: g.id, persons: r(1_000, 0.05))) } }
    let moves = (0..<S).map { WorkforceMove(from: "s\($0)", to: "s\(($0 + 1) % S)", rate: r(0.01)) }
    let levelMoves = (0..<(L - 1)).map { WorkforceMove(from: "l\($0)", to: "l\($0 + 1)", rate: r(0.02)) }
    return WorkforceScenario(
        id: "bench", name: "Benchmark", baseYear: 2021, horizon: 2040,
        populationBands: (0..<4).map { .init(id: "p\($0)", name: "Groep \($0)") }, sectors: sectors,
        levels: (0..<L).map { .init(id: "l\($0)", name: "Niveau \($0)", graduates: r(400, 0.1)) },
        ageBands: ages, regions: regions, stock: stock, sectorMoves: moves, levelMoves: levelMoves,
        extraDemandGrowth: r(0.01, 0.5), fteTrend: P(-0.002, range: .init(-0.004, 0)),
        levers: WorkforceLevers(productivity: P(0.005, range: .init(0, 0.01)), outflowReduction: r(0.1), extraInflow: r(0.1), taskShifting: r(0.005)),
        monteCarloRuns: 1000, seed: 42)
}

func maxRSSMegabytes() -> Double {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return Double(usage.ru_maxrss) / 1024 // Linux reports kilobytes
}

func time<T>(_ body: () throws -> T) rethrows -> (T, Double) {
    let start = DispatchTime.now().uptimeNanoseconds
    let v = try body()
    return (v, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
}

do {
    let scenario = syntheticScenario()
    print("cells: \(8 * 5 * 10 * 6), years: 20, runs: 1000, cores: \(ProcessInfo.processInfo.activeProcessorCount)")
    let (_, tProject) = try time { try WorkforceEngine.project(scenario) }
    print(String(format: "single projection (all segments): %.3f s", tProject))
    _ = try WorkforceEngine.monteCarlo(scenario, runs: 20, seed: 1) // warm-up
    var best = Double.infinity
    var last: WorkforceUncertainty?
    for _ in 0..<3 {
        let (mc, t) = try time { try WorkforceEngine.monteCarlo(scenario, runs: 1000, seed: 42) }
        best = min(best, t); last = mc
        print(String(format: "monte carlo 1000 runs: %.3f s", t))
    }
    let (_, t1) = try time { try WorkforceEngine.monteCarlo(scenario, runs: 1000, seed: 42, threads: 1) }
    print(String(format: "monte carlo 1000 runs, 1 thread: %.3f s", t1))
    if let y = last?.years.last {
        print(String(format: "%d shortage persons p5/p50/p95: %.0f / %.0f / %.0f (%d uncertain parameters)",
                     y.year, y.shortagePersons.p5, y.shortagePersons.p50, y.shortagePersons.p95, last!.uncertainParameters))
    }
    print(String(format: "best: %.3f s (target <= 1 s), max RSS: %.1f MB (target <= 200 MB)", best, maxRSSMegabytes()))
    let base = try WorkforceEngine.project(.flevolandBase)
    print(WorkforceSummary.text(base, year: 2032))
} catch {
    print("error: \(error)")
    exit(1)
}
