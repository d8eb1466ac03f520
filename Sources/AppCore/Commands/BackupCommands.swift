import Fluent
import Foundation
import SQLKit
import SQLiteNIO
import Vapor
import VitaalDomain

/// Backups of the whole database, and restoring one into an empty data folder.
///
/// - SQLite: `VACUUM INTO` writes a consistent, compacted copy while the server keeps running (it
///   reads one snapshot of the WAL database). A restore checks the file first (an SQLite database,
///   `PRAGMA integrity_check` ok, no broken foreign keys, Vitaal's migrations table present and no
///   migration the running code does not know) and then moves it into place in one rename, so a
///   failed restore leaves nothing half-written.
/// - PostgreSQL: `pg_dump --format=custom` and `pg_restore --single-transaction` (the PostgreSQL
///   client tools must be on PATH), followed by the same migrations check.
public enum Backup {
    /// What a checked backup holds.
    public struct Summary: Sendable, Equatable {
        public var migrations: Int
        public var tables: Int
    }

    // MARK: SQLite

    /// Writes a consistent copy of the SQLite database to `file` (which must not exist yet).
    public static func backupSQLite(on db: any Database, to file: String) async throws {
        guard !FileManager.default.fileExists(atPath: file) else {
            throw VitaalError(.invalidInput, "\(file) bestaat al; kies een nieuwe bestandsnaam voor de back-up.")
        }
        guard let sql = db as? any SQLDatabase else {
            throw VitaalError(.internal, "De database ondersteunt geen SQL.")
        }
        try await sql.raw("VACUUM INTO \(bind: file)").run()
    }

    /// Checks that `file` is a sound Vitaal SQLite database whose migrations this version knows.
    public static func checkSQLite(file: String, knownMigrations: Set<String>) async throws -> Summary {
        guard FileManager.default.isReadableFile(atPath: file) else {
            throw VitaalError(.invalidInput, "\(file) bestaat niet of is niet leesbaar.")
        }
        let connection: SQLiteConnection
        do {
            connection = try await SQLiteConnection.open(storage: .file(path: file))
        } catch {
            throw VitaalError(.invalidInput, "\(file) is geen SQLite-database.")
        }
        do {
            let summary = try await check(connection, file: file, knownMigrations: knownMigrations)
            try await connection.close()
            return summary
        } catch {
            try? await connection.close()
            throw error
        }
    }

    private static func check(
        _ connection: SQLiteConnection, file: String,
        knownMigrations: Set<String>
    ) async throws -> Summary {
        let integrity: [SQLiteRow]
        do {
            integrity = try await connection.query("PRAGMA integrity_check")
        } catch {
            throw VitaalError(.invalidInput, "\(file) is geen SQLite-database.")
        }
        let verdict = integrity.first?.column("integrity_check")?.string ?? ""
        guard verdict == "ok" else {
            throw VitaalError(
                .invalidInput, "\(file) is beschadigd (integrity_check: \(BoundedNumber.short(verdict))).")
        }
        let broken = try await connection.query("PRAGMA foreign_key_check")
        guard broken.isEmpty else {
            throw VitaalError(.invalidInput, "\(file) bevat \(broken.count) verwijzingen naar ontbrekende rijen.")
        }
        let tables = try await connection.query("SELECT name FROM sqlite_master WHERE type = 'table'")
            .compactMap { $0.column("name")?.string }
        guard tables.contains("_fluent_migrations") else {
            throw VitaalError(.invalidInput, "\(file) is geen Vitaal-database (de tabel _fluent_migrations ontbreekt).")
        }
        let names = try await connection.query("SELECT name FROM _fluent_migrations")
            .compactMap { $0.column("name")?.string }
        try checkMigrations(names, known: knownMigrations, file: file)
        return Summary(migrations: names.count, tables: tables.count)
    }

    /// A backup made by a newer Vitaal has migrations this version cannot undo or understand.
    static func checkMigrations(_ names: [String], known: Set<String>, file: String) throws {
        let unknown = names.filter { !known.contains($0) }.sorted()
        guard unknown.isEmpty else {
            throw VitaalError(
                .invalidInput,
                "\(file) komt van een nieuwere versie van Vitaal "
                    + "(onbekende migratie \(unknown[0].prefix(200))); werk Vitaal eerst bij.")
        }
    }

    /// Puts a checked backup in place as the database at `target`, which must not exist: restoring
    /// over a live database would lose its changes without a trace.
    public static func restoreSQLite(file: String, to target: String, knownMigrations: Set<String>) async throws
        -> Summary
    {
        let fileManager = FileManager.default
        // An empty database file (made when the app opened a connection to a new data folder) may go.
        if fileManager.fileExists(atPath: target), try await isEmptySQLite(target) {
            for suffix in ["", "-wal", "-shm"] { try? fileManager.removeItem(atPath: target + suffix) }
        }
        guard !fileManager.fileExists(atPath: target) else {
            throw VitaalError(
                .invalidInput,
                "Er staat al een database in \(target); zet een back-up terug in een "
                    + "lege datamap (VITAAL_DATA_DIR) of verplaats de oude database eerst.")
        }
        let summary = try await checkSQLite(file: file, knownMigrations: knownMigrations)
        let folder = (target as NSString).deletingLastPathComponent
        try fileManager.createDirectory(atPath: folder.isEmpty ? "." : folder, withIntermediateDirectories: true)
        // Copy next to the target, then rename: the database appears whole or not at all.
        let staging = target + ".terugzetten"
        try? fileManager.removeItem(atPath: staging)
        try fileManager.copyItem(atPath: file, toPath: staging)
        try fileManager.moveItem(atPath: staging, toPath: target)
        return summary
    }

    static func isEmptySQLite(_ path: String) async throws -> Bool {
        let connection = try await SQLiteConnection.open(storage: .file(path: path))
        let tables = try? await connection.query("SELECT name FROM sqlite_master WHERE type = 'table'")
        try? await connection.close()
        return tables?.isEmpty ?? false
    }

    // MARK: PostgreSQL

    /// Runs a PostgreSQL client tool (`pg_dump`, `pg_restore`) with the database URL.
    static func runTool(_ name: String, _ arguments: [String], path: String?) throws {
        guard let tool = VitaalConfiguration.executable(name, onPath: path) else {
            throw VitaalError(
                .invalidInput,
                "\(name) niet gevonden; installeer de PostgreSQL-clientprogramma's "
                    + "(Debian: postgresql-client).")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw VitaalError(.invalidInput, "\(name) mislukte: \(BoundedNumber.short(message))")
        }
    }

    /// Writes the whole PostgreSQL database at `url` to `file` (which must not exist) with `pg_dump`
    /// in its custom format: one consistent snapshot, also while the server runs.
    public static func backupPostgres(url: String, to file: String) throws {
        guard !FileManager.default.fileExists(atPath: file) else {
            throw VitaalError(.invalidInput, "\(file) bestaat al; kies een nieuwe bestandsnaam voor de back-up.")
        }
        try runTool("pg_dump", ["--format=custom", "--no-owner", "--file=\(file)", "--dbname=\(url)"], path: nil)
    }

    /// Restores `file` into the empty PostgreSQL database at `url` (`db` is a connection to it) in one
    /// transaction — an error leaves the database empty — and checks its migrations against the code.
    public static func restorePostgres(
        file: String, url: String, on db: any Database, knownMigrations: Set<String>
    ) async throws -> Summary {
        guard let sql = db as? any SQLDatabase else { throw VitaalError(.internal, "Geen SQL-database.") }
        let tables =
            try await sql.raw("SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'public'")
            .first()?.decode(column: "n", as: Int.self) ?? 0
        guard tables == 0 else {
            throw VitaalError(
                .invalidInput,
                "De database is niet leeg (\(tables) tabellen); zet een back-up terug in een lege database.")
        }
        guard FileManager.default.isReadableFile(atPath: file) else {
            throw VitaalError(.invalidInput, "\(file) bestaat niet of is niet leesbaar.")
        }
        try runTool(
            "pg_restore", ["--no-owner", "--single-transaction", "--exit-on-error", "--dbname=\(url)", file],
            path: nil)
        return try await checkPostgres(on: db, knownMigrations: knownMigrations, file: file)
    }

    /// The migrations table of the (restored) PostgreSQL database, checked against the code.
    static func checkPostgres(on db: any Database, knownMigrations: Set<String>, file: String) async throws -> Summary {
        guard let sql = db as? any SQLDatabase else {
            throw VitaalError(.internal, "De database ondersteunt geen SQL.")
        }
        let names = try await sql.raw("SELECT name FROM _fluent_migrations").all()
            .map { try $0.decode(column: "name", as: String.self) }
        try checkMigrations(names, known: knownMigrations, file: file)
        let tables =
            try await sql.raw("SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'public'")
            .first()?.decode(column: "n", as: Int.self) ?? 0
        return Summary(migrations: names.count, tables: tables)
    }
}

/// `vitaal backup FILE`
struct BackupCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "Het back-upbestand (bestaat nog niet)") var file: String
        init() {}
    }
    var help: String { "Maakt een back-up van de hele database (SQLite: VACUUM INTO; PostgreSQL: pg_dump)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let config = app.vitaal
        if let url = config.databaseURL {
            try Backup.backupPostgres(url: url, to: signature.file)
        } else {
            try await Backup.backupSQLite(on: app.db, to: signature.file)
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: signature.file)[.size] as? Int) ?? 0
        context.console.print("Back-up geschreven: \(signature.file) (\(size / 1024) kB).")
    }
}

/// `vitaal restore FILE`
struct RestoreCommand: AsyncCommand {
    let features: [any VitaalFeature]
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "Een back-up gemaakt met vitaal backup") var file: String
        init() {}
    }
    var help: String {
        "Zet een back-up terug in een lege datamap (SQLite) of lege database (PostgreSQL: pg_restore), met controle."
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let config = app.vitaal
        let known = Set(
            FoundationMigrations.all(clock: app.clock).map(\.name) + features.flatMap(\.migrations).map(\.name))
        let summary: Backup.Summary
        if let url = config.databaseURL {
            summary = try await Backup.restorePostgres(
                file: signature.file, url: url, on: app.db, knownMigrations: known)
        } else {
            summary = try await Backup.restoreSQLite(
                file: signature.file, to: config.sqlitePath, knownMigrations: known)
        }
        context.console.print(
            "Back-up teruggezet: \(summary.tables) tabellen, \(summary.migrations) migraties; "
                + "de database is in orde.")
    }
}
