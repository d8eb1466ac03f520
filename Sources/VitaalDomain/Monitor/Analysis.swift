import Foundation

// Analysis rules of the monitor: trend, comparison, rank, quartile, norm, disclosure, formatting.
// The rules and their boundaries are documented in docs/monitor-rules.md.

// MARK: - Trend

/// Direction of the medium-term trend, judged with the indicator's polarity.
public enum TrendDirection: String, Sendable, Codable, CaseIterable, Hashable {
    case improving, worsening, noClearTrend, insufficientData
    /// Neutral indicators: a clear rise or fall that is neither better nor worse.
    case increasing, decreasing

    public var dutchLabel: String {
        switch self {
        case .improving: return "verbetert"
        case .worsening: return "verslechtert"
        case .noClearTrend: return "geen duidelijke trend"
        case .insufficientData: return "te weinig gegevens"
        case .increasing: return "stijgt"
        case .decreasing: return "daalt"
        }
    }
    /// CBS-style colour: green for better, red for worse, grey otherwise.
    public var colour: TrafficColour {
        switch self {
        case .improving: return .green
        case .worsening: return .red
        default: return .grey
        }
    }
}

/// Green / grey / red as CBS colours its arrows and positions.
public enum TrafficColour: String, Sendable, Codable, Hashable { case green, grey, red }

public struct TrendResult: Sendable, Hashable {
    public var direction: TrendDirection
    /// Least-squares slope in units per period (nil if insufficient data).
    public var slopePerPeriod: Double?
    /// Slope divided by the mean absolute value (fraction per period; 0.01 = 1 %/period).
    public var relativeSlope: Double?
    /// Number of values used.
    public var count: Int
}

public enum TrendAnalysis {
    public static let defaultWindow = 5
    public static let defaultThreshold = 0.01
    public static let minimumValues = 3

    /// Trend over the last `window` periods that have a value.
    ///
    /// Rule: take the values of the last `window` periods present in `series` (missing values are
    /// skipped; x is `Period.ordinal`, so gaps count). Fewer than 3 values → `insufficientData`.
    /// slope = least-squares slope; relative = slope / mean(|value|) (0 if all values are 0).
    /// |relative| < threshold → `noClearTrend`; otherwise rising is `improving` for
    /// higherIsBetter, `worsening` for lowerIsBetter, `increasing` for neutral (falling mirrored).
    /// Periods of mixed kinds: only the kind of the latest period is used.
    public static func trend(
        _ series: [(period: Period, value: Double?)], polarity: Polarity,
        window: Int = defaultWindow, threshold: Double = defaultThreshold
    ) -> TrendResult {
        let sorted = series.sorted { $0.period < $1.period }
        guard let kind = sorted.last(where: { $0.value != nil })?.period.kind else {
            return TrendResult(direction: .insufficientData, slopePerPeriod: nil, relativeSlope: nil, count: 0)
        }
        var points: [(x: Double, y: Double)] = []
        for item in sorted.reversed() where item.period.kind == kind {
            guard let v = item.value, v.isFinite else { continue }
            points.append((Double(item.period.ordinal), v))
            if points.count == window { break }
        }
        guard points.count >= minimumValues else {
            return TrendResult(
                direction: .insufficientData, slopePerPeriod: nil, relativeSlope: nil, count: points.count)
        }
        let n = Double(points.count)
        let mx = points.reduce(0) { $0 + $1.x } / n
        let my = points.reduce(0) { $0 + $1.y } / n
        var sxy = 0.0
        var sxx = 0.0
        var sabs = 0.0
        for p in points {
            sxy += (p.x - mx) * (p.y - my)
            sxx += (p.x - mx) * (p.x - mx)
            sabs += abs(p.y)
        }
        let slope = sxx == 0 ? 0 : sxy / sxx
        let meanAbs = sabs / n
        let relative = meanAbs == 0 ? 0 : slope / meanAbs
        let direction: TrendDirection
        if abs(relative) < threshold {
            direction = .noClearTrend
        } else {
            let rising = relative > 0
            switch polarity {
            case .higherIsBetter: direction = rising ? .improving : .worsening
            case .lowerIsBetter: direction = rising ? .worsening : .improving
            case .neutral: direction = rising ? .increasing : .decreasing
            }
        }
        return TrendResult(direction: direction, slopePerPeriod: slope, relativeSlope: relative, count: points.count)
    }
}

// MARK: - Comparison

/// Difference of a value with a reference (parent region or the Netherlands).
public struct ReferenceDifference: Sendable, Hashable {
    public var reference: Double
    /// value − reference.
    public var absolute: Double
    /// (value − reference) / |reference|; nil when the reference is 0.
    public var relative: Double?
    /// true if the value is better than the reference given the polarity, false if worse,
    /// nil if equal or neutral.
    public var isBetter: Bool?

    public init(value: Double, reference: Double, polarity: Polarity) {
        self.reference = reference
        self.absolute = value - reference
        self.relative = reference == 0 ? nil : (value - reference) / abs(reference)
        if value == reference || polarity == .neutral {
            isBetter = nil
        } else {
            isBetter = (polarity == .higherIsBetter) == (value > reference)
        }
    }
}

public struct RegionComparison: Sendable, Hashable {
    public var parent: ReferenceDifference?
    public var national: ReferenceDifference?
    public init(value: Double, parent: Double?, national: Double?, polarity: Polarity) {
        self.parent = parent.map { ReferenceDifference(value: value, reference: $0, polarity: polarity) }
        self.national = national.map { ReferenceDifference(value: value, reference: $0, polarity: polarity) }
    }
}

// MARK: - Rank and quartile

/// Position among siblings, coloured as CBS does: top quartile green, bottom red, middle grey.
public enum QuartilePosition: String, Sendable, Codable, Hashable {
    case top, middle, bottom
    public var colour: TrafficColour {
        switch self {
        case .top: return .green
        case .middle: return .grey
        case .bottom: return .red
        }
    }
    public var dutchLabel: String {
        switch self {
        case .top: return "hoort bij de beste 25%"
        case .middle: return "middengroep"
        case .bottom: return "hoort bij de laagste 25%"
        }
    }
}

public enum Ranking {
    /// Competition ranks among siblings: 1 = best given polarity; ties share the rank and the next
    /// rank is skipped (1, 1, 3). Neutral polarity has no best → empty result.
    public static func ranks(_ values: [String: Double], polarity: Polarity) -> [String: Int] {
        guard polarity != .neutral else { return [:] }
        let higher = polarity == .higherIsBetter
        let sorted = values.sorted { a, b in
            a.value != b.value ? (higher ? a.value > b.value : a.value < b.value) : a.key < b.key
        }
        var out: [String: Int] = [:]
        for (i, item) in sorted.enumerated() {
            if i > 0, sorted[i - 1].value == item.value {
                out[item.key] = out[sorted[i - 1].key]
            } else {
                out[item.key] = i + 1
            }
        }
        return out
    }

    /// Quartile position of `region` among `values` (which include it).
    /// Rule: with n values, `better` = count strictly better, `worse` = count strictly worse:
    /// top if better < n/4, bottom if worse < n/4; both (n < 4 with no one better or worse) → middle.
    /// Neutral polarity or unknown region → nil.
    public static func quartilePosition(of region: String, among values: [String: Double], polarity: Polarity)
        -> QuartilePosition?
    {
        guard polarity != .neutral, let v = values[region] else { return nil }
        let n = Double(values.count)
        let higher = polarity == .higherIsBetter
        var better = 0
        var worse = 0
        for (_, other) in values where other != v {
            if (other > v) == higher { better += 1 } else { worse += 1 }
        }
        let isTop = Double(better) < n / 4
        let isBottom = Double(worse) < n / 4
        if isTop && isBottom { return .middle }
        if isTop { return .top }
        if isBottom { return .bottom }
        return .middle
    }
}

// MARK: - Norm

public enum NormStatus: Sendable, Hashable {
    case met
    /// Not met; `distance` (> 0) is how far the value is from the norm, in the indicator's unit.
    case notMet(distance: Double)
    case noNorm

    public var dutchLabel: String {
        switch self {
        case .met: return "norm gehaald"
        case .notMet: return "norm niet gehaald"
        case .noNorm: return "geen norm"
        }
    }
}

extension Norm {
    /// Met when value ≥ norm (atLeast) or value ≤ norm (atMost); equal counts as met.
    public func evaluate(_ value: Double) -> NormStatus {
        switch comparison {
        case .atLeast: return value >= self.value ? .met : .notMet(distance: self.value - value)
        case .atMost: return value <= self.value ? .met : .notMet(distance: value - self.value)
        }
    }
}

extension IndicatorDefinition {
    public func normStatus(_ value: Double) -> NormStatus { norm?.evaluate(value) ?? .noNorm }
}

// MARK: - Disclosure control and formatting

/// Where a value is shown. Disclosure control applies to public views and public downloads.
public enum Audience: String, Sendable, Codable, Hashable { case `public`, `internal` }

public struct DisplayValue: Sendable, Hashable {
    /// Text to show, e.g. "1.234,5%" or "<5".
    public var text: String
    /// True when the real value was hidden by disclosure control.
    public var suppressed: Bool
    public init(text: String, suppressed: Bool) {
        self.text = text
        self.suppressed = suppressed
    }
}

public enum ValueFormatter {
    /// Counts below this are shown as "<5" publicly.
    public static let disclosureThreshold = 5.0

    /// `value` rounded to `decimals` (0…10) with a "." decimal point, exactly as `String(format: "%.Nf")`
    /// prints it, except that a negative value that rounds to zero is shown without "-".
    /// Fast path (the open data API formats every value): integer arithmetic on the scaled value
    /// whenever it is not within 1e-6 of a rounding tie; ties, huge values and non-finite values
    /// go to `String(format:)` (C's printf rounds the exact binary value).
    public static func fixed(_ value: Double, decimals: Int) -> String {
        let d = max(0, min(decimals, 10))
        let scaled = abs(value) * powersOfTen[d]
        if scaled < 1e15 {
            let whole = scaled.rounded(.down)
            let fraction = scaled - whole
            if abs(fraction - 0.5) > 1e-6 {
                let n = UInt64(whole) + (fraction > 0.5 ? 1 : 0)
                var digits = String(n)
                if d > 0 {
                    if digits.count <= d { digits = String(repeating: "0", count: d + 1 - digits.count) + digits }
                    digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -d))
                }
                return value < 0 && n != 0 ? "-" + digits : digits
            }
        }
        var text = String(format: "%.\(d)f", value)
        if text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) { text.removeFirst() }
        return text
    }
    private static let powersOfTen: [Double] = (0...10).map { pow(10, Double($0)) }

    /// Dutch number: thousands ".", decimal ",", rounded to `decimals`. -0 is shown as 0.
    public static func number(_ value: Double, decimals: Int) -> String {
        var text = fixed(value, decimals: decimals)
        let negative = text.hasPrefix("-")
        if negative { text.removeFirst() }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let intPart = Array(parts[0])
        var grouped = ""
        for (i, c) in intPart.enumerated() {
            if i > 0, (intPart.count - i) % 3 == 0 { grouped.append(".") }
            grouped.append(c)
        }
        var out = (negative ? "-" : "") + grouped
        if parts.count > 1 { out += "," + parts[1] }
        return out
    }

    /// Number with unit: "12,5%", "€ 1.234", "3,2 weken". Units "aantal" and "" add nothing.
    public static func format(_ value: Double, indicator: IndicatorDefinition) -> String {
        let n = number(value, decimals: indicator.decimals)
        switch indicator.unit {
        case "%": return n + "%"
        case "€": return "€ " + n
        case "", "aantal": return n
        default: return n + " " + indicator.unit
        }
    }

    /// Display text with disclosure control: for count indicators a value below 5 is shown as
    /// "<5" (suppressed = true) to the public audience; internal users see the real value.
    /// Missing values show the reason's Dutch label.
    public static func display(
        _ value: Double?, indicator: IndicatorDefinition, audience: Audience,
        missingReason: MissingReason? = nil
    ) -> DisplayValue {
        guard let value else {
            return DisplayValue(text: (missingReason ?? .notAvailable).dutchLabel, suppressed: false)
        }
        if audience == .public, indicator.isCount, value < disclosureThreshold {
            return DisplayValue(text: "<5", suppressed: true)
        }
        return DisplayValue(text: format(value, indicator: indicator), suppressed: false)
    }

    /// Machine-readable cell for downloads (CSV/JSON): plain number with "." as decimal mark and the
    /// indicator's decimals, or "<5" when suppressed for the public, or "" when missing.
    public static func downloadCell(_ value: Double?, indicator: IndicatorDefinition, audience: Audience)
        -> DisplayValue
    {
        guard let value else { return DisplayValue(text: "", suppressed: false) }
        if audience == .public, indicator.isCount, value < disclosureThreshold {
            return DisplayValue(text: "<5", suppressed: true)
        }
        return DisplayValue(text: fixed(value, decimals: indicator.decimals), suppressed: false)
    }
}
