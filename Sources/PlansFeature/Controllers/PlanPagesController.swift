import AppCore
import Vapor
import VitaalDomain

/// Pages of plans and steering: list, plan with goal tree and targets, target detail with the
/// realisation form, budgets and the budget line form, the cross-plan dashboard, the goal page.
/// Each handler parses the request, loads the page model and renders the view.
struct PlanPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(PlanURL.plans, use: list)
        routes.requiring(.lezer).get(PlanURL.dashboard, use: dashboard)
        routes.get(PlanURL.plan(.key), use: plan)
        routes.get(PlanURL.target(plan: .key, target: .key), use: target)
        routes.get(PlanURL.budget(plan: .key), use: budget)
        routes.requiring(.redacteur).get(PlanURL.budgetLine(plan: .key, table: .key, line: .key), use: budgetLine)
        routes.get(PlanURL.node(plan: .key, node: .key), use: node)
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
        var model = PlanPage.Model(loaded, viewer: context.viewer, notice: notice)
        if let registers = req.application.registerReading {
            model.tree.linkTerms(try await registers.glossary(req.db))
        }
        if model.approval != nil, let user = req.user {
            model.approval?.expectation = Self.approvalExpectation(
                try await PlanApproval.rights(user, loaded, on: req.db),
                steering: try await ApprovalRoles.steeringName(on: req.db))
        }
        return PlanPage.view(model, context)
    }

    /// What the four-eyes rule expects of this viewer while the plan is ingediend; nil for onlookers.
    static func approvalExpectation(_ rights: PlanApproval.Rights, steering: String) -> String? {
        if rights.isSubmitter {
            return "U hebt dit plan ingediend. Een (andere) vaststeller van \(steering) of een beheerder stelt het "
                + "vast of stuurt het met een reden terug; u kunt het zelf met een reden terugtrekken."
        }
        if rights.approver || rights.beheerder {
            return "U kunt dit plan op de vaststellingspagina vaststellen of met een reden terugsturen naar concept."
        }
        if rights.owner {
            return "Een vaststeller van \(steering) of een beheerder stelt dit plan vast; u kunt het met een reden "
                + "terugtrekken naar concept."
        }
        return nil
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
        let (node, _) = try PlanNodeEditController.node(req, loaded)
        let context = PlanAccess.mayEdit(loaded, req.user?.viewer) ? req.formContext : req.pageContext
        let model = try await NodeEditPage.Model.load(
            loaded, node: node, viewer: context.viewer, notice: req.query[String.self, at: "melding"],
            registers: req.application.registerReading, on: req.db)
        return NodeEditPage.view(model, context)
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
