import Foundation

/// The Positive Health spider web: six axes on a 0–10 scale, one or two profiles (e.g. "nu",
/// filled, and "gewenst", a dashed outline). Under each axis label the profiles' values are written out, so the
/// chart can be read without telling the colours apart.
public struct RadarChart: Sendable {
    /// The six dimensions of Positieve Gezondheid (Huber), clockwise from the top.
    public static let positiveHealthAxes = [
        "Lichaamsfuncties", "Mentaal welbevinden", "Zingeving",
        "Kwaliteit van leven", "Meedoen", "Dagelijks functioneren"
    ]

    public struct Profile: Sendable, Hashable {
        public var name: String
        /// One value per axis, 0…`maxValue`; nil means not answered (drawn at 0, hollow marker).
        public var values: [Double?]
        public var color: String?
        public init(name: String, values: [Double?], color: String? = nil) {
            self.name = name
            self.values = values
            self.color = color
        }
    }

    public var text: ChartText
    public var axes: [String]
    /// One or two profiles; the second is drawn dashed.
    public var profiles: [Profile]
    public var maxValue: Double
    public var width: Double

    public init(
        text: ChartText, axes: [String] = RadarChart.positiveHealthAxes, profiles: [Profile], maxValue: Double = 10,
        width: Double = 560
    ) {
        self.text = text
        self.axes = axes
        self.profiles = profiles
        self.maxValue = maxValue
        self.width = width
    }

    static let labelFont = 12.0
    /// Empty (no legend) for a single unnamed profile.
    var legendItems: [LegendItem] {
        guard profiles.count > 1 || profiles.contains(where: { !$0.name.isEmpty }) else { return [] }
        return profiles.enumerated().map { i, p in
            LegendItem(
                label: p.name,
                swatch: .line(
                    color: color(of: i), width: 2.5, dash: i == 1 ? "6 3" : nil, marker: i == 1 ? .square : .circle))
        }
    }
    var legendHeight: Double { Legend.height(legendItems, width: width - 16) }

    /// Centre and radius of the web inside the SVG.
    public var geometry: (cx: Double, cy: Double, radius: Double) {
        let radius = min(150, (width - 2 * 118) / 2)
        return (width / 2, legendHeight + 14 + 46 + radius, radius)
    }

    /// SVG position of `value` on axis `axis` (axis 0 points straight up, then clockwise).
    public func vertex(axis: Int, value: Double) -> (x: Double, y: Double) {
        let (cx, cy, r) = geometry
        let angle = -Double.pi / 2 + 2 * Double.pi * Double(axis) / Double(max(1, axes.count))
        let f = min(max(value / maxValue, 0), 1)
        return (cx + r * f * cos(angle), cy + r * f * sin(angle))
    }

    func color(of i: Int) -> String { profiles[i].color ?? Palette.color(i) }
    func format(_ v: Double?) -> String {
        guard let v else { return "–" }
        return DutchNumberFormat.format(v, decimals: v == v.rounded() ? 0 : 1)
    }

    var autoDescription: String {
        var parts = ["Spinnenweb Positieve Gezondheid, schaal 0 tot \(format(maxValue))."]
        for p in profiles {
            let pieces = axes.indices.map { "\(axes[$0]) \(format(chartValue(p.values, $0)))" }
            parts.append("\(p.name): \(pieces.joined(separator: ", ")).")
        }
        return parts.joined(separator: " ")
    }

    public func svg() -> String {
        var w = text.writer(kind: "radar", autoDescription: autoDescription)
        Legend.draw(legendItems, into: &w, x: 8, y: 4, width: width - 16)
        let (cx, cy, r) = geometry
        let n = axes.count

        // Web: rings every 2 (or every fifth of the scale) and spokes.
        let step = maxValue == 10 ? 2.0 : maxValue / 5
        w.open("g", [("fill", "none"), ("stroke", Palette.grid)])
        for ring in stride(from: step, through: maxValue + 1e-9, by: step) {
            w.element("polygon", [("points", SVG.points((0..<n).map { vertex(axis: $0, value: ring) }))])
        }
        for a in 0..<n {
            let end = vertex(axis: a, value: maxValue)
            w.line(cx, cy, end.x, end.y, stroke: Palette.axis)
        }
        w.close("g")
        w.open("g", [("font-size", "10"), ("fill", Palette.muted)])
        // Scale numbers just left of the top spoke, where markers sit on the spoke itself.
        for ring in stride(from: step, through: maxValue + 1e-9, by: step) {
            let p = vertex(axis: 0, value: ring)
            w.text(format(ring), x: p.x - 7, y: p.y + 3.5, anchor: "end", halo: true)
        }
        w.close("g")

        // Profiles: the first filled more strongly, the second dashed on top.
        for (i, profile) in profiles.enumerated() {
            let c = color(of: i)
            let pts = (0..<n).map { vertex(axis: $0, value: chartValue(profile.values, $0) ?? 0) }
            w.open("g")
            w.tooltip(profile.name)
            w.element(
                "polygon",
                [
                    ("points", SVG.points(pts)), ("fill", i == 0 ? c : "none"), ("fill-opacity", i == 0 ? "0.25" : nil),
                    ("stroke", c), ("stroke-width", "2.5"), ("stroke-dasharray", i == 1 ? "6 3" : nil),
                    ("stroke-linejoin", "round")
                ])
            for (a, p) in pts.enumerated() {
                let v = chartValue(profile.values, a)
                w.raw("<g>")
                w.tooltip("\(profile.name), \(axes[a]): \(v == nil ? "niet ingevuld" : format(v))")
                let extra = v == nil ? " stroke=\"\(c)\" stroke-width=\"1.5\"" : " stroke=\"#fff\""
                w.raw(
                    (i == 1 ? MarkerShape.square : .circle).element(
                        x: p.x, y: p.y, r: 4, fill: v == nil ? "#fff" : c, extra: extra))
                w.raw("</g>")
            }
            w.close("g")
        }

        // Axis labels (wrapped onto two lines when long) with the values written under them.
        for a in 0..<n {
            let angle = -Double.pi / 2 + 2 * Double.pi * Double(a) / Double(n)
            let (dx, dy) = (cos(angle), sin(angle))
            let anchor = abs(dx) < 0.2 ? "middle" : (dx > 0 ? "start" : "end")
            // Side labels share the width with the web; top and bottom ones have room to spread.
            var lines = SVG.wrap(axes[a], maxWidth: anchor == "middle" ? 220 : 104, fontSize: Self.labelFont)
            let values = profiles.map { "\($0.name.isEmpty ? "" : $0.name + " ")\(format(chartValue($0.values, a)))" }
                .joined(separator: " · ")
            let valueLine = lines.count
            if !profiles.isEmpty { lines.append(values) }
            let lineHeight = 14.0
            let blockHeight = Double(lines.count) * lineHeight
            let px = cx + (r + 10) * dx
            let py = cy + (r + 10) * dy
            // Above the web the block grows upwards, below it downwards, at the sides it is centred.
            let firstBaseline = dy < -0.5 ? py - blockHeight + 11 : dy > 0.5 ? py + 11 : py - blockHeight / 2 + 11
            for (k, line) in lines.enumerated() {
                if k == valueLine {
                    w.text(
                        line, x: px, y: firstBaseline + Double(k) * lineHeight, anchor: anchor, size: 11,
                        fill: Palette.muted)
                } else {
                    w.text(
                        line, x: px, y: firstBaseline + Double(k) * lineHeight, anchor: anchor, size: Self.labelFont,
                        bold: true)
                }
            }
        }
        return w.finish(width: width, height: cy + r + 58, caption: text.caption)
    }
}
