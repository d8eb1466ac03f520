import Plot
import VitaalDomain

extension RegionPage {
    static func view(_ model: Model, _ context: PageContext) -> SitePage {
        let caption =
            model.schematic
            ? "Schematische omtrek, geen officiële grens."
            : "Bron: CBS/PDOK, gebiedsindelingen 2024 (gegeneraliseerd), CC BY 4.0."
        let map: BodyNode = model.map.map { UI.figure(UI.svg($0), caption: caption) } ?? .empty
        let links: BodyNode =
            model.featureLinks.isEmpty
            ? .empty
            : .ul(.forEach(model.featureLinks) { link in .li(.a(.href(attr(link.path)), .text(link.title))) })
        let members = list("Bestaat uit", model.members)
        let children = list("Onderliggende regio's", model.children)
        let facts = facts(model)
        return SitePage(model.name, breadcrumbs: Breadcrumbs.regions, facts, links, map, members, children)
    }

    static func facts(_ model: Model) -> BodyNode {
        .dl(
            .class("kv"),
            .dt(.text("Code")), .dd(.text(model.code)),
            .dt(.text("Soort")), .dd(.text(model.kindLabel)),
            .dt(.text("Valt onder")),
            .dd(model.parent.map { .a(.href(SiteURL.region(.value($0.code)).path), .text($0.name)) } ?? .text("–")),
            populationNode(model.population),
            .if(
                !model.boundaryVersions.isEmpty,
                .group(
                    .dt(.text("Grensversies")),
                    .dd(.text(model.boundaryVersions.joined(separator: ", ") + " (de kaart toont de huidige grens)")))))
    }

    static func populationNode(_ population: Model.Population?) -> Node<HTML.DescriptionListContext> {
        guard let population else { return .empty }
        let source = population.source.isEmpty ? "" : " — \(population.source)"
        return .group(.dt(.text("Inwoners")), .dd(.text(population.text + source)))
    }

    /// Members or children, with their inhabitants when known (the text alternative of the map).
    static func list(_ title: String, _ links: [Model.Link]) -> BodyNode {
        .if(
            !links.isEmpty,
            .group(
                .h2(.text(title)),
                .ul(
                    .forEach(links) { child in
                        .li(
                            .a(.href(SiteURL.region(.value(child.code)).path), .text("\(child.name) (\(child.code))")),
                            .text(child.inhabitants.map { ": \(DutchNumberFormat.format($0)) inwoners" } ?? ""))
                    }),
                .if(
                    links.contains { $0.inhabitants != nil },
                    .p(.class("muted"), .text("Inwoners op 1 januari 2024. Bron: CBS, tabel 85984NED, CC BY 4.0.")))))
    }
}
