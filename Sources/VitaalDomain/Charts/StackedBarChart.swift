import Foundation

/// Vertical stacked bars: categories (e.g. years or sectors) × named segments, with a legend and
/// totals. Positive parts stack up from zero, negative parts down. Segments tall enough carry
/// their value as text.
public struct StackedBarChart: Sendable {
    public struct Segment: Sendable, Hashable {
        public var name: String
        /// One value per category; nil counts as 0 and is left out.
        public var values: [Double?]
        public var color: String?
        public init(name: String, values: [Double?], color: String? = nil) {
            self.name = name
            self.values = values
            self.color = color
        }
    }

    public var text: ChartText
    public var categories: [String]
    /// Bottom segment first.
    public var segments: [Segment]
    public var valueSuffix: String
    public var decimals: Int?
    public var showTotals: Bool
    public var yAxisLabel: String?
    public var width: Double
    public var plotHeight: Double

    public init(
        text: ChartText, categories: [String], segments: [Segment], valueSuffix: String = "", decimals: Int? = nil,
        showTotals: Bool = true, yAxisLabel: String? = nil, width: Double = 640, plotHeight: Double = 280
    ) {
        self.text = text
        self.categories = categories
        self.segments = segments
        self.valueSuffix = valueSuffix
        self.decimals = decimals
        self.showTotals = showTotals
        self.yAxisLabel = yAxisLabel
        self.width = width
        self.plotHeight = plotHeight
    }

    var valueDecimals: Int {
        decimals ?? (segments.allSatisfy { $0.values.allSatisfy { v in v.map { $0 == $0.rounded() } ?? true } } ? 0 : 1)
    }
    func format(_ v: Double) -> String { DutchNumberFormat.format(v, decimals: valueDecimals) + valueSuffix }
    func color(of i: Int) -> String { segments[i].color ?? Palette.color(i) }
    func value(_ segment: Int, _ category: Int) -> Double? {
        chartValue(segments[segment].values, category).flatMap { $0.isFinite ? $0 : nil }
    }

    /// Sum of the positive and of the negative parts of each category.
    var stacks: [(positive: Double, negative: Double)] {
        categories.indices.map { c in
            segments.indices.reduce((0.0, 0.0)) { acc, s in
                guard let v = value(s, c) else { return acc }
                return v >= 0 ? (acc.0 + v, acc.1) : (acc.0, acc.1 + v)
            }
        }
    }

    var autoDescription: String {
        var parts = [
            "Gestapeld staafdiagram, \(categories.count) categorieën, onderdelen: \(segments.map(\.name).joined(separator: ", "))."
        ]
        for (c, category) in categories.enumerated() {
            let pieces = segments.indices.compactMap { s in value(s, c).map { "\(segments[s].name) \(format($0))" } }
            let total = stacks[c].positive + stacks[c].negative
            parts.append("\(category): \(pieces.joined(separator: ", ")); totaal \(format(total)).")
        }
        return parts.joined(separator: " ")
    }

    public func svg() -> String {
        var w = text.writer(kind: "stack", autoDescription: autoDescription)
        let stacks = self.stacks
        let scale = NiceScale(
            lower: stacks.map(\.negative).min() ?? 0, upper: max(stacks.map(\.positive).max() ?? 1, 0), maxTicks: 6)
        let tickText = { (v: Double) in
            DutchNumberFormat.format(v, decimals: scale.decimals) + (valueSuffix == "%" ? "%" : "")
        }

        let items = segments.indices.map {
            LegendItem(label: segments[$0].name, swatch: .box(fill: color(of: $0), stroke: nil, opacity: nil))
        }
        let legendHeight = Legend.draw(items, into: &w, x: 8, y: 4, width: width - 16)
        let top = legendHeight + 14 + (yAxisLabel == nil ? 0 : 16) + (showTotals ? 14 : 0)
        if let yAxisLabel {
            w.text(yAxisLabel, x: 8, y: top - 12 - (showTotals ? 14 : 0), size: 11, fill: Palette.muted)
        }

        let left = max(36, (scale.ticks.map { SVG.textWidth(tickText($0), fontSize: 11) }.max() ?? 20) + 14)
        let right = width - 8
        let slot = (right - left) / Double(max(1, categories.count))
        let barWidth = min(64, slot * 0.62)
        // Category labels wrap onto at most two lines.
        let labelLines: [[String]] = categories.map {
            let lines = SVG.wrap($0, maxWidth: slot - 4, fontSize: 11)
            guard lines.count > 2 else { return lines }
            return [lines[0], SVG.truncate(lines[1...].joined(separator: " "), maxWidth: slot - 4, fontSize: 11)]
        }
        let labelHeight = Double(labelLines.map(\.count).max() ?? 1) * 13 + 6
        let bottom = top + plotHeight - labelHeight
        let y = { (v: Double) in bottom - scale.fraction(v) * (bottom - top) }

        w.open("g", [("font-size", "11"), ("fill", Palette.muted)])
        for t in scale.ticks {
            w.line(left, y(t), right, y(t), stroke: Palette.grid)
            w.text(tickText(t), x: left - 6, y: y(t) + 4, anchor: "end")
        }
        for (c, lines) in labelLines.enumerated() {
            let cx = left + (Double(c) + 0.5) * slot
            for (n, line) in lines.enumerated() {
                w.text(line, x: cx, y: bottom + 16 + Double(n) * 13, anchor: "middle", fill: Palette.ink)
            }
        }
        w.close("g")

        for c in categories.indices {
            let x0 = left + (Double(c) + 0.5) * slot - barWidth / 2
            var up = 0.0
            var down = 0.0
            for s in segments.indices {
                guard let v = value(s, c), v != 0 else { continue }
                let from = v >= 0 ? up : down
                let to = from + v
                if v >= 0 { up = to } else { down = to }
                let y0 = y(max(from, to))
                let y1 = y(min(from, to))
                let fill = color(of: s)
                w.open("g")
                w.tooltip("\(categories[c]), \(segments[s].name): \(format(v))")
                w.rect(x0, y0, barWidth, y1 - y0, fill: fill, extra: [("stroke", "#fff"), ("stroke-width", "0.5")])
                let label = format(v)
                if y1 - y0 >= 15 && SVG.textWidth(label, fontSize: 10) <= barWidth - 4 {
                    w.text(
                        label, x: x0 + barWidth / 2, y: (y0 + y1) / 2 + 3.5, anchor: "middle", size: 10,
                        fill: Palette.textColor(on: fill))
                }
                w.close("g")
            }
            if showTotals {
                let total = stacks[c].positive + stacks[c].negative
                w.text(
                    format(total), x: x0 + barWidth / 2, y: y(stacks[c].positive) - 5, anchor: "middle", size: 11,
                    bold: true)
            }
        }
        w.line(left, y(0), right, y(0), stroke: Palette.axis)
        return w.finish(width: width, height: top + plotHeight, caption: text.caption)
    }
}
