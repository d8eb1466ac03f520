import Fluent
import MonitorFeature
import VitaalDomain
import XCTVapor
import XCTest

@testable import AppCore
@testable import PlansFeature

/// A target whose source is a monitor indicator reads its realisations from the monitor.
final class PlansMonitorRealisationTests: XCTestCase {
    func testIndicatorSourcedTargetReadsRealisationsFromTheMonitor() async throws {
        try await TestApp.with { app in
            try await TestApp.seedFoundation(app)
            try await MonitorFeature().loadDemoData(app: app, log: { _ in })
            try await PlansFeature().loadDemoData(app: app, log: { _ in })
            let plan = try await PlanRecord.query(on: app.db).filter(\.$key == "flever-jaarplan-2025").first()!
            // A target without realisations: no data before it is linked to the monitor.
            let target = try await TargetRecord.query(on: app.db).filter(\.$plan.$id == plan.id!).filter(
                \.$key == "AO.t3"
            ).first()!
            var loaded = try await PlanStore.load(key: plan.key, on: app.db)
            XCTAssertEqual(loaded.plan.targets.first { $0.key == "AO.t3" }?.status(), .noData)

            target.indicatorCode = "az_instroom"
            try await target.save(on: app.db)
            loaded = try await PlanStore.load(key: plan.key, on: app.db)
            let series = try await MonitorLookup.series(
                indicator: "az_instroom", region: "PV24", audience: .public, on: app.db
            ).filter { $0.value != nil }
            XCTAssertFalse(series.isEmpty)
            let domainTarget = try XCTUnwrap(loaded.plan.targets.first { $0.key == "AO.t3" })
            XCTAssertEqual(domainTarget.realisations.map(\.value), series.map { $0.value! })
            XCTAssertEqual(
                domainTarget.realisations.last?.date.description,
                MonitorRealisations.lastDay(of: Period(series.last!.period)!))
            XCTAssertNotEqual(domainTarget.status(), .noData)
            // The monitor's example values stay marked as example data; nothing was stored.
            let rows = loaded.realisations["AO.t3"] ?? []
            XCTAssertEqual(rows.map(\.isExample), series.map { $0.status == "voorbeeld" })
            XCTAssertTrue(rows.allSatisfy { $0.id == nil && ($0.evidence ?? "").contains("az_instroom") })
            let stored = try await RealisationRecord.query(on: app.db).filter(\.$target.$id == target.id!).count()
            XCTAssertEqual(stored, 0)
        }
    }

    func testPeriodsAreDatedAtTheirLastDay() {
        XCTAssertEqual(MonitorRealisations.lastDay(of: Period("2024")!), "2024-12-31")
        XCTAssertEqual(MonitorRealisations.lastDay(of: Period("2024Q3")!), "2024-09-30")
        XCTAssertEqual(MonitorRealisations.lastDay(of: Period("2024-02")!), "2024-02-29")
        XCTAssertEqual(MonitorRealisations.lastDay(of: Period("2023-02")!), "2023-02-28")
    }
}
