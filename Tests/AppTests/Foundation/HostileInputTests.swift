import App
import Fluent
import VitaalDomain
import XCTVapor
import XCTest

@testable import AppCore

/// Security review §8.2 and issue "Hardening": every GET route of the router, with each query
/// parameter its feature reads set to each hostile value, and every write route with every form
/// field set to each hostile value (as a beheerder, the highest role): no 5xx, the server still
/// answers `/health`, and the raw injection sequence never comes back in a body.
final class HostileInputTests: XCTestCase {
    static let hostile = [
        "9999999999999999999", "-1", "1e308", "NaN", "", String(repeating: "x", count: 10_000), "\"'><x y=z"
    ]
    /// Each parameter alone gets the values that break parsers and markup; the others are sent to
    /// all parameters at once (this keeps the walk near a minute).
    static let hostileAlone = ["9999999999999999999", "NaN", "\"'><x y=z"]
    static let injection = "\"'><x"

    /// The query parameters each part of Vitaal reads (by path prefix). Extra names are harmless;
    /// a missing one leaves a parameter untested, so new parameters belong here.
    static let queryNames: [(prefixes: [String], names: [String])] = [
        (["/api/v1/data"], ["page", "pageSize", "indicator", "region", "period", "from", "to", "format"]),
        (
            ["/api/v1/data", "/api/v1/indicators", "/api/v1/monitors"],
            ["page", "pageSize", "indicator", "region", "period", "from", "to", "monitor"]
        ),
        (["/monitor"], ["formaat", "regio", "melding", "page", "periode"]),
        (["/plannen", "/api/v1/plans"], ["soort", "melding", "opgeslagen", "formaat", "jaar"]),
        (
            ["/api/v1/organizations", "/api/v1/initiatives", "/api/v1/networks"],
            ["theme", "dimension", "targetGroup", "municipality", "kind", "thema"]
        ),
        (["/sociale-kaart"], ["thema", "dimensie", "doelgroep", "gemeente", "soort"]),
        (["/api/v1/workforce"], ["runs", "year", "name", "note"]),
        (
            ["/modellen/personeel"],
            [
                "productivity", "outflowReduction", "extraInflow", "taskShifting", "horizon", "jaar", "monitor",
                "vergelijk", "a", "opgeslagen"
            ]
        ),
        (
            ["/modellen/acute-zorg", "/api/v1/acute-care"],
            [
                "norm", "meldtijd", "post_plaats", "post_lat", "post_lon", "post_naam", "opheffen", "wijk_naam",
                "wijk_gemeente", "wijk_lat",
                "wijk_lon", "wijk_inwoners", "groei_jaar", "groei_totaal", "groei_pct", "groei_almere",
                "groei_lelystad", "groei_dronten",
                "groei_noordoostpolder", "groei_zeewolde", "groei_urk", "vergrijzing", "ritten", "scenario"
            ]
        ),
        (["/begrippen", "/api/v1/terms"], ["q", "status", "soort", "melding", "term"]),
        (
            [
                "/signalen", "/bronnen", "/ontbrekende-gegevens", "/api/v1/signals", "/api/v1/sources",
                "/api/v1/data-gaps"
            ],
            ["q", "status", "thema", "melding"]
        ),
        (
            [
                "/fondsen", "/toezeggingen", "/begrippen", "/registers", "/api/v1/funds", "/api/v1/commitments",
                "/api/v1/terms"
            ],
            ["q", "status", "soort", "melding"]
        ),
        (["/api/v1/regions"], ["jaar", "kind", "pagina", "terug"]),
        (["/beheer", "/regios", "/api/v1/regions", "/inloggen", "/account", "/"], ["pagina", "terug", "kind"])
    ]

    static func names(for path: String) -> [String] {
        queryNames.first { $0.prefixes.contains { p in p == "/" ? path == "/" : path.hasPrefix(p) } }?.names ?? [
            "pagina", "terug"
        ]
    }

    func testEveryPageAndAPIRouteSurvivesHostileQueryParameters() async throws {
        try await TestApp.with { app in
            try await DemoData.load(app: app, features: vitaalFeatures) { _ in }
            let admin = try await Self.beheerder(app)
            let samples = try await Self.samplePaths(app, browser: admin)
            var requests = 0
            var slowest: [(Double, String)] = []
            for (pattern, path) in samples {
                let start = Date()
                defer { slowest.append((Date().timeIntervalSince(start), pattern)) }
                // Each parameter alone with each value, then all at once.
                for name in Self.names(for: path) {
                    for value in Self.hostileAlone {
                        try await Self.check(admin, path + "?" + name + "=" + Browser.enc(value), route: pattern)
                        requests += 1
                    }
                }
                for value in Self.hostile {
                    let query = Self.names(for: path).map { $0 + "=" + Browser.enc(value) }.joined(separator: "&")
                    try await Self.check(Browser(app), path + "?" + query, route: pattern)  // anonymous too
                    requests += 1
                }
            }
            let awaited1 = try await Browser(app).get("/health").status
            XCTAssertEqual(awaited1, .ok)
            XCTAssertGreaterThan(requests, 1_000)
            print(
                "hostile query walk: \(requests) requests over \(samples.pairs.count) routes; slowest:",
                slowest.sorted { $0.0 > $1.0 }.prefix(8).map { "\($0.1) \(String(format: "%.1f", $0.0)) s" })
        }
    }

    func testEveryFormSurvivesHostileFieldsAsBeheerder() async throws {
        try await TestApp.with { app in
            try await DemoData.load(app: app, features: vitaalFeatures) { _ in }
            let admin = try await Self.beheerder(app)
            let samples = try await Self.samplePaths(app, browser: admin, method: nil)
            // Every field name any form of Vitaal has, gathered from the pages themselves.
            let fields = Self.formFieldNames(in: samples.pages)
            XCTAssertGreaterThan(fields.count, 40, "form fields found on the pages")
            let ownID =
                try await User.query(on: app.db).filter(\.$email == "fuzz@test.example").first()?.id?.uuidString ?? "-"
            for (pattern, path) in samples.writes {
                // Logging out or resetting one's own password would end the test's session.
                if path == "/uitloggen" || path.contains(ownID) { continue }
                for value in Self.hostile {
                    var form: [String: String] = [:]
                    for f in fields where f != "csrf" { form[f] = value }
                    try await admin.get("/over")  // fresh CSRF token after any redirect
                    let r = try await admin.post(path, form)
                    XCTAssertLessThan(
                        r.status.code, 500,
                        "POST \(path) (\(pattern)) with \(value.prefix(20)): \(r.status) \(r.body.prefix(300))")
                    if !(r.headers.first(name: .contentType) ?? "").contains("json") {
                        XCTAssertFalse(r.body.contains(Self.injection), "POST \(path) echoes the raw value")
                    }
                }
            }
            // Whatever was stored on the way is escaped on every page that shows it.
            for (pattern, path) in try await Self.samplePaths(app, browser: admin).pairs {
                try await Self.check(admin, path, route: pattern)
                try await Self.check(Browser(app), path, route: pattern)
            }
            let awaited2 = try await Browser(app).get("/health").status
            XCTAssertEqual(awaited2, .ok)
        }
    }

    // MARK: Helpers

    static func beheerder(_ app: Application) async throws -> Browser {
        let (email, password) = try await TestApp.user(
            app, role: .beheerder, organisation: "provincie-flevoland", email: "fuzz@test.example")
        let b = Browser(app)
        let awaited3 = try await b.login(email, password).status
        XCTAssertEqual(awaited3, .seeOther)
        return b
    }

    static func check(
        _ browser: Browser, _ path: String, route: String, file: StaticString = #filePath, line: UInt = #line
    ) async throws {
        let r = try await browser.get(path)
        XCTAssertLessThan(
            r.status.code, 500, "GET \(path.prefix(200)) (\(route)): \(r.status) \(r.body.prefix(300))", file: file,
            line: line)
        // HTML must never carry the raw sequence; a JSON body may quote the input in a message
        // (it is JSON-escaped and served as application/json with nosniff), but must be JSON.
        let type = r.headers.first(name: .contentType) ?? ""
        if type.contains("json") {
            XCTAssertNoThrow(
                try JSONSerialization.jsonObject(with: Data(r.body.utf8)), "GET \(path.prefix(200)): not JSON",
                file: file, line: line)
        } else {
            XCTAssertFalse(
                r.body.contains(injection), "GET \(path.prefix(200)) (\(route)) echoes the raw value", file: file,
                line: line)
        }
    }

    struct Samples: Sequence {
        var pairs: [(String, String)] = []
        var writes: [(String, String)] = []
        var pages: [String] = []
        func makeIterator() -> IndexingIterator<[(String, String)]> { pairs.makeIterator() }
    }

    /// One concrete path per route: parameter values are found by crawling the site's own links
    /// (and ids in the API's lists); a route no link leads to gets "onbekend" (a 404, still checked).
    static func samplePaths(_ app: Application, browser: Browser, method: HTTPMethod? = .GET) async throws -> Samples {
        var seen = Set<String>()
        var queue = ["/"]
        var found: [String] = []
        var pages: [String] = []
        let staticGets = app.routes.all.filter {
            $0.method == .GET
                && !$0.path.contains {
                    if case .constant = $0 { return false }
                    return true
                }
        }
        queue += staticGets.map { "/" + $0.path.map(\.description).joined(separator: "/") }
        // One page per route pattern is enough: a link is followed only when its pattern has none yet.
        var covered = Set<String>()
        func pattern(_ path: String) -> String? {
            let parts = path.split(separator: "/").map(String.init)
            return app.routes.all.first { $0.method == .GET && MethodNotAllowed.matches($0.path, parts) }
                .map { "/" + $0.path.map(\.description).joined(separator: "/") }
        }
        while let path = queue.first, seen.count < 300 {
            queue.removeFirst()
            guard seen.insert(path).inserted else { continue }
            if let p = pattern(path),
                !staticGets.contains(where: { "/" + $0.path.map(\.description).joined(separator: "/") == path })
            {
                guard covered.insert(p).inserted else { continue }
            }
            let r = try await browser.get(path)
            guard r.status == .ok else { continue }
            found.append(path)
            let type = r.headers.first(name: .contentType) ?? ""
            if type.contains("html") {
                pages.append(r.body)
                for link in hrefs(in: r.body) where !seen.contains(link) { queue.append(link) }
            } else if type.contains("json"), path.hasPrefix("/api/v1/"), path != "/api/v1/openapi.json" {
                for id in ids(in: r.body).prefix(3) { found.append(path + "/" + id) }
            }
        }
        var samples = Samples(pages: pages)
        for route in app.routes.all
        where method == nil ? ![.GET, .HEAD, .OPTIONS].contains(route.method) : route.method == method {
            let pattern = "/" + route.path.map(\.description).joined(separator: "/")
            let candidates = found + pages.flatMap { formActions(in: $0) }
            let match = candidates.first {
                MethodNotAllowed.matches(route.path, $0.split(separator: "/").map(String.init))
            }
            let path =
                match ?? "/"
                + route.path.map { c -> String in
                    if case .constant(let s) = c { return s }
                    return "onbekend"
                }.joined(separator: "/")
            if method == nil { samples.writes.append((pattern, path)) } else { samples.pairs.append((pattern, path)) }
        }
        return samples
    }

    static func hrefs(in html: String) -> [String] {
        matches(##"href="(/[^"#?]*)"##, in: html).filter { !$0.hasPrefix("//") && !$0.hasPrefix("/static/") }
    }
    static func formActions(in html: String) -> [String] { matches(##"action="(/[^"#?]*)"##, in: html) }
    static func ids(in json: String) -> [String] {
        matches(##""(?:id|key|code|slug)"\s*:\s*"([A-Za-z0-9._-]+)""##, in: json)
    }
    static func formFieldNames(in pages: [String]) -> [String] {
        Array(Set(pages.flatMap { matches(##"name="([A-Za-z0-9_.\[\]-]+)""##, in: $0) })).sorted()
    }
    static func matches(_ pattern: String, in text: String) -> [String] {
        let re = try! NSRegularExpression(pattern: pattern)
        let ns = text as NSString
        return re.matches(in: text, range: NSRange(location: 0, length: ns.length)).compactMap {
            $0.numberOfRanges > 1 ? ns.substring(with: $0.range(at: 1)) : nil
        }
    }
}
