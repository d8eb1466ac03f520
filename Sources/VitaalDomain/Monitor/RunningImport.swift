import Foundation

/// A monitor import while it runs ("import loopt"), as the importing process publishes it for the
/// import history page of every process: who started it when, and how far it has come.
public struct RunningImport: Codable, Sendable, Hashable {
    public var fileName: String
    public var actor: String
    public var startedAt: Date
    public var bytesRead: Int
    /// nil when the reader cannot know the input's size.
    public var totalBytes: Int?
    /// Data records read so far (without the header).
    public var records: Int
    /// Values written so far (new and replaced); they become visible only when the import commits.
    public var values: Int
    /// When this progress was published.
    public var updatedAt: Date
    /// The importing process, where the progress lives outside the database (SQLite): a progress
    /// whose process has gone is not an import that runs.
    public var processID: Int32?

    public init(
        fileName: String, actor: String, startedAt: Date, bytesRead: Int, totalBytes: Int?, records: Int,
        values: Int, updatedAt: Date, processID: Int32? = nil
    ) {
        self.fileName = fileName
        self.actor = actor
        self.startedAt = startedAt
        self.bytesRead = bytesRead
        self.totalBytes = totalBytes
        self.records = records
        self.values = values
        self.updatedAt = updatedAt
        self.processID = processID
    }

    /// An import publishes at least every few seconds while it reads; one that has said nothing for
    /// this long has probably stopped (a process killed without cleaning up, a stuck database).
    public static let stalledAfter: TimeInterval = 5 * 60

    /// No progress published for `stalledAfter`: shown as "onderbroken?" rather than as running.
    public func isStalled(at now: Date) -> Bool { now.timeIntervalSince(updatedAt) > Self.stalledAfter }

    /// Share of the input read, 0…1; nil when the size is unknown (or 0).
    public var fractionRead: Double? {
        guard let totalBytes, totalBytes > 0 else { return nil }
        return min(1, max(0, Double(bytesRead) / Double(totalBytes)))
    }

    /// Whole percent read, rounded down (a file is never "100%" before its last byte).
    public var percentRead: Int? { fractionRead.map { Int(($0 * 100).rounded(.down)) } }
}
