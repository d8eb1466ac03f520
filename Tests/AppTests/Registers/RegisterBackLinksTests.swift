import Fluent
import VitaalDomain
import XCTVapor
import XCTest

@testable import AppCore
@testable import PlansFeature
@testable import RegistersFeature

/// The references' other direction (#18), through the real pages and forms with CSRF on SQLite and
/// PostgreSQL: a goal's page lists the funds naming it for everyone who may see the plan and the
/// signals only for logged-in users; the network and indicator pages list signals only for
/// logged-in users; a goal's delete confirmation names the funds and signals that keep naming it.
final class RegisterBackLinksTests: XCTestCase {
    static let flever = RegisterLinksFlowTests.flever
    static let regioplan = RegisterLinksFlowTests.regioplan

    /// A fund created through the form, naming `goals`.
    static func createFund(_ browser: Browser, _ name: String, goals: String) async throws {
        let created = try await browser.post(
            "/fondsen/nieuw", ["regeling": name, "financier": "VWS", "jaar": "2026", "plandoelen": goals])
        XCTAssertEqual(created.status, .seeOther, created.body)
    }

    /// `texts` occur in `body` in this order.
    static func assertOrder(_ body: String, _ texts: [String], file: StaticString = #filePath, line: UInt = #line) {
        let positions = texts.map { body.range(of: $0)?.lowerBound }
        XCTAssertFalse(positions.contains(nil), "missing: \(zip(texts, positions).filter { $1 == nil })", line: line)
        let found = positions.compactMap { $0 }
        XCTAssertEqual(found, found.sorted(), "order of \(texts)", line: line)
    }

    func testGoalPageListsFundsForEveryoneAndSignalsOnlyLoggedIn() async throws {
        try await TestApp.with { app in
            try await RegisterLinksFlowTests.seed(app)
            let flever = try await RegistersFlowTests.browser(app, .redacteur, "flever")
            try await Self.createFund(flever, "Impulsregeling Mantelzorg", goals: "\(Self.flever)/VVI.A8")
            try await Self.createFund(flever, "Fonds Koplopers", goals: "\(Self.flever)/A&O.A2")
            let goal = "/plannen/\(Self.flever)/doelen/VVI.A8"
            let fundLink = "<a href=\"/fondsen/impulsregeling-mantelzorg\">Impulsregeling Mantelzorg</a>"
            let signalPaths = [
                "/signalen/toegankelijkheid-urk", "/signalen/gezondheidsvaardigheden-dronten",
                "/signalen/onbegrepen-gedrag-almere"
            ]

            // Anonymous visitors (the year plan is published): the fund, not the other fund, no signals.
            let anonymous = try await Browser(app).get(goal)
            XCTAssertEqual(anonymous.status, .ok)
            XCTAssertTrue(anonymous.body.contains("<h2 id=\"fondsen\">Fondsen</h2>"), anonymous.body)
            XCTAssertTrue(anonymous.body.contains(fundLink))
            XCTAssertFalse(anonymous.body.contains("Fonds Koplopers"), "names another goal")
            XCTAssertFalse(anonymous.body.contains("id=\"signalen\""))
            for path in signalPaths { XCTAssertFalse(anonymous.body.contains(path), path) }
            XCTAssertFalse(anonymous.body.contains("Meer meldingen van onbegrepen gedrag"))

            // A logged-in reader: the fund and the three demo signals naming the goal, newest first,
            // with status and date; not the signals of other goals.
            let lezer = try await RegistersFlowTests.browser(app, .lezer, "ggd-flevoland")
            let page = try await lezer.get(goal)
            XCTAssertTrue(page.body.contains(fundLink), page.body)
            XCTAssertTrue(page.body.contains("<h2 id=\"signalen\">Signalen</h2>"))
            Self.assertOrder(page.body, ["id=\"fondsen\"", fundLink, "id=\"signalen\""] + signalPaths)
            XCTAssertTrue(
                page.body.contains(
                    "<td><a href=\"/signalen/onbegrepen-gedrag-almere\">Meer meldingen van onbegrepen gedrag in de "
                        + "wijk</a></td><td>geagendeerd</td><td>10-02-2025</td>"), page.body)
            XCTAssertFalse(page.body.contains("/signalen/stageplaatsen-noordoostpolder"), "names A&O.T2")

            // The other fund's goal lists it; a goal nothing names says so.
            let koplopers = try await Browser(app).get("/plannen/\(Self.flever)/doelen/A%26O.A2")
            XCTAssertTrue(koplopers.body.contains("<a href=\"/fondsen/fonds-koplopers\">Fonds Koplopers</a>"))
            XCTAssertFalse(koplopers.body.contains("Impulsregeling Mantelzorg"))
            let none = try await Browser(app).get("/plannen/\(Self.flever)/doelen/VVI.A1")
            XCTAssertTrue(none.body.contains("Geen regeling uit Fondsenwerving verwijst naar dit doel."), none.body)
        }
    }

    func testNetworkAndIndicatorPagesShowSignalsOnlyLoggedIn() async throws {
        try await TestApp.with { app in
            try await RegisterLinksFlowTests.seed(app)
            let lezer = try await RegistersFlowTests.browser(app, .lezer, "ggd-flevoland")
            let signal =
                "<a href=\"/signalen/onbegrepen-gedrag-almere\">Meer meldingen van onbegrepen gedrag in de wijk</a>"
            for (path, heading) in [
                ("/sociale-kaart/netwerken/kenniswerkplaats-onbegrepen-gedrag", "Signalen uit dit netwerk"),
                ("/monitor/indicator/tz_meldingen_onbegrepen_gedrag", "Signalen bij deze indicator")
            ] {
                let anonymous = try await Browser(app).get(path)
                XCTAssertEqual(anonymous.status, .ok, path)
                XCTAssertFalse(anonymous.body.contains(heading), path)
                XCTAssertFalse(anonymous.body.contains("/signalen/"), path)
                let page = try await lezer.get(path)
                XCTAssertEqual(page.status, .ok, path)
                XCTAssertTrue(page.body.contains("<h2 id=\"signalen\">\(heading)</h2>"), path)
                XCTAssertTrue(page.body.contains(signal), page.body)
                XCTAssertTrue(page.body.contains("<td>geagendeerd</td><td>10-02-2025</td>"), path)
                XCTAssertFalse(page.body.contains("/signalen/gezondheidsvaardigheden-dronten"), "names neither")
            }
            // A network no signal names says so to a logged-in user.
            let other = try await lezer.get("/sociale-kaart/netwerken/oco-almere")
            XCTAssertTrue(other.body.contains("Geen signaal verwijst naar dit netwerk."), other.body)
        }
    }

    func testDeleteConfirmationNamesReferrersAndTheFundThenShowsTheGoalGone() async throws {
        try await TestApp.with { app in
            try await RegisterLinksFlowTests.seed(app)
            // Goals are deleted only in a concept plan: the Regioplan made concept here.
            try await PlanRecord.query(on: app.db).filter(\.$key == Self.regioplan)
                .set(\.$status, to: PlanStatus.concept.rawValue).update()
            let flever = try await RegistersFlowTests.browser(app, .redacteur, "flever")
            try await Self.createFund(flever, "Impulsregeling Mantelzorg", goals: "\(Self.regioplan)/B1")
            try await Self.createFund(flever, "Fonds Positieve Gezondheid", goals: "\(Self.regioplan)/B1.doel")
            // A demo signal that also names the goal, through its edit form.
            let stored = try await RegisterStore.find(.signals, key: "eenzaamheid-ouderen-lelystad", on: app.db)
            var form = RegisterLinksFlowTests.form(stored)
            form["plandoelen"] = "\(Self.flever)/PG.A1, \(Self.regioplan)/B1"
            let saved = try await flever.post("/signalen/eenzaamheid-ouderen-lelystad/bewerken", form)
            XCTAssertEqual(saved.status, .seeOther, saved.body)

            let admin = try await RegistersFlowTests.browser(app, .beheerder, "provincie-flevoland")
            let path = "/plannen/\(Self.regioplan)/doelen/B1/verwijderen"
            let confirm = try await admin.get(path)
            XCTAssertEqual(confirm.status, .ok)
            XCTAssertTrue(
                confirm.body.contains("Let op: 1 fonds en 1 signaal verwijzen naar dit doel:"), confirm.body)
            Self.assertOrder(
                confirm.body,
                [
                    "<a href=\"/fondsen/impulsregeling-mantelzorg\">Impulsregeling Mantelzorg</a> (fonds)",
                    "<a href=\"/signalen/eenzaamheid-ouderen-lelystad\">Eenzaamheid onder oudere inwoners</a> "
                        + "(signaal)",
                    "Bij ‘mee verwijderen’: 1 fonds verwijst naar een onderliggend doel:",
                    "<a href=\"/fondsen/fonds-positieve-gezondheid\">Fonds Positieve Gezondheid</a> (fonds)",
                    "‘bestaat niet meer’"
                ])

            // Deleted, the child kept: the fund still names the goal, shown as gone to a logged-in user.
            let deleted = try await admin.post(path, ["children": "omhoog"])
            XCTAssertEqual(deleted.status, .seeOther, deleted.body)
            let gone = try await admin.get("/plannen/\(Self.regioplan)/doelen/B1")
            XCTAssertEqual(gone.status, .notFound)
            let fund = try await RegisterStore.find(.funds, key: "impulsregeling-mantelzorg", on: app.db)
            XCTAssertEqual(fund.entry.values["planGoals"], "\(Self.regioplan)/B1", "the reference is kept")
            let lezer = try await RegistersFlowTests.browser(app, .lezer, "ggd-flevoland")
            let page = try await lezer.get("/fondsen/impulsregeling-mantelzorg")
            XCTAssertTrue(
                page.body.contains(
                    "<code>\(Self.regioplan)/B1</code> <span class=\"muted\">(bestaat niet meer)</span>"), page.body)
            let kept = try await lezer.get("/fondsen/fonds-positieve-gezondheid")
            XCTAssertTrue(kept.body.contains("href=\"/plannen/\(Self.regioplan)/doelen/B1.doel\""), kept.body)
            XCTAssertFalse(kept.body.contains("bestaat niet meer"))
        }
    }
}
