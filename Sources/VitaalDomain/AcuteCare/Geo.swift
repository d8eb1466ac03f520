import Foundation

/// Geometry helpers of the acute-care model (on the shared `GeoPoint` of `Geo/GeoTypes.swift`).
public enum AcuteGeo {
    /// Rough bounding box of the Netherlands including the Wadden and a margin (WGS84).
    /// Inputs outside it are refused: they are almost always swapped or RD coordinates.
    public static let netherlandsLat: ClosedRange<Double> = 50.6...53.8
    public static let netherlandsLon: ClosedRange<Double> = 3.2...7.3

    public static func isInNetherlands(_ p: GeoPoint) -> Bool {
        netherlandsLat.contains(p.lat) && netherlandsLon.contains(p.lon)
    }

    /// Great-circle distance in metres (the shared haversine of `Geo`).
    public static func meters(_ a: GeoPoint, _ b: GeoPoint) -> Double { Geo.haversineKm(a, b) * 1000 }

    /// The point a fraction `t` (0…1) of the way from `a` to `b` (linear in degrees; fine for ≤ tens of km).
    public static func interpolate(_ a: GeoPoint, _ b: GeoPoint, _ t: Double) -> GeoPoint {
        GeoPoint(lon: a.lon + (b.lon - a.lon) * t, lat: a.lat + (b.lat - a.lat) * t)
    }
}

/// A position in the Dutch national grid RD New (EPSG:28992), metres.
public struct RDPoint: Sendable, Hashable, Codable {
    public var x: Double
    public var y: Double
    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }

    /// Rough RD extent of the Netherlands (with margin).
    public var isInNetherlands: Bool { (-7_000...300_000).contains(x) && (289_000...629_000).contains(y) }
}

/// RD New ↔ WGS84 on `RDPoint` values; the formulas live in `RDNew` (Geo/RDNew.swift).
public enum RDConversion {
    public static func toWGS84(_ p: RDPoint) -> GeoPoint { RDNew.toWGS84(x: p.x, y: p.y) }
    public static func toRD(_ g: GeoPoint) -> RDPoint {
        let rd = RDNew.fromWGS84(g)
        return RDPoint(x: rd.x, y: rd.y)
    }
}

/// Uniform grid over node positions for nearest-node queries (snapping). Positions are projected to
/// local metres (equirectangular around the mean latitude, error < 0.1 % within a province).
public struct GridIndex: Sendable {
    let originX: Double, originY: Double, cell: Double
    let cols: Int, rows: Int
    let cellStart: [Int32]  // CSR over cells
    let cellItems: [Int32]
    let xs: [Double], ys: [Double]
    let cosLat: Double

    static let metresPerDegreeLat = 111_195.0

    public init(points: [GeoPoint], cellMeters: Double? = nil) {
        let meanLat = points.isEmpty ? 52.5 : points.reduce(0) { $0 + $1.lat } / Double(points.count)
        let cl = cos(meanLat * .pi / 180)
        cosLat = cl
        let k = Self.metresPerDegreeLat
        let xs = points.map { $0.lon * k * cl }
        let ys = points.map { $0.lat * k }
        self.xs = xs
        self.ys = ys
        let minX = xs.min() ?? 0
        let maxX = xs.max() ?? 0
        let minY = ys.min() ?? 0
        let maxY = ys.max() ?? 0
        let area = max(1, (maxX - minX) * (maxY - minY))
        // About two points per cell on average, at least 50 m.
        let c = cellMeters ?? max(50, (2 * area / Double(max(1, points.count))).squareRoot())
        cell = c
        originX = minX
        originY = minY
        cols = max(1, Int((maxX - minX) / c) + 1)
        rows = max(1, Int((maxY - minY) / c) + 1)
        var counts = [Int32](repeating: 0, count: cols * rows + 1)
        var cellOf = [Int](repeating: 0, count: points.count)
        for i in 0..<points.count {
            let cx = min(cols - 1, Int((xs[i] - minX) / c))
            let cy = min(rows - 1, Int((ys[i] - minY) / c))
            cellOf[i] = cy * cols + cx
            counts[cellOf[i] + 1] += 1
        }
        for i in 0..<(cols * rows) { counts[i + 1] += counts[i] }
        var fill = counts
        var items = [Int32](repeating: 0, count: points.count)
        for i in 0..<points.count {
            items[Int(fill[cellOf[i]])] = Int32(i)
            fill[cellOf[i]] += 1
        }
        cellStart = counts
        cellItems = items
    }

    /// Index of the nearest point and its distance in metres, or nil if none lies within `maxMeters`.
    /// Rings of cells are searched outward until no closer point can exist. An optional filter
    /// excludes points (e.g. nodes in tiny components).
    public func nearest(to p: GeoPoint, maxMeters: Double = .infinity, where allowed: ((Int32) -> Bool)? = nil) -> (
        index: Int32, meters: Double
    )? {
        guard !xs.isEmpty else { return nil }
        let k = Self.metresPerDegreeLat
        let px = p.lon * k * cosLat
        let py = p.lat * k
        let cx = Int(((px - originX) / cell).rounded(.down))
        let cy = Int(((py - originY) / cell).rounded(.down))
        var best: Int32 = -1
        var bestD2 = maxMeters.isFinite ? maxMeters * maxMeters : Double.infinity
        // Distance from p to the grid's bounding cells bounds how many rings can matter.
        let maxRing = max(cols, rows) + abs(cx) + abs(cy) + 1
        var ring = 0
        while ring <= maxRing {
            // Any point in ring r is at least (r - 1) * cell away.
            let minDist = Double(max(0, ring - 1)) * cell
            if minDist * minDist > bestD2 { break }
            for gy in (cy - ring)...(cy + ring) where gy >= 0 && gy < rows {
                let onEdgeRow = gy == cy - ring || gy == cy + ring
                var gx = cx - ring
                while gx <= cx + ring {
                    if gx >= 0 && gx < cols {
                        let cellIndex = gy * cols + gx
                        for j in Int(cellStart[cellIndex])..<Int(cellStart[cellIndex + 1]) {
                            let i = cellItems[j]
                            let dx = xs[Int(i)] - px
                            let dy = ys[Int(i)] - py
                            let d2 = dx * dx + dy * dy
                            if d2 < bestD2 || (d2 == bestD2 && best >= 0 && i < best) {
                                if let allowed, !allowed(i) { continue }
                                bestD2 = d2
                                best = i
                            }
                        }
                    }
                    gx += onEdgeRow ? 1 : max(1, 2 * ring)
                }
            }
            ring += 1
        }
        return best >= 0 ? (best, bestD2.squareRoot()) : nil
    }
}
