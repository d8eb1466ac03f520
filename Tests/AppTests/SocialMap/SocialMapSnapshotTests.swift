import VitaalDomain
import XCTest

@testable import AppCore
@testable import SocialMapFeature

/// One HTML snapshot per kind of social map page, rendered from page models built from the demo
/// register with the fixed clock of `Fixtures.now` (no application, no database).
final class SocialMapSnapshotTests: XCTestCase {
    let register = Fixtures.socialMapRegister
    let today = Fixtures.socialMapToday

    func render(_ page: SitePage, _ context: PageContext) -> String {
        Layout.document(page: page, context: context)
    }

    func testMapPage() {
        let context = Fixtures.context(path: SocialMapURL.map.path)
        let model = MapPage.Model(
            register: register, query: MapPage.Query(gemeente: "GM0995"), municipalities: [],
            today: today)
        assertSnapshot(render(MapPage.view(model, context), context), named: "SocialMap/map")
    }

    func testOfferPageForItsEditor() throws {
        let id = "oco-almere-ondersteuning"
        let editor = Fixtures.viewer(.redacteur)
        let context = Fixtures.context(viewer: editor, path: SocialMapURL.offer(.value(id)).path, csrfToken: "token")
        let model = try XCTUnwrap(
            OfferPage.Model(
                id: id, register: register, maintainer: editor.organisationID,
                notice: .saved, context: context))
        XCTAssertTrue(model.canEdit)
        assertSnapshot(render(OfferPage.view(model, context), context), named: "SocialMap/offer")
    }

    func testOrganisationPage() throws {
        let context = Fixtures.context(path: SocialMapURL.organisation(.value("flever")).path)
        let model = try XCTUnwrap(
            OrganisationPage.Model(
                id: "flever", register: register, maintainer: nil,
                context: context))
        XCTAssertFalse(model.canEdit)
        assertSnapshot(render(OrganisationPage.view(model, context), context), named: "SocialMap/organisation")
    }

    func testNetworkPages() throws {
        let networksContext = Fixtures.context(path: SocialMapURL.networks.path)
        let networks = try NetworksPage.Model(register: register, today: today)
        assertSnapshot(
            render(NetworksPage.view(networks, networksContext), networksContext),
            named: "SocialMap/networks")
        let context = Fixtures.context(path: SocialMapURL.network(.value("oco-almere")).path)
        let network = try XCTUnwrap(try NetworkPage.Model(id: "oco-almere", register: register, today: today))
        assertSnapshot(render(NetworkPage.view(network, context), context), named: "SocialMap/network")
    }

    func testOfferFormWithErrors() throws {
        let offer = try XCTUnwrap(register.service("oco-almere-ondersteuning"))
        let context = Fixtures.context(viewer: Fixtures.viewer(.redacteur), csrfToken: "token")
        let form = OfferEditPage.Model(offer: offer, body: ["naam": "", "website": "geen-url", "themas": "a, b"])
        XCTAssertEqual(form.fieldErrors["naam"], "vul een naam in")
        let page = OfferEditPage.view(form, context)
        XCTAssertEqual(page.status, .unprocessableEntity)
        assertSnapshot(render(page, context), named: "SocialMap/offer-edit-errors")
    }

    func testSpiderWebFormWithErrorsAndResult() throws {
        let context = Fixtures.context(path: SocialMapURL.spiderWeb.path, csrfToken: "token")
        var body = SocialMapSpiderWebTests.good
        body["meedoen"] = "11"
        body["postcode"] = "9999"
        let refused = SpiderWebPage.Model(body: body)
        assertSnapshot(render(SpiderWebPage.view(refused, context), context), named: "SocialMap/spiderweb-errors")

        var good = SocialMapSpiderWebTests.good
        good["gemeente"] = "GM0995"
        good["werken-meedoen"] = "1"
        let form = SpiderWebPage.Model(body: good)
        let scores = try XCTUnwrap(form.scores)
        let matches = try SpiderWebMatching.matches(
            scores: scores, focus: form.focus,
            origin: .municipality("GM0995"), register: register)
        let result = SpiderWebResultPage.Model(
            form: form, scores: scores, matches: matches, storage: .notAsked,
            register: register)
        assertSnapshot(render(SpiderWebResultPage.view(result, context), context), named: "SocialMap/spiderweb-result")
    }

    func testSpiderWebStatistics() throws {
        let context = Fixtures.context(viewer: Fixtures.viewer(.lezer), path: SocialMapURL.spiderWebStatistics.path)
        func scores(_ value: Double) throws -> SpiderWebScores {
            try SpiderWebScores(Dictionary(uniqueKeysWithValues: PositiveHealthDimension.allCases.map { ($0, value) }))
        }
        let webs = try [4.0, 5, 6, 7, 8, 3, 9].enumerated().map { index, value in
            (municipalityCode: index < 5 ? "GM0995" : "GM0184", scores: try scores(value))
        }
        let model = SpiderWebStatisticsPage.Model(webs: webs)
        assertSnapshot(render(SpiderWebStatisticsPage.view(model, context), context), named: "SocialMap/statistics")
    }
}
