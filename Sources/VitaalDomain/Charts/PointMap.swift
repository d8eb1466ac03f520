import Foundation

/// Region outlines with points on top (services, initiatives, locations). Each category has its
/// own colour and shape; points can carry a label, a link and a coverage circle (a radius in km,
/// e.g. "15 minuten rijden"), or just a coverage colour shown as a ring around the marker.
public struct PointMap: Sendable {
    public struct Category: Sendable, Hashable {
        public var name: String
        public var color: String?
        public var shape: MarkerShape?
        /// A class on the markers and the legend sample, so a page's CSS can set their colour from its
        /// variables (`color` stays the fallback outside the page).
        public var cssClass: String?
        public init(name: String, color: String? = nil, shape: MarkerShape? = nil, cssClass: String? = nil) {
            self.name = name
            self.color = color
            self.shape = shape
            self.cssClass = cssClass
        }
    }

    /// A line under the points (e.g. a road), styled by its kind.
    public struct Line: Sendable, Hashable {
        public var points: [GeoPoint]
        /// The `LineKind` name.
        public var kind: String
        public init(points: [GeoPoint], kind: String) {
            self.points = points
            self.kind = kind
        }
    }

    /// How lines of one kind are drawn, with their legend entry.
    public struct LineKind: Sendable, Hashable {
        public var name: String
        public var color: String
        public var width: Double
        public var dash: String?
        public var cssClass: String?
        public init(name: String, color: String, width: Double = 1.5, dash: String? = nil, cssClass: String? = nil) {
            self.name = name
            self.color = color
            self.width = width
            self.dash = dash
            self.cssClass = cssClass
        }
    }

    public struct Point: Sendable, Hashable {
        public var location: GeoPoint
        public var label: String
        public var category: String
        public var link: String?
        /// Coverage circle radius in km.
        public var radiusKm: Double?
        /// Colour of the coverage circle, or of a ring around the marker when there is no radius.
        public var coverageColor: String?
        /// Extra tooltip text, e.g. the address.
        public var detail: String?
        public init(
            location: GeoPoint, label: String, category: String, link: String? = nil, radiusKm: Double? = nil,
            coverageColor: String? = nil, detail: String? = nil
        ) {
            self.location = location
            self.label = label
            self.category = category
            self.link = link
            self.radiusKm = radiusKm
            self.coverageColor = coverageColor
            self.detail = detail
        }
    }

    /// A legend entry for coverage colours, e.g. ("binnen 15 minuten", "#009E73").
    public struct CoverageLegend: Sendable, Hashable {
        public var label: String
        public var color: String
        public init(label: String, color: String) {
            self.label = label
            self.color = color
        }
    }

    public var text: ChartText
    public var outlines: [RegionFeature]
    public var points: [Point]
    /// Legend order and styles; categories used by points but not listed are added in order of appearance.
    public var categories: [Category]
    public var coverageLegend: [CoverageLegend]
    /// Lines drawn over the outlines and under the points; they do not widen the frame (clipped to it).
    public var lines: [Line] = []
    public var lineKinds: [LineKind] = []
    public var showRegionNames: Bool
    /// Write point labels on the map; default: when there are at most 25 points.
    public var showPointLabels: Bool?
    /// Note under the map; nil uses the schematic note when outlines are schematic, "" shows none.
    public var note: String?
    public var width: Double
    public var maxMapHeight: Double

    public init(
        text: ChartText, outlines: [RegionFeature], points: [Point], categories: [Category] = [],
        coverageLegend: [CoverageLegend] = [], showRegionNames: Bool = true, showPointLabels: Bool? = nil,
        note: String? = nil, width: Double = 560, maxMapHeight: Double = 460
    ) {
        self.text = text
        self.outlines = outlines
        self.points = points
        self.categories = categories
        self.coverageLegend = coverageLegend
        self.showRegionNames = showRegionNames
        self.showPointLabels = showPointLabels
        self.note = note
        self.width = width
        self.maxMapHeight = maxMapHeight
    }

    /// Every category with its resolved colour and shape.
    var resolvedCategories: [(name: String, color: String, shape: MarkerShape, cssClass: String?)] {
        var all = categories
        for p in points where !all.contains(where: { $0.name == p.category }) { all.append(Category(name: p.category)) }
        return all.enumerated().map { i, c in
            (c.name, c.color ?? Palette.color(i), c.shape ?? MarkerShape.shape(i), c.cssClass)
        }
    }

    var autoDescription: String {
        let cats = resolvedCategories
        var parts = ["Kaart met \(points.count) punten" + (outlines.isEmpty ? "." : " in \(outlines.count) gebieden.")]
        for c in cats {
            let names = points.filter { $0.category == c.name }.map(\.label).filter { !$0.isEmpty }
            let list = names.count <= 12 ? ": " + names.joined(separator: ", ") : ""
            parts.append("\(c.name) (\(points.filter { $0.category == c.name }.count))\(list).")
        }
        if outlines.contains(where: \.isSchematic) { parts.append("Schematische kaart.") }
        return parts.joined(separator: " ")
    }

    public func svg() -> String {
        var w = text.writer(kind: "points", autoDescription: autoDescription)
        let cats = resolvedCategories
        let style = Dictionary(
            cats.map { ($0.name, ($0.color, $0.shape, $0.cssClass)) }, uniquingKeysWith: { a, _ in a })
        // The frame covers outlines, points and their circles.
        var box = GeoBoundingBox.union(outlines.compactMap(\.geometry.boundingBox))
        for p in points {
            let r = (p.radiusKm ?? 0) / Geo.kmPerDegreeLat
            let k = max(0.1, cos(p.location.lat * Double.pi / 180))
            let pointBox = GeoBoundingBox(
                minLon: p.location.lon - r / k, minLat: p.location.lat - r, maxLon: p.location.lon + r / k,
                maxLat: p.location.lat + r)
            box = box?.union(pointBox) ?? pointBox
        }
        guard let bbox = box else {
            w.text("Geen kaartgegevens", x: 8, y: 20, fill: Palette.muted)
            return w.finish(width: width, height: 30, caption: text.caption)
        }
        let projection = MapProjection(fitting: bbox, width: width, margin: 14, maxHeight: maxMapHeight)

        w.open(
            "g",
            [
                ("fill", "#f4f4f1"), ("stroke", "#9a9a9a"), ("stroke-width", "1"), ("stroke-linejoin", "round"),
                ("fill-rule", "evenodd")
            ])
        for (region, d) in zip(outlines, MapDrawing.paths(outlines, projection)) {
            w.open("path", [("d", d)])
            w.tooltip(region.name)
            w.close("path")
        }
        w.close("g")
        drawLines(into: &w, projection)

        // Coverage circles under the markers.
        let circles = points.filter { $0.radiusKm != nil }
        if !circles.isEmpty {
            w.open("g", [("fill-opacity", "0.14"), ("stroke-opacity", "0.6")])
            for p in circles {
                let (x, y) = projection.project(p.location)
                let c = p.coverageColor ?? style[p.category]?.0 ?? Palette.highlight
                w.element(
                    "circle",
                    [
                        ("cx", SVG.num(x)), ("cy", SVG.num(y)), ("r", SVG.num(p.radiusKm! * projection.pixelsPerKm)),
                        ("fill", c), ("stroke", c)
                    ])
            }
            w.close("g")
        }

        var placer = LabelPlacer(width: width, height: projection.height)
        for p in points {
            let (x, y) = projection.project(p.location)
            placer.addObstacle(.init(x0: x - 6, y0: y - 6, x1: x + 6, y1: y + 6))
        }
        for p in points {
            let (x, y) = projection.project(p.location)
            let (color, shape, cssClass) = style[p.category] ?? (Palette.highlight, .circle, nil)
            if let link = p.link { w.open("a", [("href", link)]) }
            w.open("g", [("class", cssClass)])
            w.tooltip([p.label, p.category, p.detail].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " · "))
            if p.radiusKm == nil, let ring = p.coverageColor {
                w.element(
                    "circle",
                    [
                        ("cx", SVG.num(x)), ("cy", SVG.num(y)), ("r", "9"), ("fill", "none"), ("stroke", ring),
                        ("stroke-width", "3")
                    ])
            }
            w.raw(shape.element(x: x, y: y, r: 5, fill: color, extra: " stroke=\"#fff\" stroke-width=\"1.2\""))
            w.close("g")
            if p.link != nil { w.close("a") }
        }

        w.open("g", [("font-size", "11"), ("pointer-events", "none")])
        if showPointLabels ?? (points.count <= 25) {
            for p in points where !p.label.isEmpty {
                let (x, y) = projection.project(p.location)
                if let spot = placer.place(
                    p.label, size: 11,
                    candidates: [
                        (x + 9, y + 4, "start"), (x - 9, y + 4, "end"), (x, y + 17, "middle"), (x, y - 9, "middle")
                    ])
                {
                    w.text(p.label, x: spot.x, y: spot.y, anchor: spot.anchor, halo: true)
                }
            }
        }
        if showRegionNames {
            for region in outlines.sorted(by: { $0.geometry.areaKm2 > $1.geometry.areaKm2 }) {
                let p = projection.project(region.geometry.labelPoint)
                if let spot = placer.place(
                    region.name, size: 12, bold: true, candidates: MapDrawing.candidates(x: p.x, y: p.y, offset: 14))
                {
                    w.text(
                        region.name, x: spot.x, y: spot.y, anchor: spot.anchor, size: 12, bold: true, fill: "#6b6b6b",
                        halo: true)
                }
            }
        }
        w.close("g")

        var y = projection.height + 4
        var items = lineKinds.filter { kind in lines.contains { $0.kind == kind.name } }.map {
            LegendItem(
                label: $0.name, swatch: .line(color: $0.color, width: $0.width, dash: $0.dash, marker: nil),
                cssClass: $0.cssClass)
        }
        items += cats.map {
            LegendItem(
                label: $0.name, swatch: .marker($0.shape, fill: $0.color, stroke: nil, dash: nil), cssClass: $0.cssClass
            )
        }
        items += coverageLegend.map { LegendItem(label: $0.label, swatch: .ring(color: $0.color)) }
        y += Legend.draw(items, into: &w, x: 8, y: y, width: width - 16)
        y += MapDrawing.drawNote(MapDrawing.note(note, regions: outlines), into: &w, y: y, width: width)
        return w.finish(width: width, height: y + 4, caption: text.caption)
    }
}

extension PointMap {
    /// The lines, clipped to the map area, one group per kind.
    func drawLines(into w: inout SVGWriter, _ projection: MapProjection) {
        guard !lines.isEmpty else { return }
        let clip = "\(w.id)-lines"
        w.def(
            "<clipPath id=\"\(clip)\"><rect width=\"\(SVG.num(width))\" height=\"\(SVG.num(projection.height))\"/></clipPath>"
        )
        for kind in lineKinds {
            let paths = lines.filter { $0.kind == kind.name && $0.points.count >= 2 }.map { line in
                line.points.enumerated().map { i, p in
                    let (x, y) = projection.project(p)
                    return "\(i == 0 ? "M" : "L")\(SVG.num(x)) \(SVG.num(y))"
                }.joined()
            }
            guard !paths.isEmpty else { continue }
            w.open(
                "g",
                [
                    ("class", kind.cssClass), ("clip-path", "url(#\(clip))"), ("fill", "none"), ("stroke", kind.color),
                    ("stroke-width", SVG.num(kind.width)), ("stroke-dasharray", kind.dash),
                    ("stroke-linecap", "round"), ("stroke-linejoin", "round")
                ])
            w.tooltip(kind.name)
            for d in paths { w.element("path", [("d", d)]) }
            w.close("g")
        }
    }
}
