import Foundation
import Testing

@testable import VitaalDomain

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Counts elements by name and checks the text is well-formed XML.
final class SVGInspector: NSObject, XMLParserDelegate {
    var counts: [String: Int] = [:]
    var attributes: [(name: String, attrs: [String: String])] = []
    var error: Error?
    init(_ svg: String) {
        super.init()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = self
        if !parser.parse() { error = parser.parserError ?? NSError(domain: "xml", code: 1) }
    }
    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        counts[name, default: 0] += 1
        self.attributes.append((name, attributes))
    }
    func all(_ name: String) -> [[String: String]] { attributes.filter { $0.name == name }.map(\.attrs) }
}

@Suite struct DutchNumberFormatTests {
    @Test func decimalsAndGrouping() {
        #expect(DutchNumberFormat.format(1_234_567.891, decimals: 1) == "1.234.567,9")
        #expect(DutchNumberFormat.format(-0.5, decimals: 1) == "-0,5")
        #expect(DutchNumberFormat.format(0) == "0")
        #expect(DutchNumberFormat.format(0, decimals: 2) == "0,00")
        #expect(DutchNumberFormat.format(-0.04, decimals: 1) == "0,0")  // never "-0,0"
        #expect(DutchNumberFormat.format(0.15, decimals: 1) == "0,2")  // rounds the number as written
        #expect(DutchNumberFormat.format(2.675, decimals: 2) == "2,68")
        #expect(DutchNumberFormat.format(999.96, decimals: 1) == "1.000,0")
        #expect(DutchNumberFormat.format(-1234.5) == "-1.235")
        #expect(DutchNumberFormat.format(1e-5, decimals: 2) == "0,00")
        #expect(DutchNumberFormat.format(1.5e20) == "150.000.000.000.000.000.000")
        #expect(DutchNumberFormat.format(123456, grouping: false) == "123456")
        #expect(DutchNumberFormat.format(.nan) == "–")
    }

    @Test func percentAndCompact() {
        #expect(DutchNumberFormat.percent(12.345) == "12,3%")
        #expect(DutchNumberFormat.percent(0.5, decimals: 0, fromFraction: true) == "50%")
        #expect(DutchNumberFormat.compact(45_000) == "45.000")
        #expect(DutchNumberFormat.compact(999.4) == "999")
        #expect(DutchNumberFormat.compact(1_234_567) == "1,2 mln")
        #expect(DutchNumberFormat.compact(2_000_000) == "2 mln")
        #expect(DutchNumberFormat.compact(-3_400_000_000) == "-3,4 mld")
    }

    @Test func decimalsForStep() {
        #expect(DutchNumberFormat.decimals(forStep: 20) == 0)
        #expect(DutchNumberFormat.decimals(forStep: 0.5) == 1)
        #expect(DutchNumberFormat.decimals(forStep: 0.25) == 2)
        #expect(DutchNumberFormat.decimals(forStep: 0.1 + 0.2) == 1)
    }
}

@Suite struct NiceScaleTests {
    @Test func knownRanges() {
        let a = NiceScale(lower: 0, upper: 97)
        #expect(a.ticks == [0, 20, 40, 60, 80, 100])
        let b = NiceScale(lower: 3.2, upper: 8.7)
        #expect(b.ticks == [2, 4, 6, 8, 10])
        let c = NiceScale(lower: 0, upper: 0.83)
        #expect(c.ticks == [0, 0.2, 0.4, 0.6, 0.8, 1])
        #expect(c.decimals == 1)
        let d = NiceScale(lower: -12, upper: 47)
        #expect(d.ticks == [-20, 0, 20, 40, 60])
        let e = NiceScale(lower: 0, upper: 1234, maxTicks: 5)
        #expect(e.ticks == [0, 500, 1000, 1500])
        let f = NiceScale(lower: 69.9, upper: 78)
        #expect(f.ticks == [68, 70, 72, 74, 76, 78])
    }

    @Test func degenerateRanges() {
        let flat = NiceScale(lower: 5, upper: 5)
        #expect(flat.min <= 5 && flat.max >= 5 && flat.max > flat.min)
        let zero = NiceScale(lower: 0, upper: 0)
        #expect(zero.min == 0 && zero.max > 0)
        let reversed = NiceScale(lower: 10, upper: 0)
        #expect(reversed.min == 0 && reversed.max == 10)
        #expect(NiceScale(lower: 0, upper: 100, maxTicks: 6).ticks.count <= 6)
    }
}

@Suite struct ChartTests {
    @Test func escapesLabels() {
        #expect(SVG.escape(#"<a & "b" 'c'>"#) == "&lt;a &amp; &quot;b&quot; &#39;c&#39;&gt;")
        let svg = BarChart(text: ChartText(title: "T <1> & \"2\""), bars: [.init(label: "A<B & \"C\"", value: 1)]).svg()
        #expect(svg.contains("A&lt;B &amp; &quot;C&quot;"))
        #expect(!svg.contains("A<B"))
        #expect(svg.contains("<title id=\"") && svg.contains("T &lt;1&gt; &amp; &quot;2&quot;</title>"))
        #expect(SVGInspector(svg).error == nil)
    }

    @Test func coordinatesAreCompact() {
        #expect(SVG.num(12.34) == "12.3")
        #expect(SVG.num(12.96) == "13")
        #expect(SVG.num(-0.04) == "0")
        #expect(SVG.num(-3.25) == "-3.3")
    }

    @Test func projectionMapsCornersToFrame() {
        let box = GeoBoundingBox(minLon: 5.0, minLat: 52.2, maxLon: 6.0, maxLat: 52.9)
        let p = MapProjection(fitting: box, width: 500, margin: 10)
        let nw = p.project(GeoPoint(lon: 5.0, lat: 52.9))
        let se = p.project(GeoPoint(lon: 6.0, lat: 52.2))
        #expect(abs(nw.x - 10) < 1e-9 && abs(nw.y - 10) < 1e-9)
        #expect(abs(se.x - 490) < 1e-9 && abs(se.y - (p.height - 10)) < 1e-9)
        // Longitudes are shrunk by cos(mid-latitude): 1° lon is 0.61 × 1° lat here.
        #expect(abs((se.x - nw.x) / (se.y - nw.y) - cos(52.55 * Double.pi / 180) / 0.7) < 1e-9)
        // A fixed frame that is too wide: the map is centred horizontally, touching top and bottom.
        let q = MapProjection(bbox: box, width: 800, height: 300, margin: 10)
        let a = q.project(GeoPoint(lon: 5.0, lat: 52.9))
        let b = q.project(GeoPoint(lon: 6.0, lat: 52.2))
        #expect(abs(a.y - 10) < 1e-9 && abs(b.y - 290) < 1e-9)
        #expect(abs((a.x + b.x) / 2 - 400) < 1e-9)
        // Round trip and the km scale.
        let back = q.unproject(x: 123, y: 45)
        #expect(abs(q.project(back).x - 123) < 1e-9 && abs(q.project(back).y - 45) < 1e-9)
        #expect(abs(q.pixelsPerKm * Geo.kmPerDegreeLat - q.scale) < 1e-9)
    }

    @Test func missingValueBreaksTheLine() throws {
        let chart = LineChart(
            text: ChartText(title: "Gat"), labels: ["2020", "2021", "2022", "2023", "2024"],
            series: [.init(name: "A", values: [1, 2, nil, 4, 5])])
        let svg = chart.svg()
        let inspector = SVGInspector(svg)
        let paths = inspector.all("path").compactMap { $0["d"] }.filter { $0.contains("L") && !$0.contains("Z") }
        #expect(paths.count == 1)
        #expect(paths.first?.filter { $0 == "M" }.count == 2)
        // Four markers, none for the gap (the legend's sample marker has no white outline).
        #expect(inspector.all("circle").filter { $0["stroke"] == "#fff" }.count == 4)
        // An isolated value (gaps on both sides) still gets a marker.
        let lonely = LineChart(
            text: ChartText(title: "Eén"), labels: (1...40).map(String.init),
            series: [
                .init(name: "A", values: Array(repeating: nil, count: 20) + [3.0] + Array(repeating: nil, count: 19))
            ]
        ).svg()
        #expect(SVGInspector(lonely).all("circle").filter { $0["stroke"] == "#fff" }.count == 1)
    }

    @Test func periodLabelsAreThinnedButKeepTheLast() {
        #expect(LineChart.shownLabels(count: 10, every: 1) == Array(0..<10))
        #expect(LineChart.shownLabels(count: 10, every: 3) == [0, 3, 6, 9])
        #expect(LineChart.shownLabels(count: 10, every: 4) == [0, 4, 9])  // 8 gives way to 9
        #expect(LineChart.shownLabels(count: 3, every: 3) == [2])
        #expect(LineChart.shownLabels(count: 1, every: 1) == [0])
        // 40 monthly labels in a 640-wide chart do not all fit, the last one is shown.
        let labels = (0..<40).map { "2021-\($0)" }
        let svg = LineChart(
            text: ChartText(title: "Maanden"), labels: labels,
            series: [.init(name: "A", values: labels.map { _ in 1.0 })]
        ).svg()
        #expect(svg.contains(">2021-39</text>") && !svg.contains(">2021-1</text>"))
    }

    @Test func fanChartDrawsNestedBands() {
        let inspector = SVGInspector(ChartSamples.fan.svg())
        let bands = inspector.all("polygon").filter { $0["fill-opacity"] != nil }
        #expect(bands.map { $0["fill-opacity"] } == ["0.15", "0.3"])
    }

    @Test func choroplethClasses() {
        let quantiles = ChoroplethMap.classes(for: [10, 1, 9, 2, 8, 3, 7, 4, 6, 5], count: 5, method: .quantiles)
        #expect(quantiles.map { [$0.lower, $0.upper] } == [[1, 2], [3, 4], [5, 6], [7, 8], [9, 10]])
        #expect(quantiles.map(\.color) == Palette.sequential5)
        #expect(quantiles.map(\.count) == [2, 2, 2, 2, 2])
        let equal = ChoroplethMap.classes(for: [0, 10, 35, 60, 100], count: 5, method: .equalIntervals)
        #expect(equal.map { [$0.lower, $0.upper] } == [[0, 20], [20, 40], [40, 60], [60, 80], [80, 100]])
        #expect(equal.map(\.count) == [2, 1, 1, 0, 1])  // 60 sits on a boundary: lower class
        // Equal values share a class, so fewer classes remain.
        let ties = ChoroplethMap.classes(for: [5, 5, 5, 5, 6], count: 5)
        #expect(ties.map { [$0.lower, $0.upper] } == [[5, 5], [6, 6]])
        #expect(ties.map(\.color) == Palette.sequential(2))
        // Six Flevoland values in five quantile classes.
        let six = ChoroplethMap.classes(for: [33.1, 39.6, 41.3, 45.0, 47.8, 50.2])
        #expect(six.map { [$0.lower, $0.upper] } == [[33.1, 39.6], [41.3, 41.3], [45, 45], [47.8, 47.8], [50.2, 50.2]])
        #expect(ChoroplethMap.classes(for: []).isEmpty)
    }

    @Test func choroplethLegendAndRegions() {
        let map = ChartSamples.choropleth
        let svg = map.svg()
        let inspector = SVGInspector(svg)
        #expect(inspector.error == nil)
        // Five values in five classes, one region without data.
        for label in ["33,1%", "39,6%", "41,3%", "47,8%", "50,2%", "geen gegevens"] { #expect(svg.contains(label)) }
        #expect(svg.contains("<title>Zeewolde: geen gegevens</title>"))
        #expect(svg.contains("<title>Almere: 47,8%</title>"))
        #expect(svg.contains("<pattern id="))
        #expect(svg.contains("href=\"/regio/GM0034\""))
        #expect(svg.contains("Schematische omtrek, geen officiële grens"))
        // Region names are written on the map.
        for name in ["Almere", "Lelystad", "Dronten", "Zeewolde", "Noordoostpolder", "Urk"] {
            #expect(svg.contains(">\(name)</text>"))
        }
        // The class of each region is the fill of its path.
        let fills = inspector.all("path").compactMap { $0["fill"] }.filter { $0.hasPrefix("#") }
        #expect(Set(fills).isSubset(of: Set(Palette.sequential5)))
    }

    @Test func radarVertexPositions() {
        let chart = ChartSamples.radar
        let (cx, cy, r) = chart.geometry
        let top = chart.vertex(axis: 0, value: 10)
        #expect(abs(top.x - cx) < 1e-9 && abs(top.y - (cy - r)) < 1e-9)
        let right = chart.vertex(axis: 1, value: 10)
        #expect(abs(right.x - (cx + r * cos(Double.pi / 6))) < 1e-9 && abs(right.y - (cy - r * 0.5)) < 1e-9)
        #expect(
            chart.vertex(axis: 3, value: 5) == (cx, cy + r / 2)
                || abs(chart.vertex(axis: 3, value: 5).y - (cy + r / 2)) < 1e-9)
        // The 10-ring of the web goes through the top vertex.
        let svg = chart.svg()
        #expect(svg.contains("points=\"\(SVG.num(cx)),\(SVG.num(cy - r)) "))
        // A profile with 10 on axis 0 draws its first vertex there.
        let full = RadarChart(text: ChartText(title: "Max"), profiles: [.init(name: "", values: [10, 5, 5, 5, 5, 5])])
        let polygon = SVGInspector(full.svg()).all("polygon").last { $0["fill-opacity"] != nil }
        #expect(
            polygon?["points"]?.hasPrefix(
                "\(SVG.num(full.geometry.cx)),\(SVG.num(full.geometry.cy - full.geometry.radius)) ") == true)
    }

    @Test func networkLegendExplainsHighlighting() {
        let svg = ChartSamples.network.svg()
        #expect(svg.contains("Brug: zonder deze verbinding valt het netwerk uiteen"))
        #expect(svg.contains("Kwetsbaar punt: zonder deze speler valt het netwerk uiteen"))
        #expect(svg.contains("Geïsoleerd: geen verbindingen"))
        let lines = SVGInspector(svg).all("line")
        #expect(lines.filter { $0["stroke-dasharray"] == "6 3" && $0["x1"] != nil }.count >= 3)
    }

    @Test func sparklineMarksTheLastPoint() {
        let svg = Sparkline(text: ChartText(title: "S"), values: [1, 2, 3, nil], color: "#123456").svg()
        let inspector = SVGInspector(svg)
        #expect(inspector.all("circle").count == 1)
        #expect(inspector.all("circle").first?["fill"] == "#123456")
        #expect(inspector.all("circle").first?["cx"] == SVG.num(3.5 + 2 * (120 - 7) / 3.0))
    }

    @Test func pointMapHasCirclesLinksAndLegend() {
        let svg = ChartSamples.pointMap.svg()
        let inspector = SVGInspector(svg)
        #expect(inspector.error == nil)
        #expect(svg.contains("href=\"/locatie/1\""))
        #expect(svg.contains("binnen 15 km van een HAP"))
        // Three coverage circles of 15 km: the same radius, far larger than a marker.
        let radii = inspector.all("circle").compactMap { $0["r"].flatMap(Double.init) }.filter { $0 > 20 }
        #expect(radii.count == 3 && Set(radii).count == 1)
        // The point with only a coverage colour gets a ring around its marker.
        #expect(inspector.all("circle").contains { $0["fill"] == "none" && $0["stroke"] == "#D55E00" })
    }
}

@Suite struct MapBudgetTests {
    /// 342 regions (as many as Dutch municipalities) with 600 wiggly vertices each.
    static let detailed: [RegionFeature] = (0..<342).map { n in
        let lon0 = 3.4 + Double(n % 18) * 0.18
        let lat0 = 50.8 + Double(n / 18) * 0.14
        var ring = (0..<600).map { k -> GeoPoint in
            let t = Double(k) / 600 * 2 * Double.pi
            let r = 0.06 + 0.004 * sin(t * 37) + 0.002 * cos(t * 91)
            return GeoPoint(lon: lon0 + 1.5 * r * cos(t), lat: lat0 + r * sin(t))
        }
        ring.append(ring[0])
        return RegionFeature(
            code: "GM\(n)", name: "Gemeente \(n)", geometry: GeoMultiPolygon([GeoPolygon(outer: ring)]))
    }

    @Test func detailedMapsStayLight() {
        let values = Dictionary(uniqueKeysWithValues: Self.detailed.enumerated().map { ($1.code, Double($0 % 50)) })
        let choropleth = ChoroplethMap(text: ChartText(title: "Alle gemeenten"), regions: Self.detailed, values: values)
            .svg()
        #expect(choropleth.utf8.count < 150_000)
        #expect(SVGInspector(choropleth).all("path").count >= 342)
        let points = PointMap(
            text: ChartText(title: "Punten"), outlines: Self.detailed,
            points: [.init(location: GeoPoint(lon: 5, lat: 52), label: "X", category: "A")]
        ).svg()
        #expect(points.utf8.count < 150_000)
    }

    @Test func ringPathIsRelativeAndDriftFree() {
        let d = SVG.ringPath([(10.04, 20), (10.56, 20), (10.56, 21.27), (10.04, 20)])
        #expect(d == "M10 20l.6 0 0 1.3Z")
        // Points that round onto each other collapse; too few left gives nothing.
        #expect(SVG.ringPath([(1, 1), (1.01, 1.01), (1.02, 1)]) == "")
        // Summing the steps returns to the rounded absolute positions.
        let pts: [(x: Double, y: Double)] = (0..<50).map { i in
            let t = Double(i) / 8
            return (100 + 40 * cos(t), 80 + 40 * sin(t))
        }
        let path = SVG.ringPath(pts)
        let numbers = path.dropFirst().dropLast().replacingOccurrences(of: "l", with: " ").replacingOccurrences(
            of: "-", with: " -"
        )
        .split(separator: " ").compactMap { Double($0) }
        let sumX = stride(from: 0, to: numbers.count, by: 2).reduce(0.0) { $0 + numbers[$1] }
        #expect(abs(sumX - (pts.last!.x * 10).rounded() / 10) < 1e-9)
    }
}

@Suite struct ChartSampleTests {
    /// Every chart: accessible root, well-formed, compact; optionally written to disk.
    @Test func everySampleRenders() throws {
        let dir = ProcessInfo.processInfo.environment["VITAAL_CHART_SAMPLES"]
        if let dir { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
        // The linked choropleth and point map are groups; the line chart is an img.
        let roles = Dictionary(ChartSamples.all.map { ($0.name, $0.svg.contains(" role=\"group\"")) }) { a, _ in a }
        #expect(roles.values.contains(true) && roles.values.contains(false))
        for (name, svg) in ChartSamples.all {
            let inspector = SVGInspector(svg)
            #expect(inspector.error == nil, "\(name) is well-formed XML")
            #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "), "\(name)")
            // A picture with links is a group (an `img` may not hold focusable elements), else an img.
            let role = svg.contains("<a ") ? "group" : "img"
            #expect(svg.contains(" width=\"100%\" role=\"\(role)\" aria-labelledby=\""), "\(name)")
            #expect(inspector.counts["title", default: 0] >= 1 && inspector.counts["desc"] == 1, "\(name)")
            let desc = inspector.all("desc")
            #expect(desc.count == 1)
            #expect(svg.utf8.count < 40_000, "\(name) is \(svg.utf8.count) bytes")
            #expect(!svg.contains("NaN") && !svg.contains("inf"), "\(name)")
            // Coordinates carry at most one decimal.
            let geometry = ["x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "width", "height", "points", "d"]
            for (element, attrs) in inspector.attributes {
                for key in geometry {
                    guard let value = attrs[key], element != "svg" else { continue }
                    #expect(
                        value.range(of: #"\d\.\d\d"#, options: .regularExpression) == nil,
                        "\(name) \(element) \(key)=\(value)")
                }
            }
            if let dir { try svg.write(toFile: "\(dir)/\(name).svg", atomically: true, encoding: .utf8) }
        }
    }

    @Test func captionIsWrittenUnderTheChart() {
        let svg = ChartSamples.bar.svg()
        #expect(svg.contains(">Bron: GGD Flevoland (demo-cijfers).</text>"))
        #expect(!BarChart(text: ChartText(title: "x"), bars: []).svg().contains("Bron"))
    }

    @Test func autoDescriptionSummarisesData() {
        let svg = ChartSamples.line.svg()
        #expect(svg.contains("Flevoland: van 76,1% in 2015 naar 72,8% in 2024."))
        let own = LineChart(text: ChartText(title: "t", description: "Eigen tekst"), labels: ["a"], series: []).svg()
        #expect(own.contains("<desc id=\"") && own.contains(">Eigen tekst</desc>"))
    }

    @Test func idsAreStableAndDistinct() {
        let a = ChartSamples.bar.svg()
        let b = ChartSamples.bar.svg()
        #expect(a == b)
        let ids = ChartSamples.all.compactMap { SVGInspector($0.svg).all("title").first?["id"] }
        #expect(Set(ids).count == ChartSamples.all.count)
    }
}
