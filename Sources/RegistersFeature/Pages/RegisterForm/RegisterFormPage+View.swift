import AppCore
import Plot
import VitaalDomain

extension RegisterFormPage {
    static func view(_ model: Model, _ context: PageContext) -> SitePage {
        let action: RegisterURL = model.key.map { .edit(model.kind, .value($0)) } ?? .new(model.kind)
        var breadcrumbs = [RegisterParts.breadcrumb, (model.definition.title, RegisterURL.list(model.kind).path)]
        if let key = model.key {
            breadcrumbs.append((model.storedTitle, RegisterURL.entry(model.kind, .value(key)).path))
        }
        let errors = model.errors
        return SitePage(
            model.isNew ? RegisterParts.newTitle(model.definition) : "\(model.storedTitle) bewerken",
            status: model.problems.isEmpty && model.warning == nil ? .ok : .unprocessableEntity,
            breadcrumbs: breadcrumbs,
            .if(
                !model.problems.isEmpty,
                UI.problems("Niet opgeslagen: \(model.problems.count) fout(en)", model.problems)),
            .form(
                .method(.post), .action(attr(action.path)), .class("reg-form"),
                Layout.csrfField(context),
                .unwrap(model.warning) { warning in
                    .div(
                        .class("notice notice-warning"), .attribute(named: "role", value: "alert"),
                        .p(.strong(.text(warning))),
                        RegisterParts.checkbox("toch-opslaan", "Ik weet het: toch opslaan"))
                },
                .if(model.isNew, statusField(model, errors)),
                .forEach(model.definition.fields) { field in
                    RegisterParts.field(
                        field, value: model.texts[field.formName] ?? "",
                        error: errors[field.formName] ?? (field.key == "deadline" ? model.warning : nil),
                        regions: model.regions)
                },
                .button(.type(.submit), .text(model.isNew ? "Aanmaken" : "Opslaan")))
        )
    }

    static func statusField(_ model: Model, _ errors: FieldErrors) -> Node<HTML.FormContext> {
        guard let path = model.definition.statusPath else { return .empty }
        return .div(
            .class(errors["status"] == nil ? "field" : "field field-error"),
            .label(.for("f-status"), .text("Status")),
            .unwrap(errors["status"]) { .p(.class("field-message"), .id("f-status-error"), .text($0)) },
            UI.select("status", options: [("", "Niet vermeld")] + path.names.map { ($0, $0) }, selected: model.status))
    }
}
