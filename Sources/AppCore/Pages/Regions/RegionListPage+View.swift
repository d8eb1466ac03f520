import Plot

extension RegionListPage {
    static func view(_ model: Model, _ context: PageContext) -> SitePage {
        SitePage(
            "Regio's", breadcrumbs: Breadcrumbs.home,
            .p(
                .class("lead"),
                .text(
                    "Vitaal gebruikt de regiocodes van het CBS: land, provincie, gemeente, wijk en "
                        + "buurt, de dienstregio's (GGD-regio, veiligheidsregio, zorgkantoor- en "
                        + "arbeidsmarktregio) en eigen indelingen zoals de subregio's van Zorgzaam Flevoland.")),
            .div(
                .class("grid-2"),
                UI.figure(
                    UI.svg(model.map),
                    caption: model.schematic
                        ? "Schematische omtrekken, geen officiële grenzen."
                        : "Gemeentegrenzen. Bron: CBS/PDOK, gebiedsindelingen 2024 (gegeneraliseerd), CC BY 4.0."),
                table(model.rows)))
    }

    static func table(_ rows: [Model.Row]) -> BodyNode {
        UI.table(
            caption: "\(rows.count) regio's", headers: ["Code", "Naam", "Soort", "Valt onder"],
            rows: rows.map { row in
                [
                    .a(.href(SiteURL.region(.value(row.code)).path), .text(row.code)), .text(row.name),
                    .text(row.kind.label),
                    .text(row.under)
                ]
            })
    }
}
