import Foundation

/// Population growth to a target year.
///
/// Population per age band in the target year = base × municipality factor × band factor. A demand
/// point's residents scale by f_m·Σ share_b·f_b, its rides by f_m·Σ share_b·f_b·rate_b / Σ share_b·rate_b
/// (see `AgeRideRates`). New districts of a scenario are given with their target-year residents and
/// are not scaled.
public struct PopulationGrowth: Sendable, Hashable, Codable {
    public var baseYear: Int
    public var targetYear: Int
    /// Total growth factor per municipality (1.16 = +16 %); municipalities not listed use `defaultFactor`.
    public var factorByMunicipality: [String: Double]
    public var defaultFactor: Double
    /// Relative factor per age band (keys as in `AgeRideRates.bands[].band`; missing = 1).
    public var bandFactors: [String: Double]

    public init(
        baseYear: Int, targetYear: Int, factorByMunicipality: [String: Double] = [:], defaultFactor: Double = 1,
        bandFactors: [String: Double] = [:]
    ) {
        self.baseYear = baseYear
        self.targetYear = targetYear
        self.factorByMunicipality = factorByMunicipality
        self.defaultFactor = defaultFactor
        self.bandFactors = bandFactors
    }

    public func factor(for municipality: String?) -> Double {
        municipality.flatMap { factorByMunicipality[$0] } ?? defaultFactor
    }

    func validate(into p: inout ProblemCollector) {
        if targetYear < baseYear {
            p.add(
                "doeljaar \(targetYear) ligt voor basisjaar \(baseYear)", at: SourceLocation(field: "growth.targetYear")
            )
        }
        if targetYear - baseYear > 100 {
            p.add(
                "doeljaar \(targetYear) ligt meer dan 100 jaar na basisjaar \(baseYear)",
                at: SourceLocation(field: "growth.targetYear"))
        }
        let g = AcuteCareLimits.growthFactor
        let band = AcuteCareLimits.bandFactor
        if !g.contains(defaultFactor) {
            p.add(
                "groeifactor moet tussen 0,01 en 6 liggen (−99% tot +500%; is \(defaultFactor))",
                at: SourceLocation(field: "growth.defaultFactor"))
        }
        for (m, f) in factorByMunicipality.sorted(by: { $0.key < $1.key }) where !g.contains(f) {
            p.add(
                "groeifactor voor gemeente \(m) moet tussen 0,01 en 6 liggen (−99% tot +500%; is \(f))",
                at: SourceLocation(field: "growth.factorByMunicipality.\(m)"))
        }
        for (b, f) in bandFactors.sorted(by: { $0.key < $1.key }) where !band.contains(f) {
            p.add(
                "groeifactor voor leeftijdsgroep \(b) moet tussen 0 en 6 liggen (is \(f))",
                at: SourceLocation(field: "growth.bandFactors.\(b)"))
        }
    }
}

/// A post moved to a new location.
public struct PostMove: Sendable, Hashable, Codable {
    public var postId: String
    public var location: GeoPoint
    public init(postId: String, location: GeoPoint) {
        self.postId = postId
        self.location = location
    }
}

/// A what-if on top of the base inputs. All parts are optional; an empty scenario equals the base.
/// Order of application: remove posts, move posts, add posts, add districts, grow population, norm.
public struct AcuteCareScenario: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var description: String?
    public var addedPosts: [AmbulancePost]
    public var movedPosts: [PostMove]
    public var removedPostIds: [String]
    /// New districts (e.g. growth locations) with their residents.
    public var newDistricts: [DemandPoint]
    public var growth: PopulationGrowth?
    public var normMinutes: Double?
    public var dispatchMinutes: Double?
    public var isSchematic: Bool

    public init(
        id: String, name: String, description: String? = nil, addedPosts: [AmbulancePost] = [],
        movedPosts: [PostMove] = [],
        removedPostIds: [String] = [], newDistricts: [DemandPoint] = [], growth: PopulationGrowth? = nil,
        normMinutes: Double? = nil, dispatchMinutes: Double? = nil, isSchematic: Bool = false
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.addedPosts = addedPosts
        self.movedPosts = movedPosts
        self.removedPostIds = removedPostIds
        self.newDistricts = newDistricts
        self.growth = growth
        self.normMinutes = normMinutes
        self.dispatchMinutes = dispatchMinutes
        self.isSchematic = isSchematic
    }

    enum CodingKeys: String, CodingKey {
        case id, name, description, addedPosts, movedPosts, removedPostIds, newDistricts, growth, normMinutes,
            dispatchMinutes, isSchematic
    }

    /// Missing arrays decode as empty, missing `isSchematic` as false.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        name = try c.decodeIfPresent(String.self, forKey: .name) ?? id
        description = try c.decodeIfPresent(String.self, forKey: .description)
        addedPosts = try c.decodeIfPresent([AmbulancePost].self, forKey: .addedPosts) ?? []
        movedPosts = try c.decodeIfPresent([PostMove].self, forKey: .movedPosts) ?? []
        removedPostIds = try c.decodeIfPresent([String].self, forKey: .removedPostIds) ?? []
        newDistricts = try c.decodeIfPresent([DemandPoint].self, forKey: .newDistricts) ?? []
        growth = try c.decodeIfPresent(PopulationGrowth.self, forKey: .growth)
        normMinutes = try c.decodeIfPresent(Double.self, forKey: .normMinutes)
        dispatchMinutes = try c.decodeIfPresent(Double.self, forKey: .dispatchMinutes)
        isSchematic = try c.decodeIfPresent(Bool.self, forKey: .isSchematic) ?? false
    }

    /// The base situation (no changes).
    public static let base = AcuteCareScenario(id: "basis", name: "Huidige situatie")
}

/// Everything the model needs for the base situation.
public struct AcuteCareInputs: Sendable, Codable {
    public var graph: RoadGraph
    public var posts: [AmbulancePost]
    public var demand: [DemandPoint]
    public var settings: CoverageSettings
    public var rideVolume: RideVolume
    public var capacity: CapacitySettings
    public var ageRates: AgeRideRates

    public init(
        graph: RoadGraph, posts: [AmbulancePost], demand: [DemandPoint],
        settings: CoverageSettings = CoverageSettings(),
        rideVolume: RideVolume, capacity: CapacitySettings = CapacitySettings(), ageRates: AgeRideRates = .default
    ) {
        self.graph = graph
        self.posts = posts
        self.demand = demand
        self.settings = settings
        self.rideVolume = rideVolume
        self.capacity = capacity
        self.ageRates = ageRates
    }
}

/// One post in a result.
public struct PostResult: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var location: GeoPoint
    public var isSchematic: Bool
    public var snapMeters: Double
    /// Residents whose nearest post (by response time, or straight line beyond the norm) this is.
    public var populationServed: Double
    public var capacity: PostCapacity
}

/// Outcome of one scenario.
public struct AcuteCareResult: Sendable, Hashable, Codable {
    public var scenarioId: String
    public var scenarioName: String
    public var year: Int?
    public var normMinutes: Double
    public var dispatchMinutes: Double
    public var coverage: CoverageResult
    public var posts: [PostResult]
    public var totalAmbulances: Int
    public var ridesPerYear: Double
    /// Expected coverage with busy ambulances (MEXCLP) next to the deterministic `coverage`.
    public var expected: ExpectedCoverage
    /// Where one extra ambulance at a new site adds the most expected covered residents.
    public var nextPost: NextPostSuggestion?
    /// True if any input is schematic or an example: the UI labels the result "schematisch".
    public var isSchematic: Bool
    /// Dutch notes on assumptions for display.
    public var notes: [String]
}

/// Base and scenario side by side.
public struct AcuteCareComparison: Sendable, Hashable, Codable {
    public var base: AcuteCareResult
    public var scenario: AcuteCareResult
    /// Change in the region's covered share (scenario − base), in percentage points.
    public var coverageDeltaPoints: Double
    public var ambulanceDelta: Int
}

public enum AcuteCareModel {
    /// Validates base + scenario and computes coverage and ambulances per post.
    public static func evaluate(base: AcuteCareInputs, scenario: AcuteCareScenario = .base) throws -> AcuteCareResult {
        let engine = try CoverageEngine(graph: base.graph, settings: base.settings)
        return try evaluate(base: base, scenario: scenario, engine: engine)
    }

    /// Base and scenario with one prepared network.
    public static func compare(base: AcuteCareInputs, scenario: AcuteCareScenario) throws -> AcuteCareComparison {
        let engine = try CoverageEngine(graph: base.graph, settings: base.settings)
        let b = try evaluate(base: base, scenario: .base, engine: engine)
        let s = try evaluate(base: base, scenario: scenario, engine: engine)
        return AcuteCareComparison(
            base: b, scenario: s,
            coverageDeltaPoints: 100 * (s.coverage.region.share - b.coverage.region.share),
            ambulanceDelta: s.totalAmbulances - b.totalAmbulances)
    }

    /// As `evaluate(base:scenario:)` with a prepared engine for `base.graph` (built with `base.settings`).
    public static func evaluate(base: AcuteCareInputs, scenario: AcuteCareScenario, engine: CoverageEngine) throws
        -> AcuteCareResult
    {
        var p = ProblemCollector()
        base.rideVolume.validate(into: &p)
        base.capacity.validate(into: &p)
        for (i, b) in base.ageRates.bands.enumerated() where !(b.populationShare >= 0 && b.ridesPerThousand >= 0) {
            p.add(
                "leeftijdsgroep \(b.band): aandeel en ritfrequentie mogen niet negatief zijn",
                at: SourceLocation(field: "ageRates.bands[\(i)]"))
        }
        // Apply the scenario to the posts.
        var posts = base.posts
        let known = Set(posts.map(\.id))
        for (i, id) in scenario.removedPostIds.enumerated() {
            if !known.contains(id) {
                p.add(
                    "onbekende post \"\(id)\" kan niet worden opgeheven",
                    at: SourceLocation(field: "removedPostIds[\(i)]", element: "post \(id)"))
            }
        }
        posts.removeAll { scenario.removedPostIds.contains($0.id) }
        for (i, m) in scenario.movedPosts.enumerated() {
            if let k = posts.firstIndex(where: { $0.id == m.postId }) {
                posts[k].location = m.location
            } else {
                p.add(
                    "onbekende post \"\(m.postId)\" kan niet worden verplaatst",
                    at: SourceLocation(field: "movedPosts[\(i)]", element: "post \(m.postId)"))
            }
        }
        for (i, a) in scenario.addedPosts.enumerated() {
            if posts.contains(where: { $0.id == a.id }) {
                p.add(
                    "nieuwe post \"\(a.id)\" heeft een id dat al bestaat",
                    at: SourceLocation(field: "addedPosts[\(i)]", element: "post \(a.id)"))
            }
            posts.append(a)
        }
        if posts.isEmpty {
            p.add("het scenario laat geen enkele ambulancepost over", at: SourceLocation(field: "removedPostIds"))
        }
        scenario.growth?.validate(into: &p)
        let norm = scenario.normMinutes ?? base.settings.normMinutes
        let dispatch = scenario.dispatchMinutes ?? base.settings.dispatchMinutes
        if !(norm > 0) {
            p.add("de norm moet groter zijn dan 0 minuten (is \(norm))", at: SourceLocation(field: "normMinutes"))
        }
        if !(dispatch >= 0) {
            p.add(
                "meldings- en uitruktijd mag niet negatief zijn (is \(dispatch))",
                at: SourceLocation(field: "dispatchMinutes"))
        }
        try p.throwIfAny("Scenario \"\(scenario.name)\" is ongeldig")

        // Demand: base points scaled by growth, plus new districts.
        let baseTotal = base.demand.reduce(0) { $0 + $1.population }
        let basePerCapita = baseTotal > 0 ? base.rideVolume.ridesPerYear / baseTotal : 0
        var demand: [DemandPoint] = []
        var rides: [Double] = []
        let bandPop = base.ageRates.populationMultiplier(bandFactors: scenario.growth?.bandFactors ?? [:])
        let bandRide = base.ageRates.rideMultiplier(bandFactors: scenario.growth?.bandFactors ?? [:])
        for d in base.demand {
            var d2 = d
            let f = scenario.growth?.factor(for: d.municipality) ?? 1
            if scenario.growth != nil { d2.population = d.population * f * bandPop }
            demand.append(d2)
            rides.append(d.population * basePerCapita * (scenario.growth == nil ? 1 : f * bandRide))
        }
        for d in scenario.newDistricts {
            demand.append(d)
            rides.append(d.population * basePerCapita)
        }
        let eng =
            (norm == engine.settings.normMinutes && dispatch == engine.settings.dispatchMinutes)
            ? engine : try engine.withNorm(normMinutes: norm, dispatchMinutes: dispatch)
        let coverage = try eng.coverage(posts: posts, demand: demand)

        // Rides per post: by the post with the shortest response time (searched up to the cap), else the
        // nearest in a straight line (points without road or beyond the cap).
        var postRides = [Double](repeating: 0, count: posts.count)
        var postPop = [Double](repeating: 0, count: posts.count)
        let indexOf = Dictionary(uniqueKeysWithValues: posts.enumerated().map { ($1.id, $0) })
        for (i, pc) in coverage.points.enumerated() {
            let k =
                pc.nearestPostId.flatMap { indexOf[$0] }
                ?? CoverageEngine.nearestByDistance(demand[i].location, posts: posts)
            if let k {
                postRides[k] += rides[i]
                postPop[k] += demand[i].population
            }
        }
        let regionRides = base.rideVolume.ridesPerYear
        let postResults = try posts.enumerated().map { k, post in
            let share = regionRides > 0 ? postRides[k] / regionRides : 0
            let cap = try AmbulanceCapacity.post(
                id: post.id, hourly: base.rideVolume.hourly, share: share, settings: base.capacity)
            return PostResult(
                id: post.id, name: post.name, location: post.location, isSchematic: post.isSchematic,
                snapMeters: coverage.posts[k].snapMeters, populationServed: postPop[k], capacity: cap)
        }
        // MEXCLP: the capacity model's roster gives the ambulance-hours, the ambulances at the peak per
        // post are the ones that may reach a point.
        let ambulances = postResults.map(\.capacity.ambulancesNeeded)
        let inReach = eng.ambulancesInReach(posts: coverage.posts, ambulances: ambulances, demand: demand)
        let rosterHours =
            Double(postResults.reduce(0) { $0 + $1.capacity.ambulancesByHour.reduce(0, +) }) * RideVolume.weeksPerYear
        let expected = ExpectedCoverage.compute(
            ridesPerYear: rides.reduce(0, +), meanTaskMinutes: base.capacity.meanTaskMinutes,
            ambulanceHours: rosterHours, population: demand.map(\.population), ambulancesInReach: inReach)
        let nextPost = eng.bestNextPost(demand: demand, ambulancesInReach: inReach, busyFraction: expected.busyFraction)
        let schematic =
            scenario.isSchematic || base.rideVolume.isExample || base.ageRates.isSchematic
            || base.settings.speeds.isSchematic
            || posts.contains { $0.isSchematic } || demand.contains { $0.isSchematic }
        var notes = [
            "Responstijd = meldings- en uitruktijd (\(format(dispatch)) min) + rijtijd; norm \(format(norm)) min inclusief meldings- en uitruktijd.",
            "Ambulances per post: kleinste aantal waarbij de kans dat geen ambulance vrij is (Erlang-B) in het drukste uur ≤ \(format(base.capacity.maxBusyProbability * 100)) %, taaktijd \(format(base.capacity.meanTaskMinutes)) min."
        ]
        notes.append(
            "Verwachte dekking (MEXCLP, Daskin): een plaats die k ambulances binnen de norm bereiken, wordt met kans "
                + "1 − q^k op tijd bereikt; q = ritten × taaktijd / beschikbare ambulance-uren (rooster per uur × 52,18 weken) "
                + "= \(DutchNumberFormat.format(expected.busyFraction, decimals: 3, grouping: false)).")
        if expected.isClamped {
            let offered =
                expected.offeredBusyFraction.isFinite
                ? DutchNumberFormat.format(expected.offeredBusyFraction, decimals: 2, grouping: false) : "onbeperkt"
            notes.append("Het ritvolume is groter dan de capaciteit (q zou \(offered) zijn); q is begrensd op 0,99.")
        }
        if let g = scenario.growth {
            notes.append(
                "Bevolkingsgroei \(g.baseYear)→\(g.targetYear); ritten groeien met leeftijdsspecifieke ritfrequenties.")
        }
        if schematic {
            notes.append(
                "Schematisch: (een deel van) de invoer is voorbeelddata of een aanname; geen officiële cijfers.")
        }
        return AcuteCareResult(
            scenarioId: scenario.id, scenarioName: scenario.name, year: scenario.growth?.targetYear,
            normMinutes: norm, dispatchMinutes: dispatch, coverage: coverage, posts: postResults,
            totalAmbulances: postResults.reduce(0) { $0 + $1.capacity.ambulancesNeeded },
            ridesPerYear: rides.reduce(0, +), expected: expected, nextPost: nextPost, isSchematic: schematic,
            notes: notes)
    }

    static func format(_ x: Double) -> String {
        DutchNumberFormat.format(x, decimals: x == x.rounded() ? 0 : 1, grouping: false)
    }
}
