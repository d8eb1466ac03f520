import Foundation
import Testing

@testable import VitaalDomain

@Suite struct GeoTypesTests {
    // A 2×2 degree square at the equator with a 1×1 hole in the middle.
    let square = [
        GeoPoint(lon: 0, lat: 0), GeoPoint(lon: 2, lat: 0), GeoPoint(lon: 2, lat: 2), GeoPoint(lon: 0, lat: 2),
        GeoPoint(lon: 0, lat: 0)
    ]
    let hole = [
        GeoPoint(lon: 0.5, lat: 0.5), GeoPoint(lon: 0.5, lat: 1.5), GeoPoint(lon: 1.5, lat: 1.5),
        GeoPoint(lon: 1.5, lat: 0.5), GeoPoint(lon: 0.5, lat: 0.5)
    ]

    @Test func pointInPolygonWithHole() {
        let polygon = GeoPolygon(outer: square, holes: [hole])
        #expect(polygon.contains(GeoPoint(lon: 0.2, lat: 0.2)))
        #expect(polygon.contains(GeoPoint(lon: 1.8, lat: 1.0)))
        #expect(!polygon.contains(GeoPoint(lon: 1.0, lat: 1.0)))  // in the hole
        #expect(!polygon.contains(GeoPoint(lon: 2.5, lat: 1.0)))  // outside
        #expect(!polygon.contains(GeoPoint(lon: -0.1, lat: -0.1)))
        // Open rings (last point not repeated) work the same.
        #expect(GeoPolygon(outer: Array(square.dropLast())).contains(GeoPoint(lon: 1, lat: 1)))
    }

    @Test func concavePolygon() {
        // A "U" shape: the notch between the arms is outside.
        let u = GeoPolygon(outer: [
            GeoPoint(lon: 0, lat: 0), GeoPoint(lon: 3, lat: 0), GeoPoint(lon: 3, lat: 3), GeoPoint(lon: 2, lat: 3),
            GeoPoint(lon: 2, lat: 1), GeoPoint(lon: 1, lat: 1), GeoPoint(lon: 1, lat: 3), GeoPoint(lon: 0, lat: 3)
        ])
        #expect(!u.contains(GeoPoint(lon: 1.5, lat: 2)))
        #expect(u.contains(GeoPoint(lon: 0.5, lat: 2)))
        #expect(u.contains(GeoPoint(lon: 1.5, lat: 0.5)))
        // The centroid of a U lies in the notch; the label point must not.
        let multi = GeoMultiPolygon([u])
        #expect(multi.contains(multi.labelPoint))
    }

    @Test func areaAndCentroid() {
        let kmPerDegree = Geo.kmPerDegreeLat
        let polygon = GeoPolygon(outer: square)
        // At the equator a degree of longitude is (almost) as long as a degree of latitude.
        #expect(abs(polygon.areaKm2 - 4 * kmPerDegree * kmPerDegree * cos(Double.pi / 180)) < 1)
        let withHole = GeoPolygon(outer: square, holes: [hole])
        #expect(abs(withHole.areaKm2 / polygon.areaKm2 - 0.75) < 1e-3)
        #expect(abs(polygon.centroid.lon - 1) < 1e-9 && abs(polygon.centroid.lat - 1) < 1e-9)
        // Clockwise and counter-clockwise rings give the same result.
        let reversed = GeoPolygon(outer: square.reversed())
        #expect(abs(reversed.areaKm2 - polygon.areaKm2) < 1e-6)
        // A hole on one side pulls the centroid to the other side.
        let sideHole = [
            GeoPoint(lon: 1.2, lat: 0.5), GeoPoint(lon: 1.8, lat: 0.5), GeoPoint(lon: 1.8, lat: 1.5),
            GeoPoint(lon: 1.2, lat: 1.5)
        ]
        #expect(GeoPolygon(outer: square, holes: [sideHole]).centroid.lon < 1)
        // Multipolygon: two equal squares → centroid halfway.
        let shifted = square.map { GeoPoint(lon: $0.lon + 4, lat: $0.lat) }
        let multi = GeoMultiPolygon([GeoPolygon(outer: square), GeoPolygon(outer: shifted)])
        #expect(abs(multi.centroid.lon - 3) < 1e-6)
        #expect(abs(multi.areaKm2 - 2 * polygon.areaKm2) < 1e-6)
    }

    @Test func boundingBox() throws {
        let box = try #require(GeoBoundingBox(points: square + [GeoPoint(lon: -1, lat: 5)]))
        #expect(box == GeoBoundingBox(minLon: -1, minLat: 0, maxLon: 2, maxLat: 5))
        #expect(box.contains(GeoPoint(lon: 0, lat: 4)))
        #expect(!box.contains(GeoPoint(lon: 3, lat: 4)))
        #expect(GeoBoundingBox(points: [GeoPoint]()) == nil)
        let u = box.union(GeoBoundingBox(minLon: 1, minLat: -2, maxLon: 6, maxLat: 1))
        #expect(u == GeoBoundingBox(minLon: -1, minLat: -2, maxLon: 6, maxLat: 5))
    }

    @Test func haversine() {
        let amsterdam = GeoPoint(lon: 4.9041, lat: 52.3676)
        let rotterdam = GeoPoint(lon: 4.4777, lat: 51.9244)
        #expect(abs(Geo.haversineKm(amsterdam, rotterdam) - 57.1) < 0.5)
        #expect(Geo.haversineKm(amsterdam, amsterdam) == 0)
        // One degree of latitude along a meridian.
        #expect(abs(Geo.haversineKm(GeoPoint(lon: 5, lat: 52), GeoPoint(lon: 5, lat: 53)) - 111.195) < 0.01)
        // Symmetric.
        #expect(abs(Geo.haversineKm(rotterdam, amsterdam) - Geo.haversineKm(amsterdam, rotterdam)) < 1e-12)
    }

    @Test func rdToWGS84() {
        // The reference point: Amersfoort, RD (155000, 463000).
        let amersfoort = RDNew.toWGS84(x: 155_000, y: 463_000)
        let reference = GeoPoint(lon: 5.387_206_21, lat: 52.155_174_40)
        #expect(Geo.haversineKm(amersfoort, reference) * 1000 < 1)
        // A point in Flevoland (near Lelystad, RD ≈ 160000, 502000) lands near 52.5 N, 5.46 E.
        let lelystad = RDNew.toWGS84(x: 160_000, y: 502_000)
        #expect(abs(lelystad.lat - 52.506) < 0.01 && abs(lelystad.lon - 5.46) < 0.02)
        // West and south of Amersfoort the offsets have the right sign.
        let sw = RDNew.toWGS84(x: 120_000, y: 430_000)
        #expect(sw.lon < reference.lon && sw.lat < reference.lat)
    }
}
