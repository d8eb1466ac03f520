import AppCore
import Plot
import VitaalDomain

/// The resident's spider web and the initiatives that fit it.
enum SpiderWebResultPage {
    static func view(_ model: Model, _ context: PageContext) -> SitePage {
        SitePage(
            "Uw spinnenweb", breadcrumbs: [SocialMapParts.breadcrumb, ("Spinnenweb", SocialMapURL.spiderWeb.path)],
            storageNotice(model),
            .div(.class("grid-2"), chart(model), .div(observations(model), searchAgain(model, context))),
            .h2(.text("Initiatieven die bij u passen" + (model.place.isEmpty ? "" : " (vanuit \(model.place))"))),
            matches(model.items),
            .p(
                .class("muted"),
                .text(
                    "Afstanden zijn hemelsbreed en benaderd: vanaf het midden van uw gemeente of "
                        + "postcodegebied tot de plaats van het initiatief. Volgorde: hoe beter het past "
                        + "bij uw lage cijfers en hoe dichterbij, hoe hoger.")),
            .p(
                SocialMapParts.link(.spiderWeb, "Opnieuw invullen"), .text(" · "),
                SocialMapParts.link(.map, "Naar de sociale kaart"))
        )
    }

    static func storageNotice(_ model: Model) -> BodyNode {
        switch model.storage {
        case .stored:
            let municipality = SocialMapText.municipalityName(model.form.municipality ?? "")
            return UI.notice(
                "success",
                "Opgeslagen met uw toestemming: alleen uw zes cijfers, uw gemeente "
                    + "(\(municipality)) en de maand. Geen naam, adres, postcode of datum.")
        case .limited:
            return UI.notice(
                "info",
                "Er is niets opgeslagen: vanuit deze browser is het afgelopen uur al een "
                    + "spinnenweb bewaard. Uw uitkomst staat hieronder.")
        case .notAsked:
            return UI.notice("info", "Er is niets opgeslagen. Deze pagina verdwijnt als u hem sluit.")
        }
    }

    static func chart(_ model: Model) -> BodyNode {
        let scores = model.scores
        let description =
            "Uw cijfers: "
            + PositiveHealthDimension.allCases
            .map { "\($0.label) \(format(scores[$0]))" }.joined(separator: ", ") + "."
        let radar = RadarChart(
            text: ChartText(title: "Uw spinnenweb", description: description),
            profiles: [RadarChart.Profile(name: "Uw cijfer", values: scores.values)], width: 520)
        return UI.figure(
            UI.svg(radar.svg()),
            caption: "Uw cijfers van 0 tot 10 op de zes onderdelen van Positieve Gezondheid.")
    }

    static func observations(_ model: Model) -> BodyNode {
        let lowest = model.lowest.map { "\($0.dimension.label) (\(format($0.score)))" }
        let focus = model.form.focus
        return .group(
            .h2(.text("Wat valt op?")),
            .p(.text("Het laagst scoort u op " + NetworkAnalysis.dutchList(lowest) + ".")),
            .p(
                .text(
                    focus.isEmpty
                        ? "U heeft nog niet gekozen waar u aan wilt werken; we zoeken bij al uw lage cijfers."
                        : "U wilt werken aan: " + NetworkAnalysis.dutchList(focus.sorted().map(\.label)) + "."))
        )
    }

    /// The same answers with another focus.
    static func searchAgain(_ model: Model, _ context: PageContext) -> BodyNode {
        .form(
            .method(.post), .action(SocialMapURL.spiderWeb.path), Layout.csrfField(context),
            .forEach(PositiveHealthDimension.allCases) { dimension in
                .input(.type(.hidden), .name(dimension.rawValue), .value(format(model.scores[dimension])))
            },
            .unwrap(model.form.municipality) { .input(.type(.hidden), .name("gemeente"), .value(attr($0))) },
            .unwrap(model.form.postcode) { .input(.type(.hidden), .name("postcode"), .value(attr($0))) },
            SpiderWebPage.focusFieldset(model.form.focus),
            .button(.type(.submit), .text("Zoek opnieuw")))
    }

    static func matches(_ items: [Item]) -> BodyNode {
        guard !items.isEmpty else {
            return .p(
                .text(
                    "We vonden geen initiatief dat past bij wat u koos. Kies een ander onderwerp of kijk op de "
                        + "sociale kaart."))
        }
        return .ol(
            .class("sm-list"),
            .forEach(items) { item in
                .li(
                    .p(
                        .a(.href(attr(SocialMapURL.offer(.value(item.id)).path)), .strong(.text(item.name))),
                        .unwrap(item.kindLabel) { .group(.text(" "), UI.badge($0, kind: "schematic")) }),
                    .p(.text("Waarom: " + item.reason)),
                    .unwrap(item.description) { .p(.class("muted"), .text($0)) })
            })
    }
}
