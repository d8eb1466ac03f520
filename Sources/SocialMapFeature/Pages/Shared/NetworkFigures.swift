import VitaalDomain

/// What the network pages show of a `CollaborationNetwork`: the drawn chart, the explanations and
/// the centrality table's rows.
struct NetworkFigures: Sendable {
    /// One participant in the centrality table.
    struct Row: Sendable, Equatable {
        var name: String
        var link: String
        var degree: Int
        var betweenness: Double
        var closeness: Double
        var isArticulationPoint: Bool
    }

    /// The chart's SVG, or nil when the network is too large to draw.
    var chart: String?
    var participantCount: Int
    var edgeCount: Int
    var explanations: [String]
    /// Most central first (betweenness, then degree).
    var rows: [Row]
    /// Groups that work together mostly among themselves (names, largest group first; only groups of 2+).
    var communities: [[String]]

    init(_ network: CollaborationNetwork, register: SocialMap.Register, width: Double = 720, height: Double = 520) {
        participantCount = network.nodeIDs.count
        edgeCount = network.edges.count
        explanations = network.explanations
        communities = network.communityGroups
        chart = NetworkChart.svg(network, register: register, width: width, height: height)
        let analysis = network.analysis
        let order = network.nodeIDs.indices.sorted {
            (analysis.betweenness[$0], analysis.degree[$0], $1) > (analysis.betweenness[$1], analysis.degree[$1], $0)
        }
        rows = order.map { index in
            Row(
                name: network.names[index], link: NetworkChart.link(for: network.nodeIDs[index], in: register),
                degree: network.graph.degree(of: index), betweenness: analysis.betweenness[index],
                closeness: analysis.closeness[index], isArticulationPoint: analysis.articulationPoints.contains(index))
        }
    }
}
