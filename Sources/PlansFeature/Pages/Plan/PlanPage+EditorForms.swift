import AppCore
import Plot

extension PlanPage {
    static func editorForms(_ editor: Model.Editor, key: String, _ context: PageContext) -> BodyNode {
        .div(
            .class("no-print"),
            .h2(.text("Bewerken")),
            PlanViews.details("Doelstelling toevoegen", targetForm(editor, key: key, context)),
            PlanViews.details("Doel toevoegen of verplaatsen", nodeForm(editor, key: key, context)))
    }

    static func targetForm(_ editor: Model.Editor, key: String, _ context: PageContext) -> BodyNode {
        .form(
            .method(.post), .action(attr(PlanURL.targets(plan: .value(key)).path)), .class("card"),
            Layout.csrfField(context),
            .div(
                .class("field"), .label(.for("f-node"), .text("Doel")),
                UI.select("node", options: editor.nodeOptions, selected: nil)),
            UI.field("measure", label: "Maat (wat wordt gemeten)", required: true),
            UI.field("unit", label: "Eenheid", hint: "bijv. bijeenkomsten, %"),
            .div(
                .class("field"), .label(.for("f-direction"), .text("Richting")),
                UI.select("direction", options: editor.directions, selected: "count")),
            UI.field("baselineValue", label: "Nulmeting", value: "0"),
            UI.field("baselineDate", label: "Datum nulmeting", type: .date, value: editor.periodStart),
            UI.field("targetValue", label: "Streefwaarde", required: true),
            UI.field("targetDate", label: "Streefdatum", type: .date, value: editor.periodEnd),
            UI.field("indicator", label: "Indicator van de monitor (code, optioneel)"),
            UI.field("responsible", label: "Verantwoordelijke"),
            .button(.type(.submit), .text("Doelstelling toevoegen")))
    }

    static func nodeForm(_ editor: Model.Editor, key: String, _ context: PageContext) -> BodyNode {
        .form(
            .method(.post), .action(attr(PlanURL.nodes(plan: .value(key)).path)), .class("card"),
            Layout.csrfField(context),
            UI.field(
                "key", label: "Sleutel", required: true,
                hint: "bijv. VVI.A11; een bestaande sleutel wijzigt dat doel"),
            .div(
                .class("field"), .label(.for("f-parent"), .text("Valt onder")),
                UI.select(
                    "parent", options: [(value: "", label: "(bovenste niveau)")] + editor.nodeOptions,
                    selected: nil)),
            .div(
                .class("field"), .label(.for("f-level"), .text("Niveau")),
                UI.select("level", options: editor.levelOptions, selected: nil)),
            UI.field("title", label: "Titel", required: true),
            UI.field("text", label: "Omschrijving"),
            UI.field("owner", label: "Eigenaar"),
            UI.field("partners", label: "Partners", hint: "gescheiden door komma's"),
            .button(.type(.submit), .text("Opslaan")))
    }
}
