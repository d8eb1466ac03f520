import AppCore
import Plot
import VitaalDomain

/// View parts shared by the register pages (only Plot): showing a value as its field kind asks,
/// and drawing a form field of any kind with its error message.
enum RegisterParts {
    static let breadcrumb = ("Registers", RegisterURL.index.path)

    /// A stored value as people read it: dates as 05-06-2024, amounts as € 750.000.
    static func display(_ value: String?, _ field: RegisterField, regionNames: [String: String] = [:]) -> String {
        guard let value, !value.isEmpty else { return "" }
        switch field.kind {
        case .region: return regionNames[value] ?? value
        case .date: return (try? PlanDate.parse(value))?.dutch ?? value
        case .amount: return Int(value).map { "€ " + DutchNumberFormat.format(Double($0)) } ?? value
        default: return value
        }
    }

    /// "Nieuwe regeling", "Nieuw begrip" (a het-word).
    static func newTitle(_ definition: RegisterDefinition) -> String {
        definition.isNeuter ? "Nieuw \(definition.singular)" : "Nieuwe \(definition.singular)"
    }

    static func statusLabel(_ status: String?) -> String { status ?? "niet vermeld" }

    /// The status as a badge; "niet vermeld" when the source does not state one.
    static func statusBadge(_ status: String?) -> BodyNode {
        .span(.class("reg-status reg-status-\(rank(status))"), .text(statusLabel(status)))
    }

    private static func rank(_ status: String?) -> String {
        switch status {
        case "toegekend", "afgedaan", "opgevolgd", "beschikbaar": "done"
        case "afgewezen", "niet opgepakt", "niet haalbaar": "refused"
        case nil: "none"
        default: "open"
        }
    }

    /// A form field of the given kind: text, date, number, multi-line text or a choice.
    static func field(
        _ field: RegisterField, value: String, error: String?, regions: [(code: String, name: String)] = []
    ) -> Node<HTML.FormContext> {
        let label = field.isRequired ? "\(field.label) (verplicht)" : field.label
        switch field.kind {
        case .longText:
            return UI.textarea(field.formName, label: label, value: value, error: error, hint: field.hint)
        case .choice(let options):
            return .div(
                .class(error == nil ? "field" : "field field-error"),
                .label(.for("f-\(field.formName)"), .text(label)),
                .unwrap(error) { .p(.class("field-message"), .id("f-\(field.formName)-error"), .text($0)) },
                UI.select(
                    field.formName, options: [("", "Kies…")] + options.map { ($0, $0) }, selected: value))
        case .date:
            return UI.field(
                field.formName, label: label, type: .date, value: value, error: error,
                required: field.isRequired, hint: field.hint ?? "jjjj-mm-dd")
        case .amount, .year:
            return UI.field(
                field.formName, label: label, value: value, error: error, required: field.isRequired,
                hint: field.hint, attributes: [.attribute(named: "inputmode", value: "numeric")])
        case .region:
            return .div(
                .class(error == nil ? "field" : "field field-error"),
                .label(.for("f-\(field.formName)"), .text(label)),
                .unwrap(error) { .p(.class("field-message"), .id("f-\(field.formName)-error"), .text($0)) },
                UI.select(
                    field.formName, options: [("", "Kies…")] + regions.map { ($0.code, $0.name) }, selected: value))
        case .text, .references:
            return UI.field(
                field.formName, label: label, value: value, error: error, required: field.isRequired,
                hint: field.hint)
        }
    }

    /// A checkbox with its label.
    static func checkbox(_ name: String, _ label: String, checked: Bool = false) -> Node<HTML.FormContext> {
        .div(
            .class("field"),
            .label(
                .class("reg-check"), .input(.type(.checkbox), .name(name), .value("1"), .checked(checked)),
                .text(" " + label)))
    }

    /// "voorbeelddata" next to an entry that was invented to fill the demo.
    static func exampleBadge(_ isExample: Bool) -> BodyNode {
        isExample ? .group(.text(" "), UI.badge("voorbeelddata")) : .empty
    }
}

/// The first problem per form field of a refused input.
struct FieldErrors: Sendable, Equatable {
    private var messages: [String: String] = [:]

    init(_ problems: [Problem]) {
        for problem in problems {
            guard let field = problem.location.field, messages[field] == nil else { continue }
            messages[field] = problem.message
        }
    }

    subscript(field: String) -> String? { messages[field] }
}

/// Confirmations after a write (`?melding=…`), as codes so that no posted text is echoed.
enum RegisterNotice: String, Sendable {
    case created = "aangemaakt"
    case saved = "opgeslagen"
    case statusChanged = "status"

    var text: String {
        switch self {
        case .created: "Aangemaakt."
        case .saved: "Opgeslagen."
        case .statusChanged: "De status is gewijzigd."
        }
    }
}
