import Fluent
import VitaalDomain
import XCTVapor
import XCTest

@testable import AppCore
@testable import WorkforceFeature

/// Security review H1/H2 (bounded input and work), H3 (escaping) and M11 (no e-mail addresses for
/// anonymous visitors) on the workforce pages and API.
final class WorkforceHardeningTests: XCTestCase {
    static func bodyPart(_ html: String) -> String { html.components(separatedBy: "</head>").last ?? html }

    static let hostile = [
        "9999999999999999999", "-1", "1e308", "NaN", "", String(repeating: "x", count: 10000), "\"'><x y=z"
    ]

    func testHostileValuesOnThePagesAndTheAPI() async throws {
        try await TestApp.with { app in
            try await Fixtures.Workforce.loadDemo(app)
            let base = try await Fixtures.Workforce.base(app)
            let id = base.id!.uuidString
            let browser = Browser(app)
            let params =
                WorkforceLevers.ids + [
                    WorkforceLeverForm.horizonField, WorkforceLeverForm.yearField, WorkforceLeverForm.monitorField,
                    "vergelijk", "opgeslagen"
                ]
            for value in Self.hostile {
                for p in params {
                    for path in ["/modellen/personeel/\(id)", "/modellen/personeel/\(id)/rapport"] {
                        let r = try await browser.get("\(path)?\(p)=\(Browser.enc(value))")
                        XCTAssertLessThan(r.status.code, 500, "\(path) \(p)=\(value.prefix(30))")
                        XCTAssertFalse(r.body.contains("\"'><x"), "\(path) \(p): raw value reflected")
                    }
                }
                for p in ["runs", "year"] {
                    let r = try await browser.get(
                        "/api/v1/workforce/scenarios/\(id)/projection?\(p)=\(Browser.enc(value))")
                    XCTAssertLessThan(r.status.code, 500, "\(p)=\(value.prefix(30))")
                    XCTAssertEqual(
                        r.headers.contentType?.subType, "json", "JSON, not HTML, even for errors quoting the value")
                    if !value.isEmpty { XCTAssertEqual(r.status, .unprocessableEntity, "\(p)=\(value.prefix(30))") }
                }
                let cmp = try await browser.get("/modellen/personeel/vergelijk?a=\(Browser.enc(value))&b=\(id)")
                XCTAssertLessThan(cmp.status.code, 500)
            }
            let health = try await browser.get("/health")
            XCTAssertEqual(health.status, .ok)
        }
    }

    func testBoundsOnRunsHorizonAndLevers() async throws {
        try await TestApp.with { app in
            try await Fixtures.Workforce.loadDemo(app)
            let base = try await Fixtures.Workforce.base(app)
            let id = base.id!.uuidString
            let browser = Browser(app)
            let runs = try await browser.get("/api/v1/workforce/scenarios/\(id)/projection?runs=5000")
            XCTAssertEqual(runs.status, .unprocessableEntity)
            XCTAssertTrue(runs.body.contains("2.000"), runs.body)
            let ok = try await browser.get("/api/v1/workforce/scenarios/\(id)/projection?runs=20&year=2030")
            XCTAssertEqual(ok.status, .ok)
            let year = try await browser.get("/api/v1/workforce/scenarios/\(id)/projection?year=9999")
            XCTAssertEqual(year.status, .unprocessableEntity)
            let horizon = try await browser.get("/modellen/personeel/\(id)?horizon=2120")
            XCTAssertEqual(horizon.status, .unprocessableEntity)
            XCTAssertTrue(horizon.body.contains("hoogstens 2060"), "the limit is stated")
            let exponent = try await browser.get("/modellen/personeel/\(id)?productivity=1e1")
            XCTAssertEqual(exponent.status, .unprocessableEntity, "no exponent notation")
            // Cached: the second identical what-if is a look-up.
            _ = try await browser.get("/modellen/personeel/\(id)?productivity=1")
            let start = Date()
            let again = try await browser.get("/modellen/personeel/\(id)?productivity=1")
            XCTAssertEqual(again.status, .ok)
            XCTAssertLessThan(Date().timeIntervalSince(start), 3)
        }
    }

    /// M11 and H3: a scenario saved by an editor shows the organisation, not the e-mail address,
    /// to anonymous visitors (page, versions, API); its hostile name is escaped in the save form.
    func testAnonymousVisitorsSeeTheOrganisationNotTheEditorsEmail() async throws {
        try await TestApp.with { app in
            try await Fixtures.Workforce.loadDemo(app)
            let base = try await Fixtures.Workforce.base(app)
            let (email, password) = try await TestApp.user(app, role: .redacteur, organisation: "flever")
            let editor = Browser(app)
            _ = try await editor.login(email, password)
            _ = try await editor.get(WorkforceURL.scenario(.value(base.id!.uuidString)).path)
            let evil = "Plan \"'><x y=z"
            let saved = try await editor.post(
                "/modellen/personeel/\(base.id!.uuidString)/opslaan", ["name": evil, "productivity": "1"])
            XCTAssertEqual(saved.status, .seeOther, saved.body)
            let path = try XCTUnwrap(saved.location?.components(separatedBy: "?").first)

            let anonymous = Browser(app)
            let page = try await anonymous.get(path)
            XCTAssertEqual(page.status, .ok)
            XCTAssertFalse(page.body.contains(email), "no e-mail address on the public page")
            XCTAssertTrue(page.body.contains("opgeslagen door Flever"), "the organisation instead")
            // The page body never carries the raw sequence. (The <head> is AppCore's: Plot's
            // `.title()` also writes og:title/twitter:title attributes unescaped; reported.)
            XCTAssertFalse(Self.bodyPart(page.body).contains("\"'><x"))
            let api = try await anonymous.get(WorkforceURL.apiScenarios.path)
            XCTAssertFalse(api.body.contains(email), "no e-mail address in the public API")
            let scenarioID = String(path.split(separator: "/").last!)
            let detail = try await anonymous.get("/api/v1/workforce/scenarios/\(scenarioID)")
            XCTAssertEqual(detail.status, .ok)
            XCTAssertFalse(detail.body.contains(email))
            XCTAssertTrue(detail.body.contains("\"author\":\"Flever\""), detail.body)

            // Logged-in users see who saved it; the stored name is escaped in the save form.
            let own = try await editor.get(path)
            XCTAssertTrue(own.body.contains(email))
            XCTAssertFalse(Self.bodyPart(own.body).contains("\"'><x"))
            XCTAssertTrue(own.body.contains("value=\"Plan &quot;&#39;&gt;&lt;x y=z\""), "suggested name escaped")
        }
    }
}
