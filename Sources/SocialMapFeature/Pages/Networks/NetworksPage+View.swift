import AppCore
import Plot
import VitaalDomain

/// Networks and collaboration: the network of all collaborations, its analysis and the networks.
enum NetworksPage {
    static func view(_ model: Model, _ context: PageContext) -> SitePage {
        SitePage(
            "Netwerken en samenwerking", breadcrumbs: [SocialMapParts.breadcrumb],
            .p(
                .class("lead"),
                .text(
                    "Welke organisaties en initiatieven werken samen, wie staat centraal in het "
                        + "netwerk en waar is het kwetsbaar?")),
            .p(
                .text(
                    "Het netwerk hieronder verbindt twee partijen als ze samen in een netwerk uit de lijst zitten. "
                        + "\(model.figures.participantCount) partijen, \(model.figures.edgeCount) verbindingen.")),
            model.hasCollaborations
                ? analysis(model.figures) : .p(.text("Er zijn nog geen samenwerkingen vastgelegd.")),
            .h2(.text("Netwerken")),
            .if(
                (context.viewer?.role ?? .lezer) >= .redacteur,
                .p(.a(.class("button"), .href(attr(SocialMapURL.networkNew.path)), .text("Netwerk toevoegen")))),
            networkTable(model.networks)
        )
    }

    static func analysis(_ figures: NetworkFigures) -> BodyNode {
        .group(
            NetworkParts.chart(
                figures,
                caption: "Alle samenwerkingen. Grote knopen met donkere rand staan centraal; "
                    + "oranje ruiten zijn kwetsbare punten."),
            NetworkParts.explanations(figures),
            NetworkParts.centralityTable(figures, limit: 10),
            NetworkParts.communities(figures),
            .p(
                SocialMapParts.link(
                    .apiNetworkAnalysis(.value(CollaborationNetwork.allID)),
                    "Volledige netwerkanalyse als open data (JSON)"))
        )
    }

    static func networkTable(_ networks: [Row]) -> BodyNode {
        let rows = networks.map { network -> [BodyNode] in
            [
                SocialMapParts.link(.network(.value(network.id)), network.name),
                .text(network.goal),
                .text(network.participants),
                .text(network.fleverRole),
                .group(
                    .text(network.check.lastCheckedText ?? "nooit"),
                    .if(network.check.isStale, .group(.text(" "), UI.badge("ouder dan een jaar", kind: "stale"))))
            ]
        }
        return UI.table(
            caption: "Netwerken (Flever jaarplan 2025, Bijlage 1; stand 1 januari 2025)",
            headers: ["Netwerk", "Doel", "Deelnemers", "Rol Flever", "Laatst gecontroleerd"], rows: rows)
    }
}
