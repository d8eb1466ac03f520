import Foundation
import Testing

@testable import VitaalDomain

/// The demo collaboration graph analysed by `NetworkAnalysis` must match networkx
/// (bench/socialmap/demo_network_fixtures.py → bench/socialmap/fixtures/demo_collaboration_graph_networkx.json).
@Suite("SocialMap demo network vs networkx")
struct SocialMapNetworkFixtureTests {
    // Kept outside the test target (no resources in Package.swift): bench/socialmap/fixtures/.
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("bench/socialmap/fixtures")

    @Test func committedGraphMatchesDemoData() throws {
        let committed = try String(
            contentsOf: Self.fixtures.appendingPathComponent("demo_collaboration_graph.json"), encoding: .utf8)
        #expect(
            committed == SocialMapDemoData.register.collaborationGraphJSON(),
            "demo data changed: rerun the graph dump and bench/socialmap/demo_network_fixtures.py")
    }

    @Test func analysisMatchesNetworkx() throws {
        let data = try Data(contentsOf: Self.fixtures.appendingPathComponent("demo_collaboration_graph_networkx.json"))
        let nx = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let g = SocialMapDemoData.register.collaborationGraph()
        let graph = try NetworkGraph(nodeIDs: g.nodeIDs, edges: g.edges)
        let a = NetworkAnalysis.analyze(graph)
        #expect(nx["nodes"] as? Int == g.nodeIDs.count)
        #expect(nx["edges"] as? Int == g.edges.count)
        for (key, values) in [("degree", a.degree), ("betweenness", a.betweenness), ("closeness", a.closeness)] {
            let expected = try #require(nx[key] as? [String: Double])
            for (i, id) in g.nodeIDs.enumerated() {
                let e = try #require(expected[id])
                #expect(abs(values[i] - e) < 1e-9, "\(key) of \(id): \(values[i]) vs networkx \(e)")
            }
        }
        let ap = try #require(nx["articulation_points"] as? [String])
        #expect(a.articulationPoints.map { g.nodeIDs[$0] }.sorted() == ap)
        #expect(ap == ["zilveren-kruis"])
        let bridges = try #require(nx["bridges"] as? [[String]])
        #expect(
            a.bridges.map { [g.nodeIDs[$0.0], g.nodeIDs[$0.1]].sorted() }.sorted { $0.lexicographicallyPrecedes($1) }
                == bridges)
        let components = try #require(nx["components"] as? [[String]])
        #expect(a.components.count == components.count)
    }
}
