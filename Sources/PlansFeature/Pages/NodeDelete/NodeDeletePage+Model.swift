import AppCore
import Fluent
import VitaalDomain

/// Deleting a goal node of a concept plan (`/plannen/<key>/doelen/<node>/verwijderen`): the page
/// shows what goes (the node, its descendants, the targets on them) and, when the node has children,
/// asks whether they go too or move up one place. Targets with realisations are never deleted here.
enum NodeDeletePage {
    struct Item {
        var level: String
        var title: String
    }

    struct Model {
        var planKey: String
        var planTitle: String
        var nodeTitle: String
        var action: String
        var editLink: String
        var hasChildren: Bool
        /// Where children go when they stay: the parent's title or "het bovenste niveau".
        var newParent: String
        var descendants: [Item]
        var ownTargets: [String]
        var subtreeTargets: [String]
        /// Targets with realisations below the node: its children cannot go along.
        var blocking: [String]
        /// Targets with realisations on the node itself: it cannot be deleted at all.
        var blockingOwn: [String]
        /// The funds and signals that name the node (#18): they keep the reference, which then
        /// "bestaat niet meer".
        var referrers: [RegisterReading.Referrer] = []
        /// Those that name only goals below the node (gone when the children go along).
        var referrersBelow: [RegisterReading.Referrer] = []

        /// The page with the funds and signals that name the node or a goal below it, when the
        /// application has the registers (the editor is logged in: signals too).
        static func load(_ loaded: LoadedPlan, node: GoalNode, registers: RegisterReading?, on db: any Database)
            async throws -> Model
        {
            var model = Model(loaded, node: node)
            guard let registers else { return model }
            let key = loaded.plan.key
            let own = PlanGoalTargets.reference(plan: key, node: node.key)
            let below = loaded.plan.removal(of: node.key, keepChildren: false).nodes.dropFirst().map {
                PlanGoalTargets.reference(plan: key, node: $0)
            }
            let found = try await registers.referrers(
                .planGoals, [own] + below, in: [.funds, .signals], loggedIn: true, on: db)
            model.referrers = found.filter { $0.references.contains(own) }
            model.referrersBelow = found.filter { !$0.references.contains(own) }
            return model
        }

        init(_ loaded: LoadedPlan, node: GoalNode) {
            let plan = loaded.plan
            let planKey = Parameter.value(plan.key)
            self.planKey = plan.key
            planTitle = plan.title
            nodeTitle = "\(plan.levelName(of: node)): \(node.title)"
            action = PlanURL.deleteNode(plan: planKey, node: .value(node.key)).path
            editLink = PlanURL.editNode(plan: planKey, node: .value(node.key)).path
            let all = plan.removal(of: node.key, keepChildren: false)
            descendants = all.nodes.dropFirst().compactMap { plan.node($0) }.map {
                Item(level: plan.levelName(of: $0), title: $0.title)
            }
            hasChildren = !plan.children(of: node.key).isEmpty
            newParent = node.parentKey.flatMap { plan.node($0) }.map { "‘\($0.title)’" } ?? "het bovenste niveau"
            let measures = Dictionary(plan.targets.map { ($0.key, $0.measure) }, uniquingKeysWith: { a, _ in a })
            ownTargets = plan.targets(of: node.key).map(\.measure)
            subtreeTargets = all.targets.compactMap { measures[$0] }
            let withRealisations = PlanTreeStore.targetsWithRealisations(loaded)
            blocking = all.targets.filter { withRealisations.contains($0) }.compactMap { measures[$0] }
            blockingOwn = plan.targets(of: node.key).filter { withRealisations.contains($0.key) }.map(\.measure)
        }
    }
}
