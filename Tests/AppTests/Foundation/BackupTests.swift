import App
import Fluent
import MonitorFeature
import SQLKit
import SocialMapFeature
import VitaalDomain
import XCTVapor
import XCTest

@testable import AppCore
@testable import PlansFeature

/// `vitaal backup` / `vitaal restore` on SQLite: a backup restored into a fresh data folder gives
/// byte-identical open-data exports; a restore never overwrites a database with data, and refuses
/// files that are not a sound Vitaal database.
final class BackupTests: XCTestCase {
    private var root: URL!

    override func setUp() {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("vitaal-backup-\(UUID().uuidString)")
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: root)
    }

    /// An app on the SQLite file in `folder` (not the in-memory database of the other tests).
    private func fileApp(_ folder: String) async throws -> Application {
        try await TestApp.makeOnSQLiteFile(folder: folder)
    }

    private var knownMigrations: Set<String> {
        Set(FoundationMigrations.all(clock: .system).map(\.name) + vitaalFeatures.flatMap(\.migrations).map(\.name))
    }

    /// The open data as users download it: monitor CSV and data API, HSDS files, the plan's CSV.
    private func exports(_ app: Application, into folder: String) async throws -> [String: String] {
        let browser = Browser(app)
        var out: [String: String] = [:]
        let paths = [
            MonitorURL.monitor(.value("brede-welvaart")).path(query: [("formaat", "csv")]),
            MonitorURL.apiData.path(query: [("indicator", "bw_ervaren_gezondheid")]),
            PlanURL.targetsCSV(plan: .value("flever-jaarplan-2025")).path,
            PlanURL.budgetCSV(plan: .value("flever-jaarplan-2025")).path
        ]
        for path in paths {
            let response = try await browser.get(path)
            XCTAssertEqual(response.status, .ok, path)
            XCTAssertGreaterThan(response.body.count, 200, path)
            out[path] = response.body
        }
        for name in try await HSDSFiles.export(to: folder, on: app.db) {
            out["hsds/" + name] = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
        }
        return out
    }

    func testBackupRestoredIntoAFreshFolderGivesIdenticalExports() async throws {
        try XCTSkipIf(
            TestApp.usesPostgres, "PostgreSQL uses pg_dump/pg_restore (README, Backups); this is the SQLite path")
        let backup = root.appendingPathComponent("vitaal-backup.sqlite").path

        let original = try await fileApp(root.appendingPathComponent("a").path)
        let before: [String: String]
        do {
            try await DemoData.load(app: original, features: vitaalFeatures) { _ in }
            before = try await exports(original, into: root.appendingPathComponent("export-a").path)
            try await Backup.backupSQLite(on: original.db, to: backup)
            // A second backup to the same file is refused: a backup never overwrites anything.
            do {
                try await Backup.backupSQLite(on: original.db, to: backup)
                XCTFail("an existing backup file was overwritten")
            } catch let error as VitaalError {
                XCTAssertTrue(error.message.contains("bestaat al"), error.message)
            }
        } catch {
            try? await original.asyncShutdown()
            throw error
        }
        try await original.asyncShutdown()

        let target = root.appendingPathComponent("b/vitaal.sqlite").path
        let summary = try await Backup.restoreSQLite(file: backup, to: target, knownMigrations: knownMigrations)
        XCTAssertEqual(summary.migrations, knownMigrations.count)

        let restored = try await fileApp(root.appendingPathComponent("b").path)
        do {
            let after = try await exports(restored, into: root.appendingPathComponent("export-b").path)
            assertSameExports(after, before, "backup and restore")
        } catch {
            try? await restored.asyncShutdown()
            throw error
        }
        try await restored.asyncShutdown()

        // Restoring over the database that now has data is refused, and it is left as it was.
        let sizeBefore = try FileManager.default.attributesOfItem(atPath: target)[.size] as? Int
        do {
            _ = try await Backup.restoreSQLite(file: backup, to: target, knownMigrations: knownMigrations)
            XCTFail("a restore overwrote a database with data")
        } catch let error as VitaalError {
            XCTAssertTrue(error.message.contains("Er staat al een database"), error.message)
        }
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: target)[.size] as? Int, sizeBefore)
    }

    /// PostgreSQL: `pg_dump` of the test database, `pg_restore` into a new empty database, the same
    /// exports byte for byte; restoring again into the now filled database is refused. Needs the
    /// PostgreSQL client programs and a role that may create databases (`.ci/run` grants it).
    func testPostgresBackupRestoredIntoAnEmptyDatabaseGivesIdenticalExports() async throws {
        try XCTSkipUnless(TestApp.usesPostgres, "the SQLite path is the test above")
        let url = try XCTUnwrap(VitaalConfiguration.fromEnvironment().databaseURL)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let backup = root.appendingPathComponent("vitaal-backup.pgdump").path
        let name = "vitaal_restore_\(UUID().uuidString.prefix(8).lowercased())"
        var components = try XCTUnwrap(URLComponents(string: url))
        components.path = "/" + name
        let restoreURL = try XCTUnwrap(components.string)

        try await TestApp.with { original in
            try await DemoData.load(app: original, features: vitaalFeatures) { _ in }
            let before = try await exports(original, into: root.appendingPathComponent("export-a").path)
            try Backup.backupPostgres(url: url, to: backup)
            let sql = try XCTUnwrap(original.db as? any SQLDatabase)
            try await sql.raw("CREATE DATABASE \(unsafeRaw: name)").run()
            do {
                let restored = try await Application.make(.testing)
                var config = VitaalConfiguration.fromEnvironment([:])
                config.databaseURL = restoreURL
                restored.vitaal = config
                restored.logger.logLevel = .warning
                do {
                    try await configure(restored)
                    let summary = try await Backup.restorePostgres(
                        file: backup, url: restoreURL, on: restored.db, knownMigrations: knownMigrations)
                    XCTAssertEqual(summary.migrations, knownMigrations.count)
                    let after = try await exports(restored, into: root.appendingPathComponent("export-b").path)
                    assertSameExports(after, before, "pg_dump and pg_restore")
                    do {
                        _ = try await Backup.restorePostgres(
                            file: backup, url: restoreURL, on: restored.db, knownMigrations: knownMigrations)
                        XCTFail("a restore into a database with data was accepted")
                    } catch let error as VitaalError {
                        XCTAssertTrue(error.message.contains("niet leeg"), error.message)
                    }
                } catch {
                    try? await restored.asyncShutdown()
                    throw error
                }
                try await restored.asyncShutdown()
            } catch {
                try? await sql.raw("DROP DATABASE IF EXISTS \(unsafeRaw: name) WITH (FORCE)").run()
                throw error
            }
            try await sql.raw("DROP DATABASE IF EXISTS \(unsafeRaw: name) WITH (FORCE)").run()
        }
    }

    func testRestoreRefusesWhatIsNotASoundVitaalDatabase() async throws {
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let target = root.appendingPathComponent("c/vitaal.sqlite").path

        let text = root.appendingPathComponent("notities.txt").path
        try "geen database".write(toFile: text, atomically: true, encoding: .utf8)
        await assertRefused(text, target: target, containing: "geen SQLite-database")

        // A backup of a newer Vitaal (a migration this version does not know).
        let app = try await fileApp(root.appendingPathComponent("d").path)
        let newer = root.appendingPathComponent("nieuwer.sqlite").path
        do {
            try await Backup.backupSQLite(on: app.db, to: newer)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
        var known = knownMigrations
        let dropped = try XCTUnwrap(known.sorted().last)
        known.remove(dropped)
        do {
            _ = try await Backup.restoreSQLite(file: newer, to: target, knownMigrations: known)
            XCTFail("a backup with an unknown migration was restored")
        } catch let error as VitaalError {
            XCTAssertTrue(error.message.contains("nieuwere versie van Vitaal"), error.message)
            XCTAssertTrue(error.message.contains(dropped), error.message)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: target), "nothing is written on a refused restore")
    }

    /// The same open-data files, byte for byte, and at least the six the test asks for.
    private func assertSameExports(
        _ after: [String: String], _ before: [String: String], _ what: String, line: UInt = #line
    ) {
        XCTAssertEqual(after.keys.sorted(), before.keys.sorted(), line: line)
        XCTAssertGreaterThanOrEqual(after.count, 6, line: line)
        for (name, text) in before {
            XCTAssertEqual(after[name], text, "\(name) differs after \(what)", line: line)
        }
    }

    private func assertRefused(
        _ file: String, target: String, containing text: String,
        line: UInt = #line
    ) async {
        do {
            _ = try await Backup.restoreSQLite(file: file, to: target, knownMigrations: knownMigrations)
            XCTFail("restored \(file)", line: line)
        } catch let error as VitaalError {
            XCTAssertTrue(error.message.contains(text), error.message, line: line)
        } catch {
            XCTFail("unexpected error \(error)", line: line)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: target), "nothing is written", line: line)
    }
}
