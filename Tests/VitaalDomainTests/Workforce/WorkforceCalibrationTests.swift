import Testing

@testable import VitaalDomain

@Suite("Workforce Flevoland calibration")
struct WorkforceCalibrationTests {
    func within(_ value: Double, _ target: Double, relative: Double = 0.02) -> Bool {
        abs(value - target) <= relative * abs(target)
    }

    @Test func reproducesSeedFigures() throws {
        let p = try WorkforceEngine.project(.flevolandBase)
        let y20 = try #require(p.year(2020))
        let y23 = try #require(p.year(2023))
        let y32 = try #require(p.year(2032))
        #expect(within(y32.total.demandPersons, 45_000))
        #expect(within(y32.total.supplyPersons, 41_500))
        #expect(within(y20.total.shortageRate, 0.04))
        #expect(within(y20.total.shortageRateFTE, 0.04))
        #expect(within(y32.total.shortageRateFTE, 0.11))
        #expect(within(y32.careDemandIndex / y23.careDemandIndex - 1, 0.34))
        #expect(p.horizon == 2040 && p.years.count == 21)
    }

    @Test func everyNumberIsSourcedOrAssumed() throws {
        let s = WorkforceScenario.flevolandBase
        var ps: [WorkforceParameter] = [s.extraDemandGrowth, s.fteTrend, s.taskShiftAbsorption]
        for x in s.sectors {
            ps +=
                [x.fteFactor, x.vacancyRate, x.outflowFactor, x.graduateShare, x.sideEntrants, x.returners]
                + x.levelShares + x.ageShares + x.careUse
        }
        for x in s.levels { ps.append(x.graduates) }
        for x in s.ageBands { ps += [x.outflowRate, x.lateralEntryShare] }
        for x in s.regions { ps += x.population + x.populationGrowth }
        ps += s.stock.map(\.persons) + s.sectorMoves.map(\.rate) + s.levelMoves.map(\.rate)
        #expect(ps.count > 150)
        #expect(ps.allSatisfy { $0.isAssumption || $0.source != nil })
        #expect(s.regions.map(\.id) == ["almere", "lelystad-dronten", "noordoostpolder-urk", "zeewolde"])
        #expect(WorkforceScenario.flevolandTargets.count == 6)
    }

    @Test func dutchSummary() throws {
        let p = try WorkforceEngine.project(.flevolandBase)
        let text = WorkforceSummary.text(p, year: 2032)
        let y = try #require(p.year(2032))
        #expect(text.hasPrefix("In 2032 tekort van \(WorkforceSummary.persons(y.total.shortagePersons)) personen"))
        let worst = y.sectors.max { $0.figures.shortagePersons < $1.figures.shortagePersons }!
        #expect(text.contains("grootste tekort in de sector \(worst.name)"))
        #expect(text.contains("%"))
        #expect(WorkforceSummary.number(3500) == "3.500")
        #expect(WorkforceSummary.number(7.84, decimals: 1) == "7,8")
        #expect(WorkforceSummary.number(1234567.05, decimals: 1) == "1.234.567,1")
        #expect(WorkforceSummary.number(-0.04) == "0")
        #expect(WorkforceSummary.number(999.96, decimals: 1) == "1.000,0")
    }
}
