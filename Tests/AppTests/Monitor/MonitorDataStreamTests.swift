import Fluent
import VitaalDomain
import XCTVapor
import XCTest

@testable import AppCore
@testable import MonitorFeature

/// Issue #20: `/api/v1/data` pages of more than `DataAPIStream.threshold` rows are streamed chunk by chunk;
/// their bytes must be exactly those of the same rows built whole (pages at most the threshold), for
/// JSON and CSV, both audiences, with disclosure control, a region filter, an offset, and gzip.
final class MonitorDataStreamTests: XCTestCase {
    typealias API = MonitorAPIController

    /// 3 indicators (one a public count, with values below 5) × 30 regions × 50 years = 4,500 values,
    /// imported through the real importer.
    static let codes = ["bw_fijnstof", "tz_ervaren_gezondheid", "tz_welzijn_op_recept"]
    static let years = 1975...2024

    func testStreamedPagesEqualWholePagesByteForByte() async throws {
        try await TestApp.with { app in
            try await MonitorTestSupport.seedIndicators(app)
            let allRegions = try await Region.query(on: app.db).sort(\.$code).all().map(\.code)
            // PV24 and its six municipalities form an additive group, so secondary suppression happens too.
            let regions = Array(
                (allRegions.filter { $0 == "PV24" || $0.hasPrefix("GM") }
                    + allRegions.filter { $0.hasPrefix("WK") }).prefix(30))
            XCTAssertEqual(regions.count, 30)
            var csv = "indicator;regio;periode;waarde;opmerking\n"
            for (i, code) in Self.codes.enumerated() {
                for (r, region) in regions.enumerated() {
                    for year in Self.years {
                        let n = (i * 7 + r * 3 + year) % 41
                        let value = code == "tz_welzijn_op_recept" ? "\(n)" : "\(n / 2),\(n % 10)"
                        let note = (r + year) % 17 == 0 ? "\"zegt \"\"hoi\"\" ; \\ ok\"" : ""
                        csv += "\(code);\(region);\(year);\(value);\(note)\n"
                    }
                }
            }
            try await MonitorTestSupport.importCSV(app, csv)
            let stored = try await MonitorTestSupport.valueCount(app)
            XCTAssertEqual(stored, 4_500)

            let (mail, pass) = try await TestApp.user(app, role: .lezer)
            let reader = Browser(app)
            try await reader.login(mail, pass)
            let anonymous = Browser(app)
            let all = "indicator=\(Self.codes.joined(separator: ","))"
            let someRegions = "region=\(regions.prefix(20).joined(separator: ","))"
            for browser in [anonymous, reader] {
                // Whole pages of at most the threshold, put side by side, give the streamed page's items.
                // 4,500 rows in one streamed page, against three whole pages of 1,500.
                try await assertStreamed(
                    browser, "\(all)&pageSize=10000", equals: "\(all)&pageSize=1500", pages: 1...3,
                    page: 1, pageSize: 10_000, total: 4_500, next: nil)
                // An offset: page 2 of 2,100 rows (rows 2,101 to 4,200, crossing an indicator) with a next link.
                let next = API.DataQuery(
                    indicators: Self.codes, regions: [], period: nil, from: nil, to: nil, page: 2, pageSize: 2_100
                ).nextPagePath
                try await assertStreamed(
                    browser, "\(all)&page=2&pageSize=2100", equals: "\(all)&pageSize=700", pages: 4...6,
                    page: 2, pageSize: 2_100, total: 4_500, next: next)
                // A region filter and a period range: 3 × 20 × 40 = 2,400 rows (for the public: disclosure
                // control still decides over all regions).
                if browser === anonymous {
                    try await assertStreamed(
                        browser, "\(all)&\(someRegions)&from=1985&to=2024&pageSize=5000",
                        equals: "\(all)&\(someRegions)&from=1985&to=2024&pageSize=1200", pages: 1...2,
                        page: 1, pageSize: 5_000, total: 2_400, next: nil)
                }
                // CSV: the streamed lines are the whole pages' lines.
                let streamedCSV = try await browser.get("/api/v1/data?\(all)&pageSize=10000&format=csv")
                XCTAssertEqual(streamedCSV.status, .ok)
                XCTAssertEqual(streamedCSV.headers.contentType?.subType, "csv")
                var wholeCSV = ""
                for page in 1...3 {
                    let part = try await browser.get("/api/v1/data?\(all)&pageSize=1500&page=\(page)&format=csv")
                    let lines = part.body.split(separator: "\r\n", omittingEmptySubsequences: false)
                    XCTAssertEqual(lines.count, 1_502, "header, 1,500 lines, empty after the last CRLF")
                    wholeCSV += (page == 1 ? lines : Array(lines.dropFirst())).joined(separator: "\r\n")
                }
                XCTAssertEqual(streamedCSV.body, wholeCSV)
                let json = try await browser.get("/api/v1/data?\(all)&pageSize=10000")
                try MonitorAPIJSONTests.assertCSV(streamedCSV.body, equalsItemsOf: json.body)
            }
            // The public sees "<5" and secondary suppression in the streamed page; the reader sees values.
            let publicPage = try await anonymous.get("/api/v1/data?\(all)&pageSize=10000")
            XCTAssertTrue(publicPage.body.contains("\"display\":\"<5\""))
            XCTAssertTrue(publicPage.body.contains("\"display\":\"\(Disclosure.secondaryCell)\""))
            let readerPage = try await reader.get("/api/v1/data?\(all)&pageSize=10000")
            XCTAssertFalse(readerPage.body.contains("\"<5\""))

            // Streamed answers are not cached; whole ones are. The ETag still gives a 304.
            let cached = app.monitorAPICache.count
            let streamed = try await anonymous.get("/api/v1/data?indicator=bw_fijnstof,tz_welzijn_op_recept")
            XCTAssertEqual(app.monitorAPICache.count, cached + 1, "1,000 rows: built whole and cached")
            XCTAssertEqual(streamed.status, .ok)
            let large = try await anonymous.get("/api/v1/data?\(all)&pageSize=3000")
            XCTAssertEqual(app.monitorAPICache.count, cached + 1, "3,000 rows: streamed, not cached")
            let tag = try XCTUnwrap(large.headers.first(name: .eTag))
            let again = try await anonymous.request(
                .GET, "/api/v1/data?\(all)&pageSize=3000", headers: ["If-None-Match": tag])
            XCTAssertEqual(again.status, .notModified)
            let doc = try await anonymous.get("/api/v1/openapi.json")
            XCTAssertTrue(doc.body.contains("Pagina's van meer dan 2.000 waarden worden verstuurd"))
            // Bad input is refused before anything is streamed.
            let tooLarge = try await anonymous.get("/api/v1/data?\(all)&pageSize=10001")
            XCTAssertEqual(tooLarge.status, .unprocessableEntity)
            XCTAssertTrue(tooLarge.body.contains("pageSize"), tooLarge.body)

            // Through a real server: the streamed answer is chunked (no Content-Length), a whole one is not,
            // and gzip decompresses to the same bytes, for the public and for the reader's session.
            try await app.server.start(address: .hostname("127.0.0.1", port: 0))
            let port = try XCTUnwrap(app.http.server.shared.localAddress?.port)
            let base = "http://127.0.0.1:\(port)/api/v1/data?\(all)"
            let cookie = "vitaal_sessie=\(reader.cookie ?? "")"
            var outputs: [String: Data] = [:]
            for (name, url, extra) in [
                ("plain", "\(base)&pageSize=10000", [String]()),
                ("gzip", "\(base)&pageSize=10000", ["-H", "Accept-Encoding: gzip"]),
                ("csv-gzip", "\(base)&pageSize=10000&format=csv", ["-H", "Accept-Encoding: gzip"]),
                ("reader", "\(base)&pageSize=10000", ["-H", "Cookie: \(cookie)"]),
                ("reader-gzip", "\(base)&pageSize=10000", ["-H", "Cookie: \(cookie)", "-H", "Accept-Encoding: gzip"]),
                ("small", "\(base)&pageSize=1500", [])
            ] {
                // `-i`: the header lines, an empty line, the body (one request for both).
                let output = try await MonitorAPIJSONTests.run("curl", ["-sS", "-i"] + extra + [url])
                let cut = try XCTUnwrap(output.range(of: Data("\r\n\r\n".utf8)), name)
                outputs[name + "-headers"] = Data(output[..<cut.lowerBound])
                outputs[name] = Data(output[cut.upperBound...])
            }
            await app.server.shutdown()
            func headers(_ name: String) -> String {
                String(decoding: outputs[name + "-headers"] ?? Data(), as: UTF8.self).lowercased()
            }
            XCTAssertTrue(headers("plain").contains("transfer-encoding: chunked"), headers("plain"))
            XCTAssertFalse(headers("plain").contains("content-length"), headers("plain"))
            XCTAssertTrue(headers("small").contains("content-length"), headers("small"))
            XCTAssertTrue(headers("gzip").contains("content-encoding: gzip"), headers("gzip"))
            XCTAssertEqual(String(decoding: outputs["plain"] ?? Data(), as: UTF8.self), publicPage.body)
            for (zipped, plain) in [("gzip", "plain"), ("reader-gzip", "reader")] {
                let data = try XCTUnwrap(outputs[zipped])
                XCTAssertLessThan(data.count, (outputs[plain]?.count ?? 0) / 4)
                let unzipped = try await MonitorAPIJSONTests.run("gzip", ["-dc"], input: data)
                XCTAssertEqual(unzipped, outputs[plain], zipped)
            }
            XCTAssertNotEqual(outputs["reader"], outputs["plain"], "the reader sees the values the public may not")
            let csvUnzipped = try await MonitorAPIJSONTests.run("gzip", ["-dc"], input: outputs["csv-gzip"] ?? Data())
            let publicCSV = try await anonymous.get("/api/v1/data?\(all)&pageSize=10000&format=csv")
            XCTAssertEqual(String(decoding: csvUnzipped, as: UTF8.self), publicCSV.body)
        }
    }

    /// The streamed page `query` equals `{"items":[` + the items of the whole pages `pages` of `wholeQuery`
    /// joined with commas + the streamed page's own paging fields.
    func assertStreamed(
        _ browser: Browser, _ query: String, equals wholeQuery: String, pages: ClosedRange<Int>,
        page: Int, pageSize: Int, total: Int, next: String?, line: UInt = #line
    ) async throws {
        let streamed = try await browser.get("/api/v1/data?\(query)")
        XCTAssertEqual(streamed.status, .ok, line: line)
        var items: [String] = []
        for p in pages {
            let whole = try await browser.get("/api/v1/data?\(wholeQuery)&page=\(p)")
            XCTAssertEqual(whole.status, .ok, line: line)
            let body = whole.body
            let end = try XCTUnwrap(
                body.range(of: "],\"next\":", options: .backwards)
                    ?? body.range(of: "],\"page\":", options: .backwards),
                line: line)
            items.append(
                String(body[body.index(body.startIndex, offsetBy: DataAPIRows.jsonHead.count)..<end.lowerBound]))
        }
        let tail = String(
            decoding: DataAPIRows.jsonTail(page: page, pageSize: pageSize, total: total, next: next), as: UTF8.self)
        XCTAssertEqual(streamed.body, DataAPIRows.jsonHead + items.joined(separator: ",") + tail, line: line)
        let object = try JSONSerialization.jsonObject(with: Data(streamed.body.utf8)) as? [String: Any]
        XCTAssertEqual((object?["items"] as? [Any])?.count, min(pageSize, total - (page - 1) * pageSize), line: line)
        XCTAssertEqual(object?["total"] as? Int, total, line: line)
    }
}
