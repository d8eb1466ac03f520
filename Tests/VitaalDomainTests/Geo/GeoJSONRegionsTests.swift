import Foundation
import Testing

@testable import VitaalDomain

@Suite struct GeoJSONRegionsTests {
    /// Runs `body`, expects a VitaalError and returns its problems.
    func problems(_ body: () throws -> Any) -> [Problem] {
        do {
            _ = try body()
            Issue.record("expected a VitaalError")
            return []
        } catch let error as VitaalError {
            #expect(error.kind == .invalidInput)
            return error.problems
        } catch {
            Issue.record("unexpected error \(error)")
            return []
        }
    }

    func parse(_ text: String) throws -> [RegionFeature] { try GeoJSONRegions.parse(text, file: "gemeenten.geojson") }

    /// A valid closed square ring around (lon, lat) as JSON.
    static func ring(_ lon: Double, _ lat: Double, _ d: Double = 0.1) -> String {
        "[[\(lon),\(lat)],[\(lon + d),\(lat)],[\(lon + d),\(lat + d)],[\(lon),\(lat + d)],[\(lon),\(lat)]]"
    }

    @Test func readsAGoodFile() throws {
        let text = """
            {"type": "FeatureCollection",
             "name": "gemeenten",
             "features": [
              {"type": "Feature", "id": 1,
               "properties": {"statcode": "GM0034", "statnaam": "Almere", "jrstatcode": 2024, "water": false, "rubriek": "gemeente"},
               "geometry": {"type": "Polygon", "coordinates": [\(Self.ring(5.1, 52.3))]}},
              {"type": "Feature",
               "properties": {"code": " GM0184 ", "naam": "Urk", "bron": null, "extra": {"a": [1, 2]}},
               "geometry": {"type": "MultiPolygon", "coordinates": [
                 [[[5.5,52.6],[5.7,52.6],[5.7,52.7],[5.5,52.7],[5.5,52.6]], [[5.55,52.62],[5.6,52.62],[5.6,52.65],[5.55,52.62]]],
                 [\(Self.ring(5.8, 52.6, 0.01))]
               ]}}
             ]}
            """
        let regions = try parse(text)
        #expect(regions.count == 2)
        #expect(regions[0].code == "GM0034" && regions[0].name == "Almere")
        #expect(regions[0].properties == ["jrstatcode": "2024", "water": "false", "rubriek": "gemeente"])
        #expect(regions[0].geometry.polygons.count == 1)
        #expect(regions[0].geometry.contains(GeoPoint(lon: 5.15, lat: 52.35)))
        #expect(!regions[0].isSchematic)
        // code/naam accepted and trimmed; null properties dropped; nested values kept as JSON.
        #expect(regions[1].code == "GM0184" && regions[1].name == "Urk")
        #expect(regions[1].properties == ["extra": "{\"a\":[1,2]}"])
        #expect(regions[1].geometry.polygons.count == 2)
        #expect(regions[1].geometry.polygons[0].holes.count == 1)
        #expect(!regions[1].geometry.contains(GeoPoint(lon: 5.57, lat: 52.625)))  // in the hole
        #expect(regions[1].geometry.contains(GeoPoint(lon: 5.65, lat: 52.65)))
    }

    @Test func readsRDNewWhenTheFileSaysSo() throws {
        let text = """
            {"type": "FeatureCollection",
             "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::28992"}},
             "features": [{"type": "Feature", "properties": {"statcode": "GM0000", "statnaam": "Amersfoort-vierkant"},
               "geometry": {"type": "Polygon", "coordinates": [[[154000, 462000], [156000, 462000], [156000, 464000], [154000, 464000], [154000, 462000]]]}}]}
            """
        let region = try #require(try parse(text).first)
        let amersfoort = GeoPoint(lon: 5.387_206_21, lat: 52.155_174_40)
        #expect(region.geometry.contains(amersfoort))
        #expect(Geo.haversineKm(region.geometry.centroid, amersfoort) < 0.01)
        // 2 km × 2 km.
        #expect(abs(region.geometry.areaKm2 - 4) < 0.05)
    }

    @Test func invalidJSONGivesLineAndColumn() {
        let text = """
            {"type": "FeatureCollection",
             "features": [
              {"type": "Feature" "properties": {}}
             ]}
            """
        let found = problems { try parse(text) }
        #expect(found.count == 1)
        #expect(found.first?.location == SourceLocation(file: "gemeenten.geojson", line: 3, column: 22))
        #expect(found.first?.message.contains("',' of '}' verwacht") == true)
    }

    @Test func invalidJSONAtTheEnd() {
        let found = problems { try parse("{\"type\": \"FeatureCollection\",\n \"features\": [") }
        #expect(found.first?.location.line == 2)
        #expect(found.first?.message.contains("ongeldige JSON") == true)
        let trailing = problems { try parse("{}\n x") }
        #expect(trailing.first?.location == SourceLocation(file: "gemeenten.geojson", line: 2, column: 2))
    }

    @Test func notAFeatureCollection() {
        let found = problems { try parse("{\"type\": \"Feature\", \"properties\": {}, \"geometry\": null}") }
        #expect(found.first?.location.field == "type")
        #expect(found.first?.location.line == 1 && found.first?.location.column == 10)
        #expect(found.first?.message.contains("losse Feature") == true)
        let array = problems { try parse("[1, 2]") }
        #expect(array.first?.message.contains("geen GeoJSON") == true)
    }

    @Test func emptyCollection() {
        let found = problems { try parse("{\"type\": \"FeatureCollection\",\n \"features\": []}") }
        #expect(
            found.first?.location == SourceLocation(file: "gemeenten.geojson", line: 2, column: 14, field: "features"))
        let missing = problems { try parse("{\"type\": \"FeatureCollection\"}") }
        #expect(missing.first?.location.field == "features")
    }

    /// A collection of one good feature followed by `bad` (feature 2), one feature per line.
    private func withBadSecond(_ bad: String) -> String {
        """
        {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"statcode": "GM0034", "statnaam": "Almere"}, "geometry": {"type": "Polygon", "coordinates": [\(Self.ring(5.1, 52.3))]}},
        \(bad)
        ]}
        """
    }

    @Test func missingStatcode() {
        let found = problems {
            try parse(
                withBadSecond(
                    """
                    {"type": "Feature", "properties": {"statnaam": "Urk"}, "geometry": {"type": "Polygon", "coordinates": [\(Self.ring(5.6, 52.6))]}}
                    """))
        }
        #expect(found.count == 1)
        #expect(
            found.first?.location
                == SourceLocation(
                    file: "gemeenten.geojson", line: 3, column: 35, field: "statcode", element: "feature 2"))
        #expect(found.first?.message == "statcode ontbreekt (of code)")
    }

    @Test func emptyStatcode() {
        let found = problems {
            try parse(
                withBadSecond(
                    """
                    {"type": "Feature", "properties": {"statcode": "  ", "statnaam": "Urk"}, "geometry": {"type": "Polygon", "coordinates": [\(Self.ring(5.6, 52.6))]}}
                    """))
        }
        #expect(
            found.first?.location
                == SourceLocation(
                    file: "gemeenten.geojson", line: 3, column: 48, field: "statcode", element: "feature 2"))
        #expect(found.first?.message == "statcode is leeg")
    }

    @Test func missingGeometry() {
        let found = problems {
            try parse(
                withBadSecond(
                    """
                    {"type": "Feature", "properties": {"statcode": "GM0184", "statnaam": "Urk"}, "geometry": null}
                    """))
        }
        #expect(found.first?.location.element == "feature 2")
        #expect(found.first?.location.field == "geometry")
        #expect(found.first?.location.line == 3)
        let absent = problems {
            try parse(
                withBadSecond(
                    "{\"type\": \"Feature\", \"properties\": {\"statcode\": \"GM0184\", \"statnaam\": \"Urk\"}}"))
        }
        #expect(absent.first?.location.field == "geometry")
        #expect(absent.first?.message == "geometrie ontbreekt")
    }

    @Test func pointGeometryIsRejected() {
        let found = problems {
            try parse(
                withBadSecond(
                    """
                    {"type": "Feature", "properties": {"statcode": "GM0184", "statnaam": "Urk"}, "geometry": {"type": "Point", "coordinates": [5.6, 52.66]}}
                    """))
        }
        #expect(
            found.first?.location
                == SourceLocation(
                    file: "gemeenten.geojson", line: 3, column: 99, field: "geometry.type", element: "feature 2"))
        #expect(found.first?.message.contains("\"Point\"") == true)
    }

    @Test func ringWithTooFewPositions() {
        let found = problems {
            try parse(
                withBadSecond(
                    """
                    {"type": "Feature", "properties": {"statcode": "GM0184", "statnaam": "Urk"}, "geometry": {"type": "Polygon", "coordinates": [[[5.6,52.6],[5.7,52.6],[5.6,52.6]]]}}
                    """))
        }
        #expect(
            found.first?.location
                == SourceLocation(
                    file: "gemeenten.geojson", line: 3, column: 126, field: "geometry.coordinates[0]",
                    element: "feature 2"))
        #expect(found.first?.message.contains("3 posities") == true)
    }

    @Test func ringNotClosed() {
        let found = problems {
            try parse(
                withBadSecond(
                    """
                    {"type": "Feature", "properties": {"statcode": "GM0184", "statnaam": "Urk"}, "geometry": {"type": "MultiPolygon", "coordinates": [[\(Self.ring(5.6, 52.6))], [[[5.6,52.6],[5.7,52.6],[5.7,52.7],[5.6,52.7]]]]}}
                    """))
        }
        #expect(found.first?.location.field == "geometry.coordinates[1][0]")
        #expect(found.first?.location.element == "feature 2")
        #expect(found.first?.message.contains("niet gesloten") == true)
    }

    @Test func coordinateNotANumber() {
        let found = problems {
            try parse(
                withBadSecond(
                    """
                    {"type": "Feature", "properties": {"statcode": "GM0184", "statnaam": "Urk"}, "geometry": {"type": "Polygon", "coordinates": [[[5.6,52.6],["5.7",52.6],[5.7,52.7],[5.6,52.6]]]}}
                    """))
        }
        #expect(
            found.first?.location
                == SourceLocation(
                    file: "gemeenten.geojson", line: 3, column: 139, field: "geometry.coordinates[0][1][0]",
                    element: "feature 2"))
        #expect(found.first?.message == "coördinaat is geen getal maar een tekst")
    }

    @Test func coordinatesOutOfRange() {
        // RD metres without a crs member: reported once per feature, with a hint.
        let rd = problems {
            try parse(
                withBadSecond(
                    """
                    {"type": "Feature", "properties": {"statcode": "GM0184", "statnaam": "Urk"}, "geometry": {"type": "Polygon", "coordinates": [[[170000,520000],[171000,520000],[171000,521000],[170000,520000]]]}}
                    """))
        }
        #expect(rd.count == 1)
        #expect(rd.first?.location.field == "geometry.coordinates[0][0]")
        #expect(rd.first?.message.contains("EPSG:28992") == true)
        // A latitude beyond the pole.
        let lat = problems {
            try parse(
                withBadSecond(
                    """
                    {"type": "Feature", "properties": {"statcode": "GM0184", "statnaam": "Urk"}, "geometry": {"type": "Polygon", "coordinates": [[[5.6,52.6],[5.7,92.6],[5.7,52.7],[5.6,52.6]]]}}
                    """))
        }
        #expect(lat.first?.location.field == "geometry.coordinates[0][1]")
        // A number too large for a Double.
        let huge = problems {
            try parse(
                withBadSecond(
                    """
                    {"type": "Feature", "properties": {"statcode": "GM0184", "statnaam": "Urk"}, "geometry": {"type": "Polygon", "coordinates": [[[5.6,52.6],[1e400,52.6],[5.7,52.7],[5.6,52.6]]]}}
                    """))
        }
        #expect(huge.first?.location.field == "geometry.coordinates[0][1][0]")
        #expect(huge.first?.message.contains("te groot") == true)
        // RD declared, but a coordinate far outside the Netherlands.
        let outside = problems {
            try parse(
                """
                {"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "EPSG:28992"}}, "features": [
                {"type": "Feature", "properties": {"statcode": "GM0184", "statnaam": "Urk"}, "geometry": {"type": "Polygon", "coordinates": [[[5.6,52.6],[5.7,52.6],[5.7,52.7],[5.6,52.6]]]}}]}
                """)
        }
        #expect(outside.first?.location.field == "geometry.coordinates[0][0]")
        #expect(outside.first?.message.contains("RD New") == true)
    }

    @Test func duplicateStatcode() {
        let found = problems {
            try parse(
                withBadSecond(
                    """
                    {"type": "Feature", "properties": {"statcode": "GM0034", "statnaam": "Almere-bis"}, "geometry": {"type": "Polygon", "coordinates": [\(Self.ring(5.6, 52.6))]}}
                    """))
        }
        #expect(
            found.first?.location
                == SourceLocation(
                    file: "gemeenten.geojson", line: 3, column: 48, field: "statcode", element: "feature 2"))
        #expect(found.first?.message == "statcode \"GM0034\" komt dubbel voor (ook in feature 1)")
    }

    @Test func unknownCRS() {
        let found = problems {
            try parse(
                """
                {"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "EPSG:3857"}}, "features": []}
                """)
        }
        #expect(found.first?.location.field == "crs")
        #expect(found.first?.message.contains("EPSG:3857") == true)
    }

    @Test func reportsEveryProblemAtOnce() {
        let text = """
            {"type": "FeatureCollection", "features": [
            {"type": "Feature", "properties": {"statnaam": "A"}, "geometry": {"type": "Polygon", "coordinates": [\(Self.ring(5, 52))]}},
            {"type": "Feature", "properties": {"statcode": "GM2", "statnaam": "B"}, "geometry": {"type": "LineString", "coordinates": []}},
            {"type": "Feature", "properties": {"statcode": "GM3"}, "geometry": {"type": "Polygon", "coordinates": [[[5,52],[5.1,52],[5,52]]]}},
            42
            ]}
            """
        do {
            _ = try parse(text)
            Issue.record("expected an error")
        } catch let error as VitaalError {
            let places = error.problems.map { "\($0.location.element ?? "")|\($0.location.field ?? "")" }
            #expect(
                places == [
                    "feature 1|statcode", "feature 2|geometry.type", "feature 3|statnaam",
                    "feature 3|geometry.coordinates[0]", "feature 4|"
                ])
            #expect(error.message.contains("gemeenten.geojson"))
            #expect(error.message.contains("5 fout(en)"))
            // The Dutch place text a user sees.
            #expect(
                error.problems[0].description.hasPrefix(
                    "gemeenten.geojson, regel 2, kolom 35, feature 1 (veld \"statcode\")"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func encodeIsStableAndRoundTrips() throws {
        let regions = [
            RegionFeature(
                code: "GM0002", name: "Twee \"quote\"",
                geometry: GeoMultiPolygon([
                    GeoPolygon(outer: [
                        GeoPoint(lon: 5.123_456_789, lat: 52.1), GeoPoint(lon: 5.2, lat: 52.1),
                        GeoPoint(lon: 5.2, lat: 52.2)
                    ])
                ]),
                properties: ["z": "laatste", "a": "eerste"]),
            RegionFeature(
                code: "GM0001", name: "Één",
                geometry: GeoMultiPolygon([
                    GeoPolygon(outer: [
                        GeoPoint(lon: -0.000_000_1, lat: 0), GeoPoint(lon: 1, lat: 0), GeoPoint(lon: 1, lat: 1),
                        GeoPoint(lon: -0.000_000_1, lat: 0)
                    ])
                ]),
                isSchematic: true, note: "Schets")
        ]
        let text = String(decoding: GeoJSONRegions.encode(regions), as: UTF8.self)
        #expect(
            text == """
                {"type":"FeatureCollection","features":[
                {"type":"Feature","properties":{"statcode":"GM0002","statnaam":"Twee \\"quote\\"","a":"eerste","z":"laatste"},"geometry":{"type":"MultiPolygon","coordinates":[[[[5.123457,52.1],[5.2,52.1],[5.2,52.2],[5.123457,52.1]]]]}},
                {"type":"Feature","properties":{"statcode":"GM0001","statnaam":"Één","schematisch":"true","opmerking":"Schets"},"geometry":{"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1],[0,0]]]]}}
                ]}

                """)
        let back = try GeoJSONRegions.parse(text)
        #expect(back.map(\.code) == ["GM0002", "GM0001"])
        #expect(back[0].properties == ["a": "eerste", "z": "laatste"])
        #expect(back[1].isSchematic && back[1].note == "Schets")
        // Encoding what was read gives the same text again.
        #expect(GeoJSONRegions.encode(back) == Data(text.utf8))
    }
}
