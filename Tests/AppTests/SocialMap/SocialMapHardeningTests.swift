import Fluent
import VitaalDomain
import XCTVapor
import XCTest

@testable import AppCore
@testable import SocialMapFeature

/// Security review H1/H3, L2, L12, L16 on the social map.
final class SocialMapHardeningTests: XCTestCase {
    typealias S = SocialMapTestSupport
    static let hostile = [
        "9999999999999999999", "-1", "1e308", "NaN", "", String(repeating: "x", count: 10000), "\"'><x y=z"
    ]

    func testHostileQueryValuesOnEveryPublicSocialMapPage() async throws {
        try await TestApp.with { app in
            try await S.seed(app)
            let b = Browser(app)
            for value in Self.hostile {
                let v = Browser.enc(value)
                var paths = ["thema", "dimensie", "doelgroep", "gemeente", "soort"].map { "/sociale-kaart?\($0)=\(v)" }
                paths += ["thema", "dimensie", "doelgroep", "gemeente", "soort", "theme", "kind"].map {
                    "/api/v1/initiatives?\($0)=\(v)"
                }
                if !value.isEmpty && value.count < 1000 {
                    paths += [
                        "/sociale-kaart/aanbod/\(v)", "/sociale-kaart/organisaties/\(v)",
                        "/sociale-kaart/netwerken/\(v)",
                        "/api/v1/networks/\(v)/analysis", "/api/v1/networks/\(v)/graph"
                    ]
                }
                for path in paths {
                    let r = try await b.get(path)
                    XCTAssertLessThan(r.status.code, 500, "\(path.prefix(60))")
                    // HTML never carries the raw sequence; JSON answers (error messages quoting the
                    // value) are not HTML and are served as application/json.
                    if r.headers.contentType == .html {
                        XCTAssertFalse(r.body.contains("\"'><x"), "\(path.prefix(60)): raw value reflected")
                    } else {
                        XCTAssertEqual(r.headers.contentType?.subType, "json", "\(path.prefix(60))")
                    }
                }
            }
            let health = try await b.get("/health")
            XCTAssertEqual(health.status, .ok)
        }
    }

    /// H3 stored: themes, target groups and web addresses an editor saves are escaped (or refused)
    /// on the public map and offer page.
    func testStoredThemesTargetGroupsAndAddressesCannotBreakOutOfAttributes() async throws {
        try await TestApp.with { app in
            try await S.seed(app)
            let (email, password) = try await TestApp.user(app, role: .redacteur, organisation: "flever")
            let b = Browser(app)
            _ = try await b.login(email, password)
            let edit = "/sociale-kaart/aanbod/oco-almere-ondersteuning/bewerken"
            _ = try await b.get(edit)
            let evil = "\"'><x y=z"
            let badURL = try await b.post(edit, ["naam": "OCO Almere", "website": "https://www.flever.nl/\(evil)"])
            XCTAssertEqual(badURL.status, .unprocessableEntity)
            XCTAssertTrue(badURL.body.contains("geen geldig webadres"))
            XCTAssertFalse(badURL.body.contains(evil))
            let js = try await b.post(edit, ["naam": "OCO Almere", "website": "javascript://x.nl/%0aalert(1)"])
            XCTAssertEqual(js.status, .unprocessableEntity)
            let saved = try await b.post(
                edit,
                [
                    "naam": "OCO Almere", "website": "https://www.flever.nl/oco",
                    "themas": "thema \(evil)", "doelgroepen": "doelgroep \(evil)"
                ])
            XCTAssertEqual(saved.status, .seeOther, saved.body)

            let anonymous = Browser(app)
            let map = try await anonymous.get("/sociale-kaart")
            XCTAssertEqual(map.status, .ok)
            XCTAssertFalse(map.body.contains(evil), "raw sequence on the public map")
            XCTAssertTrue(map.body.contains("value=\"thema &quot;&#39;&gt;&lt;x y=z\""), "theme option escaped")
            XCTAssertTrue(
                map.body.contains("value=\"doelgroep &quot;&#39;&gt;&lt;x y=z\""), "target-group option escaped")
            let filtered = try await anonymous.get("/sociale-kaart?thema=\(Browser.enc("thema \(evil)"))")
            XCTAssertEqual(filtered.status, .ok)
            XCTAssertFalse(filtered.body.contains(evil))
            let offer = try await anonymous.get("/sociale-kaart/aanbod/oco-almere-ondersteuning")
            XCTAssertTrue(offer.body.contains("href=\"https://www.flever.nl/oco\""))
            XCTAssertFalse(offer.body.contains(evil))
        }
    }

    /// L12: the HSDS import refuses a web address or e-mail address that could break out, naming file, row and field.
    func testHSDSImportRefusesHostileAddresses() async throws {
        let dir = try S.writePackage([
            "organizations.csv":
                "id,name,description,url,email\norg-1,Buurtkracht,,\"https://x.nl/\"\"><x\",\norg-2,Samen Urk,,,\"a\"\"@x.nl\"\n"
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        XCTAssertThrowsError(try HSDSFiles.read(path: dir.path)) { error in
            guard let e = error as? VitaalError else { return XCTFail("\(error)") }
            let text = e.description
            XCTAssertTrue(text.contains("organizations.csv"), text)
            XCTAssertTrue(text.contains("geen geldig webadres"), text)
            XCTAssertTrue(text.contains("geen geldig e-mailadres"), text)
            XCTAssertTrue(e.problems.contains { $0.location.field == "url" && $0.location.line == 2 }, text)
        }
    }

    /// L2: an editor of organisation B cannot overwrite the collaboration A entered; topics are limited.
    func testCollaborationsEnteredByAnotherOrganisationCannotBeOverwritten() async throws {
        try await TestApp.with { app in
            try await S.seed(app)
            let (fe, fp) = try await TestApp.user(app, role: .redacteur, organisation: "flever")
            let flever = Browser(app)
            _ = try await flever.login(fe, fp)
            _ = try await flever.get("/sociale-kaart/organisaties/flever")
            let long = try await flever.post(
                "/sociale-kaart/organisaties/flever/samenwerkingen",
                ["partner": "zilveren-kruis", "onderwerp": String(repeating: "x", count: 201)])
            XCTAssertEqual(long.status, .unprocessableEntity)
            XCTAssertTrue(long.body.contains("hoogstens 200 tekens"))
            let ok = try await flever.post(
                "/sociale-kaart/organisaties/flever/samenwerkingen",
                ["partner": "zilveren-kruis", "onderwerp": "Preventie"])
            XCTAssertEqual(ok.status, .seeOther, ok.body)

            let (ze, zp) = try await TestApp.user(app, role: .redacteur, organisation: "zilveren-kruis")
            let zk = Browser(app)
            _ = try await zk.login(ze, zp)
            _ = try await zk.get("/sociale-kaart/organisaties/zilveren-kruis")
            let refused = try await zk.post(
                "/sociale-kaart/organisaties/zilveren-kruis/samenwerkingen",
                ["partner": "flever", "onderwerp": "Overschreven"])
            XCTAssertEqual(refused.status, .forbidden, refused.body)
            XCTAssertTrue(refused.body.contains("andere organisatie"))
            let rec = try await SocialMapCollaborationRecord.query(on: app.db).filter(\.$a == "flever").filter(
                \.$b == "zilveren-kruis"
            ).first()
            XCTAssertEqual(rec?.topic, "Preventie", "A's record is unchanged")
            // Flever itself may still change its own record.
            let again = try await flever.post(
                "/sociale-kaart/organisaties/flever/samenwerkingen",
                ["partner": "zilveren-kruis", "onderwerp": "Preventie en zorg"])
            XCTAssertEqual(again.status, .seeOther)
        }
    }

    /// L16: one corrupt payload is skipped; the other records are still shown.
    func testOneCorruptRecordDoesNotTakeDownTheSocialMap() async throws {
        try await TestApp.with { app in
            try await S.seed(app)
            let found = try await SocialMapServiceRecord.query(on: app.db).filter(\.$key == "alzheimer-cafe").first()
            let rec = try XCTUnwrap(found)
            rec.payload = "{kapot"
            try await rec.save(on: app.db)
            let foundOrg = try await SocialMapOrganisationRecord.query(on: app.db).filter(\.$key == "zilveren-kruis")
                .first()
            let org = try XCTUnwrap(foundOrg)
            org.payload = "[]"
            try await org.save(on: app.db)
            let b = Browser(app)
            let map = try await b.get("/sociale-kaart")
            XCTAssertEqual(map.status, .ok, map.body)
            XCTAssertTrue(map.body.contains("OCO"), "the other offers are listed")
            XCTAssertFalse(map.body.contains("Alzheimer Café"))
            for path in [
                "/api/v1/initiatives", "/api/v1/organizations", "/sociale-kaart/netwerken",
                "/api/v1/networks/alle/analysis"
            ] {
                let r = try await b.get(path)
                XCTAssertEqual(r.status, .ok, "\(path): \(r.body.prefix(300))")
            }
            let (register, skipped) = try await SocialMapStore.loadReporting(on: app.db)
            XCTAssertEqual(skipped.count, 2, "\(skipped)")
            XCTAssertNoThrow(try register.validate())
        }
    }
}
