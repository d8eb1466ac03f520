import Foundation

/// A small, bounded, thread-safe cache of computed results (least recently used entry evicted
/// first). The models (acute-care what-ifs, workforce projections, network layouts) use it so a
/// repeated anonymous request costs a dictionary look-up instead of a computation, and memory
/// stays bounded by `capacity` entries whatever the requests.
///
/// Keys are full texts (the normalised input), never hashes, so two inputs cannot share an entry.
/// (It lives with the network analysis because that is where the first user was written; it has
/// no dependency on it.)
public final class ResultCache<Value: Sendable>: @unchecked Sendable {
    public let capacity: Int
    private var entries: [String: (value: Value, used: UInt64)] = [:]
    private var clock: UInt64 = 0
    private let lock = NSLock()

    public init(capacity: Int) { self.capacity = max(1, capacity) }

    public var count: Int { lock.withLock { entries.count } }

    public func value(for key: String) -> Value? {
        lock.withLock {
            guard let e = entries[key] else { return nil }
            clock &+= 1
            entries[key] = (e.value, clock)
            return e.value
        }
    }

    public func store(_ value: Value, for key: String) {
        lock.withLock {
            clock &+= 1
            entries[key] = (value, clock)
            while entries.count > capacity, let oldest = entries.min(by: { $0.value.used < $1.value.used })?.key {
                entries.removeValue(forKey: oldest)
            }
        }
    }

    /// The cached value, or `compute()` stored under `key` (errors are not cached).
    public func value(for key: String, compute: () throws -> Value) rethrows -> Value {
        if let v = value(for: key) { return v }
        let v = try compute()
        store(v, for: key)
        return v
    }

    public func removeAll() { lock.withLock { entries.removeAll() } }
}
