import Foundation
import Testing

@testable import VitaalDomain

@Suite struct SchematicOutlinesTests {
    let outlines = SchematicOutlines.flevoland

    @Test func sixMarkedMunicipalities() {
        #expect(Set(outlines.map(\.code)) == ["GM0034", "GM0995", "GM0303", "GM0171", "GM0050", "GM0184"])
        for region in outlines {
            #expect(region.isSchematic)
            #expect(region.note == "Schematische omtrek, geen officiële grens")
            let ring = region.geometry.polygons[0].outer
            #expect(ring.first == ring.last, "\(region.name) ring is closed")
            #expect((8...25).contains(ring.count - 1), "\(region.name) has \(ring.count - 1) vertices")
        }
    }

    @Test func townCentresLieInTheirOwnOutlineOnly() throws {
        let towns: [(String, Double, Double)] = [
            ("GM0034", 52.37, 5.22),  // Almere
            ("GM0995", 52.51, 5.47),  // Lelystad
            ("GM0303", 52.525, 5.72),  // Dronten
            ("GM0171", 52.71, 5.75),  // Emmeloord
            ("GM0050", 52.33, 5.54),  // Zeewolde
            ("GM0184", 52.66, 5.60)  // Urk
        ]
        for (code, lat, lon) in towns {
            let p = GeoPoint(lon: lon, lat: lat)
            let containing = outlines.filter { $0.geometry.contains(p) }.map(\.code)
            #expect(containing == [code], "\(lat), \(lon) lies in \(containing)")
        }
        for (name, lat, lon) in [
            ("Amsterdam", 52.37, 4.90), ("Harderwijk", 52.342, 5.62), ("Elburg", 52.447, 5.835),
            ("Kampen", 52.555, 5.91), ("Lemmer", 52.845, 5.71), ("Nijkerk", 52.22, 5.48)
        ] {
            let p = GeoPoint(lon: lon, lat: lat)
            #expect(!outlines.contains { $0.geometry.contains(p) }, "\(name) lies in no Flevoland outline")
        }
    }

    @Test func neighboursShareBorderEdges() {
        func edges(_ code: String) -> Set<[Double]> {
            let ring = outlines.first { $0.code == code }!.geometry.polygons[0].outer
            return Set(zip(ring, ring.dropFirst()).map { [$0.lon, $0.lat, $1.lon, $1.lat] })
        }
        func reversed(_ e: [Double]) -> [Double] { [e[2], e[3], e[0], e[1]] }
        let neighbours = [
            ("GM0034", "GM0995"), ("GM0034", "GM0050"), ("GM0995", "GM0050"), ("GM0995", "GM0303"),
            ("GM0303", "GM0050"), ("GM0171", "GM0184")
        ]
        for (a, b) in neighbours {
            let shared = edges(a).filter { edges(b).contains(reversed($0)) }
            #expect(!shared.isEmpty, "\(a) and \(b) share a border")
        }
    }

    @Test func noOverlapsAndNoGapsInsideThePolders() throws {
        // No point of a fine grid lies in two outlines.
        let box = try #require(GeoBoundingBox.union(outlines.compactMap(\.geometry.boundingBox)))
        var inAny = 0
        for i in 0...120 {
            for j in 0...120 {
                let p = GeoPoint(
                    lon: box.minLon + (box.maxLon - box.minLon) * Double(i) / 120 + 1e-7,
                    lat: box.minLat + (box.maxLat - box.minLat) * Double(j) / 120 + 1e-7)
                let n = outlines.filter { $0.geometry.contains(p) }.count
                #expect(n <= 1, "\(p) lies in \(n) outlines")
                if n == 1 { inAny += 1 }
            }
        }
        #expect(inAny > 1000)
        // Points just either side of every inner border vertex fall in some municipality (no slivers).
        let flevopolder = ["GM0034", "GM0995", "GM0303", "GM0050"]
        let triple = GeoPoint(lon: 5.370, lat: 52.400)
        for d in [(0.002, 0.0), (-0.002, 0.0), (0.0, 0.002), (0.0, -0.002)] {
            let p = GeoPoint(lon: triple.lon + d.0, lat: triple.lat + d.1)
            #expect(outlines.filter { flevopolder.contains($0.code) && $0.geometry.contains(p) }.count == 1)
        }
    }

    @Test func areasArePlausible() {
        let area = Dictionary(uniqueKeysWithValues: outlines.map { ($0.code, $0.geometry.areaKm2) })
        // Land areas (CBS): NOP ~460, Dronten ~333, Zeewolde ~248, Lelystad ~230, Almere ~130, Urk ~11 km².
        #expect(area["GM0171"]! > area["GM0303"]!)
        #expect(area["GM0184"]! < 30)
        #expect(area.values.allSatisfy { $0 > 5 && $0 < 700 })
    }

    @Test func geoJSONTextRoundTrips() throws {
        let parsed = try GeoJSONRegions.parse(SchematicOutlines.flevolandGeoJSON, file: "schematisch")
        #expect(parsed == outlines)
    }
}
