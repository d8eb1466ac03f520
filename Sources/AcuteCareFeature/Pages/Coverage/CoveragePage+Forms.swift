import AppCore
import Plot
import VitaalDomain

/// The what-if form (GET, anyone; nothing is saved), the save form (redacteurs) and the list of
/// saved scenarios.
extension CoveragePage {
    static func whatIfForm(_ model: Model) -> BodyNode {
        let action = AcuteCareURL.index.path
        return .element(
            named: "form",
            nodes: [
                .attribute(named: "method", value: "get"), .attribute(named: "action", value: attr(action)),
                .class("card ac-form"),
                .h2(.text("Wat als…? Reken een scenario door")),
                .p(
                    .class("muted"),
                    .text(
                        "Iedereen kan hier rekenen; er wordt niets opgeslagen. Laat velden leeg die u niet "
                            + "wilt veranderen. Getallen mogen met een komma.")),
                normFields(model),
                postFields(model),
                fieldset(
                    "Post opheffen",
                    select(
                        model, "opheffen", "Post",
                        [("", "— geen —")] + AcuteCareDemo.posts.map { ($0.id, $0.name) })),
                districtFields(model),
                growthFields(model),
                .button(.type(.submit), .text("Doorrekenen")),
                .text(" "), .a(.href(attr(action)), .text("Terug naar de huidige situatie"))
            ])
    }

    /// A text field of the what-if form with its value and its first problem.
    static func field(_ model: Model, _ name: String, _ label: String, hint: String? = nil) -> BodyNode {
        UI.field(name, label: label, value: model.form.value(name), error: model.fieldErrors[name], hint: hint)
    }

    static func select(_ model: Model, _ name: String, _ label: String, _ options: [(String, String)]) -> BodyNode {
        .div(
            .class("field"), .label(.for("f-\(name)"), .text(label)),
            UI.select(name, options: options.map { (value: $0.0, label: $0.1) }, selected: model.form.value(name) ?? "")
        )
    }

    static func normFields(_ model: Model) -> BodyNode {
        let rides = AcuteCareFormat.number(AcuteCareDemo.rideVolume.ridesPerYear)
        return fieldset(
            "Norm",
            .div(
                .class("ac-row"),
                field(model, "norm", "Norm (minuten, inclusief meldings- en uitruktijd)", hint: "Nu 15"),
                field(model, "meldtijd", "Meldings- en uitruktijd (minuten)", hint: "Nu 3"),
                field(model, "ritten", "Ritten per jaar in de regio", hint: "Nu \(rides) (voorbeelddata)")))
    }

    static func postFields(_ model: Model) -> BodyNode {
        let places = [("", "— geen —")] + AcuteCareDemo.places.map { ($0.id, "\($0.name) (\($0.municipality))") }
        return fieldset(
            "Nieuwe ambulancepost",
            .div(
                .class("ac-row"),
                select(model, "post_plaats", "Bij plaats", places),
                field(model, "post_lat", "of breedtegraad", hint: "bijv. 52,347"),
                field(model, "post_lon", "en lengtegraad", hint: "bijv. 5,150"),
                field(model, "post_naam", "Naam (optioneel)")))
    }

    static func districtFields(_ model: Model) -> BodyNode {
        let municipalities = [("", "— kies —")] + WhatIfForm.municipalityFields.map { ($0.name, $0.name) }
        return fieldset(
            "Nieuwe wijk of groeilocatie",
            .div(
                .class("ac-row"),
                field(model, "wijk_naam", "Naam", hint: "bijv. Almere Pampus"),
                select(model, "wijk_gemeente", "Gemeente", municipalities),
                field(model, "wijk_lat", "Breedtegraad", hint: "bijv. 52,360"),
                field(model, "wijk_lon", "Lengtegraad", hint: "bijv. 5,160"),
                field(model, "wijk_inwoners", "Inwoners", hint: "bijv. 15.000")))
    }

    static func growthFields(_ model: Model) -> BodyNode {
        fieldset(
            "Bevolkingsgroei",
            .div(
                .class("ac-row"),
                field(model, "groei_jaar", "Doeljaar", hint: "basisjaar 2024; standaard 2035"),
                field(model, "groei_totaal", "Inwoners van Flevoland in het doeljaar", hint: "bijv. 540.000"),
                field(model, "groei_pct", "of groei voor alle gemeenten (%)", hint: "bijv. 16")),
            .p(.class("muted"), .text("Afwijkende groei per gemeente (%), vult de rest aan:")),
            .div(.class("ac-row"), .forEach(WhatIfForm.municipalityFields) { field(model, $0.field, $0.name) }),
            .div(
                .class("field"),
                .label(
                    .class("ac-check"),
                    .input(
                        .type(.checkbox), .name("vergrijzing"), .value("1"),
                        .checked(model.form.value("vergrijzing") != nil)),
                    .text(" Vergrijzing: aandeel 65-plussers naar 20% (regioplan IZA)"))))
    }

    static func saveForm(_ model: Model, _ context: PageContext) -> BodyNode {
        let errors = WhatIfForm.fieldErrors(model.saveError)
        return .form(
            .method(.post), .action(AcuteCareURL.saveScenario.path), .class("card"),
            Layout.csrfField(context),
            .h2(.text("Scenario opslaan")),
            .p(
                .class("muted"),
                .text(
                    "Bewaar deze wat-als-berekening als scenario van uw organisatie. De wijziging "
                        + "wordt vastgelegd in het logboek.")),
            .forEach(model.form.filled) { name, value in .input(.type(.hidden), .name(attr(name)), .value(attr(value)))
            },
            UI.field(
                "naam", label: "Naam van het scenario", value: model.form.value("naam"), error: errors["naam"],
                required: true),
            UI.field("omschrijving", label: "Omschrijving (optioneel)", value: model.form.value("omschrijving")),
            .button(.type(.submit), .text("Opslaan")))
    }

    static func scenarioList(_ model: Model) -> BodyNode {
        .div(
            .class("card"),
            .h2(.text("Opgeslagen scenario's")),
            .ul(
                .forEach(model.scenarios) { scenario in
                    .li(
                        scenario.slug == model.scenario?.slug
                            ? .strong(.text(scenario.name)) : .a(.href(attr(scenario.url.path)), .text(scenario.name)),
                        .if(scenario.isSchematic, .group(.text(" "), AcuteCareViews.schematicBadge)),
                        .unwrap(scenario.organisationName) { .span(.class("muted"), .text(" · \($0)")) },
                        .unwrap(scenario.summary) { .group(.br(), .span(.class("muted"), .text($0))) })
                }))
    }

    static func fieldset(_ legend: String, _ nodes: BodyNode...) -> BodyNode {
        .element(named: "fieldset", nodes: [.element(named: "legend", nodes: [.text(legend)])] + nodes)
    }
}
