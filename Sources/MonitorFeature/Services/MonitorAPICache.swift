import NIOConcurrencyHelpers
import Vapor

/// Encoded API answers by ETag; emptied whenever the data version changes. Bounded by total size
/// (`maxTotalBytes`) and entry count; when full, the least recently used answers are dropped first.
final class MonitorAPICache: Sendable {
    private struct State {
        var version = 0
        var entries: [String: (body: ByteBuffer, lastUse: UInt64)] = [:]
        var bytes = 0
        var clock: UInt64 = 0
    }
    private let state = NIOLockedValueBox(State())
    let maxTotalBytes: Int
    let maxEntries: Int
    /// Larger answers are not cached at all.
    let maxEntryBytes: Int

    init(maxTotalBytes: Int = 64 * 1024 * 1024, maxEntries: Int = 512, maxEntryBytes: Int = 8 * 1024 * 1024) {
        self.maxTotalBytes = maxTotalBytes
        self.maxEntries = maxEntries
        self.maxEntryBytes = min(maxEntryBytes, maxTotalBytes)
    }

    /// Total size of the cached bodies, in bytes.
    var totalBytes: Int { state.withLockedValue { $0.bytes } }
    var count: Int { state.withLockedValue { $0.entries.count } }

    func get(_ tag: String) -> ByteBuffer? {
        state.withLockedValue { s in
            guard let e = s.entries[tag] else { return nil }
            s.clock += 1
            s.entries[tag] = (e.body, s.clock)
            return e.body
        }
    }

    func put(_ tag: String, _ body: ByteBuffer, version: Int) {
        let size = body.readableBytes
        guard size <= maxEntryBytes else { return }
        state.withLockedValue { s in
            if s.version != version {
                s = State()
                s.version = version
            }
            if let old = s.entries.removeValue(forKey: tag) { s.bytes -= old.body.readableBytes }
            if s.bytes + size > maxTotalBytes || s.entries.count >= maxEntries {
                // Drop the least recently used answers until the new one fits (one sort per eviction round).
                let oldestFirst = s.entries.sorted { $0.value.lastUse < $1.value.lastUse }.map(\.key)
                for key in oldestFirst where s.bytes + size > maxTotalBytes || s.entries.count >= maxEntries {
                    if let e = s.entries.removeValue(forKey: key) { s.bytes -= e.body.readableBytes }
                }
            }
            s.clock += 1
            s.entries[tag] = (body, s.clock)
            s.bytes += size
        }
    }
}

extension Application {
    private struct MonitorAPICacheKey: StorageKey { typealias Value = MonitorAPICache }
    var monitorAPICache: MonitorAPICache {
        if let c = storage[MonitorAPICacheKey.self] { return c }
        let c = MonitorAPICache()
        storage[MonitorAPICacheKey.self] = c
        return c
    }
}
