import Fluent
import VitaalDomain
import XCTVapor
import XCTest

@testable import AppCore
@testable import SocialMapFeature

final class SocialMapSpiderWebTests: XCTestCase {
    typealias S = SocialMapTestSupport
    static let good = [
        "lichaamsfuncties": "7", "mentaal-welbevinden": "4", "zingeving": "6", "kwaliteit-van-leven": "6",
        "meedoen": "3", "dagelijks-functioneren": "8"
    ]

    func testWithoutConsentNothingIsStoredAndMatchesAreExplained() async throws {
        try await TestApp.with { app in
            try await S.seed(app)
            let b = Browser(app)
            let form = try await b.get("/sociale-kaart/spinnenweb")
            XCTAssertEqual(form.status, .ok)
            XCTAssertTrue(form.body.contains("name=\"csrf\""))
            var input = Self.good
            input["gemeente"] = "GM0995"
            input["werken-meedoen"] = "1"
            let r = try await b.post("/sociale-kaart/spinnenweb", input)
            XCTAssertEqual(r.status, .ok, r.body)
            XCTAssertTrue(r.body.contains("<svg"), "radar chart")
            XCTAssertTrue(r.body.contains("Er is niets opgeslagen"))
            XCTAssertTrue(
                r.body.contains("Past bij &apos;meedoen&apos; (uw score 3)")
                    || r.body.contains("Past bij 'meedoen' (uw score 3)"), r.body)
            // The list is the matcher's ranking (focus, distance from Lelystad), top 10.
            let register = try await SocialMapStore.load(on: app.db)
            let scores = try SpiderWebScores(keyed: Self.good.mapValues { Double($0)! })
            let offers = try SpiderWebMatching.nearestLocationFirst(
                register.services, locations: register.locations, origin: .municipality("GM0995"))
            let expected = try SocialMap.InitiativeMatcher.match(
                scores: scores, focus: [.meedoen], origin: .municipality("GM0995"),
                initiatives: offers, locations: register.locations, limit: 10)
            XCTAssertTrue(
                expected.first { $0.name == "Alzheimer Café" }?.reason.hasSuffix("· 0 km") ?? false,
                "its Lelystad location counts")
            let listed = r.body.components(separatedBy: "<ol class=\"sm-list\">")[1].components(separatedBy: "</ol>")[0]
                .components(separatedBy: "<strong>").dropFirst().map { String($0.prefix { $0 != "<" }) }
            XCTAssertEqual(listed, expected.map { $0.name.replacingOccurrences(of: "'", with: "&apos;") })
            XCTAssertTrue(listed.contains("Challenge Up"))
            XCTAssertFalse(
                listed.contains("Roggebotstaete icoonlocatie Positieve Gezondheid"), "does not address 'meedoen'")
            let counts = try await S.counts(app.db)
            XCTAssertEqual(counts[7], 0)
        }
    }

    func testConsentStoresOnlyScoresMunicipalityAndDate() async throws {
        try await TestApp.with { app in
            try await S.seed(app)
            let b = Browser(app)
            _ = try await b.get("/sociale-kaart/spinnenweb")
            var input = Self.good
            input["postcode"] = "8232"
            input["toestemming"] = "ja"
            let r = try await b.post("/sociale-kaart/spinnenweb", input)
            XCTAssertEqual(r.status, .ok)
            XCTAssertTrue(r.body.contains("Opgeslagen met uw toestemming"))
            let recs = try await SpiderWebRecord.query(on: app.db).all()
            XCTAssertEqual(recs.count, 1)
            XCTAssertEqual(recs[0].municipalityCode, "GM0995")
            XCTAssertEqual(recs[0].day, String(Fixtures.socialMapToday.iso.prefix(7)), "only the month is stored")
            // Submitting again (back button, double click) stores no duplicate within the hour.
            let again = try await b.post("/sociale-kaart/spinnenweb", input)
            XCTAssertEqual(again.status, .ok)
            XCTAssertTrue(again.body.contains("afgelopen uur al een spinnenweb bewaard"))
            let after = try await SpiderWebRecord.query(on: app.db).count()
            XCTAssertEqual(after, 1, "no duplicate record")
            XCTAssertEqual(recs[0].meedoen, 3)
            XCTAssertEqual(recs[0].mentaalWelbevinden, 4)
        }
    }

    func testBadScoresAreRefusedAndNothingIsStored() async throws {
        try await TestApp.with { app in
            try await S.seed(app)
            let b = Browser(app)
            _ = try await b.get("/sociale-kaart/spinnenweb")
            let cases: [([String: String], String)] = [
                (["meedoen": "11"], "11 ligt niet tussen 0 en 10 ('meedoen')"),
                (["zingeving": "-1"], "-1 ligt niet tussen 0 en 10 ('zingeving')"),
                (["lichaamsfuncties": ""], "vul een cijfer van 0 tot 10 in voor 'lichaamsfuncties'"),
                (["kwaliteit-van-leven": "veel"], "\"veel\" is geen cijfer"),
                (["gemeente": "", "postcode": "9999"], "ligt niet in Flevoland"),
                (["gemeente": "", "postcode": ""], "kies uw gemeente")
            ]
            for (change, message) in cases {
                var input = Self.good
                input["gemeente"] = "GM0034"
                input["toestemming"] = "ja"
                for (k, v) in change { input[k] = v }
                let r = try await b.post("/sociale-kaart/spinnenweb", input)
                XCTAssertEqual(r.status, .unprocessableEntity, message)
                // Messages are text nodes (quotes need no escaping there); the form's value attributes are escaped.
                XCTAssertTrue(r.body.contains(message), "\(message)\n\(r.body)")
            }
            // A hostile value comes back escaped in the value attribute, never raw.
            var hostile = Self.good
            hostile["gemeente"] = "GM0034"
            hostile["meedoen"] = "\"'><x y=z"
            hostile["postcode"] = "1315\"'><x y=z"
            let h = try await b.post("/sociale-kaart/spinnenweb", hostile)
            XCTAssertEqual(h.status, .unprocessableEntity)
            XCTAssertFalse(h.body.contains("\"'><x"), "raw value reflected")
            XCTAssertTrue(h.body.contains("value=\"&quot;&#39;&gt;&lt;x y=z\""), "escaped in the score field")
            // A missing field altogether.
            var input = Self.good
            input.removeValue(forKey: "dagelijks-functioneren")
            input["gemeente"] = "GM0034"
            input["toestemming"] = "ja"
            let r = try await b.post("/sociale-kaart/spinnenweb", input)
            XCTAssertEqual(r.status, .unprocessableEntity)
            let counts = try await S.counts(app.db)
            XCTAssertEqual(counts[7], 0, "nothing stored")
            // Without the CSRF token the form is refused.
            let noToken = try await b.request(.POST, "/sociale-kaart/spinnenweb", form: Self.good)
            XCTAssertEqual(noToken.status, .forbidden)
        }
    }

    func testStatisticsForProfessionalsSuppressGroupsUnderFive() async throws {
        try await TestApp.with { app in
            try await S.seed(app)
            func add(_ code: String, _ v: Double) async throws {
                let rec = SpiderWebRecord()
                rec.day = "2026-01-01"
                rec.municipalityCode = code
                rec.lichaamsfuncties = v
                rec.mentaalWelbevinden = v
                rec.zingeving = v
                rec.kwaliteitVanLeven = v
                rec.meedoen = v
                rec.dagelijksFunctioneren = v
                try await rec.create(on: app.db)
            }
            for v in [4.0, 5, 6, 7, 8] { try await add("GM0995", v) }
            for v in [1.0, 9] { try await add("GM0184", v) }
            let anonymous = Browser(app)
            let refused = try await anonymous.get("/sociale-kaart/spinnenweb/statistiek")
            XCTAssertEqual(refused.status, .seeOther)
            let (email, password) = try await TestApp.user(app, role: .lezer)
            let b = Browser(app)
            _ = try await b.login(email, password)
            let page = try await b.get("/sociale-kaart/spinnenweb/statistiek")
            XCTAssertEqual(page.status, .ok)
            // Urk (2) is hidden; Lelystad (5) is hidden too, else total − Lelystad would give Urk away.
            XCTAssertTrue(
                page.body.contains(
                    "<td>Urk</td><td class=\"num\">minder dan 5</td><td class=\"num\">minder dan 5</td>"), page.body)
            XCTAssertTrue(page.body.contains("<td>Lelystad</td><td class=\"num\">verborgen</td>"), page.body)
            XCTAssertFalse(page.body.contains("6,0</td>"), "Lelystad's mean (6,0) is not shown")
            XCTAssertFalse(page.body.contains("5,0</td>"), "Urk's mean (5,0) is not shown")
            // The total: 7 rounded to 5, mean 40/7 = 5,7 with one decimal.
            XCTAssertTrue(
                page.body.contains("<td>Flevoland</td><td class=\"num\">ongeveer 5</td><td class=\"num\">5,7</td>"),
                page.body)
        }
    }
}
