import FluentSQLiteDriver
import Foundation
import VaporCSQLite
import VitaalDomain

/// Writes imported values on SQLite through one prepared `INSERT`, reused with bound parameters for
/// every row, on the connection of the import's transaction (SQLite's C API as SQLiteNIO ships it).
/// SQLKit built, serialised and bound one multi-row statement per 1,000 rows, about 15 % of an
/// import's CPU (bench/README.md, P2). Values are bound exactly as SQLiteNIO's encoder stores them
/// through Fluent: UUIDs as their text, dates as seconds since 1970.
///
/// `@unchecked Sendable`: the statement belongs to one import and is used by one task at a time,
/// while the transaction holds the connection (opened with `SQLITE_OPEN_FULLMUTEX`).
final class SQLiteValueWriter: @unchecked Sendable {
    private let handle: OpaquePointer
    private var statement: OpaquePointer?
    private let batchID: String
    private let updatedAt: Double

    private static let insertSQL =
        "INSERT INTO monitor_values (" + DataImporter.valueColumns.joined(separator: ", ") + ") VALUES ("
        + Array(repeating: "?", count: DataImporter.valueColumns.count).joined(separator: ", ") + ")"
    /// Tells SQLite to copy bound text (the Swift string's buffer lives only during the call).
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    /// A writer on the connection of `db` (a transaction on SQLite), or nil on other databases.
    static func make(on db: any Database, batchID: UUID, at date: Date) async throws -> SQLiteValueWriter? {
        guard let lite = db as? any SQLiteDatabase else { return nil }
        let connection = try await lite.withConnection { $0.eventLoop.makeSucceededFuture($0) }.get()
        guard let handle = rawHandle(connection) else {
            throw VitaalError(.internal, "De import kan de SQLite-verbinding niet rechtstreeks gebruiken.")
        }
        let writer = SQLiteValueWriter(handle: handle, batchID: batchID, at: date)
        try writer.prepare()
        return writer
    }

    /// SQLiteNIO keeps the `sqlite3 *` in an internal `handle.raw`; it offers no public accessor.
    /// Read through reflection; the import tests fail if a new SQLiteNIO version moves it.
    static func rawHandle(_ connection: SQLiteConnection) -> OpaquePointer? {
        guard let box = Mirror(reflecting: connection).descendant("handle") else { return nil }
        return Mirror(reflecting: box).descendant("raw") as? OpaquePointer
    }

    private init(handle: OpaquePointer, batchID: UUID, at date: Date) {
        self.handle = handle
        self.batchID = batchID.uuidString
        self.updatedAt = date.timeIntervalSince1970
    }

    deinit { sqlite_nio_sqlite3_finalize(statement) }

    private func prepare() throws {
        let rc = sqlite_nio_sqlite3_prepare_v2(handle, Self.insertSQL, -1, &statement, nil)
        guard rc == SQLITE_OK else { throw failure("voorbereiden") }
    }

    private func failure(_ step: String) -> VitaalError {
        let message = sqlite_nio_sqlite3_errmsg(handle).map { String(cString: $0) } ?? "onbekende fout"
        return VitaalError(.internal, "Opslaan van waarden mislukt (\(step)): \(message).")
    }

    /// Inserts the observations as new values of this writer's batch.
    func insert(_ observations: [Observation]) throws {
        guard let stmt = statement else { return }
        let ids = DataImporter.randomUUIDs(observations.count)
        for (o, id) in zip(observations, ids) {
            sqlite_nio_sqlite3_bind_text(stmt, 1, id.uuidString, -1, Self.transient)
            sqlite_nio_sqlite3_bind_text(stmt, 2, o.indicator, -1, Self.transient)
            sqlite_nio_sqlite3_bind_text(stmt, 3, o.region, -1, Self.transient)
            sqlite_nio_sqlite3_bind_text(stmt, 4, o.period.canonical, -1, Self.transient)
            sqlite_nio_sqlite3_bind_int64(stmt, 5, Int64(o.period.sortKey))
            if let value = o.value {
                sqlite_nio_sqlite3_bind_double(stmt, 6, value)
                sqlite_nio_sqlite3_bind_null(stmt, 7)
            } else {
                sqlite_nio_sqlite3_bind_null(stmt, 6)
                bindText(stmt, 7, o.missingReason?.rawValue)
            }
            sqlite_nio_sqlite3_bind_text(stmt, 8, o.status.rawValue, -1, Self.transient)
            bindText(stmt, 9, o.note)
            sqlite_nio_sqlite3_bind_text(stmt, 10, batchID, -1, Self.transient)
            sqlite_nio_sqlite3_bind_double(stmt, 11, updatedAt)
            let rc = sqlite_nio_sqlite3_step(stmt)
            sqlite_nio_sqlite3_reset(stmt)
            guard rc == SQLITE_DONE else { throw failure("invoegen") }
        }
    }

    private func bindText(_ stmt: OpaquePointer, _ index: Int32, _ text: String?) {
        if let text {
            sqlite_nio_sqlite3_bind_text(stmt, index, text, -1, Self.transient)
        } else {
            sqlite_nio_sqlite3_bind_null(stmt, index)
        }
    }
}
