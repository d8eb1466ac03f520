// Reference values printed by `python3 bench/network/fixtures.py` (networkx 3.6.1), pasted verbatim.
enum NetworkFixtures {
    // p5: n=5, edges=[(0, 1), (1, 2), (2, 3), (3, 4)]
    static let p5Edges: [(Int, Int)] = [(0, 1), (1, 2), (2, 3), (3, 4)]
    static let p5Betweenness: [Double] = [0.0, 0.5, 0.6666666666666666, 0.5, 0.0]
    static let p5Closeness: [Double] = [0.4, 0.5714285714285714, 0.6666666666666666, 0.5714285714285714, 0.4]
    static let p5Degree: [Double] = [0.25, 0.5, 0.5, 0.5, 0.25]
    static let p5Articulation: [Int] = [1, 2, 3]
    static let p5Bridges: [(Int, Int)] = [(0, 1), (1, 2), (2, 3), (3, 4)]

    // cycle6: n=6, edges=[(0, 1), (0, 5), (1, 2), (2, 3), (3, 4), (4, 5)]
    static let cycle6Edges: [(Int, Int)] = [(0, 1), (0, 5), (1, 2), (2, 3), (3, 4), (4, 5)]
    static let cycle6Betweenness: [Double] = [0.2, 0.2, 0.2, 0.2, 0.2, 0.2]
    static let cycle6Closeness: [Double] = [
        0.5555555555555556, 0.5555555555555556, 0.5555555555555556, 0.5555555555555556, 0.5555555555555556,
        0.5555555555555556
    ]
    static let cycle6Degree: [Double] = [0.4, 0.4, 0.4, 0.4, 0.4, 0.4]
    static let cycle6Articulation: [Int] = []
    static let cycle6Bridges: [(Int, Int)] = []

    // twoTriangles: n=6, edges=[(0, 1), (0, 2), (1, 2), (2, 3), (3, 4), (3, 5), (4, 5)]
    static let twoTrianglesEdges: [(Int, Int)] = [(0, 1), (0, 2), (1, 2), (2, 3), (3, 4), (3, 5), (4, 5)]
    static let twoTrianglesBetweenness: [Double] = [0.0, 0.0, 0.6000000000000001, 0.6000000000000001, 0.0, 0.0]
    static let twoTrianglesCloseness: [Double] = [0.5, 0.5, 0.7142857142857143, 0.7142857142857143, 0.5, 0.5]
    static let twoTrianglesDegree: [Double] = [0.4, 0.4, 0.6000000000000001, 0.6000000000000001, 0.4, 0.4]
    static let twoTrianglesArticulation: [Int] = [2, 3]
    static let twoTrianglesBridges: [(Int, Int)] = [(2, 3)]

    // disconnected: n=6, edges=[(0, 1), (1, 2), (3, 4)]
    static let disconnectedEdges: [(Int, Int)] = [(0, 1), (1, 2), (3, 4)]
    static let disconnectedBetweenness: [Double] = [0.0, 0.1, 0.0, 0.0, 0.0, 0.0]
    static let disconnectedCloseness: [Double] = [0.26666666666666666, 0.4, 0.26666666666666666, 0.2, 0.2, 0.0]
    static let disconnectedDegree: [Double] = [0.2, 0.4, 0.2, 0.2, 0.2, 0.0]
    static let disconnectedArticulation: [Int] = [1]
    static let disconnectedBridges: [(Int, Int)] = [(0, 1), (1, 2), (3, 4)]

    // barbell: n=9, edges=[(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3), (3, 4), (4, 5), (5, 6), (5, 7), (5, 8), (6, 7), (6, 8), (7, 8)]
    static let barbellEdges: [(Int, Int)] = [
        (0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3), (3, 4), (4, 5), (5, 6), (5, 7), (5, 8), (6, 7), (6, 8), (7, 8)
    ]
    static let barbellBetweenness: [Double] = [
        0.0, 0.0, 0.0, 0.5357142857142857, 0.5714285714285714, 0.5357142857142857, 0.0, 0.0, 0.0
    ]
    static let barbellCloseness: [Double] = [
        0.4, 0.4, 0.4, 0.5333333333333333, 0.5714285714285714, 0.5333333333333333, 0.4, 0.4, 0.4
    ]
    static let barbellDegree: [Double] = [0.375, 0.375, 0.375, 0.5, 0.25, 0.5, 0.375, 0.375, 0.375]
    static let barbellArticulation: [Int] = [3, 4, 5]
    static let barbellBridges: [(Int, Int)] = [(3, 4), (4, 5)]

    // petersenPlusTail: n=12, edges=[(0, 1), (0, 4), (0, 5), (0, 10), (1, 2), (1, 6), (2, 3), (2, 7), (3, 4), (3, 8), (3, 11), (4, 9), (5, 7), (5, 8), (6, 8), (6, 9), (7, 9), (10, 11)]
    static let petersenPlusTailEdges: [(Int, Int)] = [
        (0, 1), (0, 4), (0, 5), (0, 10), (1, 2), (1, 6), (2, 3), (2, 7), (3, 4), (3, 8), (3, 11), (4, 9), (5, 7),
        (5, 8), (6, 8), (6, 9), (7, 9), (10, 11)
    ]
    static let petersenPlusTailBetweenness: [Double] = [
        0.19999999999999998, 0.08181818181818182, 0.08181818181818182, 0.19999999999999998, 0.09090909090909091,
        0.08181818181818182, 0.05454545454545454, 0.05454545454545454, 0.08181818181818182, 0.05454545454545454,
        0.03636363636363636, 0.03636363636363636
    ]
    static let petersenPlusTailCloseness: [Double] = [
        0.6111111111111112, 0.55, 0.55, 0.6111111111111112, 0.5789473684210527, 0.55, 0.5238095238095238,
        0.5238095238095238, 0.55, 0.5238095238095238, 0.44, 0.44
    ]
    static let petersenPlusTailDegree: [Double] = [
        0.36363636363636365, 0.2727272727272727, 0.2727272727272727, 0.36363636363636365, 0.2727272727272727,
        0.2727272727272727, 0.2727272727272727, 0.2727272727272727, 0.2727272727272727, 0.2727272727272727,
        0.18181818181818182, 0.18181818181818182
    ]
    static let petersenPlusTailArticulation: [Int] = []
    static let petersenPlusTailBridges: [(Int, Int)] = []

}
