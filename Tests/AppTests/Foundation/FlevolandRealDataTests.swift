import Fluent
import VitaalDomain
import XCTVapor
import XCTest

@testable import AppCore
@testable import MonitorFeature

/// The real Flevoland of the demo (#17): CBS/PDOK boundaries and CBS figures, wijken and service
/// regions; and the region import of the published files as they are.
final class FlevolandRealDataTests: XCTestCase {
    func importFile(_ app: Application, _ name: String) async throws -> String {
        let text = try XCTUnwrap(FlevolandOpenData.files[name], name)
        return try await RegionImporter.importGeoJSON(
            Data(text.utf8), fileName: name, on: app.db, user: nil, actor: "test", now: app.clock.now())
    }

    /// The published GeoJSON files import as they are, on an empty database with only the country:
    /// municipalities attach to the province by location, wijken by `gemeentecode`.
    func testSharedFilesImportAsTheyAre() async throws {
        try await TestApp.with { app in
            try await Region(code: "NL01", name: "Nederland", kind: .land, parentID: nil).create(on: app.db)
            _ = try await importFile(app, FlevolandOpenData.provinceFile)
            _ = try await importFile(app, FlevolandOpenData.municipalitiesFile)
            let summary = try await importFile(app, FlevolandOpenData.wijkenFile)
            XCTAssertTrue(summary.contains("103 regio's"), summary)
            XCTAssertTrue(summary.contains("Let op: 7 regio('s)"), summary)
            for grouping in FlevolandOpenData.serviceRegions {
                _ = try await importFile(app, try XCTUnwrap(grouping.file))
            }
            let almere = try await Region.query(on: app.db).filter(\.$code == "GM0034").with(\.$parent).first()
            XCTAssertEqual(almere?.parent?.code, "PV24")
            let wijken = try await Region.query(on: app.db).filter(\.$parent.$id == XCTUnwrap(almere?.id)).count()
            XCTAssertEqual(wijken, 71)
            let zk21 = try await Region.query(on: app.db).filter(\.$code == "ZK21").first()
            XCTAssertEqual(zk21?.regionKind, .groep)
            XCTAssertEqual(zk21?.multiPolygon?.polygons.first?.holes.count, 1, "the hole survives")
        }
    }

    /// A wijk whose municipality is unknown: a Dutch message naming file, feature and field; nothing written.
    func testWijkOfAnUnknownMunicipalityIsRefused() async throws {
        try await TestApp.with { app in
            try await TestApp.seedFoundation(app)
            let before = try await Region.query(on: app.db).count()
            let text = RegionImportTests.collection(
                RegionImportTests.feature("WK003499", "Proefwijk"),
                #"{"type":"Feature","properties":{"statcode":"WK999901","statnaam":"Nergens","gemeentecode":"GM9999"},"geometry":{"type":"Polygon","coordinates":[[[5.21,52.37],[5.215,52.37],[5.215,52.373],[5.21,52.37]]]}}"#
            )
            do {
                _ = try await RegionImporter.importGeoJSON(
                    Data(text.utf8), fileName: "wijken.geojson", on: app.db, user: nil, actor: "test",
                    now: app.clock.now())
                XCTFail("expected a refusal")
            } catch let error as VitaalError {
                let text = error.problems.map(\.description).joined(separator: "\n")
                XCTAssertTrue(text.contains("gemeente \"GM9999\" van wijk WK999901 bestaat niet"), text)
                XCTAssertTrue(text.contains("gemeentecode"), text)
                XCTAssertTrue(text.contains("feature 2"), text)
                XCTAssertTrue(text.contains("wijken.geojson"), text)
            }
            let after = try await Region.query(on: app.db).count()
            XCTAssertEqual(after, before, "nothing written")
        }
    }

    /// The demo: Almere's real population (KWB 2024) on the page and in the API, its 71 wijken on
    /// the map, ZK07 without Almere, and the 2024 value on the 2024 map.
    func testDemoShowsRealFlevoland() async throws {
        try await TestApp.with { app in
            try await MonitorTestSupport.seedDemo(app)
            let browser = Browser(app)
            let region = try await browser.get("/regios/GM0034")
            XCTAssertEqual(region.status, .ok)
            XCTAssertTrue(region.body.contains("226.500 (1 januari 2024)"), region.body)
            XCTAssertTrue(region.body.contains("85984NED"))
            XCTAssertFalse(region.body.contains("Schematische omtrek"))
            XCTAssertEqual(region.body.components(separatedBy: "inwoners</li>").count - 1, 71, "71 wijken listed")

            let home = try await browser.get("/")
            XCTAssertTrue(home.body.contains("226.500 inwoners"), home.body)

            let api = try await browser.get("/api/v1/data?indicator=cbs_inwoners&region=GM0034")
            XCTAssertEqual(api.status, .ok)
            XCTAssertTrue(api.body.contains("226500"), api.body)
            XCTAssertTrue(api.body.contains("85984NED"), api.body)

            let page = try await browser.get("/monitor/indicator/cbs_inwoners?regio=GM0034")
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.body.contains("Kaart: Inwoners per wijk in Almere, 2024"), page.body)
            let wijkMap = try XCTUnwrap(page.body.range(of: "Kaart: Inwoners per wijk in Almere"))
            let wijkSection = page.body[wijkMap.lowerBound...]
            let drawn = Set(
                FlevolandOpenData.wijken.filter { $0.properties["gemeentecode"] == "GM0034" }.map(\.code)
                    .filter { wijkSection.contains("regio=\($0)") })
            XCTAssertEqual(drawn.count, 71, "every wijk of Almere is drawn and linked")
            XCTAssertLessThan(page.body.utf8.count, 150_000, "page size \(page.body.utf8.count)")
            // The 2024 value of Almere is drawn on the 2024 municipality map (its tooltip).
            XCTAssertTrue(page.body.contains("Kaart: Inwoners per gemeente, 2024"))
            XCTAssertTrue(page.body.contains("Almere: 226.500"), "value in the map's tooltip")
            XCTAssertTrue(page.body.contains("Bron: CBS"))

            let zk07 = try await Region.query(on: app.db).filter(\.$code == "ZK07").first()
            let members = try await RegionGroupMember.query(on: app.db).filter(\.$group.$id == XCTUnwrap(zk07?.id))
                .with(\.$member).all().map(\.member.code)
            XCTAssertEqual(Set(members), ["GM0995", "GM0303", "GM0171", "GM0050", "GM0184"])
            XCTAssertFalse(members.contains("GM0034"))
            let zk21 = try await browser.get("/regios/ZK21")
            XCTAssertTrue(zk21.body.contains("geen cijfer"), "ZK21 is not summed from Almere alone")
            let ggd = try await browser.get("/regios/GG2209")
            XCTAssertTrue(ggd.body.contains("450.826 (1 januari 2024, som van de gemeenten)"), ggd.body)
        }
    }
}
