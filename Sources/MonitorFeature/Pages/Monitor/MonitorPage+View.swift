import AppCore
import Plot

extension MonitorPage {
    static func view(_ model: Model, _ context: PageContext) -> SitePage {
        SitePage(
            model.name, breadcrumbs: MonitorURL.crumbs,
            .p(.class("lead"), .text(model.summary)),
            .if(
                model.hasExample,
                UI.notice(
                    "warning",
                    "Deze monitor bevat voorbeelddata: verzonnen cijfers om de "
                        + "werking te laten zien, gemarkeerd met ‘voorbeelddata’. Het zijn geen officiële cijfers.")),
            MonitorViews.regionFilter(action: model.route, regions: model.regions, selected: model.regionCode),
            .p(
                .class("muted"),
                .text(
                    "Trend: richting over de laatste 5 perioden (kleinste-kwadratenhelling ten "
                        + "opzichte van het gemiddelde, drempel 1% per periode), beoordeeld met de richting van de indicator. "
                        + "Groen = verbetert, rood = verslechtert, grijs = geen duidelijke trend.")),
            .group(model.sections.map { section($0, model) }),
            MonitorViews.downloads(model.route))
    }

    static func section(_ section: Model.Section, _ model: Model) -> BodyNode {
        .group(
            .h2(.text(section.title)),
            .unwrap(section.summary) { .p(.class("muted"), .text($0)) },
            MonitorViews.table(
                caption: nil,
                headers: ["Indicator", "Verloop", model.regionName, "Nederland", "Trend", "Norm"],
                widths: [22, 15, 18, 11, 14, 20],
                rows: section.rows.map { row($0, regionCode: model.regionCode) },
                numericColumns: [2, 3]))
    }

    static func row(_ row: Model.Row, regionCode: String) -> [BodyNode] {
        [
            .group(
                .a(.href(attr(MonitorURL.indicator(.value(row.code)).path(region: regionCode))), .text(row.name)),
                MonitorViews.internalBadge(row.isInternal),
                .br(), .span(.class("muted"), .text(row.unit))),
            .div(.class("mon-spark"), UI.svg(row.sparkline.svg())),
            MonitorViews.value(row.latest),
            .text(row.national),
            MonitorViews.trend(row.trend),
            MonitorViews.norm(row.norm)
        ]
    }
}
