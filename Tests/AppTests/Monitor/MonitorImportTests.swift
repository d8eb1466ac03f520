import Fluent
import XCTVapor
import XCTest

@testable import AppCore
@testable import MonitorFeature
@testable import VitaalDomain

/// Import into the database: atomicity, replace, undo, audit log, the upload page and the CLI.
/// (The parsing and validation rules themselves are tested in VitaalDomainTests/Monitor.)
final class MonitorImportTests: XCTestCase {
    let good = """
        indicator;regio;periode;waarde;status;opmerking
        bw_ervaren_gezondheid;GM0034;2023;71,5;definitief;
        bw_ervaren_gezondheid;GM0034;2024JJ00;72,25;voorlopig;"met ; puntkomma"
        bw_ervaren_gezondheid;PV24;2024;73;;
        tz_welzijn_op_recept;GM0184;2024KW03;3;;
        bw_fijnstof;GM0995;2024-05;.;;
        """

    func testLongCSVIsStoredWithPeriodsStatusesAndAudit() async throws {
        try await TestApp.with { app in
            try await MonitorTestSupport.seedIndicators(app)
            let outcome = try await MonitorTestSupport.importCSV(app, good)
            XCTAssertEqual(outcome.inserted, 5)
            XCTAssertEqual(outcome.summary.missing, 1)
            let count = try await MonitorTestSupport.valueCount(app)
            XCTAssertEqual(count, 5)
            let v = try await MonitorTestSupport.value(app, "bw_ervaren_gezondheid", "GM0034", "2024")
            XCTAssertEqual(v?.value, 72.25)
            XCTAssertEqual(v?.status, "voorlopig")
            XCTAssertEqual(v?.note, "met ; puntkomma")
            XCTAssertEqual(v?.periodSort, Period("2024")!.sortKey)
            let q = try await MonitorTestSupport.value(app, "tz_welzijn_op_recept", "GM0184", "2024Q3")
            XCTAssertEqual(q?.value, 3)
            let gap = try await MonitorTestSupport.value(app, "bw_fijnstof", "GM0995", "2024-05")
            XCTAssertNil(gap?.value)
            XCTAssertEqual(gap?.missingReason, "notAvailable")
            let batch = try await DataImport.query(on: app.db).first()
            XCTAssertEqual(batch?.records, 5)
            XCTAssertEqual(batch?.inserted, 5)
            XCTAssertEqual(batch?.actor, "test")
            XCTAssertEqual(v?.$batch.id, batch?.id)
            let audit = try await AuditEntry.query(on: app.db).filter(\.$action == "import").all()
            XCTAssertEqual(audit.count, 1)
            XCTAssertTrue(audit.first?.summary.contains("5 waarden opgeslagen") ?? false, audit.first?.summary ?? "")
        }
    }

    func testStatLineWideCSVWithMapping() async throws {
        try await TestApp.with { app in
            try await MonitorTestSupport.seedIndicators(app)
            let csv = """
                "ID";"RegioS";"Perioden";"ErvarenGezondheid_1";"Vrijwilligerswerk_2";"Overig_3"
                0;"GM0034  ";"2022JJ00";"  74.5";"  41,0";"9"
                1;"GM0995  ";"2022JJ00";"       .";"  43,5";"9"
                2;"PV24    ";"2022JJ00";"  75,1";"  42,0";"9"
                """
            let mapping = try StatLineMapping.parse(
                data: Data(
                    #"{"measures": {"ErvarenGezondheid_1": "bw_ervaren_gezondheid", "Vrijwilligerswerk_2": "bw_vrijwilligerswerk"}, "status": "definitief"}"#
                        .utf8))
            // "74.5" with a decimal point next to "41,0" with a comma is refused (one mark per file).
            let mixed = await { () -> VitaalError? in
                do {
                    try await MonitorTestSupport.importCSV(app, csv, name: "statline.csv", mapping: mapping)
                    return nil
                } catch let e as VitaalError { return e } catch { return nil }
            }()
            XCTAssertNotNil(mixed)
            XCTAssertTrue(
                mixed?.problems.contains { $0.location.line == 2 || $0.location.line == 3 } ?? false,
                mixed?.description ?? "")
            let none = try await MonitorTestSupport.valueCount(app)
            XCTAssertEqual(none, 0)

            let outcome = try await MonitorTestSupport.importCSV(
                app, csv.replacingOccurrences(of: "74.5", with: "74,5"), name: "statline.csv", mapping: mapping)
            XCTAssertEqual(outcome.summary.format, .statLine)
            XCTAssertEqual(outcome.inserted, 6)
            let a = try await MonitorTestSupport.value(app, "bw_ervaren_gezondheid", "GM0034", "2022")
            XCTAssertEqual(a?.value, 74.5)
            let gap = try await MonitorTestSupport.value(app, "bw_ervaren_gezondheid", "GM0995", "2022")
            XCTAssertNotNil(gap)
            XCTAssertNil(gap?.value)
            let p = try await MonitorTestSupport.value(app, "bw_vrijwilligerswerk", "PV24", "2022")
            XCTAssertEqual(p?.value, 42)
            let batch = try await DataImport.query(on: app.db).first()
            XCTAssertEqual(batch?.format, "statLine")
        }
    }

    /// Every bad input: a message naming file, line and column where applicable, and nothing written.
    func testBadInputsWriteNothing() async throws {
        try await TestApp.with { app in
            try await MonitorTestSupport.seedIndicators(app)
            let header = "indicator;regio;periode;waarde\n"
            let first = "bw_ervaren_gezondheid;GM0034;2023;71,5\n"
            var latin1 = Data((header + first).utf8)
            latin1.append(contentsOf: Array("bw_ervaren_gezondheid;GM0034;2024;70,0;".utf8).dropLast())
            latin1.append(contentsOf: [0x0A])
            var latin1Note = Data(
                "indicator;regio;periode;waarde;opmerking\nbw_ervaren_gezondheid;GM0034;2023;71,5;caf".utf8)
            latin1Note.append(0xE9)  // Latin-1 é
            latin1Note.append(0x0A)
            let cases: [(String, Data, String, Int?, Int?)] = [
                (
                    "wrong separator",
                    Data("indicator|regio|periode|waarde\nbw_ervaren_gezondheid|GM0034|2023|71,5\n".utf8), "één kolom",
                    1, nil
                ),
                (
                    "mixed decimal", Data((header + first + "bw_ervaren_gezondheid;GM0995;2023;70.25\n").utf8),
                    "decimaalteken", 3, 4
                ),
                ("latin-1", latin1Note, "UTF-8", 2, nil),
                (
                    "missing header", Data((first + first.replacingOccurrences(of: "2023", with: "2024")).utf8),
                    "kopregel", 1, nil
                ),
                ("ragged row", Data((header + first + "bw_ervaren_gezondheid;GM0995;2023\n").utf8), "velden", 3, nil),
                (
                    "unknown indicator", Data((header + first + "bestaat_niet;GM0034;2023;1\n").utf8),
                    "onbekende indicator", 3, 1
                ),
                (
                    "unknown region", Data((header + first + "bw_ervaren_gezondheid;GM9999;2023;1\n").utf8),
                    "onbekende regio", 3, 2
                ),
                (
                    "invalid period", Data((header + first + "bw_ervaren_gezondheid;GM0995;2023Q5;1\n").utf8),
                    "ongeldige periode", 3, 3
                ),
                (
                    "non-numeric", Data((header + first + "bw_ervaren_gezondheid;GM0995;2023;veel\n").utf8),
                    "geen getal", 3, 4
                ),
                (
                    "out of range", Data((header + first + "bw_ervaren_gezondheid;GM0995;2023;123,4\n").utf8),
                    "buiten het toegestane bereik", 3, 4
                ),
                ("duplicate in file", Data((header + first + first).utf8), "dubbele waarde", 3, 1),
                ("empty file", Data(), "leeg", nil, nil),
                ("header only", Data(header.utf8), "geen waarden", nil, nil)
            ]
            for (name, data, expected, line, column) in cases {
                guard let error = await MonitorTestSupport.importError(app, data, name: "\(name).csv") else { continue }
                let all = ([error.message] + error.problems.map(\.description)).joined(separator: "\n")
                XCTAssertTrue(all.contains(expected), "\(name): \(all)")
                XCTAssertTrue(all.contains("\(name).csv"), "\(name): file name missing in \(all)")
                if let line {
                    XCTAssertTrue(
                        error.problems.contains {
                            $0.location.line == line && (column == nil || $0.location.column == column)
                        },
                        "\(name): expected line \(line) column \(column.map(String.init) ?? "-"): \(all)")
                }
                let values = try await MonitorTestSupport.valueCount(app)
                let batches = try await MonitorTestSupport.batchCount(app)
                XCTAssertEqual(values, 0, name)
                XCTAssertEqual(batches, 0, name)
            }
            // A BOM is fine.
            var bom = Data([0xEF, 0xBB, 0xBF])
            bom.append(Data((header + first).utf8))
            _ = try await DataImporter.run(
                .data(bom, name: "bom.csv"), replace: false, user: nil, actor: "test", on: app.db)
            let afterBOM = try await MonitorTestSupport.valueCount(app)
            XCTAssertEqual(afterBOM, 1)
        }
    }

    /// Many errors: the first 50 are listed with the total; good rows before them are rolled back
    /// although they were already sent to the database in earlier batches.
    func testRollbackAfterEarlierBatchesWereWritten() async throws {
        try await TestApp.with { app in
            try await MonitorTestSupport.seedIndicators(app)
            var text = "indicator;regio;periode;waarde\n"
            for month in 1...12 {
                for year in 2000...2400 {  // 4,812 good rows: more than two batches of 2,000
                    text += "bw_ervaren_gezondheid;GM0034;\(year)-\(month < 10 ? "0" : "")\(month);50\n"
                }
            }
            for i in 0..<60 { text += "bw_ervaren_gezondheid;GM0034;1990-01;x\(i)\n" }
            guard let error = await MonitorTestSupport.importError(app, Data(text.utf8), name: "groot.csv") else {
                return
            }
            XCTAssertEqual(error.problems.count, 50)
            XCTAssertTrue(error.message.contains("er is niets opgeslagen"), error.message)
            let values = try await MonitorTestSupport.valueCount(app)
            XCTAssertEqual(values, 0)
        }
    }

    func testExistingValuesNeedReplaceAndUndoRestores() async throws {
        try await TestApp.with { app in
            try await MonitorTestSupport.seedIndicators(app)
            let first = try await MonitorTestSupport.importCSV(app, good, name: "eerste.csv")
            let again =
                "indicator;regio;periode;waarde\nbw_ervaren_gezondheid;GM0034;2024;80\nbw_ervaren_gezondheid;GM0995;2024;60\n"
            guard let error = await MonitorTestSupport.importError(app, Data(again.utf8), name: "tweede.csv") else {
                return
            }
            XCTAssertTrue(
                error.problems.contains { $0.location.line == 2 && $0.message.contains("al een waarde opgeslagen") },
                error.description)
            var values = try await MonitorTestSupport.valueCount(app)
            XCTAssertEqual(values, 5)
            var batches = try await MonitorTestSupport.batchCount(app)
            XCTAssertEqual(batches, 1)

            let second = try await MonitorTestSupport.importCSV(app, again, name: "tweede.csv", replace: true)
            XCTAssertEqual(second.replaced, 1)
            XCTAssertEqual(second.inserted, 1)
            var v = try await MonitorTestSupport.value(app, "bw_ervaren_gezondheid", "GM0034", "2024")
            XCTAssertEqual(v?.value, 80)
            XCTAssertEqual(v?.status, "definitief")

            // The first import cannot be undone while the second replaced its values.
            do {
                _ = try await DataImporter.undo(batchID: first.batchID, user: nil, actor: "test", on: app.db)
                XCTFail("undo should be refused")
            } catch let e as VitaalError {
                XCTAssertEqual(e.kind, .conflict)
                XCTAssertTrue(e.message.contains("tweede.csv"), e.message)
            }
            let message = try await DataImporter.undo(batchID: second.batchID, user: nil, actor: "test", on: app.db)
            XCTAssertTrue(message.contains("1 waarden verwijderd, 1 vorige waarden hersteld"), message)
            v = try await MonitorTestSupport.value(app, "bw_ervaren_gezondheid", "GM0034", "2024")
            XCTAssertEqual(v?.value, 72.25)
            XCTAssertEqual(v?.status, "voorlopig")
            XCTAssertEqual(v?.$batch.id, first.batchID)
            let gone = try await MonitorTestSupport.value(app, "bw_ervaren_gezondheid", "GM0995", "2024")
            XCTAssertNil(gone)
            // Now the first one can be undone too; undoing twice is refused.
            _ = try await DataImporter.undo(batchID: first.batchID, user: nil, actor: "test", on: app.db)
            values = try await MonitorTestSupport.valueCount(app)
            XCTAssertEqual(values, 0)
            do {
                _ = try await DataImporter.undo(batchID: first.batchID, user: nil, actor: "test", on: app.db)
                XCTFail("second undo")
            } catch let e as VitaalError { XCTAssertEqual(e.kind, .conflict) }
            batches = try await MonitorTestSupport.batchCount(app)
            XCTAssertEqual(batches, 2)  // history is kept
            let undone = try await AuditEntry.query(on: app.db).filter(\.$action == "import ongedaan").count()
            XCTAssertEqual(undone, 2)
        }
    }

    func testUploadPageRolesReplaceAndZeroByteFile() async throws {
        try await TestApp.with { app in
            try await MonitorTestSupport.seedIndicators(app)
            let anonymous = Browser(app)
            let denied = try await anonymous.get("/monitor/import")
            XCTAssertNotEqual(denied.status, .ok)

            let (lezerMail, lezerPass) = try await TestApp.user(app, role: .lezer)
            let lezer = Browser(app)
            try await lezer.login(lezerMail, lezerPass)
            let forbidden = try await lezer.get("/monitor/import")
            XCTAssertEqual(forbidden.status, .forbidden)

            // The file holds indicators of two organisations (M7): only a beheerder may import it whole.
            let (mail, pass) = try await TestApp.user(app, role: .beheerder)
            let browser = Browser(app)
            try await browser.login(mail, pass)
            let form = try await browser.get("/monitor/import")
            XCTAssertEqual(form.status, .ok)
            XCTAssertTrue(form.body.contains("Bestaande waarden vervangen"))
            let csrf = try XCTUnwrap(browser.csrf)
            let boundary = "----vitaalgrens"
            let type = HTTPMediaType(type: "multipart", subType: "form-data", parameters: ["boundary": boundary])

            // 0-byte upload: clear error, nothing written.
            let empty = try await browser.request(
                .POST, MonitorURL.importUpload.path(query: [("csrf", csrf)]),
                body: MonitorTestSupport.multipart(boundary: boundary, files: [("file", "leeg.csv", Data())]),
                contentType: type)
            XCTAssertEqual(empty.status, .unprocessableEntity)
            XCTAssertTrue(empty.body.contains("leeg.csv"), empty.body)
            XCTAssertTrue(empty.body.contains("0 bytes"), empty.body)

            let ok = try await browser.request(
                .POST, MonitorURL.importUpload.path(query: [("csrf", csrf)]),
                body: MonitorTestSupport.multipart(boundary: boundary, files: [("file", "goed.csv", Data(good.utf8))]),
                contentType: type)
            XCTAssertEqual(ok.status, .ok)
            XCTAssertTrue(ok.body.contains("5 waarden opgeslagen"), ok.body)

            // Same file again without the checkbox: refused with line numbers; with it: replaced.
            let again = try await browser.request(
                .POST, MonitorURL.importUpload.path(query: [("csrf", csrf)]),
                body: MonitorTestSupport.multipart(boundary: boundary, files: [("file", "goed.csv", Data(good.utf8))]),
                contentType: type)
            XCTAssertEqual(again.status, .unprocessableEntity)
            XCTAssertTrue(again.body.contains("regel 2"), again.body)
            let replaced = try await browser.request(
                .POST, MonitorURL.importUpload.path(query: [("csrf", csrf)]),
                body: MonitorTestSupport.multipart(
                    boundary: boundary, files: [("file", "goed.csv", Data(good.utf8))], fields: ["replace": "ja"]),
                contentType: type)
            XCTAssertEqual(replaced.status, .ok)
            XCTAssertTrue(replaced.body.contains("5 vervangen"), replaced.body)

            // Without CSRF token: refused.
            let noCSRF = try await browser.request(
                .POST, "/monitor/import",
                body: MonitorTestSupport.multipart(boundary: boundary, files: [("file", "goed.csv", Data(good.utf8))]),
                contentType: type)
            XCTAssertEqual(noCSRF.status, .forbidden)

            // History lists both batches; the editor undoes the latest one.
            let history = try await browser.get("/monitor/import/geschiedenis")
            XCTAssertEqual(history.status, .ok)
            XCTAssertTrue(history.body.contains("goed.csv"))
            XCTAssertTrue(history.body.contains(mail))
            let latest = try await DataImport.query(on: app.db).sort(\.$createdAt, .descending).first()
            let id = try XCTUnwrap(latest?.id)
            let undo = try await browser.post(MonitorURL.importUndo(.value(id.uuidString)).path)
            XCTAssertEqual(undo.status, .seeOther)
            let after = try await DataImport.find(id, on: app.db)
            XCTAssertNotNil(after?.undoneAt)
            XCTAssertEqual(after?.undoneBy, mail)

            // Another editor may not undo this editor's import.
            let (other, otherPass) = try await TestApp.user(app, role: .redacteur, organisation: "ggd-flevoland")
            let second = Browser(app)
            try await second.login(other, otherPass)
            let firstBatch = try await DataImport.query(on: app.db).filter(\.$undoneAt == nil).first()
            let refused = try await second.post(
                MonitorURL.importUndo(.value(try XCTUnwrap(firstBatch?.id).uuidString)).path)
            XCTAssertEqual(refused.status, .forbidden)
        }
    }

    func testCommandImportsWithProgressBarAndRefusesBadFile() async throws {
        try await TestApp.with { app in
            try await MonitorTestSupport.seedIndicators(app)
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("monitor-cli-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: dir) }
            var text = "indicator;regio;periode;waarde\n"
            for year in 1001...2000 {
                for m in 1...11 {  // 11,000 rows
                    text += "bw_ervaren_gezondheid;GM0034;\(year)-\(m < 10 ? "0" : "")\(m);\(50 + m)\n"
                }
            }
            let big = dir.appendingPathComponent("groot.csv")
            try Data(text.utf8).write(to: big)

            func run(_ args: [String]) async throws -> String {
                let console = MonitorRecordingConsole()
                var context = CommandContext(console: console, input: CommandInput(arguments: ["vitaal"] + args))
                context.application = app
                try await ImportDataCommand().run(using: &context)
                return console.output
            }
            let out = try await run([big.path])
            XCTAssertTrue(out.contains("11.000 waarden opgeslagen"), out)
            XCTAssertTrue(out.contains("100%"), "progress bar expected: \(out.suffix(300))")
            XCTAssertTrue(out.contains("["), out)
            let count = try await MonitorTestSupport.valueCount(app)
            XCTAssertEqual(count, 11_000)

            // Again without --replace: refused, with --replace: replaced.
            do {
                _ = try await run([big.path])
                XCTFail("expected refusal")
            } catch let e as VitaalError {
                XCTAssertTrue(e.problems.first?.description.contains("groot.csv, regel 2") ?? false, e.description)
            }
            let replaced = try await run([big.path, "--replace"])
            XCTAssertTrue(replaced.contains("11.000 vervangen"), replaced)

            // StatLine with --mapping.
            let statline = dir.appendingPathComponent("statline.csv")
            try Data("RegioS;Perioden;Gezond_1\nGM0995;2021JJ00;70,5\n".utf8).write(to: statline)
            let mapping = dir.appendingPathComponent("mapping.json")
            try Data(#"{"measures": {"Gezond_1": "bw_ervaren_gezondheid"}}"#.utf8).write(to: mapping)
            let s = try await run([statline.path, "--mapping", mapping.path])
            XCTAssertTrue(s.contains("1 waarden opgeslagen"), s)
            // Missing file.
            do {
                _ = try await run([dir.appendingPathComponent("bestaat-niet.csv").path])
                XCTFail("missing file")
            } catch let e as VitaalError {
                XCTAssertTrue(e.description.contains("bestaat-niet.csv"), e.description)
            }
        }
    }

    func testProgressBarLine() {
        let line = ProgressBar.line(ImportProgress(bytesRead: 50, totalBytes: 100, records: 12_345), width: 10)
        XCTAssertEqual(line, "\r[#####.....]  50%  12.345 regels")
    }
}
