import AppCore
import Plot

extension OverviewPage {
    static func view(_ model: Model, _ context: PageContext) -> SitePage {
        SitePage(
            "Monitor", breadcrumbs: [("Home", SiteURL.home.path)],
            .p(
                .class("lead"),
                .text(
                    "Cijfers per regio en periode over brede welvaart, de transformatie van zorg en "
                        + "welzijn en de arbeidsmarkt in zorg en welzijn. Met trends, normen, vergelijking met Flevoland en "
                        + "Nederland, kaarten en verhalen naast de cijfers.")),
            .if(
                model.hasNoMonitors,
                UI.notice(
                    "info",
                    "Er zijn nog geen monitors. Laad de demodata met ‘vitaal demo’ "
                        + "of importeer gegevens.")),
            .div(.class("tiles"), .group(model.tiles.map(tile))),
            regionProfiles(model.regions),
            openData(),
            .if(model.canEdit, editorLinks()))
    }

    static func tile(_ tile: Model.Tile) -> BodyNode {
        .div(
            .class("tile"),
            .h2(.a(.href(attr(MonitorURL.monitor(.value(tile.slug)).path)), .text(tile.name))),
            .p(.text(tile.summary)),
            .p(.class("muted"), .text("\(tile.themeCount) thema's, \(tile.indicatorCount) indicatoren")))
    }

    static func regionProfiles(_ regions: [RegionChoice]) -> BodyNode {
        .group(
            .h2(.text("Regioprofielen")),
            .p(.text("Alle indicatoren voor één gemeente naast Flevoland en Nederland:")),
            .ul(
                .forEach(regions) { region in
                    .li(.a(.href(attr(MonitorURL.region(.value(region.code)).path)), .text(region.name)))
                }))
    }

    static func openData() -> BodyNode {
        .group(
            .h2(.text("Open data")),
            .p(
                .text("Alle openbare cijfers zijn ook beschikbaar via de "),
                .a(.href(SiteURL.openAPI.path), .text("open data-API")),
                .text(
                    " (\(MonitorURL.apiMonitors.path), \(MonitorURL.apiIndicators.path), \(MonitorURL.apiData.path)). "
                        + "Aantallen kleiner dan 5 worden openbaar als ‘<5’ getoond.")))
    }

    static func editorLinks() -> BodyNode {
        .p(
            .a(.class("button"), .href(MonitorURL.importUpload.path), .text("Gegevens importeren")), .text(" "),
            .a(.href(MonitorURL.importHistory.path), .text("Importgeschiedenis")), .text(" · "),
            .a(.href(MonitorURL.stories.path), .text("Verhalen beheren")), .text(" · "),
            .a(.href(MonitorURL.catalogue.path), .text("Indicatorencatalogus")))
    }
}
