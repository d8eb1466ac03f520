import Fluent
import VitaalDomain

/// The start page: what Vitaal offers and the municipalities of Flevoland.
enum HomePage {
    struct Model: Sendable, Equatable {
        /// One of the four parts of Vitaal; `available` when its feature is installed (in the navigation).
        struct Capability: Sendable, Equatable {
            var title: String
            var path: String
            var text: String
            var available: Bool
        }

        struct Municipality: Sendable, Equatable {
            var code: String
            var name: String
            /// Inhabitants on 1 January 2024 (CBS KWB 2024).
            var inhabitants: Double?
        }

        var capabilities: [Capability]
        var municipalities: [Municipality]
        /// The municipalities' outlines as SVG (empty when none has one).
        var map: String
        /// The map's caption: boundary source or schematic note.
        var mapCredit: String = ""
    }
}

extension HomePage.Model {
    /// The parts of Vitaal by their navigation titles; an installed feature registers the title with its
    /// path (AppCore does not know the features' URLs), a part not installed says it follows later.
    static let parts: [(title: String, text: String)] = [
        (
            "Monitor",
            "Indicatoren per regio en periode: Brede Welvaart, de transformatie van zorg en "
                + "welzijn (Regioplan IZA) en de arbeidsmarkt. Trends, normen, kaarten en verhalen naast cijfers."
        ),
        (
            "Plannen",
            "Doelenbomen met SMART-doelen en realisaties, begrotingen per programma en "
                + "financieringsbron, de planning- en controlcyclus en rapportages aan Provinciale Staten."
        ),
        (
            "Sociale kaart",
            "Organisaties, initiatieven en netwerken op de kaart, wie centraal staat "
                + "en waar het netwerk kwetsbaar is, en initiatieven die passen bij het spinnenweb van Positieve "
                + "Gezondheid."
        ),
        (
            "Modellen",
            "Regionale personeelsplanning zorg en welzijn tot 2040 en de bereikbaarheid van "
                + "ambulancezorg binnen 15 minuten bij de groei van Flevoland."
        )
    ]

    static func load(on db: any Database, navigation: [NavigationItem]) async throws -> Self {
        let municipalities = try await Region.query(on: db).filter(\.$kind == RegionKind.gemeente.rawValue)
            .sort(\.$sortOrder).sort(\.$name).all()
        return Self(
            capabilities: parts.map { part in
                let path = navigation.first { $0.title == part.title }?.path
                return .init(title: part.title, path: path ?? "", text: part.text, available: path != nil)
            },
            municipalities: municipalities.map {
                .init(code: $0.code, name: $0.name, inhabitants: FlevolandOpenData.population2024($0.code)?.value)
            },
            map: RegionMaps.overview(municipalities), mapCredit: RegionMaps.credit(municipalities))
    }
}
