import Vapor
import Fluent
import Plot
import AppCore
import VitaalDomain

/// Public pages of the monitor: list of monitors, a monitor, an indicator, a region profile. Each
/// page also answers `?formaat=csv` and `?formaat=json` with its data (source and licence per row).
struct MonitorPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("monitor", use: list)
        routes.get("monitor", "indicator", ":code", use: indicatorPage)
        routes.get("monitor", "regio", ":code", use: regionPage)
        routes.get("monitor", ":slug", use: monitorPage)
    }

    static let crumbs: [(String, String)] = [("Home", "/"), ("Monitor", "/monitor")]

    // MARK: List

    @Sendable func list(_ req: Request) async throws -> Response {
        let audience = req.monitorAudience
        let monitors = try await MonitorData.monitors(on: req.db)
        var cards: [BodyNode] = []
        for m in monitors {
            let content = try await MonitorData.content(m, for: audience, on: req.db)
            // A monitor of internal indicators only is not shown to the public (not even its name).
            if audience == .public && content.indicators.isEmpty { continue }
            cards.append(.div(.class("tile"),
                .h2(.a(.href(attr("/monitor/\(m.slug)")), .text(m.name))),
                .p(.text(m.summary)),
                .p(.class("muted"), .text("\(content.sections.count) thema's, \(content.indicators.count) indicatoren"))))
        }
        let regions = try await RegionSet.load(on: req.db)
        let canImport = (req.user?.role ?? .lezer) >= .redacteur && req.user != nil
        return try await SitePage("Monitor", breadcrumbs: [("Home", "/")],
            MonitorViews.style(),
            .p(.class("lead"), .text("Cijfers per regio en periode over brede welvaart, de transformatie van zorg en welzijn en de arbeidsmarkt in zorg en welzijn. Met trends, normen, vergelijking met Flevoland en Nederland, kaarten en verhalen naast de cijfers.")),
            .if(monitors.isEmpty, UI.notice("info", "Er zijn nog geen monitors. Laad de demodata met ‘vitaal demo’ of importeer gegevens.")),
            .div(.class("tiles"), .group(cards)),
            .h2(.text("Regioprofielen")),
            .p(.text("Alle indicatoren voor één gemeente naast Flevoland en Nederland:")),
            .ul(.forEach(regions.choices) { r in .li(.a(.href(attr("/monitor/regio/\(r.code)")), .text(r.name))) }),
            .h2(.text("Open data")),
            .p(.text("Alle openbare cijfers zijn ook beschikbaar via de "), .a(.href("/api/v1/openapi.json"), .text("open data-API")),
               .text(" (/api/v1/monitors, /api/v1/indicators, /api/v1/data). Aantallen kleiner dan 5 worden openbaar als ‘<5’ getoond.")),
            .if(canImport, .p(.a(.class("button"), .href("/monitor/import"), .text("Gegevens importeren")), .text(" "),
                             .a(.href("/monitor/import/geschiedenis"), .text("Importgeschiedenis")), .text(" · "),
                             .a(.href("/monitor/verhalen"), .text("Verhalen beheren"))))
        ).encodeResponse(for: req)
    }

    // MARK: Monitor

    @Sendable func monitorPage(_ req: Request) async throws -> Response {
        let audience = req.monitorAudience
        let slug = req.parameters.get("slug") ?? ""
        let content = try await MonitorData.monitor(slug, for: audience, on: req.db)
        let regions = try await RegionSet.load(on: req.db)
        let regionCode = try chosenRegion(req, regions, default: RegionSet.provinceCode)
        let values = try await MonitorData.values(content.indicators, audience: audience, on: req.db)
        if let format = req.query[String.self, at: "formaat"] {
            let rows = MonitorDownloads.rows(indicators: content.indicators, values: values, regions: regions,
                                             regionCodes: regions.all.map(\.code), audience: audience)
            return try MonitorDownloads.respond(format: format, name: "monitor-\(slug)", rows: rows)
        }
        let hasExample = content.indicators.contains { values[$0.code]?.hasExampleData ?? false }
        let path = "/monitor/\(slug)"
        var sections: [BodyNode] = []
        for section in content.sections {
            let rows: [[BodyNode]] = section.indicators.compactMap { ind in
                guard let v = values[ind.code] else { return nil }
                let series = v.series(regionCode)
                let latest = v.latest(regionCode)
                let trend = v.trend(regionCode, audience)
                let display = v.display(latest, audience)
                let spark = Sparkline(text: ChartText(title: "Verloop \(ind.name), \(regions.name(regionCode))"),
                                      values: series.map { v.chartValue($0, audience) },
                                      color: MonitorViews.trendColour(trend.direction.colour),
                                      valueSuffix: ind.unit == "%" ? "%" : "", decimals: ind.decimals).svg()
                let national = v.latest(RegionSet.nationalCode)
                return [
                    .group(.a(.href(attr("/monitor/indicator/\(ind.code)?regio=\(regionCode)")), .text(ind.name)), MonitorViews.internalBadge(ind),
                           .br(), .span(.class("muted"), .text(ind.unit == "aantal" ? "aantal" : ind.unit))),
                    .div(.class("mon-spark"), UI.svg(spark)),
                    MonitorViews.valueCell(v, latest, audience, withPeriod: true),
                    .text(v.display(national, audience).text),
                    MonitorViews.trend(trend),
                    MonitorViews.norm(v.definition, value: latest?.value, suppressed: display.suppressed),
                ]
            }
            sections.append(.group(
                .h2(.text(section.theme?.name ?? "Overige indicatoren")),
                .unwrap(section.theme.flatMap { $0.summary.isEmpty ? nil : $0.summary }) { .p(.class("muted"), .text($0)) },
                MonitorViews.table(caption: nil, headers: ["Indicator", "Verloop", regions.name(regionCode), "Nederland", "Trend", "Norm"],
                                   widths: [22, 15, 18, 11, 14, 20], rows: rows, numericColumns: [2, 3])))
        }
        return try await SitePage(content.monitor.name, breadcrumbs: Self.crumbs,
            MonitorViews.style(),
            .p(.class("lead"), .text(content.monitor.summary)),
            .if(hasExample, UI.notice("warning", "Deze monitor bevat voorbeelddata: verzonnen cijfers om de werking te laten zien, gemarkeerd met ‘voorbeelddata’. Het zijn geen officiële cijfers.")),
            MonitorViews.regionFilter(action: path, regions: regions.choices, selected: regionCode),
            .p(.class("muted"), .text("Trend: richting over de laatste 5 perioden (kleinste-kwadratenhelling ten opzichte van het gemiddelde, drempel 1% per periode), beoordeeld met de richting van de indicator. Groen = verbetert, rood = verslechtert, grijs = geen duidelijke trend.")),
            .group(sections),
            MonitorViews.downloads(path)
        ).encodeResponse(for: req)
    }

    // MARK: Indicator

    @Sendable func indicatorPage(_ req: Request) async throws -> Response {
        let audience = req.monitorAudience
        let ind = try await MonitorData.indicator(req.parameters.get("code") ?? "", for: audience, on: req.db)
        let regions = try await RegionSet.load(on: req.db)
        let regionCode = try chosenRegion(req, regions, default: regions.municipalities.first?.code ?? RegionSet.provinceCode)
        guard let v = try await MonitorData.values([ind], audience: audience, on: req.db)[ind.code] else { throw Abort(.notFound) }
        if let format = req.query[String.self, at: "formaat"] {
            let rows = MonitorDownloads.rows(indicators: [ind], values: [ind.code: v], regions: regions,
                                             regionCodes: regions.all.map(\.code), audience: audience)
            return try MonitorDownloads.respond(format: format, name: "indicator-\(ind.code)", rows: rows)
        }
        let def = v.definition
        let regionName = regions.name(regionCode)
        let path = "/monitor/indicator/\(ind.code)"
        let suffix = ind.unit == "%" ? "%" : ""

        // Line chart: region vs Flevoland vs Nederland.
        let periods = v.periods
        var lineRegions = [regionCode]
        for code in [RegionSet.provinceCode, RegionSet.nationalCode] where !lineRegions.contains(code) { lineRegions.append(code) }
        lineRegions = lineRegions.filter { regions.byCode[$0] != nil }
        let series = lineRegions.map { code in
            LineChart.Series(name: regions.name(code), values: periods.map { p in v.chartValue(v.value(code, period: p), audience) })
        }
        let suppressedNote = def.isCount && audience == .public ? " Aantallen kleiner dan 5 zijn niet getekend en staan als ‘<5’ in de tabel." : ""
        let line = LineChart(text: ChartText(title: "\(ind.name): \(regionName), Flevoland en Nederland",
                                             caption: "Bron: \(ind.source). Eenheid: \(ind.unit).\(suppressedNote)"),
                             labels: periods.map(MonitorText.periodLabel), series: series, highlighted: regionName,
                             reference: def.norm.map { LineChart.ReferenceLine(value: $0.value, label: "norm \($0.comparison.rawValue) \(ValueFormatter.format($0.value, indicator: def))") },
                             valueSuffix: suffix, decimals: def.decimals, includeZero: def.isCount)
        let lineTable = UI.table(caption: "Tabel bij de lijngrafiek", headers: ["Periode"] + lineRegions.map(regions.name) + ["Status"],
                                 rows: periods.reversed().map { p in
                                     let cells = lineRegions.map { v.value($0, period: p) }
                                     let statuses = Set(cells.compactMap { $0?.dataStatus })
                                     let status: BodyNode = statuses.contains(.voorbeeld) ? UI.badge("voorbeelddata")
                                         : .text(statuses.map(\.dutchLabel).sorted().joined(separator: ", "))
                                     return [.text(MonitorText.periodLabel(p))] + cells.map { .text(v.display($0, audience).text) } + [status]
                                 }, numericColumns: Set(1...lineRegions.count))

        // Municipalities in the latest period.
        let municipalityCodes = regions.municipalities.map(\.code)
        let period = v.latestPeriod(among: municipalityCodes)
        let current: [String: DataValue] = Dictionary(municipalityCodes.compactMap { code in
            period.flatMap { v.value(code, period: $0) }.map { (code, $0) } }, uniquingKeysWith: { a, _ in a })
        // Charts, map, ranks and quartiles use only the values this audience may see.
        let drawable = current.compactMapValues { v.chartValue($0, audience) }
        let ranks = Ranking.ranks(drawable, polarity: def.polarity)
        let provinceNow = period.flatMap { v.value(RegionSet.provinceCode, period: $0) }
        let sortedMunicipalities = regions.municipalities.sorted { a, b in
            let x = drawable[a.code] ?? -Double.infinity, y = drawable[b.code] ?? -Double.infinity
            return x != y ? x > y : a.name < b.name
        }
        let periodLabel = period.map(MonitorText.periodLabel) ?? "–"
        let bars = BarChart(text: ChartText(title: "\(ind.name) per gemeente, \(periodLabel)", caption: "Bron: \(ind.source)."),
                            bars: sortedMunicipalities.map { .init(label: $0.name, value: drawable[$0.code], link: "\(path)?regio=\($0.code)") },
                            highlighted: regions.byCode[regionCode]?.regionKind == .gemeente ? regionName : nil,
                            reference: v.chartValue(provinceNow, audience).map { LineChart.ReferenceLine(value: $0, label: "Flevoland") },
                            valueSuffix: suffix, decimals: def.decimals, width: 560)
        let allExample = !current.isEmpty && current.values.allSatisfy { $0.dataStatus == .voorbeeld }
        let exampleNote = allExample ? " — alle waarden zijn voorbeelddata" : ""
        func cell(_ d: DataValue?) -> BodyNode { allExample ? .text(v.display(d, audience).text) : MonitorViews.valueCell(v, d, audience) }
        let barTable = UI.table(caption: "Tabel bij het staafdiagram (\(periodLabel))\(exampleNote)",
                                headers: ["Gemeente", "Waarde", "Rang (1 = best)", "Verschil met Flevoland"],
                                rows: sortedMunicipalities.map { r in
                                    let shown = v.display(current[r.code], audience)
                                    var diff = "–"
                                    if !shown.suppressed, let a = current[r.code]?.value, let b = v.chartValue(provinceNow, audience) {
                                        diff = (a - b >= 0 ? "+" : "") + ValueFormatter.format(a - b, indicator: def)
                                    }
                                    return [.a(.href(attr("/monitor/regio/\(r.code)")), .text(r.name)), cell(current[r.code]),
                                            .text(shown.suppressed ? "–" : ranks[r.code].map { "\($0) van \(ranks.count)" } ?? "–"), .text(diff)]
                                }, numericColumns: [1, 2, 3])
        let features = RegionMaps.features(regions.municipalities)
        let map = ChoroplethMap(text: ChartText(title: "Kaart: \(ind.name) per gemeente, \(periodLabel)",
                                                caption: "Lichte kleur = lage waarde, donkere kleur = hoge waarde (\(def.polarity.dutchLabel)). Bron: \(ind.source)."),
                                regions: features, values: drawable, classCount: min(5, max(1, drawable.count)),
                                valueSuffix: suffix, decimals: def.decimals,
                                links: Dictionary(uniqueKeysWithValues: municipalityCodes.map { ($0, "\(path)?regio=\($0)") }),
                                highlighted: regionCode, legendTitle: ind.unit == "aantal" ? "Aantal" : ind.unit)
        let classes = map.classes
        func classLabel(_ value: Double?) -> String {
            guard let value, let i = classes.firstIndex(where: { value >= $0.lower && value <= $0.upper }) else { return "geen gegevens" }
            let c = classes[i]
            return "klasse \(i + 1): " + (c.lower == c.upper ? ValueFormatter.format(c.lower, indicator: def)
                : "\(ValueFormatter.format(c.lower, indicator: def)) – \(ValueFormatter.format(c.upper, indicator: def))")
        }
        let mapTable = UI.table(caption: "Tabel bij de kaart (\(periodLabel))\(exampleNote)", headers: ["Gemeente", "Waarde", "Kaartklasse"],
                                rows: regions.municipalities.map { r in
                                    [.text(r.name), cell(current[r.code]), .text(classLabel(drawable[r.code]))]
                                }, numericColumns: [1])

        // Key facts for the chosen region.
        let latest = v.latest(regionCode)
        let shown = v.display(latest, audience)
        let parentValue = latest.flatMap { l in v.value(RegionSet.provinceCode, period: l.period) }.flatMap { v.chartValue($0, audience) }
        let nationalValue = latest.flatMap { l in v.value(RegionSet.nationalCode, period: l.period) }.flatMap { v.chartValue($0, audience) }
        var comparisons: [Node<HTML.ListContext>] = []
        if let value = latest?.value, !shown.suppressed {
            let cmp = RegionComparison(value: value, parent: regionCode == RegionSet.provinceCode ? nil : parentValue,
                                       national: regionCode == RegionSet.nationalCode ? nil : nationalValue, polarity: def.polarity)
            for (label, d) in [("Flevoland", cmp.parent), ("Nederland", cmp.national)] {
                guard let d else { continue }
                let word = d.isBetter.map { $0 ? "beter dan" : "slechter dan" } ?? (d.absolute == 0 ? "gelijk aan" : "anders dan")
                let kind = d.isBetter.map { $0 ? "good" : "bad" } ?? "none"
                let sign = d.absolute >= 0 ? "+" : ""
                let detail: String = ": " + sign + ValueFormatter.format(d.absolute, indicator: def)
                    + " (\(label) \(ValueFormatter.format(d.reference, indicator: def)))"
                let item: Node<HTML.ListContext> = .li(.span(.class("status status-\(kind)"), .text(word + " " + label)), .text(detail))
                comparisons.append(item)
            }
            if let q = Ranking.quartilePosition(of: regionCode, among: drawable, polarity: def.polarity),
               let rank = ranks[regionCode], latest?.period == period {
                comparisons.append(.li(.text("Rang \(rank) van \(ranks.count) gemeenten in Flevoland; \(q.dutchLabel)")))
            }
        }
        let stories = try await MonitorData.stories(indicator: ind.code, on: req.db)
        let trend = v.trend(regionCode, audience)
        let owner = try await ind.$owner.get(on: req.db)

        return try await SitePage(ind.name, breadcrumbs: Self.crumbs,
            MonitorViews.style(),
            .p(.class("lead"), .text(ind.summary.isEmpty ? ind.name : ind.summary),
               MonitorViews.exampleBadge(v.hasExampleData), MonitorViews.internalBadge(ind)),
            .if(v.hasExampleData, UI.notice("warning", "Deze indicator bevat voorbeelddata (verzonnen cijfers, gemarkeerd met ‘voorbeelddata’). Het zijn geen officiële cijfers.")),
            MonitorViews.regionFilter(action: path, regions: regions.choices, selected: regionCode),
            .div(.class("mon-facts"),
                .div(.class("card"), .p(.class("muted"), .text("\(regionName), laatste waarde")),
                     .p(.class("mon-value"), .text(shown.text)),
                     .p(.text(latest.map { MonitorText.periodLabel($0.period) } ?? "geen gegevens"),
                        .if(latest?.status == DataStatus.voorbeeld.rawValue, .group(.text(" "), UI.badge("voorbeelddata"))))),
                .div(.class("card"), .p(.class("muted"), .text("Trend")), .p(MonitorViews.trend(trend)),
                     .p(.class("muted"), .text(def.polarity.dutchLabel))),
                .div(.class("card"), .p(.class("muted"), .text("Norm")), .p(MonitorViews.norm(def, value: latest?.value, suppressed: shown.suppressed)),
                     .unwrap(def.norm) { .p(.class("muted"), .text("Bron norm: \($0.source)")) })),
            .if(!comparisons.isEmpty, .ul(.group(comparisons))),
            .h2(.text("Ontwikkeling")),
            .div(.class("grid-2"),
                 UI.figure(UI.svg(line.svg()), caption: "\(regionName) vergeleken met Flevoland en Nederland."),
                 lineTable),
            .h2(.text("Gemeenten vergeleken")),
            .div(.class("grid-2"),
                 UI.figure(UI.svg(bars.svg()), caption: "Gemeenten van hoog naar laag; de lijn is Flevoland."), barTable),
            .h2(.text("Kaart")),
            .div(.class("grid-2"),
                 UI.figure(UI.svg(map.svg()), caption: "Klik op een gemeente om die te kiezen."), mapTable),
            .h2(.text("Definitie en bron")),
            .dl(.class("kv"),
                .dt(.text("Code")), .dd(.text(ind.code)),
                .dt(.text("Definitie")), .dd(.text(ind.summary.isEmpty ? ind.name : ind.summary)),
                .dt(.text("Eenheid")), .dd(.text(ind.unit)),
                .dt(.text("Richting")), .dd(.text(def.polarity.dutchLabel)),
                .dt(.text("Niveau")), .dd(.text(def.level.dutchLabel)),
                .dt(.text("Bron")), .dd(.text(ind.source)),
                .dt(.text("Eigenaar")), .dd(.text(owner?.name ?? "geen (alleen beheerders importeren waarden)")),
                .dt(.text("Licentie")), .dd(.text(ind.licence)),
                .dt(.text("Norm")), .dd(.text(def.norm.map { "\($0.comparison.rawValue) \(ValueFormatter.format($0.value, indicator: def)) (\($0.source))" } ?? "geen")),
                .dt(.text("Zichtbaarheid")), .dd(.text(ind.isPublic ? "openbaar" : "intern (alleen voor ingelogde gebruikers)")),
                .if(def.isCount, .group(.dt(.text("Privacy")), .dd(.text("Aantal personen: waarden kleiner dan 5 worden openbaar als ‘<5’ getoond. Zodat zo’n waarde niet is terug te rekenen (bijvoorbeeld Flevoland min de andere gemeenten), wordt dan ook de kleinste andere gemeente ‘afgeschermd’."))))),
            .h2(.text("Verhalen bij de cijfers")),
            stories.isEmpty ? .p(.class("muted"), .text("Nog geen verhalen bij deze indicator.")) : .group(stories.map(MonitorViews.story)),
            MonitorViews.downloads(path)
        ).encodeResponse(for: req)
    }

    // MARK: Region profile

    @Sendable func regionPage(_ req: Request) async throws -> Response {
        let audience = req.monitorAudience
        let regions = try await RegionSet.load(on: req.db)
        var code = (req.parameters.get("code") ?? "").uppercased()
        if code == "KIES" {
            code = (req.query[String.self, at: "regio"] ?? "").uppercased()
            guard regions.byCode[code] != nil else { throw VitaalError(.notFound, "Onbekende regio \(MonitorText.echo(code)).") }
            return req.redirect(to: "/monitor/regio/\(code)")
        }
        guard let region = regions.byCode[code], region.regionKind != .land else {
            throw VitaalError(.notFound, "Geen regioprofiel voor \(MonitorText.echo(code)): kies Flevoland of een gemeente.")
        }
        let monitors = try await MonitorData.monitors(on: req.db)
        var contents: [MonitorData.MonitorContent] = []
        for m in monitors { contents.append(try await MonitorData.content(m, for: audience, on: req.db)) }
        var seen = Set<String>()
        let indicators = contents.flatMap(\.indicators).filter { seen.insert($0.code).inserted }
        let values = try await MonitorData.values(indicators, audience: audience, on: req.db)
        let compare = [code, RegionSet.provinceCode, RegionSet.nationalCode].reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        if let format = req.query[String.self, at: "formaat"] {
            let rows = MonitorDownloads.rows(indicators: indicators, values: values, regions: regions, regionCodes: compare, audience: audience)
            return try MonitorDownloads.respond(format: format, name: "regioprofiel-\(code)", rows: rows)
        }
        let isMunicipality = region.regionKind == .gemeente
        let municipalityCodes = regions.municipalities.map(\.code)
        var sections: [BodyNode] = []
        var better = 0, worse = 0
        for content in contents where !content.indicators.isEmpty {
            let rows: [[BodyNode]] = content.indicators.compactMap { ind in
                guard let v = values[ind.code] else { return nil }
                let latest = v.latest(code)
                let shown = v.display(latest, audience)
                let p = latest?.period
                let province = p.flatMap { v.value(RegionSet.provinceCode, period: $0) }
                let national = p.flatMap { v.value(RegionSet.nationalCode, period: $0) }
                var rank = "–"
                if isMunicipality, let p, !shown.suppressed {
                    let ranks = Ranking.ranks(Dictionary(municipalityCodes.compactMap { c in v.chartValue(v.value(c, period: p), audience).map { (c, $0) } },
                                                         uniquingKeysWith: { a, _ in a }), polarity: v.definition.polarity)
                    if let r = ranks[code] { rank = "\(r) van \(ranks.count)" }
                }
                if let value = latest?.value, !shown.suppressed, let ref = v.chartValue(isMunicipality ? province : national, audience) {
                    switch ReferenceDifference(value: value, reference: ref, polarity: v.definition.polarity).isBetter {
                    case true?: better += 1
                    case false?: worse += 1
                    case nil: break
                    }
                }
                var cells: [BodyNode] = [
                    .group(.a(.href(attr("/monitor/indicator/\(ind.code)?regio=\(code)")), .text(ind.name)), MonitorViews.internalBadge(ind)),
                    .text(p.map(MonitorText.periodLabel) ?? "–"),
                    MonitorViews.valueCell(v, latest, audience),
                ]
                if isMunicipality { cells.append(.text(v.display(province, audience).text)) }
                cells += [.text(v.display(national, audience).text)]
                if isMunicipality { cells.append(.text(rank)) }
                cells += [MonitorViews.trend(v.trend(code, audience)), MonitorViews.norm(v.definition, value: latest?.value, suppressed: shown.suppressed)]
                return cells
            }
            let headers = ["Indicator", "Periode", region.name] + (isMunicipality ? ["Flevoland"] : []) + ["Nederland"]
                + (isMunicipality ? ["Rang in Flevoland"] : []) + ["Trend", "Norm"]
            let widths = isMunicipality ? [19, 8, 14, 10, 10, 10, 13, 16] : [26, 9, 17, 13, 15, 20]
            sections.append(.group(.h2(.a(.href(attr("/monitor/\(content.monitor.slug)?regio=\(code)")), .text(content.monitor.name))),
                                   MonitorViews.table(caption: nil, headers: headers, widths: widths, rows: rows,
                                                      numericColumns: isMunicipality ? [2, 3, 4, 5] : [2, 3])))
        }
        let hasExample = indicators.contains { values[$0.code]?.hasExampleData ?? false }
        let stories = try await MonitorData.stories(region: code, on: req.db)
        let reference = isMunicipality ? "Flevoland" : "Nederland"
        return try await SitePage("Regioprofiel \(region.name)", breadcrumbs: Self.crumbs,
            MonitorViews.style(),
            .p(.class("lead"), .text("Alle indicatoren van de monitors voor \(region.name)" + (isMunicipality ? ", naast Flevoland en Nederland." : ", naast Nederland."))),
            .if(hasExample, UI.notice("warning", "Dit profiel bevat voorbeelddata (verzonnen cijfers, gemarkeerd met ‘voorbeelddata’). Het zijn geen officiële cijfers.")),
            MonitorViews.regionFilter(action: "/monitor/regio/kies", regions: regions.choices, selected: code, label: "Ander regioprofiel"),
            .div(.class("grid-2"),
                 .div(.class("card"),
                      .p(.class("muted"), .text("In één oogopslag (laatste periode, vergeleken met \(reference))")),
                      .p(.span(.class("status status-good"), .text("\(better) indicatoren beter")), .text(" · "),
                         .span(.class("status status-bad"), .text("\(worse) slechter")), .text(" dan \(reference)")),
                      .p(.class("muted"), .text("Neutrale indicatoren (zonder ‘beter’ of ‘slechter’) tellen niet mee."))),
                 UI.figure(UI.svg(locationMap(region, regions)),
                           caption: (isMunicipality ? region.geometrySchematic : regions.municipalities.contains { $0.geometrySchematic })
                               ? "Schematische omtrek, geen officiële grens." : region.name)),
            .group(sections),
            .if(!stories.isEmpty, .group(.h2(.text("Verhalen uit \(region.name)")), .group(stories.map(MonitorViews.story)))),
            MonitorViews.downloads("/monitor/regio/\(code)")
        ).encodeResponse(for: req)
    }

    /// The municipalities with the chosen one marked (or all of them for Flevoland).
    func locationMap(_ region: Region, _ regions: RegionSet) -> String {
        let outlines = RegionMaps.features(regions.municipalities)
        guard !outlines.isEmpty else { return "" }
        let points: [PointMap.Point] = outlines.filter { $0.code == region.code }.map {
            PointMap.Point(location: $0.geometry.labelPoint, label: $0.name, category: "Gekozen gemeente")
        }
        return PointMap(text: ChartText(title: "Ligging van \(region.name)",
                                        description: region.regionKind == .gemeente ? "\(region.name) tussen de andere gemeenten van Flevoland." : "De gemeenten van Flevoland."),
                        outlines: outlines, points: points, categories: [.init(name: "Gekozen gemeente", color: "#154273", shape: .circle)],
                        showRegionNames: true, showPointLabels: false, width: 420, maxMapHeight: 300).svg()
    }

    /// The region from `?regio=` (must be one of the comparable regions), else the default.
    func chosenRegion(_ req: Request, _ regions: RegionSet, default fallback: String) throws -> String {
        guard let code = req.query[String.self, at: "regio"]?.uppercased(), !code.isEmpty else { return fallback }
        guard regions.byCode[code] != nil else { throw VitaalError(.notFound, "Onbekende regio \(MonitorText.echo(code)).") }
        return code
    }
}
