import Fluent
import VitaalDomain
import XCTVapor
import XCTest

@testable import AppCore
@testable import MonitorFeature
@testable import PlansFeature
@testable import RegistersFeature

/// Terms of the definition list as they appear on other pages: a meaning kept out of text links
/// ("Koppelen in teksten": nee), terms naming two forms, and one term written two ways — through
/// the real pages and forms, on SQLite and PostgreSQL.
final class TermLinkPagesTests: XCTestCase {
    func testWhatLinksFromPlanTextsAndWhatDoesNot() async throws {
        try await TestApp.with { app in
            app.clock = .fixed(Fixtures.now)
            try await MonitorTestSupport.seedDemo(app)
            try await PlansFeature().loadDemoData(app: app, log: { _ in })
            try await RegistersFeature().loadDemoData(app: app, log: { _ in })
            let anonymous = Browser(app)
            let planPath = "/plannen/\(PlansFeatureTests.flever)"

            // The Regioplan's Welzijn (a state of health) is marked not to link: the plan speaks of "zorg en
            // welzijn", the sector.
            var plan = try await anonymous.get(planPath)
            XCTAssertTrue(plan.body.range(of: "zorg en welzijn", options: .caseInsensitive) != nil)
            XCTAssertFalse(plan.body.contains("href=\"/begrippen/welzijn\""))
            XCTAssertTrue(plan.body.contains("<a class=\"term-link\" href=\"/begrippen/hca-zwf\">HCA ZWF</a>"))
            let welzijn = try await anonymous.get("/begrippen/welzijn")
            XCTAssertTrue(welzijn.body.contains("Koppelen in teksten"))

            // A term naming two forms links under each.
            let glossary = try await RegisterReader.glossary(on: app.db)
            let keten = glossary.filter { $0.target == "/begrippen/ketenzorg-of-zorgketen" }.map(\.term)
            XCTAssertEqual(keten, ["Ketenzorg of zorgketen", "Ketenzorg", "zorgketen"])
            XCTAssertFalse(glossary.contains { $0.term == "Welzijn" })

            // ZonMw (Bijlage 3) and ZONMW (CMO Flevoland's list) are one term with two meanings.
            let zonmw = try await anonymous.get("/begrippen/zonmw")
            XCTAssertTrue(zonmw.body.contains("Andere betekenissen van ZonMw"))
            XCTAssertTrue(zonmw.body.contains("Organisatie gezondheidsonderzoek en zorginnovatie"))
            let list = try await anonymous.get("/begrippen")
            XCTAssertTrue(list.body.contains("ZonMw / ZONMW"))
            XCTAssertTrue(list.body.contains("brede welvaart / Brede Welvaart"))

            // The owner marks HCA ZWF not to link: the plan page drops the link; the text stays.
            let (email, password) = try await TestApp.user(app, role: .redacteur, organisation: "flever")
            let flever = Browser(app)
            try await flever.login(email, password)
            let stored = try await RegisterStore.find(.terms, key: "hca-zwf", on: app.db)
            var form: [String: String] = [:]
            for field in RegisterDefinitions.terms.fields { form[field.formName] = stored.entry.values[field.key] }
            form["koppelen"] = "misschien"
            let refused = try await flever.post("/begrippen/hca-zwf/bewerken", form)
            XCTAssertEqual(refused.status, .unprocessableEntity)
            XCTAssertTrue(refused.body.contains("Koppelen in teksten"), refused.body)
            form["koppelen"] = "nee"
            let saved = try await flever.post("/begrippen/hca-zwf/bewerken", form)
            XCTAssertEqual(saved.status, .seeOther)
            plan = try await anonymous.get(planPath)
            XCTAssertFalse(plan.body.contains("href=\"/begrippen/hca-zwf\""))
            XCTAssertTrue(plan.body.contains("HCA ZWF"))
            // Audited: the demo's entry and this change (the refused save wrote nothing).
            let audit = try await AuditEntry.query(on: app.db).filter(\.$entity == "begrip")
                .filter(\.$entityID == "hca-zwf").count()
            XCTAssertEqual(audit, 2)
            let version = try await RegisterStore.find(.terms, key: "hca-zwf", on: app.db).version
            XCTAssertEqual(version, stored.version + 1)
        }
    }
}
