@testable import VitaalDomain

enum WorkforceFixtures {
    /// 1 sector, 1 level, 2 age bands (20–29, 30–39), 1 region: the hand-computed example.
    static func handExample() -> WorkforceScenario {
        WorkforceScenario(
            id: "hand", name: "Handvoorbeeld", baseYear: 2020, horizon: 2023,
            populationBands: [.init(id: "all", name: "Alle leeftijden")],
            sectors: [
                WorkforceSector(
                    id: "zorg", name: "Zorg", fteFactor: 0.8, vacancyRate: 0.05, outflowFactor: 1,
                    graduateShare: 1, sideEntrants: 20, returners: 0, levelShares: [1], ageShares: [0.6, 0.4],
                    careUse: [1])
            ],
            levels: [WorkforceLevel(id: "mbo", name: "MBO", graduates: 100)],
            ageBands: [
                WorkforceAgeBand(id: "20-29", fromAge: 20, toAge: 29, outflowRate: 0.1, lateralEntryShare: 0.5),
                WorkforceAgeBand(id: "30-39", fromAge: 30, toAge: 39, outflowRate: 0.05, lateralEntryShare: 0.5)
            ],
            regions: [WorkforceRegion(id: "r", name: "Regio", population: [1000], populationGrowth: [0.1])],
            stock: [WorkforceStock(sector: "zorg", region: "r", persons: 1000)])
    }

    /// A random but valid small scenario (2 sectors, 2 levels, 3 age bands, 2 regions).
    static func random(_ rng: inout Xoshiro256StarStar) -> WorkforceScenario {
        func u(_ lo: Double, _ hi: Double) -> WorkforceParameter { WorkforceParameter(lo + (hi - lo) * rng.nextUnit()) }
        func shares(_ n: Int) -> [WorkforceParameter] {
            let raw = (0..<n).map { _ in 0.2 + rng.nextUnit() }
            let sum = raw.reduce(0, +)
            var out = raw.map { WorkforceParameter($0 / sum) }
            out[n - 1] = WorkforceParameter(1 - out[0..<(n - 1)].reduce(0) { $0 + $1.value })
            return out
        }
        let sectors = (0..<2).map { s in
            WorkforceSector(
                id: "s\(s)", name: "Sector \(s)", fteFactor: u(0.5, 1), vacancyRate: u(0, 0.1),
                outflowFactor: u(0.5, 1.5),
                graduateShare: u(0.1, 0.5), sideEntrants: u(0, 50), returners: u(0, 30), levelShares: shares(2),
                ageShares: shares(3), careUse: [u(0, 2), u(0, 5)], receivesTaskShift: s == 1)
        }
        let ages = [(20, 29), (30, 44), (45, 66)].enumerated().map { k, b in
            WorkforceAgeBand(
                id: "a\(k)", fromAge: b.0, toAge: b.1, outflowRate: u(0.01, 0.15),
                lateralEntryShare: WorkforceParameter(1.0 / 3))
        }
        let regions = (0..<2).map { r in
            WorkforceRegion(
                id: "r\(r)", name: "Regio \(r)", population: [u(1000, 5000), u(100, 2000)],
                populationGrowth: [u(-0.01, 0.02), u(0, 0.05)])
        }
        var stock: [WorkforceStock] = []
        for s in sectors { for r in regions { stock.append(.init(sector: s.id, region: r.id, persons: u(100, 2000))) } }
        return WorkforceScenario(
            id: "random", name: "Willekeurig", baseYear: 2020, horizon: 2030,
            populationBands: [.init(id: "jong", name: "Jong"), .init(id: "oud", name: "Oud")],
            sectors: sectors,
            levels: [
                .init(id: "l0", name: "Niveau 0", graduates: u(0, 300)),
                .init(id: "l1", name: "Niveau 1", graduates: u(0, 300))
            ],
            ageBands: ages, regions: regions, stock: stock,
            sectorMoves: [.init(from: "s0", to: "s1", rate: u(0, 0.05))],
            levelMoves: [.init(from: "l0", to: "l1", rate: u(0, 0.05))],
            extraDemandGrowth: u(0, 0.02), fteTrend: u(-0.01, 0.01),
            levers: WorkforceLevers(
                productivity: u(0, 0.01), outflowReduction: u(0, 0.2), extraInflow: u(0, 0.2), taskShifting: u(0, 0.01))
        )
    }

    /// 1-based line of the first line containing `needle` (after `after` if given).
    static func line(of needle: String, in text: String, after: String? = nil) -> Int? {
        let lines = text.components(separatedBy: "\n")
        var start = 0
        if let after, let k = lines.firstIndex(where: { $0.contains(after) }) { start = k }
        return lines[start...].firstIndex { $0.contains(needle) }.map { $0 + 1 }
    }
}
