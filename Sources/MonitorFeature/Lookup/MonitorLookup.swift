import AppCore
import Fluent
import SQLKit
import Vapor
import VitaalDomain

/// What other features (plans, workforce model) may read from the monitor. This is the contract
/// between the modules; the monitor implements it on its own tables.
public struct IndicatorSummary: Content, Sendable, Hashable {
    public var code: String
    public var name: String
    public var unit: String
    public var decimals: Int
    /// "higher" (higher is better), "lower" or "neutral".
    public var polarity: String
    public var isPublic: Bool
    public init(code: String, name: String, unit: String, decimals: Int, polarity: String, isPublic: Bool) {
        self.code = code
        self.name = name
        self.unit = unit
        self.decimals = decimals
        self.polarity = polarity
        self.isPublic = isPublic
    }
}

public struct SeriesPoint: Content, Sendable, Hashable {
    /// Canonical period code, e.g. "2024", "2024Q3", "2024-05".
    public var period: String
    public var value: Double?
    /// "voorlopig", "definitief" or "voorbeeld" (invented example figure).
    public var status: String
    public init(period: String, value: Double?, status: String) {
        self.period = period
        self.value = value
        self.status = status
    }
}

public struct StorySummary: Content, Sendable, Hashable {
    public var title: String
    public var text: String
    public var source: String?
    public var date: Date?
    public var quote: String?
    public var personRole: String?
    public init(title: String, text: String, source: String?, date: Date?, quote: String?, personRole: String?) {
        self.title = title
        self.text = text
        self.source = source
        self.date = date
        self.quote = quote
        self.personRole = personRole
    }
}

/// Who reads through `MonitorLookup`: `.public` for anything an anonymous visitor can reach (public
/// pages, downloads and API answers), `.internal` for logged-in readers. The same audience as the
/// monitor's own pages (`Audience` in the domain).
public typealias MonitorAudience = Audience

public enum MonitorLookup {
    /// `.internal` for a logged-in reader, `.public` otherwise.
    public static func audience(loggedIn: Bool) -> MonitorAudience { loggedIn ? .internal : .public }

    /// Indicators by code. For `.public` only public indicators; internal ones are left out.
    public static func indicators(audience: MonitorAudience, on db: any Database) async throws -> [IndicatorSummary] {
        var query = Indicator.query(on: db).sort(\.$code)
        if audience == .public { query = query.filter(\.$visibility == Visibility.public.rawValue) }
        return try await query.all().map(summary)
    }

    /// Every indicator's code, name and source text (for the data-source catalogue, which matches
    /// a source's table id against it). For `.public` only public indicators.
    public static func indicatorSources(audience: MonitorAudience, on db: any Database) async throws -> [(
        code: String, name: String, source: String
    )] {
        var query = Indicator.query(on: db).sort(\.$code)
        if audience == .public { query = query.filter(\.$visibility == Visibility.public.rawValue) }
        return try await query.all().map { (code: $0.code, name: $0.name, source: $0.source) }
    }

    /// One indicator by code, or nil (also nil for an internal indicator and the `.public` audience).
    public static func indicator(code: String, audience: MonitorAudience, on db: any Database) async throws
        -> IndicatorSummary?
    {
        guard let found = try await Indicator.query(on: db).filter(\.$code == code).first() else { return nil }
        if audience == .public && !found.isPublic { return nil }
        return summary(found)
    }

    /// The values of one indicator for one region, sorted by period, with the monitor's disclosure
    /// rules for the audience. For `.public`: an internal (or unknown) indicator yields no points
    /// at all, and a count indicator's values are hidden exactly where the monitor's own public
    /// pages hide them — primary suppression below 5 and the secondary suppression that keeps a
    /// hidden value from being worked out as a total minus the published parts
    /// (`docs/monitor-rules.md`). One rule for every consumer: two different rules could each be
    /// safe and together reveal the value. `.internal` returns the stored values as they are.
    public static func series(indicator: String, region: String, audience: MonitorAudience, on db: any Database)
        async throws -> [SeriesPoint]
    {
        // A derived indicator has no stored values: its series is computed (`DerivedValues`).
        if let found = try await Indicator.query(on: db).filter(\.$code == indicator).first(), found.formula != nil {
            let shown: Audience = audience == .public ? .public : .internal
            guard MonitorData.isVisible(found, to: shown),
                let values = try await MonitorData.values([found], audience: shown, on: db)[found.code]
            else { return [] }
            return values.series(region).map { v in
                SeriesPoint(
                    period: v.period, value: values.hiddenReason(v, shown) == nil ? v.value : nil, status: v.status)
            }
        }
        if audience == .public {
            guard let found = try await Indicator.query(on: db).filter(\.$code == indicator).first(), found.isPublic
            else { return [] }
            if found.isCount {
                guard let values = try await MonitorData.values([found], audience: .public, on: db)[found.code] else {
                    return []
                }
                return values.series(region).map { v in
                    SeriesPoint(
                        period: v.period, value: values.hiddenReason(v, .public) == nil ? v.value : nil,
                        status: v.status)
                }
            }
        }
        return try await DataValue.query(on: db)
            .filter(\.$indicatorCode == indicator).filter(\.$regionCode == region)
            .sort(\.$periodSort).all()
            .map { SeriesPoint(period: $0.period, value: $0.value, status: $0.status) }
    }

    /// The latest value (with a number) of an indicator for a region for the audience, or nil.
    public static func latest(indicator: String, region: String, audience: MonitorAudience, on db: any Database)
        async throws -> SeriesPoint?
    {
        try await series(indicator: indicator, region: region, audience: audience, on: db).last { $0.value != nil }
    }

    /// Stories linked to any of the indicators (newest first).
    public static func stories(indicatorCodes: [String], on db: any Database) async throws -> [StorySummary] {
        guard !indicatorCodes.isEmpty else { return [] }
        let links = try await StoryIndicator.query(on: db).filter(\.$indicatorCode ~~ indicatorCodes).all()
        let ids = Array(Set(links.map { $0.$story.id }))
        guard !ids.isEmpty else { return [] }
        let stories = try await Story.query(on: db).filter(\.$id ~~ ids).all()
        return stories.sorted(by: storyOrder).map(storySummary)
    }

    /// Per indicator code, when the latest finished import that wrote values for it ran: the import
    /// history's batches that are not undone (a running import's batch is not committed yet), by
    /// the indicators each batch wrote (`monitor_import_batch_indicators`). The data-source
    /// catalogue's "Laatste import" reads it.
    public static func lastImports(on db: any Database) async throws -> [String: Date] {
        guard let sql = db as? any SQLDatabase else { return [:] }
        let batches = try await DataImport.query(on: db).filter(\.$undoneAt == nil).all()
        let createdAt = Dictionary(batches.compactMap { b in b.id.map { ($0, b.createdAt) } }) { a, _ in a }
        guard !createdAt.isEmpty else { return [:] }
        let rows = try await sql.raw(
            """
            SELECT batch_id AS bid, indicator_code AS ic
            FROM \(unsafeRaw: MonitorMigrations.KeyValuesByIndicatorRegionPeriod.batchIndicators)
            """
        ).all()
        var latest: [String: Date] = [:]
        for row in rows {
            let code = try row.decode(column: "ic", as: String.self)
            guard let at = createdAt[try row.decode(column: "bid", as: UUID.self)] else { continue }
            if latest[code].map({ at > $0 }) ?? true { latest[code] = at }
        }
        return latest
    }

    static func summary(_ i: Indicator) -> IndicatorSummary {
        let polarity: String
        switch Polarity(rawValue: i.polarity) ?? .neutral {
        case .higherIsBetter: polarity = "higher"
        case .lowerIsBetter: polarity = "lower"
        case .neutral: polarity = "neutral"
        }
        return IndicatorSummary(
            code: i.code, name: i.name, unit: i.unit, decimals: i.decimals, polarity: polarity, isPublic: i.isPublic)
    }

    static func storySummary(_ s: Story) -> StorySummary {
        StorySummary(
            title: s.title, text: s.text, source: s.source, date: s.date, quote: s.quote, personRole: s.personRole)
    }

    /// Newest first; undated stories last, then by title.
    static func storyOrder(_ a: Story, _ b: Story) -> Bool {
        switch (a.date, b.date) {
        case (let x?, let y?) where x != y: return x > y
        case (.some, nil): return true
        case (nil, .some): return false
        default: return a.title < b.title
        }
    }
}
