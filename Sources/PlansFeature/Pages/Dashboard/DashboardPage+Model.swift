import AppCore
import Fluent
import VitaalDomain

/// Across all plans (`/plannen/dashboard`, readers): what is on track and what is not, and the
/// budgets that do not add up.
enum DashboardPage {
    struct Model {
        struct PlanRow {
            var key: String
            var title: String
            var organisation: String
            var status: PlanStatus
            var rollUp: StatusRollUp
            /// "telt op", "2 verschil(len)", "bedragen te groot" or "–".
            var budget: String
        }

        struct TargetRow {
            var status: SmartTarget.Status
            /// An inspanningsdoel's shown status (its latest judgement); nil for a SMART target.
            var assessment: String? = nil
            var measure: String
            var link: String
            var isExample: Bool
            var node: String
            var plan: String
            /// "3 van 12" or "–".
            var current: String
        }

        struct BudgetFlag {
            var title: String
            var link: String
            /// The first three differences; `more` when there are others.
            var differences: String
            var more: Bool
        }

        var totals: StatusRollUp
        var plans: [PlanRow] = []
        /// Off track first, then at risk.
        var attention: [TargetRow] = []
        var good: [TargetRow] = []
        var budgetFlags: [BudgetFlag] = []

        static func load(on db: any Database) async throws -> Model {
            var model = Model(totals: StatusRollUp(statuses: []))
            var targets: [SmartTarget] = []
            var offTrack: [TargetRow] = []
            var atRisk: [TargetRow] = []
            for record in try await PlanStore.all(on: db) {
                let loaded = try await PlanStore.load(record: record, audience: .internal, on: db)
                targets += loaded.plan.targets
                model.add(loaded)
                for row in Self.targetRows(loaded) {
                    switch row.status {
                    case .offTrack: offTrack.append(row)
                    case .atRisk: atRisk.append(row)
                    case .onTrack, .achieved: model.good.append(row)
                    case .noData: break
                    }
                }
            }
            model.attention = offTrack + atRisk
            model.totals = StatusRollUp(targets: targets)
            return model
        }

        mutating func add(_ loaded: LoadedPlan) {
            let plan = loaded.plan
            let overflow = plan.budgets.compactMap(\.arithmeticError).map(\.message)
            let discrepancies =
                overflow.isEmpty
                ? plan.budgets.flatMap { $0.check(percentTolerance: 1) }.map(\.message) : overflow
            let budget =
                !overflow.isEmpty
                ? "bedragen te groot"
                : !discrepancies.isEmpty
                    ? "\(discrepancies.count) verschil(len)"
                    : plan.budgets.isEmpty ? "–" : "telt op"
            plans.append(
                PlanRow(
                    key: plan.key, title: plan.title, organisation: loaded.organisation.name,
                    status: plan.status, rollUp: plan.rollUp(), budget: budget))
            if !discrepancies.isEmpty {
                budgetFlags.append(
                    BudgetFlag(
                        title: plan.title, link: PlanURL.budget(plan: .value(plan.key)).path,
                        differences: discrepancies.prefix(3).joined(separator: "; "),
                        more: discrepancies.count > 3))
            }
        }

        static func targetRows(_ loaded: LoadedPlan) -> [TargetRow] {
            let plan = loaded.plan
            return plan.targets.map { target in
                TargetRow(
                    status: target.status(), assessment: target.isSmart ? nil : target.statusLabel(),
                    measure: target.measure,
                    link: PlanURL.target(plan: .value(plan.key), target: .value(target.key)).path,
                    isExample: loaded.isExample(target),
                    node: plan.node(target.nodeKey)?.title ?? target.nodeKey, plan: plan.title,
                    current: !target.isSmart
                        ? "inspanningsdoel"
                        : target.currentValue().map {
                            "\(PlanViews.number($0.value)) van \(PlanViews.number(target.targetValue))"
                        } ?? "–")
            }
        }
    }
}
