import Fluent
import VitaalDomain
import XCTVapor
import XCTest

@testable import AppCore
@testable import MonitorFeature

/// The hand-written JSON of `/api/v1/data` must be exactly what `JSONEncoder` gave before, and the
/// answer cache must stay within its byte budget.
final class MonitorAPIJSONTests: XCTestCase {
    typealias API = MonitorAPIController

    /// What the Fluent + JSONEncoder implementation produced for these rows.
    func encoderJSON(
        _ rows: [DataAPIRows.Row], _ byCode: [String: Indicator], audience: Audience,
        page: Int, pageSize: Int, total: Int, next: String?
    ) throws -> String {
        let items = rows.map { r -> DataRow in
            let ind = byCode[r.indicatorCode]!
            let cell = ValueFormatter.downloadCell(r.value, indicator: ind.definition, audience: audience)
            return DataRow(
                indicator: ind.code, indicatorName: ind.name, region: r.regionCode,
                regionName: r.regionName ?? r.regionCode,
                period: r.period, value: cell.suppressed ? nil : r.value, display: cell.text,
                suppressed: cell.suppressed,
                unit: ind.unit, status: r.status, missingReason: r.missingReason, note: r.note,
                source: ind.source, licence: ind.licence)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(
            API.DataPageDTO(items: items, page: page, pageSize: pageSize, total: total, next: next))
        return String(decoding: data, as: UTF8.self)
    }

    func handJSON(
        _ rows: [DataAPIRows.Row], _ byCode: [String: Indicator], audience: Audience,
        page: Int, pageSize: Int, total: Int, next: String?
    ) -> String {
        var buffer = DataAPIRows.json(
            rows: rows, indicators: byCode, audience: audience, page: page, pageSize: pageSize, total: total, next: next
        )
        return buffer.readString(length: buffer.readableBytes) ?? ""
    }

    func testHandWrittenJSONEqualsJSONEncoder() throws {
        let count = try XCTUnwrap(MonitorDemoData.indicators.first { $0.isCount })
        let plain = try XCTUnwrap(MonitorDemoData.indicators.first { !$0.isCount })
        let tricky = Indicator(plain)
        tricky.code = "x_tricky"
        tricky.name = "Naam met \"aanhalingstekens\", \\ backslash, tab\t, é € 😀 en /slash/"
        tricky.unit = "‰"
        tricky.source = "Bron\nregel 2\u{1}\u{1f}\u{7f}"
        tricky.licence = "CC0 / vrij"
        let byCode = Dictionary(
            uniqueKeysWithValues: [Indicator(count), Indicator(plain), tricky].map { ($0.code, $0) })
        let values: [Double?] = [
            0.1, 12.0, -0.0, 1e-7, 123_456_789_012_345_680, 2.5, 3, 4.999, 5, nil, -1.25, 1e21, 0.3333333333333333
        ]
        var rows: [DataAPIRows.Row] = []
        for code in [count.code, plain.code, "x_tricky"].sorted() {
            for (i, v) in values.enumerated() {
                rows.append(
                    .init(
                        indicatorCode: code, regionCode: i % 3 == 0 ? "GM0034" : "PV24",
                        regionName: i % 4 == 0 ? nil : "Almere \"Stad\"",
                        period: "20\(10 + i)", value: v, status: i % 2 == 0 ? "voorbeeld" : "definitief",
                        missingReason: v == nil ? MissingReason.confidential.rawValue : nil,
                        note: i % 5 == 0 ? "opmerking\r\nmet\u{8}\u{c} tekens \\ \" /" : nil))
            }
        }
        for audience in [Audience.public, .internal] {
            for next in [nil, "/api/v1/data?indicator=a,b&page=2&pageSize=10"] {
                let expected = try encoderJSON(
                    rows, byCode, audience: audience, page: 1, pageSize: 10, total: 99, next: next)
                XCTAssertEqual(
                    handJSON(rows, byCode, audience: audience, page: 1, pageSize: 10, total: 99, next: next), expected)
            }
        }
        // Disclosure control: a public count below 5 has no value, display "<5".
        let pub = handJSON(rows, byCode, audience: .public, page: 1, pageSize: 10, total: 99, next: nil)
        XCTAssertTrue(pub.contains("{\"display\":\"<5\",\"indicator\":\"\(count.code)\""))
        XCTAssertEqual(
            handJSON([], byCode, audience: .public, page: 3, pageSize: 10, total: 0, next: nil),
            try encoderJSON([], byCode, audience: .public, page: 3, pageSize: 10, total: 0, next: nil))
    }

    /// The whole demo data set through the API equals the old Fluent + JSONEncoder answer (both audiences).
    func testDataAnswerEqualsFluentEncoding() async throws {
        try await TestApp.with { app in
            try await MonitorTestSupport.seedDemo(app)
            // A value with characters that need escaping.
            try await MonitorTestSupport.importCSV(
                app,
                "indicator;regio;periode;waarde;opmerking\nbw_fijnstof;GM0034;2025;7,1;\"zegt \"\"hoi\"\" \\ ok\"\n")
            let (mail, pass) = try await TestApp.user(app, role: .lezer)
            let reader = Browser(app)
            try await reader.login(mail, pass)
            for (browser, audience) in [(Browser(app), Audience.public), (reader, .internal)] {
                let visible = try await MonitorData.indicators(for: audience, on: app.db)
                let byCode = Dictionary(uniqueKeysWithValues: visible.map { ($0.code, $0) })
                let regionNames = Dictionary(
                    uniqueKeysWithValues: try await Region.query(on: app.db).all().map { ($0.code, $0.name) })
                let values = try await DataValue.query(on: app.db).filter(\.$indicatorCode ~~ visible.map(\.code))
                    .sort(\.$indicatorCode).sort(\.$regionCode).sort(\.$periodSort).all()
                let rows = values.map { v in
                    DataAPIRows.Row(
                        indicatorCode: v.indicatorCode, regionCode: v.regionCode, regionName: regionNames[v.regionCode],
                        period: v.period, value: v.value, status: v.status, missingReason: v.missingReason, note: v.note
                    )
                }
                XCTAssertGreaterThan(rows.count, 1000)
                let expected = try encoderJSON(
                    rows, byCode, audience: audience, page: 1, pageSize: 10000, total: rows.count, next: nil)
                let answer = try await browser.get("/api/v1/data?pageSize=10000")
                XCTAssertEqual(answer.status, .ok)
                XCTAssertEqual(answer.body, expected, "\(audience)")
                XCTAssertTrue(answer.body.contains(#"zegt \"hoi\" \\ ok"#))
                // #20: the same rows as CSV, by parameter and by Accept header; a wrong format is a 422.
                let csv = try await browser.get("/api/v1/data?pageSize=10000&format=csv")
                XCTAssertEqual(csv.headers.contentType?.subType, "csv")
                let accepted = try await browser.request(
                    .GET, "/api/v1/data?pageSize=10000", headers: ["Accept": "text/csv"])
                XCTAssertEqual(accepted.body, csv.body)
                try Self.assertCSV(csv.body, equalsItemsOf: answer.body)
                let doc = try await browser.get("/api/v1/openapi.json")
                let root = try JSONSerialization.jsonObject(with: Data(doc.body.utf8)) as? [String: Any]
                let paths = root?["paths"] as? [String: Any]
                let operation = (paths?["/api/v1/data"] as? [String: Any])?["get"] as? [String: Any]
                let ok = (operation?["responses"] as? [String: Any])?["200"] as? [String: Any]
                let media = (ok?["content"] as? [String: Any])?.keys.sorted()
                XCTAssertEqual(media, ["application/json", "text/csv"])
                let wrong = try await browser.get("/api/v1/data?format=xml")
                XCTAssertEqual(wrong.status, .unprocessableEntity)
                XCTAssertTrue(wrong.body.contains("format moet json of csv zijn"), wrong.body)
                // A page beyond the end: empty items, same total.
                let beyond = try await browser.get("/api/v1/data?page=99&pageSize=10000")
                XCTAssertTrue(
                    beyond.body.hasPrefix("{\"items\":[],\"page\":99,\"pageSize\":10000,\"total\":\(rows.count)}"),
                    beyond.body)
            }
            // #20: through a real server, `Accept-Encoding: gzip` gives a gzip body that decodes to the same JSON.
            try await app.server.start(address: .hostname("127.0.0.1", port: 0))
            let port = try XCTUnwrap(app.http.server.shared.localAddress?.port)
            let url = "http://127.0.0.1:\(port)/api/v1/data?pageSize=10000"
            let plainHeaders = try await Self.run("curl", ["-sS", "-o", "/dev/null", "-D", "-", url])
            let plain = try await Self.run("curl", ["-sS", url])
            let gzip = try await Self.run("curl", ["-sS", "-H", "Accept-Encoding: gzip", url])
            await app.server.shutdown()
            XCTAssertFalse(String(decoding: plainHeaders, as: UTF8.self).lowercased().contains("content-encoding"))
            XCTAssertGreaterThan(plain.count, 100_000)
            XCTAssertLessThan(gzip.count, plain.count / 4)
            let unzipped = try await Self.run("gzip", ["-dc"], input: gzip)
            XCTAssertEqual(String(decoding: unzipped, as: UTF8.self), String(decoding: plain, as: UTF8.self))
        }
    }

    /// Every CSV row has exactly the fields of the JSON item at the same place (text a spreadsheet would run
    /// as a formula carries the leading `'` of `CSVWriter.neutralise`; null is an empty cell).
    static func assertCSV(_ csv: String, equalsItemsOf json: String, line: UInt = #line) throws {
        let table = try CSVTable.parse(data: Data(csv.utf8), separator: .comma)
        XCTAssertEqual(table.header, DataAPIRows.csvColumns, line: line)
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let items = try XCTUnwrap(object?["items"] as? [[String: Any]])
        XCTAssertEqual(table.rows.count, items.count, line: line)
        for (row, item) in zip(table.rows, items) {
            for (index, name) in table.header.enumerated() {
                let cell = row.field(index) ?? ""
                switch item[name] {
                case let number as Double where name == "value":
                    XCTAssertEqual(Double(cell), number, "\(name) on line \(row.line)", line: line)
                case let flag as Bool:
                    XCTAssertEqual(cell, flag ? "true" : "false", "\(name) on line \(row.line)", line: line)
                case let text as String:
                    XCTAssertEqual(cell, CSVWriter.neutralise(text), "\(name) on line \(row.line)", line: line)
                default:
                    XCTAssertEqual(cell, "", "\(name) on line \(row.line)", line: line)
                }
            }
        }
    }

    /// Output of a command line tool, through files (no pipe to fill up); skips the test when it fails.
    static func run(_ tool: String, _ arguments: [String], input: Data? = nil) async throws -> Data {
        let dir = FileManager.default.temporaryDirectory
        let output = dir.appendingPathComponent("vitaal-out-\(UUID().uuidString)")
        let source = dir.appendingPathComponent("vitaal-in-\(UUID().uuidString)")
        defer {
            try? FileManager.default.removeItem(at: output)
            try? FileManager.default.removeItem(at: source)
        }
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        process.standardOutput = try FileHandle(forWritingTo: output)
        if let input {
            try input.write(to: source)
            process.standardInput = try FileHandle(forReadingFrom: source)
        }
        let code: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch { continuation.resume(throwing: error) }
        }
        guard code == 0 else { throw XCTSkip("\(tool) failed (exit \(code))") }
        return try Data(contentsOf: output)
    }

    func testCacheStaysWithinByteBudget() {
        let cache = MonitorAPICache(maxTotalBytes: 1000, maxEntries: 10, maxEntryBytes: 600)
        func body(_ n: Int) -> ByteBuffer { ByteBuffer(repeating: 0x20, count: n) }
        cache.put("a", body(400), version: 1)
        cache.put("b", body(400), version: 1)
        XCTAssertNotNil(cache.get("a"))  // a is now more recently used than b
        cache.put("c", body(400), version: 1)  // 1200 > 1000: the least recently used (b) goes
        XCTAssertNil(cache.get("b"))
        XCTAssertNotNil(cache.get("a"))
        XCTAssertNotNil(cache.get("c"))
        XCTAssertEqual(cache.totalBytes, 800)
        cache.put("big", body(601), version: 1)  // larger than one entry may be: not cached
        XCTAssertNil(cache.get("big"))
        XCTAssertEqual(cache.totalBytes, 800)
        cache.put("a", body(100), version: 1)  // replacing an entry counts its new size only
        XCTAssertEqual(cache.totalBytes, 500)
        for i in 0..<20 { cache.put("n\(i)", body(10), version: 1) }
        XCTAssertLessThanOrEqual(cache.count, 10)
        cache.put("d", body(10), version: 2)  // a new data version empties the cache
        XCTAssertEqual(cache.count, 1)
        XCTAssertEqual(cache.totalBytes, 10)
    }
}
