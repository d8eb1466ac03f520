import Testing

@testable import VitaalDomain

@Suite("Workforce engine")
struct WorkforceEngineTests {
    @Test func handComputedThreeYears() throws {
        let p = try WorkforceEngine.project(WorkforceFixtures.handExample())
        let tr = try WorkforceEngine.trace(WorkforceFixtures.handExample())
        // Young band: y' = y + 100 graduates + 10 lateral − 10 % outflow − 10 % ageing.
        // Old band:   o' = o + 10 lateral − 5 % outflow − 10 % retirement + ageing from young.
        let expected: [(Double, Double)] = [(600, 400), (590, 410), (582, 417.5), (575.6, 423.075)]
        for (k, e) in expected.enumerated() {
            #expect(abs(tr.stocks[k][0] - e.0) < 1e-9)
            #expect(abs(tr.stocks[k][1] - e.1) < 1e-9)
            #expect(abs(p.years[k].total.supplyPersons - (e.0 + e.1)) < 1e-9)
        }
        // Demand: 1000 × 0.8 fte × 1.05 (vacancies) grown 10 %/yr; persons = FTE / 0.8.
        let demand = [1050.0, 1155, 1270.5, 1397.55]
        for (k, d) in demand.enumerated() { #expect(abs(p.years[k].total.demandPersons - d) < 1e-9) }
        #expect(abs(p.years[3].total.shortagePersons - (1397.55 - 998.675)) < 1e-9)
        #expect(abs(p.years[0].total.shortageRate - 50.0 / 1050) < 1e-12)
        // Supply FTE = persons × 0.8 (no trend); inflow / outflow / retirement of the first year.
        #expect(abs(p.years[1].total.supplyFTE - 1000 * 0.8) < 1e-9)
        #expect(abs(p.years[1].inflow - 120) < 1e-9)
        #expect(abs(p.years[1].outflow - (60 + 20)) < 1e-9)
        #expect(abs(p.years[1].retirement - 40) < 1e-9)
    }

    @Test func conservationPerCellEveryYear() throws {
        let tr = try WorkforceEngine.trace(.flevolandBase)
        #expect(tr.stocks.count == 21)
        var checked = 0
        for k in 0..<(tr.stocks.count - 1) {
            for c in 0..<tr.stocks[k].count {
                let expected =
                    tr.stocks[k][c] + tr.inflow[k][c] - tr.outflow[k][c] - tr.movesOut[k][c] + tr.movesIn[k][c]
                #expect(abs(tr.stocks[k + 1][c] - expected) < 1e-7)
                #expect(tr.stocks[k + 1][c] >= 0)
                checked += 1
            }
            // Moves only redistribute: summed over all cells, moves out equal moves in.
            #expect(abs(tr.movesOut[k].reduce(0, +) - tr.movesIn[k].reduce(0, +)) < 1e-6)
        }
        #expect(checked == 20 * 7 * 3 * 5 * 4)
    }

    @Test func moreInflowOrLessOutflowNeverIncreasesShortage() throws {
        var rng = Xoshiro256StarStar(seed: 7)
        for _ in 0..<25 {
            let s = WorkforceFixtures.random(&rng)
            let base = try WorkforceEngine.project(s)
            var more = s
            more.levers.extraInflow.value += 0.1 + 0.3 * rng.nextUnit()
            more.levels[0].graduates.value += 50
            var less = s
            less.levers.outflowReduction.value = min(
                0.5, less.levers.outflowReduction.value + 0.05 + 0.2 * rng.nextUnit())
            let pm = try WorkforceEngine.project(more)
            let pl = try WorkforceEngine.project(less)
            for k in 0..<base.years.count {
                #expect(pm.years[k].total.shortagePersons <= base.years[k].total.shortagePersons + 1e-9)
                #expect(pl.years[k].total.shortagePersons <= base.years[k].total.shortagePersons + 1e-9)
                for j in 0..<base.years[k].sectors.count {
                    #expect(
                        pm.years[k].sectors[j].figures.shortagePersons <= base.years[k].sectors[j].figures
                            .shortagePersons + 1e-9)
                }
            }
            // Strictly better by the horizon.
            #expect(pm.years.last!.total.shortagePersons < base.years.last!.total.shortagePersons)
            #expect(pl.years.last!.total.shortagePersons < base.years.last!.total.shortagePersons)
        }
    }

    @Test func productivityLeverDividesDemand() throws {
        var s = WorkforceFixtures.handExample()
        s.levers.productivity.value = 0.02
        let p = try WorkforceEngine.project(s)
        #expect(abs(p.years[3].total.demandPersons - 1397.55 / (1.02 * 1.02 * 1.02)) < 1e-9)
        #expect(abs(p.years[3].careDemandIndex - 1.331) < 1e-12)  // care demand itself is not changed by the lever
    }

    @Test func populationPathReplacesTheGrowthRate() throws {
        // Demand follows the path relative to its first row: 1000 → 1000 → 1200 → 900 inhabitants.
        var s = WorkforceFixtures.handExample()
        s.regions[0].populationByYear = [[1000], [1000], [1200], [900]]
        let p = try WorkforceEngine.project(s)
        let demand = [1050.0, 1050, 1260, 945]
        for (k, d) in demand.enumerated() { #expect(abs(p.years[k].total.demandPersons - d) < 1e-9) }
        #expect(abs(p.years[2].careDemandIndex - 1.2) < 1e-12)
        let decoded = try WorkforceScenarioCodec.decode(WorkforceScenarioCodec.encode(s))
        #expect(decoded.regions[0].populationByYear == [[1000], [1000], [1200], [900]])
        // A shorter path: after its last year (2021) the growth rate (10 %) continues it.
        s.regions[0].populationByYear = [[1000], [1200]]
        let continued = try WorkforceEngine.project(s)
        #expect(abs(continued.years[3].total.demandPersons - 1050 * 1.2 * 1.1 * 1.1) < 1e-9)
    }

    @Test func monteCarloIsReproducible() throws {
        let s = WorkforceScenario.flevolandBase
        let a = try WorkforceEngine.monteCarlo(s, runs: 200, seed: 11, threads: 2)
        let b = try WorkforceEngine.monteCarlo(s, runs: 200, seed: 11, threads: 1)
        let c = try WorkforceEngine.monteCarlo(s, runs: 200, seed: 12, threads: 2)
        #expect(a == b)
        #expect(a != c)
        #expect(a.uncertainParameters > 10)
        let y = a.years.first { $0.year == 2032 }!
        #expect(y.shortagePersons.p5 < y.shortagePersons.p50 && y.shortagePersons.p50 < y.shortagePersons.p95)
        // Base year: only stock is certain here, demand varies with vacancy/fte draws — bands stay ordered.
        #expect(a.years[0].supplyPersons.p5 <= a.years[0].supplyPersons.p95)
    }

    @Test func percentileInterpolates() {
        #expect(WorkforceEngine.percentile([1, 2, 3, 4, 5], 0.5) == 3)
        #expect(abs(WorkforceEngine.percentile([0, 10], 0.05) - 0.5) < 1e-12)
    }

    @Test func sensitivityRanksLevers() throws {
        let sens = try WorkforceEngine.sensitivity(.flevolandBase, year: 2032)
        #expect(sens.levers.count == 4)
        #expect(sens.levers.map(\.id).sorted() == WorkforceLevers.ids.sorted())
        for k in 1..<sens.levers.count {
            #expect(sens.levers[k - 1].gapClosedPersons >= sens.levers[k].gapClosedPersons)
        }
        #expect(sens.levers.allSatisfy { $0.gapClosedPersons > 0 })
        let text = WorkforceSummary.text(sens)
        #expect(text.contains(sens.levers[0].label))
    }

    @Test func comparisonListsBothScenarios() throws {
        var better = WorkforceScenario.flevolandBase
        better.id = "beleid"
        better.levers.productivity.value = 0.01
        let cmp = try WorkforceEngine.compare([.flevolandBase, better])
        #expect(cmp.scenarioIds == ["flevoland-basis", "beleid"])
        #expect(cmp.years.count == 21)
        let y = cmp.years.first { $0.year == 2032 }!
        #expect(y.totals[1].shortagePersons < y.totals[0].shortagePersons)
        #expect(abs(y.totals[1].demandPersons * 1.01.power(12) - y.totals[0].demandPersons) < 1e-6)
    }
}

extension Double { func power(_ n: Int) -> Double { (0..<n).reduce(1) { acc, _ in acc * self } } }
