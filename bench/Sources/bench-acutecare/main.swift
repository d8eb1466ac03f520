// P4: coverage of 200,000 demand points on a generated ~500,000-edge road graph with 10 posts,
// then the same multi-source bounded shortest paths in scipy (bench/acutecare/compare.py).
import Foundation
import VitaalDomain

struct SplitMix { var s: UInt64
    mutating func next() -> UInt64 { s &+= 0x9E37_79B9_7F4A_7C15; var z = s
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9; z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB; return z ^ (z >> 31) }
    mutating func double() -> Double { Double(next() >> 11) / Double(1 << 53) }
    mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}
/// Unbuffered print, so lines appear before the Python child's output.
func print0(_ s: String) { FileHandle.standardOutput.write(Data((s + "\n").utf8)) }
func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

func runBench() throws {
    var rng = SplitMix(s: 4)
    // Grid of 354 × 354 nodes over Flevoland-sized area (≈ 60 × 50 km), jittered; 4-neighbour roads in
    // both directions (499,848 directed edges) with random classes, plus 76 motorway-like shortcuts.
    let side = 354
    let lat0 = 52.25, lon0 = 5.10, dLat = 0.5 / Double(side), dLon = 0.9 / Double(side)
    var nodes: [GeoPoint] = []
    for r in 0..<side { for c in 0..<side {
        nodes.append(GeoPoint(lon: lon0 + (Double(c) + rng.double() * 0.4) * dLon, lat: lat0 + (Double(r) + rng.double() * 0.4) * dLat))
    } }
    var edges: [(from: Int32, to: Int32, meters: Double, roadClass: RoadClass)] = []
    func cls() -> RoadClass { let x = rng.int(100); return x < 2 ? .primary : x < 8 ? .secondary : x < 20 ? .tertiary : x < 90 ? .local : .service }
    func both(_ a: Int, _ b: Int, _ k: RoadClass) {
        let m = AcuteGeo.meters(nodes[a], nodes[b])
        edges.append((Int32(a), Int32(b), m, k)); edges.append((Int32(b), Int32(a), m, k))
    }
    for r in 0..<side { for c in 0..<side {
        let i = r * side + c
        if c + 1 < side { both(i, i + 1, cls()) }
        if r + 1 < side { both(i, i + side, cls()) }
    } }
    var shortcutPairs = Set<Int>()
    while edges.count < 500_000 {
        let a = rng.int(nodes.count), r = a / side, c = a % side
        guard r + 3 < side, c + 3 < side, shortcutPairs.insert(a).inserted else { continue }
        both(a, a + 3 * side + 3, .motorway)
    }
    let graph = RoadGraph(nodes: nodes, edges: edges)
    let postNodes = (0..<10).map { _ in Int32(rng.int(nodes.count)) }
    let posts = postNodes.enumerated().map { AmbulancePost(id: "post\($0.offset)", location: nodes[Int($0.element)]) }
    let demand = (0..<200_000).map { i in
        DemandPoint(id: "d\(i)", location: GeoPoint(lon: lon0 + rng.double() * 0.9, lat: lat0 + rng.double() * 0.5),
                    population: Double(1 + rng.int(60)), municipality: "gemeente\(i % 6)")
    }
    print0("graph: \(graph.nodeCount) nodes, \(graph.edgeCount) directed edges; \(demand.count) demand points; \(posts.count) posts")

    var t = now()
    let engine = try CoverageEngine(graph: graph)
    let tPrepare = now() - t
    var times: [Double] = []
    var result: CoverageResult?
    for _ in 0..<5 {
        t = now()
        result = try engine.coverage(posts: posts, demand: demand)
        times.append(now() - t)
    }
    let cov = result!
    print0(String(format: "prepare (components + grid index): %.3f s", tPrepare))
    print0(String(format: "coverage (snap 200k points + Dijkstra + aggregation): best %.3f s, median %.3f s of 5",
                 times.min()!, times.sorted()[2]))
    print0(String(format: "region share covered: %.4f (%d uncovered points)", cov.region.share, cov.region.uncoveredPointCount))

    // Shortest paths alone, for the comparison with scipy (posts sit exactly on nodes: start 0).
    let limit = engine.settings.normSeconds - engine.settings.dispatchSeconds
    t = now()
    let sp = ShortestPaths(graph: engine.graph, sources: postNodes.map { ($0, 0) }, limit: limit)
    let tSP = now() - t
    let reached = sp.seconds.filter { $0 != ShortestPaths.unreached }.count
    print0(String(format: "bucket Dijkstra, 10 sources, limit %d s: %.4f s, %d nodes reached", limit, tSP, reached))

    // Hand the graph to scipy.
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vitaal-bench-acute")
    try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    func write<T>(_ a: [T], _ name: String) throws { try a.withUnsafeBytes { try Data($0).write(to: dir.appendingPathComponent(name)) } }
    try write(engine.graph.edgeStart, "indptr.i32"); try write(engine.graph.edgeTarget, "indices.i32")
    try write(engine.graph.edgeSeconds, "weights.u32"); try write(postNodes, "sources.i32"); try write(sp.seconds, "swift.u32")
    let script = URL(fileURLWithPath: "bench/acutecare/compare.py")
    let proc = Process()
    proc.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    proc.arguments = ["python3", script.path, dir.path, String(limit)]
    try proc.run(); proc.waitUntilExit()
    if proc.terminationStatus != 0 { print0("scipy comparison FAILED (status \(proc.terminationStatus))"); exit(1) }

}
try runBench()

// Schematic Flevoland demo: base and growth to 2035.
let demoCmp = try AcuteCareModel.compare(base: AcuteCareDemo.inputs, scenario: AcuteCareDemo.growth2035)
for r in [demoCmp.base, demoCmp.scenario] {
    print0(String(format: "demo %@: population %.0f, covered %.1f %%, rides/yr %.0f, ambulances %d (%@)", r.scenarioId,
                  r.coverage.region.population, 100 * r.coverage.region.share, r.ridesPerYear, r.totalAmbulances,
                  r.posts.map { "\($0.id) \($0.capacity.ambulancesNeeded)" }.joined(separator: ", ")))
}
