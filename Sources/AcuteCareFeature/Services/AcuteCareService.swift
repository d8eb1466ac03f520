import Foundation
import VitaalDomain

/// Runs the acute-care model for the web pages and the API on the schematic Flevoland base
/// (`AcuteCareDemo`): base versus a scenario. Response times reach past the norm up to
/// `AcuteCareLimits.searchCapMinutes`, so the pages show how late the ambulance is.
public enum AcuteCareService {

    /// The roads of the network, for the map (real provincial roads and schematic links).
    static let roadLines: [RoadLine] = AcuteCareDemo.roadLines

    /// The prepared engine of the demo network (snapping index built once).
    static let engine: CoverageEngine = {
        do { return try CoverageEngine(graph: AcuteCareDemo.graph(), settings: CoverageSettings()) } catch {
            fatalError("schematic demo network is invalid: \(error)")
        }
    }()

    /// The base inputs, optionally with another yearly ride volume (spread with the default week profile).
    public static func inputs(ridesPerYear: Double? = nil) -> AcuteCareInputs {
        var i = AcuteCareDemo.inputs
        if let r = ridesPerYear {
            i.rideVolume = RideVolume(
                ridesPerYear: r, isExample: true,
                note:
                    "Ritvolume opgegeven in het scenario (\(AcuteCareFormat.number(r)) ritten per jaar), verdeeld met het schematische weekprofiel."
            )
        }
        return i
    }

    /// Base and scenario side by side with display times.
    public struct Evaluation: Sendable {
        public var scenario: AcuteCareScenario
        public var changes: ScenarioChanges
        public var base: AcuteCareResult
        public var result: AcuteCareResult
        /// Change in the region's covered share (scenario − base), in percentage points.
        public var coverageDeltaPoints: Double
        public var ambulanceDelta: Int
        /// Demand points of base and scenario (scenario = base + new districts), by id.
        public var baseDemand: [DemandPoint]
        public var scenarioDemand: [DemandPoint]
        public var basePosts: [AmbulancePost]
        public var scenarioPosts: [AmbulancePost]
        /// Nearest post and response time (seconds, up to the search cap) per demand point id.
        public var baseTimes: [String: (post: String, seconds: Int)]
        public var scenarioTimes: [String: (post: String, seconds: Int)]

        public var isBase: Bool { changes.isEmpty }
        public var removedPosts: [AmbulancePost] { basePosts.filter { p in !scenarioPosts.contains { $0.id == p.id } } }
    }

    /// Evaluations by their full normalised input (changes as sorted JSON, id, name, description):
    /// a repeated what-if or saved-scenario view is a look-up. Bounded to 64 entries (LRU).
    static let cache = ResultCache<Evaluation>(capacity: 64)

    /// Validates `changes` and evaluates base and scenario (cached; errors are not cached).
    public static func evaluate(
        _ changes: ScenarioChanges, id: String = "wat-als", name: String = "Wat-als", description: String? = nil,
        isSchematic: Bool = false
    ) throws -> Evaluation {
        try changes.validate()
        let key = [id, name, description ?? "\u{0}", isSchematic ? "1" : "0", changes.cacheKey].joined(
            separator: "\u{1F}")
        return try cache.value(for: key) {
            try compute(changes, id: id, name: name, description: description, isSchematic: isSchematic)
        }
    }

    static func compute(_ changes: ScenarioChanges, id: String, name: String, description: String?, isSchematic: Bool)
        throws -> Evaluation
    {
        var scenario = changes.scenario(id: id, name: name, description: description)
        scenario.isSchematic = scenario.isSchematic || isSchematic
        let inputs = inputs(ridesPerYear: changes.ridesPerYear)
        let engine = self.engine
        let b = try AcuteCareModel.evaluate(base: inputs, scenario: .base, engine: engine)
        let s = try AcuteCareModel.evaluate(base: inputs, scenario: scenario, engine: engine)
        func times(_ r: AcuteCareResult) -> [String: (post: String, seconds: Int)] {
            var out: [String: (post: String, seconds: Int)] = [:]
            for p in r.coverage.points {
                if let post = p.nearestPostId, let t = p.responseSeconds { out[p.id] = (post, t) }
            }
            return out
        }
        let bt = times(b)
        let st = times(s)
        var posts = inputs.posts.filter { !scenario.removedPostIds.contains($0.id) }
        for m in scenario.movedPosts {
            if let k = posts.firstIndex(where: { $0.id == m.postId }) { posts[k].location = m.location }
        }
        posts += scenario.addedPosts
        return Evaluation(
            scenario: scenario, changes: changes, base: b, result: s,
            coverageDeltaPoints: 100 * (s.coverage.region.share - b.coverage.region.share),
            ambulanceDelta: s.totalAmbulances - b.totalAmbulances, baseDemand: inputs.demand,
            scenarioDemand: inputs.demand + scenario.newDistricts, basePosts: inputs.posts, scenarioPosts: posts,
            baseTimes: bt, scenarioTimes: st)
    }
}
