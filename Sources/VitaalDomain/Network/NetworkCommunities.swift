/// Communities of a collaboration network: groups of organisations that work together more with each other
/// than with the rest ("groepen die vooral onderling samenwerken"), found with the Louvain method
/// (Blondel et al. 2008) as networkx's `louvain_communities` does it: nodes move one at a time to the
/// neighbouring community with the largest modularity gain, in a seeded random order; the communities
/// then become the nodes of a smaller graph, until modularity gains no more than `threshold`.
/// Weights count how strongly two organisations are linked (e.g. the number of networks they share).
public struct NetworkCommunities: Sendable, Equatable {
    /// Communities, largest first (ties: smallest member first), members sorted.
    public let communities: [[Int]]
    /// Modularity of `communities` (networkx `modularity`, same weights and resolution).
    public let modularity: Double

    /// Louvain communities of an undirected weighted graph on nodes `0..<nodeCount`. Edges with a
    /// weight ≤ 0 are ignored; a pair listed twice adds its weights. The same seed gives the same result.
    public static func louvain(
        nodeCount: Int, edges: [(Int, Int, Double)], resolution: Double = 1, threshold: Double = 1e-7,
        seed: UInt64 = 1
    ) -> NetworkCommunities {
        let graph = WeightedGraph(nodeCount: nodeCount, edges: edges)
        let singletons = (0..<nodeCount).map { [$0] }
        guard graph.totalWeight > 0 else {
            return NetworkCommunities(communities: sorted(singletons), modularity: 0)
        }
        var rng = SplitMix64(seed: seed)
        // `partition[c]`: the original nodes in community c; `current`: the graph whose nodes are the
        // communities of the previous level.
        var partition = singletons
        var current = graph
        var best = modularity(graph, partition, resolution: resolution)
        while true {
            let level = oneLevel(current, totalWeight: graph.totalWeight, resolution: resolution, rng: &rng)
            guard level.moved else { break }
            // Like networkx, the level's partition is kept even when it gains little; then the search ends.
            partition = level.groups.map { group in group.flatMap { partition[$0] } }
            let q = modularity(graph, partition, resolution: resolution)
            guard q - best > threshold else { break }
            best = q
            current = current.collapsed(into: level.groups)
        }
        let result = sorted(partition)
        return NetworkCommunities(communities: result, modularity: modularity(graph, result, resolution: resolution))
    }

    /// networkx `modularity`: Σ over communities of L_c / m − γ (d_c / 2m)², with L_c the weight inside
    /// community c, d_c the weighted degree of its members and m the total weight.
    public static func modularity(
        nodeCount: Int, edges: [(Int, Int, Double)], communities: [[Int]], resolution: Double = 1
    ) -> Double {
        modularity(WeightedGraph(nodeCount: nodeCount, edges: edges), communities, resolution: resolution)
    }

    static func modularity(_ g: WeightedGraph, _ communities: [[Int]], resolution: Double) -> Double {
        let m = g.totalWeight
        guard m > 0 else { return 0 }
        var community = [Int](repeating: -1, count: g.nodeCount)
        for (c, members) in communities.enumerated() { for u in members { community[u] = c } }
        var inside = [Double](repeating: 0, count: communities.count)
        var degree = [Double](repeating: 0, count: communities.count)
        for u in 0..<g.nodeCount where community[u] >= 0 {
            degree[community[u]] += g.degree[u]
            for (v, w) in g.neighbours[u] where community[v] == community[u] {
                // Each edge is seen from both ends; a self-loop once.
                inside[community[u]] += u == v ? w : w / 2
            }
        }
        return zip(inside, degree).reduce(0) { $0 + $1.0 / m - resolution * ($1.1 / (2 * m)) * ($1.1 / (2 * m)) }
    }

    /// One pass of local moves (networkx `_one_level`): the groups of `g`'s nodes and whether any node moved.
    static func oneLevel(
        _ g: WeightedGraph, totalWeight m: Double, resolution: Double, rng: inout SplitMix64
    ) -> (groups: [[Int]], moved: Bool) {
        var community = Array(0..<g.nodeCount)
        var total = g.degree  // Σ_tot per community
        var order = Array(0..<g.nodeCount)
        shuffle(&order, &rng)
        var moved = false
        var moves = 1
        while moves > 0 {
            moves = 0
            for u in order {
                var toCommunity: [Int: Double] = [:]
                for (v, w) in g.neighbours[u] where v != u { toCommunity[community[v], default: 0] += w }
                let own = community[u]
                let k = g.degree[u]
                total[own] -= k
                let removeCost = -(toCommunity[own] ?? 0) / m + resolution * total[own] * k / (2 * m * m)
                var bestGain = 0.0
                var bestCommunity = own
                // Candidates in a fixed order, so equal gains resolve the same way every run.
                for (c, w) in toCommunity.sorted(by: { $0.key < $1.key }) {
                    let gain = removeCost + w / m - resolution * total[c] * k / (2 * m * m)
                    if gain > bestGain {
                        bestGain = gain
                        bestCommunity = c
                    }
                }
                total[bestCommunity] += k
                if bestCommunity != own {
                    community[u] = bestCommunity
                    moves += 1
                    moved = true
                }
            }
        }
        var groups: [Int: [Int]] = [:]
        for u in 0..<g.nodeCount { groups[community[u], default: []].append(u) }
        return (groups.keys.sorted().map { groups[$0]! }, moved)
    }

    /// Fisher–Yates with the domain's generator (not the standard library's shuffle, whose order may
    /// change between Swift versions): the same seed gives the same order everywhere.
    static func shuffle(_ items: inout [Int], _ rng: inout SplitMix64) {
        guard items.count > 1 else { return }
        for i in stride(from: items.count - 1, to: 0, by: -1) {
            items.swapAt(i, Int(rng.next() % UInt64(i + 1)))
        }
    }

    static func sorted(_ communities: [[Int]]) -> [[Int]] {
        communities.map { $0.sorted() }.filter { !$0.isEmpty }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0[0] < $1[0] }
    }
}

/// An undirected weighted graph with self-loops (the collapsed levels of Louvain have them).
struct WeightedGraph: Sendable {
    let nodeCount: Int
    /// Neighbours with the weight of the edge; a self-loop appears once in its node's list.
    let neighbours: [[(Int, Double)]]
    /// Weighted degree; a self-loop counts twice (networkx).
    let degree: [Double]
    /// Sum of all edge weights, each edge once.
    let totalWeight: Double

    init(nodeCount: Int, edges: [(Int, Int, Double)]) {
        var weights: [[Int: Double]] = Array(repeating: [:], count: nodeCount)
        for (a, b, w) in edges where w > 0 && a >= 0 && b >= 0 && a < nodeCount && b < nodeCount {
            weights[a][b, default: 0] += w
            if a != b { weights[b][a, default: 0] += w }
        }
        self.init(nodeCount: nodeCount, weights: weights)
    }

    private init(nodeCount: Int, weights: [[Int: Double]]) {
        self.nodeCount = nodeCount
        neighbours = weights.map { $0.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } }
        degree = weights.enumerated().map { u, ws in ws.reduce(0) { $0 + ($1.key == u ? 2 * $1.value : $1.value) } }
        totalWeight = weights.enumerated().reduce(0) { sum, item in
            sum + item.element.reduce(0) { $0 + ($1.key == item.offset ? $1.value : $1.value / 2) }
        }
    }

    /// The graph whose nodes are `groups` (networkx `_gen_graph`): weights between groups summed, weights
    /// inside a group become its self-loop.
    func collapsed(into groups: [[Int]]) -> WeightedGraph {
        var group = [Int](repeating: 0, count: nodeCount)
        for (g, members) in groups.enumerated() { for u in members { group[u] = g } }
        var weights: [[Int: Double]] = Array(repeating: [:], count: groups.count)
        for u in 0..<nodeCount {
            for (v, w) in neighbours[u] where u <= v {
                let (a, b) = (group[u], group[v])
                weights[a][b, default: 0] += w
                if a != b { weights[b][a, default: 0] += w }
            }
        }
        return WeightedGraph(nodeCount: groups.count, weights: weights)
    }
}
