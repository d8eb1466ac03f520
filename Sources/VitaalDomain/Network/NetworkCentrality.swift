import Foundation

/// Shares raw buffers with `concurrentPerform` workers; each worker writes disjoint slots only.
private struct SharedBuffer<T>: @unchecked Sendable {
    let base: UnsafeMutablePointer<T>
}

/// Result of the all-sources breadth-first pass (Brandes): raw betweenness plus, per source,
/// the sum of distances to and the number of reachable nodes (for closeness).
struct AllSourcesResult {
    /// Sum over all ordered source/target pairs of pair-dependencies (each unordered pair twice).
    var rawBetweenness: [Double]
    var distanceSum: [Int]
    var reachable: [Int]
}

extension NetworkAnalysis {
    /// networkx `degree_centrality`: degree / (n - 1); 1 for every node of a graph with ≤ 1 node.
    public static func degreeCentrality(_ g: NetworkGraph) -> [Double] {
        let n = g.nodeCount
        if n <= 1 { return [Double](repeating: 1, count: n) }
        let s = 1.0 / Double(n - 1)
        return (0..<n).map { Double(g.degree(of: $0)) * s }
    }

    /// networkx `betweenness_centrality(G, normalized=True)` for an undirected graph:
    /// Brandes' algorithm over all sources, parallel over sources, bit-reproducible.
    public static func betweennessCentrality(_ g: NetworkGraph) -> [Double] {
        normalizedBetweenness(allSources(g, betweenness: true), nodeCount: g.nodeCount)
    }

    /// networkx `closeness_centrality(G, wf_improved=True)`: (r-1)/Σd · (r-1)/(n-1), where r counts
    /// the nodes reachable from v (including v) and Σd sums their distances; 0 when nothing is reachable.
    public static func closenessCentrality(_ g: NetworkGraph) -> [Double] {
        closeness(allSources(g, betweenness: false), nodeCount: g.nodeCount)
    }

    static func normalizedBetweenness(_ r: AllSourcesResult, nodeCount n: Int) -> [Double] {
        guard n > 2 else { return [Double](repeating: 0, count: n) }
        let scale = 1.0 / (Double(n - 1) * Double(n - 2))
        return r.rawBetweenness.map { $0 * scale }
    }

    static func closeness(_ r: AllSourcesResult, nodeCount n: Int) -> [Double] {
        (0..<n).map { v in
            let reach = r.reachable[v] - 1
            let total = r.distanceSum[v]
            guard total > 0, n > 1 else { return 0 }
            return Double(reach) / Double(total) * (Double(reach) / Double(n - 1))
        }
    }

    /// One breadth-first search per source; with `betweenness` also Brandes' dependency accumulation.
    ///
    /// Sources are split into a fixed number of contiguous blocks that depends on `n` only (not on
    /// the core count); each block accumulates into its own array, and blocks are summed in index
    /// order, so the result is bit-identical on every machine and every run.
    static func allSources(_ g: NetworkGraph, betweenness: Bool) -> AllSourcesResult {
        let n = g.nodeCount
        var result = AllSourcesResult(
            rawBetweenness: [Double](repeating: 0, count: n),
            distanceSum: [Int](repeating: 0, count: n),
            reachable: [Int](repeating: 0, count: n))
        guard n > 0 else { return result }
        guard g.edgeCount > 0 else {
            result.reachable = [Int](repeating: 1, count: n)
            return result
        }
        var blocks = min(64, max(1, n / 128))
        if betweenness { blocks = max(1, min(blocks, 32_000_000 / max(n, 1))) }
        let accumulators = UnsafeMutablePointer<Double>.allocate(capacity: betweenness ? blocks * n : 1)
        accumulators.initialize(repeating: 0, count: betweenness ? blocks * n : 1)
        defer { accumulators.deallocate() }
        let acc = SharedBuffer(base: accumulators)
        let blockCount = blocks
        g.offsets.withUnsafeBufferPointer { offs in
            g.adjacency.withUnsafeBufferPointer { adjs in
                result.distanceSum.withUnsafeMutableBufferPointer { dsum in
                    result.reachable.withUnsafeMutableBufferPointer { reach in
                        let off = SharedBuffer(base: UnsafeMutablePointer(mutating: offs.baseAddress!))
                        let adj = SharedBuffer(base: UnsafeMutablePointer(mutating: adjs.baseAddress!))
                        let ds = SharedBuffer(base: dsum.baseAddress!)
                        let rc = SharedBuffer(base: reach.baseAddress!)
                        DispatchQueue.concurrentPerform(iterations: blockCount) { b in
                            let lo = b * n / blockCount
                            let hi = (b + 1) * n / blockCount
                            brandesBlock(
                                n: n, sources: lo..<hi, off: off.base, adj: adj.base,
                                bc: betweenness ? acc.base + b * n : nil,
                                distanceSum: ds.base, reachable: rc.base)
                        }
                    }
                }
            }
        }
        if betweenness {
            result.rawBetweenness.withUnsafeMutableBufferPointer { out in
                for b in 0..<blocks {
                    let row = accumulators + b * n
                    for v in 0..<n { out[v] += row[v] }
                }
            }
        }
        return result
    }

    private static func brandesBlock(
        n: Int, sources: Range<Int>,
        off: UnsafeMutablePointer<Int32>, adj: UnsafeMutablePointer<Int32>,
        bc: UnsafeMutablePointer<Double>?,
        distanceSum: UnsafeMutablePointer<Int>, reachable: UnsafeMutablePointer<Int>
    ) {
        let dist = UnsafeMutablePointer<Int32>.allocate(capacity: n)
        dist.initialize(repeating: -1, count: n)
        let order = UnsafeMutablePointer<Int32>.allocate(capacity: n)
        order.initialize(repeating: 0, count: n)
        let sigma = UnsafeMutablePointer<Double>.allocate(capacity: n)
        sigma.initialize(repeating: 0, count: n)
        // coef[w] = (1 + delta[w]) / sigma[w], so delta[v] = sigma[v] · Σ_{w successor of v} coef[w].
        let coef = UnsafeMutablePointer<Double>.allocate(capacity: n)
        coef.initialize(repeating: 0, count: n)
        defer {
            dist.deallocate()
            order.deallocate()
            sigma.deallocate()
            coef.deallocate()
        }

        for s in sources {
            dist[s] = 0
            sigma[s] = 1
            order[0] = Int32(s)
            var head = 0
            var tail = 1
            var total = 0
            while head < tail {
                let v = Int(order[head])
                head += 1
                let dv = dist[v] + 1
                let sv = sigma[v]
                var e = Int(off[v])
                let end = Int(off[v + 1])
                while e < end {
                    let w = Int(adj[e])
                    e += 1
                    let dw = dist[w]
                    if dw < 0 {
                        dist[w] = dv
                        sigma[w] = sv
                        order[tail] = Int32(w)
                        tail += 1
                        total += Int(dv)
                    } else if dw == dv {
                        sigma[w] += sv
                    }
                }
            }
            distanceSum[s] = total
            reachable[s] = tail
            if let bc {
                var i = tail - 1
                while i >= 1 {
                    let v = Int(order[i])
                    i -= 1
                    let dv = dist[v] + 1
                    var sum = 0.0
                    var e = Int(off[v])
                    let end = Int(off[v + 1])
                    while e < end {
                        let w = Int(adj[e])
                        e += 1
                        if dist[w] == dv { sum += coef[w] }
                    }
                    let sv = sigma[v]
                    let delta = sv * sum
                    bc[v] += delta
                    coef[v] = (1 + delta) / sv
                }
            }
            for i in 0..<tail { dist[Int(order[i])] = -1 }
        }
    }
}
