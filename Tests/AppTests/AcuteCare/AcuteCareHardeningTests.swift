import Fluent
import VitaalDomain
import XCTVapor
import XCTest

@testable import AcuteCareFeature
@testable import AppCore

/// Security review H1, H2, H3, L9 for the acute-care model: hostile numbers never crash or stall
/// the server, reflected values are escaped, small counts are not published by the API.
final class AcuteCareHardeningTests: XCTestCase {
    static let hostile = [
        "9999999999999999999", "-1", "1e308", "NaN", "", String(repeating: "x", count: 10000), "\"'><x y=z"
    ]

    func testEveryWhatIfParameterSurvivesHostileValues() async throws {
        try await TestApp.with { app in
            try await AcuteCareAPITests.seed(app)
            let browser = Browser(app)
            for field in WhatIfForm.scenarioFields + ["naam", "omschrijving", "scenario"] {
                for value in Self.hostile {
                    let r = try await browser.get("/modellen/acute-zorg?\(field)=\(Browser.enc(value))")
                    XCTAssertLessThan(r.status.code, 500, "\(field)=\(value.prefix(30))")
                    XCTAssertFalse(r.body.contains("\"'><x"), "\(field): raw value reflected")
                }
            }
            let health = try await browser.get("/health")
            XCTAssertEqual(health.status, .ok)
        }
    }

    /// The concrete crash and hang requests of the review answer 422 at once.
    func testTheReviewsCrashAndHangRequestsAre422Quickly() async throws {
        try await TestApp.with { app in
            try await AcuteCareAPITests.seed(app)
            let browser = Browser(app)
            let cases = [
                ("groei_jaar=1e19", "groei_jaar"), ("ritten=1e15", "ritten"),
                ("wijk_inwoners=1e300&wijk_lat=52.36&wijk_lon=5.16", "wijk_inwoners"),
                ("groei_pct=1e300", "groei_pct"), ("ritten=1000000000000000", "hoogstens 10.000.000"),
                ("wijk_inwoners=99999999999&wijk_lat=52.36&wijk_lon=5.16", "hoogstens 10.000.000"),
                ("groei_pct=501", "+500%"), ("groei_almere=-99.5", "−99%"), ("groei_jaar=2061", "2024 tot en met 2060"),
                ("groei_totaal=99999999", "10.000.000")
            ]
            for (query, expected) in cases {
                let start = Date()
                let r = try await browser.get("/modellen/acute-zorg?\(query)")
                XCTAssertEqual(r.status, .unprocessableEntity, query)
                XCTAssertTrue(r.body.contains(expected), "\(query) should say \(expected)")
                XCTAssertLessThan(Date().timeIntervalSince(start), 5, query)
            }
            // The largest accepted values still compute within the time budget.
            let start = Date()
            let big = try await browser.get("/modellen/acute-zorg?ritten=10000000&groei_pct=500")
            XCTAssertLessThan(big.status.code, 500)
            XCTAssertLessThan(Date().timeIntervalSince(start), 20, "bounded work at the limits")
            let health = try await browser.get("/health")
            XCTAssertEqual(health.status, .ok)
        }
    }

    func testAPIRefusesScenariosOutsideTheBounds() async throws {
        let cases: [(String, String)] = [
            (#"{"ridesPerYear":1e15}"#, "ridesPerYear"),
            (#"{"normMinutes":1e300}"#, "normMinutes"),
            (
                #"{"newDistricts":[{"id":"x","location":{"lat":52.36,"lon":5.16},"population":1e300}]}"#,
                "newDistricts[0].population"
            ),
            (
                #"{"growth":{"baseYear":2024,"targetYear":9223372036854775807,"factorByMunicipality":{},"defaultFactor":1.1,"bandFactors":{}}}"#,
                "growth.targetYear"
            ),
            (
                #"{"growth":{"baseYear":2024,"targetYear":2035,"factorByMunicipality":{"Almere":1e300},"defaultFactor":1.1,"bandFactors":{}}}"#,
                "groeifactor"
            )
        ]
        try await TestApp.with { app in
            try await AcuteCareAPITests.seed(app)
            let (email, password) = try await TestApp.user(app, role: .redacteur)
            let browser = Browser(app)
            _ = try await browser.login(email, password)
            for (changes, expected) in cases {
                let start = Date()
                let r = try await browser.request(
                    .POST, AcuteCareURL.apiScenarios.path, json: #"{"name":"x","changes":\#(changes)}"#,
                    headers: ["X-CSRF-Token": browser.csrf ?? ""])
                XCTAssertEqual(r.status, .unprocessableEntity, "\(changes): \(r.body)")
                XCTAssertTrue(r.body.contains(expected), "\(changes): \(r.body)")
                XCTAssertLessThan(Date().timeIntervalSince(start), 5)
            }
            let count = try await AcuteCareScenarioRecord.query(on: app.db).count()
            XCTAssertEqual(count, 5, "nothing saved")
        }
    }

    /// L9: a district of 3 residents is not published as 3 by the API.
    func testAPISuppressesCountsOfOneToFour() async throws {
        try await TestApp.with { app in
            try await AcuteCareAPITests.seed(app)
            let (email, password) = try await TestApp.user(app, role: .redacteur)
            let browser = Browser(app)
            _ = try await browser.login(email, password)
            let body =
                #"{"name":"Klein","changes":{"newDistricts":[{"id":"hoeve","name":"Hoeve","location":{"lat":52.36,"lon":5.16},"population":3}]}}"#
            let created = try await browser.request(
                .POST, AcuteCareURL.apiScenarios.path, json: body, headers: ["X-CSRF-Token": browser.csrf ?? ""])
            XCTAssertEqual(created.status, .created, created.body)
            let r = try await Browser(app).get(AcuteCareURL.apiCoverage(.value("klein")).path)
            XCTAssertEqual(r.status, .ok)
            let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(r.body.utf8)) as? [String: Any])
            let result = try XCTUnwrap(json["result"] as? [String: Any])
            let points = try XCTUnwrap(result["points"] as? [[String: Any]])
            let hoeve = try XCTUnwrap(points.first { $0["id"] as? String == "hoeve" })
            XCTAssertNil(hoeve["population"] as? Double, "not published: \(hoeve)")
            XCTAssertEqual(hoeve["suppressed"] as? Bool, true)
            XCTAssertFalse(points.contains { ($0["population"] as? Double).map { $0 > 0 && $0 < 5 } ?? false })
            for m in try XCTUnwrap(result["municipalities"] as? [[String: Any]]) {
                for key in ["population", "covered", "uncovered"] {
                    if let v = m[key] as? Double { XCTAssertFalse(v > 0 && v < 5, "\(m)") }
                }
            }
            let openapi = try await Browser(app).get(SiteURL.openAPI.path)
            XCTAssertTrue(openapi.body.contains("null bij 1–4 personen"))
        }
    }

    /// H3: reflected values in the save form and the what-if form are escaped.
    func testReflectedValuesAreEscapedInBothForms() async throws {
        try await TestApp.with { app in
            try await AcuteCareAPITests.seed(app)
            let (email, password) = try await TestApp.user(app, role: .redacteur)
            let browser = Browser(app)
            _ = try await browser.login(email, password)
            let evil = "\"'><x y=z"
            let r = try await browser.get(
                "/modellen/acute-zorg?post_plaats=rutten&naam=\(Browser.enc(evil))&post_naam=\(Browser.enc(evil))")
            XCTAssertEqual(r.status, .ok, r.body)
            XCTAssertTrue(r.body.contains("Scenario opslaan"))
            XCTAssertFalse(r.body.contains(evil))
            XCTAssertTrue(r.body.contains("value=\"&quot;&#39;&gt;&lt;x y=z\""), "escaped in value attributes")
            // The checkbox is a real element, checked when asked.
            let ageing = try await browser.get("/modellen/acute-zorg?vergrijzing=1")
            XCTAssertTrue(ageing.body.contains("name=\"vergrijzing\" value=\"1\" checked"), "checkbox rendered by Plot")
            // A saved name with quotes is escaped on the public page.
            let ok = try await browser.post(
                AcuteCareURL.saveScenario.path, ["naam": "Post \(evil)", "post_plaats": "rutten"])
            XCTAssertEqual(ok.status, .seeOther, ok.body)
            let page = try await Browser(app).get(AcuteCareURL.index.path)
            XCTAssertFalse(page.body.contains(evil))
            XCTAssertTrue(
                page.body.contains("Post &quot;'&gt;&lt;x y=z") || page.body.contains("Post \"'&gt;&lt;x y=z"),
                "name shown as text")
        }
    }

    func testRepeatedWhatIfsAreServedFromTheCache() throws {
        AcuteCareService.cache.removeAll()
        let changes = try WhatIfForm(groei_pct: "16").changes()
        let first = try AcuteCareService.evaluate(changes)
        XCTAssertEqual(AcuteCareService.cache.count, 1)
        let start = Date()
        let second = try AcuteCareService.evaluate(changes)
        XCTAssertLessThan(Date().timeIntervalSince(start), 0.05)
        XCTAssertEqual(first.result.totalAmbulances, second.result.totalAmbulances)
        XCTAssertEqual(AcuteCareService.cache.count, 1)
        _ = try AcuteCareService.evaluate(try WhatIfForm(groei_pct: "17").changes())
        XCTAssertEqual(AcuteCareService.cache.count, 2, "another input is another entry (bounded: ResultCacheTests)")
    }
}
