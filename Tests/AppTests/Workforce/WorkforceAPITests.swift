import Fluent
import VitaalDomain
import XCTVapor
import XCTest

@testable import AppCore
@testable import WorkforceFeature

final class WorkforceAPITests: XCTestCase {
    func testDemoDataSavesTheBaseScenarioOnceWithAudit() async throws {
        try await TestApp.with { app in
            try await Fixtures.Workforce.loadDemo(app)
            try await WorkforceFeature().loadDemoData(app: app, log: { _ in })  // idempotent
            let count = try await Fixtures.Workforce.count(app)
            XCTAssertEqual(count, 2)
            let base = try await Fixtures.Workforce.base(app)
            XCTAssertEqual(base.name, "Basisscenario Flevoland")
            XCTAssertTrue(base.isBase)
            XCTAssertEqual(base.version, 1)
            let scenario = try WorkforceScenarioStore.scenario(of: base)
            XCTAssertEqual(
                scenario,
                {
                    var s = WorkforceScenario.flevolandBase
                    s.id = "basisscenario-flevoland"
                    s.name = "Basisscenario Flevoland"
                    return s
                }())
            let audits = try await Fixtures.Workforce.auditCount(app)
            XCTAssertEqual(audits, 2)
        }
    }

    func testListMarksTheBaseScenario() async throws {
        try await TestApp.with { app in
            try await Fixtures.Workforce.loadDemo(app)
            let r = try await Browser(app).get(WorkforceURL.apiScenarios.path)
            XCTAssertEqual(r.status, .ok)
            let list = try XCTUnwrap(try Fixtures.Workforce.json(r.body) as? [[String: Any]])
            XCTAssertEqual(list.count, 2)
            let bases = list.filter { $0["base"] as? Bool == true }
            XCTAssertEqual(bases.count, 1)
            XCTAssertEqual(bases.first?["name"] as? String, "Basisscenario Flevoland")
            XCTAssertEqual(list.first?["base"] as? Bool, true, "base first")
            XCTAssertEqual(list.last?["base"] as? Bool, false)
            XCTAssertEqual(list.last?["example"] as? Bool, true)
        }
    }

    /// The base scenario's projection through the API reproduces the seed figures within 2 %,
    /// totals equal the sum of the sectors, and a fixed seed gives identical bands.
    func testProjectionOfBaseScenarioReproducesSeedFigures() async throws {
        try await TestApp.with { app in
            try await Fixtures.Workforce.loadDemo(app)
            let base = try await Fixtures.Workforce.base(app)
            let browser = Browser(app)
            let r = try await browser.get("/api/v1/workforce/scenarios/\(base.id!.uuidString)/projection?runs=60")
            XCTAssertEqual(r.status, .ok, r.body)
            let p = try Fixtures.Workforce.projection(r.body)
            XCTAssertTrue(p.base)
            XCTAssertEqual(p.years.map(\.year), Array(2020...2040))
            XCTAssertEqual(p.years[0].sectors.count, 7)
            let y2032 = try XCTUnwrap(p.years.first { $0.year == 2032 })
            XCTAssertEqual(y2032.total.demand, 45_000, accuracy: 900)
            XCTAssertEqual(y2032.total.supply, 41_500, accuracy: 830)
            XCTAssertEqual(y2032.total.shortageFTE / y2032.total.demandFTE, 0.11, accuracy: 0.0022)
            XCTAssertEqual(p.years[0].total.shortageRate, 0.04, accuracy: 0.0008)
            let y2023 = try XCTUnwrap(p.years.first { $0.year == 2023 })
            XCTAssertEqual(y2032.careDemandIndex / y2023.careDemandIndex - 1, 0.34, accuracy: 0.0068)
            for y in p.years {
                XCTAssertEqual(y.sectors.map(\.supply).reduce(0, +), y.total.supply, accuracy: 1e-6)
                XCTAssertEqual(y.sectors.map(\.demand).reduce(0, +), y.total.demand, accuracy: 1e-6)
                XCTAssertEqual(y.total.shortage, y.total.demand - y.total.supply, accuracy: 1e-6)
            }
            XCTAssertTrue(p.summary.hasPrefix("In 2032 tekort van"), p.summary)
            let u = try XCTUnwrap(p.uncertainty)
            XCTAssertEqual(u.runs, 60)
            XCTAssertEqual(u.years.count, 21)
            for b in u.years {
                XCTAssertLessThanOrEqual(b.shortageP5, b.shortageP50)
                XCTAssertLessThanOrEqual(b.shortageP50, b.shortageP95)
            }
            let again = try Fixtures.Workforce.projection(
                try await browser.get("/api/v1/workforce/scenarios/\(base.id!.uuidString)/projection?runs=60").body)
            XCTAssertEqual(again.uncertainty, u, "fixed seed: identical bands")

            let bad = try await browser.get("/api/v1/workforce/scenarios/\(base.id!.uuidString)/projection?runs=0")
            XCTAssertEqual(bad.status, .unprocessableEntity)
            XCTAssertTrue(bad.body.contains("\"field\":\"runs\""), bad.body)
            let missing = try await browser.get("/api/v1/workforce/scenarios/\(UUID().uuidString)/projection")
            XCTAssertEqual(missing.status, .notFound)
        }
    }

    func testOpenAPIDocumentListsTheWorkforceOperations() async throws {
        try await TestApp.with { app in
            let r = try await Browser(app).get(SiteURL.openAPI.path)
            XCTAssertEqual(r.status, .ok)
            let doc = try XCTUnwrap(try Fixtures.Workforce.json(r.body) as? [String: Any])
            let paths = try XCTUnwrap(doc["paths"] as? [String: Any])
            XCTAssertNotNil(paths[WorkforceURL.apiScenarios.path])
            XCTAssertNotNil(paths[WorkforceURL.apiProjection(.key).openAPIPath])
            XCTAssertNotNil(paths[WorkforceURL.apiScenario(.key).openAPIPath])
        }
    }

    /// Saving through the API: new name → version 1; same content → nothing; changed → version 2; audit for each save.
    func testPostingScenarioFilesCreatesVersions() async throws {
        try await TestApp.with { app in
            try await Fixtures.Workforce.loadDemo(app)
            let (email, password) = try await TestApp.user(app, role: .redacteur, organisation: "flever")
            let browser = Browser(app)
            _ = try await browser.login(email, password)
            let headers = ["X-CSRF-Token": browser.csrf ?? ""]
            var s = WorkforceScenario.flevolandBase
            s.name = "Mijn scenario"
            let first = try await browser.request(
                .POST, WorkforceURL.apiScenarios.path, json: WorkforceScenarioCodec.encode(s), headers: headers)
            XCTAssertEqual(first.status, .created, first.body)
            let created = try XCTUnwrap(try Fixtures.Workforce.json(first.body) as? [String: Any])
            XCTAssertEqual(created["version"] as? Int, 1)
            XCTAssertEqual(created["base"] as? Bool, false)
            XCTAssertEqual(created["organisation"] as? String, "flever")

            let same = try await browser.request(
                .POST, WorkforceURL.apiScenarios.path, json: WorkforceScenarioCodec.encode(s), headers: headers)
            XCTAssertEqual(same.status, .ok)
            s.levers.extraInflow = 0.2
            let changed = try await browser.request(
                .POST, WorkforceURL.apiScenarios.path, json: WorkforceScenarioCodec.encode(s), headers: headers)
            XCTAssertEqual(changed.status, .created)
            let second = try XCTUnwrap(try Fixtures.Workforce.json(changed.body) as? [String: Any])
            XCTAssertEqual(second["version"] as? Int, 2)
            XCTAssertEqual(second["lineage"] as? String, created["lineage"] as? String)
            let count = try await Fixtures.Workforce.count(app)
            XCTAssertEqual(count, 4)
            let audits = try await Fixtures.Workforce.auditCount(app)
            XCTAssertEqual(audits, 4)

            // The base scenario cannot get a new version; nothing is saved.
            var b = WorkforceScenario.flevolandBase
            b.name = "Basisscenario Flevoland"
            b.levers.productivity = 0.02
            let refused = try await browser.request(
                .POST, WorkforceURL.apiScenarios.path, json: WorkforceScenarioCodec.encode(b), headers: headers)
            XCTAssertEqual(refused.status, .unprocessableEntity)
            XCTAssertTrue(refused.body.contains("\"field\":\"name\""), refused.body)

            // List shows the newest version only.
            let listBody = try await browser.get(WorkforceURL.apiScenarios.path).body
            let list = try XCTUnwrap(try Fixtures.Workforce.json(listBody) as? [[String: Any]])
            XCTAssertEqual(list.count, 3)
            XCTAssertEqual(list.first { $0["name"] as? String == "Mijn scenario" }?["version"] as? Int, 2)
            let countAfter = try await Fixtures.Workforce.count(app)
            XCTAssertEqual(countAfter, 4)
        }
    }

    func testReadersCannotSaveScenarios() async throws {
        try await TestApp.with { app in
            try await Fixtures.Workforce.loadDemo(app)
            let (email, password) = try await TestApp.user(app, role: .lezer, organisation: "flever")
            let browser = Browser(app)
            _ = try await browser.login(email, password)
            let r = try await browser.request(
                .POST, WorkforceURL.apiScenarios.path, json: Fixtures.Workforce.baseFile,
                headers: ["X-CSRF-Token": browser.csrf ?? ""])
            XCTAssertEqual(r.status, .forbidden)
            let count = try await Fixtures.Workforce.count(app)
            XCTAssertEqual(count, 2)
        }
    }
}
