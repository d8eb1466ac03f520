/// An undirected, simple graph of collaborating initiatives or persons, stored as CSR arrays.
///
/// Nodes are indexed `0..<nodeCount`. The neighbours of node `v` are
/// `adjacency[offsets[v]..<offsets[v + 1]]`, sorted ascending. Duplicate edges collapse into one;
/// self-loops are refused ("samenwerking met zichzelf").
public struct NetworkGraph: Sendable {
    /// External identifier of each node (for the `nodeCount:` initialiser: "0", "1", …).
    public let nodeIDs: [String]
    /// CSR row offsets, `nodeCount + 1` entries.
    public let offsets: [Int32]
    /// CSR column indices (each undirected edge appears twice), sorted per node.
    public let adjacency: [Int32]

    public var nodeCount: Int { nodeIDs.count }
    public var edgeCount: Int { adjacency.count / 2 }

    /// Builds a graph from external node identifiers and edges between them.
    /// Refuses duplicate node ids, edges naming unknown ids and self-loops; duplicate edges collapse.
    public init(nodeIDs: [String], edges: [(String, String)]) throws(VitaalError) {
        var problems = ProblemCollector()
        var index: [String: Int] = [:]
        index.reserveCapacity(nodeIDs.count)
        for (i, id) in nodeIDs.enumerated() {
            if index[id] != nil {
                problems.add(
                    "knooppunt \"\(id)\" komt meer dan eens voor", at: SourceLocation(element: "knooppunt \(i + 1)"))
            } else {
                index[id] = i
            }
        }
        var pairs: [(Int, Int)] = []
        pairs.reserveCapacity(edges.count)
        for (e, (a, b)) in edges.enumerated() {
            let place = SourceLocation(element: "verbinding \(e + 1)")
            let ia = index[a]
            let ib = index[b]
            if ia == nil { problems.add("onbekend knooppunt \"\(a)\" in verbinding \(a) – \(b)", at: place) }
            if ib == nil, b != a { problems.add("onbekend knooppunt \"\(b)\" in verbinding \(a) – \(b)", at: place) }
            if a == b {
                problems.add("samenwerking van \"\(a)\" met zichzelf is niet toegestaan", at: place)
                continue
            }
            if let ia, let ib { pairs.append((ia, ib)) }
        }
        try Self.throwIfAny(problems)
        self.nodeIDs = nodeIDs
        (offsets, adjacency) = Self.buildCSR(nodeCount: nodeIDs.count, pairs: pairs)
    }

    /// Builds a graph on nodes `0..<nodeCount` (ids "0", "1", …).
    /// Refuses negative counts, indices out of range and self-loops; duplicate edges collapse.
    public init(nodeCount: Int, edges: [(Int, Int)]) throws(VitaalError) {
        guard nodeCount >= 0, nodeCount < Int(Int32.max) else {
            throw VitaalError.invalid(
                "ongeldig aantal knooppunten: \(nodeCount)", at: SourceLocation(field: "nodeCount"))
        }
        var problems = ProblemCollector()
        for (e, (a, b)) in edges.enumerated() {
            let place = SourceLocation(element: "verbinding \(e + 1)")
            for x in [a, b] where x < 0 || x >= nodeCount {
                problems.add("onbekend knooppunt \(x) (er zijn \(nodeCount) knooppunten, genummerd vanaf 0)", at: place)
            }
            if a == b { problems.add("samenwerking van knooppunt \(a) met zichzelf is niet toegestaan", at: place) }
        }
        try Self.throwIfAny(problems)
        self.nodeIDs = (0..<nodeCount).map { String($0) }
        (offsets, adjacency) = Self.buildCSR(nodeCount: nodeCount, pairs: edges)
    }

    /// Neighbours of `node`, sorted ascending.
    @inlinable
    public func neighbors(of node: Int) -> ArraySlice<Int32> {
        adjacency[Int(offsets[node])..<Int(offsets[node + 1])]
    }

    /// Number of neighbours of `node`.
    @inlinable
    public func degree(of node: Int) -> Int { Int(offsets[node + 1] - offsets[node]) }

    private static func throwIfAny(_ problems: ProblemCollector) throws(VitaalError) {
        guard !problems.isEmpty else { return }
        if problems.totalCount == 1, let only = problems.problems.first {
            throw VitaalError.invalid("Netwerk ongeldig: \(only.message)", at: only.location)
        }
        let more =
            problems.totalCount > problems.problems.count
            ? " (eerste \(problems.problems.count) van \(problems.totalCount) getoond)" : ""
        throw VitaalError.invalid("Netwerk ongeldig: \(problems.totalCount) fouten\(more)", problems: problems.problems)
    }

    /// Sorts and de-duplicates edge keys, then fills CSR arrays; neighbour lists come out sorted.
    private static func buildCSR(nodeCount n: Int, pairs: [(Int, Int)]) -> ([Int32], [Int32]) {
        var keys = pairs.map { a, b -> UInt64 in
            let lo = UInt64(min(a, b))
            let hi = UInt64(max(a, b))
            return lo << 32 | hi
        }
        keys.sort()
        var unique: [UInt64] = []
        unique.reserveCapacity(keys.count)
        for k in keys where unique.last != k { unique.append(k) }
        var offsets = [Int32](repeating: 0, count: n + 1)
        for k in unique {
            offsets[Int(k >> 32) + 1] += 1
            offsets[Int(k & 0xFFFF_FFFF) + 1] += 1
        }
        for i in 0..<n { offsets[i + 1] += offsets[i] }
        var fill = Array(offsets.dropLast())
        var adjacency = [Int32](repeating: 0, count: unique.count * 2)
        // Keys are sorted by (lo, hi): each lo-list receives his in ascending order and each
        // hi-list receives los in ascending order, so every neighbour list ends up sorted.
        for k in unique {
            let lo = Int(k >> 32)
            let hi = Int(k & 0xFFFF_FFFF)
            adjacency[Int(fill[lo])] = Int32(hi)
            fill[lo] += 1
            adjacency[Int(fill[hi])] = Int32(lo)
            fill[hi] += 1
        }
        return (offsets, adjacency)
    }
}
