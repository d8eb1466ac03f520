import Foundation

/// A network of people, initiatives and organisations, laid out by the caller (x, y in 0…1).
/// Central players are large with a dark ring, vulnerable players (articulation points) are
/// orange diamonds, isolated ones dashed outlines; bridges (edges whose loss splits the network)
/// are thick dashed orange lines. A legend explains all of it in words.
public struct NetworkGraphChart: Sendable {
    public enum NodeKind: String, Sendable, Hashable, Codable, CaseIterable {
        case normal, central, vulnerable, isolated
    }

    public struct Node: Sendable, Hashable {
        public var id: String
        public var label: String
        /// Position in 0…1 (x to the right, y downwards).
        public var x: Double
        public var y: Double
        /// Relative size (e.g. degree); the largest node gets the largest circle.
        public var size: Double
        public var kind: NodeKind
        public var link: String?
        public init(
            id: String, label: String, x: Double, y: Double, size: Double = 1, kind: NodeKind = .normal,
            link: String? = nil
        ) {
            self.id = id
            self.label = label
            self.x = x
            self.y = y
            self.size = size
            self.kind = kind
            self.link = link
        }
    }

    public struct Edge: Sendable, Hashable {
        public var from: String
        public var to: String
        /// Drawn as a bridge.
        public var highlighted: Bool
        /// Shown as tooltip, e.g. the topic of the cooperation.
        public var label: String?
        public init(from: String, to: String, highlighted: Bool = false, label: String? = nil) {
            self.from = from
            self.to = to
            self.highlighted = highlighted
            self.label = label
        }
    }

    public var text: ChartText
    public var nodes: [Node]
    public var edges: [Edge]
    /// At most this many labels are written (central and vulnerable first, then by size);
    /// every node keeps its tooltip.
    public var maxLabels: Int
    public var width: Double
    public var height: Double

    public init(
        text: ChartText, nodes: [Node], edges: [Edge], maxLabels: Int = 40, width: Double = 640, height: Double = 420
    ) {
        self.text = text
        self.nodes = nodes
        self.edges = edges
        self.maxLabels = maxLabels
        self.width = width
        self.height = height
    }

    static let kindNames: [NodeKind: String] = [
        .central: "centrale speler", .vulnerable: "kwetsbaar punt", .isolated: "geïsoleerd", .normal: "speler"
    ]

    var autoDescription: String {
        let counts = NodeKind.allCases.compactMap { kind -> String? in
            let n = nodes.filter { $0.kind == kind }.count
            return n == 0 || kind == .normal ? nil : "\(n) \(Self.kindNames[kind]!)"
        }
        var parts = ["Netwerk met \(nodes.count) spelers en \(edges.count) verbindingen."]
        if !counts.isEmpty { parts.append("Daarvan: \(counts.joined(separator: ", ")).") }
        for kind in [NodeKind.central, .vulnerable] {
            let names = nodes.filter { $0.kind == kind }.map(\.label)
            if !names.isEmpty {
                parts.append("\(kind == .central ? "Centraal" : "Kwetsbaar"): \(names.joined(separator: ", ")).")
            }
        }
        let bridges = edges.filter(\.highlighted).count
        if bridges > 0 { parts.append("\(bridges) brug(gen): verbindingen waarzonder het netwerk uiteenvalt.") }
        return parts.joined(separator: " ")
    }

    func style(_ kind: NodeKind) -> (
        shape: MarkerShape, fill: String, stroke: String, strokeWidth: Double, dash: String?
    ) {
        switch kind {
        case .normal: return (.circle, "#56B4E9", "#ffffff", 1, nil)
        case .central: return (.circle, Palette.highlight, Palette.ink, 2.5, nil)
        case .vulnerable: return (.diamond, Palette.accent, Palette.ink, 1.5, nil)
        case .isolated: return (.circle, "#ffffff", Palette.muted, 1.5, "3 2")
        }
    }

    var legendItems: [LegendItem] {
        var items: [LegendItem] = []
        let present = Set(nodes.map(\.kind))
        let texts: [(NodeKind, String)] = [
            (.central, "Centrale speler (veel verbindingen)"),
            (.vulnerable, "Kwetsbaar punt: zonder deze speler valt het netwerk uiteen"),
            (.isolated, "Geïsoleerd: geen verbindingen"),
            (.normal, "Overige speler")
        ]
        for (kind, label) in texts where present.contains(kind) {
            let s = style(kind)
            items.append(
                LegendItem(
                    label: label,
                    swatch: .marker(s.shape, fill: s.fill, stroke: s.stroke == "#ffffff" ? nil : s.stroke, dash: s.dash)
                ))
        }
        if !edges.isEmpty {
            items.append(
                LegendItem(label: "Verbinding", swatch: .line(color: "#aaaaaa", width: 1.5, dash: nil, marker: nil)))
        }
        if edges.contains(where: \.highlighted) {
            items.append(
                LegendItem(
                    label: "Brug: zonder deze verbinding valt het netwerk uiteen",
                    swatch: .line(color: Palette.accent, width: 3, dash: "6 3", marker: nil)))
        }
        return items
    }

    public func svg() -> String {
        var w = text.writer(kind: "net", autoDescription: autoDescription)
        let legendHeight = Legend.draw(legendItems, into: &w, x: 8, y: 4, width: width - 16)
        let top = legendHeight + 16
        let maxSize = max(nodes.map(\.size).max() ?? 1, 1e-9)
        let radius = { (n: Node) in 4 + 9 * sqrt(max(0, n.size) / maxSize) }
        let marginX = 24.0
        let marginY = 18.0
        let px = { (n: Node) in marginX + min(max(n.x, 0), 1) * (self.width - 2 * marginX) }
        let py = { (n: Node) in top + marginY + min(max(n.y, 0), 1) * (self.height - 2 * marginY) }
        let byID = Dictionary(nodes.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })

        // Edges under nodes; bridges on top of other edges.
        w.open("g", [("stroke", "#aaaaaa"), ("stroke-width", "1.5")])
        for edge in edges.sorted(by: { !$0.highlighted && $1.highlighted }) {
            guard let a = byID[edge.from], let b = byID[edge.to] else { continue }
            let attrs: [(String, String?)] = [
                ("x1", SVG.num(px(a))), ("y1", SVG.num(py(a))), ("x2", SVG.num(px(b))), ("y2", SVG.num(py(b)))
            ]
            let title =
                "\(a.label) – \(b.label)\(edge.label.map { ": \($0)" } ?? "")\(edge.highlighted ? " (brug)" : "")"
            if edge.highlighted {
                w.raw(
                    "<line\(SVGWriter.attributes(attrs + [("stroke", Palette.accent), ("stroke-width", "3"), ("stroke-dasharray", "6 3")]))><title>\(SVG.escape(title))</title></line>"
                )
            } else {
                w.raw("<line\(SVGWriter.attributes(attrs))><title>\(SVG.escape(title))</title></line>")
            }
        }
        w.close("g")

        // Nodes.
        var degree: [String: Int] = [:]
        for e in edges {
            degree[e.from, default: 0] += 1
            degree[e.to, default: 0] += 1
        }
        var placer = LabelPlacer(width: width, height: top + height + 4)
        for node in nodes {
            let s = style(node.kind)
            let r = radius(node)
            placer.addObstacle(.init(x0: px(node) - r, y0: py(node) - r, x1: px(node) + r, y1: py(node) + r))
            if let link = node.link { w.open("a", [("href", link)]) }
            w.open("g")
            w.tooltip("\(node.label) (\(Self.kindNames[node.kind]!)), \(degree[node.id] ?? 0) verbinding(en)")
            var extra = " stroke=\"\(s.stroke)\" stroke-width=\"\(SVG.num(s.strokeWidth))\""
            if let dash = s.dash { extra += " stroke-dasharray=\"\(dash)\"" }
            w.raw(s.shape.element(x: px(node), y: py(node), r: r, fill: s.fill, extra: extra))
            w.close("g")
            if node.link != nil { w.close("a") }
        }

        // Labels: most important first, each where it collides with nothing already drawn.
        let priority: [NodeKind: Int] = [.central: 0, .vulnerable: 1, .normal: 2, .isolated: 3]
        let ordered = nodes.sorted {
            (priority[$0.kind]!, -$0.size, $0.label) < (priority[$1.kind]!, -$1.size, $1.label)
        }
        w.open("g", [("font-size", "11")])
        for node in ordered.prefix(maxLabels) where !node.label.isEmpty {
            let r = radius(node) + 3
            let (x, y) = (px(node), py(node))
            let bold = node.kind == .central || node.kind == .vulnerable
            let label = SVG.truncate(node.label, maxWidth: 150, fontSize: 11, bold: bold)
            if let spot = placer.place(
                label, size: 11, bold: bold,
                candidates: [
                    (x + r, y + 4, "start"), (x - r, y + 4, "end"), (x, y + r + 10, "middle"), (x, y - r - 3, "middle"),
                    (x + r * 0.8, y + r + 8, "start"), (x - r * 0.8, y + r + 8, "end"),
                    (x + r * 0.8, y - r - 1, "start"), (x - r * 0.8, y - r - 1, "end")
                ])
            {
                w.text(label, x: spot.x, y: spot.y, anchor: spot.anchor, bold: bold, halo: true)
            }
        }
        w.close("g")
        return w.finish(width: width, height: top + height, caption: text.caption)
    }
}
