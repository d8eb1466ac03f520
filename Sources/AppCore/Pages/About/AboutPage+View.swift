import Plot

/// "Over Vitaal": who it is for and where the data come from. Fixed text, so a view without a model.
enum AboutPage {
    static func view(_ context: PageContext) -> SitePage {
        SitePage("Over Vitaal", breadcrumbs: Breadcrumbs.home, audience(), data(), openData())
    }

    static func audience() -> BodyNode {
        .group(
            .p(
                .class("lead"),
                .text(
                    "Vitaal is een open-source webapplicatie en opdrachtregelprogramma waarmee "
                        + "de provincie Flevoland en haar partners in zorg en welzijn hun werk aan een vitale samenleving "
                        + "plannen, sturen en volgen.")),
            .h2(.text("Voor wie")),
            .ul(
                .li(.text("Beleidsadviseurs en programmamanagers: doelen, realisaties en begrotingen bijhouden.")),
                .li(.text("Onderzoekers: indicatoren importeren, vergelijken en als open data delen.")),
                .li(.text("Statenleden: voortgangsrapportages en het overzicht over alle plannen.")),
                .li(.text("Inwoners: openbare cijfers, de sociale kaart en het spinnenweb van Positieve Gezondheid."))))
    }

    static func data() -> BodyNode {
        .group(
            .h2(.text("Gegevens")),
            .p(
                .text(
                    "De plannen, begrotingen, netwerken en doelen komen uit openbare documenten van de provincie "
                        + "Flevoland, Flever (voorheen CMO Flevoland) en het Regioplan IZA Flevoland. Cijfers die niet uit een "
                        + "bron komen zijn gemarkeerd als voorbeelddata; kaarten met de hand getekende omtrekken als "
                        + "schematisch.")),
            .p(
                .text(
                    "Openbare pagina's tonen nooit persoonsgegevens. Aantallen kleiner dan 5 personen worden op "
                        + "openbare pagina's als ‘<5’ getoond.")))
    }

    static func openData() -> BodyNode {
        .group(
            .h2(.text("Open data")),
            .p(
                .text("Alle openbare gegevens zijn beschikbaar via de "),
                .a(.href(SiteURL.openAPI.path), .text("JSON-API (OpenAPI 3)")), .text(".")))
    }
}
