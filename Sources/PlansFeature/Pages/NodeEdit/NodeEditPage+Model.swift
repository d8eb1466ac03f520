import AppCore
import Fluent
import Foundation
import MonitorFeature
import VitaalDomain

/// One goal (`/plannen/<key>/doelen/<node>`): its logic model and links to monitor indicators
/// (editable while the plan is a concept), and its plan links (#16): the goals of other plans it
/// contributes to ("Draagt bij aan", editable until the plan is afgesloten) and the goals of other
/// plans that contribute to it ("Bijdragen uit andere plannen", with their status). Everyone who may
/// see the plan sees the page; the forms are for editors of the owning organisation and beheerders.
enum NodeEditPage {
    /// A goal of another plan at the other end of a plan link.
    struct LinkRow {
        var planTitle: String
        var planLink: String
        var organisation: String
        var goal: String
        var goalLink: String
        var note: String?
        /// The contributing goal's roll-up (contributors only).
        var rollUp: StatusRollUp?
        /// Removing the link (editors of the contributing plan).
        var removeAction: String?
    }

    /// Adding a plan link: the goals of the other plans to choose from, the form as sent.
    struct LinkForm {
        var action: String
        var options: [(value: String, label: String)]
        var form = PlanForm()
    }

    struct Model {
        /// May the viewer edit this plan (editor of the owning organisation or beheerder)?
        var canEdit = false
        var contributesTo: [LinkRow] = []
        var contributors: [LinkRow] = []
        var linkForm: LinkForm?
        /// The funds whose "Gekoppelde plandoelen" name this goal (#18); nil in an application
        /// without the registers.
        var funds: [RegisterReading.Referrer]?
        /// The signals that name this goal: logged-in viewers only (signals are internal).
        var signals: [RegisterReading.Referrer]?
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

        /// `registers` (when the application has them) lists the funds and signals naming the goal.
        static func load(
            _ loaded: LoadedPlan, node: GoalNode, viewer: PageContext.Viewer?, notice code: String?,
            registers: RegisterReading? = nil, on db: any Database
        ) async throws -> Model {
            var model = await base(loaded, node: node, notice: code, on: db)
            let plan = loaded.plan
            model.canEdit = PlanAccess.mayEdit(loaded, viewer)
            model.editable = model.canEdit && plan.status == .concept
            let mayLink = model.canEdit && plan.status != .afgesloten
            model.contributesTo = (loaded.contributesTo[node.key] ?? []).map { goal in
                row(
                    goal,
                    removeAction: mayLink
                        ? PlanURL.removePlanLink(
                            plan: .value(plan.key), node: .value(node.key), link: .value(goal.id.uuidString)
                        ).path : nil)
            }
            // The contributing goals' status: each contributing plan loaded once, as this viewer sees it.
            var rollUps: [String: Plan] = [:]
            for goal in loaded.contributors[node.key] ?? [] where rollUps[goal.planKey] == nil {
                rollUps[goal.planKey] = try await PlanStore.load(key: goal.planKey, audience: loaded.audience, on: db)
                    .plan
            }
            model.contributors = (loaded.contributors[node.key] ?? []).map { goal in
                var r = row(goal, removeAction: nil)
                r.rollUp = rollUps[goal.planKey]?.rollUp(goal.nodeKey)
                return r
            }
            if let registers {
                // Anonymous visitors reach this page only for a published plan; they see its funds.
                let referrers = try await registers.referrers(
                    .planGoals, [PlanGoalTargets.reference(plan: plan.key, node: node.key)], in: [.funds, .signals],
                    loggedIn: viewer != nil, on: db)
                model.funds = referrers.filter { $0.register == .funds }
                model.signals = viewer == nil ? nil : referrers.filter { $0.register == .signals }
            }
            if mayLink {
                model.linkForm = LinkForm(
                    action: PlanURL.planLinks(plan: .value(plan.key), node: .value(node.key)).path,
                    options: try await goalOptions(excluding: loaded.id, on: db))
            }
            return model
        }

        static func row(_ goal: LinkedGoal, removeAction: String?) -> LinkRow {
            LinkRow(
                planTitle: goal.planTitle, planLink: PlanURL.plan(.value(goal.planKey)).path,
                organisation: goal.organisation, goal: "\(goal.levelName): \(goal.nodeTitle)", goalLink: goal.pageLink,
                note: goal.note, removeAction: removeAction)
        }

        /// Every goal of the other plans (by node id), labelled "plan – level: title", plans by title.
        static func goalOptions(excluding planID: UUID, on db: any Database) async throws
            -> [(value: String, label: String)]
        {
            let plans = try await PlanRecord.query(on: db).filter(\.$id != planID).sort(\.$title).all()
            let nodes = try await GoalNodeRecord.query(on: db).filter(\.$plan.$id != planID).sort(\.$sortOrder)
                .all()
            let byPlan = Dictionary(grouping: nodes, by: { $0.$plan.id })
            return [(value: "", label: "(kies een doel)")]
                + plans.flatMap { plan -> [(value: String, label: String)] in
                    let levels = plan.levels
                    return (byPlan[plan.id!] ?? []).compactMap { node in
                        guard let id = node.id else { return nil }
                        let level = levels.indices.contains(node.level) ? levels[node.level] : "Niveau \(node.level)"
                        return (value: id.uuidString, label: "\(plan.title) – \(level): \(node.title)")
                    }
                }
        }

        /// The logic model and indicator parts (as before plan links).
        static func base(
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
