import AppCore
import Fluent
import SQLKit
import Vapor
import VitaalDomain

extension Request {
    /// Logged-in readers (any role) see internal indicators and unsuppressed small counts; everybody
    /// else gets the public view with disclosure control.
    var monitorAudience: Audience { user == nil ? .public : .internal }
}

/// The regions a monitor page compares: the Netherlands, Flevoland and its municipalities.
struct RegionSet: Sendable {
    var national: Region?
    var province: Region?
    var municipalities: [Region]
    /// Wijken (below the municipalities) and groupings (service regions, subregions).
    var wijken: [Region] = []
    var groupings: [Region] = []
    var all: [Region]
    var byCode: [String: Region]
    /// Boundary versions (grensversies) of the codes that have them; loaded by the pages that draw
    /// values of past years (`loadHistory`), empty elsewhere.
    var history = RegionHistory()

    static let nationalCode = "NL01"
    static let provinceCode = "PV24"

    static func load(on db: any Database) async throws -> RegionSet {
        let kinds: [RegionKind] = [.land, .provincie, .gemeente, .wijk, .groep]
        let regions = try await Region.query(on: db).filter(\.$kind ~~ kinds.map(\.rawValue))
            .sort(\.$sortOrder).sort(\.$name).all()
        let byCode = Dictionary(regions.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        let province = byCode[provinceCode]
        let municipalities = regions.filter {
            $0.regionKind == .gemeente && (province == nil || $0.$parent.id == province?.id)
        }
        let municipalityIDs = Set(municipalities.compactMap(\.id))
        let wijken = regions.filter { $0.regionKind == .wijk && $0.$parent.id.map(municipalityIDs.contains) == true }
        let groupings = regions.filter { $0.regionKind == .groep }
        return RegionSet(
            national: byCode[nationalCode], province: province, municipalities: municipalities, wijken: wijken,
            groupings: groupings, all: regions, byCode: byCode)
    }

    mutating func loadHistory(on db: any Database) async throws { history = try await RegionHistory.load(on: db) }

    /// `regions` without the codes that did not exist in `year` (all of them without a year).
    func existing(_ regions: [Region], year: Int?) -> [Region] {
        guard let year else { return regions }
        return regions.filter { history.version($0.code, year: year).match != .none }
    }

    /// The outlines of `regions` as they were in `year` (each region's boundary version of that
    /// year, else the nearest; a region that did not exist then is left out), and a caption
    /// sentence when the map is not simply today's boundaries.
    func outlines(_ regions: [Region], year: Int?) -> (features: [RegionFeature], note: String) {
        guard let year else { return (RegionMaps.features(regions), "") }
        var features: [RegionFeature] = []
        var nearest: [(name: String, years: String)] = []
        var absent: [String] = []
        var past = false
        for region in regions {
            let (version, match) = history.version(region.code, year: year)
            switch match {
            case .none: absent.append(region.name)
            case .nearest: nearest.append((version?.name ?? region.name, version?.years.yearsLabel ?? ""))
            case .exact: if let version, version.years != history.current(region.code)?.years { past = true }
            }
            if let feature = history.outline(region, year: year).feature { features.append(feature) }
        }
        return (
            features, Self.outlineNote(year: year, count: regions.count, nearest: nearest, absent: absent, past: past)
        )
    }

    static func outlineNote(
        year: Int, count: Int, nearest: [(name: String, years: String)], absent: [String], past: Bool
    ) -> String {
        var sentences: [String] = []
        if past { sentences.append("Getekend op de grenzen van \(year).") }
        if !nearest.isEmpty {
            let versions = Set(nearest.map(\.years)).sorted().joined(separator: ", ")
            let which = nearest.count == count ? "" : " voor " + nearest.map(\.name).joined(separator: ", ")
            sentences.append(
                "Geen grenzen van \(year) vastgelegd\(which): getekend op de dichtstbijzijnde grensversie (\(versions))."
            )
        }
        if !absent.isEmpty {
            sentences.append(
                absent.joined(separator: ", ") + (absent.count == 1 ? " bestond" : " bestonden")
                    + " niet in \(year) en \(absent.count == 1 ? "staat" : "staan") niet op de kaart.")
        }
        return sentences.joined(separator: " ")
    }

    func name(_ code: String) -> String { byCode[code]?.name ?? code }
    /// The regions to choose from on pages: Flevoland, the municipalities, then the groupings (GGD
    /// region, care-office and labour-market regions, subregions). Wijken are chosen from their
    /// municipality's map and table.
    var choices: [Region] { [province].compactMap { $0 } + municipalities + groupings }
    /// The same, as page models carry them.
    var choiceList: [RegionChoice] { choices.map { RegionChoice(code: $0.code, name: $0.name) } }

    /// The wijken of a municipality (in the order of the CBS codes).
    func wijken(of municipality: Region) -> [Region] {
        wijken.filter { $0.$parent.id == municipality.id }.sorted { $0.code < $1.code }
    }

    /// The municipality a region belongs to: itself, or a wijk's parent.
    func municipality(of code: String) -> Region? {
        guard let region = byCode[code] else { return nil }
        switch region.regionKind {
        case .gemeente: return region
        case .wijk: return municipalities.first { $0.id == region.$parent.id }
        default: return nil
        }
    }

    /// The region of a page's `?regio=` (one of these regions; else 404), or `fallback` without one.
    func chosen(_ query: String?, default fallback: String) throws -> String {
        guard let code = query?.uppercased(), !code.isEmpty else { return fallback }
        guard byCode[code] != nil else { throw VitaalError(.notFound, "Onbekende regio \(MonitorText.echo(code)).") }
        return code
    }
}

/// Values of one indicator, grouped by region and sorted by period, with the cells that disclosure
/// control hides from the public (`hidden`, filled for count indicators when the audience is public).
struct IndicatorValues {
    let indicator: Indicator
    let definition: IndicatorDefinition
    let byRegion: [String: [DataValue]]
    /// Cells hidden from the public, keyed by `MonitorDisclosure.key(region, period)`.
    var hidden: [String: Disclosure.Reason] = [:]

    func series(_ region: String) -> [DataValue] { byRegion[region] ?? [] }
    /// Latest value with a number for the region.
    func latest(_ region: String) -> DataValue? { series(region).last { $0.value != nil } }
    func value(_ region: String, period: String) -> DataValue? { series(region).first { $0.period == period } }
    /// All periods present, in order.
    var periods: [String] {
        var seen: [String: Int] = [:]
        for list in byRegion.values { for v in list { seen[v.period] = v.periodSort } }
        return seen.sorted { $0.value < $1.value }.map(\.key)
    }
    /// The latest period with a value for any of `regions`.
    func latestPeriod(among regions: [String]) -> String? {
        regions.compactMap { latest($0) }.max { $0.periodSort < $1.periodSort }?.period
    }
    var hasExampleData: Bool { byRegion.values.contains { $0.contains { $0.status == DataStatus.voorbeeld.rawValue } } }

    /// Why the public may not see this value (nil when it may). Primary suppression is also applied
    /// here for values that `hidden` does not list.
    func hiddenReason(_ v: DataValue?, _ audience: Audience) -> Disclosure.Reason? {
        guard audience == .public, let v, let value = v.value else { return nil }
        if let r = hidden[MonitorDisclosure.key(v.regionCode, v.period)] { return r }
        if definition.isCount, value < ValueFormatter.disclosureThreshold { return .primary }
        return nil
    }

    /// Trend over the values this audience may see. When the region's latest value is hidden, no
    /// trend is shown (a trend would hint at the hidden value).
    func trend(_ region: String, _ audience: Audience) -> TrendResult {
        let s = series(region)
        if let last = s.last(where: { $0.value != nil }), hiddenReason(last, audience) != nil {
            return TrendAnalysis.trend([], polarity: definition.polarity)  // insufficientData
        }
        return TrendAnalysis.trend(
            s.compactMap { v in v.parsedPeriod.map { (period: $0, value: chartValue(v, audience)) } },
            polarity: definition.polarity)
    }

    /// Display text with disclosure control.
    func display(_ v: DataValue?, _ audience: Audience) -> DisplayValue {
        guard let v else {
            return ValueFormatter.display(nil, indicator: definition, audience: audience, missingReason: .notAvailable)
        }
        if let r = hiddenReason(v, audience) { return MonitorDisclosure.display(r, download: false) }
        return ValueFormatter.display(v.value, indicator: definition, audience: audience, missingReason: v.reason)
    }
    /// A value that may be drawn, ranked or compared for this audience (nil when missing or hidden).
    func chartValue(_ v: DataValue?, _ audience: Audience) -> Double? {
        guard let v, let value = v.value, value.isFinite else { return nil }
        return hiddenReason(v, audience) == nil ? value : nil
    }
}

enum MonitorData {
    /// Indicators the audience may see, by code (the public: public indicators that are no concept).
    static func indicators(for audience: Audience, on db: any Database) async throws -> [Indicator] {
        var query = Indicator.query(on: db).sort(\.$code)
        if audience == .public {
            query = query.filter(\.$visibility == Visibility.public.rawValue)
                .filter(\.$status != IndicatorStatus.concept.rawValue)
        }
        return try await query.all()
    }

    /// Whether the audience may see the indicator: the public sees public indicators that are no concept.
    static func isVisible(_ indicator: Indicator, to audience: Audience) -> Bool {
        audience == .internal || (indicator.isPublic && indicator.status != IndicatorStatus.concept.rawValue)
    }

    /// One indicator; internal indicators do not exist for the public (404, no hint).
    static func indicator(_ code: String, for audience: Audience, on db: any Database) async throws -> Indicator {
        guard let ind = try await Indicator.query(on: db).filter(\.$code == code).first(),
            isVisible(ind, to: audience)
        else {
            throw VitaalError(.notFound, "Onbekende indicator \(MonitorText.echo(code)).")
        }
        return ind
    }

    /// The values of these indicators in all regions. For the public, disclosure control of count
    /// indicators is computed over all regions (so a region filter can never change what is hidden).
    static func values(_ indicators: [Indicator], audience: Audience, on db: any Database) async throws -> [String:
        IndicatorValues]
    {
        guard !indicators.isEmpty else { return [:] }
        let rows = try await valueRows(codes: indicators.map(\.code), regions: nil, on: db)
        let grouped = Dictionary(grouping: rows, by: \.indicatorCode)
        let needsGroups = audience == .public && indicators.contains { $0.isCount }
        let groups = needsGroups ? try await MonitorDisclosure.groups(on: db) : []
        var out: [String: IndicatorValues] = [:]
        for ind in indicators {
            let list = grouped[ind.code] ?? []
            var v = IndicatorValues(
                indicator: ind, definition: ind.definition, byRegion: Dictionary(grouping: list, by: \.regionCode))
            if audience == .public, ind.isCount {
                v.hidden = MonitorDisclosure.hidden(
                    list.compactMap { d in d.value.map { (region: d.regionCode, period: d.period, value: $0) } },
                    groups: groups)
            }
            out[ind.code] = v
        }
        // Derived indicators have no stored values: their rows are computed from their inputs.
        try await DerivedValues.fill(&out, audience: audience, on: db)
        return out
    }

    /// The stored values of these indicators (and regions), by period. Read with SQLKit and filled
    /// into `DataValue`s by hand: Fluent's row decoding enumerates a model's properties through
    /// reflection per row, which was a fifth of an indicator page's CPU (bench/README.md, P5).
    /// The models carry no id, batch or update time (the pages do not use them).
    static func valueRows(codes: [String], regions: [String]?, periods: [String]? = nil, on db: any Database)
        async throws -> [DataValue]
    {
        guard !codes.isEmpty else { return [] }
        if regions?.isEmpty == true || periods?.isEmpty == true { return [] }
        guard let sql = db as? any SQLDatabase else {
            var query = DataValue.query(on: db).filter(\.$indicatorCode ~~ codes)
            if let regions { query = query.filter(\.$regionCode ~~ regions) }
            if let periods { query = query.filter(\.$period ~~ periods) }
            return try await query.sort(\.$periodSort).all()
        }
        var query: SQLQueryString =
            "SELECT indicator_code AS ic, region_code AS rc, period AS p, period_sort AS ps, value AS val, missing_reason AS mr, status AS st, note AS nt FROM monitor_values WHERE indicator_code IN (\(binds: codes))"
        if let regions { query += " AND region_code IN (\(binds: regions))" }
        if let periods { query += " AND period IN (\(binds: periods))" }
        query += " ORDER BY period_sort"
        return try await sql.raw(query).all().map { r in
            let v = DataValue()
            v.indicatorCode = try r.decode(column: "ic", as: String.self)
            v.regionCode = try r.decode(column: "rc", as: String.self)
            v.period = try r.decode(column: "p", as: String.self)
            v.periodSort = try r.decode(column: "ps", as: Int.self)
            v.value = try r.decode(column: "val", as: Double?.self)
            v.missingReason = try r.decode(column: "mr", as: String?.self)
            v.status = try r.decode(column: "st", as: String.self)
            v.note = try r.decode(column: "nt", as: String?.self)
            return v
        }
    }

    /// A monitor with its themes and the indicators (visible to the audience) under each theme.
    struct MonitorContent {
        var monitor: Monitor
        var sections: [(theme: MonitorTheme?, indicators: [Indicator])]
        var indicators: [Indicator] { sections.flatMap(\.indicators) }
    }

    static func monitor(_ slug: String, for audience: Audience, on db: any Database) async throws -> MonitorContent {
        guard let monitor = try await Monitor.query(on: db).filter(\.$slug == slug).first() else {
            throw VitaalError(.notFound, "Onbekende monitor \(MonitorText.echo(slug)).")
        }
        return try await content(monitor, for: audience, on: db)
    }

    static func content(_ monitor: Monitor, for audience: Audience, on db: any Database) async throws -> MonitorContent
    {
        let id = try monitor.requireID()
        // Retired themes (and the indicators under them) leave the monitor's pages.
        let allThemes = try await MonitorTheme.query(on: db).filter(\.$monitor.$id == id).sort(\.$sortOrder).all()
        let themes = allThemes.filter { $0.retiredAt == nil }
        let retired = Set(allThemes.filter { $0.retiredAt != nil }.compactMap(\.id))
        let items = try await MonitorItem.query(on: db).filter(\.$monitor.$id == id).with(\.$indicator).sort(
            \.$sortOrder
        ).all()
            .filter { isVisible($0.indicator, to: audience) && !($0.$theme.id.map(retired.contains) ?? false) }
        var sections: [(theme: MonitorTheme?, indicators: [Indicator])] = themes.map { theme in
            (theme, items.filter { $0.$theme.id == theme.id }.map(\.indicator))
        }
        let loose = items.filter { $0.$theme.id == nil }.map(\.indicator)
        if !loose.isEmpty { sections.append((nil, loose)) }
        return MonitorContent(monitor: monitor, sections: sections.filter { !$0.indicators.isEmpty })
    }

    /// The monitors in their order; retired monitors are not listed.
    static func monitors(on db: any Database) async throws -> [Monitor] {
        try await Monitor.query(on: db).filter(\.$retiredAt == nil).sort(\.$sortOrder).sort(\.$name).all()
    }

    /// Stories linked to an indicator (and optionally a region), newest first.
    static func stories(indicator: String? = nil, region: String? = nil, on db: any Database) async throws -> [Story] {
        var ids: Set<UUID>?
        if let indicator {
            ids = Set(
                try await StoryIndicator.query(on: db).filter(\.$indicatorCode == indicator).all().map { $0.$story.id })
        }
        if let region {
            let r = Set(try await StoryRegion.query(on: db).filter(\.$regionCode == region).all().map { $0.$story.id })
            ids = ids.map { $0.intersection(r) } ?? r
        }
        guard let ids, !ids.isEmpty else { return [] }
        return try await Story.query(on: db).filter(\.$id ~~ Array(ids)).all().sorted(by: MonitorLookup.storyOrder)
    }
}

/// Small Dutch text helpers.
enum MonitorText {
    static func dateTime(_ d: Date) -> String {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "Europe/Amsterdam") ?? .current
        let c = cal.dateComponents([.year, .month, .day, .hour, .minute], from: d)
        return String(
            format: "%02d-%02d-%04d %02d:%02d", c.day ?? 0, c.month ?? 0, c.year ?? 0, c.hour ?? 0, c.minute ?? 0)
    }
    static func date(_ d: Date) -> String {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "Europe/Amsterdam") ?? .current
        let c = cal.dateComponents([.year, .month, .day], from: d)
        return String(format: "%02d-%02d-%04d", c.day ?? 0, c.month ?? 0, c.year ?? 0)
    }
    static func periodLabel(_ p: String) -> String { Period(p)?.dutchLabel ?? p }
    /// A code or text from a request, echoed in a message: letters, digits and `_ - . ,` only (other
    /// characters become "?"), at most 40 characters. JSON answers carry it unescaped for HTML.
    static func echo(_ text: String) -> String {
        let cleaned = String(
            text.prefix(40).map { c -> Character in
                c.isASCII && (c.isLetter || c.isNumber || "_-.,".contains(c)) ? c : "?"
            })
        return text.count > 40 ? cleaned + "…" : cleaned
    }
}
