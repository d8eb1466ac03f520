import AppCore
import Plot
import VitaalDomain

/// The editors' form of an organisation (new or existing).
enum OrganisationFormPage {
    static func view(_ model: Model, _ context: PageContext) -> SitePage {
        let errors = model.fieldErrors
        let action: SocialMapURL =
            model.organisationID.map { .organisationEdit(.value($0)) } ?? .organisationNew
        var breadcrumbs = [SocialMapParts.breadcrumb]
        if let id = model.organisationID {
            breadcrumbs.append((model.storedName, SocialMapURL.organisation(.value(id)).path))
        }
        return SitePage(
            model.isNew ? "Organisatie toevoegen" : "\(model.storedName) bewerken",
            status: model.error != nil ? .unprocessableEntity : (model.duplicates.isEmpty ? .ok : .conflict),
            breadcrumbs: breadcrumbs,
            .unwrap(model.error) { UI.problems($0.message, $0.problems) },
            .form(
                .method(.post), .action(attr(action.path)),
                Layout.csrfField(context),
                .if(!model.duplicates.isEmpty, EntryForm.duplicateWarning(model.duplicates)),
                UI.field("naam", label: "Naam", value: model.name, error: errors["naam"], required: true),
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
                EntryForm.dimensionBoxes(model.dimensions),
                EntryForm.municipalityBoxes(model.municipalities, error: errors["gemeenten"]),
                .button(.type(.submit), .text(model.isNew ? "Organisatie toevoegen" : "Opslaan")))
        )
    }
}
