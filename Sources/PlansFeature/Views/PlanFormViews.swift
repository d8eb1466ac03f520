import AppCore
import Plot
import Vapor
import VitaalDomain

extension PlanForm {
    /// 422 for a refused form, 200 otherwise.
    var status: HTTPResponseStatus { errors.isEmpty && message == nil ? .ok : .unprocessableEntity }
}

/// Form controls of the plan-authoring forms with the field's error next to it (linked with
/// `aria-describedby` and `aria-invalid`), like `UI.field`.
enum PlanFormViews {
    static func describedBy<C: HTML.BodyContext>(_ name: String, error: String?, hint: String?) -> [Node<C>] {
        let id = "f-\(name)"
        if error != nil {
            return [
                .attribute(named: "aria-invalid", value: "true"),
                .attribute(named: "aria-describedby", value: attr("\(id)-error"))
            ]
        }
        return hint == nil ? [] : [.attribute(named: "aria-describedby", value: attr("\(id)-hint"))]
    }

    static func messages<C: HTML.BodyContext>(_ name: String, error: String?, hint: String?) -> Node<C> {
        .group(
            .unwrap(hint) { .small(.class("hint"), .id(attr("f-\(name)-hint")), .text($0)) },
            .unwrap(error) { .p(.class("field-message"), .id(attr("f-\(name)-error")), .text($0)) })
    }

    static func select<C: HTML.BodyContext>(
        _ name: String, label: String, options: [(value: String, label: String)], form: PlanForm,
        hint: String? = nil
    ) -> Node<C> {
        let error = form.errors[name]
        let id = "f-\(name)"
        let selected = form[name] ?? ""
        let optionNodes: [Node<C>] = options.map { option in
            .element(
                named: "option",
                nodes: [
                    .attribute(named: "value", value: attr(option.value), ignoreIfValueIsEmpty: false),
                    option.value == selected ? .attribute(named: "selected", value: "selected") : .empty,
                    .text(option.label)
                ])
        }
        let attributes: [Node<C>] = [
            .attribute(named: "id", value: attr(id)), .attribute(named: "name", value: attr(name))
        ]
        return .div(
            .class(error == nil ? "field" : "field field-error"),
            .label(.for(attr(id)), .text(label)),
            messages(name, error: error, hint: hint),
            .element(named: "select", nodes: attributes + describedBy(name, error: error, hint: hint) + optionNodes))
    }

    /// A textarea with the form's value and error (see `UI.textarea`).
    static func textarea<C: HTML.BodyContext>(
        _ name: String, label: String, form: PlanForm, hint: String? = nil, rows: Int = 4, id: String? = nil
    ) -> Node<C> {
        UI.textarea(
            name, label: label, value: form[name] ?? "", error: form.errors[name], hint: hint, rows: rows, id: id)
    }

    /// Radio buttons in a fieldset; the error is shown under the legend and linked from the fieldset.
    static func radios<C: HTML.BodyContext>(
        _ name: String, legend: String, options: [(value: String, label: String)], form: PlanForm
    ) -> Node<C> {
        let error = form.errors[name]
        let buttons: [Node<C>] = options.enumerated().map { i, option in
            .label(
                radio(name, id: "f-\(name)-\(i)", value: option.value, checked: option.value == form[name]),
                .span(.text(option.label)))
        }
        let message: Node<C> = messages(name, error: error, hint: nil)
        let head: [Node<C>] = [
            .class(error == nil ? "field" : "field field-error"),
            error == nil ? .empty : .attribute(named: "aria-describedby", value: attr("f-\(name)-error")),
            .element(named: "legend", nodes: [.text(legend)]), message
        ]
        return .element(named: "fieldset", nodes: head + [.div(.class("checks"), .group(buttons))])
    }

    static func radio<C: HTML.BodyContext>(_ name: String, id: String, value: String, checked: Bool) -> Node<C> {
        var attributes: [Attribute<HTML.InputContext>] = [
            .type(.radio), .id(attr(id)), .name(attr(name)), .value(attr(value))
        ]
        if checked { attributes.append(.checked(true)) }
        return .selfClosedElement(named: "input", attributes: attributes)
    }
}
