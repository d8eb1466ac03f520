import Testing

@testable import VitaalDomain

/// The workforce model and the acute-care model read the same population projection.
@Suite("Population projection in both models")
struct PopulationModelsTests {
    @Test func workforceAndAcuteCareReadTheSameNumbersFor2035() throws {
        let projection = PopulationProjection.flevoland
        let scenario = WorkforceScenario.flevolandBase
        #expect(scenario.populationBands.map(\.id) == PopulationAgeBand.all.map(\.id))
        #expect(AcuteCareDemo.ageing2035.keys.sorted() == PopulationAgeBand.all.map(\.id).sorted())
        #expect(AgeRideRates.default.bands.map(\.band) == PopulationAgeBand.all.map(\.id))

        // Workforce: the subregions' inhabitants in 2035 (row 2035 − base year of their path).
        let row = 2035 - scenario.baseYear
        var workforceTotal = 0.0
        for (region, sub) in zip(scenario.regions, WorkforceScenario.flevolandSubregions) {
            #expect(region.id == sub.id)
            let expected = projection.bandPopulation(municipalities: sub.municipalities, year: 2035)
            #expect(region.populationByYear[row] == expected)
            #expect(region.populationByYear.count == 21)
            workforceTotal += region.populationByYear[row].reduce(0, +)
        }

        // Acute care: the +16 % (IZA) scenario's residents per municipality in 2035.
        let iza = try AcuteCareModel.compare(base: AcuteCareDemo.inputs, scenario: AcuteCareDemo.growthIZA2035)
        var acuteTotal = 0.0
        for m in projection.municipalities {
            let area = try #require(iza.scenario.coverage.municipalities.first { $0.name == m.name })
            #expect(abs(area.population - projection.population(municipality: m.name, year: 2035)) < 1e-6)
            acuteTotal += area.population
        }
        #expect(abs(workforceTotal - projection.total(year: 2035)) < 1e-6)
        #expect(abs(acuteTotal - projection.total(year: 2035)) < 1e-6)
        #expect(abs(iza.scenario.coverage.region.population - workforceTotal) < 1e-6)
    }

    @Test func theMonitorShowsTheSameProjection() throws {
        let obs = MonitorDemoData.observations().filter { MonitorDemoData.projectionIndicators.contains($0.indicator) }
        #expect(obs.count == 4 * 7 * 16)
        #expect(obs.allSatisfy { $0.status == .voorbeeld && $0.note?.hasPrefix("Prognose, geen meting") == true })
        func value(_ code: String, _ region: String, _ year: Int) -> Double? {
            obs.first { $0.indicator == code && $0.region == region && $0.period == .year(year) }?.value
        }
        let base = PopulationProjection.flevoland
        let high = PopulationProjection.flevolandHigh
        #expect(value("prognose_inwoners", "PV24", 2035) == base.total(year: 2035).rounded())
        #expect(
            value("prognose_inwoners", "GM0995", 2032)
                == base.population(municipality: "Lelystad", year: 2032).rounded())
        #expect(value("prognose_inwoners_hoog", "PV24", 2035) == 540_000)
        #expect(value("prognose_aandeel_65plus", "PV24", 2035) == 20)
        #expect(value("prognose_huishoudens", "PV24", 2035) == base.households(year: 2035).rounded())
        #expect(
            value("prognose_huishoudens", "GM0303", 2030)
                == base.households(municipality: "Dronten", year: 2030).rounded())
        #expect(value("prognose_inwoners", "GM0034", 2024) == nil)
        #expect(value("prognose_inwoners", "PV24", 2040) == base.total(year: 2040).rounded())
        #expect(high.total(year: 2040) > base.total(year: 2040))
    }

    @Test func acuteCareGrowthScenarioReadsTheHighVariant() throws {
        let high = PopulationProjection.flevolandHigh
        let cmp = try AcuteCareModel.compare(base: AcuteCareDemo.inputs, scenario: AcuteCareDemo.growth2035)
        #expect(abs(cmp.scenario.coverage.region.population - 540_000) < 1e-6)
        for m in high.municipalities {
            let area = try #require(cmp.scenario.coverage.municipalities.first { $0.name == m.name })
            // Almere's figure includes the growth district Pampus.
            #expect(abs(area.population - high.population(municipality: m.name, year: 2035)) < 1e-6)
        }
        // The ageing keeps the headcount and ends at one in five residents 65+.
        let ageing = AcuteCareDemo.ageing2035
        #expect(abs(AgeRideRates.default.populationMultiplier(bandFactors: ageing) - 1) < 1e-12)
        let seniors = AgeRideRates.default.bands.filter { $0.band.hasPrefix("65") || $0.band == "80+" }
        let share = seniors.reduce(0) { $0 + $1.populationShare * ageing[$1.band]! }
        #expect(abs(share - 0.20) < 1e-9)
    }
}
