import Foundation

/// One class of a choropleth legend: values from `lower` to `upper` (both inclusive).
public struct ChoroplethClass: Sendable, Hashable {
    public var lower: Double
    public var upper: Double
    public var color: String
    /// How many of the classified values fall in this class.
    public var count: Int
}

/// Regions coloured by value, light (low) to dark (high), in at most 5 classes.
///
/// Classes (`classes(for:count:method:)`):
/// - `.quantiles` (default): the sorted values are cut into `count` groups of (nearly) equal size;
///   class i ends at the value in position ⌈(i+1)·n/count⌉ (1-based); equal values always share a
///   class, so with few distinct values there are fewer classes. The legend shows each class's
///   lowest and highest actual value.
/// - `.equalIntervals`: min…max cut into `count` ranges of equal width; a value on a boundary
///   belongs to the lower class.
/// Regions without a value are hatched grey and listed as "geen gegevens" in the legend. Every
/// region has a tooltip with its name and formatted value; with ≤ 40 regions the names and values
/// are also written on the map.
public struct ChoroplethMap: Sendable {
    public enum Classification: String, Sendable, Hashable, Codable { case quantiles, equalIntervals }

    public var text: ChartText
    public var regions: [RegionFeature]
    /// Value per region code; a region without a value is "geen gegevens".
    public var values: [String: Double]
    public var classification: Classification
    public var classCount: Int
    public var valueSuffix: String
    public var decimals: Int?
    /// Link per region code (e.g. the region's page).
    public var links: [String: String]
    /// Region code drawn with a heavy outline.
    public var highlighted: String?
    /// Text above the legend, e.g. "Ervaren gezondheid goed (%)".
    public var legendTitle: String?
    /// Note under the map; nil uses the schematic note when outlines are schematic, "" shows none.
    public var note: String?
    public var width: Double
    public var maxMapHeight: Double

    public init(
        text: ChartText, regions: [RegionFeature], values: [String: Double],
        classification: Classification = .quantiles,
        classCount: Int = 5, valueSuffix: String = "", decimals: Int? = nil, links: [String: String] = [:],
        highlighted: String? = nil, legendTitle: String? = nil, note: String? = nil, width: Double = 560,
        maxMapHeight: Double = 460
    ) {
        self.text = text
        self.regions = regions
        self.values = values
        self.classification = classification
        self.classCount = classCount
        self.valueSuffix = valueSuffix
        self.decimals = decimals
        self.links = links
        self.highlighted = highlighted
        self.legendTitle = legendTitle
        self.note = note
        self.width = width
        self.maxMapHeight = maxMapHeight
    }

    /// Values of the drawn regions only.
    var regionValues: [Double] { regions.compactMap { values[$0.code] }.filter(\.isFinite) }

    var valueDecimals: Int { decimals ?? (regionValues.allSatisfy { $0 == $0.rounded() } ? 0 : 1) }
    func format(_ v: Double) -> String { DutchNumberFormat.format(v, decimals: valueDecimals) + valueSuffix }

    /// The legend classes for this map's values.
    public var classes: [ChoroplethClass] { Self.classes(for: regionValues, count: classCount, method: classification) }

    /// Classes for `values` (see the type's documentation), coloured from `Palette.sequential`.
    public static func classes(for values: [Double], count: Int = 5, method: Classification = .quantiles)
        -> [ChoroplethClass]
    {
        let sorted = values.filter(\.isFinite).sorted()
        guard let lo = sorted.first, let hi = sorted.last else { return [] }
        let k = max(1, min(count, 5, Set(sorted).count))
        var ranges: [(Double, Double)] = []
        switch method {
        case .quantiles:
            let n = sorted.count
            var start = 0
            for i in 0..<k where start < n {
                var end = max(start, Int((Double((i + 1) * n) / Double(k)).rounded(.up)) - 1)
                while end + 1 < n && sorted[end + 1] == sorted[end] { end += 1 }
                if i == k - 1 { end = n - 1 }
                ranges.append((sorted[start], sorted[end]))
                start = end + 1
            }
        case .equalIntervals:
            let step = (hi - lo) / Double(k)
            ranges = (0..<k).map { i in (lo + Double(i) * step, i == k - 1 ? hi : lo + Double(i + 1) * step) }
        }
        let colors = Palette.sequential(ranges.count)
        var classes = ranges.enumerated().map { ChoroplethClass(lower: $1.0, upper: $1.1, color: colors[$0], count: 0) }
        for v in sorted { classes[classIndex(of: v, in: classes)].count += 1 }
        return classes
    }

    /// Index of the class `value` falls in: the first whose upper bound is ≥ value.
    public static func classIndex(of value: Double, in classes: [ChoroplethClass]) -> Int {
        let tolerance = 1e-9 * max(1, abs(value))
        return classes.firstIndex { value <= $0.upper + tolerance } ?? max(0, classes.count - 1)
    }

    func legendLabel(_ c: ChoroplethClass) -> String {
        c.lower == c.upper ? format(c.lower) : "\(format(c.lower)) – \(format(c.upper))"
    }

    var autoDescription: String {
        let classes = self.classes
        var parts = [
            "Kaart met \(regions.count) gebieden, ingekleurd in \(classes.count) klassen (van licht = laag naar donker = hoog)."
        ]
        let named = regions.map { r in "\(r.name): \(values[r.code].map(format) ?? "geen gegevens")" }
        parts.append(named.joined(separator: "; ") + ".")
        if regions.contains(where: \.isSchematic) { parts.append("Schematische kaart.") }
        return parts.joined(separator: " ")
    }

    public func svg() -> String {
        var w = text.writer(kind: "choro", autoDescription: autoDescription)
        let classes = self.classes
        guard let bbox = GeoBoundingBox.union(regions.compactMap(\.geometry.boundingBox)) else {
            w.text("Geen kaartgegevens", x: 8, y: 20, fill: Palette.muted)
            return w.finish(width: width, height: 30, caption: text.caption)
        }
        let projection = MapProjection(fitting: bbox, width: width, margin: 12, maxHeight: maxMapHeight)
        let hatch = regions.contains { values[$0.code] == nil } ? w.hatchPattern() : nil

        // Regions.
        let paths = MapDrawing.paths(regions, projection)
        w.open(
            "g", [("stroke", "#ffffff"), ("stroke-width", "1"), ("stroke-linejoin", "round"), ("fill-rule", "evenodd")])
        for (region, d) in zip(regions, paths) {
            let value = values[region.code]
            let fill = value.map { classes[Self.classIndex(of: $0, in: classes)].color } ?? hatch!
            if let link = links[region.code] { w.open("a", [("href", link)]) }
            w.open("path", [("d", d), ("fill", fill)])
            w.tooltip("\(region.name): \(value.map(format) ?? "geen gegevens")")
            w.close("path")
            if links[region.code] != nil { w.close("a") }
        }
        w.close("g")
        // The highlighted region gets a heavy outline on top of its neighbours.
        if let highlighted, let index = regions.firstIndex(where: { $0.code == highlighted }) {
            w.element(
                "path",
                [
                    ("d", paths[index]), ("fill", "none"), ("stroke", Palette.ink),
                    ("stroke-width", "2.5"), ("stroke-linejoin", "round"), ("pointer-events", "none")
                ])
        }

        // Names and values on the map.
        if regions.count <= 40 {
            var placer = LabelPlacer(width: width, height: projection.height)
            w.open("g", [("font-size", "11"), ("pointer-events", "none")])
            for region in regions.sorted(by: { $0.geometry.areaKm2 > $1.geometry.areaKm2 }) {
                let p = projection.project(region.geometry.labelPoint)
                let valueText = values[region.code].map(format) ?? "geen gegevens"
                let wider =
                    SVG.textWidth(region.name, fontSize: 11, bold: true) > SVG.textWidth(valueText, fontSize: 11)
                    ? region.name : valueText
                for c in MapDrawing.candidates(x: p.x, y: p.y, offset: 14) {
                    // The two-line block: name on the baseline c.y - 1, value 13 px lower.
                    let nameBox = LabelPlacer.box(wider, x: c.x, y: c.y - 1, anchor: c.anchor, size: 11, bold: true)
                    let block = LabelPlacer.Box(x0: nameBox.x0, y0: nameBox.y0, x1: nameBox.x1, y1: nameBox.y1 + 13)
                    guard block.x0 >= 0, block.x1 <= width, block.y0 >= 0, block.y1 <= projection.height,
                        !placer.placed.contains(where: { $0.overlaps(block) })
                    else { continue }
                    placer.addObstacle(block)
                    w.text(region.name, x: c.x, y: c.y - 1, anchor: c.anchor, bold: true, halo: true)
                    w.text(valueText, x: c.x, y: c.y + 12, anchor: c.anchor, halo: true)
                    break
                }
            }
            w.close("g")
        }

        // Legend under the map.
        var y = projection.height + 4
        if let legendTitle {
            w.text(legendTitle, x: 8, y: y + 12, bold: true)
            y += 18
        }
        var items = classes.map {
            LegendItem(label: legendLabel($0), swatch: .box(fill: $0.color, stroke: "#999999", opacity: nil))
        }
        if let hatch {
            items.append(LegendItem(label: "geen gegevens", swatch: .box(fill: hatch, stroke: "#999999", opacity: nil)))
        }
        y += Legend.draw(items, into: &w, x: 8, y: y, width: width - 16)
        y += MapDrawing.drawNote(MapDrawing.note(note, regions: regions), into: &w, y: y, width: width)
        return w.finish(width: width, height: y + 4, caption: text.caption)
    }
}
