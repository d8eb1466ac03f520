import AppCore
import Plot
import VitaalDomain

/// The page of one organisation.
enum OrganisationPage {
    static func view(_ model: Model, _ context: PageContext) -> SitePage {
        let organisation = model.organisation
        return SitePage(
            organisation.name, breadcrumbs: [SocialMapParts.breadcrumb],
            SocialMapParts.notice(model.notice),
            .if(organisation.isExample, .p(UI.badge("voorbeelddata"))),
            SocialMapParts.staleNotice(model.check),
            .unwrap(organisation.description) { .p(.class("lead"), .text($0)) },
            facts(model),
            offers(model.offers),
            .if(
                !model.networks.isEmpty,
                .group(
                    .h2(.text("Netwerken")),
                    .ul(.forEach(model.networks) { .li(SocialMapParts.link(.network(.value($0.id)), $0.name)) }))),
            partners(model.partners),
            .if(model.canEdit, management(model, context))
        )
    }

    static func facts(_ model: Model) -> BodyNode {
        let organisation = model.organisation
        return .dl(
            .class("kv"),
            SocialMapParts.row("Gemeente", model.municipalities),
            SocialMapParts.tagRows(organisation.tags),
            .unwrap(organisation.url) { .group(.dt(.text("Website")), .dd(SocialMapParts.webLink($0))) },
            .unwrap(organisation.email) { .group(.dt(.text("E-mail")), .dd(SocialMapParts.mailLink($0))) },
            SocialMapParts.row("Telefoon", model.phones.joined(separator: ", ")),
            SocialMapParts.row("Contactpersonen", model.contactRoles.joined(separator: ", ")),
            SocialMapParts.checkedRows(model.check)
        )
    }

    static func offers(_ offers: [SocialMap.Service]) -> BodyNode {
        .if(
            !offers.isEmpty,
            .group(
                .h2(.text("Aanbod")),
                .ul(
                    .forEach(offers) { offer in
                        .li(
                            SocialMapParts.link(.offer(.value(offer.id)), offer.name),
                            .text(" (\(offer.kind.label.lowercased()))"))
                    })))
    }

    static func partners(_ partners: [Partner]) -> BodyNode {
        .if(
            !partners.isEmpty,
            .group(
                .h2(.text("Samenwerking met \(partners.count) partijen")),
                .details(
                    .summary(.text("Toon de samenwerkingspartners")),
                    .ul(
                        .forEach(partners) { partner in
                            .li(
                                SocialMapParts.link(
                                    SocialMapURL.entry(partner.id, isOffer: partner.isOffer), partner.name),
                                .span(.class("muted"), .text(" — " + partner.description)))
                        }))))
    }

    static func management(_ model: Model, _ context: PageContext) -> BodyNode {
        let id = model.organisation.id
        return .div(
            .class("card"),
            .h2(.text("Beheer")),
            .p(
                .class("sm-actions"),
                .a(.class("button"), .href(attr(SocialMapURL.organisationEdit(.value(id)).path)), .text("Bewerken")),
                .text(" "),
                .a(.class("button"), .href(attr(SocialMapURL.offerNew(.value(id)).path)), .text("Aanbod toevoegen")),
                .text(" "),
                .a(
                    .class("button"), .href(attr(SocialMapURL.locationNew(.value(id)).path)), .text("Locatie toevoegen")
                ),
                .text(" "),
                .a(
                    .class("button"), .href(attr(SocialMapURL.contactNew(.value(id)).path)),
                    .text("Contactpersoon toevoegen")),
                .text(" "),
                .a(
                    .class("button button-secondary"), .href(attr(SocialMapURL.organisationArchive(.value(id)).path)),
                    .text("Archiveren"))),
            SocialMapParts.buttonForm(
                .organisationChecked(.value(id)),
                "Nog actueel (laatst gecontroleerd: vandaag)", context),
            entries(model, context),
            .h3(.text("Samenwerking toevoegen")),
            .form(
                .method(.post), .action(attr(SocialMapURL.organisationCollaborations(.value(id)).path)),
                Layout.csrfField(context),
                SocialMapParts.selectField("partner", "Samenwerkingspartner", model.partnerOptions, nil),
                UI.field("onderwerp", label: "Onderwerp", required: true),
                UI.field("sinds", label: "Sinds (jjjj-mm-dd, mag leeg)", hint: "Bijvoorbeeld 2024-09-01"),
                .button(.type(.submit), .text("Samenwerking opslaan")))
        )
    }

    /// The organisation's locations and contact persons with their edit links (editors only).
    static func entries(_ model: Model, _ context: PageContext) -> BodyNode {
        .group(
            .if(
                !model.locations.isEmpty,
                .group(
                    .h3(.text("Locaties")),
                    .ul(
                        .forEach(model.locations) { location in
                            .li(
                                .text(location.name ?? location.id),
                                .unwrap(location.address) { .text(" — " + SocialMapText.address($0)) },
                                .text(" "),
                                .a(
                                    .href(attr(SocialMapURL.locationEdit(.value(location.id)).path)),
                                    .text("bewerken")),
                                .text(" · "),
                                .a(
                                    .href(attr(SocialMapURL.locationArchive(.value(location.id)).path)),
                                    .text("archiveren")))
                        }))),
            .if(
                !model.contacts.isEmpty,
                .group(
                    .h3(.text("Contactpersonen (naam en e-mail alleen voor redacteuren)")),
                    .ul(
                        .forEach(model.contacts) { contact in
                            .li(
                                .text(
                                    [contact.role, contact.name, contact.email].compactMap { $0 }
                                        .joined(separator: " — ")),
                                .text(" "),
                                .a(.href(attr(SocialMapURL.contactEdit(.value(contact.id)).path)), .text("bewerken")),
                                .form(
                                    .class("sm-inline"), .method(.post),
                                    .action(attr(SocialMapURL.contactArchive(.value(contact.id)).path)),
                                    Layout.csrfField(context),
                                    .button(
                                        .type(.submit), .class("button button-secondary"),
                                        .attribute(named: "aria-label", value: attr("\(contact.role) archiveren")),
                                        .text("Archiveren"))))
                        })))
        )
    }
}
