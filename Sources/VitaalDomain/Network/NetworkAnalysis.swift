/// What happens when one articulation point drops out of the network.
public struct RemovalImpact: Sendable, Hashable {
    /// The articulation point.
    public let node: Int
    /// Nodes that lose their connection to the largest remaining part of the component, sorted.
    public let cutOff: [Int]
    public init(node: Int, cutOff: [Int]) {
        self.node = node
        self.cutOff = cutOff
    }
}

/// Centrality and vulnerability of a collaboration network ("wie staat centraal, waar is het
/// netwerk kwetsbaar"). All centralities follow networkx' definitions for undirected graphs.
public struct NetworkAnalysis: Sendable {
    /// networkx `degree_centrality`: degree / (n - 1).
    public let degree: [Double]
    /// networkx `betweenness_centrality(normalized=True)`, undirected.
    public let betweenness: [Double]
    /// networkx `closeness_centrality` (wf_improved=True).
    public let closeness: [Double]
    /// Connected components, largest first (ties: smallest node first), nodes sorted.
    public let components: [[Int]]
    /// Nodes whose removal disconnects their component, sorted.
    public let articulationPoints: [Int]
    /// Edges whose removal disconnects their component, as (min, max), sorted.
    public let bridges: [(Int, Int)]
    /// Per articulation point: the nodes cut off from the largest remaining part, most first.
    public let removalImpact: [RemovalImpact]

    /// Runs every analysis; one parallel all-sources pass yields both betweenness and closeness.
    public static func analyze(_ g: NetworkGraph) -> NetworkAnalysis {
        let all = allSources(g, betweenness: true)
        let forest = DFSForest(g)
        return NetworkAnalysis(
            degree: degreeCentrality(g),
            betweenness: normalizedBetweenness(all, nodeCount: g.nodeCount),
            closeness: closeness(all, nodeCount: g.nodeCount),
            components: forest.components(),
            articulationPoints: forest.articulationPoints,
            bridges: forest.bridges,
            removalImpact: forest.removalImpacts(g))
    }

    /// Dutch sentence, e.g. "Als X wegvalt, raken A, B en C los van de rest."
    /// `names[i]` names node `i`; missing names read "knooppunt i". Lists longer than 8 are cut
    /// short as "A, B, …, G en 12 andere".
    public func explanation(of impact: RemovalImpact, names: [String]) -> String {
        let who = Self.name(impact.node, names)
        switch impact.cutOff.count {
        case 0: return "Als \(who) wegvalt, raakt niemand los van de rest."
        case 1: return "Als \(who) wegvalt, raakt \(Self.name(impact.cutOff[0], names)) los van de rest."
        default:
            let listed = impact.cutOff.count > 8 ? Array(impact.cutOff.prefix(7)) : impact.cutOff
            var parts = listed.map { Self.name($0, names) }
            if impact.cutOff.count > listed.count { parts.append("\(impact.cutOff.count - listed.count) andere") }
            return "Als \(who) wegvalt, raken \(Self.dutchList(parts)) los van de rest."
        }
    }

    /// The `count` most central nodes: highest betweenness, then degree, then lowest index.
    public func mostCentral(count: Int = 3) -> [Int] {
        let order = degree.indices.sorted { a, b in
            if betweenness[a] != betweenness[b] { return betweenness[a] > betweenness[b] }
            if degree[a] != degree[b] { return degree[a] > degree[b] }
            return a < b
        }
        return Array(order.prefix(max(0, count)))
    }

    /// Short Dutch summary, e.g. "Centraal: A, B, C" ("Centraal: geen" for an empty network).
    public func centralSummary(names: [String], count: Int = 3) -> String {
        let top = mostCentral(count: count)
        return "Centraal: " + (top.isEmpty ? "geen" : top.map { Self.name($0, names) }.joined(separator: ", "))
    }

    /// Dutch enumeration: "A", "A en B", "A, B en C".
    public static func dutchList(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " en " + items[items.count - 1]
    }

    private static func name(_ i: Int, _ names: [String]) -> String {
        names.indices.contains(i) ? names[i] : "knooppunt \(i)"
    }
}
