import AppCore
import Fluent
import Vapor
import VitaalDomain

/// `/monitor/indicator/{code}?regio=CODE`: key facts, line chart, municipalities compared (bars and
/// map), definition and stories of one indicator.
enum IndicatorPage {
    static func route(_ code: String) -> MonitorURL { .indicator(.value(code)) }

    struct Model: Sendable {
        struct Facts: Sendable, Equatable {
            var latest: String
            var period: String
            var isExample: Bool
            var trend: TrendCell
            var polarity: String
            var norm: NormCell
            var normSource: String?
        }

        /// "beter dan Flevoland: +1,2 (Flevoland 70,1)".
        struct Comparison: Sendable, Equatable {
            var kind: StatusKind
            var words: String
            var detail: String
        }

        struct Term: Sendable, Equatable {
            var term: String
            var detail: String
            /// The detail with the definition list's terms linked (the definition only).
            var linkedDetail: [TermLinks.Segment]? = nil
            /// Pages shown after the detail: the data-source catalogue's entries behind "Bron".
            var links: [RegisterReading.Link] = []
        }

        var code: String
        var name: String
        var lead: String
        var hasExample: Bool
        var isInternal: Bool
        var regions: [RegionChoice]
        var regionCode: String
        var regionName: String
        var facts: Facts
        var comparisons: [Comparison]
        /// For counts: why the region is not compared with Flevoland and the Netherlands.
        var countNote: String?
        var rank: String?
        var lineChart: LineChart
        var lineTable: DataTable
        var barChart: BarChart
        var barTable: DataTable
        var map: ChoroplethMap
        var mapTable: DataTable
        /// The chosen municipality's wijken (map and table), when the indicator has wijk values.
        var wijken: WijkView?
        var definition: [Term]
        var stories: [StoryCard]
        /// A derived indicator's formula ("Berekend: …", with links to the inputs).
        var formula: DerivedValues.Note? = nil
        /// Status, "vervangt" links and version history (#15).
        var catalogue = Catalogue()
        /// The signals that name the indicator (#18): logged-in viewers only, nil for anonymous
        /// visitors and in an application without the registers.
        var signals: [RegisterReading.Referrer]? = nil

        var route: MonitorURL { IndicatorPage.route(code) }

        /// `registers` (when the application has them) links the definition's terms to the
        /// definition list and "Bron" to the data-source catalogue, and lists the signals that
        /// name the indicator for logged-in viewers (the internal audience).
        static func load(
            code: String, region: String?, audience: Audience, registers: RegisterReading? = nil, on db: any Database
        ) async throws -> Model {
            let source = try await Source.load(code: code, region: region, audience: audience, on: db)
            let stories = try await MonitorData.stories(indicator: source.indicator.code, on: db)
            let owner = try await source.indicator.$owner.get(on: db)
            var model = Model(source, stories: stories.map(StoryCard.init), ownerName: owner?.name)
            model.formula = try await DerivedValues.note(source.indicator, audience: audience, on: db)
            model.catalogue = try await Catalogue.load(source.indicator, audience: audience, on: db)
            if let registers {
                model.linkRegisters(
                    glossary: try await registers.glossary(db),
                    sources: try await registers.dataSources(source.indicator.code, source.indicator.source, db))
                if audience == .internal {
                    model.signals = try await registers.referrers(
                        .indicators, [source.indicator.code], in: [.signals], loggedIn: true, on: db)
                }
            }
            return model
        }

        mutating func linkRegisters(glossary: [TermLinks.Term], sources: [RegisterReading.Link]) {
            for index in definition.indices {
                switch definition[index].term {
                case "Definitie":
                    definition[index].linkedDetail = TermLinks.segments(definition[index].detail, terms: glossary)
                case "Bron": definition[index].links = sources
                default: break
                }
            }
        }

        /// The `?formaat=` download: every value of the indicator in every region.
        static func downloadRows(
            code: String, region: String?, audience: Audience,
            on db: any Database
        ) async throws -> [DataRow] {
            let source = try await Source.load(code: code, region: region, audience: audience, on: db)
            let notes = boundaryNotes(source)
            return MonitorDownloads.rows(
                indicators: [source.indicator], values: [source.indicator.code: source.values],
                regions: source.regions, regionCodes: source.regions.all.map(\.code),
                audience: audience
            ).map { row in
                guard let note = notes[row.region + "|" + row.period] else { return row }
                var marked = row
                marked.note = [row.note, note].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "; ")
                return marked
            }
        }
    }
}

extension IndicatorPage.Model {
    /// What the page is computed from.
    struct Source {
        var indicator: Indicator
        var values: IndicatorValues
        var regions: RegionSet
        var regionCode: String
        var audience: Audience

        static func load(
            code: String, region: String?, audience: Audience,
            on db: any Database
        ) async throws -> Source {
            let indicator = try await MonitorData.indicator(code, for: audience, on: db)
            var regions = try await RegionSet.load(on: db)
            try await regions.loadHistory(on: db)
            let loaded = try await MonitorData.values([indicator], audience: audience, on: db)
            guard let values = loaded[indicator.code] else {
                throw Abort(.notFound)
            }
            // Without a choice: the first municipality with a value, else Flevoland or the first
            // grouping with one (a figure published for the GGD region is shown for that region).
            let candidates = regions.municipalities + [regions.province].compactMap { $0 } + regions.groupings
            let fallback =
                candidates.first { values.latest($0.code) != nil }?.code
                ?? regions.municipalities.first?.code ?? RegionSet.provinceCode
            let regionCode = try regions.chosen(region, default: fallback)
            return Source(
                indicator: indicator, values: values, regions: regions, regionCode: regionCode,
                audience: audience)
        }

        var definition: IndicatorDefinition { values.definition }
        /// A count (inhabitants, dwellings) of a municipality says nothing next to the province's or
        /// the country's total; only rates and shares are compared with larger areas.
        var comparesWithLargerAreas: Bool { !definition.isAbsoluteNumber }
        var regionName: String { regions.name(regionCode) }
        var valueSuffix: String { indicator.unit == "%" ? "%" : "" }
    }

    init(_ source: Source, stories: [StoryCard], ownerName: String?) {
        let indicator = source.indicator
        let latestPeriod = LatestPeriod(source)
        code = indicator.code
        name = indicator.name
        lead = indicator.summary.isEmpty ? indicator.name : indicator.summary
        hasExample = source.values.hasExampleData
        isInternal = !indicator.isPublic
        regions = source.regions.choiceList
        regionCode = source.regionCode
        regionName = source.regionName
        facts = Self.facts(source)
        (comparisons, rank) = Self.comparisons(source, latestPeriod)
        countNote = source.comparesWithLargerAreas ? nil : Self.countNote
        (lineChart, lineTable) = Self.development(source)
        (barChart, barTable) = Self.bars(source, latestPeriod)
        (map, mapTable) = Self.map(source, latestPeriod)
        wijken = Self.wijken(source)
        definition = Self.definition(source, ownerName: ownerName)
        self.stories = stories
    }

    static func facts(_ source: Source) -> Facts {
        let values = source.values
        let latest = values.latest(source.regionCode)
        let shown = values.display(latest, source.audience)
        return Facts(
            latest: shown.text, period: latest.map { MonitorText.periodLabel($0.period) } ?? "geen gegevens",
            isExample: latest?.status == DataStatus.voorbeeld.rawValue,
            trend: TrendCell(values.trend(source.regionCode, source.audience)),
            polarity: source.definition.polarity.dutchLabel,
            norm: NormCell(source.definition, value: latest?.value, suppressed: shown.suppressed),
            normSource: source.definition.norm?.source)
    }

    static let countNote =
        "Dit is een aantal: dat van een gemeente of wijk is niet te vergelijken met het totaal van Flevoland of "
        + "Nederland, daarom staan die er niet naast. Vergelijk de ontwikkeling, of een cijfer per inwoner."

    /// Better or worse than Flevoland and the Netherlands (not for counts), and the rank among the
    /// municipalities.
    static func comparisons(_ source: Source, _ period: LatestPeriod) -> ([Comparison], String?) {
        let values = source.values
        let audience = source.audience
        let regionCode = source.regionCode
        let definition = source.definition
        let latest = values.latest(regionCode)
        guard let value = latest?.value, let latest, !values.display(latest, audience).suppressed else {
            return ([], nil)
        }
        func reference(_ code: String) -> Double? {
            regionCode == code ? nil : values.chartValue(values.value(code, period: latest.period), audience)
        }
        let comparison = RegionComparison(
            value: value, parent: reference(RegionSet.provinceCode),
            national: reference(RegionSet.nationalCode), polarity: definition.polarity)
        let references =
            source.comparesWithLargerAreas ? [("Flevoland", comparison.parent), ("Nederland", comparison.national)] : []
        let items = references.compactMap { label, difference in
            difference.map { difference -> Comparison in
                let words =
                    difference.isBetter.map { $0 ? "beter dan" : "slechter dan" }
                    ?? (difference.absolute == 0 ? "gelijk aan" : "anders dan")
                let sign = difference.absolute >= 0 ? "+" : ""
                let detail =
                    ": " + sign + ValueFormatter.format(difference.absolute, indicator: definition)
                    + " (\(label) \(ValueFormatter.format(difference.reference, indicator: definition)))"
                return Comparison(
                    kind: StatusKind(isBetter: difference.isBetter), words: words + " " + label,
                    detail: detail)
            }
        }
        var rank: String?
        let quartile = Ranking.quartilePosition(of: regionCode, among: period.drawable, polarity: definition.polarity)
        if let quartile,
            let position = period.ranks[regionCode], latest.period == period.period
        {
            rank = "Rang \(position) van \(period.ranks.count) gemeenten in Flevoland; \(quartile.dutchLabel)"
        }
        return (items, rank)
    }

    /// Line chart of the region against Flevoland and the Netherlands (a count alone), with its
    /// table. A line breaks where its region's boundary changes, marked "grenswijziging <jaar>".
    static func development(_ source: Source) -> (LineChart, DataTable) {
        let values = source.values
        let audience = source.audience
        let regions = source.regions
        let definition = source.definition
        let indicator = source.indicator
        var lineRegions = [source.regionCode]
        for code in [RegionSet.provinceCode, RegionSet.nationalCode]
        where !lineRegions.contains(code) && source.comparesWithLargerAreas {
            lineRegions.append(code)
        }
        lineRegions = lineRegions.filter { regions.byCode[$0] != nil }
        // The periods of the lines drawn (another region's longer series would leave empty years).
        let periods = values.periods.filter { period in lineRegions.contains { values.value($0, period: period) != nil }
        }
        let years = periods.map { Period($0)?.year }
        let changes = lineRegions.map { BoundaryHistory.changes(years: years, in: regions.history.years($0)) }
        let series = zip(lineRegions, changes).map { code, changes in
            LineChart.Series(
                name: regions.name(code),
                values: periods.map { values.chartValue(values.value(code, period: $0), audience) },
                breaksBefore: Set(changes.map(\.index)))
        }
        let boundaryNote = Self.boundaryNote(zip(lineRegions, changes).map { (regions.name($0), $1) })
        let suppressedNote =
            definition.isCount && audience == .public
            ? " Aantallen kleiner dan 5 zijn niet getekend en staan als ‘<5’ in de tabel." : ""
        let norm = definition.norm.map {
            LineChart.ReferenceLine(
                value: $0.value,
                label: "norm \($0.comparison.rawValue) "
                    + ValueFormatter.format($0.value, indicator: definition))
        }
        let text = ChartText(
            title: "\(indicator.name): "
                + (source.comparesWithLargerAreas ? "\(source.regionName), Flevoland en Nederland" : source.regionName),
            caption: "Bron: \(indicator.source). Eenheid: \(indicator.unit).\(suppressedNote)\(boundaryNote)")
        var chart = LineChart(
            text: text, labels: periods.map(MonitorText.periodLabel), series: series,
            highlighted: source.regionName,
            reference: norm, valueSuffix: source.valueSuffix, decimals: definition.decimals,
            includeZero: definition.isCount)
        chart.markers = Self.markers(
            zip(lineRegions, changes).map { (regions.name($0), $1) }, chosen: source.regionName)
        let rows: [[TableCell]] = periods.reversed().map { period in
            let cells = lineRegions.map { values.value($0, period: period) }
            let statuses = Set(cells.compactMap { $0?.dataStatus })
            let status: TableCell =
                statuses.contains(.voorbeeld)
                ? .exampleBadge
                : .text(statuses.map(\.dutchLabel).sorted().joined(separator: ", "))
            return [.text(MonitorText.periodLabel(period))] + cells.map { .text(values.display($0, audience).text) }
                + [status]
        }
        let table = DataTable(
            caption: "Tabel bij de lijngrafiek" + (boundaryNote.isEmpty ? "" : ";" + boundaryNote.lowercasedFirst),
            headers: ["Periode"] + lineRegions.map(regions.name) + ["Status"], rows: rows,
            numericColumns: Set(1...lineRegions.count))
        return (chart, table)
    }
}

extension IndicatorPage.Model {
    /// " Grenswijziging 2025 in Proefgemeente: de waarden vanaf 2025 gaan over een ander gebied dan die
    /// ervoor." (empty without a change).
    static func boundaryNote(_ changes: [(name: String, changes: [BoundaryHistory.Change])]) -> String {
        changes.flatMap { name, changes in
            changes.map {
                " Grenswijziging \($0.year) in \(name): de waarden vanaf \($0.year) gaan over een ander gebied dan "
                    + "die ervoor; de lijn is daar onderbroken."
            }
        }.joined()
    }

    /// One marker per change; a change of another line than the chosen region's names that region.
    static func markers(
        _ changes: [(name: String, changes: [BoundaryHistory.Change])], chosen: String
    ) -> [LineChart.Marker] {
        var markers: [LineChart.Marker] = []
        for (name, list) in changes {
            for change in list {
                let label = change.label + (name == chosen ? "" : " (\(name))")
                if !markers.contains(where: { $0.index == change.index && $0.label == label }) {
                    markers.append(LineChart.Marker(index: change.index, label: label))
                }
            }
        }
        return markers
    }

    /// The `opmerking` of a download row where a region's boundary changes ("grenswijziging 2025: …"),
    /// keyed by region and period.
    static func boundaryNotes(_ source: Source) -> [String: String] {
        var notes: [String: String] = [:]
        for region in source.regions.all {
            let versions = source.regions.history.years(region.code)
            guard versions.count > 1 || versions.contains(where: { $0.codeStarts || $0.validTo != nil }) else {
                continue
            }
            let periods = source.values.series(region.code).map(\.period)
            for change in BoundaryHistory.changes(years: periods.map { Period($0)?.year }, in: versions) {
                notes[region.code + "|" + periods[change.index]] =
                    "\(change.label): niet vergelijkbaar met eerdere perioden (ander gebied)"
            }
        }
        return notes
    }
}

extension String {
    /// "Grenswijziging …" → "grenswijziging …", for a sentence continued after a semicolon.
    fileprivate var lowercasedFirst: String { prefix(2).lowercased() + dropFirst(2) }
}
