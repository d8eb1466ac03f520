import AppCore
import Plot
import VitaalDomain

/// The target table of a plan: node, measure, baseline, target, current value, computed status.
struct TargetTable {
    struct Row {
        var node: String
        var measure: String
        var link: String?
        var isExample: Bool
        /// The last realisation's evidence (logged-in readers only).
        var evidence: String?
        var baseline: String
        var goal: String
        var targetDate: String
        var current: String
        var status: SmartTarget.Status
        /// The shown status text of an inspanningsdoel (its latest judgement); nil for a SMART target.
        var assessment: String? = nil
    }

    var rows: [Row]

    init(_ loaded: LoadedPlan, showEvidence: Bool, links: Bool = true) {
        let plan = loaded.plan
        rows = plan.targets.map { target in
            let node = plan.node(target.nodeKey)
            let realisations = loaded.realisations[target.key] ?? []
            let evidence = showEvidence ? realisations.last?.evidence.flatMap { $0.isEmpty ? nil : $0 } : nil
            return Row(
                node: node.map { "\(plan.levelName(of: $0)): \($0.title)" } ?? target.nodeKey, measure: target.measure,
                link: links ? PlanURL.target(plan: .value(plan.key), target: .value(target.key)).path : nil,
                isExample: target.isExample || realisations.contains { $0.isExample }, evidence: evidence,
                baseline: "\(PlanViews.number(target.baseline.value)) (\(target.baseline.date.dutch))",
                goal: "\(target.direction.label) \(PlanViews.number(target.targetValue)) \(target.unit)",
                targetDate: target.targetDate?.dutch ?? "–",
                current: target.currentValue().map { "\(PlanViews.number($0.value)) (\($0.date.dutch))" } ?? "–",
                status: target.status())
        }
        for (i, target) in plan.targets.enumerated() where !target.isSmart {
            let latest = target.latestAssessment()
            rows[i].goal = "inspanningsdoel (niet-SMART)"
            rows[i].baseline = "–"
            rows[i].current = latest.map { "beoordeeld per \($0.date.dutch)" } ?? "–"
            rows[i].assessment = target.statusLabel()
            rows[i].isExample = rows[i].isExample || target.assessments.contains { $0.isExample }
        }
    }

    static func view(_ table: TargetTable) -> BodyNode {
        UI.table(
            caption: "Doelstellingen (\(table.rows.count)) – status berekend volgens de statusregel; "
                + "inspanningsdoelen kwalitatief beoordeeld",
            headers: ["Doel", "Maat", "Nulmeting", "Streefwaarde", "Streefdatum", "Stand", "Status"],
            rows: table.rows.map { row in
                [
                    .text(row.node), measure(row), .text(row.baseline), .text(row.goal), .text(row.targetDate),
                    .text(row.current), PlanViews.status(row.status, label: row.assessment)
                ]
            })
    }

    static func measure(_ row: Row) -> BodyNode {
        .group(
            row.link.map { .a(.href(attr($0)), .text(row.measure)) } ?? .text(row.measure),
            .if(row.assessment != nil, .group(.text(" "), UI.badge("inspanningsdoel"))),
            PlanViews.exampleBadge(row.isExample),
            .unwrap(row.evidence) { .div(.class("muted plan-evidence"), .text("Onderbouwing: \($0)")) })
    }
}

extension LoadedPlan {
    /// Is the target, or one of its realisations, invented to show the status rule?
    func isExample(_ target: SmartTarget) -> Bool {
        target.isExample || (realisations[target.key] ?? []).contains { $0.isExample }
    }
}

extension SmartTarget {
    /// The monitor indicator the realisations come from, if any.
    var indicatorCode: String? {
        if case .indicator(let code) = source { return code }
        return nil
    }
}
