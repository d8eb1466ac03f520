import Fluent
import FluentSQLiteDriver
import SQLKit
import Vapor
import VitaalDomain

/// The rows of `/api/v1/data`, read with SQLKit straight into plain structs and written as JSON by
/// hand. The Fluent path (a `DataValue` model per row, filled via reflection, then `JSONEncoder`)
/// cost ~560 ms of CPU for 8,000 rows and held the database connection while building the models
/// (bench/README.md, P1); this reads only the needed columns, releases the connection as soon as
/// the rows are fetched, and writes the bytes once.
enum DataAPIRows {
    /// One stored value with its region name (nil when the region is unknown).
    struct Row: Sendable {
        var indicatorCode: String
        var regionCode: String
        var regionName: String?
        var period: String
        var value: Double?
        var status: String
        var missingReason: String?
        var note: String?
    }

    // The statement text shared by both paths; only the filter's placeholders differ.
    static let countSQL = "SELECT COUNT(*) AS n FROM monitor_values v WHERE"
    static let rowsSQL =
        "SELECT v.indicator_code AS ic, v.region_code AS rc, r.name AS rn, v.period AS p, v.value AS val, "
        + "v.status AS st, v.missing_reason AS mr, v.note AS nt, v.period_sort AS ps "
        + "FROM monitor_values v LEFT JOIN regions r ON r.code = v.region_code WHERE"
    static let orderSQL = "ORDER BY v.indicator_code, v.region_code, v.period_sort"

    /// The key of a value row, the order of `monitor_values`' primary key: where a streamed answer's
    /// next chunk starts (keyset pagination: `(indicator, region, period_sort) > key`).
    struct Key: Sendable, Equatable {
        var indicatorCode: String
        var regionCode: String
        var periodSort: Int
    }

    /// The filtered rows of one page, sorted by indicator, region and period, and the total count.
    /// `codes` are the indicator codes to read (already checked against the audience's visibility).
    static func fetch(
        codes: [String], regions: [String], period: Period?, from: Period?, to: Period?,
        offset: Int, limit: Int, on db: any Database
    ) async throws -> (total: Int, rows: [Row]) {
        let page = try await query(
            codes: codes, regions: regions, period: period, from: from, to: to, offset: offset, limit: limit,
            after: nil, knownTotal: nil, on: db)
        return (page.total, page.rows)
    }

    /// One read of the filtered rows: `limit` rows after `after` (the key of the previous chunk's last
    /// row) or, without it, after skipping `offset` rows; the count query only when `knownTotal` is nil.
    /// Also gives the key of the last row read, for the next chunk.
    static func query(
        codes: [String], regions: [String], period: Period?, from: Period?, to: Period?,
        offset: Int, limit: Int, after: Key?, knownTotal: Int?, on db: any Database
    ) async throws -> (total: Int, rows: [Row], last: Key?) {
        guard !codes.isEmpty else { return (0, [], nil) }
        if let lite = db as? any SQLiteDatabase {
            guard let after, let total = knownTotal else {
                return try await querySQLite(
                    codes: codes, regions: regions, period: period, from: from, to: to,
                    offset: offset, limit: limit, after: nil, knownTotal: knownTotal, on: lite)
            }
            // SQLite seeks the primary key for `indicator_code = ? AND (region_code, period_sort) > (?, ?)`,
            // but with the three-column row value and an IN list it seeks only the indicator and filters
            // the rest (each chunk would scan its indicator from the start): so the rest of the last row's
            // indicator first, then the indicators after it (BINARY collation: byte order) from their start.
            let rest = try await querySQLite(
                codes: [after.indicatorCode], regions: regions, period: period, from: from, to: to,
                offset: 0, limit: limit, after: after, knownTotal: total, on: lite)
            let later = codes.filter { after.indicatorCode.utf8.lexicographicallyPrecedes($0.utf8) }
            guard rest.rows.count < limit, !later.isEmpty else { return rest }
            let next = try await querySQLite(
                codes: later, regions: regions, period: period, from: from, to: to,
                offset: 0, limit: limit - rest.rows.count, after: nil, knownTotal: total, on: lite)
            return (total, rest.rows + next.rows, next.last ?? rest.last)
        }
        guard let sql = db as? any SQLDatabase else {
            throw VitaalError(.internal, "De data-API vraagt een SQL-database.")
        }
        var filter: SQLQueryString = "v.indicator_code IN (\(binds: codes))"
        if !regions.isEmpty { filter += " AND v.region_code IN (\(binds: regions))" }
        if let period { filter += " AND v.period = \(bind: period.canonical)" }
        if let from { filter += " AND v.period_sort >= \(bind: from.sortKey)" }
        if let to { filter += " AND v.period_sort <= \(bind: to.sortKey)" }

        let total: Int
        if let knownTotal {
            total = knownTotal
        } else {
            let countQuery: SQLQueryString = "\(unsafeRaw: countSQL) " + filter
            total = try await sql.raw(countQuery).first()?.decode(column: "n", as: Int.self) ?? 0
        }
        guard after != nil || offset < total else { return (total, [], nil) }
        if let after {
            filter +=
                " AND (v.indicator_code, v.region_code, v.period_sort) > (\(bind: after.indicatorCode), \(bind: after.regionCode), \(bind: after.periodSort))"
        }
        let rowsQuery: SQLQueryString =
            "\(unsafeRaw: rowsSQL) " + filter
            + " \(unsafeRaw: orderSQL) LIMIT \(bind: limit) OFFSET \(bind: after == nil ? offset : 0)"
        // `all()` collects the raw rows and gives the connection back; decoding happens afterwards.
        let raw = try await sql.raw(rowsQuery).all()
        var rows: [Row] = []
        rows.reserveCapacity(raw.count)
        for r in raw {
            rows.append(
                Row(
                    indicatorCode: try r.decode(column: "ic", as: String.self),
                    regionCode: try r.decode(column: "rc", as: String.self),
                    regionName: try r.decodeNil(column: "rn") ? nil : r.decode(column: "rn", as: String.self),
                    period: try r.decode(column: "p", as: String.self),
                    value: try r.decodeNil(column: "val") ? nil : r.decode(column: "val", as: Double.self),
                    status: try r.decode(column: "st", as: String.self),
                    missingReason: try r.decodeNil(column: "mr") ? nil : r.decode(column: "mr", as: String.self),
                    note: try r.decodeNil(column: "nt") ? nil : r.decode(column: "nt", as: String.self)))
        }
        let last = try raw.last.map { r in
            Key(
                indicatorCode: try r.decode(column: "ic", as: String.self),
                regionCode: try r.decode(column: "rc", as: String.self),
                periodSort: try r.decode(column: "ps", as: Int.self))
        }
        return (total, rows, last)
    }

    /// The same query on SQLite through SQLiteNIO directly: the columns are read from `SQLiteData`
    /// without SQLKit's generic `Decodable` row decoding (~11 % of the request's CPU, bench/README.md P1).
    /// With `after`, `codes` is that key's indicator alone and the rows after the key within it are read.
    static func querySQLite(
        codes: [String], regions: [String], period: Period?, from: Period?, to: Period?,
        offset: Int, limit: Int, after: Key?, knownTotal: Int?, on db: any SQLiteDatabase
    ) async throws -> (total: Int, rows: [Row], last: Key?) {
        func marks(_ n: Int) -> String { Array(repeating: "?", count: n).joined(separator: ",") }
        var filter = "v.indicator_code IN (\(marks(codes.count)))"
        var binds = codes.map { SQLiteData.text($0) }
        if !regions.isEmpty {
            filter += " AND v.region_code IN (\(marks(regions.count)))"
            binds += regions.map { .text($0) }
        }
        if let period {
            filter += " AND v.period = ?"
            binds.append(.text(period.canonical))
        }
        if let from {
            filter += " AND v.period_sort >= ?"
            binds.append(.integer(SQLiteInt64(from.sortKey)))
        }
        if let to {
            filter += " AND v.period_sort <= ?"
            binds.append(.integer(SQLiteInt64(to.sortKey)))
        }
        let total: Int
        if let knownTotal {
            total = knownTotal
        } else {
            total = Int(try await db.query("\(countSQL) \(filter)", binds).first?.column("n")?.integer ?? 0)
        }
        guard after != nil || offset < total else { return (total, [], nil) }
        if let after {
            filter += " AND (v.region_code, v.period_sort) > (?, ?)"
            binds += [.text(after.regionCode), .integer(SQLiteInt64(after.periodSort))]
        }
        let raw = try await db.query(
            "\(rowsSQL) \(filter) \(orderSQL) LIMIT ? OFFSET ?",
            binds + [.integer(SQLiteInt64(limit)), .integer(SQLiteInt64(after == nil ? offset : 0))])
        var rows: [Row] = []
        rows.reserveCapacity(raw.count)
        for r in raw {
            guard let ic = r.column("ic")?.string, let rc = r.column("rc")?.string, let p = r.column("p")?.string,
                let st = r.column("st")?.string
            else {
                throw VitaalError(.internal, "Onverwachte rij in monitor_values.")
            }
            rows.append(
                Row(
                    indicatorCode: ic, regionCode: rc, regionName: r.column("rn")?.string, period: p,
                    value: r.column("val")?.double, status: st,
                    missingReason: r.column("mr")?.string, note: r.column("nt")?.string))
        }
        var last: Key?
        if let row = rows.last, let sort = raw.last?.column("ps")?.integer {
            last = Key(indicatorCode: row.indicatorCode, regionCode: row.regionCode, periodSort: Int(sort))
        }
        return (total, rows, last)
    }

    /// The page as JSON, byte for byte what `JSONEncoder` with `[.sortedKeys, .withoutEscapingSlashes]`
    /// gives for `DataPageDTO` (nil fields left out, numbers as `Double.description` without ".0"),
    /// written piece by piece with `JSONWriter`'s streaming calls (its one string escaper).
    /// Rows of indicators not in `indicators` are skipped; `<5` disclosure control for the public.
    /// `hidden`: cells the public may not see (secondary suppression included), keyed
    /// "indicator|region|period" (`MonitorDisclosure.hiddenCells`).
    static func json(
        rows: [Row], indicators: [String: Indicator], audience: Audience,
        page: Int, pageSize: Int, total: Int, next: String?, hidden: [String: Disclosure.Reason] = [:]
    ) -> ByteBuffer {
        var out = JSONWriter(capacity: rows.count * 330 + 256)
        out.raw(jsonHead)
        var items = JSONItems(indicators: indicators, audience: audience)
        items.write(rows, hidden: hidden, into: &out)
        out.raw(jsonTail(page: page, pageSize: pageSize, total: total, next: next))
        var buffer = ByteBufferAllocator().buffer(capacity: out.bytes.count)
        buffer.writeBytes(out.bytes)
        return buffer
    }

    /// What the JSON page starts with, before the first item.
    static let jsonHead = "{\"items\":["

    /// What the JSON page ends with, after the last item: the paging fields (sorted keys, as `JSONEncoder`).
    static func jsonTail(page: Int, pageSize: Int, total: Int, next: String?) -> [UInt8] {
        var out = JSONWriter(capacity: 128)
        out.raw("]")
        if let next {
            out.raw(",\"next\":")
            out.string(next)
        }
        out.raw(",\"page\":\(page),\"pageSize\":\(pageSize),\"total\":\(total)}")
        return out.bytes
    }

    /// Writes the JSON items of the page, one batch of rows after another (the whole page at once, or
    /// a streamed answer chunk by chunk): the separator and each indicator's fields carry over between
    /// batches, so the bytes do not depend on where the batches are cut.
    struct JSONItems {
        let indicators: [String: Indicator]
        let audience: Audience
        private var current:
            (code: String, definition: IndicatorDefinition, head: [UInt8], source: [UInt8], unit: [UInt8])?
        private var first = true

        init(indicators: [String: Indicator], audience: Audience) {
            self.indicators = indicators
            self.audience = audience
        }

        mutating func write(_ rows: [Row], hidden: [String: Disclosure.Reason], into out: inout JSONWriter) {
            for row in rows {
                if current?.code != row.indicatorCode {
                    guard let ind = indicators[row.indicatorCode] else { continue }
                    var head = JSONWriter(capacity: 256)
                    var source = JSONWriter(capacity: 128)
                    var unit = JSONWriter(capacity: 32)
                    head.raw("\"indicator\":")
                    head.string(ind.code)
                    head.raw(",\"indicatorName\":")
                    head.string(ind.name)
                    head.raw(",\"licence\":")
                    head.string(ind.licence)
                    source.raw(",\"source\":")
                    source.string(ind.source)
                    unit.raw(",\"unit\":")
                    unit.string(ind.unit)
                    current = (ind.code, ind.definition, head.bytes, source.bytes, unit.bytes)
                }
                guard let c = current else { continue }
                let cell = DataAPIRows.cell(row, c.definition, audience: audience, hidden: hidden)
                out.raw(first ? "{\"display\":" : ",{\"display\":")
                first = false
                out.string(cell.text)
                out.byte(UInt8(ascii: ","))
                out.raw(c.head)
                if let m = row.missingReason {
                    out.raw(",\"missingReason\":")
                    out.string(m)
                }
                if let n = row.note {
                    out.raw(",\"note\":")
                    out.string(n)
                }
                out.raw(",\"period\":")
                out.string(row.period)
                out.raw(",\"region\":")
                out.string(row.regionCode)
                out.raw(",\"regionName\":")
                out.string(row.regionName ?? row.regionCode)
                out.raw(c.source)
                out.raw(",\"status\":")
                out.string(row.status)
                out.raw(cell.suppressed ? ",\"suppressed\":true" : ",\"suppressed\":false")
                out.raw(c.unit)
                if !cell.suppressed, let v = row.value {
                    out.raw(",\"value\":")
                    out.number(v)
                }
                out.byte(UInt8(ascii: "}"))
            }
        }
    }

    /// The shown value of a row for the audience: formatted, or hidden by disclosure control.
    static func cell(
        _ row: Row, _ definition: IndicatorDefinition, audience: Audience, hidden: [String: Disclosure.Reason]
    ) -> DisplayValue {
        if audience == .public, !hidden.isEmpty,
            let reason = hidden[row.indicatorCode + "|" + row.regionCode + "|" + row.period]
        {
            return MonitorDisclosure.display(reason, download: true)
        }
        return ValueFormatter.downloadCell(row.value, indicator: definition, audience: audience)
    }

    /// The CSV columns of the data API: the JSON item's fields, in this order.
    static let csvColumns = [
        "indicator", "indicatorName", "region", "regionName", "period", "value", "display", "suppressed", "unit",
        "status", "missingReason", "note", "source", "licence"
    ]

    /// The rows of one page as CSV (comma, CRLF, no BOM): the same fields and values as the JSON items,
    /// the value with the JSON's number notation; empty for null. Text a spreadsheet would run as a
    /// formula gets a leading `'` (`CSVWriter.neutralise`).
    static func csv(
        rows: [Row], indicators: [String: Indicator], audience: Audience, hidden: [String: Disclosure.Reason]
    )
        -> ByteBuffer
    {
        var buffer = ByteBufferAllocator().buffer(capacity: rows.count * 220 + 200)
        buffer.writeString(CSVWriter(separator: .comma).line(csvColumns))
        csvLines(rows, indicators: indicators, audience: audience, hidden: hidden, into: &buffer)
        return buffer
    }

    /// The CSV lines of these rows (no header), appended to `buffer`; a streamed answer writes them per chunk.
    static func csvLines(
        _ rows: [Row], indicators: [String: Indicator], audience: Audience, hidden: [String: Disclosure.Reason],
        into buffer: inout ByteBuffer
    ) {
        let writer = CSVWriter(separator: .comma)
        for row in rows {
            guard let ind = indicators[row.indicatorCode] else { continue }
            let cell = Self.cell(row, ind.definition, audience: audience, hidden: hidden)
            let value = cell.suppressed ? "" : row.value.map(JSONWriter.numberText) ?? ""
            buffer.writeString(
                writer.line([
                    ind.code, ind.name, row.regionCode, row.regionName ?? row.regionCode, row.period, value, cell.text,
                    cell.suppressed ? "true" : "false", ind.unit, row.status, row.missingReason ?? "", row.note ?? "",
                    ind.source, ind.licence
                ]))
        }
    }
}
