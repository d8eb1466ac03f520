import Plot
import VitaalDomain

extension HomePage {
    static func view(_ model: Model, _ context: PageContext) -> SitePage {
        SitePage(
            Layout.siteName, showTitle: false,
            description: "Planning, monitoring en sociale kaart voor een vitale samenleving in Flevoland",
            intro(), capabilities(model.capabilities), municipalities(model))
    }

    static func intro() -> BodyNode {
        .section(
            .class("intro"),
            .h1(.text("Samen werken aan een vitale samenleving in Flevoland")),
            .p(
                .class("lead"),
                .text(
                    "Vitaal brengt de plannen, cijfers en netwerken van de provincie, Flever, de GGD, "
                        + "gemeenten en het netwerk Zorgzaam Flevoland samen: wat willen we bereiken, hoe staan we ervoor en "
                        + "wie doet wat.")))
    }

    static func capabilities(_ capabilities: [Model.Capability]) -> BodyNode {
        .div(
            .class("tiles"),
            .forEach(capabilities) { capability in
                .div(
                    .class("tile"),
                    .h2(.text(capability.title)),
                    .p(.text(capability.text)),
                    capability.available
                        ? .a(.href(capability.path), .text("Naar \(capability.title.lowercased())"))
                        : .p(.class("muted"), .text("Volgt in een volgende versie.")))
            })
    }

    static func municipalities(_ model: Model) -> BodyNode {
        .group(
            .h2(.text("Gemeenten in Flevoland")),
            .div(
                .class("grid-2"),
                UI.figure(
                    UI.svg(model.map),
                    caption: "De gemeenten van Flevoland; zie de lijst voor hun regiopagina. \(model.mapCredit)"),
                .div(
                    .ul(
                        .forEach(model.municipalities) { municipality in
                            .li(
                                .a(.href(SiteURL.region(.value(municipality.code)).path), .text(municipality.name)),
                                .text(" (\(municipality.code))"),
                                .unwrap(municipality.inhabitants) {
                                    .text(": \(DutchNumberFormat.format($0)) inwoners")
                                })
                        }),
                    .if(
                        model.municipalities.contains { $0.inhabitants != nil },
                        .p(
                            .class("muted"),
                            .text(
                                "Inwoners op 1 januari 2024. Bron: CBS, tabel 85984NED (Kerncijfers wijken en "
                                    + "buurten 2024), CC BY 4.0."))))))
    }
}
