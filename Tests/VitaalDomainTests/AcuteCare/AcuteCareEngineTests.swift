import Foundation
import Testing

@testable import VitaalDomain

/// Small deterministic RNG (SplitMix64) for property tests.
struct AcuteRNG {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func double() -> Double { Double(next() >> 11) / Double(1 << 53) }
}

/// Reference: plain binary-heap Dijkstra (unbounded), then cut at the limit.
func referenceDijkstra(_ g: RoadGraph, sources: [(Int32, UInt32)], limit: UInt32) -> [UInt32] {
    var dist = [UInt64](repeating: .max, count: g.nodeCount)
    var heap: [(UInt64, Int)] = []
    func push(_ e: (UInt64, Int)) {
        heap.append(e)
        var i = heap.count - 1
        while i > 0 {
            let p = (i - 1) / 2
            if heap[p].0 <= heap[i].0 { break }
            heap.swapAt(p, i)
            i = p
        }
    }
    func pop() -> (UInt64, Int) {
        let top = heap[0]
        heap[0] = heap[heap.count - 1]
        heap.removeLast()
        var i = 0
        while true {
            let l = 2 * i + 1
            let r = l + 1
            var m = i
            if l < heap.count && heap[l].0 < heap[m].0 { m = l }
            if r < heap.count && heap[r].0 < heap[m].0 { m = r }
            if m == i { break }
            heap.swapAt(m, i)
            i = m
        }
        return top
    }
    for (n, s) in sources where UInt64(s) < dist[Int(n)] {
        dist[Int(n)] = UInt64(s)
        push((UInt64(s), Int(n)))
    }
    while !heap.isEmpty {
        let (d, u) = pop()
        if d != dist[u] { continue }
        for k in Int(g.edgeStart[u])..<Int(g.edgeStart[u + 1]) {
            let v = Int(g.edgeTarget[k])
            let nd = d + UInt64(g.edgeSeconds[k])
            if nd < dist[v] {
                dist[v] = nd
                push((nd, v))
            }
        }
    }
    return dist.map { $0 <= UInt64(limit) ? UInt32($0) : ShortestPaths.unreached }
}

/// Line graph 0–1–2–3–4 along latitude 52.5, both directions, with the given edge seconds.
func lineGraph(_ secs: [UInt32]) -> RoadGraph {
    let n = secs.count + 1
    var nodes: [GeoPoint] = []
    for i in 0..<n { nodes.append(GeoPoint(lon: 5.0 + 0.05 * Double(i), lat: 52.5)) }
    var start: [Int32] = [0]
    var target: [Int32] = []
    var w: [UInt32] = []
    for i in 0..<n {
        if i > 0 {
            target.append(Int32(i - 1))
            w.append(secs[i - 1])
        }
        if i < n - 1 {
            target.append(Int32(i + 1))
            w.append(secs[i])
        }
        start.append(Int32(target.count))
    }
    return RoadGraph(lat: nodes.map(\.lat), lon: nodes.map(\.lon), edgeStart: start, edgeTarget: target, edgeSeconds: w)
}

@Suite("AcuteCare engine")
struct AcuteCareEngineTests {
    @Test func handComputedShortestPaths() {
        // 0→1 10, 1→2 20, 0→2 40, 2→3 5, 3→4 100, 4→0 1 (directed).
        let g = RoadGraph(
            lat: [52.5, 52.5, 52.5, 52.5, 52.5], lon: [5, 5.1, 5.2, 5.3, 5.4],
            edgeStart: [0, 2, 3, 4, 5, 6], edgeTarget: [1, 2, 2, 3, 4, 0], edgeSeconds: [10, 40, 20, 5, 100, 1])
        let one = ShortestPaths(graph: g, sources: [(0, 0)], limit: 60)
        #expect(one.seconds == [0, 10, 30, 35, ShortestPaths.unreached])
        let two = ShortestPaths(graph: g, sources: [(0, 0), (4, 7)], limit: 60)
        #expect(two.seconds == [0, 10, 30, 35, 7])
        #expect(two.source == [0, 0, 0, 0, 1])
        // Node 4 starts at 7 and reaches node 0 at 8: node 0 keeps 0 from source 0.
        let late = ShortestPaths(graph: g, sources: [(4, 2)], limit: 40)
        #expect(late.seconds == [3, 13, 33, 38, 2])
        // The limit is inclusive.
        #expect(ShortestPaths(graph: g, sources: [(0, 0)], limit: 35).seconds[3] == 35)
        #expect(ShortestPaths(graph: g, sources: [(0, 0)], limit: 34).seconds[3] == ShortestPaths.unreached)
    }

    @Test func bucketDijkstraEqualsBinaryHeapOnRandomGraphs() {
        var rng = AcuteRNG(seed: 42)
        for _ in 0..<40 {
            let n = 2 + rng.int(300)
            let m = rng.int(n * 5)
            var edges: [(from: Int32, to: Int32, meters: Double, roadClass: RoadClass)] = []
            for _ in 0..<m {
                edges.append(
                    (Int32(rng.int(n)), Int32(rng.int(n)), 20 + rng.double() * 3000, RoadClass.allCases[rng.int(7)]))
            }
            let nodes = (0..<n).map { _ in GeoPoint(lon: 5 + rng.double(), lat: 52 + rng.double()) }
            let g = RoadGraph(nodes: nodes, edges: edges)
            let sources = (0..<(1 + rng.int(4))).map { _ in (Int32(rng.int(n)), UInt32(rng.int(60))) }
            let limit = UInt32(rng.int(900))
            let fast = ShortestPaths(graph: g, sources: sources.map { (node: $0.0, startSeconds: $0.1) }, limit: limit)
            #expect(fast.seconds == referenceDijkstra(g, sources: sources, limit: limit))
            // The recorded source really attains the time (its start + a path).
            for v in 0..<n where fast.seconds[v] != ShortestPaths.unreached {
                #expect(fast.source[v] >= 0)
            }
        }
    }

    @Test func speedTableTimesAndOneWay() {
        var b = RoadGraphBuilder()
        let a = b.node(at: GeoPoint(lon: 5.0, lat: 52.5))
        let c = b.node(at: GeoPoint(lon: 5.0, lat: 52.509))
        #expect(b.node(at: GeoPoint(lon: 5.0, lat: 52.5)) == a)  // merged
        b.addRoad(nodes: [a, c], roadClass: .primary, oneWay: .forward)
        let g = b.build()
        #expect(g.edgeCount == 1)
        let meters = AcuteGeo.meters(g.location(a), g.location(c))
        #expect(abs(meters - 1000.75) < 1)  // 0.009° of latitude ≈ 1000.8 m
        #expect(g.edgeSeconds[0] == UInt32((meters / (80 / 3.6)).rounded()))  // 45 s at 80 km/h
        var slow = SpeedTable()
        slow.primary = 40
        #expect(g.retimed(slow).edgeSeconds[0] == 90)
        #expect(OneWay(osm: "-1") == .backward && OneWay(osm: "true") == .forward && OneWay(osm: "no") == .no)
        #expect(RoadClass(osmHighway: "trunk_link") == .trunk && RoadClass(osmHighway: "cycleway") == nil)
    }

    @Test func densifiedPolylineHasNodesEveryKilometre() {
        var b = RoadGraphBuilder()
        // 4,993 m → 5 segments
        b.addPolyline([GeoPoint(lon: 5.0, lat: 52.5), GeoPoint(lon: 5.0, lat: 52.5449)], roadClass: .secondary)
        let g = b.build()
        #expect(g.nodeCount == 6)
        #expect(g.edgeCount == 10)
    }

    @Test func gridIndexFindsTrueNearest() {
        var rng = AcuteRNG(seed: 7)
        let pts = (0..<2000).map { _ in GeoPoint(lon: 5 + rng.double() * 0.6, lat: 52.2 + rng.double() * 0.5) }
        let idx = GridIndex(points: pts)
        for _ in 0..<200 {
            let q = GeoPoint(lon: 4.9 + rng.double() * 0.8, lat: 52.1 + rng.double() * 0.7)
            guard let hit = idx.nearest(to: q) else {
                Issue.record("no hit")
                continue
            }
            let k = 111_195.0
            let cl = cos(pts.reduce(0) { $0 + $1.lat } / Double(pts.count) * .pi / 180)
            let brute = pts.indices.min { a, b in
                let da = pow((pts[a].lon - q.lon) * k * cl, 2) + pow((pts[a].lat - q.lat) * k, 2)
                let db = pow((pts[b].lon - q.lon) * k * cl, 2) + pow((pts[b].lat - q.lat) * k, 2)
                return da < db
            }!
            #expect(Int(hit.index) == brute)
        }
        #expect(idx.nearest(to: GeoPoint(lon: 3.5, lat: 51.0), maxMeters: 1000) == nil)
    }

    @Test func rdConversionReferencePoints() {
        let a = RDConversion.toWGS84(RDPoint(x: 155_000, y: 463_000))
        #expect(abs(a.lat - 52.15517440) < 1e-9 && abs(a.lon - 5.38720621) < 1e-9)
        let r = RDConversion.toRD(GeoPoint(lon: 5.38720621, lat: 52.15517440))
        #expect(abs(r.x - 155_000) < 0.01 && abs(r.y - 463_000) < 0.01)
        // Round trips at Flevoland places (Almere, Lelystad, Dronten, Emmeloord, Urk, Zeewolde).
        let places = [
            GeoPoint(lon: 5.2147, lat: 52.3745), GeoPoint(lon: 5.4714, lat: 52.5185),
            GeoPoint(lon: 5.7194, lat: 52.5250),
            GeoPoint(lon: 5.7475, lat: 52.7108), GeoPoint(lon: 5.6017, lat: 52.6625),
            GeoPoint(lon: 5.5414, lat: 52.3306)
        ]
        for p in places {
            let rd = RDConversion.toRD(p)
            #expect(rd.isInNetherlands)
            let back = RDConversion.toWGS84(rd)
            #expect(AcuteGeo.meters(p, back) < 1, "round trip at \(p)")
            let rd2 = RDConversion.toRD(back)
            #expect(hypot(rd2.x - rd.x, rd2.y - rd.y) < 1)
        }
        // Agrees with the shared one-way converter of the Geo module.
        let shared = RDNew.toWGS84(x: 160_650, y: 502_500)
        #expect(AcuteGeo.meters(shared, RDConversion.toWGS84(RDPoint(x: 160_650, y: 502_500))) < 0.01)
        // Lelystad station area, RD ≈ (160 650, 502 500): coarse check (≈ 52.509 N, 5.475 E, within 500 m).
        #expect(
            AcuteGeo.meters(RDConversion.toWGS84(RDPoint(x: 160_650, y: 502_500)), GeoPoint(lon: 5.4755, lat: 52.5085))
                < 500)
    }

    @Test func erlangBTableValues() {
        #expect(abs(ErlangB.blocking(load: 2, servers: 5) - 0.0367) < 0.00005)
        #expect(abs(ErlangB.blocking(load: 1, servers: 3) - 0.0625) < 1e-12)
        #expect(ErlangB.blocking(load: 3, servers: 0) == 1)
        // B(10, 15) from standard Erlang-B tables ≈ 0.0365.
        #expect(abs(ErlangB.blocking(load: 10, servers: 15) - 0.0365) < 0.0005)
        #expect(ErlangB.serversNeeded(load: 2, maxBlocking: 0.05) == 5)  // B(2,4) = 0.0952 > 0.05
        #expect(ErlangB.serversNeeded(load: 1, maxBlocking: 0.0625) == 3)
        #expect(ErlangB.serversNeeded(load: 0, maxBlocking: 0.05, minimum: 1) == 1)
    }

    @Test func growthNeverLowersAmbulancesNeeded() throws {
        var rng = AcuteRNG(seed: 2035)
        let settings = CapacitySettings(
            meanTaskMinutes: 45 + rng.double() * 40, maxBusyProbability: 0.01 + rng.double() * 0.2)
        for _ in 0..<300 {
            let hourly = (0..<168).map { _ in rng.double() * 6 }
            let share = rng.double()
            let before = try AmbulanceCapacity.post(id: "p", hourly: hourly, share: share, settings: settings)
            let factors = ["0-19": 1 + rng.double(), "65-79": 1 + rng.double() * 2, "80+": 1 + rng.double() * 3]
            let growth = (1 + rng.double()) * AgeRideRates.default.rideMultiplier(bandFactors: factors)
            let after = try AmbulanceCapacity.post(
                id: "p", hourly: hourly.map { $0 * growth }, share: share, settings: settings)
            #expect(after.ambulancesNeeded >= before.ambulancesNeeded)
            #expect(zip(after.ambulancesByHour, before.ambulancesByHour).allSatisfy { $0 >= $1 })
            #expect(after.busyProbability <= settings.maxBusyProbability)
        }
    }

    @Test func ageRideMultipliers() {
        let r = AgeRideRates.default
        #expect(r.rideMultiplier(bandFactors: [:]) == 1)
        // Base rides per 1000: .22·40 + .61·70 + .13·180 + .04·420 = 8.8+42.7+23.4+16.8 = 91.7.
        // Doubling 80+: (91.7 + 16.8) / 91.7.
        #expect(abs(r.rideMultiplier(bandFactors: ["80+": 2]) - 108.5 / 91.7) < 1e-12)
        #expect(abs(r.populationMultiplier(bandFactors: ["80+": 2]) - 1.04) < 1e-12)
        let v = RideVolume(ridesPerYear: 52_000)
        #expect(v.hourly.count == 168 && abs(v.ridesPerYear - 52_000) < 1e-6)
    }
}
