import AppCore
import Fluent
import NIOCore
import Vapor
import VitaalDomain

/// Large `/api/v1/data` pages written while they are read (issue #20): the rows come from the database
/// in chunks of `chunkRows` in the order of `monitor_values`' primary key (indicator, region,
/// period_sort) — the first chunk after the page's offset, every next one after the key of the last row
/// read (keyset pagination, no growing OFFSET) — and each chunk is written to the client before the next
/// is read, so the server holds one chunk per answer however large the page. The bytes are the same as
/// the whole answer's (`DataAPIRows.json` / `.csv`), because both write through the same
/// `DataAPIRows.JSONItems` and `csvLines`.
///
/// Not streamed: pages of at most `threshold` rows (built whole and cached, the dashboard's case) and
/// queries with a derived indicator (its values are computed from its inputs in memory first,
/// `DerivedValues`, so streaming would not keep memory flat; those pages stay bounded by the page size).
///
/// Consistency: the chunks are separate reads, not one snapshot (one read transaction would hold a
/// database connection for as long as a slow client takes to download). An import that commits while a
/// page streams may add rows with keys after the current chunk; `total` is the count when the answer
/// started and at most the page's row count is written, so the answer never has more items than it
/// announces. The ETag names the data version at the start; a client that needs one snapshot compares it
/// with the next request's ETag.
enum DataAPIStream {
    /// Pages with more rows than this are streamed.
    static let threshold = 2_000
    /// Rows read per database query of a streamed answer (~330 bytes of JSON each).
    static let chunkRows = 1_000

    /// What a streamed page reads: the filter (indicator codes already checked against the audience),
    /// where the page starts, how many rows it has, and the total it announces.
    struct Plan: Sendable {
        var codes: [String]
        var regions: [String]
        var period: Period?
        var from: Period?
        var to: Period?
        var offset: Int
        var rows: Int
        var total: Int
    }

    /// The body that writes the page chunk by chunk: JSON (`items` then the paging fields) or CSV.
    static func body(
        _ plan: Plan, indicators: [String: Indicator], audience: Audience, csv: Bool,
        page: Int, pageSize: Int, next: String?, on db: any Database, logger: Logger
    ) -> Response.Body {
        Response.Body(managedAsyncStream: { writer in
            do {
                try await write(
                    plan, indicators: indicators, audience: audience, csv: csv, page: page, pageSize: pageSize,
                    next: next, on: db, to: writer)
            } catch let error as ChannelError where error == .ioOnClosedChannel {
                // The client went away (closed the connection mid-body): no more rows are read.
                logger.debug("Data API stream stopped: the client closed the connection")
                throw error
            } catch {
                // The status line has gone out already: the connection is closed mid-body, so the client
                // sees an incomplete answer (JSON that does not parse, a CSV without its last line).
                logger.error("Data API stream stopped: \(String(reflecting: error))")
                throw error
            }
        })
    }

    static func write(
        _ plan: Plan, indicators: [String: Indicator], audience: Audience, csv: Bool,
        page: Int, pageSize: Int, next: String?, on db: any Database, to writer: any AsyncBodyStreamWriter
    ) async throws {
        var items = DataAPIRows.JSONItems(indicators: indicators, audience: audience)
        var buffer = ByteBufferAllocator().buffer(capacity: 512)
        if csv {
            buffer.writeString(CSVWriter(separator: .comma).line(DataAPIRows.csvColumns))
        } else {
            buffer.writeString(DataAPIRows.jsonHead)
        }
        var disclosure = ChunkDisclosure(indicators: indicators, audience: audience)
        var after: DataAPIRows.Key?
        var remaining = plan.rows
        while remaining > 0 {
            let chunk = try await DataAPIRows.query(
                codes: plan.codes, regions: plan.regions, period: plan.period, from: plan.from, to: plan.to,
                offset: plan.offset, limit: min(chunkRows, remaining), after: after, knownTotal: plan.total, on: db)
            guard let last = chunk.last else { break }
            let hidden = try await disclosure.hidden(for: chunk.rows, on: db)
            if csv {
                DataAPIRows.csvLines(
                    chunk.rows, indicators: indicators, audience: audience, hidden: hidden, into: &buffer)
            } else {
                var out = JSONWriter(capacity: chunk.rows.count * 330)
                items.write(chunk.rows, hidden: hidden, into: &out)
                buffer.writeBytes(out.bytes)
            }
            try await writer.write(.buffer(buffer))
            buffer = ByteBufferAllocator().buffer(capacity: 512)
            remaining -= chunk.rows.count
            after = last
        }
        if !csv {
            buffer.writeBytes(DataAPIRows.jsonTail(page: page, pageSize: pageSize, total: plan.total, next: next))
        }
        if buffer.readableBytes > 0 { try await writer.write(.buffer(buffer)) }
    }

    /// Disclosure control for a streamed page, chunk by chunk, with exactly the whole page's outcome.
    /// Suppression is decided per indicator and period over all regions (`MonitorDisclosure.hidden`
    /// groups by period; `Disclosure.suppress` needs every region of that indicator and period at once),
    /// while the page runs region by region within an indicator: so each (indicator, period) group is
    /// read whole, from the database, the first time a chunk has a row of it — not from the chunks —
    /// and its hidden cells are kept for the chunks after (only hidden cells are kept).
    struct ChunkDisclosure {
        let indicators: [String: Indicator]
        let audience: Audience
        /// "indicator|period" groups already decided.
        private var decided: Set<String> = []
        private var hiddenCells: [String: Disclosure.Reason] = [:]

        init(indicators: [String: Indicator], audience: Audience) {
            self.indicators = indicators
            self.audience = audience
        }

        mutating func hidden(for rows: [DataAPIRows.Row], on db: any Database) async throws
            -> [String: Disclosure.Reason]
        {
            guard audience == .public else { return [:] }
            var newPeriods: [String: Set<String>] = [:]
            for row in rows where indicators[row.indicatorCode]?.isCount == true {
                if !decided.contains(row.indicatorCode + "|" + row.period) {
                    newPeriods[row.indicatorCode, default: []].insert(row.period)
                }
            }
            for (code, periods) in newPeriods.sorted(by: { $0.key < $1.key }) {
                let found = try await MonitorDisclosure.hiddenCells(
                    indicators: [code], periods: periods.sorted(), on: db)
                hiddenCells.merge(found) { a, _ in a }
                for period in periods { decided.insert(code + "|" + period) }
            }
            return hiddenCells
        }
    }
}
