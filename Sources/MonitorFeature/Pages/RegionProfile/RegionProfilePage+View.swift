import AppCore
import Plot

extension RegionProfilePage {
    static func view(_ model: Model, _ context: PageContext) -> SitePage {
        SitePage(
            "Regioprofiel \(model.name)", breadcrumbs: MonitorURL.crumbs,
            .p(
                .class("lead"),
                .text(
                    "Alle indicatoren van de monitors voor \(model.name)"
                        + (model.isMunicipality ? ", naast Flevoland en Nederland." : ", naast Nederland."))),
            .if(
                model.hasExample,
                UI.notice(
                    "warning",
                    "Dit profiel bevat voorbeelddata (verzonnen cijfers, gemarkeerd "
                        + "met ‘voorbeelddata’). Het zijn geen officiële cijfers.")),
            MonitorViews.regionFilter(
                action: MonitorURL.regionChoice, regions: model.regions, selected: model.code,
                label: "Ander regioprofiel"),
            summary(model),
            .group(model.sections.map { section($0, model) }),
            .if(
                !model.stories.isEmpty,
                .group(
                    .h2(.text("Verhalen uit \(model.name)")),
                    MonitorViews.stories(model.stories))),
            MonitorViews.downloads(model.route))
    }

    /// "At a glance" counts next to the location map.
    static func summary(_ model: Model) -> BodyNode {
        .div(
            .class("grid-2"),
            .div(
                .class("card"),
                .p(.class("muted"), .text("In één oogopslag (laatste periode, vergeleken met \(model.reference))")),
                .p(
                    .span(.class("status status-good"), .text("\(model.better) indicatoren beter")), .text(" · "),
                    .span(.class("status status-bad"), .text("\(model.worse) slechter")),
                    .text(" dan \(model.reference)")),
                .p(.class("muted"), .text("Neutrale indicatoren (zonder ‘beter’ of ‘slechter’) tellen niet mee."))),
            UI.figure(UI.svg(model.locationMap?.svg() ?? ""), caption: model.mapCaption))
    }

    static func section(_ section: Model.Section, _ model: Model) -> BodyNode {
        let municipality = model.isMunicipality
        let headers =
            ["Indicator", "Periode", model.name] + (municipality ? ["Flevoland"] : []) + ["Nederland"]
            + (municipality ? ["Rang in Flevoland"] : []) + ["Trend", "Norm"]
        return .group(
            .h2(
                .a(
                    .href(attr(MonitorURL.monitor(.value(section.monitorSlug)).path(region: model.code))),
                    .text(section.monitorName))),
            MonitorViews.table(
                caption: nil, headers: headers,
                widths: municipality ? [19, 8, 14, 10, 10, 10, 13, 16] : [26, 9, 17, 13, 15, 20],
                rows: section.rows.map { row($0, regionCode: model.code) },
                numericColumns: municipality ? [2, 3, 4, 5] : [2, 3]))
    }

    static func row(_ row: Model.Row, regionCode: String) -> [BodyNode] {
        var cells: [BodyNode] = [
            .group(
                .a(.href(attr(MonitorURL.indicator(.value(row.code)).path(region: regionCode))), .text(row.name)),
                MonitorViews.internalBadge(row.isInternal)),
            .text(row.period),
            MonitorViews.value(row.value)
        ]
        if let province = row.province { cells.append(.text(province)) }
        cells.append(.text(row.national))
        if let rank = row.rank { cells.append(.text(rank)) }
        return cells + [MonitorViews.trend(row.trend), MonitorViews.norm(row.norm)]
    }
}
