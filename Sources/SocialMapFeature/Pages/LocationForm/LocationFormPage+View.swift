import AppCore
import Plot
import VitaalDomain

/// The editors' form of a location, with the preview of its position on the map.
enum LocationFormPage {
    static func view(_ model: Model, _ context: PageContext) -> SitePage {
        let errors = model.fieldErrors
        let action: SocialMapURL =
            model.locationID.map { .locationEdit(.value($0)) } ?? .locationNew(.value(model.organisationID))
        let municipalities =
            [SelectOption(value: "", label: "Afleiden uit postcode, plaats of coördinaten")]
            + SocialMap.Municipality.all.map { SelectOption(value: $0.code, label: $0.name) }
        return SitePage(
            model.isNew ? "Locatie toevoegen" : "Locatie \(model.name) bewerken",
            status: model.error == nil ? .ok : .unprocessableEntity,
            breadcrumbs: [
                SocialMapParts.breadcrumb,
                (model.organisationName, SocialMapURL.organisation(.value(model.organisationID)).path)
            ],
            .unwrap(model.error) { UI.problems($0.message, $0.problems) },
            .unwrap(model.preview) { svg in preview(svg, model) },
            .form(
                .method(.post), .action(attr(action.path)),
                Layout.csrfField(context),
                UI.field("naam", label: "Naam van de locatie", value: model.name, error: errors["naam"]),
                SocialMapParts.fieldset(
                    "Adres",
                    [
                        UI.field("adres", label: "Straat en huisnummer", value: model.address, error: errors["adres"]),
                        UI.field(
                            "postcode", label: "Postcode", value: model.postalCode, error: errors["postcode"],
                            hint: "Bijvoorbeeld 8224 AB"),
                        UI.field("plaats", label: "Plaats", value: model.place, error: errors["plaats"])
                    ]),
                EntryForm.select(
                    "gemeente", label: "Gemeente", options: municipalities, selected: model.municipality,
                    error: errors["gemeente"]),
                SocialMapParts.fieldset(
                    "Coördinaten (mag leeg: dan het centrum van de gemeente, benaderd)",
                    [
                        UI.field(
                            "breedtegraad", label: "Breedtegraad", value: model.latitude,
                            error: errors["breedtegraad"], hint: "Bijvoorbeeld 52.5185"),
                        UI.field(
                            "lengtegraad", label: "Lengtegraad", value: model.longitude,
                            error: errors["lengtegraad"], hint: "Bijvoorbeeld 5.4714")
                    ]),
                .div(
                    .class("sm-actions"),
                    .button(
                        .type(.submit), .attribute(named: "name", value: "actie"),
                        .attribute(named: "value", value: "voorbeeld"),
                        .class(model.preview == nil ? "button" : "button button-secondary"),
                        .text(model.preview == nil ? "Toon de positie op de kaart" : "Opnieuw op de kaart tonen")),
                    .if(
                        model.preview != nil,
                        .button(
                            .type(.submit), .attribute(named: "name", value: "actie"),
                            .attribute(named: "value", value: "opslaan"), .class("button"),
                            .text("Klopt: locatie opslaan")))))
        )
    }

    static func preview(_ svg: String, _ model: Model) -> BodyNode {
        let where_ =
            model.position.map { position in
                position.isApproximate
                    ? "Het centrum van de gemeente \(position.municipality.name) (benaderd: er zijn geen coördinaten)."
                    : "Coördinaten \(position.latitude), \(position.longitude) in de gemeente \(position.municipality.name)."
            } ?? ""
        return .div(
            .class("card"),
            .h2(.text("Klopt deze positie?")),
            .p(.text(where_ + " Nog niet opgeslagen: controleer de kaart en kies \"Klopt: locatie opslaan\".")),
            UI.figure(UI.svg(svg), caption: "Voorbeeld van de positie van de locatie op de kaart van Flevoland."))
    }

    /// The map of one point: the municipalities' outlines and the location.
    static func map(_ model: Model, outlines: [RegionFeature]) -> String? {
        guard let position = model.position else { return nil }
        let label = model.name.isEmpty ? "Nieuwe locatie" : model.name
        let map = PointMap(
            text: ChartText(
                title: "Positie van \(label)",
                description: "Kaart van Flevoland met één punt: \(label) in \(position.municipality.name)."),
            outlines: outlines,
            points: [
                PointMap.Point(
                    location: GeoPoint(lon: position.longitude, lat: position.latitude), label: label,
                    category: "Locatie", detail: position.municipality.name)
            ],
            categories: [PointMap.Category(name: "Locatie")], showPointLabels: true, width: 560, maxMapHeight: 480)
        return map.svg()
    }
}
