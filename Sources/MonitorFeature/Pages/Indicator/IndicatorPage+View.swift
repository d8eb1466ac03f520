import AppCore
import Plot

extension IndicatorPage {
    static func view(_ model: Model, _ context: PageContext) -> SitePage {
        SitePage(
            model.name, breadcrumbs: MonitorURL.crumbs,
            .p(
                .class("lead"), .text(model.lead),
                MonitorViews.exampleBadge(model.hasExample), MonitorViews.internalBadge(model.isInternal)),
            formulaNote(model.formula),
            catalogueNotices(model, context),
            .if(
                model.hasExample,
                UI.notice(
                    "warning",
                    "Deze indicator bevat voorbeelddata (verzonnen cijfers, "
                        + "gemarkeerd met ‘voorbeelddata’). Het zijn geen officiële cijfers.")),
            MonitorViews.regionFilter(action: model.route, regions: model.regions, selected: model.regionCode),
            facts(model.facts, regionName: model.regionName),
            comparisons(model),
            .unwrap(model.countNote) { .p(.class("muted"), .text($0)) },
            charts(model),
            definition(model.definition),
            history(model.catalogue.history),
            .unwrap(model.signals) {
                UI.referrers(
                    $0, register: .signals, heading: "Signalen bij deze indicator", id: "signalen",
                    empty: "Geen signaal verwijst naar deze indicator.")
            },
            .h2(.text("Verhalen bij de cijfers")),
            model.stories.isEmpty
                ? .p(.class("muted"), .text("Nog geen verhalen bij deze indicator."))
                : MonitorViews.stories(model.stories),
            MonitorViews.downloads(model.route))
    }

    static func facts(_ facts: Model.Facts, regionName: String) -> BodyNode {
        .div(
            .class("mon-facts"),
            .div(
                .class("card"), .p(.class("muted"), .text("\(regionName), laatste waarde")),
                .p(.class("mon-value"), .text(facts.latest)),
                .p(.text(facts.period), MonitorViews.exampleBadge(facts.isExample))),
            .div(
                .class("card"), .p(.class("muted"), .text("Trend")), .p(MonitorViews.trend(facts.trend)),
                .p(.class("muted"), .text(facts.polarity))),
            .div(
                .class("card"), .p(.class("muted"), .text("Norm")), .p(MonitorViews.norm(facts.norm)),
                .unwrap(facts.normSource) { .p(.class("muted"), .text("Bron norm: \($0)")) }))
    }

    static func comparisons(_ model: Model) -> BodyNode {
        guard !model.comparisons.isEmpty || model.rank != nil else { return .empty }
        return .ul(
            .forEach(model.comparisons) { comparison in
                .li(
                    .span(.class("status status-\(comparison.kind.rawValue)"), .text(comparison.words)),
                    .text(comparison.detail))
            },
            .unwrap(model.rank) { .li(.text($0)) })
    }

    static func charts(_ model: Model) -> BodyNode {
        .group(
            .h2(.text("Ontwikkeling")),
            .div(
                .class("grid-2"),
                UI.figure(
                    UI.svg(model.lineChart.svg()),
                    caption: model.countNote == nil
                        ? "\(model.regionName) vergeleken met Flevoland en Nederland."
                        : "Ontwikkeling van \(model.regionName)."),
                MonitorViews.table(model.lineTable)),
            .h2(.text("Gemeenten vergeleken")),
            .div(
                .class("grid-2"),
                UI.figure(
                    UI.svg(model.barChart.svg()),
                    caption: model.countNote == nil
                        ? "Gemeenten van hoog naar laag; de lijn is Flevoland." : "Gemeenten van hoog naar laag."),
                MonitorViews.table(model.barTable)),
            .h2(.text("Kaart")),
            .div(
                .class("grid-2"),
                UI.figure(
                    UI.svg(model.map.svg()), caption: "Klik op een gemeente om die en haar wijken te kiezen."),
                MonitorViews.table(model.mapTable)),
            .unwrap(model.wijken) { wijken in
                .group(
                    .h2(.text("Wijken van \(wijken.municipality)")),
                    .div(
                        .class("grid-2"),
                        UI.figure(UI.svg(wijken.map.svg()), caption: "Klik op een wijk om die te kiezen."),
                        MonitorViews.table(wijken.table)))
            })
    }

    static func definition(_ terms: [Model.Term]) -> BodyNode {
        .group(
            .h2(.text("Definitie en bron")),
            .dl(
                .class("kv"),
                .forEach(terms) { term in
                    .group(
                        .dt(.text(term.term)),
                        .dd(
                            term.linkedDetail.map(UI.termLinked) ?? .text(term.detail),
                            .if(
                                !term.links.isEmpty,
                                .group(
                                    .text(" — in de bronnencatalogus: "),
                                    .forEach(Array(term.links.enumerated())) { index, link in
                                        .group(
                                            .if(index > 0, .text(", ")),
                                            .a(.href(attr(link.path)), .text(link.title)))
                                    }))))
                }))
    }
}
