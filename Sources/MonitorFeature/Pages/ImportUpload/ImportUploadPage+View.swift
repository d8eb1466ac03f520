import AppCore
import Plot

extension ImportUploadPage {
    static func view(_ model: Model, _ context: PageContext) -> SitePage {
        SitePage(
            "Gegevens importeren", status: model.status, breadcrumbs: MonitorURL.crumbs,
            .p(
                .class("lead"),
                .text(
                    "Upload indicatorwaarden als CSV of Excel (xlsx): het lange formaat "
                        + "(indicator;regio;periode;waarde, met optioneel status, opmerking en reden) of een CSV-download van "
                        + "CBS StatLine met een mapping-bestand (JSON) dat de kolommen aan indicatorcodes koppelt. In een "
                        + "xlsx-bestand staat de tabel op het eerste blad of op het blad dat u noemt; formules en "
                        + "samengevoegde cellen worden geweigerd met de celverwijzing.")),
            .p(
                .text(
                    "Scheidingsteken puntkomma, komma of tab; decimaalkomma of -punt (één per bestand); UTF-8 met of "
                        + "zonder BOM. Het bestand wordt in zijn geheel geweigerd als er één fout in staat: dan wordt er niets "
                        + "opgeslagen en ziet u per fout het bestand, de regel, de kolom en de reden (de eerste 50).")),
            .unwrap(model.result) { UI.notice("success", $0) },
            .unwrap(model.error) { UI.problems($0.message, $0.problems) },
            form(csrfToken: context.csrfToken ?? ""),
            .p(
                .a(.href(MonitorURL.importHistory.path), .text("Importgeschiedenis en ongedaan maken")),
                .text(" · "), .a(.href(MonitorURL.overview.path), .text("Terug naar de monitor"))))
    }

    /// The multipart form. Its CSRF token travels in the query (`?csrf=`): the body is streamed to
    /// disk and never read by the CSRF middleware.
    static func form(csrfToken: String) -> BodyNode {
        .form(
            .method(.post), .action(attr(MonitorURL.importUpload.path(query: [("csrf", csrfToken)]))),
            .enctype(.multipartData), .class("card"),
            .div(
                .class("field"), .label(.for("f-file"), .text("CSV- of xlsx-bestand")),
                .input(
                    .type(.file), .id("f-file"), .name("file"),
                    .attribute(
                        named: "accept",
                        value:
                            ".csv,.txt,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                    ),
                    .required(true))),
            .div(
                .class("field"),
                .label(.for("f-sheet"), .text("Blad (alleen voor xlsx; leeg = het eerste blad)")),
                .input(.type(.text), .id("f-sheet"), .name("blad"), .attribute(named: "maxlength", value: "100"))),
            .div(
                .class("field"),
                .label(.for("f-mapping"), .text("Mapping (alleen voor CBS StatLine-bestanden, JSON)")),
                .input(
                    .type(.file), .id("f-mapping"), .name("mapping"),
                    .attribute(named: "accept", value: ".json,application/json"))),
            .div(
                .class("field"),
                .label(
                    .input(.type(.checkbox), .name("replace"), .value("ja")),
                    .text(
                        " Bestaande waarden vervangen (zonder dit vinkje wordt een bestand met al opgeslagen "
                            + "waarden geweigerd)"))),
            .button(.type(.submit), .text("Importeren")))
    }
}
