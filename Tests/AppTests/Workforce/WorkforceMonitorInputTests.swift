import VitaalDomain
import XCTest

@testable import WorkforceFeature

/// Stock, inflow and outflow from the labour-market monitor replace the scenario's own figures.
final class WorkforceMonitorInputTests: XCTestCase {
    func value(_ code: String, _ v: Double) -> WorkforceMonitorInputs.Value {
        .init(
            code: code, name: code, unit: code == WorkforceMonitorInputs.stockCode ? "aantal" : "%", period: "2020",
            value: v, status: "voorbeeld")
    }

    func testMonitorFiguresAreApplied() throws {
        let base = WorkforceScenario.flevolandBase
        let values = [
            WorkforceMonitorInputs.stockCode: value(WorkforceMonitorInputs.stockCode, 30_000),
            WorkforceMonitorInputs.inflowCode: value(WorkforceMonitorInputs.inflowCode, 15),
            WorkforceMonitorInputs.outflowCode: value(WorkforceMonitorInputs.outflowCode, 12),
            WorkforceMonitorInputs.shortageCode: value(WorkforceMonitorInputs.shortageCode, 4)
        ]
        let (s, applied) = try WorkforceMonitorInputs.apply(values, to: base)
        XCTAssertEqual(applied.filter(\.used).count, 3)
        XCTAssertFalse(applied.first { $0.input.code == WorkforceMonitorInputs.shortageCode }!.used)
        var short = s
        short.horizon = 2021
        let p = try WorkforceEngine.project(short)
        XCTAssertEqual(p.years[0].total.supplyPersons, 30_000, accuracy: 1e-6)
        XCTAssertEqual(p.years[1].inflow / p.years[0].total.supplyPersons, 0.15, accuracy: 1e-9)
        XCTAssertEqual(
            (p.years[1].outflow + p.years[1].retirement) / p.years[0].total.supplyPersons, 0.12, accuracy: 1e-9)
        XCTAssertTrue(s.description.contains("az_instroom 2020 = 15,0"))
    }

    func testNoMonitorFiguresLeaveTheScenarioAlone() throws {
        let (s, applied) = try WorkforceMonitorInputs.apply([:], to: WorkforceScenario.flevolandBase)
        XCTAssertTrue(applied.isEmpty)
        XCTAssertEqual(s, WorkforceScenario.flevolandBase)
        let bad = try WorkforceMonitorInputs.apply(
            [WorkforceMonitorInputs.inflowCode: value(WorkforceMonitorInputs.inflowCode, 250)],
            to: WorkforceScenario.flevolandBase)
        XCTAssertFalse(bad.1[0].used)
        XCTAssertEqual(bad.0, WorkforceScenario.flevolandBase)
    }
}
