import Fluent
import VitaalDomain
import XCTVapor
import XCTest

@testable import AcuteCareFeature
@testable import AppCore

/// /modellen/acute-zorg: summary, map, tables, what-if (anyone), saving (redacteur+), bad input.
final class AcuteCarePageTests: XCTestCase {
    func testBasePageShowsSummaryMapTablesAndSchematicLabels() async throws {
        try await TestApp.with { app in
            try await AcuteCareAPITests.seed(app)
            let r = try await Browser(app).get(AcuteCareURL.index.path)
            XCTAssertEqual(r.status, .ok)
            XCTAssertTrue(r.body.contains("Binnen 15 minuten bereikbaar: "), "plain-language summary")
            XCTAssertTrue(r.body.contains("buiten de norm: "))
            XCTAssertTrue(r.body.contains("Schematisch model."))
            XCTAssertTrue(r.body.contains("badge-schematic"))
            XCTAssertTrue(r.body.contains("<svg"), "map")
            XCTAssertTrue(
                r.body.contains("Ambulancepost") && r.body.contains("Buiten de norm")
                    && r.body.contains("Binnen de norm"), "legend")
            for m in ["Almere", "Lelystad", "Dronten", "Noordoostpolder", "Zeewolde", "Urk"] {
                XCTAssertTrue(r.body.contains(m), m)
            }
            XCTAssertTrue(r.body.contains("Ambulances nodig per post"))
            XCTAssertTrue(r.body.contains("Groei 2035 met extra post Almere Poort"), "saved scenarios listed")
            XCTAssertFalse(r.body.contains("Scenario opslaan"), "anonymous visitors cannot save")
            XCTAssertFalse(r.body.contains("<script"), "no JavaScript")
        }
    }

    /// Done-when on the page: growth and a new post change the numbers in the expected direction.
    func testWhatIfGrowthAndNewPostOnThePage() async throws {
        try await TestApp.with { app in
            try await AcuteCareAPITests.seed(app)
            let browser = Browser(app)
            let growth = try await browser.get(
                "/modellen/acute-zorg?groei_totaal=540.000&groei_jaar=2035&vergrijzing=1")
            XCTAssertEqual(growth.status, .ok, growth.body)
            XCTAssertTrue(growth.body.contains("446.000 → 540.000"), "population now → scenario")
            // Bands, expected coverage, the best next post and the real roads with their source.
            for text in [
                "Aanrijtijd in klassen", "Aanrijtijd 15–20 min", "class=\"ac-band-le15\"", "Verwacht op tijd (MEXCLP",
                "Beste volgende post", "Provinciale weg (echte ligging", "Schematische verbinding (geen wegdata)",
                "Provincie Flevoland, provinciale wegen, export 23-10-2018"
            ] {
                XCTAssertTrue(growth.body.contains(text), text)
            }
            let service = try AcuteCareService.evaluate(
                try WhatIfForm(groei_jaar: "2035", groei_totaal: "540000", vergrijzing: "1").changes())
            XCTAssertGreaterThan(service.result.totalAmbulances, service.base.totalAmbulances)
            XCTAssertTrue(
                growth.body.contains("\(service.base.totalAmbulances) → \(service.result.totalAmbulances)"),
                "ambulances now → scenario")

            // A post in an uncovered village on the network.
            XCTAssertTrue(service.base.coverage.uncovered.contains { $0.id == "zeewolde-buitengebied" })
            let post = try await browser.get("/modellen/acute-zorg?post_plaats=zeewolde-buitengebied")
            XCTAssertEqual(post.status, .ok)
            XCTAssertTrue(post.body.contains("(nieuw)"), "new post in the table")
            XCTAssertTrue(post.body.contains("class=\"ac-up\""), "coverage goes up")
            XCTAssertTrue(post.body.contains("Nieuwe of verplaatste post"), "map legend")

            // Removing a post lowers coverage.
            let removed = try await browser.get("/modellen/acute-zorg?opheffen=emmeloord")
            XCTAssertTrue(removed.body.contains("Emmeloord (opgeheven)"))
            XCTAssertTrue(removed.body.contains("class=\"ac-down\""))

            // A stricter norm with coordinates of a new district.
            let district = try await browser.get(
                "/modellen/acute-zorg?norm=12&wijk_naam=Pampus&wijk_lat=52,360&wijk_lon=5,160&wijk_inwoners=15.000&wijk_gemeente=Almere"
            )
            XCTAssertEqual(district.status, .ok, district.body)
            XCTAssertTrue(district.body.contains("Binnen 12 minuten bereikbaar"))
            XCTAssertTrue(district.body.contains("461.000"), "446,000 + 15,000 residents")
        }
    }

    /// Bad what-if input: 422 with a message naming the field; nothing saved.
    func testBadWhatIfInputIsExplained() async throws {
        let cases: [(String, String)] = [
            ("norm=0", "Norm: de norm moet groter zijn dan 0"),
            ("norm=-4", "Norm: de norm moet groter zijn dan 0"),
            ("norm=abc", "Norm: \"abc\" is geen getal"),
            ("meldtijd=20", "Meldings- en uitruktijd"),
            ("ritten=-100", "Ritten per jaar: mag niet negatief zijn"),
            ("post_lat=48.85&post_lon=2.35", "buiten Nederland"),
            ("post_lat=52.60&post_lon=5.30&post_naam=Meerpost", "Meerpost"),
            ("post_lat=52.5", "vul zowel breedte- als lengtegraad in"),
            ("opheffen=nergens", "onbekende post"),
            ("wijk_lat=52.36&wijk_lon=5.16", "aantal inwoners ontbreekt"),
            ("wijk_lat=52.36&wijk_lon=5.16&wijk_inwoners=-5", "mag niet negatief zijn"),
            ("groei_jaar=2010", "kies een jaar van 2024"),
            ("groei_pct=-120", "krimp van 100%"),
            ("groei_totaal=500000&groei_pct=10", "niet allebei")
        ]
        try await TestApp.with { app in
            try await AcuteCareAPITests.seed(app)
            let browser = Browser(app)
            for (query, expected) in cases {
                let r = try await browser.get("/modellen/acute-zorg?\(query)")
                XCTAssertEqual(r.status, .unprocessableEntity, query)
                XCTAssertTrue(
                    r.body.contains(expected.replacingOccurrences(of: "\"", with: "&quot;"))
                        || r.body.contains(expected),
                    "\(query): page should say \(expected)")
                XCTAssertTrue(r.body.contains("Binnen 15 minuten bereikbaar"), "\(query): the base is still shown")
            }
            // The unreachable post names its problem precisely.
            let lake = try await browser.get("/modellen/acute-zorg?post_lat=52.60&post_lon=5.30&post_naam=Meerpost")
            XCTAssertTrue(lake.body.contains("niet bereikbaar"), lake.body)
            let count = try await AcuteCareScenarioRecord.query(on: app.db).count()
            XCTAssertEqual(count, 5)
        }
    }

    func testEditorSavesScenarioAndOnlyOwnOrganisationDeletes() async throws {
        try await TestApp.with { app in
            try await AcuteCareAPITests.seed(app)
            let (email, password) = try await TestApp.user(app, role: .redacteur)
            let browser = Browser(app)
            _ = try await browser.login(email, password)
            let page = try await browser.get("/modellen/acute-zorg?post_plaats=rutten")
            XCTAssertTrue(page.body.contains("Scenario opslaan"))

            // Bad input is not saved.
            let bad = try await browser.post(AcuteCareURL.saveScenario.path, ["naam": "Fout", "norm": "0"])
            XCTAssertEqual(bad.status, .unprocessableEntity)
            XCTAssertTrue(bad.body.contains("de norm moet groter zijn dan 0"))
            let empty = try await browser.post(AcuteCareURL.saveScenario.path, ["naam": "Leeg"])
            XCTAssertEqual(empty.status, .unprocessableEntity)
            XCTAssertTrue(empty.body.contains("niets veranderd"))
            let noName = try await browser.post(AcuteCareURL.saveScenario.path, ["post_plaats": "rutten"])
            XCTAssertEqual(noName.status, .unprocessableEntity)
            let lake = try await browser.post(
                AcuteCareURL.saveScenario.path, ["naam": "Meer", "post_lat": "52.60", "post_lon": "5.30"])
            XCTAssertEqual(lake.status, .unprocessableEntity)
            var count = try await AcuteCareScenarioRecord.query(on: app.db).count()
            XCTAssertEqual(count, 5, "nothing saved")

            let ok = try await browser.post(
                AcuteCareURL.saveScenario.path,
                ["naam": "Post in Rutten", "omschrijving": "Wat als", "post_plaats": "rutten", "groei_pct": "16"])
            XCTAssertEqual(ok.status, .seeOther, ok.body)
            XCTAssertEqual(ok.location, AcuteCareURL.scenario(.value("post-in-rutten")).path)
            count = try await AcuteCareScenarioRecord.query(on: app.db).count()
            XCTAssertEqual(count, 6)
            let audit = try await AuditEntry.query(on: app.db).filter(\.$entityID == "post-in-rutten").filter(
                \.$action == "aangemaakt"
            ).first()
            XCTAssertEqual(audit?.actor, email)
            let shown = try await browser.get(AcuteCareURL.scenario(.value("post-in-rutten")).path)
            XCTAssertEqual(shown.status, .ok)
            XCTAssertTrue(shown.body.contains("Post in Rutten"))
            XCTAssertTrue(shown.body.contains("Rutten (nieuw)"))
            XCTAssertTrue(shown.body.contains("Wat verandert er in dit scenario"))
            XCTAssertTrue(shown.body.contains("Bevolkingsgroei 2024 → 2035: alle gemeenten +16,0%"), "changes in words")
            XCTAssertTrue(shown.body.contains("Scenario verwijderen"))

            // The projection's scenario gives each of the six municipalities its own growth: no "overige gemeenten".
            let projected = try await browser.get(AcuteCareURL.scenario(.value("groei-2035")).path)
            XCTAssertTrue(projected.body.contains("Bevolkingsgroei 2024 → 2035: Almere +"), projected.body)
            XCTAssertFalse(projected.body.contains("overige gemeenten"))

            // A demo scenario of the province: not deletable by a Flever editor.
            let other = try await browser.post(AcuteCareURL.deleteScenario(.value("groei-2035")).path)
            XCTAssertEqual(other.status, .forbidden)
            XCTAssertTrue(other.body.contains("eigen organisatie"))
            let del = try await browser.post(AcuteCareURL.deleteScenario(.value("post-in-rutten")).path)
            XCTAssertEqual(del.status, .seeOther)
            count = try await AcuteCareScenarioRecord.query(on: app.db).count()
            XCTAssertEqual(count, 5)
            let deleted = try await AuditEntry.query(on: app.db).filter(\.$entityID == "post-in-rutten").filter(
                \.$action == "verwijderd"
            ).count()
            XCTAssertEqual(deleted, 1)
        }
    }

    func testReaderAndAnonymousCannotSave() async throws {
        try await TestApp.with { app in
            try await AcuteCareAPITests.seed(app)
            let anonymous = Browser(app)
            let r1 = try await anonymous.post(AcuteCareURL.saveScenario.path, ["naam": "X", "post_plaats": "rutten"])
            XCTAssertEqual(r1.status, .unauthorized)
            let (email, password) = try await TestApp.user(app, role: .lezer)
            let reader = Browser(app)
            _ = try await reader.login(email, password)
            let r2 = try await reader.post(AcuteCareURL.saveScenario.path, ["naam": "X", "post_plaats": "rutten"])
            XCTAssertEqual(r2.status, .forbidden)
            let count = try await AcuteCareScenarioRecord.query(on: app.db).count()
            XCTAssertEqual(count, 5)
        }
    }

    func testSavedScenarioPageComparesWithBase() async throws {
        try await TestApp.with { app in
            try await AcuteCareAPITests.seed(app)
            let r = try await Browser(app).get("/modellen/acute-zorg/scenario/groei-2035-extra-post-poort")
            XCTAssertEqual(r.status, .ok)
            XCTAssertTrue(r.body.contains("<strong>Nu: </strong>Binnen 15 minuten bereikbaar: "), "base summary")
            XCTAssertTrue(r.body.contains("Almere Poort (nieuw)"))
            XCTAssertTrue(r.body.contains("540.000"))
            XCTAssertEqual(r.body.components(separatedBy: "<svg").count - 1, 2, "two maps: now and scenario")
            let missing = try await Browser(app).get("/modellen/acute-zorg/scenario/bestaat-niet")
            XCTAssertEqual(missing.status, .notFound)
        }
    }
}
