import Fluent
import MonitorFeature
import VitaalDomain
import XCTVapor
import XCTest

@testable import AppCore
@testable import PlansFeature

/// An editor fills in a goal node's logic model and links monitor indicators to it; bad input and
/// other organisations are refused without writing anything.
final class PlansNodeEditTests: XCTestCase {
    static let next = PlansInputTests.next
    static let node = "VVI.A1"

    static func logicModel(_ app: Application) async throws -> LogicModel? {
        try await PlanStore.load(key: next, on: app.db).plan.node(node)?.logicModel
    }

    static func links(_ app: Application) async throws -> [IndicatorLink] {
        try await PlanStore.load(key: next, on: app.db).plan.node(node)?.indicators ?? []
    }

    func testEditorSavesLogicModelAndBadBudgetIsRefused() async throws {
        try await TestApp.with { app in
            let browser = try await PlansInputTests.setUp(app)
            let plan = try await browser.get("/plannen/\(Self.next)")
            XCTAssertTrue(
                plan.body.contains("/plannen/\(Self.next)/doelen/\(Self.node)"), "the tree links to the node editor")
            let page = try await browser.get("/plannen/\(Self.next)/doelen/\(Self.node)")
            XCTAssertEqual(page.status, .ok, page.body)
            XCTAssertTrue(page.body.contains("Logisch model opslaan"))

            let before = try await Self.logicModel(app)
            let bad = try await browser.post(
                "/plannen/\(Self.next)/doelen/\(Self.node)/logisch-model",
                ["means": "Subsidie provincie", "budget": "veel geld"])
            XCTAssertEqual(bad.status, .unprocessableEntity)
            XCTAssertTrue(bad.body.contains("\"veel geld\" is geen bedrag"), bad.body)
            XCTAssertTrue(bad.body.contains("budget"), "names the field")
            let negative = try await browser.post(
                "/plannen/\(Self.next)/doelen/\(Self.node)/logisch-model", ["budget": "-5"])
            XCTAssertEqual(negative.status, .unprocessableEntity)
            let long = try await browser.post(
                "/plannen/\(Self.next)/doelen/\(Self.node)/logisch-model",
                ["outcome": "kort\n" + String(repeating: "x", count: 501)])
            XCTAssertEqual(long.status, .unprocessableEntity)
            XCTAssertTrue(long.body.contains("regel 2"), long.body)
            let unchanged = try await Self.logicModel(app)
            XCTAssertEqual(before, unchanged, "nothing written")

            let ok = try await browser.post(
                "/plannen/\(Self.next)/doelen/\(Self.node)/logisch-model",
                [
                    "means": "Subsidie provincie\n\n  Netwerk van vrijwilligers  ",
                    "capacity": "1,5 fte",
                    "budget": "125.000,50",
                    "throughput": "Bijeenkomsten organiseren",
                    "outcome": "Meer inwoners doen mee",
                    "contextFactors": "Krappe arbeidsmarkt"
                ])
            XCTAssertEqual(ok.status, .seeOther, ok.body)
            let model = try await Self.logicModel(app)
            let saved = try XCTUnwrap(model)
            XCTAssertEqual(saved.means, ["Subsidie provincie", "Netwerk van vrijwilligers"])
            XCTAssertEqual(saved.capacity, "1,5 fte")
            XCTAssertEqual(saved.budget, Money(cents: 12_500_050))
            XCTAssertEqual(saved.throughput, ["Bijeenkomsten organiseren"])
            XCTAssertEqual(saved.outcome, ["Meer inwoners doen mee"])
            XCTAssertEqual(saved.contextFactors, ["Krappe arbeidsmarkt"])
            XCTAssertEqual(saved.mechanisms, [])
            let audit = try await AuditEntry.query(on: app.db).filter(\.$entity == "logisch model").all()
            XCTAssertEqual(audit.map(\.entityID), ["\(Self.next)/\(Self.node)"])
            // The plan page shows it.
            let shown = try await browser.get("/plannen/\(Self.next)")
            XCTAssertTrue(shown.body.contains("Krappe arbeidsmarkt"))
            XCTAssertTrue(shown.body.contains("Netwerk van vrijwilligers"))
        }
    }

    func testIndicatorLinksAreAddedChangedAndRemovedOnlyForMonitorIndicators() async throws {
        try await TestApp.with { app in
            let browser = try await PlansInputTests.setUp(app)
            try await MonitorFeature().loadDemoData(app: app, log: { _ in })
            let indicators = try await MonitorLookup.indicators(audience: .internal, on: app.db)
            let code = try XCTUnwrap(indicators.first?.code)
            let path = "/plannen/\(Self.next)/doelen/\(Self.node)/indicatoren"
            let before = try await Self.links(app)
            XCTAssertFalse(before.contains { $0.indicatorCode == code })

            let unknown = try await browser.post(
                path, ["action": "koppelen", "indicator": "bestaat_niet", "monitoringType": "output"])
            XCTAssertEqual(unknown.status, .unprocessableEntity)
            XCTAssertTrue(unknown.body.contains("indicator bestaat_niet bestaat niet in de monitor"), unknown.body)
            let badType = try await browser.post(
                path, ["action": "koppelen", "indicator": code, "monitoringType": "impact"])
            XCTAssertEqual(badType.status, .unprocessableEntity)
            XCTAssertTrue(badType.body.contains("soort monitoring \"impact\" is onbekend"))
            let unchanged = try await Self.links(app)
            XCTAssertEqual(before, unchanged)

            let added = try await browser.post(
                path, ["action": "koppelen", "indicator": code, "monitoringType": "outcome", "note": "jaarlijks"])
            XCTAssertEqual(added.status, .seeOther, added.body)
            var links = try await Self.links(app)
            XCTAssertEqual(
                links.filter { $0.indicatorCode == code }, [IndicatorLink(code, .outcome, note: "jaarlijks")])
            // Linking again changes the type instead of adding a second link.
            _ = try await browser.post(path, ["action": "koppelen", "indicator": code, "monitoringType": "proces"])
            links = try await Self.links(app)
            XCTAssertEqual(links.filter { $0.indicatorCode == code }, [IndicatorLink(code, .proces)])
            XCTAssertEqual(links.count, before.count + 1)

            let removed = try await browser.post(path, ["action": "verwijderen", "indicator": code])
            XCTAssertEqual(removed.status, .seeOther)
            let after = try await Self.links(app)
            XCTAssertEqual(after, before)
            let audit = try await AuditEntry.query(on: app.db).filter(\.$entity == "indicatorkoppeling").all()
            XCTAssertEqual(audit.count, 3)
        }
    }

    func testOtherOrganisationsReadersAndFixedPlansCannotEdit() async throws {
        try await TestApp.with { app in
            _ = try await PlansInputTests.setUp(app)
            let form = ["means": "Iets"]
            let (email, password) = try await TestApp.user(app, role: .redacteur, organisation: "gemeente-almere")
            let other = Browser(app)
            try await other.login(email, password)
            // The goal page is readable (#16: it lists plan links), but without the editor's forms.
            let page = try await other.get("/plannen/\(Self.next)/doelen/\(Self.node)")
            XCTAssertEqual(page.status, .ok)
            XCTAssertFalse(page.body.contains("Logisch model opslaan"), page.body)
            XCTAssertFalse(page.body.contains("/logisch-model\""), "no form posting the logic model")
            let write = try await other.post("/plannen/\(Self.next)/doelen/\(Self.node)/logisch-model", form)
            XCTAssertEqual(write.status, .forbidden)
            XCTAssertTrue(write.body.contains("eigen organisatie"))

            let lezer = try await TestApp.user(app, role: .lezer, organisation: "flever")
            let reader = Browser(app)
            try await reader.login(lezer.0, lezer.1)
            let refused = try await reader.post("/plannen/\(Self.next)/doelen/\(Self.node)/logisch-model", form)
            XCTAssertEqual(refused.status, .forbidden)

            let (fEmail, fPassword) = try await TestApp.user(
                app, role: .redacteur, organisation: "flever", email: "tweede@flever.example")
            let editor = Browser(app)
            try await editor.login(fEmail, fPassword)
            let fixed = try await editor.post(
                "/plannen/\(PlansInputTests.flever)/doelen/\(Self.node)/logisch-model", form)
            XCTAssertEqual(fixed.status, .conflict, "a vastgesteld plan is copied, not edited")
            let missing = try await editor.get("/plannen/\(Self.next)/doelen/GEEN.DOEL")
            XCTAssertEqual(missing.status, .notFound)
            let model = try await Self.logicModel(app)
            XCTAssertNil(model?.means.first { $0 == "Iets" })
        }
    }
}
