import AppCore
import Plot
import VitaalDomain

extension CataloguePage {
    static func view(_ model: Model, _ context: PageContext) -> SitePage {
        SitePage(
            "Indicatoren", breadcrumbs: MonitorURL.crumbs,
            .unwrap(model.notice) { UI.notice("success", $0.text) },
            .p(
                .class("lead"),
                .text(
                    "De catalogus van alle indicatoren: wat ze meten, in welke eenheid, van wie ze zijn en "
                        + "in welke monitors en thema's ze staan.")),
            actions(model),
            filterForm(model),
            table(model))
    }

    static func actions(_ model: Model) -> BodyNode {
        guard model.canCreate else { return .empty }
        return .p(
            .class("no-print"),
            .a(.class("button"), .href(MonitorURL.catalogueNew.path), .text("Nieuwe indicator")),
            .if(
                model.canManageStructure,
                .group(.text(" "), .a(.href(MonitorURL.structure.path), .text("Monitors en thema's beheren")))))
    }

    static func filterForm(_ model: Model) -> BodyNode {
        let filters = model.filters
        func all(_ options: [(value: String, label: String)]) -> [(value: String, label: String)] {
            [(value: "", label: "alle")] + options
        }
        return .form(
            .method(.get), .action(MonitorURL.catalogue.path), .class("mon-filter mon-catalogue-filter no-print"),
            UI.field("zoek", label: "Zoeken", type: .search, value: filters.search),
            select("thema", "Thema", all(model.themes.map { ($0.value, $0.label) }), filters.theme),
            select(
                "niveau", "Niveau", all(IndicatorLevel.allCases.map { ($0.rawValue, $0.dutchLabel) }), filters.level),
            select("eigenaar", "Eigenaar", all(model.owners.map { ($0.value, $0.label) }), filters.owner),
            select(
                "zichtbaarheid", "Zichtbaarheid", all([("public", "openbaar"), ("internal", "intern")]),
                filters.visibility),
            select(
                "status", "Status", all(IndicatorStatus.allCases.map { ($0.rawValue, $0.dutchLabel) }), filters.status),
            .button(.type(.submit), .class("button-secondary"), .text("Filter")),
            .if(!filters.isEmpty, .a(.href(MonitorURL.catalogue.path), .text("Alle indicatoren"))))
    }

    static func select<C: HTML.BodyContext>(
        _ name: String, _ label: String, _ options: [(value: String, label: String)],
        _ selected: String
    ) -> Node<C> {
        .div(
            .class("field"), .label(.for(attr("f-\(name)")), .text(label)),
            UI.select(name, options: options, selected: selected))
    }

    static func table(_ model: Model) -> BodyNode {
        let caption =
            model.rows.count == model.total
            ? "\(model.total) indicatoren" : "\(model.rows.count) van \(model.total) indicatoren"
        // The column of edit links only for someone who may change an indicator in the list.
        let editable = model.rows.contains(where: \.canEdit)
        guard !model.rows.isEmpty else {
            return .p(.class("muted"), .text("Geen indicatoren gevonden (\(caption))."))
        }
        return UI.table(
            caption: caption,
            headers: ["Indicator", "Eenheid", "Niveau", "Eigenaar", "Zichtbaarheid", "Status", "Thema's"]
                + (editable ? ["Wijzigen"] : []),
            rows: model.rows.map { Array(row($0).prefix(editable ? 8 : 7)) })
    }

    static func row(_ row: Model.Row) -> [BodyNode] {
        [
            .group(
                .a(.href(attr(MonitorURL.indicator(.value(row.code)).path)), .text(row.name)),
                .code(.class("mon-code"), .text(row.code))),
            .text(row.unit),
            .text(row.level),
            .text(row.owner),
            .text(row.isPublic ? "openbaar" : "intern"),
            statusBadge(row.status),
            row.themes.isEmpty ? .text("–") : .ul(.class("mon-plain"), .forEach(row.themes) { .li(.text($0)) }),
            row.canEdit
                ? .a(
                    .href(attr(MonitorURL.catalogueEdit(.value(row.code)).path)), .text("Bewerken"),
                    .span(.class("visually-hidden"), .text(" \(row.name)")))
                : .text("")
        ]
    }

    static func statusBadge(_ status: IndicatorStatus) -> BodyNode {
        switch status {
        case .actief: .text(status.dutchLabel)
        case .concept: UI.badge("concept", kind: "concept")
        case .vervallen: UI.badge("vervallen", kind: "retired")
        }
    }
}
