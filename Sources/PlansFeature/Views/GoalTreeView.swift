import AppCore
import Plot
import VitaalDomain

/// The goal tree as nested lists; nodes with children are `<details open>` (collapsible without JS).
enum GoalTreeView {
    /// The id of a node in the tree, for links to `…#doel-<slug>`.
    static func anchor(_ nodeKey: String) -> String { "doel-\(Slug.make(nodeKey))" }

    static func view(_ tree: GoalTree) -> BodyNode {
        .div(.class("tree plan-tree"), .ul(.forEach(tree.roots) { node($0, allOpen: tree.allOpen) }))
    }

    static func node(_ node: GoalTree.Node, allOpen: Bool) -> Node<HTML.ListContext> {
        let heading: BodyNode = .group(
            .span(.class("plan-level"), .text(node.levelName)), .text(" "),
            .span(.class("plan-node-title"), .text(node.title)), .text(" "),
            PlanViews.rollUpNode(node.rollUp))
        if node.children.isEmpty {
            return .li(.id(attr(node.anchor)), .class("plan-node"), .div(.class("plan-leaf"), heading), body(node))
        }
        return .li(
            .id(attr(node.anchor)), .class("plan-node"),
            .element(
                named: "details",
                nodes: [
                    allOpen ? .attribute(named: "open", value: "open") : .empty,
                    .element(named: "summary", nodes: [heading]),
                    body(node),
                    .ul(.forEach(node.children) { self.node($0, allOpen: allOpen) })
                ]))
    }

    static func body(_ node: GoalTree.Node) -> BodyNode {
        .group(
            .if(
                !node.text.isEmpty,
                .p(.class("plan-node-text"), node.linkedText.map(UI.termLinked) ?? .text(node.text))),
            facts(node),
            .if(
                !node.indicators.isEmpty,
                .ul(
                    .class("plan-indicators"),
                    .forEach(node.indicators) { link in
                        .li(
                            .text("\(link.type): "), .code(.text(link.code)), .unwrap(link.note) { .text(" – \($0)") },
                            .if(link.isExample, .group(.text(" "), UI.badge("voorbeeld"))))
                    })),
            .unwrap(node.logicModel) { logicModel($0) },
            .if(
                !node.targets.isEmpty,
                .ul(
                    .class("plan-targets"),
                    .forEach(node.targets) { target in
                        .li(
                            PlanViews.status(target.status, label: target.assessment), .text(" "),
                            target.link.map { .a(.href(attr($0)), .text(target.measure)) } ?? .text(target.measure),
                            .span(.class("muted"), .text(" – \(target.goal)")),
                            PlanViews.exampleBadge(target.isExample))
                    })))
    }

    /// Owner, partners, period, source, the example label and the edit link, separated by " · ".
    static func facts(_ node: GoalTree.Node) -> BodyNode {
        var facts: [BodyNode] = node.facts.map { .span(.text($0)) }
        if node.isExample { facts.append(UI.badge("voorbeelddata")) }
        if let links = node.planLinks { facts.append(.a(.href(attr(links.link)), .text(links.text))) }
        if let links = node.authoringLinks {
            facts.append(.a(.class("no-print"), .href(attr(links.edit)), .text("Bewerken of verplaatsen")))
            if let add = links.addChild {
                facts.append(.a(.class("no-print"), .href(attr(add)), .text("Onderliggend doel toevoegen")))
            }
        }
        if let link = node.editLink {
            facts.append(.a(.class("no-print"), .href(attr(link)), .text("Logisch model en indicatoren bewerken")))
        }
        guard !facts.isEmpty else { return .empty }
        return .p(.class("plan-node-facts muted"), .group(facts.flatMap { [$0, .text(" · ")] }.dropLast()))
    }

    static func logicModel(_ model: LogicModel) -> BodyNode {
        func row(_ label: String, _ items: [String]) -> [Node<HTML.DescriptionListContext>] {
            items.isEmpty ? [] : [.dt(.text(label)), .dd(.text(items.joined(separator: "; ")))]
        }
        var rows: [Node<HTML.DescriptionListContext>] = []
        rows += row("Input: middelen", model.means)
        if let capacity = model.capacity { rows += row("Input: capaciteit", [capacity]) }
        if let budget = model.budget { rows += row("Input: budget", [budget.formatted]) }
        rows += row("Input: beleidskeuzes", model.policyChoices)
        rows += row("Throughput (activiteiten)", model.throughput)
        rows += row("Output", model.output)
        rows += row("Outcome", model.outcome)
        rows += row("Werkingsmechanismen", model.mechanisms)
        rows += row("Contextfactoren", model.contextFactors)
        return PlanViews.details("Logisch model", .dl(.class("kv"), .group(rows)))
    }
}
