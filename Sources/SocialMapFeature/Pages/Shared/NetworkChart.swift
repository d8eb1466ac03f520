import VitaalDomain

/// The drawing of a collaboration network, cached by everything it shows.
enum NetworkChart {
    /// The SVG, or nil for a network over `CollaborationNetwork.maxLayoutNodes` (not drawn).
    static func svg(
        _ network: CollaborationNetwork, register: SocialMap.Register, width: Double,
        height: Double
    ) -> String? {
        guard network.nodeIDs.count <= CollaborationNetwork.maxLayoutNodes else { return nil }
        let separator = "\u{1F}"
        let key = [
            network.cacheKey, network.names.joined(separator: separator),
            network.nodeIDs.map { link(for: $0, in: register) }.joined(separator: separator),
            network.edges.map(\.topic).joined(separator: separator), network.title,
            "\(width)x\(height)"
        ].joined(separator: "\u{1E}")
        return CollaborationNetwork.chartCache.value(for: key) {
            draw(network, register: register, width: width, height: height)
        }
    }

    /// The page of a node: an offer's or an organisation's.
    static func link(for id: String, in register: SocialMap.Register) -> String {
        SocialMapURL.entry(id, isOffer: register.service(id) != nil).path
    }

    private static func draw(
        _ network: CollaborationNetwork, register: SocialMap.Register, width: Double,
        height: Double
    ) -> String {
        let positions = stretchedLayout(network.graph)
        let central = Set(network.centralNodes)
        let vulnerable = Set(network.analysis.articulationPoints)
        let bridges = Set(network.analysis.bridges.map { network.nodeIDs[$0.0] + "\u{1F}" + network.nodeIDs[$0.1] })
        let nodes = network.nodeIDs.indices.map { index -> NetworkGraphChart.Node in
            let degree = network.graph.degree(of: index)
            let kind: NetworkGraphChart.NodeKind =
                vulnerable.contains(index)
                ? .vulnerable
                : central.contains(index) ? .central : degree == 0 ? .isolated : .normal
            return NetworkGraphChart.Node(
                id: network.nodeIDs[index], label: network.names[index],
                x: positions[index].x, y: positions[index].y, size: Double(degree + 1),
                kind: kind, link: link(for: network.nodeIDs[index], in: register))
        }
        let edges = network.edges.map {
            NetworkGraphChart.Edge(
                from: $0.a, to: $0.b, highlighted: bridges.contains($0.a + "\u{1F}" + $0.b),
                label: $0.topic)
        }
        let text = ChartText(
            title: "Samenwerkingsnetwerk: \(network.title)",
            caption: "Verbindingen zijn afgeleid uit gezamenlijk lidmaatschap van netwerken "
                + "(Flever jaarplan 2025, Bijlage 1), tenzij anders vastgelegd.")
        return NetworkGraphChart(
            text: text, nodes: nodes, edges: edges, maxLabels: network.nodeIDs.count,
            width: width, height: height
        ).svg()
    }

    /// The force layout stretched to the full frame (it may use only part of the unit square).
    private static func stretchedLayout(_ graph: NetworkGraph) -> [(x: Double, y: Double)] {
        let raw = NetworkLayout.positions(for: graph, seed: 20_250_101, iterations: 300)
        let xs = raw.map(\.x)
        let ys = raw.map(\.y)
        let (minX, maxX, minY, maxY) = (xs.min() ?? 0, xs.max() ?? 1, ys.min() ?? 0, ys.max() ?? 1)
        return raw.map { point in
            (
                x: maxX > minX ? (point.x - minX) / (maxX - minX) : 0.5,
                y: maxY > minY ? (point.y - minY) / (maxY - minY) : 0.5
            )
        }
    }
}
