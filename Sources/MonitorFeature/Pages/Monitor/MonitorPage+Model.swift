import AppCore
import Fluent
import VitaalDomain

/// `/monitor/{slug}?regio=CODE`: per theme a table of the monitor's indicators for one region.
enum MonitorPage {
    struct Model: Sendable {
        struct Section: Sendable {
            var title: String
            var summary: String?
            var rows: [Row]
        }

        struct Row: Sendable {
            var code: String
            var name: String
            var isInternal: Bool
            var unit: String
            var sparkline: Sparkline
            var latest: ValueCell
            var national: String
            var trend: TrendCell
            var norm: NormCell
        }

        var slug: String
        var name: String
        var summary: String
        var hasExample: Bool
        var regions: [RegionChoice]
        var regionCode: String
        var regionName: String
        var sections: [Section]

        var route: MonitorURL { .monitor(.value(slug)) }

        static func load(slug: String, region: String?, audience: Audience, on db: any Database) async throws -> Model {
            let content = try await MonitorData.monitor(slug, for: audience, on: db)
            let regions = try await RegionSet.load(on: db)
            let regionCode = try regions.chosen(region, default: RegionSet.provinceCode)
            let values = try await MonitorData.values(content.indicators, audience: audience, on: db)
            let sections = content.sections.map { section in
                Section(
                    title: section.theme?.name ?? "Overige indicatoren",
                    summary: section.theme.flatMap { $0.summary.isEmpty ? nil : $0.summary },
                    rows: section.indicators.compactMap { indicator in
                        values[indicator.code].map {
                            row(indicator, $0, regionCode: regionCode, regions: regions, audience: audience)
                        }
                    })
            }
            return Model(
                slug: slug, name: content.monitor.name, summary: content.monitor.summary,
                hasExample: content.indicators.contains { values[$0.code]?.hasExampleData ?? false },
                regions: regions.choiceList, regionCode: regionCode, regionName: regions.name(regionCode),
                sections: sections)
        }

        static func row(
            _ indicator: Indicator, _ values: IndicatorValues, regionCode: String, regions: RegionSet,
            audience: Audience
        ) -> Row {
            let latest = values.latest(regionCode)
            let trend = TrendCell(values.trend(regionCode, audience))
            let sparkline = Sparkline(
                text: ChartText(title: "Verloop \(indicator.name), \(regions.name(regionCode))"),
                values: values.series(regionCode).map { values.chartValue($0, audience) },
                color: trend.sparklineColour,
                valueSuffix: indicator.unit == "%" ? "%" : "", decimals: indicator.decimals)
            return Row(
                code: indicator.code, name: indicator.name, isInternal: !indicator.isPublic,
                unit: indicator.unit,
                sparkline: sparkline, latest: ValueCell(values, latest, audience, withPeriod: true),
                national: values.display(values.latest(RegionSet.nationalCode), audience).text, trend: trend,
                norm: NormCell(
                    values.definition, value: latest?.value,
                    suppressed: values.display(latest, audience).suppressed))
        }

        /// The `?formaat=` download: every value of the monitor's indicators in every region.
        static func downloadRows(
            slug: String, region: String?, audience: Audience,
            on db: any Database
        ) async throws -> [DataRow] {
            let content = try await MonitorData.monitor(slug, for: audience, on: db)
            let regions = try await RegionSet.load(on: db)
            _ = try regions.chosen(region, default: RegionSet.provinceCode)
            let values = try await MonitorData.values(content.indicators, audience: audience, on: db)
            return MonitorDownloads.rows(
                indicators: content.indicators, values: values, regions: regions,
                regionCodes: regions.all.map(\.code), audience: audience)
        }
    }
}
