import Vapor
import Fluent

/// What other features (plans, workforce model) may read from the monitor. This is the contract
/// between the modules; the monitor implements it on its own tables.
/// (Placeholder signatures; the monitor feature fills in the bodies.)
public struct IndicatorSummary: Content, Sendable, Hashable {
    public var code: String
    public var name: String
    public var unit: String
    public var decimals: Int
    /// "higher" (higher is better), "lower" or "neutral".
    public var polarity: String
    public var isPublic: Bool
    public init(code: String, name: String, unit: String, decimals: Int, polarity: String, isPublic: Bool) {
        self.code = code; self.name = name; self.unit = unit; self.decimals = decimals; self.polarity = polarity; self.isPublic = isPublic
    }
}

public struct SeriesPoint: Content, Sendable, Hashable {
    /// Canonical period code, e.g. "2024", "2024Q3", "2024-05".
    public var period: String
    public var value: Double?
    /// "voorlopig", "definitief" or "voorbeeld" (invented example figure).
    public var status: String
    public init(period: String, value: Double?, status: String) { self.period = period; self.value = value; self.status = status }
}

public struct StorySummary: Content, Sendable, Hashable {
    public var title: String
    public var text: String
    public var source: String?
    public var date: Date?
    public var quote: String?
    public var personRole: String?
    public init(title: String, text: String, source: String?, date: Date?, quote: String?, personRole: String?) {
        self.title = title; self.text = text; self.source = source; self.date = date; self.quote = quote; self.personRole = personRole
    }
}

public enum MonitorLookup {
    /// All indicators (public and internal), by code.
    public static func indicators(on db: any Database) async throws -> [IndicatorSummary] { [] }
    /// The values of one indicator for one region, sorted by period.
    public static func series(indicator: String, region: String, on db: any Database) async throws -> [SeriesPoint] { [] }
    /// Stories linked to any of the indicators (newest first).
    public static func stories(indicatorCodes: [String], on db: any Database) async throws -> [StorySummary] { [] }
}
