import AppCore
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
                    link: .list, "Naar de personeelsplanning"),
                tile(
                    "Acute zorg en aanrijtijden",
                    "Bereikbaarheid van ambulancezorg binnen 15 minuten en de capaciteit bij de groei van Flevoland.",
                    link: .acuteCareModel, "Naar het model acute zorg")))
    }

    static func tile(_ title: String, _ text: String, link: WorkforceURL, _ linkText: String) -> BodyNode {
        .div(.class("tile"), .h2(.text(title)), .p(.text(text)), .a(.href(link.path), .text(linkText)))
    }
}
