import AppCore
import Plot
import VitaalDomain

/// The social map's front page: filters, the map of the offers and the list next to it.
enum MapPage {
    static func view(_ model: Model, _ context: PageContext) -> SitePage {
        SitePage(
            "Sociale kaart", description: "Initiatieven, diensten en netwerken in Flevoland op de kaart",
            .p(
                .class("lead"),
                .text(
                    "Wie doet wat in Flevoland? Initiatieven van inwoners en professionals, "
                        + "diensten en de netwerken waarin organisaties samenwerken.")),
            links(),
            .if(
                (context.viewer?.role ?? .lezer) >= .redacteur,
                .p(
                    .a(
                        .class("button"), .href(attr(SocialMapURL.organisationNew.path)),
                        .text("Organisatie of initiatief toevoegen")))),
            .unwrap(model.problem) { UI.problems($0.message, $0.problems) },
            filterForm(model),
            .div(.class("grid-2"), mapSection(model), listSection(model))
        )
    }

    static func links() -> BodyNode {
        .p(
            SocialMapParts.link(.networks, "Netwerken en samenwerking"), .text(" · "),
            SocialMapParts.link(.spiderWeb, "Vul het spinnenweb van Positieve Gezondheid in"), .text(" · "),
            SocialMapParts.link(.apiInitiatives, "Open data (JSON)"))
    }

    static func filterForm(_ model: Model) -> BodyNode {
        let filter = model.filter
        return .form(
            .class("sm-filters"), .method(.get), .action(SocialMapURL.map.path),
            .attribute(named: "aria-label", value: "Filter het aanbod"),
            SocialMapParts.selectField("thema", "Thema", model.themeOptions, filter.theme),
            SocialMapParts.selectField(
                "dimensie", "Positieve Gezondheid", model.dimensionOptions,
                filter.dimension?.rawValue),
            SocialMapParts.selectField("doelgroep", "Doelgroep", model.targetGroupOptions, filter.targetGroup),
            SocialMapParts.selectField("gemeente", "Gemeente", model.municipalityOptions, filter.municipality),
            SocialMapParts.selectField("soort", "Soort", model.kindOptions, filter.kind?.rawValue),
            .div(.class("field"), .button(.type(.submit), .text("Filteren"))),
            .if(!filter.isEmpty, .div(.class("field"), .a(.href(SocialMapURL.map.path), .text("Alle filters wissen"))))
        )
    }

    static func mapSection(_ model: Model) -> BodyNode {
        let description = "Kaart met \(model.points.count) punten. Dezelfde gegevens staan in de lijst naast de kaart."
        let map = PointMap(
            text: ChartText(title: "Kaart van het aanbod in Flevoland", description: description),
            outlines: model.outlines, points: model.points,
            categories: SocialMap.OfferKind.allCases.map { PointMap.Category(name: $0.label) },
            showPointLabels: model.points.count <= 16, width: 560, maxMapHeight: 560)
        return .div(
            .a(.href("#lijst"), .class("skip-map"), .text("Sla de kaart over en ga naar de lijst")),
            UI.figure(
                UI.svg(map.svg()),
                caption: "Posities zijn benaderd: aanbod zonder adres staat bij het centrum "
                    + "van de gemeente, meerdere punten op één plek zijn er in een kleine kring omheen gezet. "
                    + "Aanbod voor heel Flevoland staat alleen in de lijst."),
            .if(
                !model.notOnMap.isEmpty,
                .p(
                    .class("muted"),
                    .text(
                        "Niet op de kaart (werkt in heel Flevoland): "
                            + model.notOnMap.joined(separator: ", ") + ".")))
        )
    }

    static func listSection(_ model: Model) -> BodyNode {
        let found =
            model.offers.isEmpty
            ? "Geen aanbod gevonden bij deze filters."
            : "\(model.offers.count) keer aanbod gevonden" + (model.filter.isEmpty ? "." : " bij deze filters.")
        return .div(
            .id("lijst"),
            .h2(.text("Lijst van het aanbod")),
            .p(.attribute(named: "role", value: "status"), .text(found)),
            .ul(.class("sm-list"), .forEach(model.offers) { .li(offerItem($0)) })
        )
    }

    static func offerItem(_ offer: Offer) -> BodyNode {
        .group(
            .p(
                .a(.href(attr(SocialMapURL.offer(.value(offer.id)).path)), .strong(.text(offer.name))), .text(" "),
                UI.badge(offer.kindLabel, kind: "schematic"),
                .if(offer.isExample, .group(.text(" "), UI.badge("voorbeelddata"))),
                SocialMapParts.staleBadge(offer.check)),
            .p(.class("muted"), .text("\(offer.organisationName) · \(offer.area)")),
            .if(
                !offer.dimensions.isEmpty,
                .p(.text("Positieve Gezondheid: " + offer.dimensions.joined(separator: ", "))))
        )
    }
}
