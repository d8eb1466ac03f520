import Fluent
import VitaalDomain
import XCTVapor
import XCTest

@testable import AppCore

final class SystemTests: XCTestCase {
    func testMigrationsRunFromEmptyAndRevert() async throws {
        try await TestApp.with { app in
            // TestApp already migrated from an empty schema; revert everything and migrate again.
            try await app.autoRevert()
            try await app.autoMigrate()
            try await TestApp.seedFoundation(app)
            let value1 = try await Region.query(on: app.db).filter(\.$kind == "gemeente").count()
            XCTAssertEqual(value1, 6)
        }
    }

    func testDemoDataLoadsRegionsOrganisationsAndOneUserPerRole() async throws {
        try await TestApp.with { app in
            try await DemoData.load(app: app, features: []) { _ in }
            for code in ["NL01", "PV24", "GM0034", "GM0995", "GM0303", "GM0171", "GM0050", "GM0184"] {
                let value2 = try await Region.query(on: app.db).filter(\.$code == code).first()
                XCTAssertNotNil(value2, code)
            }
            let almere = try await Region.query(on: app.db).filter(\.$code == "GM0034").with(\.$parent).first()!
            XCTAssertEqual(almere.parent?.code, "PV24")
            XCTAssertFalse(almere.geometrySchematic, "the real CBS/PDOK boundary")
            XCTAssertNotNil(almere.multiPolygon)
            for name in [
                "Provincie Flevoland", "Flever", "GGD Flevoland", "Zilveren Kruis", "Flevolandse Patiëntenfederatie",
                "Gemeente Urk"
            ] {
                let value3 = try await Organisation.query(on: app.db).filter(\.$name == name).first()
                XCTAssertNotNil(value3, name)
            }
            let roles = Set(try await User.query(on: app.db).all().map(\.role))
            XCTAssertEqual(roles, Set(Role.allCases))
            // Loading twice adds nothing.
            let count = try await Region.query(on: app.db).count()
            try await DemoData.load(app: app, features: []) { _ in }
            let value4 = try await Region.query(on: app.db).count()
            XCTAssertEqual(value4, count)
        }
    }

    func testNotFoundIsDutchHTMLOrJSONErrorBody() async throws {
        try await TestApp.with { app in
            let browser = Browser(app)
            let page = try await browser.get("/bestaat-niet")
            XCTAssertEqual(page.status, .notFound)
            XCTAssertTrue(page.body.contains("Pagina niet gevonden"))
            XCTAssertTrue(page.body.contains("<html lang=\"nl\""))
            let api = try await browser.get("/api/v1/bestaat-niet")
            XCTAssertEqual(api.status, .notFound)
            let json = try JSONSerialization.jsonObject(with: Data(api.body.utf8)) as? [String: Any]
            let error = try XCTUnwrap(json?["error"] as? [String: Any])
            XCTAssertEqual(error["code"] as? String, "not_found")
            XCTAssertNotNil(error["message"] as? String)
            XCTAssertNotNil(error["details"] as? [Any])
        }
    }

    func testHealthMetricsAndOpenAPI() async throws {
        try await TestApp.with { app in
            try await TestApp.seedFoundation(app)
            let browser = Browser(app)
            let health = try await browser.get("/health")
            XCTAssertEqual(health.status, .ok)
            XCTAssertTrue(health.body.contains("\"status\":\"ok\""))
            let ready = try await browser.get("/ready")
            XCTAssertEqual(ready.status, .ok, "database answers and all migrations ran")
            _ = try await browser.get("/api/v1/regions")
            var config = app.vitaal
            config.metricsToken = "test-token"
            app.vitaal = config
            let metrics = try await browser.request(.GET, "/metrics", headers: ["Authorization": "Bearer test-token"])
            XCTAssertEqual(metrics.status, .ok)
            XCTAssertTrue(metrics.headers.first(name: .contentType)?.hasPrefix("text/plain") == true)
            XCTAssertTrue(metrics.body.contains("http_requests_total"), "Vapor's request counter is exported")
            let openapi = try await browser.get("/api/v1/openapi.json")
            let doc = try JSONSerialization.jsonObject(with: Data(openapi.body.utf8)) as! [String: Any]
            XCTAssertEqual(doc["openapi"] as? String, "3.0.3")
            let paths = doc["paths"] as! [String: Any]
            // Every registered /api/v1 GET route is documented.
            for route in app.routes.all where route.method == .GET {
                let p =
                    "/"
                    + route.path.map { c -> String in
                        if case .parameter(let n) = c { return "{\(n)}" }
                        return c.description
                    }.joined(separator: "/")
                guard p.hasPrefix("/api/v1/"), p != "/api/v1/openapi.json" else { continue }
                XCTAssertNotNil(paths[p], "\(p) is missing from the OpenAPI document")
            }
        }
    }

    func testRegionAPI() async throws {
        try await TestApp.with { app in
            try await TestApp.seedFoundation(app)
            let browser = Browser(app)
            let list = try await browser.get("/api/v1/regions?kind=gemeente")
            let regions = try JSONDecoder().decode([RegionAPIController.RegionDTO].self, from: Data(list.body.utf8))
            XCTAssertEqual(Set(regions.map(\.code)), ["GM0034", "GM0995", "GM0303", "GM0171", "GM0050", "GM0184"])
            XCTAssertTrue(
                regions.allSatisfy { $0.parent == "PV24" && !$0.geometrySchematic }, "real CBS/PDOK boundaries")
            let detail = try await browser.get("/api/v1/regions/GR-SUB-LELYSTAD-DRONTEN")
            XCTAssertTrue(detail.body.contains("\"members\":[\"GM0303\",\"GM0995\"]"), detail.body)
            let missing = try await browser.get("/api/v1/regions/GM9999")
            XCTAssertEqual(missing.status, .notFound)
        }
    }

    func testUserCreateCommandAndAdminForm() async throws {
        try await TestApp.with { app in
            try await TestApp.seedFoundation(app)
            try await app.execute(command: [
                "vitaal", "user", "create", "--email", "nieuw@ggd.example", "--role", "lezer", "--organisation",
                "GGD Flevoland"
            ])
            let user = try await User.query(on: app.db).filter(\.$email == "nieuw@ggd.example").with(\.$organisation)
                .first()
            XCTAssertEqual(user?.organisation.name, "GGD Flevoland")
            XCTAssertEqual(user?.mustChangePassword, true)
            let value5 = try await AuditEntry.query(on: app.db).filter(\.$actor == "cli").count()
            XCTAssertEqual(value5, 1)

            let (email, password) = try await TestApp.user(app, role: .beheerder)
            let browser = Browser(app)
            _ = try await browser.login(email, password)
            try await browser.get("/beheer/gebruikers")
            let bad = try await browser.post(
                "/beheer/gebruikers", ["email": "geen-adres", "name": "", "role": "lezer", "organisation": "flever"])
            XCTAssertEqual(bad.status, .unprocessableEntity)
            XCTAssertTrue(bad.body.contains("Vul een geldig e-mailadres in."))
            XCTAssertTrue(bad.body.contains("Vul een naam in."))
            let ok = try await browser.post(
                "/beheer/gebruikers",
                ["email": "nieuw@flever.example", "name": "Nieuw", "role": "redacteur", "organisation": "flever"])
            XCTAssertEqual(ok.status, .ok)
            XCTAssertTrue(ok.body.contains("Eenmalig wachtwoord"))
            let audit = try await browser.get("/beheer/audit")
            XCTAssertTrue(audit.body.contains("nieuw@flever.example"))
        }
    }
}
