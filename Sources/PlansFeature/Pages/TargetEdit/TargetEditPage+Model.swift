import AppCore
import VitaalDomain

/// Editing a target of a concept plan, deleting it when it has no realisations, archiving it when it has.
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
        var kinds: [(value: String, label: String)]
        /// Archiving instead of deleting (targets with realisations, #16): the form as sent, if refused.
        var archiveAction: String
        var archiveForm = PlanForm()
        var realisationCount: Int

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
            kinds = TargetInput.kinds
            archiveAction = PlanURL.archiveTarget(plan: planKey, target: key).path
            realisationCount = (loaded.realisations[target.key] ?? []).filter { $0.id != nil }.count
        }
    }
}
