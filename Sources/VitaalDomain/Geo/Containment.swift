import Foundation

extension Geo {
    /// How far `inner` reaches outside `outer`, in km: the largest distance from a vertex of `inner`
    /// that lies outside `outer` to the nearest edge of `outer`; 0 when every vertex lies inside.
    /// Boundaries generalised separately (e.g. CBS wijken and gemeenten, ~100 m) differ by a little;
    /// a value of a few hundred metres means the same border drawn twice, more means another area.
    public static func distanceOutsideKm(_ inner: GeoMultiPolygon, _ outer: GeoMultiPolygon) -> Double {
        let outerEdges = boundaryEdges(outer)
        guard !outerEdges.isEmpty else { return .infinity }
        var worst = 0.0
        for polygon in inner.polygons {
            for p in polygon.outer where !outer.contains(p) {
                worst = max(worst, distanceKm(p, to: outerEdges))
            }
        }
        return worst
    }

    /// Where one region lies with respect to another that should hold it (a wijk in its gemeente).
    public enum Containment: Sendable, Equatable {
        /// Inside, or reaching out by no more than the tolerance (two generalisations of one border).
        case within
        /// Mostly inside (its interior point is), but some vertices lie further out than the
        /// tolerance: worth a warning, e.g. an outer area or water drawn differently in two layers.
        case reachesOut(km: Double)
        /// Its interior point lies outside, further than the tolerance: another area.
        case outside(km: Double)
    }

    /// Checks that `inner` lies within `outer`, allowing `toleranceKm` for separately generalised
    /// layers (CBS's generalised wijken and gemeenten differ by up to about 200 m).
    public static func containment(
        _ inner: GeoMultiPolygon, in outer: GeoMultiPolygon, toleranceKm: Double = 0.2
    ) -> Containment {
        let reach = distanceOutsideKm(inner, outer)
        if reach <= toleranceKm { return .within }
        let interior = inner.labelPoint
        if !outer.contains(interior), distanceKm(interior, to: boundaryEdges(outer)) > toleranceKm {
            return .outside(km: reach)
        }
        return .reachesOut(km: reach)
    }

    static func boundaryEdges(_ region: GeoMultiPolygon) -> [(GeoPoint, GeoPoint)] {
        region.polygons.flatMap { polygon in ([polygon.outer] + polygon.holes).flatMap { edges($0) } }
    }

    static func distanceKm(_ p: GeoPoint, to edges: [(GeoPoint, GeoPoint)]) -> Double {
        edges.reduce(Double.infinity) { min($0, distanceToSegmentKm(p, $1.0, $1.1)) }
    }

    /// Distance in km from `p` to the segment a–b (local equirectangular frame around `p`).
    static func distanceToSegmentKm(_ p: GeoPoint, _ a: GeoPoint, _ b: GeoPoint) -> Double {
        let kx = kmPerDegreeLat * cos(p.lat * Double.pi / 180)
        let ky = kmPerDegreeLat
        let ax = (a.lon - p.lon) * kx
        let ay = (a.lat - p.lat) * ky
        let bx = (b.lon - p.lon) * kx
        let by = (b.lat - p.lat) * ky
        let dx = bx - ax
        let dy = by - ay
        let length2 = dx * dx + dy * dy
        let t = length2 == 0 ? 0 : max(0, min(1, -(ax * dx + ay * dy) / length2))
        let cx = ax + t * dx
        let cy = ay + t * dy
        return (cx * cx + cy * cy).squareRoot()
    }
}
