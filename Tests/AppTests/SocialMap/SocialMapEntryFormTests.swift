import Fluent
import VitaalDomain
import XCTVapor
import XCTest

@testable import AppCore
@testable import SocialMapFeature

/// The social map kept in the browser: organisations, offers, locations, contact persons and
/// networks added, changed and archived through the real forms (GET the form, take its CSRF token,
/// POST), with their bad input, duplicate warning, map preview and ownership.
final class SocialMapEntryFormTests: XCTestCase {
    typealias S = SocialMapTestSupport

    /// A partner (Welzijn Zeewolde, not on the demo map) adds its organisation, a location and an
    /// initiative, joins a network, and archives it all again.
    func testPartnerAddsInitiativeJoinsNetworkAndArchives() async throws {
        try await TestApp.with { app in
            try await S.seed(app)
            let (email, password) = try await TestApp.user(app, role: .redacteur, organisation: "welzijn-zeewolde")
            let b = Browser(app)
            _ = try await b.login(email, password)
            let form = try await b.get("/sociale-kaart/organisaties/nieuw")
            XCTAssertEqual(form.status, .ok)
            XCTAssertTrue(form.body.contains("<legend>Gemeenten waar het werkt"))

            // Bad input: each message next to its field, nothing written.
            let before = try await S.counts(app.db)
            let bad = try await b.post(
                "/sociale-kaart/organisaties/nieuw",
                [
                    "naam": " ", "website": "javascript:alert(1)", "email": "info@",
                    "themas": String(repeating: "x", count: 101),
                    "omschrijving": String(repeating: "o", count: 5001)
                ])
            XCTAssertEqual(bad.status, .unprocessableEntity)
            for (field, message) in [
                ("naam", "vul een naam in"), ("website", "geen geldig webadres"), ("email", "geen geldig e-mailadres"),
                ("themas", "hoogstens 100 tekens"), ("omschrijving", "hoogstens 5000 tekens")
            ] {
                XCTAssertTrue(
                    bad.body.contains("id=\"f-\(field)-error\">")
                        && Self.fieldMessage(bad.body, field).contains(message),
                    "\(field): \(Self.fieldMessage(bad.body, field))")
            }
            let afterBad = try await S.counts(app.db)
            XCTAssertEqual(afterBad, before)

            let created = try await b.post(
                "/sociale-kaart/organisaties/nieuw",
                [
                    "naam": "Buurtkracht Zeewolde", "website": "https://buurtkracht-zeewolde.example.nl",
                    "email": "info@buurtkracht-zeewolde.example.nl", "themas": "buurt, ontmoeting",
                    "dimensie-meedoen": "1", "gemeente-GM0050": "1"
                ])
            XCTAssertEqual(created.status, .seeOther)
            XCTAssertEqual(created.location, "/sociale-kaart/organisaties/buurtkracht-zeewolde?melding=toegevoegd")

            // Duplicate warning: same website under another name; shown with a link, nothing made
            // until confirmed.
            let dupBody = ["naam": "Buurtkracht", "website": "http://www.buurtkracht-zeewolde.example.nl/"]
            let duplicate = try await b.post("/sociale-kaart/organisaties/nieuw", dupBody)
            XCTAssertEqual(duplicate.status, .conflict)
            XCTAssertTrue(duplicate.body.contains("Bestaat dit al?"))
            XCTAssertTrue(duplicate.body.contains("href=\"/sociale-kaart/organisaties/buurtkracht-zeewolde\""))
            XCTAssertTrue(duplicate.body.contains("dezelfde website"))
            let organisations = try await SocialMapOrganisationRecord.query(on: app.db).count()
            XCTAssertEqual(organisations, before[0] + 1)
            var confirmed = dupBody
            confirmed["toch-aanmaken"] = "1"
            let second = try await b.post("/sociale-kaart/organisaties/nieuw", confirmed)
            XCTAssertEqual(second.location, "/sociale-kaart/organisaties/buurtkracht?melding=toegevoegd")

            // Location: outside Flevoland refused; the preview shows the map and writes nothing.
            _ = try await b.get("/sociale-kaart/organisaties/buurtkracht-zeewolde/locaties/nieuw")
            let path = "/sociale-kaart/organisaties/buurtkracht-zeewolde/locaties/nieuw"
            let harderwijk = try await b.post(path, ["naam": "Buurthuis", "plaats": "Harderwijk", "actie": "opslaan"])
            XCTAssertEqual(harderwijk.status, .unprocessableEntity)
            XCTAssertTrue(Self.fieldMessage(harderwijk.body, "plaats").contains("geen plaats in Flevoland"))
            let amsterdam = try await b.post(
                path, ["naam": "Buurthuis", "breedtegraad": "52.373", "lengtegraad": "4.893", "actie": "opslaan"])
            XCTAssertTrue(Self.fieldMessage(amsterdam.body, "breedtegraad").contains("buiten Flevoland"))
            let wrongPostcode = try await b.post(path, ["postcode": "1012 AB", "actie": "opslaan"])
            XCTAssertTrue(
                Self.fieldMessage(wrongPostcode.body, "postcode").contains("niet in een gemeente in Flevoland"))
            let address = [
                "naam": "Buurthuis De Kiekendief", "adres": "Kiekendief 1", "postcode": "3892 AB",
                "plaats": "Zeewolde", "breedtegraad": "52,3301", "lengtegraad": "5.5402"
            ]
            var previewForm = address
            previewForm["actie"] = "voorbeeld"
            let preview = try await b.post(path, previewForm)
            XCTAssertEqual(preview.status, .ok)
            XCTAssertTrue(preview.body.contains("Klopt deze positie?"))
            XCTAssertTrue(preview.body.contains("<svg"))
            XCTAssertTrue(preview.body.contains("Klopt: locatie opslaan"))
            let locations = try await SocialMapLocationRecord.query(on: app.db).count()
            XCTAssertEqual(locations, before[2], "the preview writes nothing")
            var saveForm = address
            saveForm["actie"] = "opslaan"
            let savedLocation = try await b.post(path, saveForm)
            XCTAssertEqual(savedLocation.status, .seeOther)
            let stored = try await SocialMapStore.load(on: app.db)
            let location = try XCTUnwrap(stored.locations.first { $0.name == "Buurthuis De Kiekendief" })
            XCTAssertEqual(location.municipalityCode, "GM0050")
            XCTAssertEqual(location.latitude, 52.3301)
            XCTAssertFalse(location.positionIsApproximate)
            XCTAssertEqual(location.address?.postalCode, "3892 AB")

            // The initiative at that location.
            let offerForm = try await b.get("/sociale-kaart/organisaties/buurtkracht-zeewolde/aanbod/nieuw")
            XCTAssertTrue(offerForm.body.contains("locatie-\(location.id)"))
            XCTAssertTrue(
                offerForm.body.contains(
                    "<li><a href=\"/sociale-kaart/organisaties/buurtkracht-zeewolde\">Buurtkracht Zeewolde</a></li>"),
                "the new offer's breadcrumb names its organisation")
            let offer = try await b.post(
                "/sociale-kaart/organisaties/buurtkracht-zeewolde/aanbod/nieuw",
                [
                    "naam": "Koffieochtend De Kiekendief", "soort": "inwonersinitiatief",
                    "omschrijving": "Elke dinsdag.",
                    "dimensie-meedoen": "1", "themas": "ontmoeting", "gemeenten-getoond": "1",
                    "locatie-\(location.id)": "1"
                ])
            XCTAssertEqual(offer.location, "/sociale-kaart/aanbod/koffieochtend-de-kiekendief?melding=toegevoegd")

            // Visible on the map and its list, the organisation page, the API and the HSDS export.
            let map = try await b.get("/sociale-kaart?gemeente=GM0050")
            XCTAssertTrue(map.body.contains("Koffieochtend De Kiekendief"))
            XCTAssertTrue(map.body.contains("href=\"/sociale-kaart/aanbod/koffieochtend-de-kiekendief\""))
            let page = try await b.get("/sociale-kaart/organisaties/buurtkracht-zeewolde")
            XCTAssertTrue(page.body.contains("Koffieochtend De Kiekendief"))
            let api = try await Browser(app).get("/api/v1/initiatives")
            XCTAssertTrue(api.body.contains("koffieochtend-de-kiekendief"))
            let export = String(
                decoding: SocialMap.HSDS.exportJSON(try await SocialMapStore.load(on: app.db), options: .public),
                as: UTF8.self)
            XCTAssertTrue(export.contains("Koffieochtend De Kiekendief"))

            // Join a network maintained by Flever with the own organisation; not with someone else's.
            let network = try await b.get("/sociale-kaart/netwerken/oco-almere")
            XCTAssertTrue(network.body.contains("Deelnemen aan dit netwerk"))
            XCTAssertFalse(network.body.contains("Netwerk en deelnemers bewerken"))
            let notOwn = try await b.post("/sociale-kaart/netwerken/oco-almere/deelnemers", ["lid": "humanitas"])
            XCTAssertEqual(notOwn.status, .forbidden)
            let joined = try await b.post(
                "/sociale-kaart/netwerken/oco-almere/deelnemers", ["lid": "buurtkracht-zeewolde", "rol": "deelnemer"])
            XCTAssertEqual(joined.status, .seeOther)
            let twice = try await b.post(
                "/sociale-kaart/netwerken/oco-almere/deelnemers", ["lid": "buurtkracht-zeewolde", "rol": "deelnemer"])
            XCTAssertEqual(twice.status, .unprocessableEntity)
            XCTAssertTrue(twice.body.contains("neemt al deel aan dit netwerk"))
            let networkPage = try await b.get("/sociale-kaart/netwerken/oco-almere")
            XCTAssertTrue(networkPage.body.contains("Buurtkracht Zeewolde uit dit netwerk halen"))
            let analysis = try S.json(try await b.get("/api/v1/networks/oco-almere/analysis").body) as! [String: Any]
            XCTAssertTrue("\(analysis)".contains("buurtkracht-zeewolde"))
            let graph = try S.json(try await b.get("/api/v1/networks/oco-almere/graph").body) as! [String: Any]
            let edges = (graph["edges"] as! [[String: Any]]).filter {
                $0["source"] as? String == "buurtkracht-zeewolde" || $0["target"] as? String == "buurtkracht-zeewolde"
            }
            XCTAssertFalse(edges.isEmpty, "derived collaborations with the other participants")

            // Archiving while in a network is refused, naming the network; nothing archived.
            _ = try await b.get("/sociale-kaart/organisaties/buurtkracht-zeewolde/archiveren")
            let refused = try await b.post("/sociale-kaart/organisaties/buurtkracht-zeewolde/archiveren")
            XCTAssertEqual(refused.status, .conflict)
            XCTAssertTrue(refused.body.contains("het netwerk Onafhankelijke cliëntondersteuning Almere (OCO)"))
            let stillThere = try await SocialMapStore.load(on: app.db).organisation("buurtkracht-zeewolde")
            XCTAssertNotNil(stillThere)
            let left = try await b.post(
                "/sociale-kaart/netwerken/oco-almere/deelnemers/verwijderen", ["lid": "buurtkracht-zeewolde"])
            XCTAssertEqual(left.status, .seeOther)
            let graphAfter = try await b.get("/api/v1/networks/oco-almere/graph")
            XCTAssertFalse(graphAfter.body.contains("buurtkracht-zeewolde"))
            let archived = try await b.post("/sociale-kaart/organisaties/buurtkracht-zeewolde/archiveren")
            XCTAssertEqual(archived.status, .seeOther)

            // Gone from every public place, with its offer and location; kept in the database.
            let anonymous = Browser(app)
            let mapAfter = try await anonymous.get("/sociale-kaart")
            XCTAssertFalse(mapAfter.body.contains("Koffieochtend De Kiekendief"))
            let gone = try await anonymous.get("/sociale-kaart/organisaties/buurtkracht-zeewolde")
            XCTAssertEqual(gone.status, .notFound)
            let offerGone = try await anonymous.get("/sociale-kaart/aanbod/koffieochtend-de-kiekendief")
            XCTAssertEqual(offerGone.status, .notFound)
            let apiAfter = try await anonymous.get("/api/v1/initiatives")
            XCTAssertFalse(apiAfter.body.contains("koffieochtend-de-kiekendief"))
            let organisationsAPI = try await anonymous.get("/api/v1/organizations")
            XCTAssertFalse(organisationsAPI.body.contains("\"id\":\"buurtkracht-zeewolde\""))
            XCTAssertTrue(organisationsAPI.body.contains("\"id\":\"buurtkracht\""), "the other one stays")
            let exportAfter = String(
                decoding: SocialMap.HSDS.exportJSON(try await SocialMapStore.load(on: app.db), options: .public),
                as: UTF8.self)
            XCTAssertFalse(exportAfter.contains("Kiekendief"))
            let record = try await SocialMapServiceRecord.query(on: app.db)
                .filter(\.$key == "koffieochtend-de-kiekendief").first()
            XCTAssertEqual(record?.archivedOn, Fixtures.socialMapToday.iso)
            let audit = try await AuditEntry.query(on: app.db).filter(\.$action == "gearchiveerd").all()
            XCTAssertEqual(audit.count, 1)
            XCTAssertTrue(audit[0].summary.contains("buurtkracht-zeewolde"))
        }
    }

    /// A network made and kept by its maintainer: bad input, participants added and removed (the
    /// analysis follows), "nog actueel"; and the stale badge of an offer reset by "nog actueel".
    func testNetworkFormsMembersAndStillCurrent() async throws {
        try await TestApp.with { app in
            try await S.seed(app)
            let (email, password) = try await TestApp.user(app, role: .redacteur, organisation: "flever")
            let b = Browser(app)
            _ = try await b.login(email, password)
            _ = try await b.get("/sociale-kaart/netwerken/nieuw")
            let before = try await S.counts(app.db)
            let bad = try await b.post(
                "/sociale-kaart/netwerken/nieuw", ["naam": String(repeating: "n", count: 201), "doel": ""])
            XCTAssertEqual(bad.status, .unprocessableEntity)
            XCTAssertTrue(Self.fieldMessage(bad.body, "naam").contains("hoogstens 200 tekens"))
            XCTAssertTrue(Self.fieldMessage(bad.body, "doel").contains("vul het doel in"))
            let afterBad = try await S.counts(app.db)
            XCTAssertEqual(afterBad, before)
            let created = try await b.post(
                "/sociale-kaart/netwerken/nieuw",
                ["naam": "Netwerk Valpreventie", "doel": "Minder valongevallen bij ouderen", "rol-flever": "trekker"])
            XCTAssertEqual(
                created.location, "/sociale-kaart/netwerken/netwerk-valpreventie/bewerken?melding=toegevoegd")
            let edit = try await b.get("/sociale-kaart/netwerken/netwerk-valpreventie/bewerken")
            XCTAssertTrue(edit.body.contains("Deelnemer toevoegen"))
            for member in ["flever", "vmca", "humanitas"] {
                let added = try await b.post(
                    "/sociale-kaart/netwerken/netwerk-valpreventie/deelnemers", ["lid": member, "rol": "deelnemer"])
                XCTAssertEqual(added.status, .seeOther, member)
            }
            let again = try await b.post("/sociale-kaart/netwerken/netwerk-valpreventie/deelnemers", ["lid": "vmca"])
            XCTAssertEqual(again.status, .unprocessableEntity)
            XCTAssertTrue(Self.fieldMessage(again.body, "lid").contains("neemt al deel"))
            let page = try await b.get("/sociale-kaart/netwerken/netwerk-valpreventie")
            XCTAssertTrue(page.body.contains("Minder valongevallen bij ouderen"))
            XCTAssertTrue(page.body.contains("3 met naam genoemd"))
            let networks = try await b.get("/sociale-kaart/netwerken")
            XCTAssertTrue(networks.body.contains("Netwerk Valpreventie"))
            func edges() async throws -> Int {
                let graph = try S.json(try await b.get("/api/v1/networks/netwerk-valpreventie/graph").body)
                return ((graph as! [String: Any])["edges"] as! [Any]).count
            }
            let three = try await edges()
            XCTAssertEqual(three, 3)
            _ = try await b.post(
                "/sociale-kaart/netwerken/netwerk-valpreventie/deelnemers/verwijderen", ["lid": "humanitas"])
            let one = try await edges()
            XCTAssertEqual(one, 1)
            let renamed = try await b.post(
                "/sociale-kaart/netwerken/netwerk-valpreventie/bewerken",
                ["naam": "Netwerk Valpreventie Flevoland", "doel": "Minder valongevallen", "rol-flever": "trekker"])
            XCTAssertEqual(renamed.status, .seeOther)
            let topics = try await b.get("/api/v1/networks/netwerk-valpreventie/graph")
            XCTAssertTrue(topics.body.contains("Netwerk Valpreventie Flevoland"), "derived topic follows the name")
            let checked = try await b.post("/sociale-kaart/netwerken/netwerk-valpreventie/gecontroleerd")
            XCTAssertEqual(checked.status, .seeOther)

            // "Nog actueel" resets the stale badge of an offer that was never checked.
            let offer = "samen-buurten"
            let stale = try await b.get("/sociale-kaart/aanbod/\(offer)")
            XCTAssertTrue(stale.body.contains("nooit gecontroleerd"))
            XCTAssertTrue(stale.body.contains("Nog actueel"))
            let reset = try await b.post("/sociale-kaart/aanbod/\(offer)/gecontroleerd")
            XCTAssertEqual(reset.status, .seeOther)
            let fresh = try await b.get("/sociale-kaart/aanbod/\(offer)")
            XCTAssertFalse(fresh.body.contains("nooit gecontroleerd"))
            XCTAssertTrue(fresh.body.contains(SocialMapDates.dutch(Fixtures.socialMapToday)))
        }
    }

    /// Every new write route with a real entry: a redacteur of another organisation and a lezer
    /// are refused (403), the maintaining organisation's redacteur and a beheerder are let through.
    func testOwnershipOfEveryNewWriteRoute() async throws {
        try await TestApp.with { app in
            try await S.seed(app)
            var browsers: [String: Browser] = [:]
            for (name, role, organisation) in [
                ("owner", Role.redacteur, "flever"), ("other", .redacteur, "ggd-flevoland"),
                ("lezer", .lezer, "flever"),
                ("beheerder", .beheerder, "provincie-flevoland")
            ] {
                let (email, password) = try await TestApp.user(app, role: role, organisation: organisation)
                let browser = Browser(app)
                _ = try await browser.login(email, password)
                browsers[name] = browser
            }
            // A contact person and a location of Flever to work on.
            let owner = browsers["owner"]!
            _ = try await owner.post("/sociale-kaart/organisaties/flever/contactpersonen/nieuw", ["rol": "coördinator"])
            let contacts = try await SocialMapStore.load(on: app.db).contacts
            let contact = try XCTUnwrap(contacts.first?.id)
            let location = "oco-almere-ondersteuning-almere"
            let routes: [(String, [String: String])] = [
                ("/sociale-kaart/organisaties/flever/bewerken", ["naam": ""]),
                ("/sociale-kaart/organisaties/flever/aanbod/nieuw", ["naam": ""]),
                ("/sociale-kaart/organisaties/flever/locaties/nieuw", ["naam": ""]),
                ("/sociale-kaart/organisaties/flever/contactpersonen/nieuw", ["rol": ""]),
                ("/sociale-kaart/locaties/\(location)/bewerken", ["postcode": "9999"]),
                ("/sociale-kaart/contactpersonen/\(contact)/bewerken", ["rol": ""]),
                ("/sociale-kaart/netwerken/oco-almere/bewerken", ["naam": ""]),
                ("/sociale-kaart/netwerken/oco-almere/deelnemers", ["lid": "vmca"]),
                ("/sociale-kaart/netwerken/oco-almere/deelnemers/verwijderen", ["lid": "flever"]),
                ("/sociale-kaart/netwerken/oco-almere/gecontroleerd", [:]),
                // Archiving Flever is refused for its networks (409), after the rights check.
                ("/sociale-kaart/organisaties/flever/archiveren", [:]),
                ("/sociale-kaart/locaties/\(location)/archiveren", [:]),
                ("/sociale-kaart/contactpersonen/\(contact)/archiveren", [:]),
                ("/sociale-kaart/aanbod/weldoeners-podcast/archiveren", [:])
            ]
            let before = try await S.counts(app.db)
            for (path, form) in routes {
                for name in ["other", "lezer"] {
                    let refused = try await browsers[name]!.post(path, form)
                    XCTAssertEqual(refused.status, .forbidden, "\(name) \(path)")
                }
            }
            let afterRefused = try await S.counts(app.db)
            XCTAssertEqual(afterRefused, before, "nothing written by refused requests")
            for (path, form) in routes {
                let allowed = try await owner.post(path, form)
                XCTAssertFalse([.forbidden, .unauthorized].contains(allowed.status), "owner \(path): \(allowed.status)")
            }
            // A beheerder may change any organisation's entries (here: one maintained by VMCA).
            let admin = browsers["beheerder"]!
            let adminEdit = try await admin.post(
                "/sociale-kaart/aanbod/vrijwilligerscentrale-vmca/archiveren")
            XCTAssertEqual(adminEdit.status, .seeOther)
            let adminNetwork = try await admin.post(
                "/sociale-kaart/netwerken/oco-almere/bewerken", ["naam": "OCO Almere", "doel": "Ondersteuning"])
            XCTAssertEqual(adminNetwork.status, .seeOther)
        }
    }

    /// The message shown next to field `name` (empty when none).
    static func fieldMessage(_ html: String, _ name: String) -> String {
        guard let start = html.range(of: "id=\"f-\(name)-error\">") else { return "" }
        return String(html[start.upperBound...].prefix { $0 != "<" })
    }
}
