import Foundation

/// A position in WGS84 degrees (GeoJSON order: longitude first).
public struct GeoPoint: Sendable, Hashable, Codable {
    public var lon: Double
    public var lat: Double
    public init(lon: Double, lat: Double) {
        self.lon = lon
        self.lat = lat
    }
}

/// The smallest lon/lat rectangle around some points.
public struct GeoBoundingBox: Sendable, Hashable, Codable {
    public var minLon: Double
    public var minLat: Double
    public var maxLon: Double
    public var maxLat: Double

    public init(minLon: Double, minLat: Double, maxLon: Double, maxLat: Double) {
        self.minLon = minLon
        self.minLat = minLat
        self.maxLon = maxLon
        self.maxLat = maxLat
    }

    /// The box around `points`, or nil when there are none.
    public init?<S: Sequence>(points: S) where S.Element == GeoPoint {
        var iterator = points.makeIterator()
        guard let first = iterator.next() else { return nil }
        var box = GeoBoundingBox(minLon: first.lon, minLat: first.lat, maxLon: first.lon, maxLat: first.lat)
        while let p = iterator.next() { box.include(p) }
        self = box
    }

    public mutating func include(_ p: GeoPoint) {
        minLon = Swift.min(minLon, p.lon)
        maxLon = Swift.max(maxLon, p.lon)
        minLat = Swift.min(minLat, p.lat)
        maxLat = Swift.max(maxLat, p.lat)
    }

    public func union(_ other: GeoBoundingBox) -> GeoBoundingBox {
        GeoBoundingBox(
            minLon: Swift.min(minLon, other.minLon), minLat: Swift.min(minLat, other.minLat),
            maxLon: Swift.max(maxLon, other.maxLon), maxLat: Swift.max(maxLat, other.maxLat))
    }

    /// The union of several boxes, or nil when there are none.
    public static func union<S: Sequence>(_ boxes: S) -> GeoBoundingBox? where S.Element == GeoBoundingBox {
        boxes.reduce(nil as GeoBoundingBox?) { $0?.union($1) ?? $1 }
    }

    public func contains(_ p: GeoPoint) -> Bool {
        p.lon >= minLon && p.lon <= maxLon && p.lat >= minLat && p.lat <= maxLat
    }

    public var center: GeoPoint { GeoPoint(lon: (minLon + maxLon) / 2, lat: (minLat + maxLat) / 2) }

    /// Grown by `fraction` of its size on every side (at least a tiny amount, so a single point has area).
    public func expanded(by fraction: Double) -> GeoBoundingBox {
        let dLon = Swift.max((maxLon - minLon) * fraction, 1e-6)
        let dLat = Swift.max((maxLat - minLat) * fraction, 1e-6)
        return GeoBoundingBox(
            minLon: minLon - dLon, minLat: minLat - dLat, maxLon: maxLon + dLon, maxLat: maxLat + dLat)
    }
}

/// One polygon: an outer ring and zero or more holes. Rings are stored closed or open; both work.
public struct GeoPolygon: Sendable, Hashable, Codable {
    public var outer: [GeoPoint]
    public var holes: [[GeoPoint]]
    public init(outer: [GeoPoint], holes: [[GeoPoint]] = []) {
        self.outer = outer
        self.holes = holes
    }

    public var boundingBox: GeoBoundingBox? { GeoBoundingBox(points: outer) }

    /// Even-odd test: inside the outer ring and in no hole. Points exactly on an edge may go either way.
    public func contains(_ p: GeoPoint) -> Bool {
        guard Geo.ringContains(outer, p) else { return false }
        return !holes.contains { Geo.ringContains($0, p) }
    }

    /// Area in km², outer ring minus holes (local equirectangular approximation, fine for regions).
    public var areaKm2: Double {
        let lat0 = (boundingBox?.center.lat ?? 0)
        let outerArea = abs(Geo.signedArea(outer, lat0: lat0))
        let holeArea = holes.reduce(0) { $0 + abs(Geo.signedArea($1, lat0: lat0)) }
        return Swift.max(0, outerArea - holeArea) * Geo.kmPerDegreeLat * Geo.kmPerDegreeLat
    }

    /// Area-weighted centroid (holes subtracted). Falls back to the mean vertex for degenerate rings.
    public var centroid: GeoPoint {
        let (c, _) = Geo.centroidAndArea(rings: [(outer, 1.0)] + holes.map { ($0, -1.0) })
        return c
    }
}

/// One or more polygons that together form a region (e.g. a municipality with islands).
public struct GeoMultiPolygon: Sendable, Hashable, Codable {
    public var polygons: [GeoPolygon]
    public init(_ polygons: [GeoPolygon]) { self.polygons = polygons }

    public var boundingBox: GeoBoundingBox? { GeoBoundingBox.union(polygons.compactMap(\.boundingBox)) }
    public func contains(_ p: GeoPoint) -> Bool { polygons.contains { $0.contains(p) } }
    public var areaKm2: Double { polygons.reduce(0) { $0 + $1.areaKm2 } }

    /// Area-weighted centroid of all polygons.
    public var centroid: GeoPoint {
        var rings: [([GeoPoint], Double)] = []
        for polygon in polygons {
            rings.append((polygon.outer, 1))
            rings += polygon.holes.map { ($0, -1) }
        }
        return Geo.centroidAndArea(rings: rings).centroid
    }

    /// A point guaranteed inside the largest polygon, for a label: the centroid when it lies inside,
    /// otherwise the middle of the widest inside stretch on the horizontal line through the centroid.
    public var labelPoint: GeoPoint {
        guard let largest = polygons.max(by: { $0.areaKm2 < $1.areaKm2 }) else { return GeoPoint(lon: 0, lat: 0) }
        let c = largest.centroid
        if largest.contains(c) { return c }
        var xs: [Double] = []
        for ring in [largest.outer] + largest.holes {
            for (a, b) in Geo.edges(ring) where (a.lat > c.lat) != (b.lat > c.lat) {
                xs.append(a.lon + (c.lat - a.lat) / (b.lat - a.lat) * (b.lon - a.lon))
            }
        }
        xs.sort()
        var best: (Double, Double)?
        var i = 0
        while i + 1 < xs.count {
            if best == nil || xs[i + 1] - xs[i] > best!.1 - best!.0 { best = (xs[i], xs[i + 1]) }
            i += 2
        }
        if let best { return GeoPoint(lon: (best.0 + best.1) / 2, lat: c.lat) }
        return c
    }
}

/// Plain geometry helpers in WGS84 degrees.
public enum Geo {
    /// Mean Earth radius (IUGG), km.
    public static let earthRadiusKm = 6371.0088
    /// Length of one degree of latitude on the mean sphere, km.
    public static let kmPerDegreeLat = earthRadiusKm * Double.pi / 180

    /// Great-circle distance in km (haversine formula).
    public static func haversineKm(_ a: GeoPoint, _ b: GeoPoint) -> Double {
        let rad = Double.pi / 180
        let dLat = (b.lat - a.lat) * rad
        let dLon = (b.lon - a.lon) * rad
        let h = sin(dLat / 2) * sin(dLat / 2) + cos(a.lat * rad) * cos(b.lat * rad) * sin(dLon / 2) * sin(dLon / 2)
        return 2 * earthRadiusKm * asin(min(1, sqrt(h)))
    }

    /// Edges of a ring, closing it if the last point is not the first.
    static func edges(_ ring: [GeoPoint]) -> [(GeoPoint, GeoPoint)] {
        guard ring.count >= 2 else { return [] }
        var result = zip(ring, ring.dropFirst()).map { ($0, $1) }
        if ring.first != ring.last { result.append((ring[ring.count - 1], ring[0])) }
        return result
    }

    /// Ray casting (even-odd rule) on one ring.
    static func ringContains(_ ring: [GeoPoint], _ p: GeoPoint) -> Bool {
        var inside = false
        for (a, b) in edges(ring) where (a.lat > p.lat) != (b.lat > p.lat) {
            let x = a.lon + (p.lat - a.lat) / (b.lat - a.lat) * (b.lon - a.lon)
            if p.lon < x { inside.toggle() }
        }
        return inside
    }

    /// Shoelace area in "scaled degrees²" (x = lon·cos(lat0), y = lat); positive when counter-clockwise.
    static func signedArea(_ ring: [GeoPoint], lat0: Double) -> Double {
        let k = cos(lat0 * Double.pi / 180)
        var sum = 0.0
        for (a, b) in edges(ring) { sum += (a.lon * k) * b.lat - (b.lon * k) * a.lat }
        return sum / 2
    }

    /// Centroid of rings with weights (+1 outer, -1 hole) in a local equirectangular frame.
    static func centroidAndArea(rings: [([GeoPoint], Double)]) -> (centroid: GeoPoint, area: Double) {
        let all = rings.flatMap(\.0)
        guard !all.isEmpty else { return (GeoPoint(lon: 0, lat: 0), 0) }
        let lat0 = all.reduce(0) { $0 + $1.lat } / Double(all.count)
        let lon0 = all.reduce(0) { $0 + $1.lon } / Double(all.count)
        let k = cos(lat0 * Double.pi / 180)
        var area = 0.0
        var cx = 0.0
        var cy = 0.0
        for (ring, weight) in rings {
            var a = 0.0
            var x = 0.0
            var y = 0.0
            for (p, q) in edges(ring) {
                let px = (p.lon - lon0) * k
                let py = p.lat - lat0
                let qx = (q.lon - lon0) * k
                let qy = q.lat - lat0
                let cross = px * qy - qx * py
                a += cross
                x += (px + qx) * cross
                y += (py + qy) * cross
            }
            // Orientation-independent: each ring counts with the sign of its weight.
            let s = a < 0 ? -weight : weight
            area += s * a / 2
            cx += s * x / 6
            cy += s * y / 6
        }
        guard abs(area) > 1e-15 else { return (GeoPoint(lon: lon0, lat: lat0), 0) }
        return (GeoPoint(lon: lon0 + cx / area / k, lat: lat0 + cy / area), abs(area))
    }
}
