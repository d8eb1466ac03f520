import Plot

extension RegionImportPage {
    /// `context` must carry a CSRF token: the upload sends it in the query (a multipart body is read
    /// by the handler, after the CSRF check).
    static func view(_ model: Model, _ context: PageContext) -> SitePage {
        SitePage(
            "Grenzen importeren", status: model.status, breadcrumbs: Breadcrumbs.admin,
            .p(
                .text(
                    "Upload een GeoJSON-bestand met regiogrenzen zoals PDOK en CBS die publiceren (eigenschappen "
                        + "statcode en statnaam, geometrie Polygon of MultiPolygon, WGS84 of RD New). Bestaande regio's "
                        + "krijgen de nieuwe omtrek; nieuwe wijken en buurten worden onder hun gemeente of wijk toegevoegd. "
                        + "Het bestand wordt in zijn geheel geweigerd als er één fout in staat.")),
            .unwrap(model.result) { UI.notice("success", $0) },
            .unwrap(model.error) { UI.problems($0.message, $0.problems) },
            form(model, context))
    }

    static func form(_ model: Model, _ context: PageContext) -> BodyNode {
        .form(
            .method(.post), .action(attr(SiteURL.regionImport.path(query: [("csrf", context.csrfToken)]))),
            .enctype(.multipartData), .class("card"),
            .div(
                .class("field"), .label(.for("f-file"), .text("GeoJSON-bestand")),
                .input(
                    .type(.file), .id("f-file"), .name("file"),
                    .attribute(named: "accept", value: ".geojson,.json,application/geo+json"), .required(true))),
            UI.field(
                "jaar", label: "Geldig vanaf jaar (optioneel)", value: model.yearText, error: model.fieldErrors["jaar"],
                hint: "Leeg: de huidige grenzen worden vervangen. Met een jaar (1900–2100): een nieuwe grensversie "
                    + "vanaf dat jaar; kaarten van eerdere jaren houden hun eigen grenzen.",
                attributes: [.attribute(named: "inputmode", value: "numeric")]),
            AdminController.checkbox(
                "volledig", label: "Volledig bestand voor dat jaar", checked: model.complete,
                error: model.fieldErrors["volledig"],
                hint: "Het bestand bevat alle regio's van zijn soort (bijv. alle gemeenten) voor dat jaar: codes die "
                    + "ontbreken, bijvoorbeeld na een herindeling, eindigen het jaar ervoor."),
            .button(.type(.submit), .text("Importeren")))
    }
}
