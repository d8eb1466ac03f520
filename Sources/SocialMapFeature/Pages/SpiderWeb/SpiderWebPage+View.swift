import AppCore
import Plot
import VitaalDomain

/// The Positive Health spider web form for residents.
enum SpiderWebPage {
    static func view(_ model: Model, _ context: PageContext) -> SitePage {
        SitePage(
            "Uw spinnenweb van Positieve Gezondheid", status: model.error == nil ? .ok : .unprocessableEntity,
            breadcrumbs: [SocialMapParts.breadcrumb],
            .p(
                .class("lead"),
                .text(
                    "Geef uzelf op elk van de zes onderdelen een cijfer van 0 tot 10. U ziet "
                        + "daarna uw spinnenweb en initiatieven in de buurt die passen bij waar u aan "
                        + "wilt werken.")),
            UI.notice(
                "info",
                "U hoeft geen naam of adres in te vullen. Wij bewaren niets, tenzij u onderaan "
                    + "toestemming geeft; dan bewaren we alleen uw zes cijfers, uw gemeente en de maand."),
            .unwrap(model.error) { UI.problems($0.message, $0.problems) },
            .form(
                .method(.post), .action(SocialMapURL.spiderWeb.path), Layout.csrfField(context),
                scoreFields(model),
                focusFieldset(model.focus),
                originFields(model),
                consentField(model.consent),
                .button(.type(.submit), .text("Bekijk mijn spinnenweb")))
        )
    }

    static let hints: [PositiveHealthDimension: String] = [
        .lichaamsfuncties: "Hoe voelt u zich lichamelijk? Denk aan fit zijn, slapen, eten, pijn.",
        .mentaalWelbevinden: "Kunt u dingen onthouden, u concentreren, omgaan met verandering? Voelt u zich vrolijk?",
        .zingeving: "Heeft u idealen, doelen en dingen waar u naar uitkijkt? Voelt u zich gewaardeerd?",
        .kwaliteitVanLeven: "Geniet u van het leven? Voelt u zich gelukkig en in balans?",
        .meedoen: "Heeft u goed contact met anderen? Hoort u erbij? Doet u mee in uw buurt of op uw werk?",
        .dagelijksFunctioneren: "Kunt u voor uzelf zorgen, werken, met geld omgaan, hulp vragen?"
    ]

    static func scoreFields(_ model: Model) -> Node<HTML.FormContext> {
        let errors = model.fieldErrors
        let numeric: [Attribute<HTML.InputContext>] = [
            .attribute(named: "min", value: "0"), .attribute(named: "max", value: "10"),
            .attribute(named: "step", value: "1"), .attribute(named: "inputmode", value: "numeric")
        ]
        return SocialMapParts.fieldset(
            "Hoe gaat het met u? (0 = heel slecht, 10 = uitstekend)",
            [
                .div(
                    .class("sm-scores"),
                    .forEach(PositiveHealthDimension.allCases) { dimension in
                        UI.field(
                            dimension.rawValue, label: dimension.label.capitalisedFirst, type: .number,
                            value: model.raw[dimension.rawValue], error: errors[dimension.rawValue], required: true,
                            hint: hints[dimension], attributes: numeric)
                    })
            ])
    }

    /// The dimensions the resident wants to work on (also on the result page, to search again).
    static func focusFieldset(_ focus: Set<PositiveHealthDimension>) -> Node<HTML.FormContext> {
        SocialMapParts.fieldset(
            "Waar wilt u aan werken? (mag meer dan één, of geen)",
            [
                .forEach(PositiveHealthDimension.allCases) { dimension in
                    SocialMapParts.checkbox(
                        "werken-\(dimension.rawValue)", checked: focus.contains(dimension),
                        dimension.label.capitalisedFirst)
                }
            ])
    }

    static func originFields(_ model: Model) -> Node<HTML.FormContext> {
        let errors = model.fieldErrors
        let municipalities =
            [SelectOption(value: "", label: "Kies uw gemeente")]
            + SocialMap.Municipality.all.map { SelectOption(value: $0.code, label: $0.name) }
        return SocialMapParts.fieldset(
            "Waar woont u?",
            [
                .p(
                    .class("hint"),
                    .text(
                        "Kies uw gemeente of vul alleen de vier cijfers van uw postcode in. "
                            + "Zo zoeken we initiatieven dichtbij.")),
                .unwrap(errors["origin"]) { .p(.class("field-message"), .text($0)) },
                SocialMapParts.selectField("gemeente", "Gemeente", municipalities, model.municipality),
                UI.field(
                    "postcode", label: "Of: de cijfers van uw postcode", value: model.postcode,
                    error: errors["postcode"],
                    attributes: [
                        .attribute(named: "inputmode", value: "numeric"),
                        .attribute(named: "maxlength", value: "4"),
                        .attribute(named: "autocomplete", value: "off")
                    ])
            ])
    }

    static func consentField(_ consent: Bool) -> Node<HTML.FormContext> {
        SocialMapParts.fieldset(
            "Bewaren (niet verplicht)",
            [
                SocialMapParts.checkbox(
                    "toestemming", value: "ja", checked: consent,
                    "Ja, bewaar mijn zes cijfers, mijn gemeente en de maand anoniem, zodat "
                        + "professionals kunnen zien hoe het gemiddeld gaat in mijn gemeente. Uw "
                        + "postcode, naam of adres "
                        + "bewaren we nooit.")
            ])
    }
}
