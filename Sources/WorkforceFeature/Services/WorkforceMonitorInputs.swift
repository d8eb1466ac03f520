import Fluent
import MonitorFeature
import Vapor
import VitaalDomain

/// Inputs the workforce model takes from the labour-market monitor (region PV24, Flevoland), read
/// through `MonitorLookup`. Indicator codes (documented in docs/workforce-model.md):
///
/// | code | meaning | use |
/// |---|---|---|
/// | `az_werkzame_personen` | persons working in care & welfare | base-year stock (all stock cells scaled) |
/// | `az_instroom` | inflow, % of staff per year | scales graduates, side-entrants and returners |
/// | `az_uitstroom` | outflow incl. retirement, % of staff per year | scales the age-band outflow rates |
/// | `az_personeelstekort` | staff shortage, % | compared with the model's shortage (not an input) |
///
/// The value of the scenario's base year is used when present, else the latest value.
public enum WorkforceMonitorInputs {
    public static let region = "PV24"
    public static let stockCode = "az_werkzame_personen"
    public static let inflowCode = "az_instroom"
    public static let outflowCode = "az_uitstroom"
    public static let shortageCode = "az_personeelstekort"
    public static let codes = [stockCode, inflowCode, outflowCode, shortageCode]

    /// What the model does with each indicator (Dutch, for the "Over dit model" page), in the order of `codes`.
    public static let uses: [(code: String, use: String)] = [
        (
            stockCode,
            "Personen werkzaam in zorg en welzijn. Schaalt het personeelsbestand in het basisjaar: alle "
                + "sectoren en subregio's met dezelfde factor."
        ),
        (
            inflowCode,
            "Instroom als % van het personeel per jaar. Schaalt gediplomeerden, zij-instromers en "
                + "herintreders, zodat de instroom in het eerste jaar dat percentage van het bestand is."
        ),
        (
            outflowCode,
            "Uitstroom inclusief pensioen als % van het personeel per jaar. Schaalt de uitstroomkansen per "
                + "leeftijdsgroep, zodat uitstroom plus pensioen in het eerste jaar dat percentage is; het pensioen "
                + "zelf blijft gelijk."
        ),
        (
            shortageCode,
            "Personeelstekort in %. Geen invoer: staat naast het tekort dat het model in het basisjaar berekent."
        )
    ]

    public struct Value: Sendable, Hashable {
        public var code: String
        public var name: String
        public var unit: String
        public var period: String
        public var value: Double
        /// "voorlopig", "definitief" or "voorbeeld".
        public var status: String
    }

    public struct Applied: Sendable, Hashable {
        public var input: Value
        /// The model's own figure for the same quantity before applying (persons or % of staff).
        public var modelValue: Double
        /// What was done with it (Dutch).
        public var effect: String
        public var used: Bool
    }

    /// Reads the indicators from the monitor for `audience`; missing indicators or values are left
    /// out. With `.public` (the default, because the workforce pages are public) an internal
    /// indicator is left out and a suppressed count ("<5") is missing, exactly as on the monitor's
    /// public pages; pass `.internal` only for a logged-in reader.
    public static func fetch(baseYear: Int, audience: MonitorAudience = .public, on db: any Database) async throws
        -> [String: Value]
    {
        let known = Dictionary(
            try await MonitorLookup.indicators(audience: audience, on: db).map { ($0.code, $0) },
            uniquingKeysWith: { a, _ in a })
        var out: [String: Value] = [:]
        for code in codes {
            guard let indicator = known[code] else { continue }
            let points = try await MonitorLookup.series(indicator: code, region: region, audience: audience, on: db)
                .filter { $0.value != nil }
            guard let point = points.first(where: { $0.period == String(baseYear) }) ?? points.last, let v = point.value
            else { continue }
            out[code] = Value(
                code: code, name: indicator.name, unit: indicator.unit, period: point.period, value: v,
                status: point.status)
        }
        return out
    }

    /// The scenario with the monitor's stock, inflow and outflow applied (pure; tested without a database).
    public static func apply(_ values: [String: Value], to scenario: WorkforceScenario) throws -> (
        WorkforceScenario, [Applied]
    ) {
        var s = scenario
        var applied: [Applied] = []
        func rates(_ sc: WorkforceScenario) throws -> (
            stock: Double, inflow: Double, leaving: Double, outflow: Double, retirement: Double, shortage: Double
        ) {
            var short = sc
            short.horizon = sc.baseYear + 1
            let p = try WorkforceEngine.project(short)
            let stock = p.years[0].total.supplyPersons
            let next = p.years[1]
            return (
                stock, next.inflow, next.outflow + next.retirement, next.outflow, next.retirement,
                p.years[0].total.shortageRate
            )
        }
        var model = try rates(s)
        if let v = values[stockCode] {
            if v.value > 0 && model.stock > 0 {
                let f = v.value / model.stock
                for i in s.stock.indices { s.stock[i].persons = scaled(s.stock[i].persons, f) }
                applied.append(
                    Applied(
                        input: v, modelValue: model.stock,
                        effect: "Personeelsbestand \(s.baseYear) geschaald met factor \(fmt(f, 3))", used: true))
                model = try rates(s)
            } else {
                applied.append(
                    Applied(
                        input: v, modelValue: model.stock, effect: "Niet gebruikt: waarde moet groter dan 0 zijn",
                        used: false))
            }
        }
        if let v = values[inflowCode] {
            let target = v.value / 100 * model.stock
            if v.value >= 0 && v.value <= 100 && model.inflow > 0 {
                let f = target / model.inflow
                for i in s.levels.indices { s.levels[i].graduates = scaled(s.levels[i].graduates, f) }
                for i in s.sectors.indices {
                    s.sectors[i].sideEntrants = scaled(s.sectors[i].sideEntrants, f)
                    s.sectors[i].returners = scaled(s.sectors[i].returners, f)
                }
                applied.append(
                    Applied(
                        input: v, modelValue: model.inflow / model.stock * 100,
                        effect:
                            "Instroom (gediplomeerden, zij-instromers, herintreders) geschaald met factor \(fmt(f, 3))",
                        used: true))
            } else {
                applied.append(
                    Applied(
                        input: v, modelValue: model.inflow / max(model.stock, 1) * 100,
                        effect: "Niet gebruikt: percentage buiten 0–100", used: false))
            }
        }
        if let v = values[outflowCode] {
            let target = v.value / 100 * model.stock - model.retirement
            if v.value >= 0 && v.value <= 100 && model.outflow > 0 && target > 0 {
                let f = target / model.outflow
                for i in s.ageBands.indices {
                    s.ageBands[i].outflowRate = scaled(s.ageBands[i].outflowRate, f, cap: 0.9)
                }
                applied.append(
                    Applied(
                        input: v, modelValue: model.leaving / model.stock * 100,
                        effect:
                            "Uitstroomkansen per leeftijdsgroep geschaald met factor \(fmt(f, 3)) (pensioen blijft gelijk)",
                        used: true))
            } else {
                applied.append(
                    Applied(
                        input: v, modelValue: model.leaving / max(model.stock, 1) * 100,
                        effect: "Niet gebruikt: lager dan de pensioenuitstroom of buiten 0–100", used: false))
            }
        }
        if let v = values[shortageCode] {
            applied.append(
                Applied(
                    input: v, modelValue: model.shortage * 100,
                    effect: "Ter vergelijking met het tekort in het basisjaar (geen invoer)", used: false))
        }
        let note = "Uit de arbeidsmarktmonitor (\(region))"
        if applied.contains(where: \.used) {
            s.description =
                (s.description.isEmpty ? "" : s.description + " ") + note + ": "
                + applied.filter(\.used).map { "\($0.input.code) \($0.input.period) = \(fmt($0.input.value, 1))" }
                .joined(separator: ", ") + "."
        }
        try WorkforceScenarioCodec.validate(s)
        return (s, applied)
    }

    static func scaled(_ p: WorkforceParameter, _ f: Double, cap: Double = .greatestFiniteMagnitude)
        -> WorkforceParameter
    {
        var q = p
        q.value = min(cap, p.value * f)
        if let r = p.range { q.range = .init(min(q.value, min(cap, r.low * f)), max(q.value, min(cap, r.high * f))) }
        return q
    }

    static func fmt(_ v: Double, _ decimals: Int) -> String { WorkforceSummary.number(v, decimals: decimals) }
}
