import Fluent
import VitaalDomain
import XCTVapor
import XCTest

@testable import AppCore
@testable import MonitorFeature

/// The open data API: paging, filters, ETag / Last-Modified / 304, visibility and disclosure control.
final class MonitorAPITests: XCTestCase {
    struct DataPage: Decodable {
        struct Item: Decodable {
            var indicator: String
            var region: String
            var period: String
            var value: Double?
            var display: String
            var suppressed: Bool
            var status: String
            var source: String
            var licence: String
        }
        var items: [Item]
        var page: Int
        var pageSize: Int
        var total: Int
        var next: String?
    }

    func decode<T: Decodable>(_ type: T.Type, _ body: String) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(body.utf8))
    }

    func testMonitorsAndIndicators() async throws {
        try await TestApp.with { app in
            try await MonitorTestSupport.seedDemo(app)
            let b = Browser(app)
            let monitors = try await b.get("/api/v1/monitors")
            XCTAssertEqual(monitors.status, .ok)
            XCTAssertTrue(monitors.body.contains("\"slug\":\"arbeidsmarkt-zorg-welzijn\""))
            XCTAssertFalse(monitors.body.contains("tz_mijlpalen"))
            let indicators = try await b.get("/api/v1/indicators")
            struct Ind: Decodable {
                var code: String
                var visibility: String
                var licence: String
            }
            let list = try decode([Ind].self, indicators.body)
            XCTAssertEqual(list.count, MonitorDemoData.indicators.filter { $0.visibility == .public }.count)
            XCTAssertFalse(list.contains { $0.code == "tz_mijlpalen" })
            let oneMonitor = try await b.get("/api/v1/indicators?monitor=arbeidsmarkt-zorg-welzijn")
            XCTAssertEqual(
                try decode([Ind].self, oneMonitor.body).map(\.code).sorted(),
                MonitorDemoData.arbeidsmarkt.indicators.filter { $0.visibility == .public }.map(\.code).sorted())
            XCTAssertEqual(try decode([Ind].self, oneMonitor.body).count, 7)

            let (mail, pass) = try await TestApp.user(app, role: .lezer)
            let reader = Browser(app)
            try await reader.login(mail, pass)
            let all = try await reader.get("/api/v1/indicators")
            XCTAssertTrue(
                try decode([Ind].self, all.body).contains { $0.code == "tz_mijlpalen" && $0.visibility == "internal" })
            XCTAssertTrue(all.headers.first(name: .cacheControl)?.contains("private") ?? false)

            let doc = try await b.get("/api/v1/openapi.json")
            for path in ["/api/v1/monitors", "/api/v1/indicators", "/api/v1/data"] {
                XCTAssertTrue(doc.body.contains("\"\(path)\""), path)
            }
        }
    }

    func testDataPagingAndFilters() async throws {
        try await TestApp.with { app in
            try await MonitorTestSupport.seedDemo(app)
            let b = Browser(app)
            let first = try await b.get("/api/v1/data?indicator=bw_tevreden_leven&pageSize=10")
            XCTAssertEqual(first.status, .ok)
            let p1 = try decode(DataPage.self, first.body)
            XCTAssertEqual(p1.total, 8 * MonitorDemoData.years.count)
            XCTAssertEqual(p1.items.count, 10)
            XCTAssertEqual(p1.next, "/api/v1/data?indicator=bw_tevreden_leven&page=2&pageSize=10")
            XCTAssertEqual(p1.items.first?.region, "GM0034")
            XCTAssertEqual(p1.items.first?.period, "2019")
            XCTAssertEqual(p1.items.first?.status, "voorbeeld")
            XCTAssertEqual(p1.items.first?.licence, "CC BY 4.0")
            let second = try decode(DataPage.self, try await b.get(p1.next!).body)
            XCTAssertEqual(second.page, 2)
            XCTAssertNotEqual(
                second.items.first?.region.appending(second.items.first!.period),
                p1.items.last?.region.appending(p1.items.last!.period))
            var seen = 0
            var url: String? = "/api/v1/data?indicator=bw_tevreden_leven&pageSize=10"
            while let u = url {
                let page = try decode(DataPage.self, try await b.get(u).body)
                seen += page.items.count
                url = page.next
            }
            XCTAssertEqual(seen, p1.total)

            let filtered = try decode(
                DataPage.self,
                try await b.get("/api/v1/data?indicator=bw_tevreden_leven&region=GM0034,pv24&from=2021&to=2022JJ00")
                    .body)
            XCTAssertEqual(filtered.total, 4)
            XCTAssertEqual(Set(filtered.items.map(\.period)), ["2021", "2022"])
            let exact = try decode(
                DataPage.self, try await b.get("/api/v1/data?indicator=bw_tevreden_leven&period=2024").body)
            XCTAssertEqual(exact.total, 8)

            let bad = try await b.get("/api/v1/data?from=2024Q9")
            XCTAssertEqual(bad.status, .unprocessableEntity)
            XCTAssertTrue(bad.body.contains("\"field\":\"from\""), bad.body)
            let tooBig = try await b.get("/api/v1/data?pageSize=20000")
            XCTAssertEqual(tooBig.status, .unprocessableEntity)
            let hiddenIndicator = try await b.get("/api/v1/data?indicator=tz_mijlpalen")
            XCTAssertEqual(hiddenIndicator.status, .notFound)
            let everything = try decode(DataPage.self, try await b.get("/api/v1/data?pageSize=10000").body)
            XCTAssertFalse(everything.items.contains { $0.indicator == "tz_mijlpalen" })
            // Disclosure control in the API.
            let counts = try decode(
                DataPage.self,
                try await b.get("/api/v1/data?indicator=tz_werkgevers_vrijwilligersverlof&region=GM0184").body)
            XCTAssertFalse(counts.items.isEmpty)
            for item in counts.items where item.suppressed {
                XCTAssertNil(item.value)
                XCTAssertEqual(item.display, "<5")
            }
            XCTAssertTrue(counts.items.contains { $0.suppressed })
            XCTAssertFalse(counts.items.contains { ($0.value ?? 99) < 5 })
        }
    }

    func testETagLastModifiedAnd304() async throws {
        try await TestApp.with { app in
            try await MonitorTestSupport.seedDemo(app)
            let b = Browser(app)
            let path = "/api/v1/data?indicator=bw_fijnstof&region=GM0034"
            let first = try await b.get(path)
            let etag = try XCTUnwrap(first.headers.first(name: .eTag))
            let lastModified = try XCTUnwrap(first.headers.first(name: .lastModified))
            XCTAssertTrue(lastModified.hasSuffix("GMT"))
            let cached = try await b.request(.GET, path, headers: ["If-None-Match": etag])
            XCTAssertEqual(cached.status, .notModified)
            XCTAssertTrue(cached.body.isEmpty)
            let since = try await b.request(.GET, path, headers: ["If-Modified-Since": lastModified])
            XCTAssertEqual(since.status, .notModified)
            // Another query has another ETag.
            let other = try await b.get("/api/v1/data?indicator=bw_fijnstof&region=GM0995")
            XCTAssertNotEqual(other.headers.first(name: .eTag), etag)
            // After an import the data version changes: full answer with a new ETag.
            try await MonitorTestSupport.importCSV(app, "indicator;regio;periode;waarde\nbw_fijnstof;GM0034;2025;7,1\n")
            let changed = try await b.request(.GET, path, headers: ["If-None-Match": etag])
            XCTAssertEqual(changed.status, .ok)
            XCTAssertNotEqual(changed.headers.first(name: .eTag), etag)
            XCTAssertTrue(changed.body.contains("\"period\":\"2025\""))
            // Logged-in readers get another ETag than the public (different content).
            let (mail, pass) = try await TestApp.user(app, role: .lezer)
            let reader = Browser(app)
            try await reader.login(mail, pass)
            let readerAnswer = try await reader.get(path)
            XCTAssertNotEqual(readerAnswer.headers.first(name: .eTag), changed.headers.first(name: .eTag))
        }
    }
}
