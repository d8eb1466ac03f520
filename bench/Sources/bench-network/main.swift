// P3 benchmark: betweenness + articulation points on a seeded random connected graph
// (10,000 nodes, 100,000 edges), compared with igraph and networkx on the same edge list.
// Run from the repository root:
//   VITAAL_DOMAIN_ONLY=1 swift run -c release --package-path bench --scratch-path .build-bench-network bench-network
// Options (environment): BENCH_NODES, BENCH_EDGES, BENCH_SEED, BENCH_RUNS, BENCH_NX_SOURCES,
// BENCH_SKIP_PYTHON=1 (Vitaal only).
import Foundation
import VitaalDomain

struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}

let env = ProcessInfo.processInfo.environment
let n = Int(env["BENCH_NODES"] ?? "") ?? 10_000
let m = Int(env["BENCH_EDGES"] ?? "") ?? 100_000
let seed = UInt64(env["BENCH_SEED"] ?? "") ?? 20_240_301
let runs = Int(env["BENCH_RUNS"] ?? "") ?? 3

// Connected by construction: a random recursive tree (node i links to a random earlier node),
// then uniformly random extra edges among the first 97% of the nodes until m distinct edges exist.
// The last 3% hang on tree edges only, so the graph has articulation points and bridges to compare.
func randomConnectedGraph(nodes n: Int, edges m: Int, seed: UInt64) -> [(Int, Int)] {
    var rng = SplitMix64(state: seed)
    var seen = Set<UInt64>()
    var edges: [(Int, Int)] = []
    func add(_ a: Int, _ b: Int) {
        guard a != b else { return }
        let key = UInt64(min(a, b)) << 32 | UInt64(max(a, b))
        if seen.insert(key).inserted { edges.append((a, b)) }
    }
    for i in 1..<n { add(i, rng.below(i)) }
    let core = max(2, n - n * 3 / 100)
    while edges.count < m { add(rng.below(core), rng.below(core)) }
    return edges
}
let edges = randomConnectedGraph(nodes: n, edges: m, seed: seed)

let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vitaal-bench-network-\(getpid())")
try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
let edgeFile = dir.appendingPathComponent("edges.txt"), resultFile = dir.appendingPathComponent("vitaal.json")
try (edges.map { "\($0.0) \($0.1)" }.joined(separator: "\n") + "\n").write(to: edgeFile, atomically: true, encoding: .utf8)

let graph = try NetworkGraph(nodeCount: n, edges: edges)
print("P3 graaf: \(graph.nodeCount) knooppunten, \(graph.edgeCount) verbindingen, seed \(seed), \(ProcessInfo.processInfo.activeProcessorCount) cores")

#if os(Linux)
let RUSAGE_SELF_WHO = __rusage_who_t(RUSAGE_SELF.rawValue)
#else
let RUSAGE_SELF_WHO = RUSAGE_SELF
#endif
/// Process CPU time (all threads), robust against other load on the machine.
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF_WHO, &usage)
    return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) * 1e-6
        + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) * 1e-6
}
func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18 }
let clock = ContinuousClock()
var bcTimes: [Double] = [], apTimes: [Double] = [], bcCPU: [Double] = []
var bc: [Double] = [], ap: [Int] = [], bridges: [(Int, Int)] = []
for _ in 0..<runs {
    var t = clock.now
    let c = cpuSeconds()
    bc = NetworkAnalysis.betweennessCentrality(graph)
    bcTimes.append(seconds(clock.now - t))
    bcCPU.append(cpuSeconds() - c)
    t = clock.now
    (ap, bridges) = NetworkAnalysis.articulationPointsAndBridges(graph)
    apTimes.append(seconds(clock.now - t))
}
let bcBest = bcTimes.min()!, apBest = apTimes.min()!
print(String(format: "Vitaal betweenness:          %.3f s (beste van %d: %@)", bcBest, runs,
             bcTimes.map { String(format: "%.3f", $0) }.joined(separator: ", ")))
print(String(format: "Vitaal betweenness CPU-tijd:  %.3f s (alle threads samen, beste run)", bcCPU.min()!))
print(String(format: "Vitaal articulatiepunten:    %.4f s (%d punten, %d bruggen)", apBest, ap.count, bridges.count))

let json = """
{"nodes": \(n), "edges": \(graph.edgeCount), "seed": \(seed), "betweenness_seconds": \(bcBest), "betweenness_cpu_seconds": \(bcCPU.min()!), \
"articulation_seconds": \(apBest), "articulation_points": [\(ap.map(String.init).joined(separator: ","))], \
"betweenness": [\(bc.map { "\($0)" }.joined(separator: ","))]}
"""
try json.write(to: resultFile, atomically: true, encoding: .utf8)

if env["BENCH_SKIP_PYTHON"] == "1" {
    print("Python-vergelijking overgeslagen; randlijst: \(edgeFile.path)")
} else {
    fflush(nil)   // flush our report before the Python child writes its own
    let script = env["BENCH_COMPARE_SCRIPT"] ?? "bench/network/compare.py"
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["python3", script, edgeFile.path, resultFile.path]
    try p.run()
    p.waitUntilExit()
    try? FileManager.default.removeItem(at: dir)
    exit(p.terminationStatus)
}
