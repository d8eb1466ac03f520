import AppCore
import VitaalDomain

/// Adding a goal node (`/plannen/<key>/nieuw-doel`) or editing and moving one
/// (`/plannen/<key>/doelen/<node>/bewerken`) in a concept plan. The key is generated and never
/// changes; the node can move under another parent (not under itself or below itself), change
/// level, and move up or down among its siblings.
enum NodeFormPage {
    struct Model {
        var planKey: String
        var planTitle: String
        var title: String
        var action: String
        /// nil for a new node.
        var nodeKey: String?
        var form: PlanForm
        var parentOptions: [(value: String, label: String)]
        var levelOptions: [(value: String, label: String)]
        /// Editing only: the order form, the delete page and the logic-model editor.
        var orderAction: String?
        var canMoveUp = false
        var canMoveDown = false
        var deleteLink: String?
        var logicModelLink: String?
        var treeLink: String
        var notice: String?

        /// The form of a new node under `parent`, or of `node` with `form`'s values.
        init(_ loaded: LoadedPlan, node: GoalNode?, form: PlanForm, notice: String? = nil) {
            let plan = loaded.plan
            let planKey = Parameter.value(plan.key)
            self.planKey = plan.key
            planTitle = plan.title
            self.form = form
            self.notice = notice
            nodeKey = node?.key
            treeLink = node.map { PlanURL.nodeAnchor(plan: plan.key, node: $0.key) } ?? PlanURL.plan(planKey).path
            // A node cannot move under itself or below itself: those are not offered (and refused when sent).
            let excluded = Set(node.map { plan.subtreeKeys(of: $0.key) } ?? [])
            parentOptions =
                [(value: "", label: "(bovenste niveau)")]
                + Self.indented(plan).filter { !excluded.contains($0.value) }
            levelOptions = plan.levels.enumerated().map { (value: "\($0.offset)", label: $0.element) }
            if let node {
                title = "Doel bewerken: \(node.title)"
                let nodeParam = Parameter.value(node.key)
                action = PlanURL.editNode(plan: planKey, node: nodeParam).path
                orderAction = PlanURL.nodeOrder(plan: planKey, node: nodeParam).path
                deleteLink = PlanURL.deleteNode(plan: planKey, node: nodeParam).path
                logicModelLink = PlanURL.node(plan: planKey, node: nodeParam).path
                let siblings = plan.children(of: node.parentKey).map(\.key)
                canMoveUp = siblings.first != node.key
                canMoveDown = siblings.last != node.key
            } else {
                title = "Doel toevoegen"
                action = PlanURL.newNode(plan: planKey).path
            }
        }

        /// Every node in tree order, indented by depth, labelled with its level name.
        static func indented(_ plan: Plan) -> [(value: String, label: String)] {
            var out: [(value: String, label: String)] = []
            var seen: Set<String> = []
            func visit(_ node: GoalNode, depth: Int) {
                guard seen.insert(node.key).inserted else { return }
                let indent = String(repeating: "\u{2003}", count: depth)
                out.append((value: node.key, label: "\(indent)\(plan.levelName(of: node)): \(node.title)"))
                for child in plan.children(of: node.key) { visit(child, depth: depth + 1) }
            }
            let keys = Set(plan.nodes.map(\.key))
            for root in plan.nodes where root.parentKey.map({ !keys.contains($0) }) ?? true { visit(root, depth: 0) }
            return out
        }

        /// The form values of a stored node.
        static func values(_ node: GoalNode) -> [String: String] {
            [
                "parent": node.parentKey ?? "", "level": "\(node.level)", "title": node.title, "text": node.text,
                "owner": node.owner ?? "", "partners": node.partners.joined(separator: ", ")
            ]
        }
    }
}
