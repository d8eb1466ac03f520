import Vapor
import Fluent
import Plot
import VitaalDomain

enum HomeController {
    static func home(_ req: Request) async throws -> SitePage {
        let nav = req.application.navigation
        let municipalities = try await Region.query(on: req.db).filter(\.$kind == RegionKind.gemeente.rawValue)
            .sort(\.$sortOrder).sort(\.$name).all()
        let capabilities: [(String, String, String)] = [
            ("Monitor", "/monitor", "Indicatoren per regio en periode: Brede Welvaart, de transformatie van zorg en welzijn (Regioplan IZA) en de arbeidsmarkt. Trends, normen, kaarten en verhalen naast cijfers."),
            ("Plannen", "/plannen", "Doelenbomen met SMART-doelen en realisaties, begrotingen per programma en financieringsbron, de planning- en controlcyclus en rapportages aan Provinciale Staten."),
            ("Sociale kaart", "/sociale-kaart", "Organisaties, initiatieven en netwerken op de kaart, wie centraal staat en waar het netwerk kwetsbaar is, en initiatieven die passen bij het spinnenweb van Positieve Gezondheid."),
            ("Modellen", "/modellen", "Regionale personeelsplanning zorg en welzijn tot 2040 en de bereikbaarheid van ambulancezorg binnen 15 minuten bij de groei van Flevoland."),
        ]
        let available = Set(nav.map(\.path))
        return SitePage(Layout.siteName, showTitle: false, description: "Planning, monitoring en sociale kaart voor een vitale samenleving in Flevoland",
            .section(.class("intro"),
                .h1(.text("Samen werken aan een vitale samenleving in Flevoland")),
                .p(.class("lead"), .text("Vitaal brengt de plannen, cijfers en netwerken van de provincie, Flever, de GGD, gemeenten en het netwerk Zorgzaam Flevoland samen: wat willen we bereiken, hoe staan we ervoor en wie doet wat."))
            ),
            .div(.class("tiles"),
                .forEach(capabilities) { title, path, text in
                    .div(.class("tile"),
                        .h2(.text(title)),
                        .p(.text(text)),
                        available.contains(path)
                            ? .a(.href(path), .text("Naar \(title.lowercased())"))
                            : .p(.class("muted"), .text("Volgt in een volgende versie.")))
                }
            ),
            .h2(.text("Gemeenten in Flevoland")),
            .div(.class("grid-2"),
                UI.figure(UI.svg(RegionMaps.overview(municipalities)), caption: "De zes gemeenten van Flevoland; zie de lijst voor hun regiopagina."),
                .ul(.forEach(municipalities) { r in .li(.a(.href("/regios/\(r.code)"), .text(r.name)), .text(" (\(r.code))")) })
            )
        )
    }

    static func about(_ req: Request) -> SitePage {
        SitePage("Over Vitaal", breadcrumbs: [("Home", "/")],
            .p(.class("lead"), .text("Vitaal is een open-source webapplicatie en opdrachtregelprogramma waarmee de provincie Flevoland en haar partners in zorg en welzijn hun werk aan een vitale samenleving plannen, sturen en volgen.")),
            .h2(.text("Voor wie")),
            .ul(
                .li(.text("Beleidsadviseurs en programmamanagers: doelen, realisaties en begrotingen bijhouden.")),
                .li(.text("Onderzoekers: indicatoren importeren, vergelijken en als open data delen.")),
                .li(.text("Statenleden: voortgangsrapportages en het overzicht over alle plannen.")),
                .li(.text("Inwoners: openbare cijfers, de sociale kaart en het spinnenweb van Positieve Gezondheid."))
            ),
            .h2(.text("Gegevens")),
            .p(.text("De plannen, begrotingen, netwerken en doelen komen uit openbare documenten van de provincie Flevoland, Flever (voorheen CMO Flevoland) en het Regioplan IZA Flevoland. Cijfers die niet uit een bron komen zijn gemarkeerd als voorbeelddata; kaarten met de hand getekende omtrekken als schematisch.")),
            .p(.text("Openbare pagina's tonen nooit persoonsgegevens. Aantallen kleiner dan 5 personen worden op openbare pagina's als ‘<5’ getoond.")),
            .h2(.text("Open data")),
            .p(.text("Alle openbare gegevens zijn beschikbaar via de "), .a(.href("/api/v1/openapi.json"), .text("JSON-API (OpenAPI 3)")), .text("."))
        )
    }
}
