import AppCore
import MonitorFeature
import Plot

/// The "Modellen" index: one tile per model. It has no data, so no model.
enum ModelsIndexPage {
    static func view(_ context: PageContext) -> SitePage {
        SitePage(
            "Modellen", breadcrumbs: [("Home", SiteURL.home.path)],
            .p(
                .class("lead"),
                .text(
                    "Rekenmodellen die regionale plannen onderbouwen: hoeveel zorg- en welzijnspersoneel "
                        + "is er nodig en beschikbaar, en is ambulancezorg overal binnen 15 minuten?")),
            .div(
                .class("tiles"),
                tile(
                    "Personeelsplanning zorg en welzijn",
                    "Regionale strategische personeelsplanning (RSPP): vraag en aanbod van personeel per sector tot "
                        + "2040, met hefbomen, scenario's en onzekerheid.",
                    link: WorkforceURL.list, "Naar de personeelsplanning"),
                tile(
                    "Acute zorg en aanrijtijden",
                    "Bereikbaarheid van ambulancezorg binnen 15 minuten en de capaciteit bij de groei van Flevoland.",
                    link: WorkforceURL.acuteCareModel, "Naar het model acute zorg"),
                // Both models read this projection; the monitor shows it per municipality and year.
                tile(
                    "Bevolkingsprognose",
                    "Eén prognose van de inwoners per gemeente, leeftijdsgroep en jaar tot 2040, waarmee beide "
                        + "modellen rekenen: basisvariant +16 % (Regioplan IZA), hoge variant 540.000 in 2035 (Flever).",
                    link: MonitorURL.indicator(.value("prognose_inwoners")), "Naar de prognose in de monitor")))
    }

    static func tile(_ title: String, _ text: String, link: some SiteRoute, _ linkText: String) -> BodyNode {
        .div(.class("tile"), .h2(.text(title)), .p(.text(text)), .a(.href(link.path), .text(linkText)))
    }
}
