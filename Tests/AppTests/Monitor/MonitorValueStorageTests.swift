import Fluent
import SQLKit
import XCTVapor
import XCTest

@testable import AppCore
@testable import MonitorFeature
@testable import VitaalDomain

/// #20: values in one B-tree keyed by (indicator, region, period). The migration from the rowid layout
/// keeps every value, the replaced versions and undo.
final class MonitorValueStorageTests: XCTestCase {
    private func observation(_ indicator: String, _ region: String, _ period: String, _ value: Double?) -> Observation {
        Observation(
            indicator: indicator, region: region, period: Period(period)!, value: value,
            missingReason: value == nil ? .notAvailable : nil, status: .definitief, note: "noot \(period)")
    }

    func testMigrationFromRowidTableKeepsValuesReplacedVersionsAndUndo() async throws {
        try await TestApp.with { app in
            try await MonitorTestSupport.seedIndicators(app)
            let migration = MonitorMigrations.KeyValuesByIndicatorRegionPeriod()
            // The database as the schema before #20 left it: rowid table, id key, unique key, four indexes.
            try await migration.revert(on: app.db)
            let sql = try XCTUnwrap(app.db as? any SQLDatabase)
            let oldIndexes = try await Self.secondaryIndexes(sql)
            XCTAssertEqual(oldIndexes.count, 5, "\(oldIndexes)")  // unique key + region, ind_sort, batch, order

            // Written as the importer did before: a first batch, then a second replacing one value.
            let t1 = Date(timeIntervalSince1970: 1_700_000_000)
            let t2 = Date(timeIntervalSince1970: 1_700_100_000)
            let first = DataImport(
                fileName: "eerste.csv", format: "long", userID: nil, actor: "test", replaceMode: false, createdAt: t1)
            try await first.create(on: app.db)
            let firstID = try first.requireID()
            let firstRows = [
                observation("bw_ervaren_gezondheid", "GM0034", "2023", 71.5),
                observation("bw_ervaren_gezondheid", "GM0034", "2024", 72.25),
                observation("bw_fijnstof", "GM0995", "2024-05", nil)
            ].map { DataValue($0, batchID: firstID, at: t1) }
            for row in firstRows { try await row.create(on: app.db) }
            let second = DataImport(
                fileName: "tweede.csv", format: "long", userID: nil, actor: "test", replaceMode: true, createdAt: t2)
            try await second.create(on: app.db)
            let secondID = try second.requireID()
            try await ReplacedValue(batchID: secondID, old: firstRows[1]).create(on: app.db)
            try await firstRows[1].delete(on: app.db)
            for o in [
                observation("bw_ervaren_gezondheid", "GM0034", "2024", 80),
                observation("tz_welzijn_op_recept", "GM0184", "2024Q3", 3)
            ] {
                try await DataValue(o, batchID: secondID, at: t2).create(on: app.db)
            }
            let before = try await Self.allValues(app.db)
            XCTAssertEqual(before.count, 4)

            try await migration.prepare(on: app.db)

            let after = try await Self.allValues(app.db)
            XCTAssertEqual(after, before)
            let newIndexes = try await Self.secondaryIndexes(sql)
            XCTAssertEqual(newIndexes, [])
            if !TestApp.usesPostgres {
                let ddl = try await sql.raw("SELECT sql FROM sqlite_master WHERE name = 'monitor_values'").first()?
                    .decode(column: "sql", as: String.self)
                XCTAssertTrue(ddl?.contains("WITHOUT ROWID") ?? false, ddl ?? "")
            }
            // The key refuses a second value for the same indicator, region and period.
            let duplicate = DataValue(observation("bw_fijnstof", "GM0995", "2024-05", 1), batchID: nil, at: t2)
            do {
                try await duplicate.create(on: app.db)
                XCTFail("a second value for the same key was stored")
            } catch {}
            let replacedCount = try await ReplacedValue.query(on: app.db).count()
            XCTAssertEqual(replacedCount, 1)

            // Undo keeps its order and restores the replaced version under its first batch.
            do {
                _ = try await DataImporter.undo(batchID: firstID, user: nil, actor: "test", on: app.db)
                XCTFail("undo of a batch whose values were replaced later succeeded")
            } catch let error as VitaalError {
                XCTAssertTrue(error.message.contains("later vervangen door de import van tweede.csv"), error.message)
            }
            let undoSecond = try await DataImporter.undo(batchID: secondID, user: nil, actor: "test", on: app.db)
            XCTAssertTrue(undoSecond.contains("1 waarden verwijderd, 1 vorige waarden hersteld"), undoSecond)
            let restored = try await MonitorTestSupport.value(app, "bw_ervaren_gezondheid", "GM0034", "2024")
            XCTAssertEqual(restored?.value, 72.25)
            XCTAssertEqual(restored?.$batch.id, firstID)
            XCTAssertEqual(restored?.updatedAt, t1)
            let countAfterFirstUndo = try await MonitorTestSupport.valueCount(app)
            XCTAssertEqual(countAfterFirstUndo, 3)
            let undoFirst = try await DataImporter.undo(batchID: firstID, user: nil, actor: "test", on: app.db)
            XCTAssertTrue(undoFirst.contains("3 waarden verwijderd, 0 vorige waarden hersteld"), undoFirst)
            let countAfterSecondUndo = try await MonitorTestSupport.valueCount(app)
            XCTAssertEqual(countAfterSecondUndo, 0)
        }
    }

    /// Every stored value as comparable text, in key order.
    private static func allValues(_ db: any Database) async throws -> [String] {
        try await DataValue.query(on: db).sort(\.$indicatorCode).sort(\.$regionCode).sort(\.$periodSort).all().map {
            [
                $0.id?.uuidString ?? "-", $0.indicatorCode, $0.regionCode, $0.period, String($0.periodSort),
                $0.value.map { String($0) } ?? "-", $0.missingReason ?? "-", $0.status, $0.note ?? "-",
                $0.$batch.id?.uuidString ?? "-", String($0.updatedAt.timeIntervalSince1970)
            ].joined(separator: "|")
        }
    }

    /// Indexes on the value table besides its key (the key of a `WITHOUT ROWID` table is the table).
    private static func secondaryIndexes(_ sql: any SQLDatabase) async throws -> [String] {
        if TestApp.usesPostgres {
            return try await sql.raw(
                "SELECT indexname AS n FROM pg_indexes WHERE tablename = 'monitor_values' AND indexname <> 'monitor_values_pkey' ORDER BY indexname"
            ).all().map { try $0.decode(column: "n", as: String.self) }
        }
        return try await sql.raw(
            "SELECT name AS n FROM pragma_index_list('monitor_values') WHERE origin <> 'pk' ORDER BY name"
        ).all().map { try $0.decode(column: "n", as: String.self) }
    }
}
