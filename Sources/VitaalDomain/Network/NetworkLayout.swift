import Foundation

/// Deterministic drawing positions for the social map's network view.
public enum NetworkLayout {
    /// Positions in 0…1 (both axes) for every node: Fruchterman–Reingold per connected component,
    /// components packed side by side in rows (largest first), each in a square whose side grows
    /// with the square root of its size. Same graph, seed and iterations → identical output.
    /// Repulsion is computed exactly (O(n²) per iteration per component), meant for social maps
    /// up to a few thousand nodes.
    public static func positions(for g: NetworkGraph, seed: UInt64, iterations: Int) -> [(x: Double, y: Double)] {
        let n = g.nodeCount
        guard n > 0 else { return [] }
        var xs = [Double](repeating: 0.5, count: n)
        var ys = [Double](repeating: 0.5, count: n)
        let components = NetworkAnalysis.connectedComponents(g)
        var local = [Int32](repeating: -1, count: n)

        // 1. Lay out each component in its own unit square.
        for (c, nodes) in components.enumerated() {
            let k = nodes.count
            if k == 1 { continue }
            for (i, v) in nodes.enumerated() { local[v] = Int32(i) }
            var edgeA: [Int32] = []
            var edgeB: [Int32] = []
            for v in nodes {
                for w in g.neighbors(of: v) where Int(w) > v {
                    edgeA.append(local[v])
                    edgeB.append(local[Int(w)])
                }
            }
            var rng = SplitMix64(seed: seed ^ (UInt64(c) &* 0x9E37_79B9_7F4A_7C15))
            var px = (0..<k).map { _ in rng.unit() }
            var py = (0..<k).map { _ in rng.unit() }
            fruchtermanReingold(&px, &py, edgeA, edgeB, iterations: max(0, iterations))
            normalize(&px, &py)
            for (i, v) in nodes.enumerated() {
                xs[v] = px[i]
                ys[v] = py[i]
            }
        }

        // 2. Pack the component squares in rows; side ∝ sqrt(size), gap between squares.
        let sides = components.map { (Double($0.count)).squareRoot() }
        let gap = 0.25
        let rowWidth = max(sides.first ?? 1, (sides.reduce(0) { $0 + ($1 + gap) * ($1 + gap) }).squareRoot() * 1.1)
        var originX = [Double](repeating: 0, count: components.count)
        var originY = [Double](repeating: 0, count: components.count)
        var cursorX = 0.0
        var cursorY = 0.0
        var rowHeight = 0.0
        var totalW = 0.0
        for (c, s) in sides.enumerated() {
            if cursorX > 0, cursorX + s > rowWidth {
                cursorX = 0
                cursorY += rowHeight + gap
                rowHeight = 0
            }
            originX[c] = cursorX
            originY[c] = cursorY
            cursorX += s + gap
            rowHeight = max(rowHeight, s)
            totalW = max(totalW, cursorX - gap)
        }
        let totalH = cursorY + rowHeight
        let scale = 1.0 / max(totalW, totalH)
        let shiftX = (1 - totalW * scale) / 2
        let shiftY = (1 - totalH * scale) / 2
        var result = [(x: Double, y: Double)](repeating: (0, 0), count: n)
        for (c, nodes) in components.enumerated() {
            let s = sides[c]
            for v in nodes {
                // Inner margin of 5% keeps nodes off the square's edge.
                let x = (originX[c] + s * (0.05 + 0.9 * xs[v])) * scale + shiftX
                let y = (originY[c] + s * (0.05 + 0.9 * ys[v])) * scale + shiftY
                result[v] = (min(1, max(0, x)), min(1, max(0, y)))
            }
        }
        return result
    }

    /// Classic Fruchterman–Reingold in the unit square with linear cooling.
    private static func fruchtermanReingold(
        _ px: inout [Double], _ py: inout [Double],
        _ ea: [Int32], _ eb: [Int32], iterations: Int
    ) {
        let k = px.count
        let ideal = (1.0 / Double(k)).squareRoot()
        let ideal2 = ideal * ideal
        var dx = [Double](repeating: 0, count: k)
        var dy = [Double](repeating: 0, count: k)
        for it in 0..<iterations {
            let temperature = 0.1 * (1 - Double(it) / Double(iterations))
            for i in 0..<k {
                dx[i] = 0
                dy[i] = 0
            }
            for i in 0..<k {
                for j in (i + 1)..<k {
                    var ddx = px[i] - px[j]
                    var ddy = py[i] - py[j]
                    var d2 = ddx * ddx + ddy * ddy
                    if d2 < 1e-18 {
                        ddx = 1e-9 * Double(i - j)
                        ddy = 1e-9
                        d2 = ddx * ddx + ddy * ddy
                    }
                    let f = ideal2 / d2  // (k²/d) · (1/d) for the unit direction
                    dx[i] += ddx * f
                    dy[i] += ddy * f
                    dx[j] -= ddx * f
                    dy[j] -= ddy * f
                }
            }
            for e in 0..<ea.count {
                let i = Int(ea[e])
                let j = Int(eb[e])
                let ddx = px[i] - px[j]
                let ddy = py[i] - py[j]
                let d = (ddx * ddx + ddy * ddy).squareRoot()
                let f = d / ideal  // (d²/k) · (1/d)
                dx[i] -= ddx * f
                dy[i] -= ddy * f
                dx[j] += ddx * f
                dy[j] += ddy * f
            }
            for i in 0..<k {
                let len = (dx[i] * dx[i] + dy[i] * dy[i]).squareRoot()
                if len > 0 {
                    let step = min(len, temperature) / len
                    px[i] += dx[i] * step
                    py[i] += dy[i] * step
                }
            }
        }
    }

    /// Scales a component uniformly into [0,1]², centred along the shorter axis.
    private static func normalize(_ px: inout [Double], _ py: inout [Double]) {
        guard let minX = px.min(), let maxX = px.max(), let minY = py.min(), let maxY = py.max() else { return }
        let span = max(maxX - minX, maxY - minY)
        guard span > 0 else {
            for i in px.indices {
                px[i] = 0.5
                py[i] = 0.5
            }
            return
        }
        let offX = (1 - (maxX - minX) / span) / 2
        let offY = (1 - (maxY - minY) / span) / 2
        for i in px.indices {
            px[i] = (px[i] - minX) / span + offX
            py[i] = (py[i] - minY) / span + offY
        }
    }
}
