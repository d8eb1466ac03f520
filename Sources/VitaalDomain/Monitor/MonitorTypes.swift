import Foundation

// Core types of the indicator monitor: themes, indicator definitions, periods, data status.
// See docs/monitor-rules.md.

/// Whether a higher value is better, worse, or neither (then no green/red colouring).
public enum Polarity: String, Sendable, Codable, CaseIterable, Hashable {
    case higherIsBetter, lowerIsBetter, neutral
    public var dutchLabel: String {
        switch self {
        case .higherIsBetter: return "hoger is beter"
        case .lowerIsBetter: return "lager is beter"
        case .neutral: return "neutraal"
        }
    }
}

/// Logic-model level of an indicator (input → throughput → output → outcome → impact).
/// The Regioplan's process monitoring uses `throughput`.
public enum IndicatorLevel: String, Sendable, Codable, CaseIterable, Hashable {
    case input, throughput, output, outcome, impact
    public var dutchLabel: String {
        switch self {
        case .input: return "input (middelen)"
        case .throughput: return "proces (activiteiten)"
        case .output: return "output (resultaten)"
        case .outcome: return "outcome (effecten)"
        case .impact: return "impact (maatschappelijk effect)"
        }
    }
}

/// Where an indicator stands in the catalogue: a concept is not yet shown to the public, an active
/// indicator is, and a retired (vervallen) indicator keeps its values and says so on its page.
public enum IndicatorStatus: String, Sendable, Codable, CaseIterable, Hashable {
    case concept, actief, vervallen
    public var dutchLabel: String {
        switch self {
        case .concept: return "concept"
        case .actief: return "actief"
        case .vervallen: return "vervallen"
        }
    }
}

/// Who may see an indicator.
public enum Visibility: String, Sendable, Codable, CaseIterable, Hashable {
    case `public`, `internal`
}

/// A norm ("wanneer zijn we tevreden"): value ≥ or ≤ a threshold.
public struct Norm: Sendable, Codable, Hashable {
    public enum Comparison: String, Sendable, Codable, Hashable {
        case atLeast = "≥"
        case atMost = "≤"
    }
    public var value: Double
    public var comparison: Comparison
    /// Where the norm comes from (Dutch), e.g. "WHO-advieswaarde 2021".
    public var source: String
    public init(_ comparison: Comparison, _ value: Double, source: String) {
        self.value = value
        self.comparison = comparison
        self.source = source
    }
}

/// Inclusive plausible range for validation on import. Either bound may be absent.
public struct ValueRange: Sendable, Codable, Hashable {
    public var min: Double?
    public var max: Double?
    public init(min: Double? = nil, max: Double? = nil) {
        self.min = min
        self.max = max
    }
    public func contains(_ value: Double) -> Bool {
        if let min, value < min { return false }
        if let max, value > max { return false }
        return true
    }
    /// Percentages: 0…100.
    public static let percentage = ValueRange(min: 0, max: 100)
    /// Counts and other non-negative quantities.
    public static let nonNegative = ValueRange(min: 0)
}

/// A theme (group of indicators) within a monitor.
public struct Theme: Sendable, Codable, Hashable, Identifiable {
    public var code: String
    public var name: String
    public var description: String
    public var id: String { code }
    public init(code: String, name: String, description: String = "") {
        self.code = code
        self.name = name
        self.description = description
    }
}

/// Definition of one indicator.
public struct IndicatorDefinition: Sendable, Codable, Hashable, Identifiable {
    public var code: String
    /// Dutch name (B1 level).
    public var name: String
    public var description: String
    /// Unit as shown after the value: "%", "€", "aantal", "per 1.000 inwoners", "µg/m³", "weken".
    public var unit: String
    /// Decimals shown (and used for rounding on display).
    public var decimals: Int
    public var polarity: Polarity
    /// Source (Dutch), e.g. "CBS StatLine, tabel 85542NED".
    public var source: String
    /// Licence of the data, e.g. "CC BY 4.0".
    public var licence: String
    public var level: IndicatorLevel
    /// Theme code within its monitor.
    public var themeCode: String?
    /// Counts of people/cases: small values are suppressed ("<5") on public views and downloads.
    public var isCount: Bool
    public var norm: Norm?
    public var validRange: ValueRange?
    public var visibility: Visibility
    public var id: String { code }

    public init(
        code: String, name: String, description: String = "", unit: String, decimals: Int = 0,
        polarity: Polarity, source: String, licence: String = "CC BY 4.0", level: IndicatorLevel = .outcome,
        themeCode: String? = nil, isCount: Bool = false, norm: Norm? = nil, validRange: ValueRange? = nil,
        visibility: Visibility = .public
    ) {
        self.code = code
        self.name = name
        self.description = description
        self.unit = unit
        self.decimals = decimals
        self.polarity = polarity
        self.source = source
        self.licence = licence
        self.level = level
        self.themeCode = themeCode
        self.isCount = isCount
        self.norm = norm
        self.validRange = validRange
        self.visibility = visibility
    }
}

/// A monitor: a named set of themes and indicators (e.g. "Brede Welvaart Flevoland").
public struct MonitorDefinition: Sendable, Codable, Hashable, Identifiable {
    public var code: String
    public var name: String
    public var description: String
    public var themes: [Theme]
    public var indicators: [IndicatorDefinition]
    public var id: String { code }
    public init(code: String, name: String, description: String, themes: [Theme], indicators: [IndicatorDefinition]) {
        self.code = code
        self.name = name
        self.description = description
        self.themes = themes
        self.indicators = indicators
    }
    public func indicators(inTheme code: String) -> [IndicatorDefinition] { indicators.filter { $0.themeCode == code } }
}

/// Status of a stored value. The UI labels `voorbeeld` as "voorbeelddata".
public enum DataStatus: String, Sendable, Codable, CaseIterable, Hashable {
    case voorlopig, definitief, voorbeeld
    public var dutchLabel: String {
        switch self {
        case .voorlopig: return "voorlopig"
        case .definitief: return "definitief"
        case .voorbeeld: return "voorbeelddata"
        }
    }
    /// Parses "voorlopig", "definitief", "voorbeeld"/"voorbeelddata" and English aliases, case-insensitive.
    public init?(parsing text: String) {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "voorlopig", "provisional", "*": self = .voorlopig
        case "definitief", "final": self = .definitief
        case "voorbeeld", "voorbeelddata", "example": self = .voorbeeld
        default: return nil
        }
    }
}

/// Why a value is missing.
public enum MissingReason: String, Sendable, Codable, CaseIterable, Hashable {
    /// Not available / not (yet) measured. CBS writes ".".
    case notAvailable
    /// Suppressed for confidentiality by the supplier. CBS writes "x" in some tables.
    case confidential
    /// Not applicable for this region or period.
    case notApplicable
    /// Too few observations (respondents) for a reliable value.
    case tooFewObservations

    public var dutchLabel: String {
        switch self {
        case .notAvailable: return "niet beschikbaar"
        case .confidential: return "geheim (niet gepubliceerd)"
        case .notApplicable: return "niet van toepassing"
        case .tooFewObservations: return "te weinig waarnemingen"
        }
    }
    /// Parses codes used in the long CSV's reason column ("nb", "geheim", "nvt", "weinig", the raw
    /// values, or the CBS symbols "." and "x").
    public init?(parsing text: String) {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case ".", "nb", "niet beschikbaar", "notavailable", "not_available": self = .notAvailable
        case "x", "geheim", "confidential": self = .confidential
        case "nvt", "n.v.t.", "niet van toepassing", "notapplicable", "not_applicable": self = .notApplicable
        case "weinig", "te weinig waarnemingen", "toofewobservations", "too_few_observations":
            self = .tooFewObservations
        default: return nil
        }
    }
}

// MARK: - Period

/// A reporting period: a year, a quarter or a month.
///
/// Parses "2024", "2024Q3" (also "2024-Q3", "2024K3"), "2024-05", and CBS StatLine codes
/// "2024JJ00", "2024KW03", "2024MM05". Canonical strings: "2024", "2024Q3", "2024-05".
public struct Period: Sendable, Hashable, Comparable, Codable, CustomStringConvertible, LosslessStringConvertible {
    public enum Kind: String, Sendable, Codable, Hashable, CaseIterable { case year, quarter, month }
    public let year: Int
    public let kind: Kind
    /// 0 for a year, 1…4 for a quarter, 1…12 for a month.
    public let number: Int

    public static func year(_ y: Int) -> Period { Period(uncheckedYear: y, kind: .year, number: 0) }
    public static func quarter(_ y: Int, _ q: Int) -> Period? {
        (1...4).contains(q) && (1000...9999).contains(y) ? Period(uncheckedYear: y, kind: .quarter, number: q) : nil
    }
    public static func month(_ y: Int, _ m: Int) -> Period? {
        (1...12).contains(m) && (1000...9999).contains(y) ? Period(uncheckedYear: y, kind: .month, number: m) : nil
    }
    private init(uncheckedYear: Int, kind: Kind, number: Int) {
        self.year = uncheckedYear
        self.kind = kind
        self.number = number
    }

    /// Parses any accepted notation (surrounding whitespace ignored); nil if invalid.
    public init?(_ text: String) {
        let t = Array(text.trimmingCharacters(in: .whitespaces).uppercased().utf8)
        func digits(_ s: ArraySlice<UInt8>) -> Int? {
            guard !s.isEmpty, s.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
            return s.reduce(0) { $0 * 10 + Int($1 - 48) }
        }
        guard t.count >= 4, let y = digits(t[0..<4]), y >= 1000 else { return nil }
        let rest = t[4...]
        let r = String(decoding: rest, as: UTF8.self)
        var p: Period?
        if rest.isEmpty {
            p = .year(y)
        } else if r == "JJ00" {
            p = .year(y)
        } else if r.hasPrefix("KW"), r.count == 4, let q = digits(rest.dropFirst(2)) {
            p = .quarter(y, q)
        } else if r.hasPrefix("MM"), r.count == 4, let m = digits(rest.dropFirst(2)) {
            p = .month(y, m)
        } else if r.hasPrefix("Q") || r.hasPrefix("K"), r.count == 2, let q = digits(rest.dropFirst(1)) {
            p = .quarter(y, q)
        } else if r.hasPrefix("-Q") || r.hasPrefix("-K"), r.count == 3, let q = digits(rest.dropFirst(2)) {
            p = .quarter(y, q)
        } else if r.hasPrefix("-"), r.count == 3, let m = digits(rest.dropFirst(1)) {
            p = .month(y, m)
        }
        guard let p else { return nil }
        self = p
    }

    /// Canonical string: "2024", "2024Q3", "2024-05".
    public var description: String {
        switch kind {
        case .year: return String(year)
        case .quarter: return "\(year)Q\(number)"
        case .month: return "\(year)-\(number < 10 ? "0" : "")\(number)"
        }
    }
    public var canonical: String { description }

    /// CBS StatLine code: "2024JJ00", "2024KW03", "2024MM05".
    public var cbsCode: String {
        let nn = (number < 10 ? "0" : "") + String(number)
        switch kind {
        case .year: return "\(year)JJ00"
        case .quarter: return "\(year)KW\(nn)"
        case .month: return "\(year)MM\(nn)"
        }
    }

    private static let dutchMonths = [
        "januari", "februari", "maart", "april", "mei", "juni", "juli",
        "augustus", "september", "oktober", "november", "december"
    ]
    /// Dutch label: "2024", "2024 K3", "mei 2024".
    public var dutchLabel: String {
        switch kind {
        case .year: return String(year)
        case .quarter: return "\(year) K\(number)"
        case .month: return "\(Period.dutchMonths[number - 1]) \(year)"
        }
    }

    /// First month (1…12) covered.
    public var startMonth: Int {
        switch kind {
        case .year: return 1
        case .quarter: return (number - 1) * 3 + 1
        case .month: return number
        }
    }

    /// Sortable integer: by start month, then year < quarter < month. E.g. 2024 → 2024010,
    /// 2024Q3 → 2024071, 2024-05 → 2024052. Store this column for fast ordering.
    public var sortKey: Int {
        let rank: Int
        switch kind {
        case .year: rank = 0
        case .quarter: rank = 1
        case .month: rank = 2
        }
        return year * 1000 + startMonth * 10 + rank
    }

    /// Position on an evenly spaced axis of periods of the same kind (years, quarters or months
    /// since year 0). Used as x in trend regressions so gaps count.
    public var ordinal: Int {
        switch kind {
        case .year: return year
        case .quarter: return year * 4 + number - 1
        case .month: return year * 12 + number - 1
        }
    }

    public static func < (a: Period, b: Period) -> Bool { a.sortKey < b.sortKey }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let p = Period(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "ongeldige periode \"\(text)\""))
        }
        self = p
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

/// Identifies one value: indicator × region × period.
public struct ObservationKey: Sendable, Hashable, Codable {
    public var indicator: String
    public var region: String
    public var period: Period
    public init(indicator: String, region: String, period: Period) {
        self.indicator = indicator
        self.region = region
        self.period = period
    }
}

/// One stored value (or a documented gap).
public struct Observation: Sendable, Hashable, Codable {
    public var indicator: String
    public var region: String
    public var period: Period
    /// nil when missing; then `missingReason` says why.
    public var value: Double?
    public var missingReason: MissingReason?
    public var status: DataStatus
    public var note: String?
    public var key: ObservationKey { ObservationKey(indicator: indicator, region: region, period: period) }
    public init(
        indicator: String, region: String, period: Period, value: Double?, missingReason: MissingReason? = nil,
        status: DataStatus, note: String? = nil
    ) {
        self.indicator = indicator
        self.region = region
        self.period = period
        self.value = value
        self.missingReason = value == nil ? (missingReason ?? .notAvailable) : nil
        self.status = status
        self.note = note
    }
}
