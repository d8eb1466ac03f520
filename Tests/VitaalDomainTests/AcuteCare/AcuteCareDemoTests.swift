import Foundation
import Testing

@testable import VitaalDomain

@Suite("AcuteCare demo and import")
struct AcuteCareDemoTests {
    @Test func demoEvaluatesAndGrowthNeedsMoreAmbulances() throws {
        let inputs = AcuteCareDemo.inputs
        let base = try AcuteCareModel.evaluate(base: inputs)
        #expect(base.isSchematic)
        #expect(base.coverage.region.population == AcuteCareDemo.places.reduce(0) { $0 + $1.population })
        #expect(
            base.coverage.municipalities.map(\.name) == [
                "Almere", "Dronten", "Lelystad", "Noordoostpolder", "Urk", "Zeewolde"
            ])
        #expect(base.coverage.region.share > 0.9)
        #expect(base.posts.count == 7)
        let cmp = try AcuteCareModel.compare(base: inputs, scenario: AcuteCareDemo.growth2035)
        #expect(abs(cmp.scenario.coverage.region.population - 540_000) < 1)
        for (b, s) in zip(cmp.base.posts, cmp.scenario.posts) {
            #expect(s.capacity.ambulancesNeeded >= b.capacity.ambulancesNeeded)
        }
        // ageing
        #expect(cmp.scenario.ridesPerYear > cmp.base.ridesPerYear * 540_000 / cmp.base.coverage.region.population)
    }
}
