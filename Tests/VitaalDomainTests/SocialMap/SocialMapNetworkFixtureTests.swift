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
        let file = Self.fixtures.appendingPathComponent("demo_collaboration_graph.json")
        // Like the HTML snapshots: VITAAL_RECORD_SNAPSHOTS=1 writes the graph of the current demo data
        // (then rerun bench/socialmap/demo_network_fixtures.py for networkx's reference values).
        if ProcessInfo.processInfo.environment["VITAAL_RECORD_SNAPSHOTS"] == "1" {
            try SocialMapDemoData.register.collaborationGraphJSON().write(to: file, atomically: true, encoding: .utf8)
        }
        let committed = try String(contentsOf: file, encoding: .utf8)
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
        #expect(ap == ["flever"])
        let bridges = try #require(nx["bridges"] as? [[String]])
        #expect(
            a.bridges.map { [g.nodeIDs[$0.0], g.nodeIDs[$0.1]].sorted() }.sorted { $0.lexicographicallyPrecedes($1) }
                == bridges)
        let components = try #require(nx["components"] as? [[String]])
        #expect(a.components.count == components.count)
    }
}
