import AppCore
import Fluent
import NIOConcurrencyHelpers
import Vapor
import VitaalDomain

/// Open data API of the monitor: `/api/v1/monitors`, `/api/v1/indicators`, `/api/v1/data`.
/// Public without login (public indicators, counts < 5 suppressed); logged-in readers get internal
/// indicators and exact values. Every answer carries an ETag (data version + query + audience) and
/// Last-Modified (last change of monitor data); `If-None-Match` / `If-Modified-Since` give 304
/// without touching the values. Encoded answers are cached per ETag.
struct MonitorAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        // The JSON answers are gzip-compressed when the client sends `Accept-Encoding: gzip` (an
        // 8,000-row answer is 2.3 MB of JSON); the server's default leaves other routes as they are.
        let api = routes.responseCompression(.enable)
        api.get(MonitorURL.apiMonitors, use: monitors)
        api.get(MonitorURL.apiIndicators, use: indicators)
        api.get(MonitorURL.apiData, use: data)
    }

    // MARK: DTOs

    struct ThemeDTO: Content {
        var code: String
        var name: String
        var indicators: [String]
    }
    struct MonitorDTO: Content {
        var slug: String
        var name: String
        var description: String
        var url: String
        var themes: [ThemeDTO]
    }
    struct NormDTO: Content {
        var comparison: String
        var value: Double
        var source: String
    }
    struct IndicatorDTO: Content {
        var code: String
        var name: String
        var description: String
        var unit: String
        var decimals: Int
        var polarity: String
        var level: String
        var source: String
        var licence: String
        var isCount: Bool
        var norm: NormDTO?
        var visibility: String
        var url: String
        /// A derived indicator's formula (`DerivedFormula`); left out for an indicator with stored values.
        var formula: String?
    }
    struct DataPageDTO: Content {
        var items: [DataRow]
        var page: Int
        var pageSize: Int
        var total: Int
        var next: String?
    }

    // MARK: Handlers

    @Sendable func monitors(_ req: Request) async throws -> Response {
        try await cached(req, key: "monitors") {
            var out: [MonitorDTO] = []
            for m in try await MonitorData.monitors(on: req.db) {
                let content = try await MonitorData.content(m, for: req.monitorAudience, on: req.db)
                // A monitor of internal indicators only is not listed for the public (not even its name).
                if req.monitorAudience == .public && content.indicators.isEmpty { continue }
                out.append(
                    MonitorDTO(
                        slug: m.slug, name: m.name, description: m.summary,
                        url: MonitorURL.monitor(.value(m.slug)).path,
                        themes: content.sections.map {
                            ThemeDTO(
                                code: $0.theme?.code ?? "", name: $0.theme?.name ?? "Overig",
                                indicators: $0.indicators.map(\.code))
                        }))
            }
            return out
        }
    }

    @Sendable func indicators(_ req: Request) async throws -> Response {
        let monitorSlug = try Self.boundedText(req, "monitor")
        return try await cached(req, key: "indicators|\(monitorSlug ?? "")") {
            let list: [Indicator]
            if let monitorSlug {
                list = try await MonitorData.monitor(monitorSlug, for: req.monitorAudience, on: req.db).indicators
            } else {
                list = try await MonitorData.indicators(for: req.monitorAudience, on: req.db)
            }
            return list.map { i in
                IndicatorDTO(
                    code: i.code, name: i.name, description: i.summary, unit: i.unit, decimals: i.decimals,
                    polarity: i.polarity,
                    level: i.level, source: i.source, licence: i.licence, isCount: i.isCount,
                    norm: i.normValue.map {
                        NormDTO(comparison: i.normComparison ?? "", value: $0, source: i.normSource ?? "")
                    },
                    visibility: i.visibility, url: MonitorURL.indicator(.value(i.code)).path, formula: i.formula)
            }
        }
    }

    struct DataQuery {
        var indicators: [String]
        var regions: [String]
        var period: Period?
        var from: Period?
        var to: Period?
        var page: Int
        var pageSize: Int
        /// The same rows as CSV (`format=csv` or `Accept: text/csv`) instead of the JSON page.
        var csv = false
        /// The link of the page after this one, with the same (normalised) query.
        var nextPagePath: String {
            MonitorURL.apiData.path(query: [
                ("indicator", indicators.joined(separator: ",")), ("region", regions.joined(separator: ",")),
                ("period", period?.canonical), ("from", from?.canonical), ("to", to?.canonical),
                ("page", String(page + 1)), ("pageSize", String(pageSize)), ("format", csv ? "csv" : nil)
            ])
        }
        var cacheKey: String {
            "data|\(indicators.joined(separator: ","))|\(regions.joined(separator: ","))|\(period?.canonical ?? "")|\(from?.canonical ?? "")|\(to?.canonical ?? "")|\(page)|\(pageSize)"
                + (csv ? "|csv" : "")
        }
    }

    /// The media type of CSV answers.
    static let csvType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
    static let defaultPageSize = 1000
    static let maxPageSize = 10_000

    static let maxPage = 1_000_000
    /// At most this many codes in `indicator=` or `region=` (database bind limits).
    static let maxListCodes = 500
    /// Longest accepted text of a query parameter. The request line must stay well under the HTTP
    /// server's 80 KB header limit (beyond it the connection is closed without an answer) even when
    /// every character is a 4-byte UTF-8 character sent percent-encoded (12 bytes): two lists of
    /// 3,000 characters take at most 72 KB.
    static let maxQueryText = 3_000

    /// A query parameter's text, at most `maxQueryText` characters (else a 422 naming the field).
    static func boundedText(_ req: Request, _ name: String) throws -> String? {
        guard let text = req.query[String.self, at: name] else { return nil }
        guard text.count <= maxQueryText else {
            throw VitaalError.invalid(
                "\(name) is te lang (hoogstens \(maxQueryText) tekens)", at: SourceLocation(field: name))
        }
        return text
    }

    static func parseQuery(_ req: Request) throws -> DataQuery {
        func list(_ name: String) throws -> [String] {
            let codes = (try boundedText(req, name) ?? "").split(separator: ",")
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard codes.count <= maxListCodes else {
                throw VitaalError.invalid(
                    "\(name) bevat \(codes.count) codes; vraag er hoogstens \(maxListCodes) tegelijk op",
                    at: SourceLocation(field: name))
            }
            return Array(Set(codes))
        }
        func period(_ name: String) throws -> Period? {
            guard let text = try boundedText(req, name), !text.isEmpty else { return nil }
            guard let p = Period(text) else {
                throw VitaalError.invalid(
                    "ongeldige periode \"\(MonitorText.echo(text))\" (gebruik 2024, 2024Q3, 2024-05 of 2024JJ00)",
                    at: SourceLocation(field: name))
            }
            return p
        }
        // Not echoed: a JSON answer never carries the raw text back.
        for (name, upper) in [("page", maxPage), ("pageSize", maxPageSize)] {
            if let text = req.query[String.self, at: name]?.trimmingCharacters(in: .whitespaces), !text.isEmpty,
                !text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 })
            {
                throw VitaalError.invalid(
                    "\(name) moet een geheel getal van 1 tot en met \(ValueFormatter.number(Double(upper), decimals: 0)) zijn",
                    at: SourceLocation(field: name))
            }
        }
        let pageSize = try req.queryInt("pageSize", in: 1...maxPageSize, label: "pageSize") ?? defaultPageSize
        let page = try req.queryInt("page", in: 1...maxPage, label: "page") ?? 1
        let format = try boundedText(req, "format") ?? ""
        guard ["", "json", "csv"].contains(format) else {
            throw VitaalError.invalid("format moet json of csv zijn", at: SourceLocation(field: "format"))
        }
        let acceptsCSV = req.headers.accept.contains { $0.mediaType.type == "text" && $0.mediaType.subType == "csv" }
        return DataQuery(
            indicators: try list("indicator").sorted(), regions: try list("region").map { $0.uppercased() }.sorted(),
            period: try period("period"), from: try period("from"), to: try period("to"),
            page: page, pageSize: pageSize, csv: format == "csv" || (format.isEmpty && acceptsCSV))
    }

    @Sendable func data(_ req: Request) async throws -> Response {
        let q = try Self.parseQuery(req)
        return try await cachedAnswer(req, key: q.cacheKey, contentType: q.csv ? Self.csvType : .json) {
            let audience = req.monitorAudience
            let visible = try await MonitorData.indicators(for: audience, on: req.db)
            let byCode = Dictionary(visible.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
            for code in q.indicators where byCode[code] == nil {
                throw VitaalError(.notFound, "Onbekende indicator \(MonitorText.echo(code)).")
            }
            let codes = q.indicators.isEmpty ? visible.map(\.code) : q.indicators
            let offset = try Checked.multiply(q.page - 1, q.pageSize, what: "page × pageSize")
            let total: Int
            let rows: [DataAPIRows.Row]
            var hidden: [String: Disclosure.Reason] = [:]
            if codes.contains(where: { byCode[$0]?.formula != nil }) {
                // Derived indicators are computed from their inputs (`DerivedValues`), with their own hidden
                // cells; such pages are built whole (`DataAPIStream` says why).
                (total, rows, hidden) = try await DataAPIRows.fetchWithDerived(
                    codes: codes, regions: q.regions, period: q.period, from: q.from, to: q.to,
                    offset: offset, limit: q.pageSize, audience: audience, on: req.db)
            } else {
                // The count alone first (an offset past every end reads no rows): it decides whether the
                // page is streamed, and neither path counts again.
                total = try await DataAPIRows.query(
                    codes: codes, regions: q.regions, period: q.period, from: q.from, to: q.to,
                    offset: .max, limit: 1, after: nil, knownTotal: nil, on: req.db
                ).total
                let onPage = max(0, min(q.pageSize, total - offset))
                if onPage > DataAPIStream.threshold {
                    let plan = DataAPIStream.Plan(
                        codes: codes, regions: q.regions, period: q.period, from: q.from, to: q.to,
                        offset: offset, rows: onPage, total: total)
                    return .streamed(
                        DataAPIStream.body(
                            plan, indicators: byCode, audience: audience, csv: q.csv, page: q.page,
                            pageSize: q.pageSize, next: offset + onPage < total ? q.nextPagePath : nil,
                            on: req.db, logger: req.logger))
                }
                rows = try await DataAPIRows.query(
                    codes: codes, regions: q.regions, period: q.period, from: q.from, to: q.to,
                    offset: offset, limit: q.pageSize, after: nil, knownTotal: total, on: req.db
                ).rows
            }
            // Disclosure control over all regions of the periods on this page (so that a region filter
            // or another page cannot reveal what this page hides).
            if audience == .public {
                let countRows = rows.filter { byCode[$0.indicatorCode]?.isCount == true }
                let primary = try await MonitorDisclosure.hiddenCells(
                    indicators: Array(Set(countRows.map(\.indicatorCode))).sorted(),
                    periods: Array(Set(countRows.map(\.period))).sorted(), on: req.db)
                hidden.merge(primary) { _, b in b }
            }
            if q.csv {
                return .whole(DataAPIRows.csv(rows: rows, indicators: byCode, audience: audience, hidden: hidden))
            }
            let next = offset + rows.count < total ? q.nextPagePath : nil
            return .whole(
                DataAPIRows.json(
                    rows: rows, indicators: byCode, audience: audience, page: q.page, pageSize: q.pageSize,
                    total: total, next: next, hidden: hidden))
        }
    }

    // MARK: ETag, Last-Modified and the response cache

    /// Answers from the cache or builds, encodes (`JSONEncoder`) and caches the value.
    func cached<T: Encodable>(_ req: Request, key: String, build: () async throws -> T) async throws -> Response {
        try await cachedBody(req, key: key) {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let data = try encoder.encode(try await build())
            var buffer = ByteBufferAllocator().buffer(capacity: data.count)
            buffer.writeBytes(data)
            return buffer
        }
    }

    /// Answers from the cache or builds and caches the JSON body. The ETag is derived from the
    /// data version, the normalised query and the audience, so a 304 needs one small query only.
    func cachedBody(
        _ req: Request, key: String, contentType: HTTPMediaType = .json, build: () async throws -> ByteBuffer
    ) async throws -> Response {
        try await cachedAnswer(req, key: key, contentType: contentType) { .whole(try await build()) }
    }

    /// An answer's body: built whole (and cached), or streamed while it is read (`DataAPIStream`).
    enum Answer {
        case whole(ByteBuffer)
        /// Not cached: keeping it would mean holding the whole body in memory, which streaming avoids,
        /// and the cache does not keep answers over `MonitorAPICache.maxEntryBytes` anyway.
        case streamed(Response.Body)
    }

    /// `cachedBody` for a build that may stream: the same ETag, Last-Modified and 304 handling.
    func cachedAnswer(
        _ req: Request, key: String, contentType: HTTPMediaType = .json, build: () async throws -> Answer
    ) async throws -> Response {
        let current = try await DataVersion.current(on: req.db)
        let audience = req.monitorAudience
        // The public ETag and Last-Modified follow changes of public data only, so they reveal nothing
        // about internal imports.
        let (shownVersion, changedAt) =
            audience == .public
            ? (current.publicVersion, current.publicChangedAt) : (current.version, current.changedAt)
        let tag = "\"m\(shownVersion)-\(audience == .public ? "p" : "i")-\(Self.hash(key))\""
        let lastModified = Self.httpDate(changedAt)
        let version = current.version
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .eTag, value: tag)
        headers.replaceOrAdd(name: .lastModified, value: lastModified)
        // Internal answers may not be stored by shared caches.
        headers.replaceOrAdd(
            name: .cacheControl, value: audience == .public ? "public, max-age=0, must-revalidate" : "private, no-cache"
        )
        // The data answer depends on `Accept` too (JSON or CSV).
        headers.replaceOrAdd(name: .vary, value: "Cookie, Accept")
        if let inm = req.headers.first(name: .ifNoneMatch) {
            if inm.split(separator: ",").contains(where: {
                $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "W/", with: "") == tag
                    || $0.trimmingCharacters(in: .whitespaces) == "*"
            }) {
                return Response(status: .notModified, headers: headers)
            }
        } else if let ims = req.headers.first(name: .ifModifiedSince), ims == lastModified {
            return Response(status: .notModified, headers: headers)
        }
        headers.contentType = contentType
        let cache = req.application.monitorAPICache
        // A ByteBuffer is shared, not copied, between the cache and the responses.
        // Cached by the full normalised query (not by its hash: no collisions can poison an entry).
        let cacheKey = "\(version)|\(audience.rawValue)|\(key)"
        if let body = cache.get(cacheKey) { return Response(status: .ok, headers: headers, body: .init(buffer: body)) }
        switch try await build() {
        case .whole(let body):
            cache.put(cacheKey, body, version: version)
            return Response(status: .ok, headers: headers, body: .init(buffer: body))
        case .streamed(let body):
            return Response(status: .ok, headers: headers, body: body)
        }
    }

    /// SHA-256 of the normalised query, hex (the first 32 digits are enough for an ETag).
    static func hash(_ s: String) -> String {
        SHA256.hash(data: Data(s.utf8)).prefix(16).map { String(format: "%02x", $0) }.joined()
    }

    static func httpDate(_ d: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "GMT")
        f.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return f.string(from: d)
    }
}
