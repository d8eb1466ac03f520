import AppCore
import Plot
import VitaalDomain

/// The page of one network: its facts, the graph of its participants and their centrality.
enum NetworkPage {
    static func view(_ model: Model, _ context: PageContext) -> SitePage {
        let network = model.network
        let figures = model.figures
        let breadcrumbs = [SocialMapParts.breadcrumb, ("Netwerken", SocialMapURL.networks.path)]
        return SitePage(
            network.name, breadcrumbs: breadcrumbs,
            SocialMapParts.staleNotice(model.check),
            .p(.class("lead"), .text(network.goal)),
            facts(model),
            .if(
                figures.participantCount >= 2,
                .group(
                    NetworkParts.chart(
                        figures, caption: "Deelnemers van \(network.name) en hun onderlinge samenwerking."),
                    NetworkParts.explanations(figures))),
            .if(
                figures.participantCount > 0,
                .group(.h2(.text("Deelnemers")), NetworkParts.centralityTable(figures))),
            .if(
                figures.participantCount == 0,
                .p(
                    .text(
                        "De deelnemers van dit netwerk zijn niet één voor één "
                            + "vastgelegd; er is dus geen netwerkanalyse."))),
            .p(
                SocialMapParts.link(
                    .networks, "Bekijk de positie van de deelnemers in het totale samenwerkingsnetwerk"),
                .text(" · "),
                SocialMapParts.link(.apiNetworkAnalysis(.value(network.id)), "Netwerkanalyse als open data (JSON)"))
        )
    }

    static func facts(_ model: Model) -> BodyNode {
        let network = model.network
        return .dl(
            .class("kv"),
            SocialMapParts.row("Rol van Flever", network.fleverRole),
            .dt(.text("Deelnemers")), .dd(.text(model.participants)),
            SocialMapParts.row("Omschrijving deelnemers", network.participantsDescription),
            SocialMapParts.row("Stand per", network.referenceDate.map(SocialMapDates.dutch)),
            SocialMapParts.row("Bron", network.source),
            SocialMapParts.checkedRows(model.check)
        )
    }
}
