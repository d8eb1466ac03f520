import Plot

extension AdminAuditPage {
    static func view(_ model: Model, _ context: PageContext) -> SitePage {
        SitePage(
            "Auditlog", breadcrumbs: Breadcrumbs.admin,
            .p(.text("\(model.total) registraties, pagina \(model.page) van \(model.pages).")),
            AuditTable.view(model.rows),
            pager(model))
    }

    static func pager(_ model: Model) -> BodyNode {
        .nav(
            .class("pager"), .attribute(named: "aria-label", value: "Paginering"),
            .if(model.page > 1, .a(.href(pageLink(model.page - 1)), .text("← Nieuwer"))),
            .if(model.page < model.pages, .a(.href(pageLink(model.page + 1)), .text("Ouder →"))))
    }

    static func pageLink(_ page: Int) -> String {
        SiteURL.adminAudit.path(query: [("pagina", String(page))])
    }
}
