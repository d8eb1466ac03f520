import Foundation

/// Several named series over ordered labels (periods). A missing value (nil) leaves a gap; a
/// series can be highlighted; a horizontal norm line can be drawn; each series can carry one or
/// two nested uncertainty bands (e.g. p5–p95 and p25–p75) to make a fan chart.
public struct LineChart: Sendable {
    public struct Band: Sendable, Hashable {
        public var lower: [Double?]
        public var upper: [Double?]
        /// Legend text, e.g. "90% bandbreedte".
        public var label: String
        public init(lower: [Double?], upper: [Double?], label: String) {
            self.lower = lower
            self.upper = upper
            self.label = label
        }
    }

    public struct Series: Sendable, Hashable {
        public var name: String
        /// One value per label; nil is a gap.
        public var values: [Double?]
        /// Outer band first (drawn lightest), then the inner one.
        public var bands: [Band]
        /// A "#rrggbb" colour; default the next palette colour.
        public var color: String?
        /// Indices before which the line is not joined (a boundary change: the values on either side
        /// are of different areas).
        public var breaksBefore: Set<Int>
        public init(
            name: String, values: [Double?], bands: [Band] = [], color: String? = nil, breaksBefore: Set<Int> = []
        ) {
            self.name = name
            self.values = values
            self.bands = bands
            self.color = color
            self.breaksBefore = breaksBefore
        }
    }

    /// A vertical dashed line between period `index - 1` and `index` with a label, e.g.
    /// "grenswijziging 2025".
    public struct Marker: Sendable, Hashable {
        public var index: Int
        public var label: String
        public init(index: Int, label: String) {
            self.index = index
            self.label = label
        }
    }

    public struct ReferenceLine: Sendable, Hashable {
        public var value: Double
        /// Text shown at the line, e.g. "Norm 80%".
        public var label: String
        public init(value: Double, label: String) {
            self.value = value
            self.label = label
        }
    }

    public var text: ChartText
    public var labels: [String]
    public var series: [Series]
    /// Name of the series to draw on top, thicker.
    public var highlighted: String?
    public var reference: ReferenceLine?
    /// Markers between periods (set after init; none by default).
    public var markers: [Marker] = []
    /// Appended to values in tooltips and ticks, e.g. "%" or " fte".
    public var valueSuffix: String
    /// Decimals in tooltips and the description; default 0 for whole numbers, else 1.
    public var decimals: Int?
    /// Start the value axis at zero (honest for counts and percentages).
    public var includeZero: Bool
    /// Short text above the value axis, e.g. "aantal per 1.000 inwoners".
    public var yAxisLabel: String?
    public var width: Double
    /// Height of the plot with its axes (legend and caption come on top of this).
    public var plotHeight: Double

    public init(
        text: ChartText, labels: [String], series: [Series], highlighted: String? = nil,
        reference: ReferenceLine? = nil,
        valueSuffix: String = "", decimals: Int? = nil, includeZero: Bool = true, yAxisLabel: String? = nil,
        width: Double = 640, plotHeight: Double = 260
    ) {
        self.text = text
        self.labels = labels
        self.series = series
        self.highlighted = highlighted
        self.reference = reference
        self.valueSuffix = valueSuffix
        self.decimals = decimals
        self.includeZero = includeZero
        self.yAxisLabel = yAxisLabel
        self.width = width
        self.plotHeight = plotHeight
    }

    var allValues: [Double] {
        var v = series.flatMap { s in
            s.values.compactMap { $0 } + s.bands.flatMap { $0.lower.compactMap { $0 } + $0.upper.compactMap { $0 } }
        }
        if let reference { v.append(reference.value) }
        return v.filter(\.isFinite)
    }

    var valueDecimals: Int {
        decimals ?? (series.allSatisfy { $0.values.allSatisfy { v in v.map { $0 == $0.rounded() } ?? true } } ? 0 : 1)
    }

    func format(_ v: Double) -> String { DutchNumberFormat.format(v, decimals: valueDecimals) + valueSuffix }

    func color(of index: Int) -> String { series[index].color ?? Palette.color(index) }

    var autoDescription: String {
        var parts = ["Lijngrafiek" + (labels.isEmpty ? "." : " over \(labels.first!)–\(labels.last!).")]
        for s in series {
            let present = s.values.enumerated().compactMap { i, v in v.map { (i, $0) } }
            guard let first = present.first, let last = present.last else {
                parts.append("\(s.name): geen gegevens.")
                continue
            }
            let label = { (i: Int) in i < labels.count ? labels[i] : "\(i + 1)" }
            if first.0 == last.0 {
                parts.append("\(s.name): \(format(first.1)) in \(label(first.0)).")
            } else {
                parts.append(
                    "\(s.name): van \(format(first.1)) in \(label(first.0)) naar \(format(last.1)) in \(label(last.0))."
                )
            }
        }
        if let reference { parts.append("Referentielijn \(reference.label): \(format(reference.value)).") }
        for marker in markers where marker.index > 0 && marker.index < labels.count {
            parts.append(
                "Tussen \(labels[marker.index - 1]) en \(labels[marker.index]): \(marker.label), de lijn is daar "
                    + "onderbroken.")
        }
        return parts.joined(separator: " ")
    }

    /// The SVG text of the chart.
    public func svg() -> String {
        var w = text.writer(kind: "line", autoDescription: autoDescription)
        let values = allValues
        let lower = values.min() ?? 0
        let upper = values.max() ?? 1
        let scale = NiceScale(
            lower: includeZero ? min(0, lower) : lower, upper: includeZero ? max(0, upper) : upper, maxTicks: 6)
        let tickText = { (v: Double) in
            DutchNumberFormat.format(v, decimals: scale.decimals) + (valueSuffix == "%" ? "%" : "")
        }

        // Legend on top: series, then bands.
        var items: [LegendItem] = []
        for (i, s) in series.enumerated() {
            let isHighlighted = s.name == highlighted
            items.append(
                LegendItem(
                    label: s.name,
                    swatch: .line(
                        color: color(of: i), width: isHighlighted ? 3 : 2, dash: nil, marker: MarkerShape.shape(i))))
        }
        var seenBands = Set<String>()
        for (i, s) in series.enumerated() {
            for (b, band) in s.bands.enumerated() where seenBands.insert("\(i)|\(band.label)").inserted {
                let label = series.filter { !$0.bands.isEmpty }.count > 1 ? "\(s.name): \(band.label)" : band.label
                items.append(
                    LegendItem(
                        label: label,
                        swatch: .box(fill: color(of: i), stroke: nil, opacity: bandOpacity(b, of: s.bands.count))))
            }
        }
        let legendHeight = Legend.draw(items, into: &w, x: 8, y: 4, width: width - 16)

        let axisLabelHeight = yAxisLabel == nil ? 0.0 : 16.0
        let top = legendHeight + 14 + axisLabelHeight
        let tickWidth = scale.ticks.map { SVG.textWidth(tickText($0), fontSize: 11) }.max() ?? 20
        let left = max(36, tickWidth + 14)
        let right = width - 16
        let bottom = top + plotHeight - 24
        let y = { (v: Double) in bottom - scale.fraction(v) * (bottom - top) }
        let n = labels.count
        let pad = 12.0
        let x = { (i: Int) in
            n <= 1 ? (left + right) / 2 : left + pad + Double(i) * (right - left - 2 * pad) / Double(n - 1)
        }

        if let yAxisLabel { w.text(yAxisLabel, x: 8, y: top - 12, size: 11, fill: Palette.muted) }
        // Grid and value axis.
        w.open("g", [("font-size", "11"), ("fill", Palette.muted)])
        for t in scale.ticks {
            w.line(left, y(t), right, y(t), stroke: t == 0 && scale.min < 0 ? Palette.axis : Palette.grid)
            w.text(tickText(t), x: left - 6, y: y(t) + 4, anchor: "end")
        }
        // Period labels, thinned so they do not overlap.
        let spacing = n > 1 ? (right - left - 2 * pad) / Double(n - 1) : right - left
        let widest = labels.map { SVG.textWidth($0, fontSize: 11) }.max() ?? 0
        let every = max(1, Int(((widest + 8) / spacing).rounded(.up)))
        for i in Self.shownLabels(count: n, every: every) {
            w.text(labels[i], x: x(i), y: bottom + 16, anchor: "middle")
        }
        w.close("g")
        w.line(left, bottom, right, bottom, stroke: Palette.axis)

        // Bands under all lines.
        for (i, s) in series.enumerated() {
            for (b, band) in s.bands.enumerated() {
                for run in Self.runs(
                    count: n, present: { chartValue(band.lower, $0) != nil && chartValue(band.upper, $0) != nil })
                {
                    let upperPts = run.map { (x($0), y(band.upper[$0]!)) }
                    let lowerPts = run.reversed().map { (x($0), y(band.lower[$0]!)) }
                    w.element(
                        "polygon",
                        [
                            ("points", SVG.points(upperPts + lowerPts)), ("fill", color(of: i)),
                            ("fill-opacity", SVG.fraction(bandOpacity(b, of: s.bands.count)))
                        ])
                }
            }
        }

        // Reference line.
        if let reference {
            let ry = y(reference.value)
            w.line(left, ry, right, ry, stroke: Palette.accent, width: 1.5, dash: "6 4")
            w.text(
                "\(reference.label)", x: right - 2, y: ry - 5, anchor: "end", size: 11, fill: Palette.accent, halo: true
            )
        }

        // Markers between two periods: a dashed vertical line with its label at the top.
        for marker in markers where marker.index > 0 && marker.index < n {
            let mx = (x(marker.index - 1) + x(marker.index)) / 2
            w.line(mx, top, mx, bottom, stroke: Palette.muted, width: 1, dash: "3 3")
            w.text(marker.label, x: mx, y: top - 3, anchor: "middle", size: 11, fill: Palette.muted, halo: true)
        }

        // Lines: highlighted series last so it lies on top.
        let order = series.indices.sorted {
            (series[$0].name == highlighted ? 1 : 0) < (series[$1].name == highlighted ? 1 : 0)
        }
        let showMarkers = n <= 30
        for i in order {
            let s = series[i]
            let isHighlighted = s.name == highlighted
            let c = color(of: i)
            var d = ""
            for run in Self.runs(count: n, present: { chartValue(s.values, $0) != nil }, breaks: s.breaksBefore)
            where run.count > 1 {
                d += "M" + run.map { "\(SVG.num(x($0))) \(SVG.num(y(s.values[$0]!)))" }.joined(separator: "L")
            }
            w.open("g", [("fill", c)])
            w.tooltip(s.name)
            if !d.isEmpty {
                w.element(
                    "path",
                    [
                        ("d", d), ("fill", "none"), ("stroke", c), ("stroke-width", isHighlighted ? "3" : "2"),
                        ("stroke-linejoin", "round"), ("stroke-linecap", "round")
                    ])
            }
            for (j, v) in s.values.enumerated() where j < n {
                guard let v else { continue }
                let startsRun = j == 0 || s.values[j - 1] == nil || s.breaksBefore.contains(j)
                let endsRun = j + 1 >= n || chartValue(s.values, j + 1) == nil || s.breaksBefore.contains(j + 1)
                let isolated = startsRun && endsRun
                guard showMarkers || isolated else { continue }
                let r = isHighlighted ? 4.5 : 3.5
                w.raw("<g>")
                w.tooltip("\(s.name), \(labels[j]): \(format(v))")
                w.raw(MarkerShape.shape(i).element(x: x(j), y: y(v), r: r, fill: c, extra: " stroke=\"#fff\""))
                w.raw("</g>")
            }
            w.close("g")
        }
        return w.finish(width: width, height: top + plotHeight - 4, caption: text.caption)
    }

    /// Every `every`-th label from the first, and always the last (the latest period); a label
    /// closer than `every` steps before the last one gives way to it.
    static func shownLabels(count n: Int, every: Int) -> [Int] {
        guard n > 0 else { return [] }
        var shown = Array(stride(from: 0, to: n, by: max(1, every)))
        if shown.last != n - 1 {
            shown.removeAll { n - 1 - $0 < every }
            shown.append(n - 1)
        }
        return shown
    }

    func bandOpacity(_ index: Int, of count: Int) -> Double { count > 1 && index == 0 ? 0.15 : 0.3 }

    /// Maximal runs of consecutive indices where `present` holds; a run also ends before each of
    /// `breaks`.
    static func runs(count: Int, present: (Int) -> Bool, breaks: Set<Int> = []) -> [[Int]] {
        var result: [[Int]] = []
        var current: [Int] = []
        for i in 0..<max(0, count) {
            if breaks.contains(i), !current.isEmpty {
                result.append(current)
                current = []
            }
            if present(i) {
                current.append(i)
            } else if !current.isEmpty {
                result.append(current)
                current = []
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }
}

/// The value at `index`, or nil when missing or outside the array.
func chartValue(_ values: [Double?], _ index: Int) -> Double? { values.indices.contains(index) ? values[index] : nil }
