import AppCore
import VitaalDomain

extension IndicatorPage.Model {
    /// The municipalities' values in the latest period any of them has. Charts, map, ranks and
    /// quartiles use only the values this audience may see (`drawable`).
    struct LatestPeriod {
        var period: String?
        var current: [String: DataValue]
        var drawable: [String: Double]
        var ranks: [String: Int]
        /// Flevoland's value in that period, when this audience may see it.
        var province: Double?
        /// Every value is an example figure: the tables then say so once, in the caption.
        var allExample: Bool
        /// The municipalities that existed in the period's year (a code that began later or had
        /// ended is left out of bars and tables, as it is of the map).
        var municipalities: [Region]

        init(_ source: Source) {
            let values = source.values
            let codes = source.regions.municipalities.map(\.code)
            let period = values.latestPeriod(among: codes)
            self.period = period
            municipalities = source.regions.existing(
                source.regions.municipalities, year: period.flatMap { Period($0)?.year })
            current = Dictionary(
                codes.compactMap { code in
                    period.flatMap { values.value(code, period: $0) }.map { (code, $0) }
                }, uniquingKeysWith: { first, _ in first })
            drawable = current.compactMapValues { values.chartValue($0, source.audience) }
            ranks = Ranking.ranks(drawable, polarity: source.definition.polarity)
            let provinceValue = period.flatMap { values.value(RegionSet.provinceCode, period: $0) }
            province = values.chartValue(provinceValue, source.audience)
            allExample = !current.isEmpty && current.values.allSatisfy { $0.dataStatus == .voorbeeld }
        }

        var label: String { period.map(MonitorText.periodLabel) ?? "–" }
        var captionNote: String { allExample ? " — alle waarden zijn voorbeelddata" : "" }

        func cell(_ code: String, _ source: Source) -> TableCell {
            allExample
                ? .text(source.values.display(current[code], source.audience).text)
                : .value(ValueCell(source.values, current[code], source.audience))
        }
    }

    /// The municipalities from high to low, with Flevoland as the reference line (not for counts: a
    /// town's count next to the province's total says nothing).
    static func bars(_ source: Source, _ latest: LatestPeriod) -> (BarChart, DataTable) {
        let values = source.values
        let definition = source.definition
        let regions = source.regions
        let sorted = latest.municipalities.sorted { first, second in
            let left = latest.drawable[first.code] ?? -Double.infinity
            let right = latest.drawable[second.code] ?? -Double.infinity
            return left != right ? left > right : first.name < second.name
        }
        let page = IndicatorPage.route(source.indicator.code)
        let chart = BarChart(
            text: ChartText(
                title: "\(source.indicator.name) per gemeente, \(latest.label)",
                caption: "Bron: \(source.indicator.source)."),
            bars: sorted.map {
                .init(label: $0.name, value: latest.drawable[$0.code], link: page.path(region: $0.code))
            },
            highlighted: regions.byCode[source.regionCode]?.regionKind == .gemeente ? source.regionName : nil,
            reference: source.comparesWithLargerAreas
                ? latest.province.map { LineChart.ReferenceLine(value: $0, label: "Flevoland") } : nil,
            valueSuffix: source.valueSuffix, decimals: definition.decimals, width: 560)
        let rows: [[TableCell]] = sorted.map { region in
            let shown = values.display(latest.current[region.code], source.audience)
            var difference = "–"
            if !shown.suppressed, let value = latest.current[region.code]?.value, let province = latest.province {
                difference =
                    (value - province >= 0 ? "+" : "")
                    + ValueFormatter.format(value - province, indicator: definition)
            }
            let rank =
                shown.suppressed
                ? "–"
                : latest.ranks[region.code].map { "\($0) van \(latest.ranks.count)" } ?? "–"
            return [
                .link(region.name, path: MonitorURL.region(.value(region.code)).path),
                latest.cell(region.code, source),
                .text(rank)
            ] + (source.comparesWithLargerAreas ? [.text(difference)] : [])
        }
        let table = DataTable(
            caption: "Tabel bij het staafdiagram (\(latest.label))\(latest.captionNote)",
            headers: ["Gemeente", "Waarde", "Rang (1 = best)"]
                + (source.comparesWithLargerAreas ? ["Verschil met Flevoland"] : []),
            rows: rows, numericColumns: source.comparesWithLargerAreas ? [1, 2, 3] : [1, 2])
        return (chart, table)
    }

    /// The choropleth map of the municipalities on the boundaries of the period's year, with its
    /// table of classes.
    static func map(_ source: Source, _ latest: LatestPeriod) -> (ChoroplethMap, DataTable) {
        let definition = source.definition
        let indicator = source.indicator
        let municipalities = source.regions.municipalities
        let outlines = source.regions.outlines(municipalities, year: latest.period.flatMap { Period($0)?.year })
        let page = IndicatorPage.route(indicator.code)
        let map = ChoroplethMap(
            text: ChartText(
                title: "Kaart: \(indicator.name) per gemeente, \(latest.label)",
                caption: "Lichte kleur = lage waarde, donkere kleur = hoge waarde "
                    + "(\(definition.polarity.dutchLabel)). Bron: \(indicator.source). "
                    + RegionMaps.credit(municipalities) + (outlines.note.isEmpty ? "" : " " + outlines.note)),
            regions: outlines.features, values: latest.drawable,
            classCount: min(5, max(1, latest.drawable.count)), valueSuffix: source.valueSuffix,
            decimals: definition.decimals,
            links: Dictionary(uniqueKeysWithValues: municipalities.map { ($0.code, page.path(region: $0.code)) }),
            highlighted: source.regionCode, legendTitle: indicator.unit == "aantal" ? "Aantal" : indicator.unit)
        let classes = map.classes
        func classLabel(_ value: Double?) -> String {
            guard let value, let index = classes.firstIndex(where: { value >= $0.lower && value <= $0.upper }) else {
                return "geen gegevens"
            }
            let found = classes[index]
            let lower = ValueFormatter.format(found.lower, indicator: definition)
            return "klasse \(index + 1): "
                + (found.lower == found.upper
                    ? lower
                    : "\(lower) – \(ValueFormatter.format(found.upper, indicator: definition))")
        }
        let table = DataTable(
            caption: "Tabel bij de kaart (\(latest.label))\(latest.captionNote)",
            headers: ["Gemeente", "Waarde", "Kaartklasse"],
            rows: latest.municipalities.map { region in
                [
                    .text(region.name), latest.cell(region.code, source),
                    .text(classLabel(latest.drawable[region.code]))
                ]
            }, numericColumns: [1])
        return (map, table)
    }

    static func definition(_ source: Source, ownerName: String?) -> [Term] {
        let indicator = source.indicator
        let definition = source.definition
        let norm = definition.norm.map {
            "\($0.comparison.rawValue) \(ValueFormatter.format($0.value, indicator: definition)) (\($0.source))"
        }
        var terms = [
            Term(term: "Code", detail: indicator.code),
            Term(term: "Definitie", detail: indicator.summary.isEmpty ? indicator.name : indicator.summary),
            Term(term: "Eenheid", detail: indicator.unit),
            Term(term: "Richting", detail: definition.polarity.dutchLabel),
            Term(term: "Niveau", detail: definition.level.dutchLabel),
            Term(term: "Bron", detail: indicator.source),
            Term(term: "Eigenaar", detail: ownerName ?? "geen (alleen beheerders importeren waarden)"),
            Term(term: "Licentie", detail: indicator.licence),
            Term(term: "Norm", detail: norm ?? "geen"),
            Term(
                term: "Zichtbaarheid",
                detail: indicator.isPublic ? "openbaar" : "intern (alleen voor ingelogde gebruikers)")
        ]
        if definition.isCount {
            terms.append(
                Term(
                    term: "Privacy",
                    detail: "Aantal personen: waarden kleiner dan 5 worden openbaar "
                        + "als ‘<5’ getoond. Zodat zo’n waarde niet is terug te rekenen (bijvoorbeeld Flevoland min de "
                        + "andere gemeenten), wordt dan ook de kleinste andere gemeente ‘afgeschermd’."))
        }
        return terms
    }
}

extension IndicatorPage.Model {
    /// The wijken of the chosen municipality (or of the chosen wijk's municipality) in the latest
    /// period any of them has: a choropleth map and its table. Nil when the indicator has no wijk
    /// values there. The province map links every municipality to this view (drill-down).
    struct WijkView: Sendable {
        var municipality: String
        var map: ChoroplethMap
        var table: DataTable
    }

    static func wijken(_ source: Source) -> WijkView? {
        guard let municipality = source.regions.municipality(of: source.regionCode) else { return nil }
        let values = source.values
        let definition = source.definition
        let indicator = source.indicator
        let wijken = source.regions.wijken(of: municipality)
        let codes = wijken.map(\.code)
        guard let period = values.latestPeriod(among: codes) else { return nil }
        let current = Dictionary(
            codes.compactMap { code in values.value(code, period: period).map { (code, $0) } },
            uniquingKeysWith: { first, _ in first })
        let drawable = current.compactMapValues { values.chartValue($0, source.audience) }
        let label = MonitorText.periodLabel(period)
        let page = IndicatorPage.route(indicator.code)
        let outlines = source.regions.outlines(wijken, year: Period(period)?.year)
        let map = ChoroplethMap(
            text: ChartText(
                title: "Kaart: \(indicator.name) per wijk in \(municipality.name), \(label)",
                caption: "Lichte kleur = lage waarde, donkere kleur = hoge waarde. Bron: \(indicator.source). "
                    + "\(FlevolandOpenData.boundaryCredit)." + (outlines.note.isEmpty ? "" : " " + outlines.note)),
            regions: outlines.features, values: drawable,
            classCount: min(5, max(1, drawable.count)), valueSuffix: source.valueSuffix,
            decimals: definition.decimals,
            links: Dictionary(uniqueKeysWithValues: wijken.map { ($0.code, page.path(region: $0.code)) }),
            highlighted: source.regionCode, legendTitle: indicator.unit == "aantal" ? "Aantal" : indicator.unit)
        let classes = map.classes
        let allExample = !current.isEmpty && current.values.allSatisfy { $0.dataStatus == .voorbeeld }
        let table = DataTable(
            caption: "Tabel bij de wijkkaart van \(municipality.name) (\(label), \(wijken.count) wijken)"
                + (allExample ? " — alle waarden zijn voorbeelddata" : ""),
            headers: ["Wijk", "Waarde", "Kaartklasse"],
            rows: wijken.map { wijk in
                [
                    .link(wijk.name, path: MonitorURL.region(.value(wijk.code)).path),
                    .value(ValueCell(values, current[wijk.code], source.audience)),
                    .text(classLabel(drawable[wijk.code], classes, definition))
                ]
            }, numericColumns: [1])
        return WijkView(municipality: municipality.name, map: map, table: table)
    }

    /// "klasse 2: 1.200 – 3.400", or "geen gegevens".
    static func classLabel(_ value: Double?, _ classes: [ChoroplethClass], _ definition: IndicatorDefinition) -> String
    {
        guard let value, let index = classes.firstIndex(where: { value >= $0.lower && value <= $0.upper }) else {
            return "geen gegevens"
        }
        let found = classes[index]
        let lower = ValueFormatter.format(found.lower, indicator: definition)
        return "klasse \(index + 1): "
            + (found.lower == found.upper
                ? lower : "\(lower) – \(ValueFormatter.format(found.upper, indicator: definition))")
    }
}
