import AppCore
import Plot

extension StoryFormPage {
    static func view(_ model: Model, _ context: PageContext) -> SitePage {
        SitePage(
            model.title, status: model.status,
            breadcrumbs: MonitorURL.crumbs + [("Verhalen", MonitorURL.stories.path)],
            .if(model.isExample, UI.notice("warning", "Dit is een verzonnen voorbeeldverhaal (voorbeelddata).")),
            .unwrap(model.error) { UI.problems($0.message, $0.problems) },
            form(model, context),
            .unwrap(model.storyID) { id in
                .form(
                    .method(.post), .action(attr(MonitorURL.storyDelete(.value(id)).path)), .class("no-print"),
                    Layout.csrfField(context),
                    .button(.type(.submit), .class("button-secondary"), .text("Verhaal verwijderen")))
            })
    }

    static func form(_ model: Model, _ context: PageContext) -> BodyNode {
        let form = model.form
        return .form(
            .method(.post), .action(attr(model.action.path)), .class("card"),
            Layout.csrfField(context),
            UI.field("title", label: "Titel", value: form.title, error: model.error(for: "title"), required: true),
            UI.textarea("text", label: "Verhaal", value: form.text, error: model.error(for: "text"), rows: 6),
            UI.field("quote", label: "Citaat (optioneel)", value: form.quote, error: model.error(for: "quote")),
            UI.field(
                "personRole", label: "Wie zegt het (rol, geen naam)", value: form.personRole,
                error: model.error(for: "personRole"),
                hint: "bijv. mantelzorger, wijkverpleegkundige. Verhalen zijn openbaar: geen namen of andere "
                    + "persoonsgegevens."),
            UI.field("source", label: "Bron", value: form.source, error: model.error(for: "source")),
            UI.field("date", label: "Datum", type: .date, value: form.date, error: model.error(for: "date")),
            fieldset("Indicatoren", model.indicators, error: model.error(for: "indicators")),
            fieldset("Regio's", model.regions, error: nil),
            .button(.type(.submit), .text("Opslaan")))
    }

    static func fieldset<Context: HTML.BodyContext>(
        _ legend: String, _ choices: [Model.Choice],
        error: String?
    ) -> Node<Context> {
        .element(
            named: "fieldset",
            nodes: [
                .element(named: "legend", nodes: [.text(legend)]),
                .unwrap(error) { .p(.class("field-message"), .text($0)) },
                .div(
                    .class("checks"),
                    .forEach(choices) { choice in
                        .label(
                            .input(.type(.checkbox), .name(attr(choice.field)), .value("on"), .checked(choice.checked)),
                            .span(.text(choice.label)))
                    })
            ])
    }
}
