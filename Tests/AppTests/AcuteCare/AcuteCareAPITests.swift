import Fluent
import VitaalDomain
import XCTVapor
import XCTest

@testable import AcuteCareFeature
@testable import AppCore

/// `/api/v1/acute-care/…`: demo scenarios, coverage side by side, creating scenarios, bad input.
final class AcuteCareAPITests: XCTestCase {
    struct Area: Decodable {
        var name: String
        var population: Double
        var share: Double
        var uncovered: Double
    }
    struct Point: Decodable {
        var id: String
        var covered: Bool
        var post: String?
        var minutes: Double?
        var band: String
    }
    struct Expected: Decodable {
        var busyFraction: Double
        var share: Double
    }
    struct NextPost: Decodable {
        var demandPointId: String
        var gain: Double?
        var share: Double
    }
    struct Post: Decodable {
        var id: String
        var ambulances: Int
    }
    struct Result: Decodable {
        var population: Double
        var covered: Double
        var share: Double
        var totalAmbulances: Int
        var ridesPerYear: Double
        var municipalities: [Area]
        var points: [Point]
        var posts: [Post]
        var summary: String
        var year: Int?
        var expected: Expected
        var nextPost: NextPost?
    }
    struct Scenario: Decodable {
        var id: String
        var name: String
        var isSchematic: Bool
        var organisation: String?
    }
    struct Coverage: Decodable {
        var scenario: Scenario
        var isSchematic: Bool
        var base: Result
        var result: Result
        var coverageDeltaPoints: Double
        var ambulanceDelta: Int
    }

    static func seed(_ app: Application) async throws {
        try await TestApp.seedFoundation(app)
        try await AcuteCareFeature().loadDemoData(app: app, log: { _ in })
    }

    func coverage(_ browser: Browser, _ id: String) async throws -> Coverage {
        let r = try await browser.get("/api/v1/acute-care/scenarios/\(id)/coverage")
        XCTAssertEqual(r.status, .ok, r.body)
        return try JSONDecoder().decode(Coverage.self, from: Data(r.body.utf8))
    }

    func testDemoScenariosAreListedAndSchematic() async throws {
        try await TestApp.with { app in
            try await Self.seed(app)
            let browser = Browser(app)
            let r = try await browser.get(AcuteCareURL.apiScenarios.path)
            XCTAssertEqual(r.status, .ok)
            let list = try JSONDecoder().decode([Scenario].self, from: Data(r.body.utf8))
            XCTAssertEqual(
                Set(list.map(\.id)),
                ["basis", "groei-2035", "groei-2035-extra-post-poort", "groei-iza-2035", "extra-post-poort"])
            XCTAssertTrue(list.allSatisfy(\.isSchematic))
            XCTAssertTrue(list.allSatisfy { $0.organisation == "Provincie Flevoland" })
            let one = try await browser.get(AcuteCareURL.apiScenario(.value("groei-2035")).path)
            XCTAssertTrue(one.body.contains("\"targetYear\":2035"), one.body)
            let missing = try await browser.get(AcuteCareURL.apiCoverage(.value("bestaat-niet")).path)
            XCTAssertEqual(missing.status, .notFound)
            XCTAssertTrue(missing.body.contains("bestaat-niet"))
        }
    }

    /// Done-when: today's coverage, 2035 growth and a new post move the numbers in the expected direction.
    func testBaseGrowthAndNewPostChangeTheNumbersInTheExpectedDirection() async throws {
        try await TestApp.with { app in
            try await Self.seed(app)
            let browser = Browser(app)
            let base = try await coverage(browser, "basis")
            XCTAssertTrue(base.isSchematic)
            XCTAssertEqual(base.result.population, 446_000)
            XCTAssertEqual(base.result.share, base.base.share)
            XCTAssertGreaterThan(base.base.share, 0.9)
            XCTAssertLessThan(base.base.share, 1, "the schematic base leaves some villages outside the norm")
            XCTAssertTrue(base.base.summary.hasPrefix("Binnen 15 minuten bereikbaar: "), base.base.summary)
            // Every place has its time and post, also beyond the norm (Buitengebied Zeewolde, 15–20 min).
            XCTAssertTrue(base.base.points.allSatisfy { $0.minutes != nil && $0.post != nil }, "\(base.base.points)")
            let outside = try XCTUnwrap(base.base.points.first { $0.id == "zeewolde-buitengebied" })
            XCTAssertFalse(outside.covered)
            XCTAssertEqual(outside.band, "15-20")
            XCTAssertGreaterThan(outside.minutes ?? 0, 15)
            // Expected coverage with busy ambulances lies under the 15-minute coverage; the best next post
            // adds to it.
            XCTAssertLessThan(base.base.expected.share, base.base.share)
            XCTAssertGreaterThan(base.base.expected.busyFraction, 0)
            let next = try XCTUnwrap(base.base.nextPost)
            XCTAssertGreaterThan(next.share, base.base.expected.share)
            XCTAssertEqual(
                base.base.municipalities.map(\.name),
                ["Almere", "Dronten", "Lelystad", "Noordoostpolder", "Urk", "Zeewolde"])

            let growth = try await coverage(browser, "groei-2035")
            XCTAssertEqual(growth.result.population, 540_000, accuracy: 1)
            XCTAssertEqual(growth.result.year, 2035)
            XCTAssertGreaterThan(
                growth.result.ridesPerYear, base.base.ridesPerYear * 540_000 / 446_000,
                "ageing adds rides beyond the headcount")
            XCTAssertGreaterThan(growth.result.totalAmbulances, growth.base.totalAmbulances)
            XCTAssertGreaterThanOrEqual(growth.ambulanceDelta, 1)
            XCTAssertGreaterThan(
                growth.result.population - growth.result.covered, base.base.population - base.base.covered,
                "more residents outside the norm when the uncovered villages grow too")
            for (b, s) in zip(growth.base.posts, growth.result.posts) {
                XCTAssertGreaterThanOrEqual(s.ambulances, b.ambulances, b.id)
            }

            let extra = try await coverage(browser, "groei-2035-extra-post-poort")
            XCTAssertEqual(extra.result.posts.count, 8)
            XCTAssertGreaterThanOrEqual(extra.result.share, growth.result.share)
            let poortBefore = growth.result.points.first { $0.id == "almere-poort" }!.minutes!
            let poortAfter = extra.result.points.first { $0.id == "almere-poort" }!
            XCTAssertEqual(poortAfter.post, "almere-poort")
            XCTAssertLessThan(poortAfter.minutes!, poortBefore)
            let stadBefore = growth.result.posts.first { $0.id == "almere-stad" }!.ambulances
            let stadAfter = extra.result.posts.first { $0.id == "almere-stad" }!.ambulances
            XCTAssertLessThanOrEqual(stadAfter, stadBefore, "the new post takes rides from Almere Stad")
        }
    }

    func testCreatingAScenarioNeedsAnEditorAndIsAudited() async throws {
        try await TestApp.with { app in
            try await Self.seed(app)
            let body =
                #"{"name":"Post in buitengebied Zeewolde","description":"Test","changes":{"addedPosts":[{"id":"zeewolde-buitengebied","name":"Buitengebied Zeewolde","location":{"lat":52.39,"lon":5.5},"isSchematic":true}]}}"#
            let (lezer, lp) = try await TestApp.user(app, role: .lezer)
            let reader = Browser(app)
            _ = try await reader.login(lezer, lp)
            let refused = try await reader.request(
                .POST, AcuteCareURL.apiScenarios.path, json: body, headers: ["X-CSRF-Token": reader.csrf ?? ""])
            XCTAssertEqual(refused.status, .forbidden)

            let (email, password) = try await TestApp.user(app, role: .redacteur)
            let browser = Browser(app)
            _ = try await browser.login(email, password)
            let r = try await browser.request(
                .POST, AcuteCareURL.apiScenarios.path, json: body, headers: ["X-CSRF-Token": browser.csrf ?? ""])
            XCTAssertEqual(r.status, .created, r.body)
            XCTAssertEqual(r.location, AcuteCareURL.apiScenario(.value("post-in-buitengebied-zeewolde")).path)
            let saved = try await AcuteCareScenarioRecord.query(on: app.db).filter(
                \.$slug == "post-in-buitengebied-zeewolde"
            ).with(
                \.$organisation
            ).first()
            XCTAssertEqual(saved?.organisation?.slug, "flever")
            XCTAssertEqual(saved?.author, email)
            let audit = try await AuditEntry.query(on: app.db).filter(\.$entity == "ambulancescenario").filter(
                \.$entityID == "post-in-buitengebied-zeewolde"
            ).first()
            XCTAssertEqual(audit?.actor, email)
            let cov = try await coverage(browser, "post-in-buitengebied-zeewolde")
            XCTAssertGreaterThan(cov.result.share, cov.base.share, "a post in an uncovered village raises coverage")
            XCTAssertGreaterThan(cov.coverageDeltaPoints, 0)
        }
    }

    /// Bad scenarios via the API: 422 naming the field/element, nothing saved.
    func testBadScenariosAreRefusedAndNothingIsSaved() async throws {
        let cases: [(String, String, String)] = [
            ("norm zero", #"{"normMinutes":0}"#, "normMinutes"),
            ("norm negative", #"{"normMinutes":-3}"#, "groter zijn dan 0"),
            ("negative rides", #"{"ridesPerYear":-10}"#, "ridesPerYear"),
            (
                "post outside NL", #"{"addedPosts":[{"id":"parijs","location":{"lat":48.85,"lon":2.35}}]}"#,
                "post parijs"
            ),
            (
                "post not reachable",
                #"{"addedPosts":[{"id":"meer","name":"Midden in het IJsselmeer","location":{"lat":52.60,"lon":5.30}}]}"#,
                "niet bereikbaar"
            ),
            (
                "district outside NL",
                #"{"newDistricts":[{"id":"x","location":{"lat":60.0,"lon":5.3},"population":100,"isSchematic":true}]}"#,
                "wijk x"
            ),
            (
                "negative residents",
                #"{"newDistricts":[{"id":"x","location":{"lat":52.36,"lon":5.16},"population":-100,"isSchematic":true}]}"#,
                "newDistricts[0].population"
            ),
            ("unknown post removed", #"{"removedPostIds":["nergens"]}"#, "nergens"),
            (
                "growth factor zero",
                #"{"growth":{"baseYear":2024,"targetYear":2035,"factorByMunicipality":{},"defaultFactor":0,"bandFactors":{}}}"#,
                "groeifactor"
            ),
            ("wrong type", #"{"normMinutes":"vijftien"}"#, "normMinutes")
        ]
        try await TestApp.with { app in
            try await Self.seed(app)
            let (email, password) = try await TestApp.user(app, role: .beheerder)
            let browser = Browser(app)
            _ = try await browser.login(email, password)
            let before = try await AcuteCareScenarioRecord.query(on: app.db).count()
            let auditBefore = try await AuditEntry.query(on: app.db).count()
            for (name, changes, expected) in cases {
                let r = try await browser.request(
                    .POST, AcuteCareURL.apiScenarios.path, json: #"{"name":"\#(name)","changes":\#(changes)}"#,
                    headers: ["X-CSRF-Token": browser.csrf ?? ""])
                XCTAssertEqual(r.status, .unprocessableEntity, "\(name): \(r.body)")
                XCTAssertTrue(r.body.contains(expected), "\(name): \(r.body) should name \(expected)")
            }
            let after = try await AcuteCareScenarioRecord.query(on: app.db).count()
            let auditAfter = try await AuditEntry.query(on: app.db).count()
            XCTAssertEqual(after, before)
            XCTAssertEqual(auditAfter, auditBefore)
        }
    }

    func testOpenAPIDocumentsTheAcuteCareOperations() async throws {
        try await TestApp.with { app in
            let r = try await Browser(app).get(SiteURL.openAPI.path)
            for path in [
                AcuteCareURL.apiScenarios.path, "/api/v1/acute-care/scenarios/{id}",
                "/api/v1/acute-care/scenarios/{id}/coverage"
            ] {
                XCTAssertTrue(r.body.contains("\"\(path)\""), path)
            }
            XCTAssertTrue(r.body.contains("AcuteCareCoverage"))
        }
    }

    func testDemoDataLoadsOnceAndIsAudited() async throws {
        try await TestApp.with { app in
            try await Self.seed(app)
            let again = try await AcuteCareDemoData.load(on: app.db, now: Fixtures.now)
            XCTAssertEqual(again, 0)
            let count = try await AcuteCareScenarioRecord.query(on: app.db).count()
            XCTAssertEqual(count, 5)
            let audit = try await AuditEntry.query(on: app.db).filter(\.$entity == "ambulancescenario").count()
            XCTAssertEqual(audit, 5)
        }
    }
}
