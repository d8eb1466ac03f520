import AppCore
import VitaalDomain

/// The goal tree of a plan as the pages show it: every node with its computed roll-up, facts,
/// indicator links, logic model and targets (with their computed status), children nested.
struct GoalTree {
    struct Target {
        var key: String
        var measure: String
        var status: SmartTarget.Status
        /// "streefwaarde 12 bijeenkomsten op 31 december 2025".
        var goal: String
        var isExample: Bool
        /// The target page, when targets are links (not in a PDF).
        var link: String?
        /// An inspanningsdoel's shown status (its latest judgement); nil for a SMART target.
        var assessment: String? = nil
    }

    struct Indicator {
        var type: String
        var code: String
        var note: String?
        var isExample: Bool
    }

    struct Node {
        var anchor: String
        var levelName: String
        var title: String
        var text: String
        /// "Eigenaar: …", "Partners: …", "Periode: …", "Bron: …".
        var facts: [String]
        var isExample: Bool
        /// The node's logic-model and indicator editor (editors, concept plans).
        var editLink: String?
        /// Editing and moving the node, and adding a child under it (editors, concept plans; no child
        /// link on the deepest level).
        var authoringLinks: (edit: String, addChild: String?)?
        /// The goal page with its plan links, when it has any (#16): "draagt bij aan …", "… bijdragen".
        var planLinks: (link: String, text: String)?
        var indicators: [Indicator]
        var logicModel: LogicModel?
        var rollUp: StatusRollUp
        var targets: [Target]
        var children: [Node]
        /// `text` with the definition list's terms linked (`linkTerms`).
        var linkedText: [TermLinks.Segment]? = nil
    }

    var roots: [Node]
    /// Nodes with children are `<details open>` (false: collapsed).
    var allOpen = true

    init(_ loaded: LoadedPlan, linkTargets: Bool = true, editLinks: Bool = false) {
        let plan = loaded.plan
        let statuses = Dictionary(plan.targets.map { ($0.key, $0.status()) }, uniquingKeysWith: { first, _ in first })
        var visited: Set<String> = []
        func makeTarget(_ target: SmartTarget) -> Target {
            let date = target.targetDate.map { " op \($0.dutch)" } ?? ""
            return Target(
                key: target.key, measure: target.measure, status: statuses[target.key] ?? .noData,
                goal: target.isSmart
                    ? "streefwaarde \(PlanViews.number(target.targetValue)) \(target.unit)\(date)"
                    : "inspanningsdoel, kwalitatief beoordeeld",
                isExample: loaded.isExample(target),
                link: linkTargets
                    ? PlanURL.target(
                        plan: .value(plan.key),
                        target: .value(target.key)
                    ).path : nil,
                assessment: target.isSmart ? nil : target.statusLabel())
        }
        func makeNode(_ node: GoalNode) -> Node {
            visited.insert(node.key)
            // A node met twice (a cycle in stored data) is shown once, so the tree always ends.
            let children = plan.children(of: node.key).filter { !visited.contains($0.key) }
            return Node(
                anchor: GoalTreeView.anchor(node.key), levelName: plan.levelName(of: node), title: node.title,
                text: node.text, facts: Self.facts(node), isExample: node.isExample,
                editLink: editLinks ? PlanURL.node(plan: .value(plan.key), node: .value(node.key)).path : nil,
                authoringLinks: editLinks ? Self.authoringLinks(plan, node) : nil,
                planLinks: linkTargets ? Self.planLinks(loaded, node) : nil,
                indicators: node.indicators.map {
                    Indicator(
                        type: $0.monitoringType.label, code: $0.indicatorCode, note: $0.note,
                        isExample: $0.indicatorCode.hasPrefix("VOORBEELD"))
                },
                logicModel: node.logicModel.flatMap { $0.isEmpty ? nil : $0 }, rollUp: plan.rollUp(node.key),
                targets: plan.targets(of: node.key).map(makeTarget), children: children.map(makeNode))
        }
        // Roots: nodes without parent, plus nodes whose parent is unknown (never lose a node).
        let keys = Set(plan.nodes.map(\.key))
        let roots = plan.nodes.filter { $0.parentKey.map { !keys.contains($0) } ?? true }
        self.roots = roots.map(makeNode)
    }

    /// Links the terms of the definition list (`/begrippen`) in every goal's description, the
    /// first occurrence of each term per description.
    mutating func linkTerms(_ glossary: [TermLinks.Term]) {
        guard !glossary.isEmpty else { return }
        func link(_ node: inout Node) {
            node.linkedText = TermLinks.segments(node.text, terms: glossary)
            for index in node.children.indices { link(&node.children[index]) }
        }
        for index in roots.indices { link(&roots[index]) }
    }

    static func authoringLinks(_ plan: Plan, _ node: GoalNode) -> (edit: String, addChild: String?) {
        let key = Parameter.value(plan.key)
        return (
            edit: PlanURL.editNode(plan: key, node: .value(node.key)).path,
            addChild: plan.childLevel(under: node.key) == nil
                ? nil : PlanURL.newNode(plan: key).path(query: [("onder", node.key)])
        )
    }

    /// "Draagt bij aan: Doel Denken en doen vanuit Positieve Gezondheid (Regioplan …)" and
    /// "2 bijdragen uit andere plannen", linking to the goal page; nil without plan links.
    static func planLinks(_ loaded: LoadedPlan, _ node: GoalNode) -> (link: String, text: String)? {
        let to = loaded.contributesTo[node.key] ?? []
        let from = loaded.contributors[node.key] ?? []
        guard !to.isEmpty || !from.isEmpty else { return nil }
        var parts: [String] = []
        if !to.isEmpty {
            parts.append("Draagt bij aan: " + to.map { "\($0.nodeTitle) (\($0.planTitle))" }.joined(separator: "; "))
        }
        if !from.isEmpty {
            parts.append(
                from.count == 1 ? "1 bijdrage uit een ander plan" : "\(from.count) bijdragen uit andere plannen")
        }
        return (PlanURL.node(plan: .value(loaded.key), node: .value(node.key)).path, parts.joined(separator: " · "))
    }

    static func facts(_ node: GoalNode) -> [String] {
        var facts: [String] = []
        if let owner = node.owner { facts.append("Eigenaar: \(owner)") }
        if !node.partners.isEmpty { facts.append("Partners: \(node.partners.joined(separator: ", "))") }
        if !node.periods.isEmpty { facts.append("Periode: \(node.periods.joined(separator: ", "))") }
        if let ref = node.sourceRef { facts.append("Bron: \(ref)") }
        return facts
    }
}
