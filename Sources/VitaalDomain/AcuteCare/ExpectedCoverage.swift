import Foundation

/// Expected coverage with busy ambulances: Daskin's maximum expected covering location model
/// (MEXCLP; Daskin 1983, Transportation Science 17(1)).
///
/// Every ambulance is busy with the same probability q (the busy fraction), independently of the
/// others. A demand point that k ambulances reach within the norm is then served in time with
/// probability 1 − q^k, and the expected covered population is Σ population·(1 − q^k). With q = 0 it
/// equals the deterministic coverage; with k = 0 a point contributes nothing.
///
/// q = rides per year × mean task time (h) / ambulance-hours available per year, the hours being
/// the capacity model's roster (ambulances needed per hour of the week × 52.18 weeks). q is clamped
/// to [0, `maxBusyFraction`]: at or above 1 the volume exceeds the capacity and the model would
/// say nothing.
public struct ExpectedCoverage: Sendable, Hashable, Codable {
    /// The busy fraction q used (clamped).
    public var busyFraction: Double
    /// q before clamping (> `maxBusyFraction` when the ride volume exceeds the capacity).
    public var offeredBusyFraction: Double
    public var isClamped: Bool { offeredBusyFraction > busyFraction }
    public var ambulanceHoursPerYear: Double
    public var ridesPerYear: Double
    public var meanTaskMinutes: Double
    public var population: Double
    public var expectedCoveredPopulation: Double
    /// Expected covered share 0…1 (1 without residents).
    public var share: Double { population > 0 ? expectedCoveredPopulation / population : 1 }

    public enum CodingKeys: String, CodingKey {
        case busyFraction, offeredBusyFraction, isClamped, ambulanceHoursPerYear, ridesPerYear, meanTaskMinutes,
            population,
            expectedCoveredPopulation, share
    }
    public init(
        busyFraction: Double, offeredBusyFraction: Double, ambulanceHoursPerYear: Double, ridesPerYear: Double,
        meanTaskMinutes: Double, population: Double, expectedCoveredPopulation: Double
    ) {
        self.busyFraction = busyFraction
        self.offeredBusyFraction = offeredBusyFraction
        self.ambulanceHoursPerYear = ambulanceHoursPerYear
        self.ridesPerYear = ridesPerYear
        self.meanTaskMinutes = meanTaskMinutes
        self.population = population
        self.expectedCoveredPopulation = expectedCoveredPopulation
    }
    public init(from d: Decoder) throws {
        let c = try d.container(keyedBy: CodingKeys.self)
        busyFraction = try c.decode(Double.self, forKey: .busyFraction)
        offeredBusyFraction = try c.decode(Double.self, forKey: .offeredBusyFraction)
        ambulanceHoursPerYear = try c.decode(Double.self, forKey: .ambulanceHoursPerYear)
        ridesPerYear = try c.decode(Double.self, forKey: .ridesPerYear)
        meanTaskMinutes = try c.decode(Double.self, forKey: .meanTaskMinutes)
        population = try c.decode(Double.self, forKey: .population)
        expectedCoveredPopulation = try c.decode(Double.self, forKey: .expectedCoveredPopulation)
    }
    public func encode(to e: Encoder) throws {
        var c = e.container(keyedBy: CodingKeys.self)
        try c.encode(busyFraction, forKey: .busyFraction)
        try c.encode(offeredBusyFraction, forKey: .offeredBusyFraction)
        try c.encode(isClamped, forKey: .isClamped)
        try c.encode(ambulanceHoursPerYear, forKey: .ambulanceHoursPerYear)
        try c.encode(ridesPerYear, forKey: .ridesPerYear)
        try c.encode(meanTaskMinutes, forKey: .meanTaskMinutes)
        try c.encode(population, forKey: .population)
        try c.encode(expectedCoveredPopulation, forKey: .expectedCoveredPopulation)
        try c.encode(share, forKey: .share)
    }

    /// Highest busy fraction the model uses.
    public static let maxBusyFraction = 0.99

    /// q = rides × task hours / ambulance-hours, unclamped (0 when there are no ambulance-hours and
    /// no rides, infinite when rides meet no hours).
    public static func offeredBusyFraction(ridesPerYear: Double, meanTaskMinutes: Double, ambulanceHours: Double)
        -> Double
    {
        let work = max(0, ridesPerYear) * max(0, meanTaskMinutes) / 60
        guard ambulanceHours > 0 else { return work > 0 ? .infinity : 0 }
        return work / ambulanceHours
    }

    /// Σ population·(1 − q^k) over the points.
    public static func expectedCovered(population: [Double], ambulancesInReach: [Int], busyFraction q: Double)
        -> Double
    {
        zip(population, ambulancesInReach).reduce(0) { $0 + $1.0 * (1 - pow(q, Double($1.1))) }
    }

    /// The whole computation from ride volume, roster and the ambulances in reach per point.
    public static func compute(
        ridesPerYear: Double, meanTaskMinutes: Double, ambulanceHours: Double, population: [Double],
        ambulancesInReach: [Int]
    ) -> ExpectedCoverage {
        let offered = offeredBusyFraction(
            ridesPerYear: ridesPerYear, meanTaskMinutes: meanTaskMinutes, ambulanceHours: ambulanceHours)
        let q = min(max(offered, 0), maxBusyFraction)
        return ExpectedCoverage(
            busyFraction: q, offeredBusyFraction: offered, ambulanceHoursPerYear: ambulanceHours,
            ridesPerYear: ridesPerYear, meanTaskMinutes: meanTaskMinutes, population: population.reduce(0, +),
            expectedCoveredPopulation: expectedCovered(
                population: population, ambulancesInReach: ambulancesInReach, busyFraction: q))
    }
}

/// The "best next post" (beste volgende post): the candidate site where one extra ambulance adds
/// the most expected covered residents (MEXCLP gain with q unchanged, as in Daskin's model).
public struct NextPostSuggestion: Sendable, Hashable, Codable {
    /// The demand point whose road node is the site.
    public var demandPointId: String
    public var name: String
    public var municipality: String?
    /// The road node the new post would stand on.
    public var location: GeoPoint
    /// Added expected covered residents: Σ over points the site reaches in time of population·q^k·(1 − q).
    public var gain: Double
    public var expectedCoveredPopulation: Double
    public var share: Double
    /// Sites compared (capped, see `AcuteCareLimits.maxCandidateSites`).
    public var candidatesConsidered: Int
}

extension CoverageEngine {
    /// Per demand point: the ambulances (`ambulances[post]` summed over posts) that reach it within
    /// the norm. One norm-bounded search per post.
    public func ambulancesInReach(posts: [SnappedPost], ambulances: [Int], demand: [DemandPoint]) -> [Int] {
        let snaps = demandSnaps(demand)
        var k = [Int](repeating: 0, count: demand.count)
        for (post, count) in zip(posts, ambulances) where count > 0 {
            let reached = withinNorm(from: [(post.node, post.offRoadSeconds)], snaps: snaps)
            for i in demand.indices where reached[i] { k[i] += count }
        }
        return k
    }

    /// Which points a search from `sources` reaches within the norm (dispatch + drive + off-road).
    func withinNorm(
        from sources: [(node: Int32, startSeconds: UInt32)],
        snaps: [(node: Int32, meters: Double, offRoadSeconds: UInt32)?]
    ) -> [Bool] {
        let norm = settings.normSeconds
        let dispatch = settings.dispatchSeconds
        let limit = norm > dispatch ? norm - dispatch : 0
        let paths = ShortestPaths(graph: graph, sources: sources, limit: limit)
        return snaps.map { s in
            guard let s else { return false }
            let t = paths.seconds[Int(s.node)]
            return t != ShortestPaths.unreached && UInt64(t) + UInt64(s.offRoadSeconds) <= UInt64(limit)
        }
    }

    /// Greedy choice of one extra ambulance at a new site among the demand points' road nodes
    /// (distinct nodes, largest population first, at most `AcuteCareLimits.maxCandidateSites` and
    /// `maxCandidateEvaluations` / points). Ties go to the earlier candidate. Nil without candidates.
    public func bestNextPost(demand: [DemandPoint], ambulancesInReach k: [Int], busyFraction q: Double)
        -> NextPostSuggestion?
    {
        let snaps = demandSnaps(demand)
        let order = demand.indices.sorted { (demand[$0].population, $1) > (demand[$1].population, $0) }
        let maxSites = min(
            AcuteCareLimits.maxCandidateSites,
            AcuteCareLimits.maxCandidateEvaluations / max(1, demand.count))
        var seen = Set<Int32>()
        var candidates: [(point: Int, node: Int32)] = []
        for i in order where candidates.count < maxSites {
            if let s = snaps[i], seen.insert(s.node).inserted { candidates.append((i, s.node)) }
        }
        let population = demand.map(\.population)
        let current = ExpectedCoverage.expectedCovered(population: population, ambulancesInReach: k, busyFraction: q)
        var best: (candidate: Int, gain: Double)?
        for (c, candidate) in candidates.enumerated() {
            let reached = withinNorm(from: [(candidate.node, 0)], snaps: snaps)
            var gain = 0.0
            for i in demand.indices where reached[i] { gain += population[i] * pow(q, Double(k[i])) * (1 - q) }
            if gain > (best?.gain ?? -1) { best = (c, gain) }
        }
        guard let best else { return nil }
        let d = demand[candidates[best.candidate].point]
        let total = population.reduce(0, +)
        let covered = current + best.gain
        return NextPostSuggestion(
            demandPointId: d.id, name: d.name ?? d.id, municipality: d.municipality,
            location: graph.location(candidates[best.candidate].node), gain: best.gain,
            expectedCoveredPopulation: covered, share: total > 0 ? covered / total : 1,
            candidatesConsidered: candidates.count)
    }
}
