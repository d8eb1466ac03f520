/// Iterative depth-first forest (Tarjan/Hopcroft): preorder numbers, low-links, subtree sizes,
/// articulation points and bridges, without recursion (safe for graphs with many thousands of nodes).
struct DFSForest {
    /// Preorder number of each node.
    var disc: [Int32]
    /// Lowest preorder number reachable from the node's subtree with at most one back edge.
    var low: [Int32]
    /// DFS-tree parent, -1 for roots.
    var parent: [Int32]
    /// Node at each preorder position; every subtree and every component is a contiguous range.
    var preorder: [Int32]
    /// Number of nodes in each node's DFS subtree.
    var subtreeSize: [Int32]
    /// Preorder ranges of the connected components, in discovery order.
    var componentRanges: [Range<Int>]
    /// Component (index into `componentRanges`) of each node.
    var componentOf: [Int32]
    var isArticulation: [Bool]
    var bridges: [(Int, Int)]

    init(_ g: NetworkGraph) {
        let n = g.nodeCount
        disc = [Int32](repeating: -1, count: n)
        low = [Int32](repeating: 0, count: n)
        parent = [Int32](repeating: -1, count: n)
        preorder = [Int32](repeating: 0, count: n)
        subtreeSize = [Int32](repeating: 0, count: n)
        componentRanges = []
        componentOf = [Int32](repeating: 0, count: n)
        isArticulation = [Bool](repeating: false, count: n)
        bridges = []
        var next = [Int32](repeating: 0, count: n)  // next adjacency position to scan, per node
        var stack: [Int32] = []
        stack.reserveCapacity(n)
        var timer: Int32 = 0
        let off = g.offsets
        let adj = g.adjacency
        for root in 0..<n where disc[root] < 0 {
            let start = Int(timer)
            disc[root] = timer
            low[root] = timer
            preorder[Int(timer)] = Int32(root)
            timer += 1
            next[root] = off[root]
            var rootChildren = 0
            stack.append(Int32(root))
            while let top = stack.last {
                let v = Int(top)
                if next[v] < off[v + 1] {
                    let w = Int(adj[Int(next[v])])
                    next[v] += 1
                    if disc[w] < 0 {
                        parent[w] = Int32(v)
                        disc[w] = timer
                        low[w] = timer
                        preorder[Int(timer)] = Int32(w)
                        timer += 1
                        next[w] = off[w]
                        stack.append(Int32(w))
                        if v == root { rootChildren += 1 }
                    } else if w != Int(parent[v]) {
                        low[v] = min(low[v], disc[w])
                    }
                } else {
                    stack.removeLast()
                    subtreeSize[v] = timer - disc[v]
                    let p = Int(parent[v])
                    if p >= 0 {
                        low[p] = min(low[p], low[v])
                        if low[v] > disc[p] { bridges.append((min(p, v), max(p, v))) }
                        if p != root, low[v] >= disc[p] { isArticulation[p] = true }
                    }
                }
            }
            if rootChildren >= 2 { isArticulation[root] = true }
            let c = Int32(componentRanges.count)
            for i in start..<Int(timer) { componentOf[Int(preorder[i])] = c }
            componentRanges.append(start..<Int(timer))
        }
        bridges.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
    }

    /// Connected components, largest first (ties: smallest node first), nodes sorted.
    func components() -> [[Int]] {
        var result = componentRanges.map { r in preorder[r].map { Int($0) }.sorted() }
        result.sort { $0.count != $1.count ? $0.count > $1.count : $0[0] < $1[0] }
        return result
    }

    var articulationPoints: [Int] { isArticulation.indices.filter { isArticulation[$0] } }

    /// For each articulation point: the nodes of its component that lose their connection to the
    /// largest remaining part when it is removed (ties between equally large parts: the part with
    /// the smallest node index stays). Sorted by number of cut-off nodes, most first, then by node.
    func removalImpacts(_ g: NetworkGraph) -> [RemovalImpact] {
        var impacts: [RemovalImpact] = []
        for a in articulationPoints {
            let comp = componentRanges[Int(componentOf[a])]
            let da = Int(disc[a])
            // Pieces left after removing `a`: DFS subtrees of children separated from `a`'s
            // ancestors (contiguous preorder ranges), plus the rest of the component.
            var childRanges: [Range<Int>] = []
            for w32 in g.neighbors(of: a) {
                let w = Int(w32)
                if Int(parent[w]) == a, parent[a] < 0 || low[w] >= disc[a] {
                    childRanges.append(Int(disc[w])..<Int(disc[w] + subtreeSize[w]))
                }
            }
            childRanges.sort { $0.lowerBound < $1.lowerBound }
            var pieces: [[Int]] = childRanges.map { r in preorder[r].map { Int($0) } }
            var rest: [Int] = []
            var i = comp.lowerBound
            var k = 0
            while i < comp.upperBound {
                if k < childRanges.count, i == childRanges[k].lowerBound {
                    i = childRanges[k].upperBound
                    k += 1
                    continue
                }
                if i != da { rest.append(Int(preorder[i])) }
                i += 1
            }
            if !rest.isEmpty { pieces.append(rest) }
            var keep = 0
            var keepMin = pieces[0].min()!
            for (p, piece) in pieces.enumerated().dropFirst() {
                let m = piece.min()!
                if piece.count > pieces[keep].count || (piece.count == pieces[keep].count && m < keepMin) {
                    keep = p
                    keepMin = m
                }
            }
            var cut: [Int] = []
            for (p, piece) in pieces.enumerated() where p != keep { cut.append(contentsOf: piece) }
            cut.sort()
            impacts.append(RemovalImpact(node: a, cutOff: cut))
        }
        impacts.sort { $0.cutOff.count != $1.cutOff.count ? $0.cutOff.count > $1.cutOff.count : $0.node < $1.node }
        return impacts
    }
}

extension NetworkAnalysis {
    /// Articulation points (sorted) and bridges (`(min, max)`, sorted) by an iterative Tarjan DFS.
    public static func articulationPointsAndBridges(_ g: NetworkGraph) -> (
        articulationPoints: [Int], bridges: [(Int, Int)]
    ) {
        let forest = DFSForest(g)
        return (forest.articulationPoints, forest.bridges)
    }

    /// Connected components, largest first (ties: smallest node first), nodes sorted ascending.
    public static func connectedComponents(_ g: NetworkGraph) -> [[Int]] {
        DFSForest(g).components()
    }
}
