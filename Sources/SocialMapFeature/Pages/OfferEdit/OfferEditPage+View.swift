import AppCore
import Plot
import VitaalDomain

/// The editors' form of an offer.
enum OfferEditPage {
    static func view(_ model: Model, _ context: PageContext) -> SitePage {
        let errors = model.fieldErrors
        return SitePage(
            "\(model.offerName) bewerken", status: model.error == nil ? .ok : .unprocessableEntity,
            breadcrumbs: [
                SocialMapParts.breadcrumb,
                (model.offerName, SocialMapURL.offer(.value(model.offerID)).path)
            ],
            .unwrap(model.error) { UI.problems($0.message, $0.problems) },
            .form(
                .method(.post), .action(attr(SocialMapURL.offerEdit(.value(model.offerID)).path)),
                Layout.csrfField(context),
                UI.field("naam", label: "Naam", value: model.name, error: errors["naam"], required: true),
                .div(
                    .class("field"), .label(.for("f-omschrijving"), .text("Omschrijving")),
                    .textarea(
                        .id("f-omschrijving"), .name("omschrijving"), .attribute(named: "rows", value: "5"),
                        .text(model.description))),
                UI.field(
                    "website", label: "Website", value: model.website, error: errors["website"],
                    hint: "Begint met https://"),
                UI.field(
                    "themas", label: "Thema's", value: model.themes, error: errors["themas"],
                    hint: "Gescheiden door komma's"),
                UI.field(
                    "doelgroepen", label: "Doelgroepen", value: model.targetGroups, error: errors["doelgroepen"],
                    hint: "Gescheiden door komma's"),
                dimensions(model.dimensions),
                SocialMapParts.checkbox(
                    "gecontroleerd",
                    "De gegevens zijn gecontroleerd (laatst gecontroleerd wordt vandaag)"),
                .button(.type(.submit), .text("Opslaan")))
        )
    }

    static func dimensions(_ selected: Set<PositiveHealthDimension>) -> Node<HTML.FormContext> {
        SocialMapParts.fieldset(
            "Dimensies van Positieve Gezondheid",
            [
                .forEach(PositiveHealthDimension.allCases) { dimension in
                    SocialMapParts.checkbox(
                        "dimensie-\(dimension.rawValue)", checked: selected.contains(dimension),
                        SocialMapText.capitalizedFirst(dimension.label))
                }
            ])
    }
}
