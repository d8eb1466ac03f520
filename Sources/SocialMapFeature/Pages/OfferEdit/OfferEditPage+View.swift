import AppCore
import Plot
import VitaalDomain

/// The editors' form of an offer (new or existing).
enum OfferEditPage {
    static func view(_ model: Model, _ context: PageContext) -> SitePage {
        let errors = model.fieldErrors
        let action: SocialMapURL =
            model.offerID.map { .offerEdit(.value($0)) } ?? .offerNew(.value(model.organisationID))
        let back: SocialMapURL =
            model.offerID.map { .offer(.value($0)) } ?? .organisation(.value(model.organisationID))
        return SitePage(
            model.isNew ? "Aanbod toevoegen" : "\(model.offerName) bewerken",
            status: model.error != nil ? .unprocessableEntity : (model.duplicates.isEmpty ? .ok : .conflict),
            breadcrumbs: [
                SocialMapParts.breadcrumb, (model.isNew ? model.organisationName : model.offerName, back.path)
            ],
            .unwrap(model.error) { UI.problems($0.message, $0.problems) },
            .form(
                .method(.post), .action(attr(action.path)),
                Layout.csrfField(context),
                .if(!model.duplicates.isEmpty, EntryForm.duplicateWarning(model.duplicates)),
                UI.field("naam", label: "Naam", value: model.name, error: errors["naam"], required: true),
                EntryForm.select(
                    "soort", label: "Soort aanbod",
                    options: SocialMap.OfferKind.allCases.map { SelectOption(value: $0.rawValue, label: $0.label) },
                    selected: model.kind.rawValue, error: errors["soort"]),
                EntryForm.textarea(
                    "omschrijving", label: "Omschrijving", value: model.description, error: errors["omschrijving"]),
                UI.field(
                    "website", label: "Website", value: model.website, error: errors["website"],
                    hint: "Begint met https:// of http://"),
                UI.field(
                    "email", label: "E-mailadres (openbaar)", type: .email, value: model.email,
                    error: errors["email"]),
                UI.field(
                    "themas", label: "Thema's", value: model.themes, error: errors["themas"],
                    hint: "Gescheiden door komma's"),
                UI.field(
                    "doelgroepen", label: "Doelgroepen", value: model.targetGroups, error: errors["doelgroepen"],
                    hint: "Gescheiden door komma's"),
                dimensions(model.dimensions),
                .input(.type(.hidden), .name("gemeenten-getoond"), .value("1")),
                EntryForm.municipalityBoxes(model.municipalities, error: errors["gemeenten"]),
                .if(
                    !model.locationOptions.isEmpty,
                    EntryForm.checkboxes(
                        "Locaties van de organisatie waar het aanbod is",
                        model.locationOptions.map {
                            ("locatie-\($0.value)", $0.label, model.locations.contains($0.value))
                        })),
                SocialMapParts.checkbox(
                    "gecontroleerd",
                    "De gegevens zijn gecontroleerd (laatst gecontroleerd wordt vandaag)"),
                .button(.type(.submit), .text(model.isNew ? "Aanbod toevoegen" : "Opslaan")))
        )
    }

    static func dimensions(_ selected: Set<PositiveHealthDimension>) -> Node<HTML.FormContext> {
        EntryForm.dimensionBoxes(selected)
    }
}
