import AppCore
import Fluent
import VitaalDomain

/// `/monitor/regio/{code}`: every indicator of every monitor for a municipality (or Flevoland) next
/// to Flevoland and the Netherlands, with a location map and the region's stories.
enum RegionProfilePage {
    struct Model: Sendable {
        struct Section: Sendable {
            var monitorSlug: String
            var monitorName: String
            var rows: [Row]
        }

        struct Row: Sendable {
            var code: String
            var name: String
            var isInternal: Bool
            var period: String
            var value: ValueCell
            /// Flevoland's value (municipalities only).
            var province: String?
            var national: String
            /// "3 van 6" (municipalities only).
            var rank: String?
            var trend: TrendCell
            var norm: NormCell
            /// Better (true) or worse (false) than the reference region; nil when neither or unknown.
            var isBetter: Bool?
        }

        var code: String
        var name: String
        var isMunicipality: Bool
        var hasExample: Bool
        var regions: [RegionChoice]
        var locationMap: PointMap?
        var mapCaption: String
        var sections: [Section]
        var stories: [StoryCard]

        var route: MonitorURL { .region(.value(code)) }
        /// Flevoland for a municipality, the Netherlands for Flevoland.
        var reference: String { isMunicipality ? "Flevoland" : "Nederland" }
        var better: Int { sections.flatMap(\.rows).filter { $0.isBetter == true }.count }
        var worse: Int { sections.flatMap(\.rows).filter { $0.isBetter == false }.count }

        static func load(code: String, audience: Audience, on db: any Database) async throws -> Model {
            let source = try await Source.load(code: code, audience: audience, on: db)
            let stories = try await MonitorData.stories(region: source.region.code, on: db)
            return Model(source, stories: stories.map(StoryCard.init))
        }

        /// The `?formaat=` download: the region, Flevoland and the Netherlands.
        static func downloadRows(code: String, audience: Audience, on db: any Database) async throws -> [DataRow] {
            let source = try await Source.load(code: code, audience: audience, on: db)
            let compared = [source.region.code, RegionSet.provinceCode, RegionSet.nationalCode]
                .reduce(into: [String]()) { list, code in if !list.contains(code) { list.append(code) } }
            return MonitorDownloads.rows(
                indicators: source.indicators, values: source.values, regions: source.regions,
                regionCodes: compared, audience: audience)
        }
    }
}

extension RegionProfilePage.Model {
    /// What the page is computed from.
    struct Source {
        var region: Region
        var regions: RegionSet
        var contents: [MonitorData.MonitorContent]
        var indicators: [Indicator]
        var values: [String: IndicatorValues]
        var audience: Audience

        static func load(code: String, audience: Audience, on db: any Database) async throws -> Source {
            let regions = try await RegionSet.load(on: db)
            let code = code.uppercased()
            guard let region = regions.byCode[code], region.regionKind != .land else {
                throw VitaalError(
                    .notFound,
                    "Geen regioprofiel voor \(MonitorText.echo(code)): kies Flevoland of een gemeente.")
            }
            var contents: [MonitorData.MonitorContent] = []
            for monitor in try await MonitorData.monitors(on: db) {
                contents.append(try await MonitorData.content(monitor, for: audience, on: db))
            }
            var seen = Set<String>()
            let indicators = contents.flatMap(\.indicators).filter { seen.insert($0.code).inserted }
            let values = try await MonitorData.values(indicators, audience: audience, on: db)
            return Source(
                region: region, regions: regions, contents: contents, indicators: indicators, values: values,
                audience: audience)
        }

        var isMunicipality: Bool { region.regionKind == .gemeente }
    }

    init(_ source: Source, stories: [StoryCard]) {
        let region = source.region
        code = region.code
        name = region.name
        isMunicipality = source.isMunicipality
        hasExample = source.indicators.contains { source.values[$0.code]?.hasExampleData ?? false }
        regions = source.regions.choiceList
        locationMap = Self.locationMap(region, source.regions)
        let schematic =
            isMunicipality
            ? region.geometrySchematic
            : source.regions.municipalities.contains { $0.geometrySchematic }
        mapCaption =
            schematic
            ? "Schematische omtrek, geen officiële grens."
            : "\(region.name). Grenzen: CBS/PDOK 2024 (gegeneraliseerd), CC BY 4.0."
        sections = source.contents.filter { !$0.indicators.isEmpty }.map { content in
            Section(
                monitorSlug: content.monitor.slug, monitorName: content.monitor.name,
                rows: content.indicators.compactMap { indicator in
                    source.values[indicator.code].map { Self.row(indicator, $0, source) }
                })
        }
        self.stories = stories
    }

    static func row(_ indicator: Indicator, _ values: IndicatorValues, _ source: Source) -> Row {
        let code = source.region.code
        let audience = source.audience
        let polarity = values.definition.polarity
        let latest = values.latest(code)
        let shown = values.display(latest, audience)
        let period = latest?.period
        let province = period.flatMap { values.value(RegionSet.provinceCode, period: $0) }
        let national = period.flatMap { values.value(RegionSet.nationalCode, period: $0) }
        var rank: String?
        if source.isMunicipality {
            rank = "–"
            if let period, !shown.suppressed {
                let drawable = Dictionary(
                    source.regions.municipalities.compactMap { municipality in
                        values.chartValue(values.value(municipality.code, period: period), audience)
                            .map { (municipality.code, $0) }
                    }, uniquingKeysWith: { first, _ in first })
                let ranks = Ranking.ranks(drawable, polarity: polarity)
                if let position = ranks[code] { rank = "\(position) van \(ranks.count)" }
            }
        }
        var isBetter: Bool?
        // An absolute number (a town's inhabitants or referrals) is part of the larger area's total:
        // never "better" or "worse" than it.
        if let value = latest?.value, !shown.suppressed, !values.definition.isAbsoluteNumber,
            let reference = values.chartValue(source.isMunicipality ? province : national, audience)
        {
            isBetter = ReferenceDifference(value: value, reference: reference, polarity: polarity).isBetter
        }
        return Row(
            code: indicator.code, name: indicator.name, isInternal: !indicator.isPublic,
            period: period.map(MonitorText.periodLabel) ?? "–", value: ValueCell(values, latest, audience),
            province: source.isMunicipality ? values.display(province, audience).text : nil,
            national: values.display(national, audience).text, rank: rank,
            trend: TrendCell(values.trend(code, audience)),
            norm: NormCell(values.definition, value: latest?.value, suppressed: shown.suppressed),
            isBetter: isBetter)
    }

    /// The municipalities with the chosen one marked (or all of them for Flevoland).
    static func locationMap(_ region: Region, _ regions: RegionSet) -> PointMap? {
        // A wijk among the other wijken of its municipality.
        if region.regionKind == .wijk, let municipality = regions.municipality(of: region.code) {
            let outlines = RegionMaps.features(regions.wijken(of: municipality))
            guard let chosen = outlines.first(where: { $0.code == region.code }) else { return nil }
            return PointMap(
                text: ChartText(
                    title: "Ligging van \(region.name)",
                    description: "\(region.name) tussen de andere wijken van \(municipality.name)."),
                outlines: outlines,
                points: [.init(location: chosen.geometry.labelPoint, label: chosen.name, category: "Gekozen wijk")],
                categories: [.init(name: "Gekozen wijk", color: MonitorColours.chosenRegion, shape: .circle)],
                showRegionNames: false, showPointLabels: true, width: 420, maxMapHeight: 300)
        }
        let outlines = RegionMaps.features(regions.municipalities)
        guard !outlines.isEmpty else { return nil }
        let points = outlines.filter { $0.code == region.code }.map {
            PointMap.Point(location: $0.geometry.labelPoint, label: $0.name, category: "Gekozen gemeente")
        }
        let description =
            region.regionKind == .gemeente
            ? "\(region.name) tussen de andere gemeenten van Flevoland." : "De gemeenten van Flevoland."
        return PointMap(
            text: ChartText(title: "Ligging van \(region.name)", description: description),
            outlines: outlines, points: points,
            categories: [
                .init(
                    name: "Gekozen gemeente", color: MonitorColours.chosenRegion,
                    shape: .circle)
            ],
            showRegionNames: true, showPointLabels: false, width: 420, maxMapHeight: 300)
    }
}
