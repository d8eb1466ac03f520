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
            SocialMapParts.notice(model.notice),
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
                figures.participantCount < 2,
                .p(
                    .text(
                        "De deelnemers van dit netwerk zijn niet één voor één "
                            + "vastgelegd; er is dus geen netwerkanalyse."))),
            .p(
                SocialMapParts.link(
                    .networks, "Bekijk de positie van de deelnemers in het totale samenwerkingsnetwerk"),
                .text(" · "),
                SocialMapParts.link(.apiNetworkAnalysis(.value(network.id)), "Netwerkanalyse als open data (JSON)")),
            .unwrap(model.signals) {
                UI.referrers(
                    $0, register: .signals, heading: "Signalen uit dit netwerk", id: "signalen",
                    empty: "Geen signaal verwijst naar dit netwerk.")
            },
            .if(model.canEdit, management(model, context)),
            .if(!model.joinOptions.isEmpty || !model.ownMembers.isEmpty, join(model, context))
        )
    }

    static func management(_ model: Model, _ context: PageContext) -> BodyNode {
        let id = model.network.id
        return .div(
            .class("card"),
            .h2(.text("Beheer")),
            .p(
                .a(
                    .class("button"), .href(attr(SocialMapURL.networkEdit(.value(id)).path)),
                    .text("Netwerk en deelnemers bewerken"))),
            SocialMapParts.buttonForm(
                .networkChecked(.value(id)), "Nog actueel (laatst gecontroleerd: vandaag)", context))
    }

    /// "Deelnemen": a partner adds one of its own organisations or offers to the network.
    static func join(_ model: Model, _ context: PageContext) -> BodyNode {
        .div(
            .class("card"),
            .h2(.text("Deelnemen aan dit netwerk")),
            .if(
                !model.ownMembers.isEmpty,
                .ul(
                    .forEach(model.ownMembers) { member in
                        .li(
                            .text(member.label + " neemt deel. "),
                            .form(
                                .class("sm-inline"), .method(.post),
                                .action(attr(SocialMapURL.networkMemberRemove(.value(model.network.id)).path)),
                                Layout.csrfField(context),
                                .input(.type(.hidden), .name("lid"), .value(attr(member.value))),
                                .button(
                                    .type(.submit), .class("button button-secondary"),
                                    .text("\(member.label) uit dit netwerk halen"))))
                    })),
            .if(!model.joinOptions.isEmpty, joinForm(model, context)))
    }

    static func joinForm(_ model: Model, _ context: PageContext) -> BodyNode {
        .form(
            .method(.post), .action(attr(SocialMapURL.networkMembers(.value(model.network.id)).path)),
            Layout.csrfField(context),
            SocialMapParts.selectField("lid", "Uw organisatie of aanbod", model.joinOptions, nil),
            UI.field("rol", label: "Rol in het netwerk (mag leeg)", hint: "Bijvoorbeeld deelnemer of trekker"),
            .button(.type(.submit), .text("Deelnemen")))
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
