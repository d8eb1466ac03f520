import Foundation

/// A tiny trend line for tables and tiles: no axes, gaps for missing values, the last point marked.
public struct Sparkline: Sendable {
    public var text: ChartText
    public var values: [Double?]
    /// Line colour, e.g. a status colour from the caller.
    public var color: String
    public var valueSuffix: String
    public var decimals: Int
    public var width: Double
    public var height: Double

    public init(
        text: ChartText, values: [Double?], color: String = Palette.highlight, valueSuffix: String = "",
        decimals: Int = 1,
        width: Double = 120, height: Double = 32
    ) {
        self.text = text
        self.values = values
        self.color = color
        self.valueSuffix = valueSuffix
        self.decimals = decimals
        self.width = width
        self.height = height
    }

    var autoDescription: String {
        let present = values.compactMap { $0 }
        guard let first = present.first, let last = present.last else { return "Geen gegevens." }
        let f = { (v: Double) in DutchNumberFormat.format(v, decimals: decimals) + valueSuffix }
        let lo = present.min()!
        let hi = present.max()!
        return
            "Verloop over \(values.count) perioden: van \(f(first)) naar \(f(last)) (laagste \(f(lo)), hoogste \(f(hi)))."
    }

    public func svg() -> String {
        var w = text.writer(kind: "spark", autoDescription: autoDescription)
        let present = values.compactMap { $0 }.filter(\.isFinite)
        let lo = present.min() ?? 0
        let hi = present.max() ?? 1
        let span = hi - lo == 0 ? 1 : hi - lo
        let pad = 3.5
        let n = values.count
        let x = { (i: Int) in n <= 1 ? self.width / 2 : pad + Double(i) * (self.width - 2 * pad) / Double(n - 1) }
        let y = { (v: Double) in
            hi == lo ? self.height / 2 : self.height - pad - (v - lo) / span * (self.height - 2 * pad)
        }
        var d = ""
        for run in LineChart.runs(count: n, present: { chartValue(values, $0) != nil }) {
            if run.count == 1 {
                let v = values[run[0]]!
                d += "M\(SVG.num(x(run[0]) - 0.5)) \(SVG.num(y(v)))h1"
            } else {
                d += "M" + run.map { "\(SVG.num(x($0))) \(SVG.num(y(values[$0]!)))" }.joined(separator: "L")
            }
        }
        if !d.isEmpty {
            w.element(
                "path",
                [
                    ("d", d), ("fill", "none"), ("stroke", color), ("stroke-width", "1.5"),
                    ("stroke-linejoin", "round"), ("stroke-linecap", "round")
                ])
        }
        if let lastIndex = values.lastIndex(where: { $0 != nil }), let v = values[lastIndex] {
            w.element("circle", [("cx", SVG.num(x(lastIndex))), ("cy", SVG.num(y(v))), ("r", "2.5"), ("fill", color)])
        }
        return w.finish(width: width, height: height, caption: text.caption)
    }
}
