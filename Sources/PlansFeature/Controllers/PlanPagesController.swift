import AppCore
import Vapor
import VitaalDomain

/// Pages of plans and steering: list, plan with goal tree and targets, target detail with the
/// realisation form, budgets and the budget line form, the cross-plan dashboard, the node editor.
/// Each handler parses the request, loads the page model and renders the view.
struct PlanPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(PlanURL.plans, use: list)
        routes.requiring(.lezer).get(PlanURL.dashboard, use: dashboard)
        routes.get(PlanURL.plan(.key), use: plan)
        routes.get(PlanURL.target(plan: .key, target: .key), use: target)
        routes.get(PlanURL.budget(plan: .key), use: budget)
        routes.requiring(.redacteur).get(PlanURL.budgetLine(plan: .key, table: .key, line: .key), use: budgetLine)
        routes.requiring(.redacteur).get(PlanURL.node(plan: .key, node: .key), use: node)
    }

    @Sendable func list(_ req: Request) async throws -> SitePage {
        let context = req.pageContext
        return PlanListPage.view(try await PlanListPage.Model.load(viewer: context.viewer, on: req.db), context)
    }

    @Sendable func dashboard(_ req: Request) async throws -> SitePage {
        DashboardPage.view(try await DashboardPage.Model.load(on: req.db), req.pageContext)
    }

    @Sendable func plan(_ req: Request) async throws -> SitePage {
        let loaded = try await PlanAccess.loadVisible(req)
        let context = req.pageContext
        let notice = req.query[String.self, at: "melding"]
        return PlanPage.view(PlanPage.Model(loaded, viewer: context.viewer, notice: notice), context)
    }

    @Sendable func target(_ req: Request) async throws -> SitePage {
        let loaded = try await PlanAccess.loadVisible(req)
        let context = PlanAccess.mayEdit(loaded, req.user?.viewer) ? req.formContext : req.pageContext
        let model = try await TargetPage.Model.load(
            loaded, targetKey: req.parameters.get("target") ?? "", viewer: context.viewer, csrfToken: context.csrfToken,
            attachmentLimit: req.application.planAttachmentLimit, notice: req.query[String.self, at: "melding"],
            on: req.db)
        return TargetPage.view(model, context)
    }

    @Sendable func budget(_ req: Request) async throws -> SitePage {
        let loaded = try await PlanAccess.loadVisible(req)
        let context = req.pageContext
        return BudgetPage.view(BudgetPage.Model(loaded, viewer: context.viewer), context)
    }

    @Sendable func budgetLine(_ req: Request) async throws -> SitePage {
        let loaded = try await PlanAccess.loadVisible(req)
        try PlanAccess.requireEdit(loaded, req)
        let (record, table) = try Self.budgetTable(loaded, req)
        let model = try BudgetLinePage.Model(
            loaded, table: table, record: record,
            lineKey: req.parameters.get("line") ?? "")
        return BudgetLinePage.view(model, req.formContext)
    }

    @Sendable func node(_ req: Request) async throws -> SitePage {
        let loaded = try await PlanAccess.loadVisible(req)
        try PlanAccess.requireEdit(loaded, req)
        let (node, _) = try PlanNodeEditController.node(req, loaded)
        let model = await NodeEditPage.Model.load(
            loaded, node: node, notice: req.query[String.self, at: "melding"],
            on: req.db)
        return NodeEditPage.view(model, req.formContext)
    }

    /// The budget table of the request's `table` parameter; 404 when the plan has none with that key.
    static func budgetTable(_ loaded: LoadedPlan, _ req: Request) throws -> (BudgetTableRecord, BudgetTable) {
        let key = req.parameters.get("table") ?? ""
        guard let found = loaded.budgetTable(key) else {
            throw VitaalError(.notFound, "Onbekende begrotingstabel \"\(key)\".")
        }
        return found
    }
}
