import AppCore
import Plot

extension PlanPage {
    static func editorForms(_ editor: Model.Editor, key: String, _ context: PageContext) -> BodyNode {
        .div(
            .class("no-print"),
            .h2(.text("Bewerken")),
            PlanViews.details("Doelstelling toevoegen", targetForm(editor, key: key, context)))
    }

    static func targetForm(_ editor: Model.Editor, key: String, _ context: PageContext) -> BodyNode {
        .form(
            .method(.post), .action(attr(PlanURL.targets(plan: .value(key)).path)), .class("card"),
            Layout.csrfField(context),
            .div(
                .class("field"), .label(.for("f-kind"), .text("Soort doelstelling")),
                UI.select("kind", options: TargetInput.kinds, selected: "smart")),
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
            UI.field("targetValue", label: "Streefwaarde", hint: "verplicht voor een SMART-doelstelling"),
            UI.field("targetDate", label: "Streefdatum", type: .date, value: editor.periodEnd),
            UI.field("indicator", label: "Indicator van de monitor (code, optioneel)"),
            UI.field("responsible", label: "Verantwoordelijke"),
            .button(.type(.submit), .text("Doelstelling toevoegen")))
    }
}
