import AppCore
import Plot
import VitaalDomain

/// The page of one service or initiative.
enum OfferPage {
    static func view(_ model: Model, _ context: PageContext) -> SitePage {
        let offer = model.offer
        return SitePage(
            offer.name, breadcrumbs: [SocialMapParts.breadcrumb],
            SocialMapParts.notice(model.notice),
            .p(
                UI.badge(offer.kind.label, kind: "schematic"),
                .if(offer.isExample, .group(.text(" "), UI.badge("voorbeelddata")))),
            SocialMapParts.staleNotice(model.check),
            .unwrap(offer.description) { .p(.class("lead"), .text($0)) },
            facts(model),
            locations(model.locations),
            networks(model.networks),
            .if(model.canEdit, management(model, context))
        )
    }

    static func facts(_ model: Model) -> BodyNode {
        let offer = model.offer
        let contacts = model.contactRoles.joined(separator: ", ")
        return .dl(
            .class("kv"),
            .dt(.text("Organisatie")),
            .dd(SocialMapParts.link(.organisation(.value(offer.organisationID)), model.organisationName)),
            .dt(.text("Werkgebied")), .dd(.text(model.area)),
            SocialMapParts.tagRows(offer.tags),
            SocialMapParts.row("Status", offer.status.map(SocialMapText.statusLabel)),
            .unwrap(offer.url) { .group(.dt(.text("Website")), .dd(SocialMapParts.webLink($0))) },
            .unwrap(offer.email) { .group(.dt(.text("E-mail")), .dd(SocialMapParts.mailLink($0))) },
            SocialMapParts.row("Telefoon", model.phones.joined(separator: ", ")),
            SocialMapParts.row("Contact", contacts.isEmpty ? nil : contacts + " (via de organisatie)"),
            SocialMapParts.checkedRows(model.check)
        )
    }

    static func locations(_ locations: [SocialMap.Location]) -> BodyNode {
        .if(
            !locations.isEmpty,
            .group(
                .h2(.text("Locaties")),
                .ul(
                    .forEach(locations) { location in
                        .li(
                            .text(location.name ?? location.id),
                            .unwrap(location.address) { .text(" — " + SocialMapText.address($0)) },
                            .if(
                                location.positionIsApproximate,
                                .span(.class("muted"), .text(" (positie benaderd: centrum van de gemeente)"))))
                    })
            ))
    }

    static func networks(_ networks: [SocialMap.Network]) -> BodyNode {
        .if(
            !networks.isEmpty,
            .group(
                .h2(.text("Netwerken van de organisatie")),
                .ul(.forEach(networks) { .li(SocialMapParts.link(.network(.value($0.id)), $0.name)) })
            ))
    }

    static func management(_ model: Model, _ context: PageContext) -> BodyNode {
        let id = model.offer.id
        return .div(
            .class("card"),
            .h2(.text("Beheer")),
            .p(
                .a(.class("button"), .href(attr(SocialMapURL.offerEdit(.value(id)).path)), .text("Bewerken")),
                .text(" "),
                .a(
                    .class("button button-secondary"), .href(attr(SocialMapURL.offerArchive(.value(id)).path)),
                    .text("Archiveren"))),
            SocialMapParts.buttonForm(
                .offerChecked(.value(id)), "Nog actueel (laatst gecontroleerd: vandaag)",
                context)
        )
    }
}
