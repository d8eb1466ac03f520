import VitaalDomain
import XCTest

@testable import AppCore

/// One HTML snapshot per kind of AppCore page, rendered from page models with the fixed clock (no
/// application, no database): what a change does to the HTML shows up as a diff of these files.
final class FoundationSnapshotTests: XCTestCase {
    func testHomePage() {
        let context = Fixtures.context(path: SiteURL.home.path)
        let page = HomePage.view(Fixtures.Foundation.home, context)
        assertSnapshot(Layout.document(page: page, context: context), named: "Foundation/home")
    }

    func testLoginPageWithAnError() {
        let context = Fixtures.context(path: SiteURL.login.path, csrfToken: "token")
        let page = LoginPage.view(Fixtures.Foundation.login, context)
        XCTAssertEqual(page.status, .unauthorized)
        assertSnapshot(Layout.document(page: page, context: context), named: "Foundation/login-error")
    }

    func testAdminUsersPageWithFormErrors() {
        let context = Fixtures.context(
            viewer: Fixtures.viewer(.beheerder), path: SiteURL.adminUsers.path,
            csrfToken: "token")
        let page = AdminUsersPage.view(Fixtures.Foundation.adminUsers, context)
        XCTAssertEqual(page.status, .unprocessableEntity)
        assertSnapshot(Layout.document(page: page, context: context), named: "Foundation/admin-users")
    }

    func testRegionPage() {
        let context = Fixtures.context(path: SiteURL.region(.value("GM0995")).path)
        let page = RegionPage.view(Fixtures.Foundation.region, context)
        assertSnapshot(Layout.document(page: page, context: context), named: "Foundation/region")
    }

    func testNotFoundPage() {
        let context = Fixtures.context(path: "/bestaat-niet")
        let page = ErrorPage.view(Fixtures.Foundation.notFound, context)
        XCTAssertEqual(page.status, .notFound)
        assertSnapshot(Layout.document(page: page, context: context), named: "Foundation/not-found")
    }

    /// The statement names the configured contact address as a mailto link, escaped.
    func testAccessibilityStatement() {
        let context = Fixtures.context(path: SiteURL.accessibility.path)
        let model = AccessibilityPage.Model(contactEmail: "toegankelijkheid@flevoland.example")
        let html = Layout.document(page: AccessibilityPage.view(model, context), context: context)
        XCTAssertTrue(html.contains("href=\"mailto:toegankelijkheid@flevoland.example\""))
        assertSnapshot(html, named: "Foundation/accessibility")
    }

    /// Without `VITAAL_CONTACT_EMAIL` the statement sends visitors to the organisation running it,
    /// and every page's footer links to the statement.
    func testAccessibilityStatementWithoutContactAddressIsLinkedFromEveryPage() async throws {
        try await TestApp.with { app in
            let browser = Browser(app)
            let statement = try await browser.get(SiteURL.accessibility.path)
            XCTAssertEqual(statement.status, .ok)
            XCTAssertTrue(statement.body.contains("Toegankelijkheidsverklaring"))
            XCTAssertTrue(statement.body.contains("C — eerste maatregelen genomen"))
            XCTAssertFalse(statement.body.contains("mailto:"))
            XCTAssertTrue(statement.body.contains("Meld het bij de organisatie die deze installatie"))
            let home = try await browser.get(SiteURL.home.path)
            XCTAssertTrue(home.body.contains("<a href=\"/toegankelijkheid\">Toegankelijkheid</a>"))
        }
    }
}
