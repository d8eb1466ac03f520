import FluentPostgresDriver
import Foundation
import NIOCore
import VitaalDomain

/// Writes imported values on PostgreSQL with `COPY monitor_values FROM STDIN` (text format) on the
/// connection of the import's transaction, one `COPY` per batch: PostgreSQL parses the rows itself
/// instead of one bind per field. Existing keys are checked before each batch (`existingKeys`), so the
/// table's key only backs that check; a failure aborts the transaction (nothing is stored).
/// Values are written as Fluent stores them: UUIDs as `uuid`, dates to the microsecond.
struct PostgresValueWriter: Sendable {
    private let connection: PostgresConnection
    private let logger: Logger
    /// The batch id and update time, already in COPY text form.
    private let tail: String

    /// A writer on the connection of `db` (a transaction on PostgreSQL), or nil on other databases.
    static func make(on db: any Database, batchID: UUID, at date: Date) async throws -> PostgresValueWriter? {
        guard let pg = db as? any PostgresDatabase else { return nil }
        let connection = try await pg.withConnection { $0.eventLoop.makeSucceededFuture($0) }.get()
        return PostgresValueWriter(
            connection: connection, logger: db.logger,
            tail: "\t" + batchID.uuidString + "\t" + timestamp(date) + "\n")
    }

    /// `2026-12-06 02:30:00.123456+00`: PostgreSQL's `timestamptz` text with microseconds (Fluent's precision).
    static func timestamp(_ date: Date) -> String {
        let micros = Int64((date.timeIntervalSince1970 * 1_000_000).rounded())
        var seconds = time_t(micros / 1_000_000)
        let fraction = Int(micros % 1_000_000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func pad(_ n: Int32, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        let micro = String(fraction)
        return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2)) "
            + "\(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2))."
            + String(repeating: "0", count: 6 - micro.count) + micro + "+00"
    }

    /// Text in COPY's text format: backslash, tab, newline and carriage return escaped; nil as `\N`.
    static func field(_ text: String?) -> String {
        guard let text else { return "\\N" }
        guard text.utf8.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return text }
        var out = ""
        for c in text.unicodeScalars {
            switch c {
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// Inserts the observations as new values of this writer's batch.
    func insert(_ observations: [Observation]) async throws {
        guard !observations.isEmpty else { return }
        var buffer = ByteBufferAllocator().buffer(capacity: observations.count * 120)
        for (o, id) in zip(observations, DataImporter.randomUUIDs(observations.count)) {
            buffer.writeString(id.uuidString)
            buffer.writeString("\t" + Self.field(o.indicator) + "\t" + Self.field(o.region) + "\t")
            buffer.writeString(o.period.canonical + "\t" + String(o.period.sortKey) + "\t")
            if let value = o.value {
                buffer.writeString(String(value) + "\t\\N\t")
            } else {
                buffer.writeString("\\N\t" + Self.field(o.missingReason?.rawValue) + "\t")
            }
            buffer.writeString(o.status.rawValue + "\t" + Self.field(o.note))
            buffer.writeString(tail)
        }
        let data = buffer
        try await connection.copyFrom(table: DataValue.schema, columns: DataImporter.valueColumns, logger: logger) {
            try await $0.write(data)
        }
    }
}
