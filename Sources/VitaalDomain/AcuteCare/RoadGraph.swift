import Foundation

/// Road classes used for urgent driving speeds (mapped from OSM `highway` values).
public enum RoadClass: String, Sendable, Hashable, Codable, CaseIterable {
    case motorway, trunk, primary, secondary, tertiary
    /// `unclassified`, `residential`, `living_street`, `road`.
    case local
    case service

    /// Maps an OSM `highway` (or GeoJSON `class`) value; nil for non-car ways (footway, cycleway,
    /// path, track, steps, …), which are ignored.
    public init?(osmHighway value: String) {
        var v = value.lowercased().trimmingCharacters(in: .whitespaces)
        if v.hasSuffix("_link") { v.removeLast(5) }
        switch v {
        case "motorway": self = .motorway
        case "trunk": self = .trunk
        case "primary": self = .primary
        case "secondary": self = .secondary
        case "tertiary": self = .tertiary
        case "unclassified", "residential", "living_street", "road", "local": self = .local
        case "service": self = .service
        default: return nil
        }
    }
}

/// Urgent-driving (A1, with warning lights and siren) speeds per road class in km/h.
///
/// Defaults (documented assumptions, `isSchematic`): motorway 120, trunk 100, primary 80,
/// secondary 70, tertiary 60, local 45, service 25. `offRoadKmh` (default 30) converts the straight-line
/// snapping distance between a point and its nearest road node into time; it stands for the last
/// stretch over streets that are not in the network.
public struct SpeedTable: Sendable, Hashable, Codable {
    public var motorway = 120.0
    public var trunk = 100.0
    public var primary = 80.0
    public var secondary = 70.0
    public var tertiary = 60.0
    public var local = 45.0
    public var service = 25.0
    public var offRoadKmh = 30.0
    public var isSchematic = true
    public var note = "Schematische snelheden voor spoedritten (A1) per wegklasse; geen gemeten rijtijden."

    public init() {}
    public static let `default` = SpeedTable()

    public func kmh(_ c: RoadClass) -> Double {
        switch c {
        case .motorway: motorway
        case .trunk: trunk
        case .primary: primary
        case .secondary: secondary
        case .tertiary: tertiary
        case .local: local
        case .service: service
        }
    }

    /// Travel time in whole seconds (rounded, at least 1 s so every edge has a positive weight).
    public func seconds(meters: Double, _ c: RoadClass) -> UInt32 {
        UInt32(max(1, (meters / (kmh(c) / 3.6)).rounded()))
    }

    /// Off-road time in seconds (rounded) for a straight-line distance.
    public func offRoadSeconds(meters: Double) -> UInt32 {
        UInt32(max(0, (meters / (offRoadKmh / 3.6)).rounded()))
    }

    func validate(into problems: inout ProblemCollector) {
        for c in RoadClass.allCases where !(kmh(c) > 0 && kmh(c) <= 250) {
            problems.add(
                "snelheid voor wegklasse \(c.rawValue) moet tussen 0 en 250 km/u liggen (is \(kmh(c)))",
                at: SourceLocation(field: "speeds.\(c.rawValue)"))
        }
        if !(offRoadKmh > 0 && offRoadKmh <= 250) {
            problems.add(
                "snelheid buiten het wegennet moet tussen 0 en 250 km/u liggen (is \(offRoadKmh))",
                at: SourceLocation(field: "speeds.offRoadKmh"))
        }
    }
}

/// A directed road graph in compressed sparse row form. Node `i`'s outgoing edges are
/// `edgeStart[i] ..< edgeStart[i+1]` in `edgeTarget`/`edgeSeconds`. Edge lengths and classes are kept
/// so the graph can be re-timed with another `SpeedTable`.
public struct RoadGraph: Sendable, Codable {
    public private(set) var lat: [Double]
    public private(set) var lon: [Double]
    public private(set) var edgeStart: [Int32]
    public private(set) var edgeTarget: [Int32]
    public private(set) var edgeSeconds: [UInt32]
    public private(set) var edgeMeters: [Float]
    public private(set) var edgeClass: [RoadClass]
    public private(set) var speeds: SpeedTable

    public var nodeCount: Int { lat.count }
    public var edgeCount: Int { edgeTarget.count }
    public func location(_ node: Int32) -> GeoPoint { GeoPoint(lon: lon[Int(node)], lat: lat[Int(node)]) }

    /// Builds a CSR graph from raw directed edges (counting sort by source; input order kept per node).
    public init(
        nodes: [GeoPoint], edges: [(from: Int32, to: Int32, meters: Double, roadClass: RoadClass)],
        speeds: SpeedTable = .default
    ) {
        lat = nodes.map(\.lat)
        lon = nodes.map(\.lon)
        var start = [Int32](repeating: 0, count: nodes.count + 1)
        for e in edges { start[Int(e.from) + 1] += 1 }
        for i in 0..<nodes.count { start[i + 1] += start[i] }
        var fill = start
        var target = [Int32](repeating: 0, count: edges.count)
        var secs = [UInt32](repeating: 0, count: edges.count)
        var meters = [Float](repeating: 0, count: edges.count)
        var cls = [RoadClass](repeating: .local, count: edges.count)
        for e in edges {
            let k = Int(fill[Int(e.from)])
            fill[Int(e.from)] += 1
            target[k] = e.to
            secs[k] = speeds.seconds(meters: e.meters, e.roadClass)
            meters[k] = Float(e.meters)
            cls[k] = e.roadClass
        }
        edgeStart = start
        edgeTarget = target
        edgeSeconds = secs
        edgeMeters = meters
        edgeClass = cls
        self.speeds = speeds
    }

    /// Builds a graph directly from CSR arrays with given edge times (benchmarks, tests). Lengths are
    /// derived from the times at the class speed so that re-timing is consistent.
    public init(
        lat: [Double], lon: [Double], edgeStart: [Int32], edgeTarget: [Int32], edgeSeconds: [UInt32],
        edgeClass: [RoadClass]? = nil
    ) {
        self.lat = lat
        self.lon = lon
        self.edgeStart = edgeStart
        self.edgeTarget = edgeTarget
        self.edgeSeconds = edgeSeconds
        let cls = edgeClass ?? [RoadClass](repeating: .local, count: edgeTarget.count)
        let sp = SpeedTable.default
        self.edgeClass = cls
        self.edgeMeters = zip(edgeSeconds, cls).map { Float(Double($0) * sp.kmh($1) / 3.6) }
        self.speeds = sp
    }

    /// The same graph with edge times recomputed from `speeds`.
    public func retimed(_ speeds: SpeedTable) -> RoadGraph {
        if speeds == self.speeds { return self }
        var g = self
        g.speeds = speeds
        for k in 0..<edgeCount { g.edgeSeconds[k] = speeds.seconds(meters: Double(edgeMeters[k]), edgeClass[k]) }
        return g
    }

    /// Weakly connected component id per node and the size of each component (union-find).
    public func components() -> (componentOf: [Int32], sizes: [Int]) {
        var parent = Array(0..<Int32(nodeCount))
        func find(_ x: Int32) -> Int32 {
            var r = x
            while parent[Int(r)] != r { r = parent[Int(r)] }
            var y = x
            while parent[Int(y)] != r {
                let next = parent[Int(y)]
                parent[Int(y)] = r
                y = next
            }
            return r
        }
        for u in 0..<nodeCount {
            for k in Int(edgeStart[u])..<Int(edgeStart[u + 1]) {
                let a = find(Int32(u))
                let b = find(edgeTarget[k])
                if a != b { parent[Int(max(a, b))] = min(a, b) }
            }
        }
        var idOf = [Int32](repeating: -1, count: nodeCount)
        var comp = [Int32](repeating: 0, count: nodeCount)
        var sizes: [Int] = []
        for u in 0..<nodeCount {
            let r = Int(find(Int32(u)))
            if idOf[r] < 0 {
                idOf[r] = Int32(sizes.count)
                sizes.append(0)
            }
            comp[u] = idOf[r]
            sizes[Int(idOf[r])] += 1
        }
        return (comp, sizes)
    }
}

/// How a road may be driven.
public enum OneWay: String, Sendable, Hashable, Codable {
    case no, forward, backward

    /// OSM `oneway`: `yes`/`true`/`1` forward, `-1`/`reverse` backward, anything else both ways.
    /// Motorways are one-way by OSM convention only when tagged, so no implicit rule here.
    public init(osm value: String?) {
        switch value?.lowercased().trimmingCharacters(in: .whitespaces) {
        case "yes", "true", "1": self = .forward
        case "-1", "reverse": self = .backward
        default: self = .no
        }
    }
}

/// Collects nodes and roads (polylines) and builds a `RoadGraph`. Nodes at the same coordinate
/// (to 1e-7°, ≈ 1 cm) are merged, so roads drawn through a shared point are connected.
public struct RoadGraphBuilder: Sendable {
    public private(set) var nodes: [GeoPoint] = []
    private var index: [Int64: Int32] = [:]
    private var edges: [(from: Int32, to: Int32, meters: Double, roadClass: RoadClass)] = []

    public init() {}

    private static func key(_ p: GeoPoint) -> Int64 {
        Int64((p.lat * 1e7).rounded()) &* 4_000_000_000 &+ Int64((p.lon * 1e7).rounded())
    }

    /// Node at `p` (existing one if a node already sits there).
    public mutating func node(at p: GeoPoint) -> Int32 {
        let k = Self.key(p)
        if let i = index[k] { return i }
        let i = Int32(nodes.count)
        nodes.append(p)
        index[k] = i
        return i
    }

    /// Adds a road between consecutive nodes.
    public mutating func addRoad(nodes ids: [Int32], roadClass: RoadClass, oneWay: OneWay = .no) {
        guard ids.count >= 2 else { return }
        for (a, b) in zip(ids, ids.dropFirst()) where a != b {
            let m = AcuteGeo.meters(nodes[Int(a)], nodes[Int(b)])
            if oneWay != .backward { edges.append((a, b, m, roadClass)) }
            if oneWay != .forward { edges.append((b, a, m, roadClass)) }
        }
    }

    /// Adds a road along `points`, inserting intermediate nodes so that no segment exceeds
    /// `maxSegmentMeters` (demand points then snap to a nearby node).
    public mutating func addPolyline(
        _ points: [GeoPoint], roadClass: RoadClass, oneWay: OneWay = .no, maxSegmentMeters: Double = 1000
    ) {
        guard let first = points.first else { return }
        var ids = [node(at: first)]
        for (a, b) in zip(points, points.dropFirst()) {
            let n = max(1, Int((AcuteGeo.meters(a, b) / maxSegmentMeters).rounded(.up)))
            for s in 1...n { ids.append(node(at: s == n ? b : AcuteGeo.interpolate(a, b, Double(s) / Double(n)))) }
        }
        addRoad(nodes: ids, roadClass: roadClass, oneWay: oneWay)
    }

    public func build(speeds: SpeedTable = .default) -> RoadGraph {
        RoadGraph(nodes: nodes, edges: edges, speeds: speeds)
    }
}
