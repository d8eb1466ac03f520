import Fluent
import VitaalDomain
import XCTVapor
import XCTest

@testable import AppCore
@testable import MonitorFeature

/// Boundary history (#17 part 4) with the made-up fixtures in Tests/Fixtures/boundary-history: a
/// version of Lelystad for 2022–2023, Lelystad redrawn and a new code from 2025, and a 2023 file
/// that overlaps closed history.
final class MonitorBoundaryHistoryTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/boundary-history")
    static func fixture(_ name: String) -> URL { fixtures.appendingPathComponent(name + ".fixture.geojson") }
    static func geometry(_ name: String, feature: Int = 0) throws -> GeoMultiPolygon {
        try GeoJSONRegions.parse(Data(contentsOf: fixture(name)), file: name)[feature].geometry
    }

    func versions(_ app: Application, _ code: String) async throws -> [BoundaryVersion] {
        try await RegionHistory.load(on: app.db).years(code)
    }

    func testImportedYearsAreDrawnOnTheirOwnBoundariesAndSeriesAreMarked() async throws {
        try await TestApp.with { app in
            try await MonitorTestSupport.seedIndicators(app)
            let baseline = try await versions(app, "GM0995")
            XCTAssertEqual(baseline, [BoundaryVersion(validFrom: 2024, validTo: nil)], "the CBS/PDOK 2024 boundary")
            let stored2024 = try await Region.find(code: "GM0995", on: app.db).multiPolygon
            let lelystad2024 = try XCTUnwrap(stored2024)

            // History before 2024, then a new boundary from 2025 and a new code.
            try await app.execute(
                command: ["vitaal", "import", "regions", Self.fixture("lelystad-2022").path, "--jaar", "2022"])
            let afterHistory = try await Region.find(code: "GM0995", on: app.db).multiPolygon
            XCTAssertEqual(afterHistory, lelystad2024, "an earlier year leaves the current boundary alone")
            try await app.execute(
                command: [
                    "vitaal", "import", "regions", Self.fixture("lelystad-proefgemeente-2025").path, "--jaar", "2025"
                ])
            let history = try await versions(app, "GM0995")
            XCTAssertEqual(
                history,
                [
                    BoundaryVersion(validFrom: 2022, validTo: 2023), BoundaryVersion(validFrom: 2024, validTo: 2024),
                    BoundaryVersion(validFrom: 2025, validTo: nil)
                ])
            let lelystad2025 = try Self.geometry("lelystad-proefgemeente-2025")
            let current = try await Region.find(code: "GM0995", on: app.db).multiPolygon
            XCTAssertEqual(current, lelystad2025, "the open version is the current boundary")
            let started = try await versions(app, "GM9901")
            XCTAssertEqual(started, [BoundaryVersion(validFrom: 2025, validTo: nil, codeStarts: true)])

            try await overlapIsRefusedAndNothingWritten(app)
            let regionPage = try await Browser(app).get(SiteURL.region(.value("GM0995")).path)
            XCTAssertTrue(
                regionPage.body.contains("<dt>Grensversies</dt><dd>2022–2023, 2024, vanaf 2025"), regionPage.body)

            // Values of 2024 are drawn on the 2024 boundary, where the new code did not exist yet …
            _ = try await MonitorTestSupport.importCSV(
                app,
                """
                indicator;regio;periode;waarde;status;opmerking
                bw_fijnstof;GM0995;2024;8,1;definitief;
                bw_fijnstof;GM0034;2024;8,4;definitief;
                bw_ervaren_gezondheid;GM0995;2022;70;definitief;
                bw_ervaren_gezondheid;GM0995;2023;71;definitief;
                bw_ervaren_gezondheid;GM0995;2024;72;definitief;
                bw_ervaren_gezondheid;GM0995;2025;73;definitief;
                bw_ervaren_gezondheid;GM9901;2025;75;definitief;
                bw_ervaren_gezondheid;PV24;2025;74;definitief;
                """)
            let of2024 = try await IndicatorPage.Model.load(
                code: "bw_fijnstof", region: "GM0995", audience: .public, on: app.db)
            XCTAssertEqual(of2024.map.regions.first { $0.code == "GM0995" }?.geometry, lelystad2024)
            XCTAssertNil(of2024.map.regions.first { $0.code == "GM9901" }, "GM9901 began in 2025")
            XCTAssertFalse(of2024.barChart.bars.contains { $0.label.contains("Proefgemeente") }, "nor in the bars")
            XCTAssertEqual(of2024.mapTable.rows.count, 6, "the six municipalities of 2024")
            let caption2024 = of2024.map.text.caption ?? ""
            XCTAssertTrue(
                caption2024.contains("Proefgemeente (testfixture) bestond niet in 2024"),
                caption2024)
            XCTAssertTrue(caption2024.contains("Getekend op de grenzen van 2024."), caption2024)
            // … and values of 2025 on the fixture's 2025 boundary, with the new code.
            let of2025 = try await IndicatorPage.Model.load(
                code: "bw_ervaren_gezondheid", region: "GM0995", audience: .public, on: app.db)
            XCTAssertEqual(of2025.map.regions.first { $0.code == "GM0995" }?.geometry, lelystad2025)
            XCTAssertEqual(
                of2025.map.regions.first { $0.code == "GM9901" }?.geometry,
                try Self.geometry(
                    "lelystad-proefgemeente-2025", feature: 1))
            let caption2025 = of2025.map.text.caption ?? ""
            XCTAssertFalse(caption2025.contains("Getekend op de grenzen"), "today's boundaries")

            // The series 2022–2025 of Lelystad breaks at both changes, in chart, table and download.
            XCTAssertEqual(of2025.lineChart.series[0].breaksBefore, [2, 3])
            XCTAssertEqual(of2025.lineChart.markers.map(\.label), ["grenswijziging 2024", "grenswijziging 2025"])
            XCTAssertTrue(
                of2025.lineTable.caption.contains("; grenswijziging 2024 in Lelystad: de waarden vanaf 2024 gaan over"),
                of2025.lineTable.caption)
            XCTAssertTrue(
                of2025.lineTable.caption.contains("Grenswijziging 2025 in Lelystad"), of2025.lineTable.caption)
            let page = IndicatorPage.route("bw_ervaren_gezondheid")
            let html = try await Browser(app).get(page.path(region: "GM0995"))
            XCTAssertEqual(html.status, .ok)
            XCTAssertTrue(html.body.contains("grenswijziging 2025"))
            let csv = try await Browser(app).get(page.path(query: [("regio", "GM0995"), ("formaat", "csv")]))
            let lines = csv.body.split(whereSeparator: \.isNewline)
            let row2025 = try XCTUnwrap(lines.first { $0.contains("GM0995") && $0.contains(";2025;") })
            XCTAssertTrue(
                row2025.contains("grenswijziging 2025: niet vergelijkbaar met eerdere perioden"), "\(row2025)")
            let row2023 = try XCTUnwrap(lines.first { $0.contains("GM0995") && $0.contains(";2023;") })
            XCTAssertFalse(row2023.contains("grenswijziging"), "no change between 2022 and 2023")

            try await apiAnswersForAYear(app)
            try await wijkIsCheckedAgainstItsMunicipalityOfTheSameYear(app)
        }
    }

    /// A wijk inside the 2025 boundary of Lelystad but outside its 2022–2023 one: refused as a
    /// wijk of 2023, accepted as one of 2025.
    func wijkIsCheckedAgainstItsMunicipalityOfTheSameYear(_ app: Application) async throws {
        let wijk = RegionImportTests.collection(
            #"{"type":"Feature","properties":{"statcode":"WK099590","statnaam":"Proefwijk (testfixture)","gemeentecode":"GM0995"},"geometry":{"type":"Polygon","coordinates":[[[5.62,52.56],[5.64,52.56],[5.64,52.57],[5.62,52.57],[5.62,52.56]]]}}"#
        )
        func importWijk(_ year: Int) async throws -> String {
            try await RegionImporter.importGeoJSON(
                Data(wijk.utf8), fileName: "wijk.geojson", year: year, on: app.db, user: nil, actor: "test",
                now: app.clock.now())
        }
        do {
            _ = try await importWijk(2023)
            XCTFail("a wijk outside its municipality of 2023 was accepted")
        } catch let error as VitaalError {
            XCTAssertTrue(
                error.description.contains("WK099590 (Proefwijk (testfixture)) ligt buiten GM0995"), error.description)
        }
        let summary = try await importWijk(2025)
        XCTAssertTrue(summary.contains("Grensversies vanaf 2025: 1 nieuw"), summary)
    }

    /// 2023 lies inside the closed version 2022–2023: the whole file is refused, naming the code,
    /// the feature and the years, and nothing is written (not even the file's new code).
    func overlapIsRefusedAndNothingWritten(_ app: Application) async throws {
        let regions = try await Region.query(on: app.db).count()
        let rows = try await RegionVersion.query(on: app.db).count()
        let audits = try await AuditEntry.query(on: app.db).count()
        let data = try Data(contentsOf: Self.fixture("lelystad-2023-overlap"))
        do {
            _ = try await RegionImporter.importGeoJSON(
                data, fileName: "lelystad-2023-overlap.fixture.geojson", year: 2023, on: app.db, user: nil,
                actor: "test", now: app.clock.now())
            XCTFail("an overlapping version was accepted")
        } catch let error as VitaalError {
            XCTAssertEqual(error.kind, .invalidInput)
            let problem = try XCTUnwrap(error.problems.first)
            XCTAssertEqual(error.problems.count, 1, error.description)
            XCTAssertEqual(problem.location.file, "lelystad-2023-overlap.fixture.geojson")
            XCTAssertEqual(problem.location.element, "feature 2")
            XCTAssertTrue(problem.message.contains("GM0995 (Lelystad)"), problem.message)
            XCTAssertTrue(problem.message.contains("vanaf 2023 overlapt de grensversie 2022–2023"), problem.message)
        }
        let regionsAfter = try await Region.query(on: app.db).count()
        let rowsAfter = try await RegionVersion.query(on: app.db).count()
        let auditsAfter = try await AuditEntry.query(on: app.db).count()
        XCTAssertEqual([regionsAfter, rowsAfter, auditsAfter], [regions, rows, audits], "nothing written")

        // A CBS file of another year than --jaar is a mistake, refused the same way.
        let file2025 = try Data(contentsOf: Self.fixture("lelystad-proefgemeente-2025"))
        do {
            _ = try await RegionImporter.importGeoJSON(
                file2025, fileName: "2025.geojson", year: 2026, on: app.db, user: nil, actor: "test",
                now: app.clock.now())
            XCTFail("a 2025 file imported as 2026 was accepted")
        } catch let error as VitaalError {
            XCTAssertTrue(
                error.description.contains(
                    "GM0995 is een grens van 2025 (eigenschap jaar), maar geïmporteerd met --jaar 2026"),
                error.description)
        }
        let rowsAfterMismatch = try await RegionVersion.query(on: app.db).count()
        XCTAssertEqual(rowsAfterMismatch, rows)
    }

    /// A merger: a complete municipality file of 2026 without Urk ends GM0184 after 2025; the others get a
    /// version from 2026. Without --jaar, --volledig is refused; a later complete file that leaves out a
    /// code whose boundary starts in its year is refused and writes nothing.
    func testACompleteYearFileEndsTheCodesItLeavesOut() async throws {
        try await TestApp.with { app in
            try await MonitorTestSupport.seedIndicators(app)
            let file = Self.fixture("merger-2026").path
            do {
                try await app.execute(command: ["vitaal", "import", "regions", file, "--volledig"])
                XCTFail("--volledig without --jaar was accepted")
            } catch let error as VitaalError {
                XCTAssertTrue(error.description.contains("--volledig kan alleen samen met --jaar"), error.description)
            }
            try await app.execute(command: ["vitaal", "import", "regions", file, "--jaar", "2026", "--volledig"])
            let urk = try await versions(app, "GM0184")
            XCTAssertEqual(urk, [BoundaryVersion(validFrom: 2024, validTo: 2025)], "Urk ends after 2025")
            let nop = try await versions(app, "GM0171")
            XCTAssertEqual(
                nop, [BoundaryVersion(validFrom: 2024, validTo: 2025), BoundaryVersion(validFrom: 2026, validTo: nil)])
            let province = try await versions(app, "PV24")
            XCTAssertEqual(province, [BoundaryVersion(validFrom: 2024, validTo: nil)], "another kind is left alone")
            let audit = try await AuditEntry.query(on: app.db).sort(\.$at, .descending).first()
            XCTAssertTrue(audit?.summary.contains("Beëindigd na 2025: GM0184 (Urk)") == true, audit?.summary ?? "")
            let browser = Browser(app)
            let in2026 = try await browser.get(SiteURL.apiRegions.path(query: [("kind", "gemeente"), ("jaar", "2026")]))
            XCTAssertFalse(in2026.body.contains("GM0184"), "Urk is not a municipality of 2026")
            let in2025 = try await browser.get(SiteURL.apiRegions.path(query: [("kind", "gemeente"), ("jaar", "2025")]))
            XCTAssertTrue(in2025.body.contains("GM0184"))

            // The 2026 file again as complete, without Noordoostpolder, whose boundary starts in 2026: refused.
            let rows = try await RegionVersion.query(on: app.db).count()
            let withoutNOP = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n")
                .filter { !$0.contains("GM0171") }.joined(separator: "\n")
            do {
                _ = try await RegionImporter.importGeoJSON(
                    Data(withoutNOP.utf8), fileName: "2026.geojson", year: 2026, complete: true, on: app.db, user: nil,
                    actor: "test", now: app.clock.now())
                XCTFail("a complete file without a code that starts in its year was accepted")
            } catch let error as VitaalError {
                XCTAssertTrue(
                    error.description.contains("GM0171 (Noordoostpolder) ontbreekt in dit bestand van 2026"),
                    error.description)
            }
            let rowsAfter = try await RegionVersion.query(on: app.db).count()
            XCTAssertEqual(rowsAfter, rows, "nothing written")
        }
    }

    func apiAnswersForAYear(_ app: Application) async throws {
        let browser = Browser(app)
        let of2023 = try await browser.get(SiteURL.apiRegion(.value("GM0995")).path(query: [("jaar", "2023")]))
        XCTAssertEqual(of2023.status, .ok)
        let detail = try JSONDecoder().decode(RegionAPIController.RegionDetailDTO.self, from: Data(of2023.body.utf8))
        XCTAssertEqual([detail.validFrom, detail.validTo], [2022, 2023])
        let notYet = try await browser.get(SiteURL.apiRegion(.value("GM9901")).path(query: [("jaar", "2024")]))
        XCTAssertEqual(notYet.status, .notFound)
        XCTAssertTrue(notYet.body.contains("bestond niet in 2024"), notYet.body)
        let list = try await browser.get(SiteURL.apiRegions.path(query: [("kind", "gemeente"), ("jaar", "2024")]))
        let codes = try JSONDecoder().decode([RegionAPIController.RegionDTO].self, from: Data(list.body.utf8))
            .map(\.code)
        XCTAssertTrue(codes.contains("GM0995"))
        XCTAssertFalse(codes.contains("GM9901"))
        let now = try await browser.get(SiteURL.apiRegions.path(query: [("kind", "gemeente")]))
        XCTAssertTrue(now.body.contains("GM9901"))
        let outOfRange = try await browser.get(SiteURL.apiRegions.path(query: [("jaar", "1800")]))
        XCTAssertEqual(outOfRange.status, .unprocessableEntity)
        XCTAssertTrue(outOfRange.body.contains("jaar"), outOfRange.body)
    }

    /// Inhabitants of a town are not set next to the province's or the country's total (the demo's
    /// real CBS figures: Almere 2024, Flevoland 1995–2020 and 2024).
    func testCountIndicatorIsNotComparedWithLargerAreas() async throws {
        try await TestApp.with { app in
            try await MonitorTestSupport.seedDemo(app)
            let browser = Browser(app)
            let count = try await browser.get(IndicatorPage.route("cbs_inwoners").path(region: "GM0034"))
            XCTAssertEqual(count.status, .ok)
            XCTAssertFalse(count.body.contains("dan Flevoland"), "no better/worse/different than the province")
            XCTAssertFalse(count.body.contains("Verschil met Flevoland"))
            XCTAssertTrue(count.body.contains("Dit is een aantal: dat van een gemeente of wijk is niet te vergelijken"))
            let model = try await IndicatorPage.Model.load(
                code: "cbs_inwoners", region: "GM0034", audience: .public, on: app.db)
            XCTAssertEqual(model.lineChart.series.map(\.name), ["Almere"], "no province or country line")
            XCTAssertEqual(model.lineChart.labels, ["2024"], "not the province's longer series 1995–2020")
            XCTAssertNil(model.barChart.reference)
            XCTAssertTrue(model.comparisons.isEmpty)
            // A rate is still compared.
            let rate = try await IndicatorPage.Model.load(
                code: "bw_werkloosheid", region: "GM0034", audience: .public, on: app.db)
            XCTAssertNil(rate.countNote)
            XCTAssertTrue(rate.comparisons.contains { $0.words.hasSuffix(" Flevoland") }, "\(rate.comparisons)")
            XCTAssertNotNil(rate.barChart.reference)
            // The region profile counts a rate as better or worse, never a number.
            let profile = try await RegionProfilePage.Model.load(code: "GM0034", audience: .public, on: app.db)
            let rows = profile.sections.flatMap(\.rows)
            XCTAssertNotNil(rows.first { $0.code == "bw_werkloosheid" }?.isBetter)
            // Referrals to Welzijn op Recept: a count where more is better, with a province total.
            let referrals = try XCTUnwrap(rows.first { $0.code == "tz_welzijn_op_recept" })
            XCTAssertNotEqual(referrals.province, "niet beschikbaar")
            XCTAssertNil(referrals.isBetter, "Almere's referrals are not 'worse' than all of Flevoland's")
        }
    }
}
