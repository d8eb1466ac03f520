import AppCore
import Fluent
import VitaalDomain

/// The plans' goals as the registers refer to them (`RegisterLinkTargets`, #18): stored as
/// "<plan>/<goal>"; a goal's key alone is accepted when only one plan has it, and so are the
/// addresses of the goal's page and of its place in the plan's goal tree (`#doel-…`). Goals of plans that are
/// not published (concept, ingediend) are not public: anonymous visitors see neither link nor title.
enum PlanGoalTargets {
    /// A goal as the registers store it: "<plan>/<goal>".
    static func reference(plan: String, node: String) -> String { "\(plan)/\(node)" }

    @Sendable static func all(on db: any Database) async throws -> [RegisterReferences.Target] {
        let nodes = try await GoalNodeRecord.query(on: db).with(\.$plan).all()
        return nodes.sorted { ($0.plan.key, $0.sortOrder) < ($1.plan.key, $1.sortOrder) }.map { node in
            let plan = node.plan
            // The key alone names the goal when one plan has it; otherwise the reference is
            // refused as ambiguous, naming the plans' goals to choose from.
            return RegisterReferences.Target(
                reference: reference(plan: plan.key, node: node.key),
                aliases: [node.key, PlanURL.nodeAnchor(plan: plan.key, node: node.key)], title: node.title,
                context: plan.title,
                path: PlanURL.node(plan: .value(plan.key), node: .value(node.key)).path,
                isPublic: PlanAccess.isPublished(plan.planStatus))
        }
    }
}
