import Foundation

/// Longitude/latitude → SVG x, y: equirectangular with longitudes shrunk by cos(mid-latitude), so
/// shapes keep their proportions at Dutch latitudes. The bounding box is fitted inside the frame
/// less `margin` on every side and centred; north is up.
public struct MapProjection: Sendable, Hashable {
    public let bbox: GeoBoundingBox
    public let width: Double
    public let height: Double
    public let margin: Double
    /// Pixels per degree of latitude.
    public let scale: Double
    /// cos(mid-latitude): the factor applied to longitudes.
    public let lonFactor: Double
    let offsetX: Double
    let offsetY: Double

    /// Fits `bbox` into a `width` × `height` frame, centred.
    public init(bbox: GeoBoundingBox, width: Double, height: Double, margin: Double = 10) {
        let box = Self.nonDegenerate(bbox)
        let k = cos((box.minLat + box.maxLat) / 2 * Double.pi / 180)
        let spanX = (box.maxLon - box.minLon) * k
        let spanY = box.maxLat - box.minLat
        let s = min((width - 2 * margin) / spanX, (height - 2 * margin) / spanY)
        self.bbox = box
        self.width = width
        self.height = height
        self.margin = margin
        self.scale = s
        self.lonFactor = k
        self.offsetX = (width - spanX * s) / 2
        self.offsetY = (height - spanY * s) / 2
    }

    /// Fits `bbox` to `width` and takes the height the shape needs (at most `maxHeight`, in which
    /// case the map is narrower and centred), so the box's corners land on the frame's corners
    /// less the margin.
    public init(fitting bbox: GeoBoundingBox, width: Double, margin: Double = 10, maxHeight: Double? = nil) {
        let box = Self.nonDegenerate(bbox)
        let k = cos((box.minLat + box.maxLat) / 2 * Double.pi / 180)
        let aspect = (box.maxLat - box.minLat) / ((box.maxLon - box.minLon) * k)
        var height = (width - 2 * margin) * aspect + 2 * margin
        if let maxHeight { height = min(height, maxHeight) }
        self.init(bbox: box, width: width, height: height, margin: margin)
    }

    static func nonDegenerate(_ b: GeoBoundingBox) -> GeoBoundingBox {
        var b = b
        if b.maxLon - b.minLon < 1e-9 {
            b.minLon -= 0.01
            b.maxLon += 0.01
        }
        if b.maxLat - b.minLat < 1e-9 {
            b.minLat -= 0.01
            b.maxLat += 0.01
        }
        return b
    }

    public func project(_ p: GeoPoint) -> (x: Double, y: Double) {
        (offsetX + (p.lon - bbox.minLon) * lonFactor * scale, offsetY + (bbox.maxLat - p.lat) * scale)
    }

    public func unproject(x: Double, y: Double) -> GeoPoint {
        GeoPoint(lon: bbox.minLon + (x - offsetX) / (lonFactor * scale), lat: bbox.maxLat - (y - offsetY) / scale)
    }

    /// Pixels per kilometre (the same in both directions).
    public var pixelsPerKm: Double { scale / Geo.kmPerDegreeLat }
}

/// Drawing pieces shared by the maps.
enum MapDrawing {
    /// SVG path data for (multi)polygons: rings simplified with Douglas–Peucker and written with
    /// relative moves (see `SVG.ringPath`). Use with fill-rule="evenodd" for holes.
    ///
    /// Path data for every region, simplified more coarsely (0.4 px up to 4 px) until all of it fits
    /// in `budget` bytes, so a map of many detailed boundaries still keeps a page light.
    static func paths(_ regions: [RegionFeature], _ projection: MapProjection, budget: Int = 100_000) -> [String] {
        var result: [String] = []
        for tolerance in [0.4, 0.8, 1.5, 2.5, 4.0] {
            result = regions.map { path($0.geometry, projection, tolerance: tolerance) }
            if result.reduce(0, { $0 + $1.utf8.count }) <= budget { break }
        }
        return result
    }

    static func path(_ geometry: GeoMultiPolygon, _ projection: MapProjection, tolerance: Double = 0.4) -> String {
        var d = ""
        for polygon in geometry.polygons {
            for ring in [polygon.outer] + polygon.holes {
                var pts = ring.map(projection.project)
                if pts.count > 1, pts.first! == pts.last! { pts.removeLast() }
                guard pts.count >= 3 else { continue }
                var simplified = simplify(pts + [pts[0]], tolerance: tolerance)
                simplified.removeLast()
                if simplified.count < 3 { simplified = pts }
                d += SVG.ringPath(simplified)
            }
        }
        return d
    }

    /// Douglas–Peucker on a polyline (the first and last point are kept).
    static func simplify(_ pts: [(x: Double, y: Double)], tolerance: Double) -> [(x: Double, y: Double)] {
        guard pts.count > 2 else { return pts }
        var keep = [Bool](repeating: false, count: pts.count)
        keep[0] = true
        keep[pts.count - 1] = true
        var stack = [(0, pts.count - 1)]
        while let (a, b) = stack.popLast() {
            guard b > a + 1 else { continue }
            var worst = 0.0
            var index = a
            for i in (a + 1)..<b {
                let dist = distance(pts[i], pts[a], pts[b])
                if dist > worst {
                    worst = dist
                    index = i
                }
            }
            if worst > tolerance {
                keep[index] = true
                stack.append((a, index))
                stack.append((index, b))
            }
        }
        return pts.indices.filter { keep[$0] }.map { pts[$0] }
    }

    private static func distance(_ p: (x: Double, y: Double), _ a: (x: Double, y: Double), _ b: (x: Double, y: Double))
        -> Double
    {
        let dx = b.x - a.x
        let dy = b.y - a.y
        let len2 = dx * dx + dy * dy
        guard len2 > 0 else { return hypot(p.x - a.x, p.y - a.y) }
        let t = max(0, min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2))
        return hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy))
    }

    /// The note for schematic outlines, or the caller's own (an empty note means none).
    static func note(_ custom: String?, regions: [RegionFeature]) -> String? {
        if let custom { return custom.isEmpty ? nil : custom }
        return regions.first(where: \.isSchematic).map { $0.note ?? SchematicOutlines.note }
    }

    /// Writes the note line(s) at `y`; returns the height used.
    static func drawNote(_ note: String?, into w: inout SVGWriter, y: Double, width: Double) -> Double {
        guard let note else { return 0 }
        let lines = SVG.wrap(note, maxWidth: width - 16, fontSize: 11)
        for (n, line) in lines.enumerated() {
            w.text(
                line, x: 8, y: y + 12 + Double(n) * 14, size: 11, fill: Palette.muted, extra: [("font-style", "italic")]
            )
        }
        return Double(lines.count) * 14 + 4
    }

    /// Candidate spots for a label block around an anchor point: on it, then below, above, right, left.
    static func candidates(x: Double, y: Double, offset: Double) -> [(x: Double, y: Double, anchor: String)] {
        [
            (x, y, "middle"), (x, y + offset, "middle"), (x, y - offset, "middle"),
            (x + offset, y, "start"), (x - offset, y, "end")
        ]
    }
}
