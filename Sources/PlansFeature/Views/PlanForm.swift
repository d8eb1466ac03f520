import AppCore
import Plot
import VitaalDomain

/// The values and field errors of a form, so the view renders the form as it was sent, with each
/// problem next to its field.
struct PlanForm {
    var values: [String: String] = [:]
    var errors: [String: String] = [:]
    /// The summary above a refused form ("Realisatie niet opgeslagen").
    var message: String?

    init(values: [String: String] = [:]) { self.values = values }

    /// A refused form: the values sent and the problems by field (the first per field).
    init(values: [String: String], refused error: VitaalError) {
        self.values = values
        message = error.message
        for problem in error.problems {
            guard let field = problem.location.field, errors[field] == nil else { continue }
            errors[field] = problem.message
        }
    }

    subscript(_ name: String) -> String? { values[name] }

    /// The message and problems above a refused form.
    func summary<C: HTML.BodyContext>() -> Node<C> {
        guard let message, !errors.isEmpty else { return .empty }
        return .div(
            .class("notice notice-error"), .attribute(named: "role", value: "alert"),
            .p(.strong(.text(message))),
            .ul(.forEach(errors.sorted { $0.key < $1.key }) { .li(.text($0.value)) }))
    }

    func field<C: HTML.BodyContext>(
        _ name: String, label: String, type: HTMLInputType = .text, required: Bool = false,
        hint: String? = nil
    ) -> Node<C> {
        UI.field(
            name, label: label, type: type, value: values[name], error: errors[name], required: required,
            hint: hint)
    }
}
