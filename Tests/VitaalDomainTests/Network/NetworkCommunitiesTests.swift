import Foundation
import Testing

@testable import VitaalDomain

/// Louvain communities against networkx (bench/network/communities.py → CommunityFixtures).
@Suite("Network – communities (Louvain)")
struct NetworkCommunitiesTests {
    typealias F = CommunityFixtures

    @Test func modularityEqualsNetworkx() {
        let karate = NetworkCommunities.modularity(nodeCount: 34, edges: F.karateEdges, communities: F.karatePartition)
        #expect(abs(karate - F.karatePartitionModularity) < 1e-12)
        let toy = NetworkCommunities.modularity(
            nodeCount: 6, edges: F.weightedToyEdges, communities: F.weightedToyPartition)
        #expect(abs(toy - F.weightedToyPartitionModularity) < 1e-12)
    }

    /// Where the structure is clear, Louvain finds exactly networkx's communities.
    @Test func clearCommunitiesAreFoundExactly() {
        let ring = NetworkCommunities.louvain(nodeCount: 24, edges: F.ringOfCliquesEdges, seed: 7)
        #expect(ring.communities == F.ringOfCliquesLouvainCommunities)
        #expect(abs(ring.modularity - F.ringOfCliquesLouvainModularity) < 1e-12)
        let toy = NetworkCommunities.louvain(nodeCount: 6, edges: F.weightedToyEdges)
        #expect(toy.communities == F.weightedToyLouvainCommunities)
        #expect(abs(toy.modularity - F.weightedToyLouvainModularity) < 1e-12)
    }

    /// Louvain is a heuristic: on Zachary's karate club another random order may end in another local
    /// optimum, but never far below networkx's (0.4188), and far above the two clubs' own split (0.358).
    @Test func karateClubReachesNetworkxQuality() {
        for seed in UInt64(1)...5 {
            let c = NetworkCommunities.louvain(nodeCount: 34, edges: F.karateEdges, seed: seed)
            #expect(c.modularity > F.karateLouvainModularity - 0.01, "seed \(seed): \(c.modularity)")
            #expect(Set(c.communities.flatMap { $0 }) == Set(0..<34))
            let recomputed = NetworkCommunities.modularity(
                nodeCount: 34, edges: F.karateEdges, communities: c.communities)
            #expect(abs(recomputed - c.modularity) < 1e-12)
        }
    }

    @Test func sameSeedSameCommunitiesAndEdgeCases() {
        let a = NetworkCommunities.louvain(nodeCount: 34, edges: F.karateEdges, seed: 42)
        #expect(a == NetworkCommunities.louvain(nodeCount: 34, edges: F.karateEdges, seed: 42))
        let empty = NetworkCommunities.louvain(nodeCount: 3, edges: [])
        #expect(empty.communities == [[0], [1], [2]] && empty.modularity == 0)
        // Weights of 0 or below and nodes out of range are ignored.
        let odd = NetworkCommunities.louvain(nodeCount: 2, edges: [(0, 1, 0), (0, 5, 1), (-1, 0, 1)])
        #expect(odd.communities == [[0], [1]])
    }

    /// The demo's collaboration network, weighted by shared networks: every organisation in exactly one
    /// community, and a partition better than one community for all.
    @Test func demoCollaborationNetworkSplitsIntoCommunities() throws {
        let g = SocialMapDemoData.register.weightedCollaborationGraph()
        let index = Dictionary(uniqueKeysWithValues: g.nodeIDs.enumerated().map { ($1, $0) })
        let edges = g.edges.map { (index[$0.0]!, index[$0.1]!, $0.2) }
        #expect(edges.contains { $0.2 > 1 }, "some pairs share more than one network")
        let c = NetworkCommunities.louvain(nodeCount: g.nodeIDs.count, edges: edges)
        #expect(c.communities.flatMap { $0 }.sorted() == Array(0..<g.nodeIDs.count))
        #expect(c.communities.count > 1)
        #expect(c.modularity > 0)
    }
}
