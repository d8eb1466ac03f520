import AppCore
import Vapor
import VitaalDomain

/// The approval page of a plan (#16): status, submitter, the last rejection, the status history and
/// the steps the viewer may take. The steps post to `PlanURL.status` (`PlanWriteController.transition`).
struct PlanApprovalController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(PlanURL.approval(plan: .key), use: page)
    }

    @Sendable func page(_ req: Request) async throws -> SitePage {
        let loaded = try await PlanAccess.loadVisible(req)
        let context = req.user == nil ? req.pageContext : req.formContext
        var model = try await ApprovalPage.Model.load(loaded, user: req.user, on: req.db)
        model.notice = req.query[String.self, at: "melding"]
        return ApprovalPage.view(model, context)
    }
}
