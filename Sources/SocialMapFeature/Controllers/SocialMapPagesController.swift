import AppCore
import Vapor
import VitaalDomain

/// The public pages of the social map: the map, offers, organisations and networks.
struct SocialMapPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SocialMapURL.map, use: map)
        routes.get(SocialMapURL.offer(.key), use: offer)
        routes.get(SocialMapURL.organisation(.key), use: organisation)
        routes.get(SocialMapURL.networks, use: networks)
        routes.get(SocialMapURL.network(.key), use: network)
    }

    @Sendable func map(req: Request) async throws -> SitePage {
        let model = try await MapPage.Model.load(query: MapPage.Query(req.query), on: req.db, today: req.socialMapToday)
        return MapPage.view(model, req.pageContext)
    }

    @Sendable func offer(req: Request) async throws -> SitePage {
        let context = req.pageContext
        let model = try await OfferPage.Model.load(
            id: req.socialMapID, notice: req.socialMapNotice, on: req.db,
            context: context)
        return OfferPage.view(model, context)
    }

    @Sendable func organisation(req: Request) async throws -> SitePage {
        let context = req.pageContext
        let model = try await OrganisationPage.Model.load(
            id: req.socialMapID, notice: req.socialMapNotice, on: req.db,
            context: context)
        return OrganisationPage.view(model, context)
    }

    @Sendable func networks(req: Request) async throws -> SitePage {
        let model = try await NetworksPage.Model.load(on: req.db, today: req.socialMapToday)
        return NetworksPage.view(model, req.pageContext)
    }

    @Sendable func network(req: Request) async throws -> SitePage {
        let context = req.pageContext
        let model = try await NetworkPage.Model.load(
            id: req.socialMapID, notice: req.socialMapNotice, on: req.db, today: req.socialMapToday,
            viewer: context.viewer, registers: req.application.registerReading)
        return NetworkPage.view(model, context)
    }
}
