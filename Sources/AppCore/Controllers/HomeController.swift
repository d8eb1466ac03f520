import Vapor

/// The start page and "Over Vitaal".
struct HomeController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.home, use: home)
        routes.get(SiteURL.about, use: about)
    }

    @Sendable func home(_ req: Request) async throws -> SitePage {
        let model = try await HomePage.Model.load(on: req.db, navigation: req.application.navigation)
        return HomePage.view(model, req.pageContext)
    }

    @Sendable func about(_ req: Request) -> SitePage {
        AboutPage.view(req.pageContext)
    }
}
