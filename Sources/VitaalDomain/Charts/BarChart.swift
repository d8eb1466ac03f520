import Foundation

/// Horizontal bars with their value written beside them; one bar can be highlighted (e.g. the
/// municipality the page is about) and a reference line drawn (e.g. the Flevoland value).
/// Negative values extend to the left of zero; a missing value says "geen gegevens".
public struct BarChart: Sendable {
    public struct Bar: Sendable, Hashable {
        public var label: String
        public var value: Double?
        /// Optional link for the bar (e.g. the region's own page).
        public var link: String?
        public init(label: String, value: Double?, link: String? = nil) {
            self.label = label
            self.value = value
            self.link = link
        }
    }

    public var text: ChartText
    /// In display order (sort before passing when a ranking is wanted).
    public var bars: [Bar]
    /// Label of the bar to emphasise.
    public var highlighted: String?
    public var reference: LineChart.ReferenceLine?
    public var valueSuffix: String
    public var decimals: Int?
    public var width: Double
    public var barHeight: Double

    public init(
        text: ChartText, bars: [Bar], highlighted: String? = nil, reference: LineChart.ReferenceLine? = nil,
        valueSuffix: String = "", decimals: Int? = nil, width: Double = 640, barHeight: Double = 22
    ) {
        self.text = text
        self.bars = bars
        self.highlighted = highlighted
        self.reference = reference
        self.valueSuffix = valueSuffix
        self.decimals = decimals
        self.width = width
        self.barHeight = barHeight
    }

    var valueDecimals: Int { decimals ?? (bars.allSatisfy { $0.value.map { $0 == $0.rounded() } ?? true } ? 0 : 1) }
    func format(_ v: Double) -> String { DutchNumberFormat.format(v, decimals: valueDecimals) + valueSuffix }

    var autoDescription: String {
        var parts = ["Staafdiagram met \(bars.count) waarden."]
        parts += bars.map { "\($0.label): \($0.value.map(format) ?? "geen gegevens")." }
        if let reference { parts.append("Referentie \(reference.label): \(format(reference.value)).") }
        return parts.joined(separator: " ")
    }

    public func svg() -> String {
        var w = text.writer(kind: "bar", autoDescription: autoDescription)
        let values = bars.compactMap(\.value).filter(\.isFinite) + (reference.map { [$0.value] } ?? [])
        let scale = NiceScale(lower: min(0, values.min() ?? 0), upper: max(0, values.max() ?? 1), maxTicks: 6)
        let hasNegative = (values.min() ?? 0) < 0

        let labelWidth = min(
            width * 0.38,
            (bars.map { SVG.textWidth($0.label, fontSize: 12, bold: $0.label == highlighted) }.max() ?? 0) + 4)
        let valueWidth =
            max(
                SVG.textWidth("geen gegevens", fontSize: 11),
                (bars.compactMap { $0.value.map(format) }.map { SVG.textWidth($0, fontSize: 12, bold: true) }.max() ?? 0)
            ) + 8
        // Room for value labels beside the bars: on the right always, on the left only as far as a
        // negative bar's label would stick out past the plot's left edge.
        let right = width - 8 - valueWidth
        var left = 8 + labelWidth + 10
        if hasNegative {
            for _ in 0..<2 {
                let overshoot =
                    bars.compactMap { bar -> Double? in
                        guard let v = bar.value, v < 0 else { return nil }
                        let end = left + scale.fraction(v) * (right - left)
                        return SVG.textWidth(format(v), fontSize: 12, bold: bar.label == highlighted) + 6 - (end - left)
                    }.max() ?? 0
                if overshoot > 0 { left += overshoot }
            }
        }
        let top = reference == nil ? 8.0 : 26.0
        let rowHeight = barHeight + 8
        let plotBottom = top + Double(bars.count) * rowHeight
        let x = { (v: Double) in left + scale.fraction(v) * (right - left) }
        let zero = x(0)

        // Grid with tick labels under the bars.
        w.open("g", [("font-size", "11"), ("fill", Palette.muted)])
        for t in scale.ticks {
            w.line(x(t), top - 4, x(t), plotBottom, stroke: Palette.grid)
            w.text(DutchNumberFormat.format(t, decimals: scale.decimals), x: x(t), y: plotBottom + 14, anchor: "middle")
        }
        w.close("g")

        let rowTop = { (i: Int) in top + Double(i) * rowHeight + 4 }
        let baseline = { (i: Int) in rowTop(i) + barHeight / 2 + 4 }
        // Bars with their names (and links).
        for (i, bar) in bars.enumerated() {
            let isHighlighted = bar.label == highlighted
            if let link = bar.link { w.open("a", [("href", link)]) }
            w.open("g")
            w.tooltip("\(bar.label): \(bar.value.map(format) ?? "geen gegevens")")
            let shown = SVG.truncate(bar.label, maxWidth: labelWidth, fontSize: 12, bold: isHighlighted)
            w.text(shown, x: 8 + labelWidth, y: baseline(i), anchor: "end", bold: isHighlighted)
            if let v = bar.value, v.isFinite {
                let end = x(v)
                w.rect(
                    min(zero, end), rowTop(i), abs(end - zero), barHeight,
                    fill: isHighlighted ? Palette.highlight : Palette.neutral)
            }
            w.close("g")
            if bar.link != nil { w.close("a") }
        }
        w.line(zero, top - 4, zero, plotBottom, stroke: Palette.axis)

        // The reference line over the bars, under the value labels.
        if let reference {
            let rx = x(reference.value)
            w.line(rx, top - 6, rx, plotBottom, stroke: Palette.accent, width: 2, dash: "5 3")
            let label = "\(reference.label): \(format(reference.value))"
            let lw = SVG.textWidth(label, fontSize: 11)
            // Keep the label inside the chart: centred on the line, shifted where it would stick out.
            let lx = min(max(rx, lw / 2 + 4), width - lw / 2 - 4)
            w.text(label, x: lx, y: top - 10, anchor: "middle", size: 11, fill: Palette.accent, halo: true)
        }

        let referenceX = reference.map { x($0.value) }
        for (i, bar) in bars.enumerated() {
            let isHighlighted = bar.label == highlighted
            if let v = bar.value, v.isFinite {
                let end = x(v)
                // A label the reference line runs through gets a white backing so it stays legible.
                let valueWidth = SVG.textWidth(format(v), fontSize: 12, bold: isHighlighted)
                let valueStart = v >= 0 ? max(end, zero) + 4 : end - 4 - valueWidth
                if let rx = referenceX, rx > valueStart - 2, rx < valueStart + valueWidth + 2 {
                    w.rect(valueStart - 2, baseline(i) - 12, valueWidth + 4, 16, fill: "#fff")
                }
                if v >= 0 {
                    w.text(format(v), x: max(end, zero) + 4, y: baseline(i), bold: isHighlighted, halo: true)
                } else {
                    w.text(format(v), x: end - 4, y: baseline(i), anchor: "end", bold: isHighlighted, halo: true)
                }
            } else {
                w.text(
                    "geen gegevens", x: zero + 4, y: baseline(i), size: 11, fill: Palette.muted,
                    extra: [("font-style", "italic")])
            }
        }
        return w.finish(width: width, height: plotBottom + 22, caption: text.caption)
    }
}
