import Fluent
import VitaalDomain
import XCTVapor
import XCTest

@testable import AppCore
@testable import SocialMapFeature

final class SocialMapEditorTests: XCTestCase {
    typealias S = SocialMapTestSupport

    func testEditorsChangeOnlyTheirOwnOrganisationsEntries() async throws {
        try await TestApp.with { app in
            try await S.seed(app)
            let (email, password) = try await TestApp.user(app, role: .redacteur, organisation: "flever")
            let b = Browser(app)
            _ = try await b.login(email, password)
            let own = try await b.get("/sociale-kaart/aanbod/oco-almere-ondersteuning")
            XCTAssertTrue(own.body.contains("Bewerken"))
            _ = try await b.get("/sociale-kaart/aanbod/oco-almere-ondersteuning/bewerken")
            let saved = try await b.post(
                "/sociale-kaart/aanbod/oco-almere-ondersteuning/bewerken",
                [
                    "naam": "OCO Almere", "omschrijving": "Nieuwe omschrijving", "website": "https://www.flever.nl",
                    "themas": "cliëntondersteuning, ervaringsdeskundigheid", "doelgroepen": "inwoners",
                    "dimensie-meedoen": "1", "gecontroleerd": "1"
                ])
            XCTAssertEqual(saved.status, .seeOther)
            let r = try await SocialMapStore.load(on: app.db)
            let oco = r.service("oco-almere-ondersteuning")!
            XCTAssertEqual(oco.description, "Nieuwe omschrijving")
            XCTAssertEqual(oco.tags.dimensions, [.meedoen])
            XCTAssertEqual(oco.lastChecked, Fixtures.socialMapToday)
            XCTAssertEqual(oco.tags.municipalityCodes, ["GM0034"], "municipality kept")
            let audit = try await AuditEntry.query(on: app.db).filter(\.$action == "gewijzigd").count()
            XCTAssertEqual(audit, 1)

            // Bad input: nothing written, the field is named.
            let bad = try await b.post(
                "/sociale-kaart/aanbod/oco-almere-ondersteuning/bewerken", ["naam": "", "website": "geen-url"])
            XCTAssertEqual(bad.status, .unprocessableEntity)
            XCTAssertTrue(bad.body.contains("vul een naam in"))
            let unchanged = try await SocialMapStore.load(on: app.db)
            XCTAssertEqual(unchanged.service("oco-almere-ondersteuning"), oco)

            // Another organisation's entry (Alzheimer Nederland: no Flever editor rights).
            let other = try await b.get("/sociale-kaart/aanbod/alzheimer-cafe")
            XCTAssertFalse(other.body.contains("Bewerken"))
            let refused = try await b.post("/sociale-kaart/aanbod/alzheimer-cafe/bewerken", ["naam": "Gekaapt"])
            XCTAssertEqual(refused.status, .forbidden)
            let refusedCheck = try await b.post("/sociale-kaart/organisaties/zilveren-kruis/gecontroleerd")
            XCTAssertEqual(refusedCheck.status, .forbidden)
            let still = try await SocialMapStore.load(on: app.db)
            XCTAssertEqual(still.service("alzheimer-cafe")?.name, "Alzheimer Café")

            let checked = try await b.post("/sociale-kaart/organisaties/flever/gecontroleerd")
            XCTAssertEqual(checked.status, .seeOther)
            let flever = try await SocialMapStore.load(on: app.db).organisation("flever")
            XCTAssertEqual(flever?.lastChecked, Fixtures.socialMapToday)
        }
    }

    func testReadersCannotWriteAndBeheerderCan() async throws {
        try await TestApp.with { app in
            try await S.seed(app)
            let (le, lp) = try await TestApp.user(app, role: .lezer, organisation: "flever")
            let lezer = Browser(app)
            _ = try await lezer.login(le, lp)
            let r = try await lezer.post("/sociale-kaart/aanbod/oco-almere-ondersteuning/gecontroleerd")
            XCTAssertEqual(r.status, .forbidden)
            let (be, bp) = try await TestApp.user(app, role: .beheerder, organisation: "provincie-flevoland")
            let admin = Browser(app)
            _ = try await admin.login(be, bp)
            let ok = try await admin.post("/sociale-kaart/aanbod/alzheimer-cafe/gecontroleerd")
            XCTAssertEqual(ok.status, .seeOther)
        }
    }

    func testCollaborationWithItselfIsRefusedAndOthersAreAdded() async throws {
        try await TestApp.with { app in
            try await S.seed(app)
            let (email, password) = try await TestApp.user(app, role: .redacteur, organisation: "flever")
            let b = Browser(app)
            _ = try await b.login(email, password)
            _ = try await b.get("/sociale-kaart/organisaties/flever")
            let before = try await S.counts(app.db)
            let selfLink = try await b.post(
                "/sociale-kaart/organisaties/flever/samenwerkingen", ["partner": "flever", "onderwerp": "Alles"])
            XCTAssertEqual(selfLink.status, .unprocessableEntity)
            XCTAssertTrue(selfLink.body.contains("met zichzelf"), selfLink.body)
            let badDate = try await b.post(
                "/sociale-kaart/organisaties/flever/samenwerkingen",
                ["partner": "ivn", "onderwerp": "Natuur", "sinds": "2024-13-01"])
            XCTAssertEqual(badDate.status, .unprocessableEntity)
            XCTAssertTrue(badDate.body.contains("geen datum"))
            let after = try await S.counts(app.db)
            XCTAssertEqual(after, before, "nothing written")

            // Flever takes part in every network of Bijlage 1, so only RegioPlus (in the Regioraad with
            // Flever alone) hangs on one organisation. A reported collaboration between RegioPlus and UWV
            // gives it a second way in: no vulnerable point is left (checked with networkx).
            let (be, bp) = try await TestApp.user(app, role: .beheerder, organisation: "provincie-flevoland")
            let admin = Browser(app)
            _ = try await admin.login(be, bp)
            let before2 = try S.json(try await admin.get("/api/v1/networks/alle/analysis").body) as! [String: Any]
            XCTAssertEqual(before2["articulationPoints"] as? [String], ["flever"])
            _ = try await admin.get("/sociale-kaart/organisaties/regioplus")
            let ok = try await admin.post(
                "/sociale-kaart/organisaties/regioplus/samenwerkingen",
                ["partner": "uwv", "onderwerp": "Arbeidsmarkt zorg", "sinds": "2024-09-01"])
            XCTAssertEqual(ok.status, .seeOther)
            let a = try S.json(try await admin.get("/api/v1/networks/alle/analysis").body) as! [String: Any]
            XCTAssertEqual(a["articulationPoints"] as? [String], [])
            let graph = try S.json(try await admin.get("/api/v1/networks/alle/graph").body) as! [String: Any]
            let edge = (graph["edges"] as! [[String: Any]]).first {
                $0["source"] as? String == "regioplus" && $0["target"] as? String == "uwv"
            }
            XCTAssertEqual(edge?["topic"] as? String, "Arbeidsmarkt zorg")
            XCTAssertEqual(edge?["derived"] as? Bool, false)
        }
    }
}
