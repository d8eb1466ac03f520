import AppCore
import Fluent
import VitaalDomain

/// A new plan (`/plannen/nieuw`): owner organisation, title, period, level names from a template or
/// the editor's own, or the structure of an existing plan; it starts as a concept.
enum NewPlanPage {
    struct Model {
        var organisations: [(value: String, label: String)]
        var templates: [(value: String, label: String)]
        var bases: [(value: String, label: String)]
        var form: PlanForm

        /// The organisations the user may write for (beheerder: every active one) and every plan as
        /// a possible basis.
        static func load(user: User, form: PlanForm, on db: any Database) async throws -> Model {
            let organisations = try await Organisation.query(on: db).all()
                .filter { !$0.isRetired && user.mayWrite(organisationID: $0.id) }
                .sorted { $0.name.localizedCompare($1.name) == .orderedAscending }
            let plans = try await PlanStore.all(on: db)
            return Model(
                organisations: organisations.map { (value: $0.slug, label: $0.name) },
                templates: PlanTemplate.allCases.map { (value: $0.rawValue, label: $0.label) },
                bases: [(value: "", label: "— geen: een lege doelenboom —")]
                    + plans.map { (value: $0.key, label: "\($0.title) (\($0.organisation.name))") },
                form: form)
        }
    }
}
