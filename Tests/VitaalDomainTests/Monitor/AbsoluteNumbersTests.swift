import Testing

@testable import VitaalDomain

@Suite struct AbsoluteNumbersTests {
    func definition(_ unit: String, isCount: Bool = false) -> IndicatorDefinition {
        IndicatorDefinition(code: "x", name: "X", unit: unit, polarity: .neutral, source: "CBS", isCount: isCount)
    }

    @Test func countsAndNumbersAreAbsoluteRatesAreNot() {
        // The demo's inhabitants and dwellings: unit "aantal", not a count of people for disclosure.
        let inhabitants = MonitorDemoData.indicators.first { $0.code == "cbs_inwoners" }
        #expect(inhabitants?.isAbsoluteNumber == true)
        #expect(MonitorDemoData.indicators.first { $0.code == "cbs_woningvoorraad" }?.isAbsoluteNumber == true)
        #expect(definition("deelnemers", isCount: true).isAbsoluteNumber)
        #expect(definition(" Aantal ").isAbsoluteNumber)
        #expect(!definition("%").isAbsoluteNumber)
        #expect(!definition("inwoners per km²").isAbsoluteNumber)
        #expect(!definition("per 1.000 inwoners").isAbsoluteNumber)
    }
}
