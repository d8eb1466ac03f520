import Fluent
import VitaalDomain
import XCTVapor
import XCTest

@testable import AppCore
@testable import MonitorFeature

/// Pages and downloads with the demo data; visibility and disclosure control.
final class MonitorPagesTests: XCTestCase {
    func testDemoDataLoadsOnceAndIsMarkedAsExample() async throws {
        try await TestApp.with { app in
            try await MonitorTestSupport.seedDemo(app)
            let monitors = try await Monitor.query(on: app.db).count()
            XCTAssertEqual(monitors, 3)
            let values = try await MonitorTestSupport.valueCount(app)
            XCTAssertEqual(values, MonitorDemoData.observations().count)
            let example = try await DataValue.query(on: app.db).filter(\.$status == "voorbeeld").count()
            XCTAssertEqual(example, values - MonitorDemoData.realObservations.count)
            let real = try await MonitorTestSupport.value(app, "tz_meldingen_onbegrepen_gedrag", "PV24", "2022")
            XCTAssertEqual(real?.value, 709)
            XCTAssertEqual(real?.status, "definitief")
            try await MonitorFeature().loadDemoData(app: app, log: { _ in })
            let again = try await MonitorTestSupport.valueCount(app)
            XCTAssertEqual(again, values)
            let items = try await MonitorItem.query(on: app.db).count()
            XCTAssertEqual(items, MonitorDemoData.monitors.reduce(0) { $0 + $1.indicators.count })
        }
    }

    func testPagesRenderWithChartsTablesAndExampleLabels() async throws {
        try await TestApp.with { app in
            try await MonitorTestSupport.seedDemo(app)
            let browser = Browser(app)
            let list = try await browser.get("/monitor")
            XCTAssertEqual(list.status, .ok)
            XCTAssertTrue(list.body.contains("Brede Welvaart Flevoland"))
            XCTAssertTrue(list.body.contains("/monitor/regio/GM0034"))

            let monitor = try await browser.get("/monitor/brede-welvaart?regio=GM0995")
            XCTAssertEqual(monitor.status, .ok)
            XCTAssertTrue(monitor.body.contains("Subjectief welzijn"))
            XCTAssertTrue(monitor.body.contains("voorbeelddata"))
            XCTAssertTrue(monitor.body.contains("<svg"))
            XCTAssertTrue(monitor.body.contains("Tevreden met het leven"))
            XCTAssertTrue(monitor.body.contains("norm"))
            XCTAssertTrue(monitor.body.contains("status-good") || monitor.body.contains("status-bad"))

            let indicator = try await browser.get("/monitor/indicator/bw_ervaren_gezondheid?regio=GM0034")
            XCTAssertEqual(indicator.status, .ok)
            let svgCount = indicator.body.components(separatedBy: "<svg").count - 1
            XCTAssertGreaterThanOrEqual(svgCount, 3, "line chart, bar chart and map")
            XCTAssertGreaterThanOrEqual(
                indicator.body.components(separatedBy: "<table").count - 1, 3, "a table under every chart")
            XCTAssertTrue(indicator.body.contains("Tabel bij de kaart"))
            XCTAssertFalse(indicator.body.contains("Schematische omtrek"), "real CBS/PDOK boundaries")
            XCTAssertTrue(indicator.body.contains("CBS/PDOK"))
            XCTAssertTrue(indicator.body.contains("Gezondheidsmonitor"), "the real source of the indicator")
            XCTAssertTrue(indicator.body.contains("CC BY 4.0"))
            XCTAssertTrue(indicator.body.contains("Verhalen bij de cijfers"))
            XCTAssertLessThan(indicator.body.utf8.count, 150_000, "page weight")

            let stories = try await browser.get("/monitor/indicator/tz_welzijn_op_recept")
            XCTAssertTrue(stories.body.contains("Welzijn op Recept: ‘Ik kom weer onder de mensen’"))

            let region = try await browser.get("/monitor/regio/GM0171")
            XCTAssertEqual(region.status, .ok)
            XCTAssertTrue(region.body.contains("Regioprofiel Noordoostpolder"))
            XCTAssertTrue(region.body.contains("Rang in Flevoland"))
            XCTAssertTrue(region.body.contains("Arbeidsmarkt Zorg &amp; Welzijn"))
            let province = try await browser.get("/monitor/regio/PV24")
            XCTAssertEqual(province.status, .ok)
            let choose = try await browser.get("/monitor/regio/kies?regio=GM0050")
            XCTAssertEqual(choose.location, "/monitor/regio/GM0050")

            let unknown = try await browser.get("/monitor/bestaat-niet")
            XCTAssertEqual(unknown.status, .notFound)
            let badRegion = try await browser.get("/monitor/regio/GM9999")
            XCTAssertEqual(badRegion.status, .notFound)
        }
    }

    func testInternalIndicatorsOnlyForLoggedInReaders() async throws {
        try await TestApp.with { app in
            try await MonitorTestSupport.seedDemo(app)
            let anonymous = Browser(app)
            let hidden = try await anonymous.get("/monitor/indicator/tz_mijlpalen")
            XCTAssertEqual(hidden.status, .notFound)
            let monitor = try await anonymous.get("/monitor/transformatie-zorgzaam-flevoland")
            XCTAssertFalse(monitor.body.contains("Behaalde mijlpalen"))
            let csv = try await anonymous.get("/monitor/transformatie-zorgzaam-flevoland?formaat=csv")
            XCTAssertFalse(csv.body.contains("tz_mijlpalen"))
            let profile = try await anonymous.get("/monitor/regio/PV24?formaat=json")
            XCTAssertFalse(profile.body.contains("tz_mijlpalen"))

            let (mail, pass) = try await TestApp.user(app, role: .lezer)
            let reader = Browser(app)
            try await reader.login(mail, pass)
            let visible = try await reader.get("/monitor/indicator/tz_mijlpalen")
            XCTAssertEqual(visible.status, .ok)
            XCTAssertTrue(visible.body.contains("intern"))
            let internalMonitor = try await reader.get("/monitor/transformatie-zorgzaam-flevoland")
            XCTAssertTrue(internalMonitor.body.contains("Behaalde mijlpalen"))
        }
    }

    func testSmallCountsAreSuppressedForThePublicOnly() async throws {
        try await TestApp.with { app in
            try await MonitorTestSupport.seedDemo(app)
            let small = try await DataValue.query(on: app.db).filter(
                \.$indicatorCode == "tz_werkgevers_vrijwilligersverlof"
            )
            .filter(\.$regionCode == "GM0184").sort(\.$periodSort).all().last
            let value = try XCTUnwrap(small?.value)
            XCTAssertLessThan(value, 5)
            let exact = String(Int(value))
            let anonymous = Browser(app)
            let page = try await anonymous.get("/monitor/indicator/tz_werkgevers_vrijwilligersverlof?regio=GM0184")
            XCTAssertTrue(page.body.contains("&lt;5"))
            let csv = try await anonymous.get("/monitor/indicator/tz_werkgevers_vrijwilligersverlof?formaat=csv")
            let urkLines = csv.body.split(whereSeparator: \.isNewline).filter { $0.contains(";GM0184;") }
            XCTAssertFalse(urkLines.isEmpty)
            for line in urkLines {
                let fields = line.split(separator: ";", omittingEmptySubsequences: false)
                XCTAssertEqual(fields[5], "<5", String(line))
                XCTAssertTrue(line.contains("CC BY 4.0"))
            }
            XCTAssertTrue(csv.body.contains("bron;licentie"))
            let json = try await anonymous.get("/monitor/regio/GM0184?formaat=json")
            XCTAssertTrue(json.body.contains("\"suppressed\" : true"), String(json.body.prefix(500)))
            XCTAssertEqual(json.headers.first(name: .contentType), "application/json; charset=utf-8")

            let (mail, pass) = try await TestApp.user(app, role: .lezer)
            let reader = Browser(app)
            try await reader.login(mail, pass)
            let internalCSV = try await reader.get("/monitor/indicator/tz_werkgevers_vrijwilligersverlof?formaat=csv")
            let lastUrk = internalCSV.body.split(whereSeparator: \.isNewline).filter {
                $0.contains(";GM0184;Urk;\(small!.period);")
            }.first
            XCTAssertEqual(lastUrk?.split(separator: ";", omittingEmptySubsequences: false)[5], Substring(exact))
        }
    }
}
