import AppCore
import VitaalDomain

/// A plan with its goal tree and targets (`/plannen/<key>`), archived targets, the P&C steps and,
/// for editors, the form to add a target (goals are added in the tree editor, `/nieuw-doel`).
enum PlanPage {
    struct Model {
        var key: String
        var title: String
        var organisation: String
        var period: String
        var version: Int
        var previousVersionKey: String?
        var status: PlanStatus
        var levels: [String]
        var rollUp: StatusRollUp
        /// Some realisations were invented to show the status rule.
        var hasExampleRealisations: Bool
        var source: String?
        var notes: [String]
        var tree: GoalTree
        /// nil: the plan has no targets yet.
        var targets: TargetTable?
        var notice: String?
        /// The P&C cycle's next steps (editors of the owning organisation only).
        var lifecycle: Lifecycle?
        /// The forms to add targets and goals (editors only).
        var editor: Editor?
        /// Links to write the goal tree in the browser and to start a new plan from this one (editors).
        var authoring: Authoring?
        /// Targets archived instead of deleted, with their realisations (#16).
        var archived: [Archived] = []
        /// The approval page while the plan is ingediend (logged-in viewers), with what the viewer is
        /// expected to do there (set by the handler, which knows the four-eyes roles).
        var approval: Approval?

        struct Approval {
            var link: String
            var expectation: String?
        }

        struct Archived {
            var measure: String
            var node: String
            var reason: String
            /// Who archived it (logged-in viewers only) and when.
            var archivedBy: String?
            var archivedAt: String
            var realisations: [String]
            var isExample: Bool
            /// The restore form's action (editors, concept plans).
            var restoreAction: String?
        }

        struct Authoring {
            /// Adding a top-level node and the tree's version history (concept plans only).
            var newNode: String?
            var history: String?
            var newFromThis: String
        }

        struct Lifecycle {
            var next: [PlanStatus]
        }

        struct Editor {
            var nodeOptions: [(value: String, label: String)]
            var directions: [(value: String, label: String)]
            var periodStart: String
            var periodEnd: String
        }

        init(_ loaded: LoadedPlan, viewer: PageContext.Viewer?, notice code: String?) {
            let plan = loaded.plan
            let canEdit = PlanAccess.mayEdit(loaded, viewer)
            key = plan.key
            title = plan.title
            organisation = loaded.organisation.name
            period = plan.period.description
            version = plan.version
            previousVersionKey = plan.previousVersionKey
            status = plan.status
            levels = plan.levels
            rollUp = plan.rollUp()
            hasExampleRealisations = loaded.realisations.values.contains { $0.contains { $0.isExample } }
            source = plan.source
            notes = plan.notes
            tree = GoalTree(loaded, editLinks: canEdit && plan.status == .concept)
            targets = plan.targets.isEmpty ? nil : TargetTable(loaded, showEvidence: PlanAccess.showsEvidence(viewer))
            notice = PlanNotice(code: code)?.text(status: plan.status.label.lowercased())
            lifecycle = canEdit ? Lifecycle(next: plan.status.allowedNextStatuses) : nil
            editor = canEdit ? Editor(plan) : nil
            let concept = plan.status == .concept
            let planKey = Parameter.value(plan.key)
            archived = plan.archivedTargets.map { target in
                let rows = loaded.realisations[target.key] ?? []
                return Archived(
                    measure: target.measure,
                    node: plan.node(target.nodeKey).map { "\(plan.levelName(of: $0)): \($0.title)" } ?? target.nodeKey,
                    reason: target.archive?.reason ?? "", archivedBy: viewer == nil ? nil : target.archive?.archivedBy,
                    archivedAt: (target.archive?.archivedAt).map { DutchDate.date($0) } ?? "",
                    realisations: target.realisations.map {
                        "\(PlanViews.number($0.value)) \(target.unit) op \($0.date.dutch)"
                            + ($0.period.map { " (\($0))" } ?? "")
                    },
                    isExample: target.isExample || rows.contains { $0.isExample },
                    restoreAction: canEdit && concept
                        ? PlanURL.restoreTarget(plan: planKey, target: .value(target.key)).path : nil)
            }
            if plan.status == .ingediend && viewer != nil {
                approval = Approval(link: PlanURL.approval(plan: planKey).path, expectation: nil)
            }
            authoring =
                canEdit
                ? Authoring(
                    newNode: concept ? PlanURL.newNode(plan: planKey).path : nil,
                    history: concept ? PlanURL.treeHistory(plan: planKey).path : nil,
                    newFromThis: PlanURL.newPlan.path(query: [("basis", plan.key)])) : nil
        }
    }
}

extension PlanPage.Model.Editor {
    init(_ plan: Plan) {
        nodeOptions = plan.nodes.map { (value: $0.key, label: "\(plan.levelName(of: $0)): \($0.title)") }
        directions = SmartTarget.Direction.allCases.map { (value: $0.rawValue, label: $0.label) }
        periodStart = plan.period.start.description
        periodEnd = plan.period.end.description
    }
}
