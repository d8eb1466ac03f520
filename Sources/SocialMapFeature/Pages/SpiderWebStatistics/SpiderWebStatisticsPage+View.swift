import AppCore
import Plot
import VitaalDomain

/// Anonymised averages of the stored spider webs, for logged-in professionals.
enum SpiderWebStatisticsPage {
    static func view(_ model: Model, _ context: PageContext) -> SitePage {
        SitePage(
            "Spinnenweb: geanonimiseerde uitkomsten",
            breadcrumbs: [SocialMapParts.breadcrumb, ("Spinnenweb", SocialMapURL.spiderWeb.path)],
            .p(
                .class("lead"),
                .text(
                    "Gemiddelde cijfers van inwoners die hun spinnenweb met toestemming lieten "
                        + "bewaren. Groepen van minder dan 5 inwoners tonen we niet; om ze ook niet uit "
                        + "het totaal te laten afleiden, verbergen we dan ook de kleinste andere "
                        + "gemeente(n). Aantallen zijn afgerond op 5, gemiddelden op één decimaal.")),
            UI.badge("intern", kind: "internal"),
            model.isEmpty ? .p(.text("Er zijn nog geen spinnenwebben bewaard.")) : table(model.rows),
            .unwrap(model.totalMeans) { chart($0) },
            .p(
                .class("muted"),
                .text(
                    "Bewaard worden alleen de zes cijfers, de gemeente en de maand. Het "
                        + "aantal is een zelfselectie van inwoners, geen steekproef."))
        )
    }

    static func table(_ rows: [Row]) -> BodyNode {
        UI.table(
            caption: "Gemiddelde score per gemeente (0–10)",
            headers: ["Gemeente", "Aantal"] + RadarChart.positiveHealthAxes,
            rows: rows.map { row in [.text(row.name), .text(row.count)] + row.means.map { .text($0) } },
            numericColumns: Set(1...7))
    }

    static func chart(_ means: [Double?]) -> BodyNode {
        let radar = RadarChart(
            text: ChartText(title: "Gemiddeld spinnenweb, Flevoland"),
            profiles: [RadarChart.Profile(name: "Gemiddelde", values: means)], width: 480)
        return UI.figure(UI.svg(radar.svg()), caption: "Gemiddelde van alle bewaarde spinnenwebben in Flevoland.")
    }
}
