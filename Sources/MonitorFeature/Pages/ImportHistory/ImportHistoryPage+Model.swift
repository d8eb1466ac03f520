import AppCore
import Fluent
import Foundation
import SQLKit
import VitaalDomain

/// `/monitor/import/geschiedenis`: the import batches, newest first, with undo where allowed.
enum ImportHistoryPage {
    struct Model: Sendable, Equatable {
        enum Action: Sendable, Equatable {
            case none
            /// The viewer may undo this batch (by id).
            case undo(String)
            /// A later, active import replaced values of this one: that one must be undone first.
            case replacedLater
        }

        struct Row: Sendable, Equatable {
            var createdAt: String
            var fileName: String
            var actor: String
            var format: String
            var records: String
            var inserted: String
            var replaced: String
            /// nil: active; else "ongedaan gemaakt … door …".
            var undone: String?
            var action: Action
        }

        /// The import that runs now ("import loopt"), shown above the history.
        struct Running: Sendable, Equatable {
            /// "Import loopt: waarden.csv, gestart door … om …, 1,2 van 3,4 MB gelezen (37%), 2.000 regels".
            var sentence: String
            /// Whole percent read; nil when the input's size is unknown (no progress bar then).
            var percent: Int?
            /// "onderbroken?": no progress for `RunningImport.stalledAfter`, since this time.
            var stalledSince: String?
        }

        var running: Running?
        var rows: [Row]

        static func load(
            viewer: PageContext.Viewer, running: RunningImport?, now: Date, on db: any Database
        ) async throws -> Model {
            let batches = try await DataImport.query(on: db).sort(\.$createdAt, .descending).range(..<200).all()
            let replacedLater = try await Self.replacedLater(batches.compactMap(\.id), on: db)
            return Model(
                running: running.map { Self.running($0, now: now) },
                rows: batches.map { row($0, viewer: viewer, replacedLater: replacedLater) })
        }

        static func running(_ progress: RunningImport, now: Date) -> Running {
            func megabytes(_ bytes: Int) -> String { ValueFormatter.number(Double(bytes) / 1_048_576, decimals: 1) }
            var read = megabytes(progress.bytesRead) + " MB gelezen"
            if let total = progress.totalBytes, let percent = progress.percentRead {
                read = "\(megabytes(progress.bytesRead)) van \(megabytes(total)) MB gelezen (\(percent)%)"
            }
            let records = ValueFormatter.number(Double(progress.records), decimals: 0)
            return Running(
                sentence: "Import loopt: \(progress.fileName), gestart door \(progress.actor) om "
                    + "\(MonitorText.dateTime(progress.startedAt)), \(read), \(records) regels.",
                percent: progress.percentRead,
                stalledSince: progress.isStalled(at: now) ? MonitorText.dateTime(progress.updatedAt) : nil)
        }

        static func row(_ batch: DataImport, viewer: PageContext.Viewer, replacedLater: Set<UUID>) -> Row {
            let mayUndo =
                batch.undoneAt == nil && batch.format != "demo"
                && (viewer.role == .beheerder || batch.userID == viewer.id)
            var action = Action.none
            if mayUndo, let id = batch.id {
                action = replacedLater.contains(id) ? .replacedLater : .undo(id.uuidString)
            }
            func count(_ number: Int) -> String { ValueFormatter.number(Double(number), decimals: 0) }
            let format = batch.format == "statLine" ? "CBS StatLine" : batch.format == "demo" ? "demodata" : "lang"
            return Row(
                createdAt: MonitorText.dateTime(batch.createdAt), fileName: batch.fileName, actor: batch.actor,
                format: format, records: count(batch.records), inserted: count(batch.inserted),
                replaced: count(batch.replaced),
                undone: batch.undoneAt.map {
                    "ongedaan gemaakt \(MonitorText.dateTime($0)) door \(batch.undoneBy ?? "?")"
                },
                action: action)
        }

        /// Which of these batches have values that a later, active import replaced: one aggregated query
        /// over the shown batches (indexed on previous_batch_id), not every replaced value.
        static func replacedLater(_ ids: [UUID], on db: any Database) async throws -> Set<UUID> {
            guard !ids.isEmpty, let sql = db as? any SQLDatabase else { return [] }
            let rows = try await sql.raw(
                """
                SELECT DISTINCT r.previous_batch_id AS pb FROM monitor_replaced_values r
                JOIN monitor_import_batches b ON b.id = r.batch_id
                WHERE b.undone_at IS NULL AND r.previous_batch_id IN (\(binds: ids))
                """
            ).all()
            return Set(try rows.map { try $0.decode(column: "pb", as: UUID.self) })
        }
    }
}
