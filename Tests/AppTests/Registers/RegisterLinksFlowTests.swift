import Fluent
import VitaalDomain
import XCTVapor
import XCTest

@testable import AppCore
@testable import MonitorFeature
@testable import PlansFeature
@testable import RegistersFeature
@testable import SocialMapFeature

/// The registers' links to the plans, the social map and the monitor (#18), through the real forms
/// with CSRF on SQLite and PostgreSQL: goals, networks and indicators are checked on save and shown
/// as links (a goal of an unpublished plan never to anonymous visitors); a source's last import
/// follows the monitor's import history.
final class RegisterLinksFlowTests: XCTestCase {
    static let flever = "flever-jaarplan-2025"
    static let regioplan = "regioplan-iza-flevoland"

    static func seed(_ app: Application) async throws {
        app.clock = .fixed(Fixtures.now)  // Monday 1 December 2025
        try await MonitorTestSupport.seedDemo(app)
        try await PlansFeature().loadDemoData(app: app, log: { _ in })
        try await SocialMapFeature().loadDemoData(app: app, log: { _ in })
        try await RegistersFeature().loadDemoData(app: app, log: { _ in })
    }

    /// The edit form of a stored entry, filled with its values (by form name).
    static func form(_ stored: RegisterStore.Stored) -> [String: String] {
        var form: [String: String] = [:]
        for field in stored.kind.definition.fields {
            if let value = stored.entry.values[field.key] { form[field.formName] = value }
        }
        return form
    }

    func testFundGoalsAreCheckedLinkedAndHiddenForUnpublishedPlans() async throws {
        try await TestApp.with { app in
            try await Self.seed(app)
            let flever = try await RegistersFlowTests.browser(app, .redacteur, "flever")
            let before = try await RegistersFlowTests.count(.funds, app.db)
            let base = ["regeling": "Impulsregeling Mantelzorg", "financier": "VWS", "jaar": "2026"]

            // An unknown goal: 422, the message at the field names it, the form keeps it, nothing written.
            var bad = base
            bad["plandoelen"] = "\(Self.flever)/VVI.A1, \(Self.flever)/VVI.A99"
            let refused = try await flever.post("/fondsen/nieuw", bad)
            XCTAssertEqual(refused.status, .unprocessableEntity)
            XCTAssertTrue(refused.body.contains("Plandoel ‘\(Self.flever)/VVI.A99’ bestaat niet"), refused.body)
            XCTAssertTrue(refused.body.contains("value=\"\(Self.flever)/VVI.A1, \(Self.flever)/VVI.A99\""))
            let afterRefusal = try await RegistersFlowTests.count(.funds, app.db)
            XCTAssertEqual(afterRefusal, before)

            // A concept plan's goal: only logged-in readers may see it (the Regioplan made concept here).
            try await PlanRecord.query(on: app.db).filter(\.$key == Self.regioplan)
                .set(\.$status, to: PlanStatus.concept.rawValue).update()

            // Goals as a user copies them: plan/goal, the goal page's address, a goal key of one plan.
            var good = base
            good["plandoelen"] =
                "\(Self.flever)/VVI.A1; http://localhost/plannen/\(Self.flever)/doelen/A%26O.A2, \(Self.regioplan)/B1"
            let created = try await flever.post("/fondsen/nieuw", good)
            XCTAssertEqual(created.status, .seeOther)
            let stored = try await RegisterStore.find(.funds, key: "impulsregeling-mantelzorg", on: app.db)
            XCTAssertEqual(
                stored.entry.values["planGoals"],
                "\(Self.flever)/VVI.A1, \(Self.flever)/A&O.A2, \(Self.regioplan)/B1", "stored as plan/goal")
            let afterCreate = try await RegistersFlowTests.count(.funds, app.db)
            XCTAssertEqual(afterCreate, before + 1)

            // Anonymous visitors: links with titles to the published plan's goals, nothing of the concept plan.
            let anonymous = Browser(app)
            let page = try await anonymous.get("/fondsen/impulsregeling-mantelzorg")
            XCTAssertTrue(
                page.body.contains(
                    "<a href=\"/plannen/\(Self.flever)/doelen/VVI.A1\">Uitvoeren rol adviseur inwonerparticipatie "
                        + "Netwerkbureau Zorgzaam Flevoland</a> (Jaarplan Flever 2025)"), page.body)
            XCTAssertTrue(
                page.body.contains("href=\"/plannen/\(Self.flever)/doelen/A%26O.A2\">Koplopersbijeenkomst</a>"))
            // (The site's footer names the Regioplan as a source document; the link would name it in brackets.)
            for hidden in [Self.regioplan, "(Regioplan Integraal Zorgakkoord", "Denken en doen vanuit Positieve"] {
                XCTAssertFalse(page.body.contains(hidden), hidden)
            }
            let api = try await RegistersFlowTests.object(anonymous, "/api/v1/funds/impulsregeling-mantelzorg")
            XCTAssertEqual(
                (api["values"] as? [String: Any])?["planGoals"] as? String,
                "\(Self.flever)/VVI.A1, \(Self.flever)/A&O.A2")
            let csv = try await anonymous.get("/fondsen/export.csv")
            XCTAssertFalse(csv.body.contains(Self.regioplan))
            let search = try await anonymous.get("/fondsen?q=\(Self.regioplan)")
            XCTAssertFalse(search.body.contains("Impulsregeling Mantelzorg"), "no search through a hidden reference")

            // A logged-in reader sees the concept plan's goal with its title.
            let lezer = try await RegistersFlowTests.browser(app, .lezer, "ggd-flevoland")
            let internalPage = try await lezer.get("/fondsen/impulsregeling-mantelzorg")
            XCTAssertTrue(
                internalPage.body.contains(
                    "<a href=\"/plannen/\(Self.regioplan)/doelen/B1\">Bouwsteen: Denken en doen vanuit Positieve "
                        + "Gezondheid</a> (Regioplan Integraal Zorgakkoord Flevoland)"), internalPage.body)
        }
    }

    func testSignalNetworksGoalsAndIndicatorsAreCheckedAndLinked() async throws {
        try await TestApp.with { app in
            try await Self.seed(app)

            // Every goal, network and indicator of the demo signals and sources exists, stored as
            // the check stores it.
            for kind in [RegisterKind.signals, .sources] {
                for row in try await RegisterStore.all(kind, on: app.db) {
                    var values = row.entry.values
                    let problems = try await RegisterLinks.check(&values, kind, app: app, on: app.db)
                    XCTAssertEqual(problems.map(\.message), [], row.entry.key)
                    XCTAssertEqual(values, row.entry.values, row.entry.key)
                }
            }

            let lezer = try await RegistersFlowTests.browser(app, .lezer, "ggd-flevoland")
            let demo = try await lezer.get("/signalen/onbegrepen-gedrag-almere")
            XCTAssertTrue(
                demo.body.contains(
                    "<a href=\"/sociale-kaart/netwerken/kenniswerkplaats-onbegrepen-gedrag\">Kenniswerkplaats "
                        + "Onbegrepen Gedrag</a>"), demo.body)
            XCTAssertTrue(
                demo.body.contains(
                    "<a href=\"/monitor/indicator/tz_meldingen_onbegrepen_gedrag\">Meldingen onbegrepen gedrag (GGD)</a>"
                ))
            XCTAssertTrue(
                demo.body.contains("<a href=\"/plannen/\(Self.flever)/doelen/VVI.A8\">Signaleren en agenderen</a>"))

            // A network by name; an unknown network and an unknown indicator are refused at their fields.
            let flever = try await RegistersFlowTests.browser(app, .redacteur, "flever")
            let path = "/signalen/stageplaatsen-noordoostpolder"
            let stored = try await RegisterStore.find(.signals, key: "stageplaatsen-noordoostpolder", on: app.db)
            var form = Self.form(stored)
            form["netwerken"] = "Netwerk Onderwijs, Netwerk Stageplaatsen"
            form["indicatoren"] = "az_personeelstekort, az_stageplaatsen"
            let refused = try await flever.post("\(path)/bewerken", form)
            XCTAssertEqual(refused.status, .unprocessableEntity)
            XCTAssertTrue(refused.body.contains("Netwerk ‘Netwerk Stageplaatsen’ bestaat niet"))
            XCTAssertTrue(refused.body.contains("Indicator ‘az_stageplaatsen’ bestaat niet"))
            let unchanged = try await RegisterStore.find(.signals, key: "stageplaatsen-noordoostpolder", on: app.db)
            XCTAssertEqual(unchanged.version, stored.version, "nothing written")
            form["netwerken"] = "netwerk onderwijs; HRM Netwerk Flevoland"
            form["indicatoren"] = "AZ_PERSONEELSTEKORT"
            let saved = try await flever.post("\(path)/bewerken", form)
            XCTAssertEqual(saved.status, .seeOther)
            let after = try await RegisterStore.find(.signals, key: "stageplaatsen-noordoostpolder", on: app.db)
            XCTAssertEqual(after.entry.values["networks"], "netwerk-onderwijs, hrm-netwerk")
            XCTAssertEqual(after.entry.values["indicators"], "az_personeelstekort")
            let page = try await lezer.get(path)
            XCTAssertTrue(
                page.body.contains("<a href=\"/sociale-kaart/netwerken/hrm-netwerk\">HRM Netwerk Flevoland</a>"))
        }
    }

    func testASourcesLastImportIsTheImportHistorys() async throws {
        try await TestApp.with { app in
            try await Self.seed(app)
            let anonymous = Browser(app)
            // After the demo: the demo import wrote gm_rokers (85012NED), on the fixed day.
            var api = try await RegistersFlowTests.object(anonymous, "/api/v1/sources/cbs-85012ned")
            var values = try XCTUnwrap(api["values"] as? [String: Any])
            XCTAssertEqual(values["lastImport"] as? String, "2025-12-01")
            XCTAssertEqual(values["lastImportOrigin"] as? String, "importHistory")

            // An import through the monitor four days later: the source's last import follows it.
            let later = Fixtures.now.addingTimeInterval(4 * 86_400)
            _ = try await DataImporter.run(
                .data(
                    Data("indicator;regio;periode;waarde;status\ngm_rokers;PV24;2024;19;voorlopig\n".utf8),
                    name: "r.csv"),
                replace: false, user: nil, actor: "test", clock: .fixed(later), on: app.db)
            let latest = try await DataImport.query(on: app.db).sort(\.$createdAt, .descending).first()
            let batch = try XCTUnwrap(latest)
            XCTAssertEqual(batch.fileName, "r.csv")
            let expected = RegisterRequest.today(at: batch.createdAt).description
            XCTAssertEqual(expected, "2025-12-05")
            api = try await RegistersFlowTests.object(anonymous, "/api/v1/sources/cbs-85012ned")
            values = try XCTUnwrap(api["values"] as? [String: Any])
            XCTAssertEqual(values["lastImport"] as? String, expected)
            let page = try await anonymous.get("/bronnen/cbs-85012ned")
            XCTAssertTrue(page.body.contains("05-12-2025 <span class=\"muted\">(volgens de importgeschiedenis"))
            let other = try await RegistersFlowTests.object(anonymous, "/api/v1/sources/cbs-70072ned")
            XCTAssertEqual((other["values"] as? [String: Any])?["lastImport"] as? String, "2025-12-01", "not used")

            // A source the monitor does not import keeps its typed date, marked as typed.
            let province = try await RegistersFlowTests.browser(app, .redacteur, "provincie-flevoland")
            let stored = try await RegisterStore.find(.sources, key: "provincie-standcijfers-2016", on: app.db)
            var form = Self.form(stored)
            form["laatste-import"] = "2024-03-01"
            let saved = try await province.post("/bronnen/provincie-standcijfers-2016/bewerken", form)
            XCTAssertEqual(saved.status, .seeOther)
            let typed = try await RegistersFlowTests.object(anonymous, "/api/v1/sources/provincie-standcijfers-2016")
            let typedValues = try XCTUnwrap(typed["values"] as? [String: Any])
            XCTAssertEqual(typedValues["lastImport"] as? String, "2024-03-01")
            XCTAssertEqual(typedValues["lastImportOrigin"] as? String, "typed")

            // The list and the export say which is which.
            let list = try await anonymous.get("/bronnen")
            XCTAssertTrue(list.body.contains("05-12-2025 <span class=\"muted\">(import)</span>"))
            XCTAssertTrue(list.body.contains("01-03-2024 <span class=\"muted\">(ingevoerd)</span>"))
            let csv = try await anonymous.get("/bronnen/export.csv")
            XCTAssertTrue(csv.body.contains(";Laatste import;Laatste import volgens;"))
            XCTAssertTrue(csv.body.contains(";2025-12-05;importgeschiedenis;"))
            XCTAssertTrue(csv.body.contains(";2024-03-01;ingevoerd;"))

            // An undone import no longer counts: back to the demo import.
            _ = try await DataImporter.undo(
                batchID: try batch.requireID(), user: nil, actor: "test", clock: .fixed(later), on: app.db)
            api = try await RegistersFlowTests.object(anonymous, "/api/v1/sources/cbs-85012ned")
            XCTAssertEqual((api["values"] as? [String: Any])?["lastImport"] as? String, "2025-12-01")
        }
    }
}
