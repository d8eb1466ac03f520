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
}
