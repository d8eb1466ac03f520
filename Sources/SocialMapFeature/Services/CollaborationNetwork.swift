import Foundation
import VitaalDomain

/// The collaboration graph of one network (its members and the collaborations among them), or of
/// the whole social map (`allID`), with the analysis from `NetworkAnalysis`.
public struct CollaborationNetwork: Sendable {
    /// Id of the graph of all collaborations together.
    public static let allID = "alle"

    public struct Edge: Sendable {
        public let a: String, b: String
        public let topic: String
        public let isDerived: Bool
        /// How strongly the two are linked: networks shared plus collaborations reported (at least 1).
        public var weight: Double = 1
    }

    public let id: String
    public let title: String
    public let network: SocialMap.Network?
    /// Sorted node ids (organisation and service ids); graph node `i` is `nodeIDs[i]`.
    public let nodeIDs: [String]
    public let names: [String]
    /// "organisatie", "dienst", "inwonersinitiatief", "professioneel-initiatief"
    public let nodeKinds: [String]
    public let edges: [Edge]
    public let graph: NetworkGraph
    public let analysis: NetworkAnalysis
    /// Groups that work together mostly among themselves (Louvain on the weighted links, seed 1).
    public let communities: NetworkCommunities

    /// Nil when `id` is neither `allID` nor a network of `register`.
    public static func build(id: String, register: SocialMap.Register) throws -> CollaborationNetwork? {
        let network: SocialMap.Network?
        let nodeIDs: [String]
        let collaborations: [SocialMap.Collaboration]
        if id == allID {
            network = nil
            nodeIDs = register.collaborationGraph().nodeIDs
            collaborations = register.collaborations
        } else {
            guard let found = register.networks.first(where: { $0.id == id }) else { return nil }
            network = found
            let members = Set(found.memberships.map(\.memberID))
            nodeIDs = members.sorted()
            collaborations = register.collaborations.filter { members.contains($0.a) && members.contains($0.b) }
        }
        let weights = register.linkWeights()
        let edges = Self.edges(collaborations).map { edge in
            var e = edge
            e.weight = max(1, weights[SocialMap.Register.pairKey(edge.a, edge.b)] ?? 1)
            return e
        }
        guard nodeIDs.count <= maxAnalysisNodes else {
            throw VitaalError.invalid(
                "het netwerk heeft \(nodeIDs.count) deelnemers; de netwerkanalyse rekent met "
                    + "hoogstens \(maxAnalysisNodes)", at: SourceLocation(element: "netwerk \(id)"))
        }
        let graph = try NetworkGraph(nodeIDs: nodeIDs, edges: edges.map { ($0.a, $0.b) })
        let kinds = nodeIDs.map { register.service($0)?.kind.rawValue ?? "organisatie" }
        // The analysis depends only on the nodes and edges: cached by exactly those (the data version).
        let key =
            nodeIDs.joined(separator: "\u{1F}") + "\u{1E}"
            + edges.map { $0.a + "\u{1F}" + $0.b }.joined(separator: "\u{1D}")
        let analysis = analysisCache.value(for: key) { NetworkAnalysis.analyze(graph) }
        let index = Dictionary(uniqueKeysWithValues: nodeIDs.enumerated().map { ($1, $0) })
        let weighted = edges.compactMap { e in index[e.a].flatMap { a in index[e.b].map { (a, $0, e.weight) } } }
        let communities = communityCache.value(for: key + "\u{1C}" + weighted.map { "\($0.2)" }.joined(separator: ","))
        {
            NetworkCommunities.louvain(nodeCount: nodeIDs.count, edges: weighted, seed: 1)
        }
        return CollaborationNetwork(
            id: id, title: network?.name ?? "Alle samenwerkingen", network: network,
            nodeIDs: nodeIDs, names: nodeIDs.map { register.name(of: $0) }, nodeKinds: kinds,
            edges: edges, graph: graph, analysis: analysis, communities: communities, cacheKey: key)
    }

    /// One edge per pair of participants: its topics joined, derived only when every record is.
    private static func edges(_ collaborations: [SocialMap.Collaboration]) -> [Edge] {
        var byPair: [String: (a: String, b: String, topics: [String], isDerived: Bool)] = [:]
        for collaboration in collaborations {
            let pair = collaboration.a + "\u{1F}" + collaboration.b
            var edge = byPair[pair] ?? (collaboration.a, collaboration.b, [], true)
            if !edge.topics.contains(collaboration.topic) { edge.topics.append(collaboration.topic) }
            edge.isDerived = edge.isDerived && collaboration.isDerived
            byPair[pair] = edge
        }
        return byPair.keys.sorted().compactMap { pair in
            byPair[pair].map {
                Edge(a: $0.a, b: $0.b, topic: $0.topics.joined(separator: " · "), isDerived: $0.isDerived)
            }
        }
    }

    /// Largest network analysed (betweenness is O(n·m)); a larger one is refused with a 422.
    public static let maxAnalysisNodes = 3000
    /// Largest network drawn (the force layout is O(iterations · n²)); a larger one is listed only.
    public static let maxLayoutNodes = 400
    /// Analyses and drawn charts by network content, so repeated anonymous views cost nothing.
    static let analysisCache = ResultCache<NetworkAnalysis>(capacity: 64)
    static let communityCache = ResultCache<NetworkCommunities>(capacity: 64)
    public static let chartCache = ResultCache<String>(capacity: 64)

    /// Nodes and edges of this graph as text: the cache key of everything computed from them.
    public let cacheKey: String

    /// Nodes drawn as central: the three with the highest betweenness, when above zero.
    public var centralNodes: [Int] { analysis.mostCentral(count: 3).filter { analysis.betweenness[$0] > 0 } }

    /// Dutch sentences on who is central and where the network is vulnerable.
    public var explanations: [String] {
        if nodeIDs.isEmpty { return ["Van dit netwerk zijn geen deelnemers vastgelegd; er valt niets te berekenen."] }
        var sentences: [String] = []
        let central = centralNodes
        if central.isEmpty {
            sentences.append(
                edges.isEmpty
                    ? "Er zijn geen samenwerkingen tussen de deelnemers vastgelegd."
                    : "Niemand staat centraal: alle deelnemers zijn rechtstreeks met elkaar verbonden.")
        } else {
            sentences.append(
                "Centraal staan \(NetworkAnalysis.dutchList(central.map { names[$0] })): via hen lopen de "
                    + "meeste kortste verbindingen tussen anderen.")
        }
        if analysis.removalImpact.isEmpty {
            if !edges.isEmpty {
                sentences.append(
                    "Het netwerk heeft geen kwetsbaar punt: als één deelnemer wegvalt, blijven alle "
                        + "anderen met elkaar verbonden.")
            }
        } else {
            sentences += analysis.removalImpact.map { analysis.explanation(of: $0, names: names) }
        }
        if analysis.components.count > 1 {
            sentences.append(
                "Het netwerk bestaat uit \(analysis.components.count) losse delen zonder onderlinge "
                    + "samenwerking.")
        }
        if let summary = communitySummary { sentences.append(summary) }
        return sentences
    }

    /// The groups with more than one member, largest first, as names.
    public var communityGroups: [[String]] {
        communities.communities.filter { $0.count > 1 }.map { $0.map { names[$0] }.sorted() }
    }

    /// "Er zijn 4 groepen die vooral onderling samenwerken …", or nil when there is only one group.
    var communitySummary: String? {
        let groups = communityGroups
        guard groups.count > 1 else { return nil }
        return "Er zijn \(groups.count) groepen die vooral onderling samenwerken (hoe vaker twee partijen samen "
            + "in een netwerk zitten, hoe sterker hun band telt). De grootste: "
            + NetworkAnalysis.dutchList(
                Array(groups[0].prefix(3)) + (groups[0].count > 3 ? ["\(groups[0].count - 3) andere"] : []))
            + "."
    }
}
