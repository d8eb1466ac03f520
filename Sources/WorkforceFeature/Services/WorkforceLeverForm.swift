import Foundation
import VitaalDomain

/// The scenario form: the four policy levers (shown in %), the horizon and the year of the summary.
/// Used for the "bereken" what-if (GET parameters, nothing saved) and for saving a new version (POST).
/// Values are parsed Dutch-style ("1,5" or "1.5"); every problem names its field.
public struct WorkforceLeverForm: Sendable {
    /// Lever values as fractions, by lever id.
    public var levers: [String: Double] = [:]
    public var horizon: Int
    public var year: Int
    /// Apply the labour-market monitor's latest inflow/outflow/stock figures.
    public var useMonitor = false
    /// Field name → Dutch message.
    public var errors: [String: String] = [:]
    /// Raw text per field, to show the user's input again.
    public var raw: [String: String] = [:]
    /// True when any lever, the horizon or the monitor option differs from the saved scenario.
    public var changesScenario = false

    /// The latest horizon a visitor may ask for (or the saved scenario's own horizon when later):
    /// bounds the years, and so the work, of one page view. Documented in docs/workforce-model.md.
    public static let latestHorizon = 2060
    public static func horizonRange(_ s: WorkforceScenario) -> ClosedRange<Int> {
        s.baseYear...max(latestHorizon, s.horizon)
    }

    public static let yearField = "jaar"
    public static let horizonField = "horizon"
    public static let monitorField = "monitor"

    /// The form as filled from a scenario (no input).
    public init(scenario: WorkforceScenario) {
        for def in WorkforceLevers.catalogue {
            levers[def.id] = scenario.levers[def.id].value
            raw[def.id] = Self.display(scenario.levers[def.id].value * def.displayFactor)
        }
        horizon = scenario.horizon
        year = min(max(2032, scenario.baseYear), scenario.horizon)
        raw[Self.horizonField] = String(horizon)
        raw[Self.yearField] = String(year)
    }

    /// Parses submitted values over the scenario's own values; absent fields keep the scenario's value.
    public init(scenario: WorkforceScenario, input: [String: String]) {
        self.init(scenario: scenario)
        for def in WorkforceLevers.catalogue {
            guard let text = input[def.id]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { continue }
            raw[def.id] = text
            guard let shown = Self.number(text) else {
                errors[def.id] = "\"\(BoundedNumber.short(text))\" is geen getal"
                continue
            }
            let value = shown / def.displayFactor
            let lo = def.min * def.displayFactor
            let hi = def.max * def.displayFactor
            if value < def.min - 1e-12 || value > def.max + 1e-12 {
                errors[def.id] =
                    "moet tussen \(Self.display(lo)) en \(Self.display(hi)) liggen (\(def.unit)); als fractie tussen 0 en 1"
                continue
            }
            if abs(value - (levers[def.id] ?? 0)) > 1e-12 { changesScenario = true }
            levers[def.id] = value
        }
        if let text = input[Self.horizonField]?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            raw[Self.horizonField] = text
            let range = Self.horizonRange(scenario)
            if let h = try? BoundedNumber.int(text, field: Self.horizonField, in: Int.min...Int.max) {
                if h < scenario.baseYear {
                    errors[Self.horizonField] = "de horizon (\(h)) ligt vóór het basisjaar \(scenario.baseYear)"
                } else if h > range.upperBound {
                    errors[Self.horizonField] = "de horizon mag hoogstens \(range.upperBound) zijn (is \(h))"
                } else {
                    if h != horizon { changesScenario = true }
                    horizon = h
                }
            } else {
                errors[Self.horizonField] = "\"\(BoundedNumber.short(text))\" is geen jaartal"
            }
        }
        year = min(year, horizon)
        raw[Self.yearField] = String(year)
        if let text = input[Self.yearField]?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            raw[Self.yearField] = text
            if let y = try? BoundedNumber.int(text, field: Self.yearField, in: scenario.baseYear...horizon) {
                year = y
            } else {
                errors[Self.yearField] = "kies een jaar van \(scenario.baseYear) tot en met \(horizon)"
            }
        }
        if let m = input[Self.monitorField], ["1", "on", "ja", "true"].contains(m.lowercased()) {
            useMonitor = true
            changesScenario = true
        }
    }

    public var isValid: Bool { errors.isEmpty }

    /// The scenario with the form's levers and horizon. A lever's uncertainty range moves with its value.
    public func apply(to scenario: WorkforceScenario) -> WorkforceScenario {
        var s = scenario
        for def in WorkforceLevers.catalogue {
            guard let v = levers[def.id] else { continue }
            var p = s.levers[def.id]
            let delta = v - p.value
            p.value = v
            if let r = p.range {
                p.range = .init(max(def.min, min(v, r.low + delta)), min(def.max, max(v, r.high + delta)))
            }
            s.levers[def.id] = p
        }
        s.horizon = horizon
        return s
    }

    /// Query string of the form (for links: downloads, report, comparison) without the year.
    public var queryItems: [(String, String)] {
        var items: [(String, String)] = WorkforceLevers.catalogue.map { def in
            (def.id, Self.display((levers[def.id] ?? 0) * def.displayFactor))
        }
        items.append((Self.horizonField, String(horizon)))
        items.append((Self.yearField, String(year)))
        if useMonitor { items.append((Self.monitorField, "1")) }
        return items
    }

    /// A lever value as typed ("1,5", "1.5", "2 %"): `BoundedNumber` syntax (no exponent, `nan`,
    /// `inf`, at most 40 characters); the lever's own range is checked by the caller.
    static func number(_ text: String) -> Double? {
        let t = text.replacingOccurrences(of: "%", with: "").trimmingCharacters(in: .whitespaces)
        return try? BoundedNumber.decimal(
            t, field: "getal", in: -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude)
    }

    /// Up to 3 decimals, Dutch comma, no trailing zeros: 0.5 → "0,5", 10 → "10".
    static func display(_ v: Double) -> String {
        var s = String(format: "%.3f", (v * 1000).rounded() / 1000)
        while s.contains(".") && (s.hasSuffix("0") || s.hasSuffix(".")) { s.removeLast() }
        if s == "-0" { s = "0" }
        return s.replacingOccurrences(of: ".", with: ",")
    }
}
