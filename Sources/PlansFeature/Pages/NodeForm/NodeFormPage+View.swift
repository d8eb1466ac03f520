import AppCore
import Plot
import VitaalDomain

extension NodeFormPage {
    static func view(_ model: Model, _ context: PageContext) -> SitePage {
        let form = model.form
        return SitePage(
            model.title, status: form.status,
            breadcrumbs: PlanViews.planCrumbs(key: model.planKey, title: model.planTitle),
            .unwrap(model.notice) { UI.notice("success", $0) },
            .p(.a(.href(attr(model.treeLink)), .text("Terug naar de doelenboom"))),
            form.summary(),
            .form(
                .method(.post), .action(attr(model.action)), .class("card"),
                Layout.csrfField(context),
                .unwrap(model.nodeKey) { key in
                    .p(.class("muted"), .text("Sleutel: "), .code(.text(key)), .text(" (verandert niet)"))
                },
                PlanFormViews.select("parent", label: "Valt onder", options: model.parentOptions, form: form),
                PlanFormViews.select(
                    "level", label: "Niveau", options: model.levelOptions, form: form,
                    hint: "dieper dan het doel waar het onder valt"),
                form.field(
                    "title", label: "Titel", required: true,
                    hint: "ten hoogste \(PlanAuthoring.maxNodeTitleLength) tekens"),
                PlanFormViews.textarea(
                    "text", label: "Omschrijving", form: form,
                    hint: "optioneel; ten hoogste \(PlanAuthoring.maxNodeTextLength) tekens"),
                form.field("owner", label: "Eigenaar", hint: "optioneel, bijv. een team of organisatie"),
                form.field("partners", label: "Partners", hint: "optioneel, gescheiden door komma's"),
                .button(.type(.submit), .text(model.nodeKey == nil ? "Doel toevoegen" : "Opslaan"))),
            .unwrap(model.orderAction) { order($0, model, context) },
            .if(
                model.nodeKey != nil,
                .p(
                    .unwrap(model.logicModelLink) { .a(.href(attr($0)), .text("Logisch model en indicatoren")) },
                    .text(" · "),
                    .unwrap(model.deleteLink) { .a(.href(attr($0)), .text("Doel verwijderen…")) })))
    }

    /// Up and down among the siblings.
    static func order(_ action: String, _ model: Model, _ context: PageContext) -> BodyNode {
        .div(
            .class("card"),
            .h2(.text("Volgorde")),
            .if(
                !model.canMoveUp && !model.canMoveDown, .p(.class("muted"), .text("Dit doel heeft geen zusterdoelen."))),
            .forEach([
                ("omhoog", "Eén plaats omhoog", model.canMoveUp), ("omlaag", "Eén plaats omlaag", model.canMoveDown)
            ]) { direction, label, enabled in
                .if(
                    enabled,
                    .form(
                        .class("inline"), .method(.post), .action(attr(action)), Layout.csrfField(context),
                        .input(.type(.hidden), .name("direction"), .value(direction)),
                        .button(.type(.submit), .class("button-secondary"), .text(label))))
            })
    }
}
