import Vapor

/// The start page, "Over Vitaal" and the accessibility statement.
struct HomeController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.home, use: home)
        routes.get(SiteURL.about, use: about)
        routes.get(SiteURL.accessibility, use: accessibility)
    }

    @Sendable func home(_ req: Request) async throws -> SitePage {
        let model = try await HomePage.Model.load(on: req.db, navigation: req.application.navigation)
        return HomePage.view(model, req.pageContext)
    }

    @Sendable func about(_ req: Request) -> SitePage {
        AboutPage.view(req.pageContext)
    }

    @Sendable func accessibility(_ req: Request) -> SitePage {
        AccessibilityPage.view(
            AccessibilityPage.Model(contactEmail: req.application.vitaal.contactEmail), req.pageContext)
    }
}
