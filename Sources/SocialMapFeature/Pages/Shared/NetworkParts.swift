import AppCore
import Plot
import VitaalDomain

/// View parts of the network pages (only Plot).
enum NetworkParts {
    static func chart(_ figures: NetworkFigures, caption: String) -> BodyNode {
        guard let svg = figures.chart else {
            return .p(
                .class("muted"),
                .text(
                    "Het netwerk heeft \(figures.participantCount) deelnemers; "
                        + "tekeningen maken we tot "
                        + "\(CollaborationNetwork.maxLayoutNodes) deelnemers. "
                        + "De tabel hieronder bevat de analyse."))
        }
        return UI.figure(UI.svg(svg), caption: caption)
    }

    static func explanations(_ figures: NetworkFigures) -> BodyNode {
        .div(
            .class("card"), .h2(.text("Wie staat centraal, waar is het netwerk kwetsbaar?")),
            .ul(.forEach(figures.explanations) { .li(.text($0)) }))
    }

    /// The groups that work together mostly among themselves, with what that means in plain Dutch.
    static func communities(_ figures: NetworkFigures) -> BodyNode {
        guard figures.communities.count > 1 else { return .empty }
        let rows = figures.communities.enumerated().map { i, members -> [BodyNode] in
            [.text("Groep \(i + 1)"), .text("\(members.count)"), .text(members.joined(separator: ", "))]
        }
        return .group(
            .h2(.text("Groepen die vooral onderling samenwerken")),
            .p(
                .text(
                    "Partijen die vaak samen in dezelfde netwerken zitten, vormen samen een groep. Hoe vaker twee "
                        + "partijen elkaar in een netwerk treffen (of een samenwerking melden), hoe sterker hun band "
                        + "telt. Vitaal zoekt de indeling waarin de banden binnen de groepen zo sterk mogelijk zijn "
                        + "vergeleken met toeval (de Louvain-methode, steeds met dezelfde startwaarde, zodat de "
                        + "uitkomst niet verspringt). Een groep is een aanwijzing voor wie elkaar al goed kent, "
                        + "geen officiële indeling.")),
            UI.table(
                caption: "Groepen (grootste eerst; partijen zonder groepsgenoot staan er niet in)",
                headers: ["Groep", "Aantal", "Deelnemers"], rows: rows))
    }

    static func centralityTable(_ figures: NetworkFigures, limit: Int? = nil) -> BodyNode {
        let shown = limit.map { Array(figures.rows.prefix($0)) } ?? figures.rows
        let rows = shown.map { row -> [BodyNode] in
            [
                .a(.href(attr(row.link)), .text(row.name)),
                .text(String(row.degree)),
                .text(DutchNumberFormat.format(row.betweenness, decimals: 3)),
                .text(DutchNumberFormat.format(row.closeness, decimals: 3)),
                .text(row.isArticulationPoint ? "ja" : "")
            ]
        }
        return UI.table(
            caption: limit.map { "De \($0) meest centrale deelnemers" } ?? "Centraliteit per deelnemer",
            headers: [
                "Deelnemer", "Verbindingen", "Tussenpositie (betweenness)", "Nabijheid (closeness)",
                "Kwetsbaar punt"
            ],
            rows: rows, numericColumns: [1, 2, 3])
    }
}
