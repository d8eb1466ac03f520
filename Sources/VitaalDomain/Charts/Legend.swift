import Foundation

/// One legend entry: a small sample and its text.
struct LegendItem {
    enum Swatch {
        /// A line sample, optionally dashed and with a marker in the middle.
        case line(color: String, width: Double, dash: String?, marker: MarkerShape?)
        /// A filled box (bars, map classes, bands); `fill` may be a pattern url.
        case box(fill: String, stroke: String?, opacity: Double?)
        /// A marker alone (map points, network nodes).
        case marker(MarkerShape, fill: String, stroke: String?, dash: String?)
        /// A lightly filled circle (coverage circles).
        case ring(color: String)
    }
    var label: String
    var swatch: Swatch
    /// A class on the sample, so a page's CSS can colour it like the marks it stands for.
    var cssClass: String? = nil
}

/// Horizontal legend that wraps onto more rows when it does not fit the width.
enum Legend {
    static let fontSize = 12.0
    static let rowHeight = 20.0
    static let swatchWidth = 22.0

    /// x offset (relative to the legend's left edge) and row of every item.
    static func layout(_ items: [LegendItem], width: Double) -> (positions: [(x: Double, row: Int)], rows: Int) {
        var positions: [(x: Double, row: Int)] = []
        var x = 0.0
        var row = 0
        for item in items {
            let w = swatchWidth + 6 + SVG.textWidth(item.label, fontSize: fontSize)
            if x > 0 && x + w > width {
                x = 0
                row += 1
            }
            positions.append((x, row))
            x += w + 18
        }
        return (positions, items.isEmpty ? 0 : row + 1)
    }

    static func height(_ items: [LegendItem], width: Double) -> Double {
        Double(layout(items, width: width).rows) * rowHeight
    }

    /// Draws the legend with its top-left corner at (x, y); returns its height.
    @discardableResult
    static func draw(_ items: [LegendItem], into w: inout SVGWriter, x: Double, y: Double, width: Double) -> Double {
        guard !items.isEmpty else { return 0 }
        let (positions, rows) = layout(items, width: width)
        w.open("g", [("font-size", SVG.num(fontSize))])
        for (item, pos) in zip(items, positions) {
            let left = x + pos.x
            let mid = y + Double(pos.row) * rowHeight + rowHeight / 2
            if let cssClass = item.cssClass { w.open("g", [("class", cssClass)]) }
            switch item.swatch {
            case .line(let color, let width, let dash, let marker):
                w.line(left, mid, left + swatchWidth, mid, stroke: color, width: width, dash: dash)
                if let marker { w.raw(marker.element(x: left + swatchWidth / 2, y: mid, r: 3.5, fill: color)) }
            case .box(let fill, let stroke, let opacity):
                w.rect(
                    left + 3, mid - 7, swatchWidth - 6, 14, fill: fill,
                    extra: [("stroke", stroke), ("fill-opacity", opacity.map(SVG.fraction))])
            case .marker(let shape, let fill, let stroke, let dash):
                var extra = ""
                if let stroke { extra += " stroke=\"\(stroke)\" stroke-width=\"1.5\"" }
                if let dash { extra += " stroke-dasharray=\"\(dash)\"" }
                w.raw(shape.element(x: left + swatchWidth / 2, y: mid, r: 6, fill: fill, extra: extra))
            case .ring(let color):
                w.element(
                    "circle",
                    [
                        ("cx", SVG.num(left + swatchWidth / 2)), ("cy", SVG.num(mid)), ("r", "8"),
                        ("fill", color), ("fill-opacity", "0.2"), ("stroke", color), ("stroke-width", "2")
                    ])
            }
            if item.cssClass != nil { w.close("g") }
            w.text(item.label, x: left + swatchWidth + 6, y: mid + 4)
        }
        w.close("g")
        return Double(rows) * rowHeight
    }
}

/// Places text labels where they do not overlap each other or given obstacles.
struct LabelPlacer {
    struct Box {
        var x0, y0, x1, y1: Double
        func overlaps(_ o: Box) -> Bool { x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1 }
    }
    var placed: [Box] = []
    var bounds: Box

    init(width: Double, height: Double) { bounds = Box(x0: 0, y0: 0, x1: width, y1: height) }

    static func box(_ text: String, x: Double, y: Double, anchor: String, size: Double, bold: Bool = false) -> Box {
        let w = SVG.textWidth(text, fontSize: size, bold: bold)
        let x0 = anchor == "middle" ? x - w / 2 : anchor == "end" ? x - w : x
        return Box(x0: x0 - 1, y0: y - size * 0.85, x1: x0 + w + 1, y1: y + size * 0.25)
    }

    mutating func addObstacle(_ b: Box) { placed.append(b) }

    /// The first candidate (x, baseline y, anchor) where the label fits; nil when none does.
    mutating func place(
        _ text: String, size: Double, bold: Bool = false,
        candidates: [(x: Double, y: Double, anchor: String)]
    ) -> (x: Double, y: Double, anchor: String)? {
        for c in candidates {
            let b = Self.box(text, x: c.x, y: c.y, anchor: c.anchor, size: size, bold: bold)
            guard b.x0 >= bounds.x0, b.x1 <= bounds.x1, b.y0 >= bounds.y0, b.y1 <= bounds.y1 else { continue }
            if !placed.contains(where: { $0.overlaps(b) }) {
                placed.append(b)
                return c
            }
        }
        return nil
    }
}
