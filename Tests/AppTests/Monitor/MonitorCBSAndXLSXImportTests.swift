import AppCore
import Fluent
import Vapor
import VitaalDomain
import XCTVapor
import XCTest
import ZIPFoundation

@testable import MonitorFeature

/// `vitaal import cbs` (CBS StatLine OData v4) and `vitaal import data FILE.xlsx` through the real
/// commands and database: all values or none, every problem with its place.
final class MonitorCBSAndXLSXImportTests: XCTestCase {
    /// Population per municipality, as CBS's Kerncijfers wijken en buurten tables publish it.
    static let population = IndicatorDefinition(
        code: "cbs_inwoners", name: "Inwoners", unit: "aantal", polarity: .neutral, source: "CBS", isCount: true,
        validRange: .nonNegative)

    private func run(_ command: any AsyncCommand, _ args: [String], app: Application) async throws -> String {
        let console = MonitorRecordingConsole()
        var context = CommandContext(console: console, input: CommandInput(arguments: ["vitaal"] + args))
        context.application = app
        try await command.run(using: &context)
        return console.output
    }

    private func values(_ app: Application) async throws -> [String: DataValue] {
        let rows = try await DataValue.query(on: app.db).filter(\.$indicatorCode == "cbs_inwoners").all()
        return Dictionary(uniqueKeysWithValues: rows.map { ("\($0.regionCode) \($0.period)", $0) })
    }

    private func seed(_ app: Application) async throws -> URL {
        try await TestApp.seedFoundation(app)
        try await Indicator(Self.population).create(on: app.db)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cbs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    private func observations(_ rows: [(String, String, String, String)]) -> Data {
        let items = rows.enumerated().map { i, r in
            "    {\"Id\": \(i), \"Measure\": \"M000352\", \"ValueAttribute\": \"\(r.3)\", \"Value\": \(r.2), "
                + "\"WijkenEnBuurten\": \"\(r.0)\", \"Perioden\": \"\(r.1)\"}"
        }
        return Data(("{\n  \"value\": [\n" + items.joined(separator: ",\n") + "\n  ]\n}\n").utf8)
    }

    func testCBSDirectoryWithCodeListsImportsEverythingOrNothing() async throws {
        try await TestApp.with { app in
            let dir = try await seed(app)
            defer { try? FileManager.default.removeItem(at: dir) }
            let table = dir.appendingPathComponent("85984NED")
            try FileManager.default.createDirectory(at: table, withIntermediateDirectories: true)
            try Data(#"{"value": [{"Identifier": "M000352", "Title": "Aantal inwoners"}]}"#.utf8)
                .write(to: table.appendingPathComponent("MeasureCodes.json"))
            try Data(#"{"value": [{"Identifier": "2023JJ00"}, {"Identifier": "2024JJ00"}]}"#.utf8)
                .write(to: table.appendingPathComponent("PeriodenCodes.json"))
            try observations([
                ("GM0034", "2024JJ00", "226500", "None"), ("GM0034", "2023JJ00", "218106", "None"),
                ("GM0995", "2024JJ00", "null", "Confidential")
            ]).write(to: table.appendingPathComponent("Observations.json"))
            let mapping = dir.appendingPathComponent("mapping.json")
            try Data(#"{"measures": {"M000352": "cbs_inwoners"}, "status": "definitief"}"#.utf8).write(to: mapping)

            let out = try await run(ImportCBSCommand(), [table.path, "--mapping", mapping.path], app: app)
            XCTAssertTrue(out.contains("3 waarden opgeslagen (3 nieuw, 0 vervangen, 1 ontbrekend met reden)"), out)
            var stored = try await values(app)
            XCTAssertEqual(stored["GM0034 2024"]?.value, 226_500)
            XCTAssertEqual(stored["GM0034 2023"]?.value, 218_106)
            XCTAssertNil(stored["GM0995 2024"]?.value, "Confidential is a missing value, never a 0")
            XCTAssertEqual(stored["GM0995 2024"]?.missingReason, MissingReason.confidential.rawValue)

            // A period the table does not have, and a measure that is not mapped: refused, nothing written.
            try observations([("GM0034", "2025JJ00", "230000", "None"), ("GM0995", "2024JJ00", "91000", "None")])
                .write(to: table.appendingPathComponent("Observations.json"))
            try Data(#"{"value": [{"Identifier": "M000352"}, {"Identifier": "M000100"}]}"#.utf8)
                .write(to: table.appendingPathComponent("MeasureCodes.json"))
            do {
                _ = try await run(ImportCBSCommand(), [table.path, "--mapping", mapping.path, "--replace"], app: app)
                XCTFail("expected a refusal")
            } catch let error as VitaalError {
                XCTAssertEqual(error.problems.count, 1, error.description)
                let problem = try XCTUnwrap(error.problems.first)
                XCTAssertEqual(
                    problem.message, "code \"2025JJ00\" komt niet voor in de PeriodenCodes van deze CBS-tabel")
                XCTAssertEqual(problem.location.file, "85984NED/Observations.json")
                XCTAssertEqual(problem.location.line, 3)
                XCTAssertEqual(problem.location.field, "Perioden")
            }
            stored = try await values(app)
            XCTAssertEqual(stored.count, 3)
            XCTAssertNil(stored["GM0995 2024"]?.value, "the valid second observation was not written either")

            // Without a mapping the command says what it needs.
            do {
                _ = try await run(ImportCBSCommand(), [table.path], app: app)
                XCTFail("expected a refusal")
            } catch let error as VitaalError {
                XCTAssertTrue(error.description.contains("--mapping"), error.description)
            }
        }
    }

    func testXLSXSheetThroughTheCommandWithCellReferences() async throws {
        try await TestApp.with { app in
            let dir = try await seed(app)
            defer { try? FileManager.default.removeItem(at: dir) }
            func workbook(_ rows: [[XLSX.Cell]]) throws -> URL {
                let url = dir.appendingPathComponent("cijfers-\(UUID().uuidString.prefix(6)).xlsx")
                try Download.xlsxData([
                    XLSX.Sheet(name: "Toelichting", rows: [[.text("Bron: CBS, Kerncijfers wijken en buurten 2024")]]),
                    XLSX.Sheet(name: "Data", rows: rows)
                ]).write(to: url)
                return url
            }
            let header: [XLSX.Cell] = [.text("indicator"), .text("regio"), .text("periode"), .text("waarde")]
            let good = try workbook([
                header, [.text("cbs_inwoners"), .text("GM0034"), .number(2024), .number(226_500)],
                [.text("cbs_inwoners"), .text("GM0995"), .text("2024"), .amount(82_000)]
            ])
            let out = try await run(ImportDataCommand(), [good.path, "--blad", "Data"], app: app)
            XCTAssertTrue(out.contains("2 waarden opgeslagen"), out)
            let stored = try await values(app)
            XCTAssertEqual(stored["GM0034 2024"]?.value, 226_500)
            XCTAssertEqual(stored["GM0995 2024"]?.value, 82_000)

            // The first sheet is the explanation: its header is not a data header.
            do {
                _ = try await run(ImportDataCommand(), [good.path], app: app)
                XCTFail("expected a refusal")
            } catch let error as VitaalError {
                XCTAssertEqual(
                    error.problems.first?.location.element, "blad \"Toelichting\", cel A1", error.description)
                XCTAssertTrue(error.problems.first?.message.contains("kies het juiste blad") == true, error.description)
            }
            do {
                _ = try await run(ImportDataCommand(), [good.path, "--blad", "Cijfers"], app: app)
                XCTFail("expected a refusal")
            } catch let error as VitaalError {
                XCTAssertTrue(
                    error.description.contains(
                        "blad \"Cijfers\" bestaat niet; de werkmap heeft: \"Toelichting\", \"Data\""),
                    error.description)
            }

            let bad = try workbook([
                header, [.text("cbs_inwoners"), .text("GM0034"), .number(2023), .number(218_106)],
                [.text("cbs_inwoners"), .text("GM0995"), .number(2023), .text("onbekend")]
            ])
            do {
                _ = try await run(ImportDataCommand(), [bad.path, "--blad", "Data"], app: app)
                XCTFail("expected a refusal")
            } catch let error as VitaalError {
                XCTAssertEqual(
                    error.problems.first?.location.description,
                    "\(bad.lastPathComponent), blad \"Data\", cel D3 (veld \"waarde\")")
            }
            let count = try await values(app).count
            XCTAssertEqual(count, 2, "nothing of the bad workbook was written")
        }
    }

    func testTheUploadPageTakesAWorkbookAndItsSheetName() async throws {
        try await TestApp.with { app in
            let dir = try await seed(app)
            try? FileManager.default.removeItem(at: dir)
            let (mail, pass) = try await TestApp.user(app, role: .beheerder, organisation: "provincie-flevoland")
            let browser = Browser(app)
            _ = try await browser.login(mail, pass)
            let page = try await browser.get(MonitorURL.importUpload.path)
            XCTAssertTrue(page.body.contains("name=\"blad\""), "the form asks for the sheet")
            let csrf = try XCTUnwrap(browser.csrf)
            let workbook = try Download.xlsxData([
                XLSX.Sheet(name: "Uitleg", rows: [[.text("Zie blad Cijfers")]]),
                XLSX.Sheet(
                    name: "Cijfers",
                    rows: [
                        [.text("indicator"), .text("regio"), .text("periode"), .text("waarde")],
                        [.text("cbs_inwoners"), .text("GM0034"), .number(2024), .number(226_500)]
                    ])
            ])
            let boundary = "----vitaalgrens"
            let type = HTTPMediaType(type: "multipart", subType: "form-data", parameters: ["boundary": boundary])
            let imported = try await browser.request(
                .POST, MonitorURL.importUpload.path(query: [("csrf", csrf)]),
                body: MonitorTestSupport.multipart(
                    boundary: boundary, files: [("file", "cijfers.xlsx", workbook)], fields: ["blad": "Cijfers"]),
                contentType: type)
            XCTAssertEqual(imported.status, .ok, imported.body)
            XCTAssertTrue(imported.body.contains("cijfers.xlsx: 1 waarden opgeslagen"), imported.body)
            let stored = try await values(app)
            XCTAssertEqual(stored["GM0034 2024"]?.value, 226_500)
        }
    }

    func testAWorkbookThatWouldExpandPastTheLimitIsRefusedBeforeUnpacking() throws {
        let archive = try Archive(accessMode: .create)
        let size = 2 * 1024 * 1024
        try archive.addEntry(
            with: "xl/worksheets/sheet1.xml", type: .file, uncompressedSize: Int64(size), compressionMethod: .deflate
        ) { _, chunk in Data(count: chunk) }
        let data = try XCTUnwrap(archive.data)
        XCTAssertLessThan(data.count, 100_000, "a small file that expands a lot")
        XCTAssertThrowsError(try SpreadsheetUpload.sheetSource(data, fileName: "bom.xlsx", limit: 1024 * 1024)) {
            error in
            XCTAssertEqual(
                (error as? VitaalError)?.problems.first?.message,
                "het xlsx-bestand zou uitpakken tot meer dan 1 MB; het is niet uitgepakt. Splits het bestand of exporteer het als CSV"
            )
        }
        XCTAssertThrowsError(try SpreadsheetUpload.sheetSource(Data("geen zip".utf8), fileName: "x.xlsx")) { error in
            XCTAssertEqual(
                (error as? VitaalError)?.problems.first?.message, "geen geldig xlsx-bestand (het is geen zip-archief)")
        }
    }
}
