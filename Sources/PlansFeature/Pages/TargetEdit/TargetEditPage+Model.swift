import AppCore
import VitaalDomain

/// Editing a target of a concept plan, and deleting it when it has no realisations.
enum TargetEditPage {
    struct Model {
        var planKey: String
        var planTitle: String
        var measure: String
        var targetLink: String
        var action: String
        var deleteAction: String
        var canDelete: Bool
        var nodeOptions: [(value: String, label: String)]
        var directions: [(value: String, label: String)]
        var form: PlanForm

        init(_ loaded: LoadedPlan, target: SmartTarget, form: PlanForm) {
            let plan = loaded.plan
            let planKey = Parameter.value(plan.key)
            let key = Parameter.value(target.key)
            self.planKey = plan.key
            planTitle = plan.title
            measure = target.measure
            targetLink = PlanURL.target(plan: planKey, target: key).path
            action = PlanURL.editTarget(plan: planKey, target: key).path
            deleteAction = PlanURL.deleteTarget(plan: planKey, target: key).path
            canDelete = !PlanTreeStore.targetsWithRealisations(loaded).contains(target.key)
            nodeOptions = NodeFormPage.Model.indented(plan)
            directions = SmartTarget.Direction.allCases.map { (value: $0.rawValue, label: $0.label) }
            self.form = form
        }
    }
}
