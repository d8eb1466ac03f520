import Fluent
import VitaalDomain
import XCTVapor
import XCTest

@testable import AppCore
@testable import SocialMapFeature

final class SocialMapPageTests: XCTestCase {
    typealias S = SocialMapTestSupport

    func testMapPageWithFiltersListAndNoScript() async throws {
        try await TestApp.with { app in
            try await S.seed(app)
            let b = Browser(app)
            let page = try await b.get(SocialMapURL.map.path)
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.body.contains("<svg"), "map drawn as SVG")
            XCTAssertTrue(page.body.contains("Kaart van het aanbod in Flevoland"))
            XCTAssertTrue(page.body.contains("Lelystad"), "region outline names")
            XCTAssertTrue(page.body.contains("12 keer aanbod gevonden"))
            XCTAssertTrue(page.body.contains("Lijst van het aanbod"))
            XCTAssertTrue(page.body.contains("href=\"#lijst\""), "skip link to the accessible list")
            XCTAssertFalse(page.body.contains("<script"))
            XCTAssertTrue(page.body.contains("aria-current=\"page\""), "navigation item 'Sociale kaart' is current")

            let filtered = try await b.get("/sociale-kaart?gemeente=GM0995&dimensie=meedoen&thema=&doelgroep=&soort=")
            XCTAssertTrue(filtered.body.contains("Challenge Up"))
            XCTAssertFalse(filtered.body.contains("OCO Almere"))
            XCTAssertTrue(filtered.body.contains("value=\"GM0995\" selected"), "filter is kept in the form")
            let theme = try await b.get("/sociale-kaart?thema=dementie")
            XCTAssertTrue(theme.body.contains("1 keer aanbod gevonden"), theme.body)
            XCTAssertTrue(theme.body.contains("Alzheimer Café"))
            let bad = try await b.get("/sociale-kaart?gemeente=GM9999")
            XCTAssertTrue(bad.body.contains("onbekende gemeente"))
        }
    }

    func testDetailPagesShowLastCheckedAndFlagOldEntries() async throws {
        try await TestApp.with { app in
            try await S.seed(app)
            let b = Browser(app)
            let offer = try await b.get("/sociale-kaart/aanbod/challenge-up")
            XCTAssertEqual(offer.status, .ok)
            XCTAssertTrue(offer.body.contains("Laatst gecontroleerd"))
            XCTAssertTrue(offer.body.contains("nooit gecontroleerd"))
            XCTAssertTrue(offer.body.contains("positie benaderd"))
            XCTAssertFalse(offer.body.contains("Bewerken"), "anonymous visitors cannot edit")
            // The networks were checked on 1 January 2025: more than a year ago in these tests' present.
            let net = try await b.get("/sociale-kaart/netwerken/oco-almere")
            XCTAssertTrue(net.body.contains("1 januari 2025"))
            let stale = SocialMap.Day(year: 2025, month: 1, day: 1)!.oneYearLater < Fixtures.socialMapToday
            XCTAssertEqual(net.body.contains("ouder dan een jaar"), stale)
            let org = try await b.get("/sociale-kaart/organisaties/flever")
            XCTAssertTrue(org.body.contains("OCO Almere"))
            XCTAssertTrue(org.body.contains("Netwerk dementie Almere"), "a network Flever takes part in")
            XCTAssertTrue(org.body.contains("Onafhankelijke cliëntondersteuning"), "an offer of Flever")
            let missing = try await b.get("/sociale-kaart/aanbod/bestaat-niet")
            XCTAssertEqual(missing.status, .notFound)
        }
    }

    func testNetworkPagesDrawGraphAndExplainVulnerability() async throws {
        try await TestApp.with { app in
            try await S.seed(app)
            let b = Browser(app)
            let page = try await b.get("/sociale-kaart/netwerken")
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.body.contains("<svg"))
            XCTAssertTrue(
                page.body.contains("Als Flever wegvalt, raakt RegioPlus los van de rest."),
                "vulnerable member explained")
            XCTAssertTrue(page.body.contains("Centraal staan Flever, VMCA en Humanitas"), "central members named")
            XCTAssertTrue(page.body.contains("Verbindingsfestival SamenBuurten"))
            XCTAssertTrue(page.body.contains("Groepen die vooral onderling samenwerken"), "communities shown")
            XCTAssertTrue(page.body.contains("groepen die vooral onderling samenwerken (hoe vaker"), "and explained")
            let net = try await b.get("/sociale-kaart/netwerken/fpf")
            XCTAssertTrue(net.body.contains("<svg"))
            XCTAssertTrue(net.body.contains("Niemand staat centraal"))
            let sizeOnly = try await b.get("/sociale-kaart/netwerken/hca-zwf")
            XCTAssertTrue(sizeOnly.body.contains("35 organisaties"))
            XCTAssertTrue(sizeOnly.body.contains("geen netwerkanalyse"))
        }
    }

    /// Contact persons' names, e-mail and phones never appear on public pages; their role does.
    func testPublicPagesShowContactRoleOnly() async throws {
        try await TestApp.with { app in
            try await S.seed(app)
            var incoming = SocialMap.Register()
            incoming.contacts = [
                SocialMap.ContactPerson(
                    id: "c1", organisationID: "flever", role: "coördinator vrijwilligers", name: "Jan Jansen",
                    email: "jan@flever.example")
            ]
            incoming.phones = [
                SocialMap.Phone(id: "p1", number: "06 12345678", contactID: "c1"),
                SocialMap.Phone(id: "p2", number: "0320 123456", organisationID: "flever")
            ]
            try await SocialMapStore.write(
                incoming, on: app.db, actor: "test", action: "test", summary: "contact",
                at: Fixtures.now)
            let b = Browser(app)
            let page = try await b.get("/sociale-kaart/organisaties/flever")
            XCTAssertTrue(page.body.contains("coördinator vrijwilligers"))
            XCTAssertTrue(page.body.contains("0320 123456"))
            XCTAssertFalse(page.body.contains("Jan Jansen"))
            XCTAssertFalse(page.body.contains("jan@flever"))
            XCTAssertFalse(page.body.contains("06 12345678"))
            let api = try await b.get("/api/v1/organizations")
            XCTAssertFalse(api.body.contains("Jan Jansen"))
        }
    }
}
