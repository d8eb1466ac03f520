import Foundation
import Testing

@testable import VitaalDomain

/// The monitor's example series of persons working in care and welfare (`az_werkzame_personen`), read
/// by the workforce model: marked as example data, at the level of the model's base-year stock and
/// rising towards the Regioplan's 41,500 available in 2032.
@Suite("Monitor – staff in care and welfare")
struct StaffStockDemoDataTests {
    @Test func exampleSeriesAgreesWithTheWorkforceModel() throws {
        let code = "az_werkzame_personen"
        let def = try #require(MonitorDemoData.arbeidsmarkt.indicators.first { $0.code == code })
        #expect(def.isCount && def.unit == "aantal" && def.themeCode == "personeelsbestand")
        #expect(def.source.contains("voorbeeldwaarden"))
        let obs = MonitorDemoData.observations().filter { $0.indicator == code }
        #expect(obs.count == MonitorDemoData.regions.count * MonitorDemoData.years.count)
        #expect(obs.allSatisfy { $0.status == .voorbeeld })
        let province = obs.filter { $0.region == "PV24" }.sorted { $0.period.sortKey < $1.period.sortKey }
        let values = province.compactMap(\.value)
        #expect(values.count == MonitorDemoData.years.count)
        for (a, b) in zip(values, values.dropFirst()) { #expect(b > a, "rising: \(values)") }
        let base = WorkforceScenario.flevolandBase
        let stock = base.stock.reduce(0) { $0 + $1.persons.value }
        let atBase = try #require(province.first { $0.period == .year(base.baseYear) }?.value)
        #expect(abs(atBase / stock - 1) < 0.03, "\(atBase) against the model's \(stock)")
        // Still below the 41,500 the Regioplan expects in 2032, and growing about as fast as the model.
        let last = try #require(values.last)
        #expect(last < 41_500)
        let supply = try WorkforceEngine.project(base)
        let modelLast = try #require(supply.year(MonitorDemoData.years.last!)?.total.supplyPersons)
        #expect(abs(last / modelLast - 1) < 0.05, "\(last) against the model's \(modelLast)")
    }
}
