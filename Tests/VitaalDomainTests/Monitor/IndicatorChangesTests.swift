import Foundation
import Testing

@testable import VitaalDomain

@Suite("Monitor – indicator definition changes")
struct IndicatorChangesTests {
    let base = IndicatorDefinition(
        code: "x", name: "Eenzaamheid", unit: "%", decimals: 1, polarity: .lowerIsBetter, source: "GGD",
        validRange: .percentage)

    @Test func noChangesForEqualDefinitions() {
        #expect(base.changes(from: base).isEmpty)
    }

    @Test func listsEveryChangedFieldWithOldAndNewText() {
        var new = base
        new.name = "Ernstige eenzaamheid"
        new.decimals = 0
        new.norm = Norm(.atMost, 10.5, source: "RIVM")
        let changes = new.changes(from: base, extra: [("status", "vervallen")], oldExtra: [("status", "actief")])
        #expect(
            changes == [
                IndicatorChange(field: "name", old: "Eenzaamheid", new: "Ernstige eenzaamheid"),
                IndicatorChange(field: "decimals", old: "1", new: "0"),
                IndicatorChange(field: "norm_comparison", old: "", new: "≤"),
                IndicatorChange(field: "norm_value", old: "", new: "10.5"),
                IndicatorChange(field: "norm_source", old: "", new: "RIVM"),
                IndicatorChange(field: "status", old: "actief", new: "vervallen")
            ])
    }

    @Test func jsonRoundTrip() {
        let changes = [
            IndicatorChange(field: "name", old: "a \"b\"", new: "c\nd"),
            IndicatorChange(field: "formula", old: "", new: "ratio(a, b) * 100")
        ]
        let json = IndicatorChange.json(changes)
        #expect(json.hasPrefix("[{\"field\":\"name\",\"old\":"))
        #expect(IndicatorChange.parse(json: json) == changes)
        #expect(IndicatorChange.parse(json: "geen json").isEmpty)
    }
}
