import Foundation

/// A model input: a value, optionally an uncertainty range (sampled triangularly around `value` in
/// Monte Carlo runs), and its provenance. `assumption` (Dutch) marks the value as an *aanname*; `source`
/// cites the seed document and lines for a published fact.
public struct WorkforceParameter: Sendable, Hashable, ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral {
    public struct Range: Sendable, Hashable {
        public var low: Double
        public var high: Double
        public init(_ low: Double, _ high: Double) {
            self.low = low
            self.high = high
        }
    }
    public var value: Double
    public var range: Range?
    /// Dutch explanation why this value was assumed; non-nil means "aanname".
    public var assumption: String?
    /// Citation of a published figure, e.g. `Regioplan IZA Flevoland, hoofdstuk 2 "Flevoland in woord en beeld"` (title and section).
    public var source: String?

    public init(_ value: Double, range: Range? = nil, assumption: String? = nil, source: String? = nil) {
        self.value = value
        self.range = range
        self.assumption = assumption
        self.source = source
    }
    public init(floatLiteral value: Double) { self.init(value) }
    public init(integerLiteral value: Int) { self.init(Double(value)) }

    /// An assumed value with a Dutch reason (shown as "aanname" in the UI).
    public static func assumed(_ value: Double, _ note: String, range: ClosedRange<Double>? = nil) -> WorkforceParameter
    {
        WorkforceParameter(value, range: range.map { Range($0.lowerBound, $0.upperBound) }, assumption: note)
    }
    /// A published figure with its source.
    public static func fact(_ value: Double, source: String, range: ClosedRange<Double>? = nil) -> WorkforceParameter {
        WorkforceParameter(value, range: range.map { Range($0.lowerBound, $0.upperBound) }, source: source)
    }
    public var isAssumption: Bool { assumption != nil }
    public var isUncertain: Bool { range.map { $0.high > $0.low } ?? false }
}

public struct WorkforcePopulationBand: Sendable, Hashable {
    public var id: String
    public var name: String
    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}

/// A sector of care and welfare (ziekenhuizen, VVT, GGZ …) with its supply and demand parameters.
public struct WorkforceSector: Sendable, Hashable {
    public var id: String
    public var name: String
    /// FTE per person (part-time factor).
    public var fteFactor: WorkforceParameter
    /// Open vacancies in the base year as a share of the staff stock; base demand = stock × (1 + rate).
    public var vacancyRate: WorkforceParameter
    /// Multiplier on the age-band outflow rates (sectors with more turnover > 1).
    public var outflowFactor: WorkforceParameter
    /// Share of each level's graduates that starts in this sector (0–1; shares over sectors sum ≤ 1).
    public var graduateShare: WorkforceParameter
    /// Side-entrants (zij-instromers) per year, persons, whole region.
    public var sideEntrants: WorkforceParameter
    /// Returners (herintreders) per year, persons, whole region.
    public var returners: WorkforceParameter
    /// Base-year distribution of the stock over qualification levels (one share per level, sum 1).
    public var levelShares: [WorkforceParameter]
    /// Base-year distribution of the stock over age bands (one share per age band, sum 1).
    public var ageShares: [WorkforceParameter]
    /// Relative care use per inhabitant, one weight per population band (drives demand by ageing).
    public var careUse: [WorkforceParameter]
    /// True for sectors that take over demand through the task-shifting lever (welfare, informal network).
    public var receivesTaskShift: Bool

    public init(
        id: String, name: String, fteFactor: WorkforceParameter, vacancyRate: WorkforceParameter,
        outflowFactor: WorkforceParameter = 1, graduateShare: WorkforceParameter, sideEntrants: WorkforceParameter,
        returners: WorkforceParameter, levelShares: [WorkforceParameter], ageShares: [WorkforceParameter],
        careUse: [WorkforceParameter], receivesTaskShift: Bool = false
    ) {
        self.id = id
        self.name = name
        self.fteFactor = fteFactor
        self.vacancyRate = vacancyRate
        self.outflowFactor = outflowFactor
        self.graduateShare = graduateShare
        self.sideEntrants = sideEntrants
        self.returners = returners
        self.levelShares = levelShares
        self.ageShares = ageShares
        self.careUse = careUse
        self.receivesTaskShift = receivesTaskShift
    }
}

/// A qualification level (e.g. MBO 1-3, MBO 4, HBO/WO) with its yearly regional graduates.
public struct WorkforceLevel: Sendable, Hashable {
    public var id: String
    public var name: String
    /// Graduates per year in the region at this level (persons, all sectors together).
    public var graduates: WorkforceParameter
    public init(id: String, name: String, graduates: WorkforceParameter) {
        self.id = id
        self.name = name
        self.graduates = graduates
    }
}

/// A staff age band `[fromAge, toAge]` (inclusive). Each year 1/(width) of the band ages into the next
/// band; leaving the last band is retirement.
public struct WorkforceAgeBand: Sendable, Hashable {
    public var id: String
    public var fromAge: Int
    public var toAge: Int
    /// Yearly share leaving care and welfare (other than retirement), before the sector factor.
    public var outflowRate: WorkforceParameter
    /// Share of side-entrants and returners entering in this band (sum over bands 1). Graduates enter the first band.
    public var lateralEntryShare: WorkforceParameter
    public init(
        id: String, fromAge: Int, toAge: Int, outflowRate: WorkforceParameter, lateralEntryShare: WorkforceParameter
    ) {
        self.id = id
        self.fromAge = fromAge
        self.toAge = toAge
        self.outflowRate = outflowRate
        self.lateralEntryShare = lateralEntryShare
    }
    public var width: Int { toAge - fromAge + 1 }
}

/// A (sub)region with its population per population band and the yearly growth per band.
public struct WorkforceRegion: Sendable, Hashable {
    public var id: String
    public var name: String
    /// Inhabitants in the base year, one value per population band.
    public var population: [WorkforceParameter]
    /// Yearly growth rate per population band (may be negative, > -1); with `populationByYear` only for the
    /// years after the path.
    public var populationGrowth: [WorkforceParameter]
    /// Inhabitants per year from the base year on and per population band, e.g. from `PopulationProjection`.
    /// When given, demand follows this path relative to its first row instead of the growth rates; rows after
    /// the horizon are not used, years after the last row continue it with `populationGrowth`.
    public var populationByYear: [[Double]]
    public init(
        id: String, name: String, population: [WorkforceParameter], populationGrowth: [WorkforceParameter],
        populationByYear: [[Double]] = []
    ) {
        self.id = id
        self.name = name
        self.population = population
        self.populationGrowth = populationGrowth
        self.populationByYear = populationByYear
    }
}

/// Staff (persons) of one sector in one region in the base year.
public struct WorkforceStock: Sendable, Hashable {
    public var sector: String
    public var region: String
    public var persons: WorkforceParameter
    public init(sector: String, region: String, persons: WorkforceParameter) {
        self.sector = sector
        self.region = region
        self.persons = persons
    }
}

/// A yearly flow of a share of the staff between two sectors or two levels (throughput, doorstroom).
public struct WorkforceMove: Sendable, Hashable {
    public var from: String
    public var to: String
    public var rate: WorkforceParameter
    public init(from: String, to: String, rate: WorkforceParameter) {
        self.from = from
        self.to = to
        self.rate = rate
    }
}

/// Definition of a policy lever for the scenario form: id, Dutch label, unit, default and bounds.
/// Values are fractions (0.01 = 1 %); multiply by `displayFactor` to show them in `unit`.
public struct WorkforceLeverDefinition: Sendable, Hashable, Codable {
    public var id: String
    public var label: String
    public var help: String
    public var unit: String
    public var displayFactor: Double
    public var defaultValue: Double
    public var min: Double
    public var max: Double
    /// Step used by the sensitivity ranking ("what does a realistic push on this lever bring").
    public var sensitivityStep: Double
}

/// The policy levers of a scenario (all fractions).
public struct WorkforceLevers: Sendable, Hashable {
    /// Productivity gain from working differently and technology, per year (demand ÷ (1+p)^t).
    public var productivity: WorkforceParameter
    /// Relative reduction of all outflow rates (behoud).
    public var outflowReduction: WorkforceParameter
    /// Relative extra inflow on graduates, side-entrants and returners.
    public var extraInflow: WorkforceParameter
    /// Share of the demand of the other sectors shifted per year to the receiving sectors (cumulative, max 50 %).
    public var taskShifting: WorkforceParameter

    public init(
        productivity: WorkforceParameter = 0, outflowReduction: WorkforceParameter = 0,
        extraInflow: WorkforceParameter = 0, taskShifting: WorkforceParameter = 0
    ) {
        self.productivity = productivity
        self.outflowReduction = outflowReduction
        self.extraInflow = extraInflow
        self.taskShifting = taskShifting
    }

    public static let catalogue: [WorkforceLeverDefinition] = [
        WorkforceLeverDefinition(
            id: "productivity", label: "Productiviteitswinst door anders werken en technologie",
            help: "Jaarlijkse daling van het benodigde personeel per eenheid zorgvraag.",
            unit: "% per jaar", displayFactor: 100, defaultValue: 0, min: 0, max: 0.05, sensitivityStep: 0.01),
        WorkforceLeverDefinition(
            id: "outflowReduction", label: "Minder uitstroom (behoud van personeel)",
            help: "Relatieve daling van de uitstroom uit zorg en welzijn (exclusief pensioen).",
            unit: "% minder uitstroom", displayFactor: 100, defaultValue: 0, min: 0, max: 0.5, sensitivityStep: 0.1),
        WorkforceLeverDefinition(
            id: "extraInflow", label: "Extra instroom (opleiden, zij-instroom, herintreders)",
            help: "Relatieve toename van alle instroom.",
            unit: "% extra instroom", displayFactor: 100, defaultValue: 0, min: 0, max: 1, sensitivityStep: 0.1),
        WorkforceLeverDefinition(
            id: "taskShifting", label: "Taakherschikking van zorg naar welzijn en netwerk",
            help:
                "Deel van de zorgvraag dat per jaar verschuift naar welzijn en het sociale netwerk (opbouwend, maximaal 50 %).",
            unit: "%-punt per jaar", displayFactor: 100, defaultValue: 0, min: 0, max: 0.05, sensitivityStep: 0.005)
    ]
    public static let ids = catalogue.map(\.id)

    public subscript(id: String) -> WorkforceParameter {
        get {
            switch id {
            case "productivity": return productivity
            case "outflowReduction": return outflowReduction
            case "extraInflow": return extraInflow
            case "taskShifting": return taskShifting
            default: return 0
            }
        }
        set {
            switch id {
            case "productivity": productivity = newValue
            case "outflowReduction": outflowReduction = newValue
            case "extraInflow": extraInflow = newValue
            case "taskShifting": taskShifting = newValue
            default: break
            }
        }
    }
}

/// A full workforce-planning (RSPP) scenario. Read and write it with `WorkforceScenarioCodec`.
public struct WorkforceScenario: Sendable, Hashable {
    public var id: String
    public var name: String
    public var description: String
    public var baseYear: Int
    /// Last projected year (default 2040).
    public var horizon: Int
    public var populationBands: [WorkforcePopulationBand]
    public var sectors: [WorkforceSector]
    public var levels: [WorkforceLevel]
    public var ageBands: [WorkforceAgeBand]
    public var regions: [WorkforceRegion]
    public var stock: [WorkforceStock]
    public var sectorMoves: [WorkforceMove]
    public var levelMoves: [WorkforceMove]
    /// Non-demographic growth of care use per year (epidemiology, complexity).
    public var extraDemandGrowth: WorkforceParameter
    /// Yearly change of FTE per person (negative: smaller contracts).
    public var fteTrend: WorkforceParameter
    /// Share of task-shifted demand that still needs paid staff in the receiving sectors (rest: network, volunteers).
    public var taskShiftAbsorption: WorkforceParameter
    public var levers: WorkforceLevers
    public var monteCarloRuns: Int
    public var seed: UInt64

    public init(
        id: String, name: String, description: String = "", baseYear: Int, horizon: Int = 2040,
        populationBands: [WorkforcePopulationBand], sectors: [WorkforceSector], levels: [WorkforceLevel],
        ageBands: [WorkforceAgeBand], regions: [WorkforceRegion], stock: [WorkforceStock],
        sectorMoves: [WorkforceMove] = [], levelMoves: [WorkforceMove] = [], extraDemandGrowth: WorkforceParameter = 0,
        fteTrend: WorkforceParameter = 0, taskShiftAbsorption: WorkforceParameter = 0.5,
        levers: WorkforceLevers = WorkforceLevers(), monteCarloRuns: Int = 1000, seed: UInt64 = 2024
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.baseYear = baseYear
        self.horizon = horizon
        self.populationBands = populationBands
        self.sectors = sectors
        self.levels = levels
        self.ageBands = ageBands
        self.regions = regions
        self.stock = stock
        self.sectorMoves = sectorMoves
        self.levelMoves = levelMoves
        self.extraDemandGrowth = extraDemandGrowth
        self.fteTrend = fteTrend
        self.taskShiftAbsorption = taskShiftAbsorption
        self.levers = levers
        self.monteCarloRuns = monteCarloRuns
        self.seed = seed
    }

    public var years: ClosedRange<Int> { baseYear...horizon }
}
