import Foundation

/// A place where people live (a town centroid, a CBS grid cell, a new district) with its residents.
public struct DemandPoint: Sendable, Hashable, Codable {
    public var id: String
    public var location: GeoPoint
    public var population: Double
    public var municipality: String?
    public var name: String?
    /// True if the figures are invented or approximate (UI shows "schematisch").
    public var isSchematic: Bool
    public var note: String?

    public init(
        id: String, location: GeoPoint, population: Double, municipality: String? = nil, name: String? = nil,
        isSchematic: Bool = false, note: String? = nil
    ) {
        self.id = id
        self.location = location
        self.population = population
        self.municipality = municipality
        self.name = name
        self.isSchematic = isSchematic
        self.note = note
    }
}

/// An ambulance post (standplaats).
public struct AmbulancePost: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var location: GeoPoint
    public var isSchematic: Bool
    public var note: String?

    public init(id: String, name: String? = nil, location: GeoPoint, isSchematic: Bool = false, note: String? = nil) {
        self.id = id
        self.name = name ?? id
        self.location = location
        self.isSchematic = isSchematic
        self.note = note
    }
}

/// Norm and snapping settings.
///
/// Response time = dispatch + turnout (`dispatchMinutes`, default 3 min: call handling and
/// getting the crew on the road) + off-road time post → road + driving time + off-road time road →
/// demand point. A point is covered if the response time ≤ `normMinutes` (default 15, the Dutch
/// A1 norm, response time INCLUDING dispatch).
public struct CoverageSettings: Sendable, Hashable, Codable {
    public var normMinutes: Double = 15
    public var dispatchMinutes: Double = 3
    /// A post farther than this from the nearest usable road node is refused.
    public var maxPostSnapMeters: Double = 1000
    /// A demand point farther than this from any road node counts as not reachable.
    public var maxDemandSnapMeters: Double = 5000
    /// Road components with fewer than this share of all nodes are "tiny": posts there are refused,
    /// demand points snap to the nearest node outside them.
    public var minComponentShare: Double = 0.05
    public var speeds: SpeedTable = .default

    public init(normMinutes: Double = 15, dispatchMinutes: Double = 3) {
        self.normMinutes = normMinutes
        self.dispatchMinutes = dispatchMinutes
    }

    /// Seconds, clamped to 0…one day (a norm is validated to at most 240 minutes; this never traps).
    public var normSeconds: UInt32 { Self.seconds(normMinutes) }
    public var dispatchSeconds: UInt32 { Self.seconds(dispatchMinutes) }
    static func seconds(_ minutes: Double) -> UInt32 {
        let s = (minutes * 60).rounded()
        guard s.isFinite, s > 0 else { return 0 }
        return UInt32(min(s, 86_400))
    }

    public func validate(into p: inout ProblemCollector) {
        if !(normMinutes > 0) || !normMinutes.isFinite {
            p.add(
                "de norm moet groter zijn dan 0 minuten (is \(normMinutes))", at: SourceLocation(field: "normMinutes"))
        } else if normMinutes > 240 {
            p.add(
                "de norm mag hoogstens 240 minuten zijn (is \(normMinutes))", at: SourceLocation(field: "normMinutes"))
        }
        if !(dispatchMinutes >= 0) || !dispatchMinutes.isFinite {
            p.add(
                "meldings- en uitruktijd mag niet negatief zijn (is \(dispatchMinutes))",
                at: SourceLocation(field: "dispatchMinutes"))
        } else if dispatchMinutes >= normMinutes {
            p.add(
                "meldings- en uitruktijd (\(dispatchMinutes) min) moet kleiner zijn dan de norm (\(normMinutes) min)",
                at: SourceLocation(field: "dispatchMinutes"))
        }
        if !(maxPostSnapMeters > 0) {
            p.add("maximale afstand post–weg moet groter zijn dan 0", at: SourceLocation(field: "maxPostSnapMeters"))
        }
        if !(maxDemandSnapMeters > 0) {
            p.add(
                "maximale afstand vraagpunt–weg moet groter zijn dan 0",
                at: SourceLocation(field: "maxDemandSnapMeters"))
        }
        if !(minComponentShare >= 0 && minComponentShare < 1) {
            p.add("minComponentShare moet tussen 0 en 1 liggen", at: SourceLocation(field: "minComponentShare"))
        }
        speeds.validate(into: &p)
    }
}

/// Result for one demand point.
public struct PointCoverage: Sendable, Hashable, Codable {
    public var id: String
    public var municipality: String?
    public var population: Double
    /// Nearest post by response time, searched past the norm up to `AcuteCareLimits.searchCapMinutes`;
    /// nil only when no road lies within the snap distance or no post is reached within the cap.
    public var nearestPostId: String?
    /// Response time in seconds including dispatch (also beyond the norm, up to the search cap); nil as
    /// `nearestPostId`.
    public var responseSeconds: Int?
    /// Reached within the norm.
    public var covered: Bool
    /// Response-time band (aanrijtijdklasse); `.noRoad` when no road lies within the snap distance.
    public var band: ResponseBand
    /// Straight-line distance to the road node the point snapped to (nil: farther than the maximum).
    public var snapMeters: Double?
}

/// Coverage of one area (a municipality or the region).
public struct AreaCoverage: Sendable, Hashable, Codable {
    public var name: String
    public var population: Double
    public var coveredPopulation: Double
    /// Share 0…1 of the population reached within the norm (1 if the area has no residents).
    public var share: Double { population > 0 ? coveredPopulation / population : 1 }
    public var uncoveredPopulation: Double { population - coveredPopulation }
    public var pointCount: Int
    public var uncoveredPointCount: Int
    /// Points and residents per response-time band, in `ResponseBand.allCases` order (every band listed).
    public var bands: [BandTally]

    public enum CodingKeys: String, CodingKey {
        case name, population, coveredPopulation, share, uncoveredPopulation, pointCount, uncoveredPointCount, bands
    }
    public init(
        name: String, population: Double, coveredPopulation: Double, pointCount: Int, uncoveredPointCount: Int,
        bands: [BandTally] = BandTally.empty
    ) {
        self.name = name
        self.population = population
        self.coveredPopulation = coveredPopulation
        self.pointCount = pointCount
        self.uncoveredPointCount = uncoveredPointCount
        self.bands = bands
    }
    public init(from d: Decoder) throws {
        let c = try d.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        population = try c.decode(Double.self, forKey: .population)
        coveredPopulation = try c.decode(Double.self, forKey: .coveredPopulation)
        pointCount = try c.decode(Int.self, forKey: .pointCount)
        uncoveredPointCount = try c.decode(Int.self, forKey: .uncoveredPointCount)
        bands = try c.decodeIfPresent([BandTally].self, forKey: .bands) ?? BandTally.empty
    }
    public func encode(to e: Encoder) throws {
        var c = e.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(population, forKey: .population)
        try c.encode(coveredPopulation, forKey: .coveredPopulation)
        try c.encode(share, forKey: .share)
        try c.encode(uncoveredPopulation, forKey: .uncoveredPopulation)
        try c.encode(pointCount, forKey: .pointCount)
        try c.encode(uncoveredPointCount, forKey: .uncoveredPointCount)
        try c.encode(bands, forKey: .bands)
    }
}

/// Where a post sits on the network.
public struct SnappedPost: Sendable, Hashable, Codable {
    public var postId: String
    public var node: Int32
    public var snapMeters: Double
    public var offRoadSeconds: UInt32
}

/// Coverage of all demand points from a set of posts.
public struct CoverageResult: Sendable, Hashable, Codable {
    public var normSeconds: Int
    public var dispatchSeconds: Int
    /// How far past the norm the search ran (`CoverageEngine.searchCapSeconds`).
    public var searchCapSeconds: Int
    public var region: AreaCoverage
    /// Per municipality, sorted by name; points without municipality under "onbekend".
    public var municipalities: [AreaCoverage]
    public var points: [PointCoverage]
    public var posts: [SnappedPost]
    /// Points not reached within the norm, largest population first.
    public var uncovered: [PointCoverage] {
        points.filter { !$0.covered }.sorted { ($0.population, $1.id) > ($1.population, $0.id) }
    }
}

/// Prepared coverage computation for one road graph: snapping index and component sizes are built
/// once and reused across posts/scenarios. Immutable and `Sendable`.
public struct CoverageEngine: Sendable {
    public let graph: RoadGraph
    public let settings: CoverageSettings
    let index: GridIndex
    let usable: [Bool]  // node lies in a component that is not tiny

    /// Validates `settings`, re-times `graph` with `settings.speeds` and builds the snapping index.
    public init(graph: RoadGraph, settings: CoverageSettings = CoverageSettings()) throws {
        var p = ProblemCollector()
        settings.validate(into: &p)
        if graph.nodeCount == 0 {
            p.add("het wegennet bevat geen knooppunten", at: SourceLocation(element: "wegennet"))
        }
        try p.throwIfAny("Ongeldige instellingen voor de dekkingsberekening")
        self.graph = graph.retimed(settings.speeds)
        self.settings = settings
        let comps = graph.components()
        let minSize = Int((settings.minComponentShare * Double(graph.nodeCount)).rounded(.up))
        let largest = comps.sizes.max() ?? 0
        // The largest component is always usable, however small the graph.
        usable = comps.componentOf.map { comps.sizes[Int($0)] >= min(minSize, largest) }
        index = GridIndex(points: (0..<graph.nodeCount).map { graph.location(Int32($0)) })
    }

    /// The same engine with another norm and dispatch time (snapping index reused).
    public func withNorm(normMinutes: Double, dispatchMinutes: Double) throws -> CoverageEngine {
        var s = settings
        s.normMinutes = normMinutes
        s.dispatchMinutes = dispatchMinutes
        var p = ProblemCollector()
        s.validate(into: &p)
        try p.throwIfAny("Ongeldige norm")
        return CoverageEngine(graph: graph, settings: s, index: index, usable: usable)
    }

    private init(graph: RoadGraph, settings: CoverageSettings, index: GridIndex, usable: [Bool]) {
        self.graph = graph
        self.settings = settings
        self.index = index
        self.usable = usable
    }

    /// Nearest post by straight-line distance (used to assign rides of points beyond the norm).
    static func nearestByDistance(_ p: GeoPoint, posts: [AmbulancePost]) -> Int? {
        posts.indices.min { AcuteGeo.meters(p, posts[$0].location) < AcuteGeo.meters(p, posts[$1].location) }
    }

    /// Snaps posts to the network; throws naming each post that is too far from a usable road or
    /// whose nearest road lies in a tiny disconnected piece of network.
    public func snap(posts: [AmbulancePost]) throws -> [SnappedPost] {
        var p = ProblemCollector()
        var out: [SnappedPost] = []
        var seen = Set<String>()
        for (i, post) in posts.enumerated() {
            let loc = SourceLocation(field: "posts[\(i)]", element: "post \(post.id)")
            if !seen.insert(post.id).inserted {
                p.add("post-id \"\(post.id)\" komt meer dan eens voor", at: loc)
                continue
            }
            guard AcuteGeo.isInNetherlands(post.location) else {
                p.add(
                    "post \"\(post.name)\" ligt buiten Nederland (\(post.location.lat), \(post.location.lon))", at: loc)
                continue
            }
            let any = index.nearest(to: post.location, maxMeters: settings.maxPostSnapMeters)
            guard let any else {
                p.add(
                    "post \"\(post.name)\" ligt verder dan \(Int(settings.maxPostSnapMeters)) m van het wegennet en is niet bereikbaar",
                    at: loc)
                continue
            }
            if !usable[Int(any.index)] {
                p.add(
                    "post \"\(post.name)\" ligt aan een klein los stuk wegennet (knooppunt \(any.index)) en is niet bereikbaar vanuit het netwerk",
                    at: loc)
                continue
            }
            out.append(
                SnappedPost(
                    postId: post.id, node: any.index, snapMeters: any.meters,
                    offRoadSeconds: settings.speeds.offRoadSeconds(meters: any.meters)))
        }
        try p.throwIfAny("Ambulanceposten niet bruikbaar")
        return out
    }

    /// Coverage of `demand` from `posts` (validated; see `snap(posts:)`).
    ///
    /// The search runs past the norm up to `searchCapSeconds`, so every point on the road network gets
    /// its time and post; `covered` still means "within the norm".
    public func coverage(posts: [AmbulancePost], demand: [DemandPoint]) throws -> CoverageResult {
        try Self.validate(demand: demand)
        let snapped = try snap(posts: posts)
        let norm = settings.normSeconds
        let dispatch = settings.dispatchSeconds
        let cap = searchCapSeconds
        let limit = cap > dispatch ? cap - dispatch : 0
        let paths = ShortestPaths(graph: graph, sources: snapped.map { ($0.node, $0.offRoadSeconds) }, limit: limit)

        var points: [PointCoverage] = []
        points.reserveCapacity(demand.count)
        for (d, s) in zip(demand, demandSnaps(demand)) {
            var pc = PointCoverage(
                id: d.id, municipality: d.municipality, population: d.population,
                nearestPostId: nil, responseSeconds: nil, covered: false, band: .noRoad, snapMeters: nil)
            if let s {
                pc.snapMeters = s.meters
                // Reachable by road: beyond the cap it still is in the slowest band.
                pc.band = .over30
                let t = paths.seconds[Int(s.node)]
                if t != ShortestPaths.unreached {
                    let response = UInt64(dispatch) + UInt64(t) + UInt64(s.offRoadSeconds)
                    if response <= UInt64(cap) {
                        pc.responseSeconds = Int(response)
                        pc.nearestPostId = snapped[Int(paths.source[Int(s.node)])].postId
                        pc.covered = response <= UInt64(norm)
                        pc.band = ResponseBand(seconds: Int(response))
                    }
                }
            }
            points.append(pc)
        }
        var byMunicipality: [String: [PointCoverage]] = [:]
        for p in points { byMunicipality[p.municipality ?? "onbekend", default: []].append(p) }
        let municipalities = byMunicipality.keys.sorted().map { Self.area($0, byMunicipality[$0]!) }
        return CoverageResult(
            normSeconds: Int(norm), dispatchSeconds: Int(dispatch), searchCapSeconds: Int(cap),
            region: Self.area("regio", points), municipalities: municipalities, points: points, posts: snapped)
    }

    /// The search cap in seconds: `AcuteCareLimits.searchCapMinutes`, or the norm if that is longer.
    public var searchCapSeconds: UInt32 {
        max(settings.normSeconds, CoverageSettings.seconds(AcuteCareLimits.searchCapMinutes))
    }

    /// Road node, snapping distance and off-road seconds of each demand point; nil when no usable road
    /// node lies within `maxDemandSnapMeters`.
    func demandSnaps(_ demand: [DemandPoint]) -> [(node: Int32, meters: Double, offRoadSeconds: UInt32)?] {
        let isUsable = usable
        return demand.map { d in
            index.nearest(to: d.location, maxMeters: settings.maxDemandSnapMeters, where: { isUsable[Int($0)] })
                .map { ($0.index, $0.meters, settings.speeds.offRoadSeconds(meters: $0.meters)) }
        }
    }

    static func area(_ name: String, _ points: [PointCoverage]) -> AreaCoverage {
        var bands = BandTally.empty
        for p in points {
            let k = ResponseBand.allCases.firstIndex(of: p.band)!
            bands[k].pointCount += 1
            bands[k].population += p.population
        }
        let covered = points.filter(\.covered)
        return AreaCoverage(
            name: name, population: points.reduce(0) { $0 + $1.population },
            coveredPopulation: covered.reduce(0) { $0 + $1.population }, pointCount: points.count,
            uncoveredPointCount: points.count - covered.count, bands: bands)
    }

    /// Checks ids, coordinates and populations of demand points.
    public static func validate(demand: [DemandPoint]) throws {
        var p = ProblemCollector()
        var seen = Set<String>()
        for (i, d) in demand.enumerated() {
            let loc = SourceLocation(field: "demand[\(i)]", element: "vraagpunt \(d.id)")
            if !seen.insert(d.id).inserted { p.add("vraagpunt-id \"\(d.id)\" komt meer dan eens voor", at: loc) }
            if !(d.population >= 0) || !d.population.isFinite {
                p.add("inwonertal moet 0 of meer zijn (is \(d.population))", at: loc)
            }
            if !AcuteGeo.isInNetherlands(d.location) {
                p.add("vraagpunt ligt buiten Nederland (\(d.location.lat), \(d.location.lon))", at: loc)
            }
        }
        try p.throwIfAny("Ongeldige vraagpunten")
    }
}
