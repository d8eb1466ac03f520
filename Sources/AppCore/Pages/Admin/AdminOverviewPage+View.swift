import Plot

extension AdminOverviewPage {
    static func view(_ model: Model, _ context: PageContext) -> SitePage {
        SitePage(
            "Beheer", breadcrumbs: Breadcrumbs.home,
            .div(
                .class("tiles"),
                tile("Gebruikers", "\(model.userCount) accounts", link: SiteURL.adminUsers, "Gebruikers beheren"),
                tile(
                    "Organisaties", "\(model.organisationCount) organisaties", link: SiteURL.adminOrganisations,
                    "Organisaties beheren"),
                tile(
                    "Regio's", "\(model.regionCount) regio's", link: SiteURL.regionImport,
                    "Grenzen importeren (GeoJSON)"),
                tile("Auditlog", "Wie wijzigde wat en wanneer", link: SiteURL.adminAudit, "Auditlog bekijken")),
            .h2(.text("Laatste wijzigingen")),
            AuditTable.view(model.recent))
    }

    static func tile(_ title: String, _ text: String, link: SiteURL, _ label: String) -> BodyNode {
        .div(.class("tile"), .h2(.text(title)), .p(.text(text)), .a(.href(link.path), .text(label)))
    }
}
