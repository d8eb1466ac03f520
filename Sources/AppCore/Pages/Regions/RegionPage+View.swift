import Plot

extension RegionPage {
    static func view(_ model: Model, _ context: PageContext) -> SitePage {
        SitePage(
            model.name, breadcrumbs: Breadcrumbs.regions,
            facts(model),
            .if(
                !model.featureLinks.isEmpty,
                .ul(.forEach(model.featureLinks) { link in .li(.a(.href(attr(link.path)), .text(link.title))) })),
            .unwrap(model.map) { map in
                UI.figure(
                    UI.svg(map),
                    caption: model.schematic
                        ? "Schematische omtrek, geen officiële grens." : "Omtrek van \(model.name).")
            },
            children(model.children))
    }

    static func facts(_ model: Model) -> BodyNode {
        .dl(
            .class("kv"),
            .dt(.text("Code")), .dd(.text(model.code)),
            .dt(.text("Soort")), .dd(.text(model.kind.label)),
            .dt(.text("Valt onder")),
            .dd(model.parent.map { .a(.href(SiteURL.region(.value($0.code)).path), .text($0.name)) } ?? .text("–")))
    }

    static func children(_ children: [Model.Link]) -> BodyNode {
        .if(
            !children.isEmpty,
            .group(
                .h2(.text("Onderliggende regio's")),
                .ul(
                    .forEach(children) { child in
                        .li(.a(.href(SiteURL.region(.value(child.code)).path), .text("\(child.name) (\(child.code))")))
                    })))
    }
}
