import Foundation
import VitaalDomain

/// Everything a results page shows for one scenario: projection, Monte Carlo bands, lever ranking,
/// summary and the calibration check.
public struct WorkforceResults: Sendable {
    /// Monte Carlo runs on web pages (kept modest for response time; the CLI and API may ask for more).
    public static let pageRuns = 200

    public var scenario: WorkforceScenario
    public var projection: WorkforceProjection
    public var uncertainty: WorkforceUncertainty?
    public var sensitivity: WorkforceSensitivity
    public var year: Int

    public init(scenario: WorkforceScenario, year: Int, runs: Int? = WorkforceResults.pageRuns) throws {
        self.scenario = scenario
        projection = try WorkforceEngine.project(scenario)
        self.year = min(max(year, scenario.baseYear), scenario.horizon)
        uncertainty = try runs.map { try WorkforceEngine.monteCarlo(scenario, runs: $0, seed: scenario.seed) }
        sensitivity = try WorkforceEngine.sensitivity(scenario, year: self.year)
    }

    /// Results by their full input (the scenario file text, the year and the runs), so repeated
    /// anonymous views of a scenario or a what-if cost nothing. Bounded to 32 entries (LRU).
    static let cache = ResultCache<WorkforceResults>(capacity: 32)

    /// As `init`, from the cache when the same scenario, year and runs were computed before.
    public static func cached(scenario: WorkforceScenario, year: Int, runs: Int? = WorkforceResults.pageRuns) throws
        -> WorkforceResults
    {
        let key = "\(year)|\(runs.map(String.init) ?? "-")|" + WorkforceScenarioCodec.encode(scenario)
        return try cache.value(for: key) { try WorkforceResults(scenario: scenario, year: year, runs: runs) }
    }

    public var summary: String { WorkforceSummary.text(projection, year: year) }
    public var yearResult: WorkforceYearResult { projection.year(year) ?? projection.years.last! }
    public var band: WorkforceUncertaintyYear? { uncertainty?.years.first { $0.year == year } }

    /// One calibration figure: the published value, the model's value for this scenario, and whether it is within 2 %.
    public struct CalibrationRow: Sendable {
        public var target: WorkforceCalibrationTarget
        public var model: Double?
        public var isRate: Bool
        public var reproduced: Bool? {
            guard let model else { return nil }
            return abs(model - target.value) <= 0.02 * abs(target.value)
        }
    }

    /// The seed figures (`WorkforceScenario.flevolandTargets`) against this scenario's projection.
    public var calibration: [CalibrationRow] {
        let p = projection
        func growth(_ a: Int, _ b: Int) -> Double? {
            guard let x = p.year(a), let y = p.year(b), x.careDemandIndex > 0 else { return nil }
            return y.careDemandIndex / x.careDemandIndex - 1
        }
        return WorkforceScenario.flevolandTargets.map { t in
            switch t.id {
            case "careDemandGrowth2023_2032": return CalibrationRow(target: t, model: growth(2023, 2032), isRate: true)
            case "careDemandGrowth2023_2033": return CalibrationRow(target: t, model: growth(2023, 2033), isRate: true)
            case "demandPersons2032":
                return CalibrationRow(target: t, model: p.year(2032)?.total.demandPersons, isRate: false)
            case "supplyPersons2032":
                return CalibrationRow(target: t, model: p.year(2032)?.total.supplyPersons, isRate: false)
            case "shortageRate2020":
                return CalibrationRow(target: t, model: p.year(2020)?.total.shortageRate, isRate: true)
            case "shortageRate2032":
                return CalibrationRow(target: t, model: p.year(2032)?.total.shortageRateFTE, isRate: true)
            default: return CalibrationRow(target: t, model: nil, isRate: t.value < 1)
            }
        }
    }
}

/// Every parameter of a scenario with its place, value, range and provenance (for the "aanname" list).
public struct WorkforceParameterRow: Sendable {
    public var group: String
    public var name: String
    public var parameter: WorkforceParameter
    /// True for fractions shown as %.
    public var isRate: Bool

    public static func all(_ s: WorkforceScenario) -> [WorkforceParameterRow] {
        var rows: [WorkforceParameterRow] = []
        func add(_ g: String, _ n: String, _ p: WorkforceParameter, rate: Bool) {
            rows.append(.init(group: g, name: n, parameter: p, isRate: rate))
        }
        add("Algemeen", "Niet-demografische groei zorgvraag per jaar", s.extraDemandGrowth, rate: true)
        add("Algemeen", "Trend fte per persoon per jaar", s.fteTrend, rate: true)
        add("Algemeen", "Deel taakherschikking dat betaald personeel vraagt", s.taskShiftAbsorption, rate: true)
        for def in WorkforceLevers.catalogue { add("Hefbomen", def.label, s.levers[def.id], rate: true) }
        for x in s.sectors {
            let g = "Sector \(x.name)"
            add(g, "Fte per persoon", x.fteFactor, rate: false)
            add(g, "Openstaande vacatures (deel van personeel)", x.vacancyRate, rate: true)
            add(g, "Factor op uitstroom", x.outflowFactor, rate: false)
            add(g, "Deel gediplomeerden dat in deze sector begint", x.graduateShare, rate: true)
            add(g, "Zij-instromers per jaar", x.sideEntrants, rate: false)
            add(g, "Herintreders per jaar", x.returners, rate: false)
            for (i, p) in x.levelShares.enumerated() where i < s.levels.count {
                add(g, "Aandeel niveau \(s.levels[i].name)", p, rate: true)
            }
            for (i, p) in x.ageShares.enumerated() where i < s.ageBands.count {
                add(g, "Aandeel leeftijd \(s.ageBands[i].fromAge)–\(s.ageBands[i].toAge)", p, rate: true)
            }
            for (i, p) in x.careUse.enumerated() where i < s.populationBands.count {
                add(g, "Relatief zorggebruik \(s.populationBands[i].name)", p, rate: false)
            }
        }
        for x in s.levels { add("Opleidingsniveaus", "Gediplomeerden per jaar \(x.name)", x.graduates, rate: false) }
        for x in s.ageBands {
            add("Leeftijdsgroepen", "Uitstroomkans \(x.fromAge)–\(x.toAge) jaar", x.outflowRate, rate: true)
            add(
                "Leeftijdsgroepen", "Aandeel zij-instroom \(x.fromAge)–\(x.toAge) jaar", x.lateralEntryShare, rate: true
            )
        }
        for x in s.regions {
            for (i, p) in x.population.enumerated() where i < s.populationBands.count {
                add("Deelregio \(x.name)", "Inwoners \(s.populationBands[i].name)", p, rate: false)
            }
            // With a yearly path the growth rate only continues it after its last year.
            let growth =
                x.populationByYear.isEmpty ? "Bevolkingsgroei per jaar" : "Bevolkingsgroei per jaar na het jaarpad"
            for (i, p) in x.populationGrowth.enumerated() where i < s.populationBands.count {
                add("Deelregio \(x.name)", "\(growth) \(s.populationBands[i].name)", p, rate: true)
            }
            if let last = x.populationByYear.last {
                let year = s.baseYear + x.populationByYear.count - 1
                let note =
                    "Jaarpad van de bevolking in het scenario (\(s.baseYear)–\(year)), uit de bevolkingsprognose."
                add(
                    "Deelregio \(x.name)", "Inwoners \(year) volgens het jaarpad",
                    .assumed(last.reduce(0, +).rounded(), note), rate: false)
            }
        }
        let sectorName = Dictionary(uniqueKeysWithValues: s.sectors.map { ($0.id, $0.name) })
        let regionName = Dictionary(uniqueKeysWithValues: s.regions.map { ($0.id, $0.name) })
        let levelName = Dictionary(uniqueKeysWithValues: s.levels.map { ($0.id, $0.name) })
        for x in s.stock {
            add(
                "Personeel \(s.baseYear)", "\(sectorName[x.sector] ?? x.sector) – \(regionName[x.region] ?? x.region)",
                x.persons, rate: false)
        }
        for m in s.sectorMoves {
            add(
                "Doorstroom tussen sectoren", "\(sectorName[m.from] ?? m.from) → \(sectorName[m.to] ?? m.to)", m.rate,
                rate: true)
        }
        for m in s.levelMoves {
            add("Opscholing", "\(levelName[m.from] ?? m.from) → \(levelName[m.to] ?? m.to)", m.rate, rate: true)
        }
        return rows
    }
}
