import AppCore
import VitaalDomain

/// Correcting or deleting one stored realisation; after vaststelling both need a reason.
enum RealisationEditPage {
    struct Model {
        var planKey: String
        var planTitle: String
        var measure: String
        var targetLink: String
        var action: String
        var deleteAction: String
        var reasonRequired: Bool
        var counts: Bool
        var period: String
        var form: PlanForm
        var deleteForm: PlanForm

        init(_ loaded: RealisationCorrectionController.Loaded, form: PlanForm, deleteForm: PlanForm = PlanForm()) {
            let plan = loaded.plan.plan
            let planKey = Parameter.value(plan.key)
            let target = Parameter.value(loaded.target.key)
            let id = Parameter.value(loaded.row.id?.uuidString ?? "")
            self.planKey = plan.key
            planTitle = plan.title
            measure = loaded.target.measure
            targetLink = PlanURL.target(plan: planKey, target: target).path
            action = PlanURL.realisation(plan: planKey, target: target, realisation: id).path
            deleteAction = PlanURL.deleteRealisation(plan: planKey, target: target, realisation: id).path
            reasonRequired = plan.status == .vastgesteld
            counts = loaded.target.direction == .count
            period = plan.period.description
            self.form = form
            self.deleteForm = deleteForm
        }
    }
}
