import Fluent
import VitaalDomain
import XCTVapor
import XCTest

@testable import AppCore
@testable import MonitorFeature

/// H4: a suppressed municipality (Urk, < 5) can not be worked out as Flevoland minus the other
/// municipalities on any public path: for every period, either Flevoland or at least two
/// municipalities are not published.
final class MonitorDisclosureTests: XCTestCase {
    static let indicator = "tz_werkgevers_vrijwilligersverlof"
    static let municipalities = ["GM0034", "GM0050", "GM0171", "GM0184", "GM0303", "GM0995"]

    /// One published cell: the number, or nil when not published.
    typealias Cells = [String: [String: Double?]]  // period → region → value

    /// Asserts that no hidden municipality value equals PV24 − Σ(published municipalities).
    func assertNoSubtraction(_ cells: Cells, path: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertFalse(cells.isEmpty, "no cells read from \(path)", file: file, line: line)
        var periodsWithSuppression = 0
        for (period, regions) in cells {
            let hiddenMunicipalities = Self.municipalities.filter { regions[$0] != nil && regions[$0]! == nil }
            guard !hiddenMunicipalities.isEmpty else { continue }
            periodsWithSuppression += 1
            let totalPublished = (regions["PV24"] ?? nil) != nil
            XCTAssertTrue(
                !totalPublished || hiddenMunicipalities.count >= 2,
                "\(path) \(period): Flevoland is published and only \(hiddenMunicipalities) hidden: \(regions)",
                file: file, line: line)
        }
        XCTAssertGreaterThan(
            periodsWithSuppression, 0, "\(path): expected Urk to be suppressed somewhere", file: file, line: line)
    }

    /// The demo values of the indicator, and which periods have Urk below 5.
    func urkSmallPeriods(_ app: Application) async throws -> Set<String> {
        let urk = try await DataValue.query(on: app.db).filter(\.$indicatorCode == Self.indicator).filter(
            \.$regionCode == "GM0184"
        ).all()
        return Set(urk.filter { ($0.value ?? 99) < 5 }.map(\.period))
    }

    func testSubtractionAttackFailsOnCSVJSONAPIAndPages() async throws {
        try await TestApp.with { app in
            try await MonitorTestSupport.seedDemo(app)
            // The demo has two small municipalities in every year; 2030 has only Urk below 5, and
            // Flevoland is the exact sum, as in the review's attack.
            let year2030: [(String, Int)] = [
                ("GM0034", 120), ("GM0050", 40), ("GM0171", 35), ("GM0184", 3), ("GM0303", 18), ("GM0995", 60)
            ]
            var csvText = "indicator;regio;periode;waarde\n"
            for (code, v) in year2030 { csvText += "\(Self.indicator);\(code);2030;\(v)\n" }
            csvText += "\(Self.indicator);PV24;2030;\(year2030.reduce(0) { $0 + $1.1 })\n"
            try await MonitorTestSupport.importCSV(app, csvText)
            let small = try await urkSmallPeriods(app)
            XCTAssertFalse(small.isEmpty, "the demo gives Urk values below 5")
            let anonymous = Browser(app)

            // CSV download of the indicator page.
            let csv = try await anonymous.get(
                MonitorURL.indicator(.value(Self.indicator)).path(query: [("formaat", "csv")]))
            XCTAssertEqual(csv.status, .ok)
            var cells: Cells = [:]
            for row in csv.body.split(whereSeparator: \.isNewline).dropFirst() {
                let f = row.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
                cells[f[4], default: [:]][f[2]] = .some(Double(f[5]))
            }
            assertNoSubtraction(cells, path: "CSV")
            for period in small {
                XCTAssertEqual(cells[period]?["GM0184"], .some(nil), "Urk \(period) hidden in the CSV")
            }
            XCTAssertTrue(csv.body.contains(";x;"), "secondary suppression is written as x")

            // JSON download of the region profile and of the indicator page.
            for path in [
                MonitorURL.indicator(.value(Self.indicator)).path(query: [("formaat", "json")]),
                "/monitor/transformatie-zorgzaam-flevoland?formaat=json"
            ] {
                let json = try await anonymous.get(path)
                XCTAssertEqual(json.status, .ok, path)
                let rows = try XCTUnwrap(
                    try JSONSerialization.jsonObject(with: Data(json.body.utf8)) as? [[String: Any]])
                var jsonCells: Cells = [:]
                for r in rows where r["indicator"] as? String == Self.indicator {
                    jsonCells[r["period"] as! String, default: [:]][r["region"] as! String] = .some(
                        r["value"] as? Double)
                }
                assertNoSubtraction(jsonCells, path: path)
            }

            // The open data API, whole and filtered by region (the decision never depends on the filter).
            func apiCells(_ query: String) async throws -> Cells {
                let res = try await anonymous.get("/api/v1/data?indicator=\(Self.indicator)&pageSize=10000\(query)")
                XCTAssertEqual(res.status, .ok, res.body)
                let page = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(res.body.utf8)) as? [String: Any])
                var out: Cells = [:]
                for r in page["items"] as! [[String: Any]] {
                    out[r["period"] as! String, default: [:]][r["region"] as! String] = .some(r["value"] as? Double)
                }
                return out
            }
            let api = try await apiCells("")
            assertNoSubtraction(api, path: "/api/v1/data")
            XCTAssertEqual(
                api.mapValues { $0.mapValues { $0 == nil } }, cells.mapValues { $0.mapValues { $0 == nil } },
                "API and CSV hide the same cells")
            for code in Self.municipalities + ["PV24"] {
                let one = try await apiCells("&region=\(code)")
                for (period, regions) in one {
                    XCTAssertEqual(
                        regions[code].map { $0 == nil }, api[period]?[code].map { $0 == nil },
                        "\(code) \(period) with region filter")
                }
            }
            // Small pages: a page that holds only PV24 and some municipalities hides the same cells.
            let paged = try await anonymous.get("/api/v1/data?indicator=\(Self.indicator)&pageSize=3&page=2")
            XCTAssertEqual(paged.status, .ok)

            // Pages: the indicator page of the latest period shows the secondary suppression, and the
            // region profile of that municipality says "afgeschermd" instead of its number.
            let latest = "2030"
            // Dronten (18) is the smallest other municipality: hidden with Urk; Flevoland stays.
            XCTAssertEqual(api[latest]?["GM0303"], .some(nil))
            XCTAssertEqual(api[latest]?["PV24"], .some(276))
            XCTAssertEqual(api[latest]?.values.filter { $0 == nil }.count, 2)
            let secondary = "GM0303"
            let page = try await anonymous.get(MonitorURL.indicator(.value(Self.indicator)).path(region: secondary))
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.body.contains(Disclosure.secondaryText), "the page shows ‘afgeschermd’")
            let stored = try await MonitorTestSupport.value(app, Self.indicator, secondary, latest)
            let exact = ValueFormatter.number(try XCTUnwrap(stored?.value), decimals: 0)
            let lastValueCard =
                page.body.components(separatedBy: "laatste waarde</p>").dropFirst().first?.prefix(200) ?? ""
            XCTAssertFalse(
                lastValueCard.contains(">\(exact)<"),
                "the hidden value \(exact) is not in the key figure: \(lastValueCard)")
            XCTAssertTrue(lastValueCard.contains(Disclosure.secondaryText), String(lastValueCard))
            // No rank is given for hidden values: ranks count published municipalities only.
            XCTAssertTrue(page.body.contains("van 4"), "ranks among the 4 published municipalities")
            XCTAssertFalse(page.body.contains("van 6<"), "no rank among all 6")
            let profile = try await anonymous.get(MonitorURL.region(.value(secondary)).path)
            XCTAssertTrue(profile.body.contains(Disclosure.secondaryText))

            // Urk's trend is not shown (its values are hidden).
            let urkPage = try await anonymous.get(MonitorURL.indicator(.value(Self.indicator)).path(region: "GM0184"))
            let trendCard = urkPage.body.components(separatedBy: "Trend</p>").dropFirst().first?.prefix(300) ?? ""
            XCTAssertTrue(trendCard.contains(TrendDirection.insufficientData.dutchLabel), String(trendCard))

            // Logged-in readers still see the exact values.
            let (mail, pass) = try await TestApp.user(app, role: .lezer)
            let reader = Browser(app)
            try await reader.login(mail, pass)
            let internalCSV = try await reader.get(
                MonitorURL.indicator(.value(Self.indicator)).path(query: [("formaat", "csv")]))
            XCTAssertFalse(internalCSV.body.contains(";x;"))
            XCTAssertFalse(internalCSV.body.contains(";<5;"))
        }
    }

    func testInternalOnlyMonitorIsNotListedAndPublicETagIgnoresInternalChanges() async throws {
        try await TestApp.with { app in
            try await MonitorTestSupport.seedDemo(app)
            let found = try await Indicator.query(on: app.db).filter(\.$code == "tz_mijlpalen").first()
            let internalInd = try XCTUnwrap(found)
            let monitor = Monitor(
                slug: "alleen-intern", name: "Geheime Procesmonitor", summary: "Interne mijlpalen", sortOrder: 99)
            try await monitor.create(on: app.db)
            try await MonitorItem(
                monitorID: try monitor.requireID(), themeID: nil, indicatorID: try internalInd.requireID(), sortOrder: 0
            ).create(on: app.db)

            let anonymous = Browser(app)
            let list = try await anonymous.get("/monitor")
            XCTAssertFalse(list.body.contains("Geheime Procesmonitor"))
            let apiList = try await anonymous.get("/api/v1/monitors")
            XCTAssertFalse(apiList.body.contains("Geheime Procesmonitor"))
            XCTAssertFalse(apiList.body.contains("alleen-intern"))
            let (mail, pass) = try await TestApp.user(app, role: .lezer)
            let reader = Browser(app)
            try await reader.login(mail, pass)
            let readerList = try await reader.get("/monitor")
            XCTAssertTrue(readerList.body.contains("Geheime Procesmonitor"))

            // Public ETag and Last-Modified do not move when only internal data changes.
            let path = "/api/v1/data?indicator=bw_tevreden_leven"
            let before = try await anonymous.get(path)
            let readerBefore = try await reader.get(path)
            try await Task.sleep(nanoseconds: 1_100_000_000)  // Last-Modified has one-second precision
            try await MonitorTestSupport.importCSV(app, "indicator;regio;periode;waarde\ntz_mijlpalen;PV24;2030;50\n")
            let after = try await anonymous.get(path)
            XCTAssertEqual(after.headers.first(name: .eTag), before.headers.first(name: .eTag))
            XCTAssertEqual(after.headers.first(name: .lastModified), before.headers.first(name: .lastModified))
            let readerAfter = try await reader.get(path)
            XCTAssertNotEqual(readerAfter.headers.first(name: .eTag), readerBefore.headers.first(name: .eTag))
            // A public change moves the public ETag.
            try await MonitorTestSupport.importCSV(
                app, "indicator;regio;periode;waarde\nbw_tevreden_leven;PV24;2030;80\n")
            let changed = try await anonymous.get(path)
            XCTAssertNotEqual(changed.headers.first(name: .eTag), before.headers.first(name: .eTag))
        }
    }

    func testDataVersionBumpIsOneUpdate() async throws {
        try await TestApp.with { app in
            let start = try await DataVersion.current(on: app.db)
            XCTAssertEqual(start.version, 0)
            try await DataVersion.bump(on: app.db, at: Fixtures.now)
            try await DataVersion.bump(on: app.db, publicData: false, at: Fixtures.now)
            try await DataVersion.bump(on: app.db, at: Fixtures.now)
            let now = try await DataVersion.current(on: app.db)
            XCTAssertEqual(now.version, 3)
            XCTAssertEqual(now.publicVersion, 2)
        }
    }
}
