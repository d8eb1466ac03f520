import Testing

@testable import VitaalDomain

private func graph(_ n: Int, _ edges: [(Int, Int)]) throws -> NetworkGraph {
    try NetworkGraph(nodeCount: n, edges: edges)
}

private func expectClose(
    _ a: [Double], _ b: [Double], tolerance: Double = 1e-12,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    #expect(a.count == b.count, sourceLocation: sourceLocation)
    for (x, y) in zip(a, b) {
        #expect(abs(x - y) <= tolerance * max(1, abs(y)), "\(a) ≠ \(b)", sourceLocation: sourceLocation)
    }
}

private func pairs(_ p: [(Int, Int)]) -> [[Int]] { p.map { [$0.0, $0.1] } }

@Suite("Network graph construction")
struct NetworkGraphTests {
    @Test func csrIsSortedAndDuplicateEdgesCollapse() throws {
        let g = try NetworkGraph(
            nodeIDs: ["a", "b", "c", "d"],
            edges: [("c", "a"), ("a", "b"), ("b", "a"), ("a", "c"), ("d", "a")])
        #expect(g.nodeCount == 4)
        #expect(g.edgeCount == 3)
        #expect(Array(g.neighbors(of: 0)) == [1, 2, 3])
        #expect(Array(g.neighbors(of: 1)) == [0])
        #expect(Array(g.neighbors(of: 3)) == [0])
        #expect(g.nodeIDs == ["a", "b", "c", "d"])
    }

    @Test func selfLoopIsRefusedInDutch() {
        do {
            _ = try NetworkGraph(nodeIDs: ["Buurtteam", "GGD"], edges: [("GGD", "GGD")])
            Issue.record("self-loop accepted")
        } catch {
            #expect(error.kind == .invalidInput)
            #expect(error.message.contains("samenwerking van \"GGD\" met zichzelf"))
            #expect(error.problems.first?.location.element == "verbinding 1")
        }
    }

    @Test func unknownAndDuplicateIdsAreAllReported() {
        do {
            _ = try NetworkGraph(nodeIDs: ["A", "B", "A"], edges: [("A", "B"), ("B", "X")])
            Issue.record("bad input accepted")
        } catch {
            #expect(error.kind == .invalidInput)
            #expect(error.problems.count == 2)
            #expect(error.message.contains("2 fouten"))
            #expect(error.problems[0].message.contains("knooppunt \"A\" komt meer dan eens voor"))
            #expect(error.problems[0].location.element == "knooppunt 3")
            #expect(error.problems[1].message.contains("onbekend knooppunt \"X\""))
            #expect(error.problems[1].location.element == "verbinding 2")
        }
    }

    @Test func indexEdgesOutOfRangeOrSelfLoopAreRefused() {
        #expect(throws: VitaalError.self) { try NetworkGraph(nodeCount: 3, edges: [(0, 3)]) }
        #expect(throws: VitaalError.self) { try NetworkGraph(nodeCount: 3, edges: [(-1, 0)]) }
        #expect(throws: VitaalError.self) { try NetworkGraph(nodeCount: 3, edges: [(1, 1)]) }
        #expect(throws: VitaalError.self) { try NetworkGraph(nodeCount: -1, edges: []) }
    }
}

@Suite("Network analysis")
struct NetworkAnalysisTests {
    /// P4 0-1-2-3 by hand: inner nodes lie on 2 of the C(3,2)=3 pairs not involving them → 2/3;
    /// closeness of an end 3/(1+2+3) = 0.5, of an inner node 3/(1+1+2) = 0.75.
    @Test func pathP4ByHand() throws {
        let a = NetworkAnalysis.analyze(try graph(4, [(0, 1), (1, 2), (2, 3)]))
        expectClose(a.degree, [1.0 / 3, 2.0 / 3, 2.0 / 3, 1.0 / 3])
        expectClose(a.betweenness, [0, 2.0 / 3, 2.0 / 3, 0])
        expectClose(a.closeness, [0.5, 0.75, 0.75, 0.5])
        #expect(a.articulationPoints == [1, 2])
        #expect(pairs(a.bridges) == [[0, 1], [1, 2], [2, 3]])
        #expect(a.components == [[0, 1, 2, 3]])
    }

    /// Star with centre 0 and leaves 1…4 by hand: the centre lies on all 6 leaf pairs → 1;
    /// closeness centre 4/4 = 1, leaf 4/(1+2+2+2) = 4/7.
    @Test func starByHand() throws {
        let a = NetworkAnalysis.analyze(try graph(5, [(0, 1), (0, 2), (0, 3), (0, 4)]))
        expectClose(a.betweenness, [1, 0, 0, 0, 0])
        expectClose(a.closeness, [1, 4.0 / 7, 4.0 / 7, 4.0 / 7, 4.0 / 7])
        expectClose(a.degree, [1, 0.25, 0.25, 0.25, 0.25])
        #expect(a.articulationPoints == [0])
        #expect(a.removalImpact == [RemovalImpact(node: 0, cutOff: [2, 3, 4])])
        let names = ["Zorgloket", "Anna", "Bram", "Chris", "Dewi"]
        #expect(
            a.explanation(of: a.removalImpact[0], names: names)
                == "Als Zorgloket wegvalt, raken Bram, Chris en Dewi los van de rest.")
        #expect(a.centralSummary(names: names) == "Centraal: Zorgloket, Anna, Bram")
    }

    @Test(arguments: ["p5", "cycle6", "twoTriangles", "disconnected", "barbell", "petersenPlusTail"])
    func matchesNetworkx(_ name: String) throws {
        typealias F = NetworkFixtures
        let cases: [String: (Int, [(Int, Int)], [Double], [Double], [Double], [Int], [(Int, Int)])] = [
            "p5": (5, F.p5Edges, F.p5Betweenness, F.p5Closeness, F.p5Degree, F.p5Articulation, F.p5Bridges),
            "cycle6": (
                6, F.cycle6Edges, F.cycle6Betweenness, F.cycle6Closeness, F.cycle6Degree, F.cycle6Articulation,
                F.cycle6Bridges
            ),
            "twoTriangles": (
                6, F.twoTrianglesEdges, F.twoTrianglesBetweenness, F.twoTrianglesCloseness, F.twoTrianglesDegree,
                F.twoTrianglesArticulation, F.twoTrianglesBridges
            ),
            "disconnected": (
                6, F.disconnectedEdges, F.disconnectedBetweenness, F.disconnectedCloseness, F.disconnectedDegree,
                F.disconnectedArticulation, F.disconnectedBridges
            ),
            "barbell": (
                9, F.barbellEdges, F.barbellBetweenness, F.barbellCloseness, F.barbellDegree, F.barbellArticulation,
                F.barbellBridges
            ),
            "petersenPlusTail": (
                12, F.petersenPlusTailEdges, F.petersenPlusTailBetweenness, F.petersenPlusTailCloseness,
                F.petersenPlusTailDegree, F.petersenPlusTailArticulation, F.petersenPlusTailBridges
            )
        ]
        let (n, edges, bc, cc, dc, ap, br) = try #require(cases[name])
        let a = NetworkAnalysis.analyze(try graph(n, edges))
        expectClose(a.betweenness, bc)
        expectClose(a.closeness, cc)
        expectClose(a.degree, dc)
        #expect(a.articulationPoints == ap)
        #expect(pairs(a.bridges) == pairs(br))
        expectClose(NetworkAnalysis.betweennessCentrality(try graph(n, edges)), bc)
        expectClose(NetworkAnalysis.closenessCentrality(try graph(n, edges)), cc)
    }

    @Test func disconnectedComponentsAndIsolatedNode() throws {
        let a = NetworkAnalysis.analyze(try graph(6, NetworkFixtures.disconnectedEdges))
        #expect(a.components == [[0, 1, 2], [3, 4], [5]])
        // Removing 1 leaves {0} and {2}: equally large, the part with node 0 stays.
        #expect(a.removalImpact == [RemovalImpact(node: 1, cutOff: [2])])
        #expect(
            a.explanation(of: a.removalImpact[0], names: ["A", "B", "C"])
                == "Als B wegvalt, raakt C los van de rest.")
    }

    /// Barbell K4 – 4 – K4 by hand: removing 4 splits two parts of 4 (the one with 0 stays);
    /// removing 3 cuts off 0,1,2 and removing 5 cuts off 6,7,8.
    @Test func barbellRemovalImpact() throws {
        let a = NetworkAnalysis.analyze(try graph(9, NetworkFixtures.barbellEdges))
        #expect(
            a.removalImpact == [
                RemovalImpact(node: 4, cutOff: [5, 6, 7, 8]),
                RemovalImpact(node: 3, cutOff: [0, 1, 2]),
                RemovalImpact(node: 5, cutOff: [6, 7, 8])
            ])
        let names = ["A", "B", "C", "D", "Brug", "E", "F", "G", "H"]
        #expect(
            a.explanation(of: a.removalImpact[0], names: names)
                == "Als Brug wegvalt, raken E, F, G en H los van de rest.")
        #expect(
            a.explanation(of: a.removalImpact[1], names: names) == "Als D wegvalt, raken A, B en C los van de rest.")
        #expect(a.centralSummary(names: names) == "Centraal: Brug, D, E")
    }

    @Test func pathP5RemovalImpactTieKeepsPartWithLowestNode() throws {
        let a = NetworkAnalysis.analyze(try graph(5, NetworkFixtures.p5Edges))
        #expect(
            a.removalImpact == [
                RemovalImpact(node: 2, cutOff: [3, 4]),
                RemovalImpact(node: 1, cutOff: [0]),
                RemovalImpact(node: 3, cutOff: [4])
            ])
    }

    @Test func dutchListsAndLongExplanations() throws {
        #expect(NetworkAnalysis.dutchList([]) == "")
        #expect(NetworkAnalysis.dutchList(["A"]) == "A")
        #expect(NetworkAnalysis.dutchList(["A", "B"]) == "A en B")
        #expect(NetworkAnalysis.dutchList(["A", "B", "C"]) == "A, B en C")
        let a = NetworkAnalysis.analyze(try graph(1, []))
        let long = RemovalImpact(node: 0, cutOff: Array(1...10))
        #expect(
            a.explanation(of: long, names: ["X"])
                == "Als X wegvalt, raken knooppunt 1, knooppunt 2, knooppunt 3, knooppunt 4, knooppunt 5, knooppunt 6, knooppunt 7 en 3 andere los van de rest."
        )
    }

    @Test func tinyGraphs() throws {
        let empty = NetworkAnalysis.analyze(try graph(0, []))
        #expect(empty.components.isEmpty && empty.betweenness.isEmpty)
        #expect(empty.centralSummary(names: []) == "Centraal: geen")
        let one = NetworkAnalysis.analyze(try graph(1, []))
        #expect(one.degree == [1] && one.betweenness == [0] && one.closeness == [0])
        let two = NetworkAnalysis.analyze(try graph(2, [(0, 1)]))
        #expect(two.betweenness == [0, 0] && two.closeness == [1, 1] && two.degree == [1, 1])
        #expect(two.articulationPoints.isEmpty && pairs(two.bridges) == [[0, 1]])
    }

    /// A 10,000-node path would overflow a recursive DFS; every inner node is an articulation point.
    @Test func longPathIsIterative() throws {
        let n = 10_000
        let g = try graph(n, (0..<(n - 1)).map { ($0, $0 + 1) })
        let (ap, br) = NetworkAnalysis.articulationPointsAndBridges(g)
        #expect(ap == Array(1..<(n - 1)))
        #expect(br.count == n - 1 && br.last! == (n - 2, n - 1))
    }

    /// Random graphs against brute-force references: articulation points by removing each node,
    /// bridges by removing each edge, betweenness by σ_sv·σ_vt/σ_st over all pairs. n = 300 spreads
    /// the sources over several accumulation blocks; the result must be bit-identical across runs.
    @Test func randomGraphsAgainstBruteForce() throws {
        var rng = SplitMix64(seed: 42)
        for (n, m) in [(40, 50), (300, 420)] {
            var edges: [(Int, Int)] = []
            while edges.count < m {
                let a = Int(rng.next() % UInt64(n))
                let b = Int(rng.next() % UInt64(n))
                if a != b { edges.append((a, b)) }
            }
            let g = try graph(n, edges)
            let a = NetworkAnalysis.analyze(g)
            #expect(NetworkAnalysis.betweennessCentrality(g) == a.betweenness)  // bit-identical

            let dist = (0..<n).map { bfs(g, from: $0, skipping: -1) }
            var ref = [Double](repeating: 0, count: n)
            for s in 0..<n {
                for t in (s + 1)..<n where dist[s].d[t] > 0 {
                    for v in 0..<n
                    where v != s && v != t && dist[s].d[v] >= 0 && dist[s].d[v] + dist[t].d[v] == dist[s].d[t] {
                        ref[v] += dist[s].sigma[v] * dist[t].sigma[v] / dist[s].sigma[t]
                    }
                }
            }
            expectClose(a.betweenness, ref.map { $0 * 2 / Double((n - 1) * (n - 2)) }, tolerance: 1e-10)

            let baseComponents = a.components.count
            let isolated = Set((0..<n).filter { g.degree(of: $0) == 0 })
            let refAP = (0..<n).filter { v in
                componentCount(g, skipping: v) > baseComponents - (isolated.contains(v) ? 1 : 0)
            }
            #expect(a.articulationPoints == refAP)
            for (u, v) in a.bridges { #expect(edgeIsBridge(g, u, v)) }
            let bridgeSet = Set(a.bridges.map { $0.0 * n + $0.1 })
            for u in 0..<n {
                for w in g.neighbors(of: u) where Int(w) > u && !bridgeSet.contains(u * n + Int(w)) {
                    #expect(!edgeIsBridge(g, u, Int(w)))
                }
            }
            for impact in a.removalImpact {
                let comp = a.components.first { $0.contains(impact.node) }!
                #expect(impact.cutOff.count >= 1 && impact.cutOff.count <= (comp.count - 1) / 2)
                #expect(!impact.cutOff.contains(impact.node) && Set(impact.cutOff).isSubset(of: Set(comp)))
            }
        }
    }

    private func bfs(_ g: NetworkGraph, from s: Int, skipping skip: Int) -> (d: [Int], sigma: [Double]) {
        var d = [Int](repeating: -1, count: g.nodeCount)
        var sigma = [Double](repeating: 0, count: g.nodeCount)
        d[s] = 0
        sigma[s] = 1
        var queue = [s]
        var head = 0
        while head < queue.count {
            let v = queue[head]
            head += 1
            for w32 in g.neighbors(of: v) where Int(w32) != skip {
                let w = Int(w32)
                if d[w] < 0 {
                    d[w] = d[v] + 1
                    queue.append(w)
                }
                if d[w] == d[v] + 1 { sigma[w] += sigma[v] }
            }
        }
        return (d, sigma)
    }

    private func componentCount(_ g: NetworkGraph, skipping skip: Int) -> Int {
        var seen = [Bool](repeating: false, count: g.nodeCount)
        var count = 0
        for s in 0..<g.nodeCount where s != skip && !seen[s] {
            count += 1
            for (v, dv) in bfs(g, from: s, skipping: skip).d.enumerated() where dv >= 0 { seen[v] = true }
        }
        return count
    }

    private func edgeIsBridge(_ g: NetworkGraph, _ u: Int, _ v: Int) -> Bool {
        var seen = [Bool](repeating: false, count: g.nodeCount)
        var stack = [u]
        seen[u] = true
        while let x = stack.popLast() {
            for w32 in g.neighbors(of: x) {
                let w = Int(w32)
                if (x == u && w == v) || (x == v && w == u) || seen[w] { continue }
                seen[w] = true
                stack.append(w)
            }
        }
        return !seen[v]
    }
}

@Suite("Network layout")
struct NetworkLayoutTests {
    @Test func deterministicInUnitSquareAndComponentsApart() throws {
        // Two triangles + a separate pair + an isolated node.
        let g = try NetworkGraph(nodeCount: 6 + 3, edges: NetworkFixtures.twoTrianglesEdges + [(6, 7)])
        let p1 = NetworkLayout.positions(for: g, seed: 7, iterations: 100)
        let p2 = NetworkLayout.positions(for: g, seed: 7, iterations: 100)
        #expect(p1.count == 9)
        #expect(zip(p1, p2).allSatisfy { $0.x == $1.x && $0.y == $1.y })
        #expect(p1.allSatisfy { (0...1).contains($0.x) && (0...1).contains($0.y) })
        // Bounding boxes of different components do not overlap.
        func box(_ nodes: [Int]) -> (Double, Double, Double, Double) {
            (
                nodes.map { p1[$0].x }.min()!, nodes.map { p1[$0].x }.max()!, nodes.map { p1[$0].y }.min()!,
                nodes.map { p1[$0].y }.max()!
            )
        }
        let boxes = [box(Array(0...5)), box([6, 7]), box([8])]
        for i in 0..<3 {
            for j in (i + 1)..<3 {
                let (a, b) = (boxes[i], boxes[j])
                #expect(a.1 < b.0 || b.1 < a.0 || a.3 < b.2 || b.3 < a.2)
            }
        }
        let p3 = NetworkLayout.positions(for: g, seed: 8, iterations: 100)
        #expect(!zip(p1, p3).allSatisfy { $0.x == $1.x && $0.y == $1.y })
    }

    @Test func neighboursEndUpCloserThanNonNeighbours() throws {
        let n = 12
        let g = try NetworkGraph(nodeCount: n, edges: (0..<n).map { ($0, ($0 + 1) % n) })
        let p = NetworkLayout.positions(for: g, seed: 1, iterations: 200)
        func d(_ a: Int, _ b: Int) -> Double {
            ((p[a].x - p[b].x) * (p[a].x - p[b].x) + (p[a].y - p[b].y) * (p[a].y - p[b].y)).squareRoot()
        }
        let edgeMean = (0..<n).map { d($0, ($0 + 1) % n) }.reduce(0, +) / Double(n)
        let oppositeMean = (0..<n).map { d($0, ($0 + n / 2) % n) }.reduce(0, +) / Double(n)
        #expect(edgeMean * 2.5 < oppositeMean)
    }
}
