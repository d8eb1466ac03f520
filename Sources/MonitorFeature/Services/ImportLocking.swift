import AppCore
import Fluent
import FluentSQLiteDriver
import Vapor
import VitaalDomain

/// One monitor import (or undo) at a time, for every app instance and the CLI: a row with a unique
/// key in `monitor_import_locks`. A second import gets a Dutch 409 naming who started the running one
/// and when, before its upload is read. A lock older than `staleAfter` (a crashed process) is taken over.
enum ImportLocking {
    static let staleAfter: TimeInterval = 6 * 3600

    /// Takes the lock or throws 409 "er loopt al een import (gestart door … om …)".
    static func acquire(actor: String, at now: Date, on db: any Database) async throws -> ImportLock {
        for attempt in 0..<2 {
            if let running = try await ImportLock.query(on: db).filter(\.$lockKey == "import").first() {
                if now.timeIntervalSince(running.startedAt) > staleAfter, attempt == 0 {
                    try await ImportLock.query(on: db).filter(\.$id == running.requireID()).delete()
                    continue
                }
                throw busy(running)
            }
            let lock = ImportLock(actor: actor, startedAt: now)
            do {
                try await lock.create(on: db)
                return lock
            } catch let error as any DatabaseError where error.isConstraintFailure {
                // Another import took it between the check and the insert.
                if let running = try await ImportLock.query(on: db).filter(\.$lockKey == "import").first() {
                    throw busy(running)
                }
                throw VitaalError(.conflict, "Er loopt al een import; probeer het over een paar minuten opnieuw.")
            }
        }
        throw VitaalError(.conflict, "Er loopt al een import; probeer het over een paar minuten opnieuw.")
    }

    static func busy(_ running: ImportLock) -> VitaalError {
        VitaalError(
            .conflict,
            "Er loopt al een import (gestart door \(running.actor) om \(MonitorText.dateTime(running.startedAt))). "
                + "Probeer het opnieuw als die klaar is; er is niets opgeslagen.")
    }

    static func release(_ lock: ImportLock, on db: any Database) async {
        guard let id = lock.id else { return }
        try? await ImportLock.query(on: db).filter(\.$id == id).delete()
    }

    /// Runs `body` while holding the lock; the lock is released afterwards, also on failure.
    static func withLock<T>(
        actor: String, at now: Date, on db: any Database,
        _ body: () async throws -> T
    ) async throws -> T {
        try await withLock(actor: actor, at: now, on: db) { _ in try await body() }
    }

    /// Runs `body` with the lock it holds (an import publishes its progress on the lock's row).
    static func withLock<T>(
        actor: String, at now: Date, on db: any Database,
        _ body: (ImportLock) async throws -> T
    ) async throws -> T {
        let lock = try await acquire(actor: actor, at: now, on: db)
        do {
            let result = try await body(lock)
            await release(lock, on: db)
            return result
        } catch {
            await release(lock, on: db)
            throw error
        }
    }
}

extension DatabaseID {
    /// A second connection pool to the same SQLite file, used only by imports and undo, so a long
    /// import does not hold the connection that serves the pages and logins of its event loop.
    static let monitorImport = DatabaseID(string: "monitor-import")
}

extension Application {
    /// The database for imports: the dedicated SQLite pool when the app runs on a SQLite file, else
    /// the default database.
    var monitorImportDB: any Database {
        databases.configuration(for: .monitorImport) != nil ? db(.monitorImport) : db
    }

    /// Registers the import pool (SQLite file only; PostgreSQL pools already hold several connections).
    func registerMonitorImportDatabase() {
        let config = vitaal
        guard config.databaseURL == nil,
            environment != .testing || config.testsUseSQLiteFile,
            databases.configuration(for: .monitorImport) == nil
        else { return }
        databases.use(
            .sqlite(.file(config.sqlitePath), maxConnectionsPerEventLoop: 1), as: .monitorImport, isDefault: false)
    }
}
