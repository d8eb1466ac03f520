import AppCore
import Fluent
import Foundation
import NIOConcurrencyHelpers
import Vapor
import VitaalDomain

#if canImport(Glibc)
    import Glibc
#endif

/// Called after every progress an import publishes. Tests use it to hold a running import
/// deterministically (the observer awaits until the test lets it go); unset in production.
public struct MonitorImportProgressObserver: StorageKey {
    public typealias Value = @Sendable (RunningImport) async -> Void
}

/// Where the running monitor import's progress is published, so the import history page of every
/// process can show it. The importer and the page only `publish`, `clear` and ask for the `current`
/// progress; the storage follows the database:
/// - PostgreSQL: the progress columns of the import's lock row, written through the pool, never
///   through the import transaction's connection, so every instance sees them while the import runs.
/// - SQLite file: while the import runs its transaction holds the file's write lock, and a write
///   from another connection would wait for the import. The progress is a small JSON file beside the
///   database instead (written atomically: temporary file and rename), removed when the import ends.
///   A file whose process no longer exists is ignored: that import was killed, and SQLite rolled its
///   transaction back when the file was next opened.
/// - in-memory SQLite (tests): only this process sees the database, so the progress stays in memory.
/// A progress not updated for `RunningImport.stalledAfter` is still shown, as "onderbroken?".
struct ImportProgressBoard: Sendable {
    enum Storage: Sendable {
        case lockRow(any Database)
        case file(URL)
        case memory(NIOLockedValueBox<RunningImport?>)
    }

    let storage: Storage

    /// Publishes `running` (on PostgreSQL on the lock row `lock`). A failure to publish never fails
    /// the import: the progress is a courtesy, the import's own transaction is what counts.
    func publish(_ running: RunningImport, lock: UUID?) async {
        switch storage {
        case .lockRow(let db):
            guard let lock else { return }
            try? await ImportLock.query(on: db).filter(\.$id == lock)
                .set(\.$progressFileName, to: running.fileName)
                .set(\.$progressBytesRead, to: running.bytesRead)
                .set(\.$progressTotalBytes, to: running.totalBytes)
                .set(\.$progressRecords, to: running.records)
                .set(\.$progressValues, to: running.values)
                .set(\.$progressAt, to: running.updatedAt)
                .update()
        case .file(let url):
            guard let data = try? JSONEncoder().encode(running) else { return }
            try? data.write(to: url, options: .atomic)
        case .memory(let box):
            box.withLockedValue { $0 = running }
        }
    }

    /// Removes the progress (the import ended, committed or rolled back).
    func clear(lock: UUID?) async {
        switch storage {
        case .lockRow(let db):
            guard let lock else { return }
            try? await ImportLock.query(on: db).filter(\.$id == lock)
                .set(\.$progressFileName, to: nil).set(\.$progressBytesRead, to: nil)
                .set(\.$progressTotalBytes, to: nil).set(\.$progressRecords, to: nil)
                .set(\.$progressValues, to: nil).set(\.$progressAt, to: nil)
                .update()
        case .file(let url):
            try? FileManager.default.removeItem(at: url)
        case .memory(let box):
            box.withLockedValue { $0 = nil }
        }
    }

    /// The progress of the import that runs now, if any.
    func current() async throws -> RunningImport? {
        switch storage {
        case .lockRow(let db):
            guard let lock = try await ImportLock.query(on: db).filter(\.$lockKey == "import").first(),
                let fileName = lock.progressFileName, let updatedAt = lock.progressAt
            else { return nil }
            return RunningImport(
                fileName: fileName, actor: lock.actor, startedAt: lock.startedAt,
                bytesRead: lock.progressBytesRead ?? 0, totalBytes: lock.progressTotalBytes,
                records: lock.progressRecords ?? 0, values: lock.progressValues ?? 0, updatedAt: updatedAt)
        case .file(let url):
            guard let data = try? Data(contentsOf: url),
                let running = try? JSONDecoder().decode(RunningImport.self, from: data)
            else { return nil }
            if let pid = running.processID, !Self.processExists(pid) { return nil }
            return running
        case .memory(let box):
            return box.withLockedValue { $0 }
        }
    }

    /// Whether a process with this id runs on this machine (`kill` with signal 0 only checks; EPERM
    /// means it exists but belongs to another user).
    static func processExists(_ pid: Int32) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }

    /// The progress file beside a SQLite database file.
    static func fileURL(besideDatabase path: String) -> URL {
        URL(fileURLWithPath: path + "-import-progress.json")
    }
}

/// Publishes one import's progress on the board: after the first batch, then at most every half
/// second (cheap next to the batches of 2,000 rows it follows).
public final class ImportProgressReporter: Sendable {
    static let interval: Duration = .milliseconds(500)

    let board: ImportProgressBoard
    /// The import's lock row (the board's row on PostgreSQL).
    let lockID: UUID?
    let actor: String
    let startedAt: Date
    let clock: VitaalClock
    let observer: MonitorImportProgressObserver.Value?
    /// When progress was last published (a monotonic clock: this only paces the writes).
    private let lastPublished = NIOLockedValueBox<ContinuousClock.Instant?>(nil)

    init(
        board: ImportProgressBoard, lock: ImportLock, clock: VitaalClock,
        observer: MonitorImportProgressObserver.Value? = nil
    ) {
        self.board = board
        self.lockID = lock.id
        self.actor = lock.actor
        self.startedAt = lock.startedAt
        self.clock = clock
        self.observer = observer
    }

    func report(fileName: String, _ progress: ImportProgress, values: Int) async {
        let now = ContinuousClock.now
        let due = lastPublished.withLockedValue { last in
            if let last, now - last < Self.interval { return false }
            last = now
            return true
        }
        guard due else { return }
        let running = RunningImport(
            fileName: fileName, actor: actor, startedAt: startedAt, bytesRead: progress.bytesRead,
            totalBytes: progress.totalBytes, records: progress.records, values: values, updatedAt: clock.now(),
            processID: ProcessInfo.processInfo.processIdentifier)
        await board.publish(running, lock: lockID)
        await observer?(running)
    }

    func clear() async { await board.clear(lock: lockID) }
}

extension Application {
    private struct MemoryProgressKey: StorageKey, LockKey { typealias Value = NIOLockedValueBox<RunningImport?> }

    /// The board of this application's database (see `ImportProgressBoard`).
    var importProgressBoard: ImportProgressBoard {
        let config = vitaal
        if config.usesPostgres { return ImportProgressBoard(storage: .lockRow(db)) }
        if environment != .testing || config.testsUseSQLiteFile {
            return ImportProgressBoard(storage: .file(ImportProgressBoard.fileURL(besideDatabase: config.sqlitePath)))
        }
        let box = locks.lock(for: MemoryProgressKey.self).withLock {
            if let box = storage[MemoryProgressKey.self] { return box }
            let box = NIOLockedValueBox<RunningImport?>(nil)
            storage[MemoryProgressKey.self] = box
            return box
        }
        return ImportProgressBoard(storage: .memory(box))
    }

    /// A reporter for the import that holds `lock`.
    func importProgressReporter(lock: ImportLock) -> ImportProgressReporter {
        ImportProgressReporter(
            board: importProgressBoard, lock: lock, clock: clock, observer: storage[MonitorImportProgressObserver.self])
    }
}
