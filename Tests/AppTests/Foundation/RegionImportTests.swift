import Fluent
import VitaalDomain
import XCTVapor
import XCTest

@testable import AppCore

final class RegionImportTests: XCTestCase {
    static func feature(_ code: String, _ name: String, parent: String? = nil, geometry: String? = nil) -> String {
        let props =
            ["\"statcode\":\"\(code)\"", "\"statnaam\":\"\(name)\""] + (parent.map { ["\"parent\":\"\($0)\""] } ?? [])
        let geom =
            geometry
            ?? #"{"type":"Polygon","coordinates":[[[5.40,52.50],[5.45,52.50],[5.45,52.53],[5.40,52.53],[5.40,52.50]]]}"#
        return #"{"type":"Feature","properties":{\#(props.joined(separator: ","))},"geometry":\#(geom)}"#
    }
    static func collection(_ features: String...) -> String {
        #"{"type":"FeatureCollection","features":[\#(features.joined(separator: ",\n"))]}"#
    }

    func importFile(_ app: Application, _ text: String, name: String = "test.geojson") async throws -> String {
        try await RegionImporter.importGeoJSON(
            Data(text.utf8), fileName: name, on: app.db, user: nil, actor: "test",
            now: app.clock.now())
    }

    func testGoodFileUpdatesAndAddsRegions() async throws {
        try await TestApp.with { app in
            try await TestApp.seedFoundation(app)
            let file = Self.collection(
                Self.feature("GM0995", "Lelystad"), Self.feature("WK099599", "Lelystad-Proef"),
                Self.feature("BU09959901", "Proef-Noord"))
            let summary = try await importFile(app, file)
            XCTAssertTrue(summary.contains("2 nieuw, 1 bijgewerkt"), summary)
            let lelystad = try await Region.query(on: app.db).filter(\.$code == "GM0995").first()!
            XCTAssertFalse(lelystad.geometrySchematic, "an imported boundary is no longer schematic")
            let wijk = try await Region.query(on: app.db).filter(\.$code == "WK099599").with(\.$parent).first()!
            XCTAssertEqual(wijk.parent?.code, "GM0995")
            let buurt = try await Region.query(on: app.db).filter(\.$code == "BU09959901").with(\.$parent).first()!
            XCTAssertEqual(buurt.parent?.code, "WK099599")
            let audit = try await AuditEntry.query(on: app.db).filter(\.$entity == "regio").count()
            XCTAssertEqual(audit, 1)
        }
    }

    /// Each bad file is refused with a message naming the place, and nothing is written.
    func testBadFilesAreRefusedWithTheirPlaceAndWriteNothing() async throws {
        let huge =
            #"{"type":"Polygon","coordinates":[[[5400000,52.5],[5.45,52.5],[5.45,52.53],[5.4,52.53],[5400000,52.5]]]}"#
        let point = #"{"type":"Point","coordinates":[5.4,52.5]}"#
        let cases: [(String, String, String)] = [
            ("invalid JSON", #"{"type":"FeatureCollection","features":[ {"type": }"#, "regel 1"),
            (
                "missing statcode",
                Self.collection(
                    #"{"type":"Feature","properties":{"statnaam":"X"},"geometry":{"type":"Polygon","coordinates":[[[5.4,52.5],[5.45,52.5],[5.45,52.53],[5.4,52.5]]]}}"#
                ), "feature 1"
            ),
            (
                "geometry not a polygon", Self.collection(Self.feature("GM0995", "Lelystad", geometry: point)),
                "feature 1"
            ),
            ("unknown parent", Self.collection(Self.feature("WK777701", "Nergens")), "GM7777"),
            (
                "duplicate code",
                Self.collection(Self.feature("GM0995", "Lelystad"), Self.feature("GM0995", "Lelystad 2")), "feature 2"
            ),
            (
                "cycle",
                Self.collection(Self.feature("GR-A", "A", parent: "GR-B"), Self.feature("GR-B", "B", parent: "GR-A")),
                "cyclus"
            ),
            ("empty collection", Self.collection(), "geen features"),
            ("huge coordinates", Self.collection(Self.feature("GM0995", "Lelystad", geometry: huge)), "feature 1"),
            ("unknown region code", Self.collection(Self.feature("XX12", "Onbekend")), "onbekende regiocode"),
            ("not a FeatureCollection", #"{"type":"Feature","properties":{}}"#, "FeatureCollection")
        ]
        try await TestApp.with { app in
            try await TestApp.seedFoundation(app)
            let before = try await Region.query(on: app.db).count()
            let lelystadBefore = try await Region.query(on: app.db).filter(\.$code == "GM0995").first()!.geometry
            for (name, text, expected) in cases {
                do {
                    _ = try await importFile(app, text, name: "\(name).geojson")
                    XCTFail("\(name): accepted")
                } catch let error as VitaalError {
                    XCTAssertEqual(error.kind, .invalidInput, name)
                    XCTAssertTrue(
                        error.description.contains(expected),
                        "\(name): message \"\(error.description)\" should name \(expected)")
                    XCTAssertTrue(
                        error.description.contains("\(name).geojson") || name == "empty collection"
                            || error.problems.contains { $0.location.file == "\(name).geojson" },
                        "\(name): message names the file")
                }
                let value1 = try await Region.query(on: app.db).count()
                XCTAssertEqual(value1, before, "\(name): nothing written")
            }
            let value2 = try await Region.query(on: app.db).filter(\.$code == "GM0995").first()!.geometry
            XCTAssertEqual(value2, lelystadBefore)
        }
    }

    /// The upload form through the browser: a refused file, a bad year and "volledig" without a year (each a
    /// message, nothing written), then a year's boundary version.
    func testUploadPageShowsProblemsAndMakesAYearVersion() async throws {
        try await TestApp.with { app in
            try await TestApp.seedFoundation(app)
            let (email, password) = try await TestApp.user(app, role: .beheerder)
            let browser = Browser(app)
            _ = try await browser.login(email, password)
            func upload(_ fileName: String, _ geojson: String, _ fields: [(String, String)]) async throws
                -> Browser.Result
            {
                let boundary = "vitaalgrens"
                var body = ByteBuffer()
                for (name, value) in fields {
                    body.writeString(
                        "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
                }
                body.writeString(
                    "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(fileName)\"\r\n"
                        + "Content-Type: application/geo+json\r\n\r\n\(geojson)\r\n--\(boundary)--\r\n")
                return try await browser.request(
                    .POST, "/beheer/regios/import?csrf=\(browser.csrf!)", body: body,
                    contentType: HTTPMediaType(
                        type: "multipart", subType: "form-data", parameters: ["boundary": boundary]))
            }
            let form = try await browser.get("/beheer/regios/import")
            XCTAssertTrue(form.body.contains("name=\"jaar\""), form.body)
            XCTAssertTrue(form.body.contains("name=\"volledig\""))

            let r = try await upload("fout.geojson", Self.collection(Self.feature("WK777701", "Nergens")), [])
            XCTAssertEqual(r.status, .unprocessableEntity)
            XCTAssertTrue(r.body.contains("onbekende ouderregio"), r.body)
            XCTAssertTrue(r.body.contains("fout.geojson"))

            // A wijk inside Almere (the within-check refuses one elsewhere).
            let inAlmere =
                #"{"type":"Polygon","coordinates":[[[5.21,52.37],[5.215,52.37],[5.215,52.373],[5.21,52.37]]]}"#
            let file = Self.collection(Self.feature("WK003499", "Proefwijk", geometry: inAlmere))
            let versionsBefore = try await RegionVersion.query(on: app.db).count()
            let badYear = try await upload("wijk.geojson", file, [("jaar", "twintig")])
            XCTAssertEqual(badYear.status, .unprocessableEntity)
            XCTAssertTrue(
                badYear.body.contains(
                    "Jaar moet een jaartal van 1900 tot en met 2100 zijn, gevonden \"twintig\""),
                badYear.body)
            XCTAssertTrue(badYear.body.contains("value=\"twintig\""), "the form keeps what was typed")
            let completeOnly = try await upload("wijk.geojson", file, [("volledig", "ja")])
            XCTAssertEqual(completeOnly.status, .unprocessableEntity)
            XCTAssertTrue(completeOnly.body.contains("‘Volledig’ kan alleen met een jaar"), completeOnly.body)
            let nothing = try await Region.query(on: app.db).filter(\.$code == "WK003499").first()
            XCTAssertNil(nothing, "nothing written")
            let versionsAfterRefusals = try await RegionVersion.query(on: app.db).count()
            XCTAssertEqual(versionsAfterRefusals, versionsBefore)

            let ok = try await upload("wijk.geojson", file, [("jaar", "2025")])
            XCTAssertEqual(ok.status, .ok, ok.body)
            XCTAssertTrue(ok.body.contains("Grensversies vanaf 2025: 1 nieuw, 0 vervangen."), ok.body)
            let region = try await Region.query(on: app.db).filter(\.$code == "WK003499").first()
            let regionID = try XCTUnwrap(region?.id)
            let versions = try await RegionVersion.query(on: app.db).filter(\.$region.$id == regionID).all()
            XCTAssertEqual(versions.map(\.validFrom), [2025])
            XCTAssertEqual(versions.map(\.validTo), [nil])
        }
    }

    func testCommandLineImport() async throws {
        try await TestApp.with { app in
            try await TestApp.seedFoundation(app)
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("regions-\(UUID()).geojson")
            // A wijk inside Almere (the within-check refuses one elsewhere).
            let inAlmere =
                #"{"type":"Polygon","coordinates":[[[5.21,52.37],[5.215,52.37],[5.215,52.373],[5.21,52.37]]]}"#
            try Data(Self.collection(Self.feature("WK003499", "Proefwijk", geometry: inAlmere)).utf8).write(to: url)
            defer { try? FileManager.default.removeItem(at: url) }
            try await app.execute(command: ["vitaal", "import", "regions", url.path])
            let value3 = try await Region.query(on: app.db).filter(\.$code == "WK003499").first()
            XCTAssertNotNil(value3)
        }
    }
}

extension Application {
    /// Runs a CLI command in-process, as `vitaal …` would.
    func execute(command arguments: [String]) async throws {
        var context = CommandContext(console: console, input: CommandInput(arguments: arguments))
        context.application = self
        try await console.run(asyncCommands.group(), with: context)
    }
}
