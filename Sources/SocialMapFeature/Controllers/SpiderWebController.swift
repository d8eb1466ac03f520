import AppCore
import Vapor
import VitaalDomain

/// The Positive Health spider web for residents (anonymous) and its aggregate statistics for
/// professionals. Nothing is stored unless the resident ticks the consent box (`SpiderWebStorage`);
/// the statistics follow `SpiderWebStatistics.publish` (see docs/social-map.md).
struct SpiderWebController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SocialMapURL.spiderWeb, use: form)
        routes.write(.POST, SocialMapURL.spiderWeb, access: .anyone, use: submit)
        routes.requiring(.lezer).get(SocialMapURL.spiderWebStatistics, use: statistics)
    }

    @Sendable func form(req: Request) async throws -> SitePage {
        SpiderWebPage.view(SpiderWebPage.Model(), req.formContext)
    }

    @Sendable func submit(req: Request) async throws -> SitePage {
        let form = SpiderWebPage.Model(body: (try? req.formFields()) ?? [:])
        guard form.error == nil, let scores = form.scores, let origin = form.origin,
            let municipality = form.municipality
        else {
            return SpiderWebPage.view(form, req.formContext)
        }
        let storage = try await SpiderWebStorage.store(
            scores, municipality: municipality, consent: form.consent,
            for: req)
        let register = try await SocialMapStore.load(on: req.db)
        let matches = try SpiderWebMatching.matches(
            scores: scores, focus: form.focus, origin: origin,
            register: register)
        let model = SpiderWebResultPage.Model(
            form: form, scores: scores, matches: matches, storage: storage,
            register: register)
        return SpiderWebResultPage.view(model, req.formContext)
    }

    /// Aggregates per municipality for logged-in users; groups under 5 are suppressed.
    @Sendable func statistics(req: Request) async throws -> SitePage {
        SpiderWebStatisticsPage.view(try await SpiderWebStatisticsPage.Model.load(on: req.db), req.pageContext)
    }
}
