/// Multi-source shortest driving times on a `RoadGraph`, bounded by a limit.
///
/// Dial's algorithm: a bucket queue indexed by whole seconds (0…limit), buckets as singly linked
/// lists in flat arrays, lazy deletion of stale entries. O(E + limit); no node beyond `limit` is
/// ever queued, so the work stops at the norm.
public struct ShortestPaths: Sendable {
    /// Time in seconds per node, `ShortestPaths.unreached` if more than `limit` away.
    public var seconds: [UInt32]
    /// Index (into the `sources` array) of the source that reaches the node first, -1 if unreached.
    public var source: [Int32]
    public static let unreached = UInt32.max

    /// - Parameters:
    ///   - sources: start nodes with a start time (e.g. the post's own off-road time); a node may
    ///     appear more than once (smallest start wins, ties to the lower source index).
    ///   - limit: largest time of interest in seconds (inclusive).
    public init(graph: RoadGraph, sources: [(node: Int32, startSeconds: UInt32)], limit: UInt32) {
        let n = graph.nodeCount
        var dist = [UInt32](repeating: Self.unreached, count: n)
        var src = [Int32](repeating: -1, count: n)
        let buckets = Int(limit) + 1
        var head = [Int32](repeating: -1, count: buckets)
        var entryNode: [Int32] = []
        var entryNext: [Int32] = []
        entryNode.reserveCapacity(n)
        entryNext.reserveCapacity(n)

        for (i, s) in sources.enumerated() where s.startSeconds <= limit {
            let v = Int(s.node)
            if s.startSeconds < dist[v] {
                dist[v] = s.startSeconds
                src[v] = Int32(i)
                entryNode.append(s.node)
                entryNext.append(head[Int(s.startSeconds)])
                head[Int(s.startSeconds)] = Int32(entryNode.count - 1)
            }
        }
        graph.edgeStart.withUnsafeBufferPointer { start in
            graph.edgeTarget.withUnsafeBufferPointer { target in
                graph.edgeSeconds.withUnsafeBufferPointer { weight in
                    var t = 0
                    while t < buckets {
                        let e = head[t]
                        if e < 0 {
                            t += 1
                            continue
                        }
                        head[t] = entryNext[Int(e)]
                        let u = Int(entryNode[Int(e)])
                        if dist[u] != UInt32(t) { continue }  // stale entry
                        let su = src[u]
                        for k in Int(start[u])..<Int(start[u + 1]) {
                            let nd = UInt64(t) + UInt64(weight[k])
                            if nd > UInt64(limit) { continue }
                            let v = Int(target[k])
                            let d = UInt32(nd)
                            if d < dist[v] {
                                dist[v] = d
                                src[v] = su
                                entryNode.append(Int32(v))
                                entryNext.append(head[Int(d)])
                                head[Int(d)] = Int32(entryNode.count - 1)
                            }
                        }
                    }
                }
            }
        }
        seconds = dist
        source = src
    }
}
