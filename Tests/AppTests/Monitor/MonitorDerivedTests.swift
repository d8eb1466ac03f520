import Fluent
import VitaalDomain
import XCTVapor
import XCTest

@testable import AppCore
@testable import MonitorFeature

/// Derived indicators (#15): computed when read from their inputs on every read path (page, CSV
/// download, data API), with the inputs' status and disclosure control; never imported.
final class MonitorDerivedTests: XCTestCase {
    struct DataPage: Decodable {
        struct Item: Decodable {
            var indicator: String
            var region: String
            var period: String
            var value: Double?
            var display: String
            var suppressed: Bool
            var status: String
        }
        var items: [Item]
        var total: Int
        var next: String?
    }

    /// A logged-in browser with a CSRF token.
    static func browser(_ app: Application, role: Role, organisation: String = "flever") async throws -> Browser {
        let (email, password) = try await TestApp.user(app, role: role, organisation: organisation)
        let b = Browser(app)
        try await b.login(email, password)
        try await b.get("/monitor")
        return b
    }

    static func send(_ b: Browser, _ method: HTTPMethod, _ path: String, json: String) async throws -> Browser.Result {
        try await b.request(method, path, json: json, headers: ["X-CSRF-Token": b.csrf ?? ""])
    }

    static let derivedJSON = """
        {"code": "tz_verhouding", "name": "Verhouding laag inkomen en werkloosheid", "unit": "ratio",
         "decimals": 2, "polarity": "neutral", "source": "Berekend uit CBS", "visibility": "public",
         "owner": "provincie-flevoland", "formula": "ratio(bw_laag_inkomen, bw_werkloosheid) * 100"}
        """

    func testDerivedRatioOnTheDemoDataEqualsTheHandComputedRatioWithItsStatus() async throws {
        try await TestApp.with { app in
            try await MonitorTestSupport.seedDemo(app)
            let admin = try await Self.browser(app, role: .beheerder)
            let created = try await Self.send(admin, .POST, "/api/v1/indicators", json: Self.derivedJSON)
            XCTAssertEqual(created.status, .created, created.body)
            XCTAssertTrue(created.body.contains("\"formula\":\"ratio(bw_laag_inkomen, bw_werkloosheid) * 100\""))

            let listed = try await Browser(app).get("/api/v1/indicators")
            XCTAssertTrue(listed.body.contains("\"formula\":\"ratio(bw_laag_inkomen, bw_werkloosheid) * 100\""))
            // The hand-computed ratio from the two inputs' stored values, for every region and period.
            let a = try await DataValue.query(on: app.db).filter(\.$indicatorCode == "bw_laag_inkomen").all()
            let b = try await DataValue.query(on: app.db).filter(\.$indicatorCode == "bw_werkloosheid").all()
            var expected: [String: (Double, String)] = [:]
            let bByKey = Dictionary(b.map { ($0.regionCode + "|" + $0.period, $0) }, uniquingKeysWith: { x, _ in x })
            for x in a {
                guard let y = bByKey[x.regionCode + "|" + x.period], let xv = x.value, let yv = y.value, yv != 0 else {
                    continue
                }
                let status = DerivedFormula.combinedStatus([x.dataStatus, y.dataStatus]).rawValue
                expected[x.regionCode + "|" + x.period] = (xv / yv * 100, status)
            }
            XCTAssertGreaterThan(expected.count, 5)
            XCTAssertTrue(expected.values.allSatisfy { $0.1 == "voorbeeld" }, "demo data are example data")

            // The data API (public and logged in) gives exactly these.
            for browser in [Browser(app), admin] {
                let r = try await browser.get("/api/v1/data?indicator=tz_verhouding&pageSize=10000")
                XCTAssertEqual(r.status, .ok, r.body)
                let page = try JSONDecoder().decode(DataPage.self, from: Data(r.body.utf8))
                XCTAssertEqual(page.total, expected.count)
                for item in page.items {
                    let want = try XCTUnwrap(expected[item.region + "|" + item.period], "\(item)")
                    XCTAssertEqual(try XCTUnwrap(item.value), want.0, accuracy: 1e-9)
                    XCTAssertEqual(item.status, want.1)
                    XCTAssertFalse(item.suppressed)
                }
            }
            // Paging across stored and derived indicators keeps one order and the total.
            let all = try await admin.get(
                "/api/v1/data?indicator=bw_laag_inkomen,tz_verhouding,bw_werkloosheid&pageSize=10000")
            let whole = try JSONDecoder().decode(DataPage.self, from: Data(all.body.utf8))
            XCTAssertEqual(whole.total, a.count + b.count + expected.count)
            var paged: [String] = []
            for n in 1...((whole.total + 6) / 7) {
                let r = try await admin.get(
                    "/api/v1/data?indicator=bw_laag_inkomen,tz_verhouding,bw_werkloosheid&pageSize=7&page=\(n)")
                paged += try JSONDecoder().decode(DataPage.self, from: Data(r.body.utf8)).items.map {
                    "\($0.indicator)|\($0.region)|\($0.period)"
                }
            }
            XCTAssertEqual(paged, whole.items.map { "\($0.indicator)|\($0.region)|\($0.period)" })

            // The indicator page: the formula with links to the inputs, the example label, a value.
            let page = try await Browser(app).get("/monitor/indicator/tz_verhouding?regio=GM0034")
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.body.contains("Berekend: "), page.body)
            XCTAssertTrue(page.body.contains("href=\"/monitor/indicator/bw_laag_inkomen\""))
            XCTAssertTrue(page.body.contains("href=\"/monitor/indicator/bw_werkloosheid\""))
            XCTAssertTrue(page.body.contains("voorbeelddata"))
            // The CSV download has the computed values.
            let csv = try await Browser(app).get("/monitor/indicator/tz_verhouding?formaat=csv")
            XCTAssertEqual(csv.status, .ok)
            let latest = try XCTUnwrap(expected.filter { $0.key.hasPrefix("GM0034|") }.max { $0.key < $1.key })
            let text = String(format: "%.2f", latest.value.0)
            XCTAssertTrue(csv.body.contains(text), "\(text) not in \(csv.body.prefix(600))")

            // Values for a derived indicator are refused by the value import.
            let error = await MonitorTestSupport.importError(
                app, Data("indicator;regio;periode;waarde\ntz_verhouding;GM0034;2024;1\n".utf8), name: "afgeleid.csv")
            XCTAssertEqual(error?.problems.first?.location.line, 2)
            XCTAssertTrue(error?.description.contains("wordt berekend") ?? false, error?.description ?? "")
            let stored = try await DataValue.query(on: app.db).filter(\.$indicatorCode == "tz_verhouding").count()
            XCTAssertEqual(stored, 0)
        }
    }

    func testAHiddenCountInputHidesTheDerivedValueFromThePublic() async throws {
        try await TestApp.with { app in
            try await MonitorTestSupport.seedIndicators(app)
            try await MonitorTestSupport.importCSV(
                app,
                """
                indicator;regio;periode;waarde;status
                tz_welzijn_op_recept;GM0034;2024;3;voorlopig
                tz_welzijn_op_recept;GM0995;2024;40;definitief
                tz_werkgevers_vrijwilligersverlof;GM0034;2024;20;definitief
                tz_werkgevers_vrijwilligersverlof;GM0995;2024;50;definitief
                tz_mijlpalen;GM0995;2024;80;definitief
                """)
            let admin = try await Self.browser(app, role: .beheerder)
            let r = try await Self.send(
                admin, .POST, "/api/v1/indicators",
                json: """
                    {"code": "tz_recept_per_werkgever", "name": "Deelnemers per werkgever", "unit": "per werkgever",
                     "decimals": 2, "polarity": "neutral", "source": "Berekend",
                     "formula": "ratio(tz_welzijn_op_recept, tz_werkgevers_vrijwilligersverlof)"}
                    """)
            XCTAssertEqual(r.status, .created, r.body)
            let path = "/api/v1/data?indicator=tz_recept_per_werkgever"
            let publicBody = try await Browser(app).get(path).body
            let publicPage = try JSONDecoder().decode(DataPage.self, from: Data(publicBody.utf8))
            let hidden = try XCTUnwrap(publicPage.items.first { $0.region == "GM0034" })
            XCTAssertTrue(hidden.suppressed)
            XCTAssertNil(hidden.value)
            XCTAssertEqual(hidden.status, "voorlopig")
            let shown = try XCTUnwrap(publicPage.items.first { $0.region == "GM0995" })
            XCTAssertEqual(try XCTUnwrap(shown.value), 40.0 / 50.0, accuracy: 1e-12)
            let internalBody = try await admin.get(path).body
            let internalPage = try JSONDecoder().decode(DataPage.self, from: Data(internalBody.utf8))
            let exact = try XCTUnwrap(internalPage.items.first { $0.region == "GM0034" })
            XCTAssertEqual(try XCTUnwrap(exact.value), 3.0 / 20.0, accuracy: 1e-12)
            XCTAssertFalse(exact.suppressed)
            // A public derived indicator over an internal input shows the public nothing of it.
            let secret = try await Self.send(
                admin, .POST, "/api/v1/indicators",
                json: """
                    {"code": "tz_mijlpalen_per_werkgever", "name": "Mijlpalen per werkgever", "unit": "ratio",
                     "decimals": 2, "polarity": "neutral", "source": "Berekend",
                     "formula": "ratio(tz_mijlpalen, tz_werkgevers_vrijwilligersverlof)"}
                    """)
            XCTAssertEqual(secret.status, .created, secret.body)
            let secretPath = "/api/v1/data?indicator=tz_mijlpalen_per_werkgever"
            let secretPublic = try await Browser(app).get(secretPath).body
            let secretItem = try XCTUnwrap(
                try JSONDecoder().decode(DataPage.self, from: Data(secretPublic.utf8)).items.first)
            XCTAssertTrue(secretItem.suppressed)
            XCTAssertNil(secretItem.value)
            let secretInternal = try await admin.get(secretPath).body
            let exactSecret = try XCTUnwrap(
                try JSONDecoder().decode(DataPage.self, from: Data(secretInternal.utf8)).items.first)
            XCTAssertEqual(try XCTUnwrap(exactSecret.value), 80.0 / 50.0, accuracy: 1e-12)
            // The public page does not show the hidden value either.
            let page = try await Browser(app).get("/monitor/indicator/tz_recept_per_werkgever?regio=GM0034")
            XCTAssertFalse(page.body.contains("0,15"), "hidden value leaked")
        }
    }

    func testFormulasWithUnknownOrCyclicInputsAreRefusedAndNothingIsWritten() async throws {
        try await TestApp.with { app in
            try await MonitorTestSupport.seedIndicators(app)
            let admin = try await Self.browser(app, role: .beheerder)
            func create(_ code: String, _ formula: String) async throws -> Browser.Result {
                try await Self.send(
                    admin, .POST, "/api/v1/indicators",
                    json: """
                        {"code": "\(code)", "name": "X", "unit": "aantal", "polarity": "neutral", "source": "B",
                         "formula": "\(formula)"}
                        """)
            }
            let before = try await Indicator.query(on: app.db).count()
            let unknown = try await create("tz_x", "sum(bw_werkloosheid, bestaat_niet)")
            XCTAssertEqual(unknown.status, .unprocessableEntity, unknown.body)
            XCTAssertTrue(unknown.body.contains("onbekende indicator \\\"bestaat_niet\\\""), unknown.body)
            XCTAssertTrue(unknown.body.contains("\"field\":\"formula\""), unknown.body)
            let syntax = try await create("tz_x", "ratio(bw_werkloosheid)")
            XCTAssertEqual(syntax.status, .unprocessableEntity)
            XCTAssertTrue(syntax.body.contains("vraagt precies 2 indicatoren"), syntax.body)
            // a → b is fine, then b → a closes a cycle.
            let first = try await create("tz_a", "sum(tz_welzijn_op_recept, tz_werkgevers_vrijwilligersverlof)")
            XCTAssertEqual(first.status, .created, first.body)
            let second = try await create("tz_b", "sum(tz_a, tz_welzijn_op_recept)")
            XCTAssertEqual(second.status, .created, second.body)
            let cycle = try await Self.send(
                admin, .PUT, "/api/v1/indicators/tz_a",
                json: """
                    {"name": "X", "unit": "aantal", "polarity": "neutral", "source": "B",
                     "formula": "sum(tz_b, tz_welzijn_op_recept)"}
                    """)
            XCTAssertEqual(cycle.status, .unprocessableEntity, cycle.body)
            XCTAssertTrue(cycle.body.contains("kringvormig: tz_a → tz_b → tz_a"), cycle.body)
            let stored = try await Indicator.query(on: app.db).filter(\.$code == "tz_a").first()
            XCTAssertEqual(stored?.formula, "sum(tz_welzijn_op_recept, tz_werkgevers_vrijwilligersverlof)")
            let count = try await Indicator.query(on: app.db).count()
            XCTAssertEqual(count, before + 2)
            // An input in use cannot be deleted (409), the derived one can.
            let inUse = try await Self.send(admin, .DELETE, "/api/v1/indicators/tz_a", json: "")
            XCTAssertEqual(inUse.status, .conflict, inUse.body)
            XCTAssertTrue(inUse.body.contains("de formule van indicator tz_b gebruikt hem"), inUse.body)
            let deleted = try await Self.send(admin, .DELETE, "/api/v1/indicators/tz_b", json: "")
            XCTAssertEqual(deleted.status, .ok, deleted.body)
        }
    }
}
