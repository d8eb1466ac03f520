import VitaalDomain
import XCTVapor
import XCTest

@testable import AcuteCareFeature
@testable import AppCore

/// `vitaal acute-care coverage`: output shape, and bad input refused with the place named.
final class AcuteCareCommandTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("acute-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func file(_ name: String, _ text: String) throws -> String {
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// A straight primary road near Lelystad: 5.40 → 5.50 (≈ 6.8 km, 305 s at 80 km/h) → 5.80 (≈ 20.3 km more).
    static let roadsGeoJSON = #"""
        {"type":"FeatureCollection","features":[
         {"type":"Feature","id":"n1","properties":{"highway":"primary"},"geometry":{"type":"LineString","coordinates":[[5.40,52.50],[5.50,52.50],[5.80,52.50]]}}
        ]}
        """#
    static let roadsOSM = """
        <?xml version="1.0" encoding="UTF-8"?>
        <osm version="0.6">
          <node id="1" lat="52.50" lon="5.40"/>
          <node id="2" lat="52.50" lon="5.50"/>
          <node id="3" lat="52.50" lon="5.80"/>
          <way id="10"><nd ref="1"/><nd ref="2"/><nd ref="3"/><tag k="highway" v="primary"/></way>
        </osm>
        """
    static let posts = "id,lat,lon\nlelystad,52.50,5.40\n"
    static let demand = "id,lat,lon,population\nd1,52.50,5.40,100\nd2,52.50,5.50,200\nd3,52.50,5.80,50\n"

    func run(
        roads: String? = nil, posts: String? = nil, demand: String? = nil, norm: String? = nil, dispatch: String? = nil,
        speeds: String? = nil, rides: String? = nil, json: Bool = true
    ) throws -> String {
        try AcuteCareCoverageCommand.run(
            roads: try roads ?? file("wegen.geojson", Self.roadsGeoJSON),
            posts: try posts ?? file("posten.csv", Self.posts),
            demand: try demand ?? file("vraag.csv", Self.demand), norm: norm, dispatch: dispatch,
            speeds: speeds, rides: rides, json: json)
    }

    struct Output: Decodable {
        struct Point: Decodable {
            var id: String
            var post: String?
            var minutes: Double?
            var band: String
        }
        var population: Double
        var covered: Double
        var share: Double
        var points: [Point]
    }

    func testJSONOutputHasTheAgreedShapeForGeoJSONAndOSM() throws {
        // d4 lies 33 km north of the only road: the one place without a time.
        let demand = try file("vraag-ver.csv", Self.demand + "d4,52.80,5.40,20\n")
        for roads in [try file("wegen.geojson", Self.roadsGeoJSON), try file("wegen.osm", Self.roadsOSM)] {
            let text = try run(roads: roads, demand: demand)
            let out = try JSONDecoder().decode(Output.self, from: Data(text.utf8))
            XCTAssertEqual(out.population, 370)
            XCTAssertEqual(out.covered, 300)
            XCTAssertEqual(out.share, 300.0 / 370.0, accuracy: 1e-6)
            XCTAssertEqual(out.points.map(\.id), ["d1", "d2", "d3", "d4"])
            XCTAssertEqual(out.points[0].post, "lelystad")
            XCTAssertEqual(out.points[0].minutes, 3, "dispatch only")
            // 6.77 km at 80 km/h ≈ 305 s, plus 180 s dispatch.
            XCTAssertEqual(out.points[1].minutes ?? 0, (180 + 305) / 60, accuracy: 0.05)
            // d3 lies beyond the norm and still gets its time and post: 27.1 km at 80 km/h ≈ 1,219 s + 180 s.
            XCTAssertEqual(out.points[2].post, "lelystad")
            XCTAssertEqual(out.points[2].minutes ?? 0, (180 + 1219) / 60, accuracy: 0.05)
            XCTAssertEqual(out.points.map(\.band), ["le15", "le15", "20-30", "noRoad"])
            XCTAssertNil(out.points[3].post)
            XCTAssertNil(out.points[3].minutes)
            // Nulls are written, not left out.
            XCTAssertTrue(text.contains(#""post":null"#), text)
        }
    }

    func testNormDispatchAndSpeedOptionsChangeTheResult() throws {
        // A 30-minute norm reaches d3 (≈ 3 + 5.1 + 15.2 min).
        let wide = try JSONDecoder().decode(Output.self, from: Data(try run(norm: "30").utf8))
        XCTAssertEqual(wide.covered, 350)
        // Slower primary roads: d2 takes twice as long.
        let slow = try JSONDecoder().decode(
            Output.self, from: Data(try run(speeds: try file("snelheden.csv", "wegklasse,kmh\nprimary,40\n")).utf8))
        XCTAssertEqual(slow.points[1].minutes ?? 0, (180 + 610) / 60, accuracy: 0.05)
        let noDispatch = try JSONDecoder().decode(Output.self, from: Data(try run(dispatch: "0").utf8))
        XCTAssertEqual(noDispatch.points[0].minutes, 0)
        // Text output and rides give the Dutch summary and ambulances per post.
        let text = try run(rides: "2000", json: false)
        XCTAssertTrue(text.contains("Binnen 15 minuten bereikbaar: 85,7% van de inwoners"), text)
        XCTAssertTrue(text.contains("Ambulances nodig"), text)
        XCTAssertTrue(text.contains("d3 (50; 23,3 min vanaf lelystad)"), text)
        XCTAssertTrue(text.contains("Beste volgende post: "), text)
        let withRides = try run(rides: "2000")
        XCTAssertTrue(withRides.contains(#""ambulances":"#), withRides)
        // With a ride volume: expected coverage (MEXCLP) and the best next post.
        struct Model: Decodable {
            struct Expected: Decodable {
                var busyFraction: Double
                var share: Double
            }
            struct Next: Decodable {
                var demandPointId: String
                var gain: Double
            }
            var expected: Expected
            var nextPost: Next
        }
        let model = try JSONDecoder().decode(Model.self, from: Data(withRides.utf8))
        XCTAssertGreaterThan(model.expected.busyFraction, 0)
        XCTAssertLessThan(model.expected.share, 300.0 / 350.0)
        // Only d3 lies outside the norm: a post there gains its 50 residents times (1 − q).
        XCTAssertEqual(model.nextPost.demandPointId, "d3")
        XCTAssertEqual(model.nextPost.gain, 50 * (1 - model.expected.busyFraction), accuracy: 1e-6)
    }

    /// Every bad input: a VitaalError whose text names the file and the place (line, element or option).
    func testBadInputIsRefusedNamingThePlace() throws {
        let cases: [(String, () throws -> String, [String])] = [
            (
                "OSM not XML", { try self.run(roads: try self.file("kapot.osm", "dit is geen xml")) },
                ["kapot.osm", "geen geldig OpenStreetMap-XML"]
            ),
            (
                "OSM way with missing node",
                {
                    try self.run(
                        roads: try self.file(
                            "gat.osm",
                            Self.roadsOSM.replacingOccurrences(of: #"<nd ref="3"/>"#, with: #"<nd ref="99"/>"#)))
                },
                ["gat.osm", "way 10", "ontbrekende node 99", "regel"]
            ),
            (
                "GeoJSON point",
                {
                    try self.run(
                        roads: try self.file(
                            "punt.geojson",
                            #"{"type":"FeatureCollection","features":[{"type":"Feature","id":"p1","properties":{"highway":"primary"},"geometry":{"type":"Point","coordinates":[5.4,52.5]}}]}"#
                        ))
                },
                ["punt.geojson", "feature 0", "Point is geen lijn"]
            ),
            (
                "demand outside NL",
                {
                    try self.run(
                        demand: try self.file(
                            "parijs.csv", "id,lat,lon,population\nd1,52.50,5.40,100\nparijs,48.85,2.35,1000\n"))
                },
                ["parijs.csv", "regel 3", "buiten Nederland"]
            ),
            (
                "post outside NL",
                { try self.run(posts: try self.file("posten-fout.csv", "id,lat,lon\nberlijn,52.52,13.40\n")) },
                ["posten-fout.csv", "regel 2", "buiten Nederland"]
            ),
            (
                "post not reachable",
                {
                    try self.run(
                        posts: try self.file("posten-ver.csv", "id,lat,lon\nlelystad,52.50,5.40\nmeer,52.60,5.40\n"))
                },
                ["post meer", "niet bereikbaar"]
            ),
            ("norm zero", { try self.run(norm: "0") }, ["--norm-minutes", "groter zijn dan 0"]),
            ("norm negative", { try self.run(norm: "-5") }, ["--norm-minutes"]),
            ("norm not a number", { try self.run(norm: "vijftien") }, ["--norm-minutes", "geen getal"]),
            ("dispatch above norm", { try self.run(norm: "5", dispatch: "6") }, ["--dispatch-minutes"]),
            ("negative rides", { try self.run(rides: "-100") }, ["--rides-per-year", "niet negatief"]),
            (
                "bad speed line",
                { try self.run(speeds: try self.file("snel.csv", "wegklasse,kmh\nprimary,80\nfietspad,20\n")) },
                ["snel.csv", "regel 3", "fietspad"]
            ),
            ("unknown road format", { try self.run(roads: try self.file("wegen.shp", "x")) }, ["wegen.shp", ".osm"]),
            (
                "missing file", { try self.run(posts: self.dir.appendingPathComponent("bestaat-niet.csv").path) },
                ["bestaat-niet.csv", "niet gevonden"]
            )
        ]
        for (name, body, expected) in cases {
            do {
                _ = try body()
                XCTFail("\(name): accepted")
            } catch let error as VitaalError {
                XCTAssertEqual(error.kind, .invalidInput, name)
                for word in expected {
                    XCTAssertTrue(
                        error.description.contains(word), "\(name): \"\(error.description)\" should contain \(word)")
                }
            }
        }
    }

    /// The command is registered as `vitaal acute-care coverage` and errors leave the process with an error.
    func testCommandIsRegisteredUnderAcuteCareGroup() async throws {
        try await TestApp.with { app in
            let roads = try file("wegen.geojson", Self.roadsGeoJSON)
            let posts = try file("posten.csv", Self.posts)
            let demand = try file("vraag.csv", Self.demand)
            try await app.execute(command: [
                "vitaal", "acute-care", "coverage", "--roads", roads, "--posts", posts, "--demand", demand, "--json"
            ])
            do {
                try await app.execute(command: [
                    "vitaal", "acute-care", "coverage", "--roads", roads, "--posts", posts, "--demand", demand,
                    "--norm-minutes", "0", "--json"
                ])
                XCTFail("norm 0 accepted")
            } catch let error as VitaalError {
                XCTAssertTrue(error.description.contains("--norm-minutes"), error.description)
            }
        }
    }
}
