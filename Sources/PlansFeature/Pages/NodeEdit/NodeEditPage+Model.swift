import AppCore
import Fluent
import MonitorFeature
import VitaalDomain

/// One goal node's logic model and its links to monitor indicators (`/plannen/<key>/doelen/<node>`),
/// editable while the plan is a concept.
enum NodeEditPage {
    struct Model {
        struct Link {
            var code: String
            /// The indicator's name and page; nil when the monitor does not know the code.
            var name: String?
            var page: String?
            var type: String
            var note: String
        }

        var planKey: String
        var planTitle: String
        var title: String
        var statusLabel: String
        var editable: Bool
        var treeLink: String
        var logicModelAction: String
        var linksAction: String
        var logicModel: LogicModel
        var links: [Link]
        var indicatorOptions: [(value: String, label: String)]
        var typeOptions: [(value: String, label: String)]
        var notice: String?

        static func load(
            _ loaded: LoadedPlan, node: GoalNode, notice code: String?,
            on db: any Database
        ) async -> Model {
            let plan = loaded.plan
            let indicators = (try? await MonitorLookup.indicators(audience: .internal, on: db)) ?? []
            let names = Dictionary(indicators.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
            let planKey = Parameter.value(plan.key)
            let nodeKey = Parameter.value(node.key)
            return Model(
                planKey: plan.key, planTitle: plan.title, title: "\(plan.levelName(of: node)): \(node.title)",
                statusLabel: plan.status.label.lowercased(), editable: plan.status == .concept,
                treeLink: PlanURL.nodeAnchor(plan: plan.key, node: node.key),
                logicModelAction: PlanURL.logicModel(plan: planKey, node: nodeKey).path,
                linksAction: PlanURL.indicatorLinks(plan: planKey, node: nodeKey).path,
                logicModel: node.logicModel ?? LogicModel(),
                links: node.indicators.map { link in
                    Link(
                        code: link.indicatorCode, name: names[link.indicatorCode],
                        page: names[link.indicatorCode].map { _ in
                            MonitorURL.indicator(.value(link.indicatorCode)).path
                        },
                        type: link.monitoringType.label, note: link.note ?? "")
                },
                indicatorOptions: indicators.map { (value: $0.code, label: "\($0.name) (\($0.code))") },
                typeOptions: MonitoringType.allCases.map { (value: $0.rawValue, label: $0.label) },
                notice: PlanNotice(code: code)?.text())
        }
    }

    /// The logic model's list fields: form name, Dutch label, key path.
    static let listFields: [(name: String, label: String, path: WritableKeyPath<LogicModel, [String]> & Sendable)] = [
        ("means", "Input: middelen", \.means),
        ("policyChoices", "Input: beleidskeuzes", \.policyChoices),
        ("throughput", "Throughput (activiteiten)", \.throughput),
        ("output", "Output (producten)", \.output),
        ("outcome", "Outcome (resultaten en effecten)", \.outcome),
        ("mechanisms", "Werkingsmechanismen (binnen invloed)", \.mechanisms),
        ("contextFactors", "Contextfactoren (buiten invloed)", \.contextFactors)
    ]
}
