import Foundation
import Testing

@testable import VitaalDomain

/// Times past the norm, response-time bands, expected coverage (MEXCLP) and the best next post.
@Suite("AcuteCare beyond the norm")
struct AcuteCareBeyondNormTests {
    /// A random road graph whose nodes all lie in one component (a two-way random spanning tree plus
    /// random one-way roads), so every node is usable and a point on a node snaps to it.
    static func randomConnectedGraph(_ rng: inout SplitMix64, nodes n: Int) -> RoadGraph {
        func int(_ k: Int) -> Int { Int(rng.next() % UInt64(k)) }
        let nodes = (0..<n).map { _ in GeoPoint(lon: 5 + rng.unit() * 0.8, lat: 52.2 + rng.unit() * 0.6) }
        var edges: [(from: Int32, to: Int32, meters: Double, roadClass: RoadClass)] = []
        for v in 1..<n {
            let u = int(v)
            let meters = 200 + rng.unit() * 20_000
            let roadClass = RoadClass.allCases[int(RoadClass.allCases.count)]
            edges.append((Int32(u), Int32(v), meters, roadClass))
            edges.append((Int32(v), Int32(u), meters, roadClass))
        }
        for _ in 0..<(n / 4) {
            edges.append((Int32(int(n)), Int32(int(n)), 50 + rng.unit() * 6000, .local))
        }
        return RoadGraph(nodes: nodes, edges: edges)
    }

    @Test func timesEqualAPlainUnboundedDijkstraUpToTheCap() throws {
        var rng = SplitMix64(seed: 19)
        var beyondCap = 0
        var beyondNorm = 0
        for _ in 0..<30 {
            let n = 5 + Int(rng.next() % 150)
            let g = Self.randomConnectedGraph(&rng, nodes: n)
            let engine = try CoverageEngine(graph: g)
            let postNodes = (0..<(1 + Int(rng.next() % 3))).map { _ in Int32(rng.next() % UInt64(n)) }
            let posts = Array(Set(postNodes)).sorted().map {
                AmbulancePost(id: "p\($0)", location: engine.graph.location($0))
            }
            let demand = (0..<n).map { i in
                DemandPoint(id: "d\(i)", location: engine.graph.location(Int32(i)), population: 10)
            }
            let result = try engine.coverage(posts: posts, demand: demand)
            // Posts and points sit on nodes: no off-road time, so response = dispatch + drive.
            let perPost = posts.map { post in
                referenceDijkstra(engine.graph, sources: [(Int32(post.id.dropFirst())!, 0)], limit: .max - 1)
            }
            for (i, point) in result.points.enumerated() {
                let drive = perPost.map { UInt64($0[i]) }.min()!
                let response = drive + 180
                if response <= 3600 {
                    #expect(point.responseSeconds == Int(response))
                    let post = posts.firstIndex { $0.id == point.nearestPostId }!
                    #expect(UInt64(perPost[post][i]) == drive)
                    #expect(point.covered == (response <= 900))
                    #expect(point.band == ResponseBand(seconds: Int(response)))
                    if response > 900 { beyondNorm += 1 }
                } else {
                    #expect(point.responseSeconds == nil && point.nearestPostId == nil && !point.covered)
                    #expect(point.band == .over30)
                    beyondCap += 1
                }
            }
            #expect(result.region.bands.map(\.pointCount).reduce(0, +) == n)
        }
        // The random graphs do exercise both sides of the norm and of the cap.
        #expect(beyondNorm > 100)
        #expect(beyondCap > 10)
    }

    @Test func bandsHaveFixedBoundsAndNoRoadIsOnlyForPointsWithoutARoad() throws {
        #expect(ResponseBand(seconds: 0) == .upTo15 && ResponseBand(seconds: 900) == .upTo15)
        #expect(ResponseBand(seconds: 901) == .from15To20 && ResponseBand(seconds: 1200) == .from15To20)
        #expect(ResponseBand(seconds: 1201) == .from20To30 && ResponseBand(seconds: 1800) == .from20To30)
        #expect(ResponseBand(seconds: 1801) == .over30)
        // Node 4 is 1300 s from the post; a point 20 km north has no road within 5 km.
        let g = lineGraph([300, 300, 200, 500])
        let engine = try CoverageEngine(graph: g)
        let far = DemandPoint(id: "ver", location: GeoPoint(lon: 5.1, lat: 52.68), population: 50)
        let r = try engine.coverage(
            posts: [AmbulancePost(id: "P0", location: g.location(0))],
            demand: [DemandPoint(id: "d4", location: g.location(4), population: 7), far])
        #expect(r.points[0].responseSeconds == 1480 && r.points[0].band == .from20To30)
        #expect(r.points[1].band == .noRoad && r.points[1].responseSeconds == nil && r.points[1].snapMeters == nil)
        #expect(r.region.bands.map(\.population) == [0, 0, 7, 0, 50])
        #expect(r.searchCapSeconds == 3600)
    }

    /// Hand computation on the line graph 0–1–2–3–4 (edges 300, 300, 200, 500 s), residents 100, 200,
    /// 300, 400, 500 on the nodes, norm 15 min with 3 min dispatch (720 s of driving):
    /// post P0 on node 0 with 2 ambulances reaches nodes 0, 1, 2 (0, 300, 600 s; node 3 at 800 s is too
    /// far); post P4 on node 4 with 1 ambulance reaches nodes 2, 3, 4 (700, 500, 0 s).
    /// k = [2, 2, 3, 1, 1]. Rides 4,383 × 1 h task time / 8,766 ambulance-hours → q = 0.5.
    /// Expected = 100(1 − 0.25) + 200(1 − 0.25) + 300(1 − 0.125) + 400(1 − 0.5) + 500(1 − 0.5)
    ///          = 75 + 150 + 262.5 + 200 + 250 = 937.5 of 1,500 (share 0.625); deterministic: 1,500.
    @Test func mexclpEqualsAHandComputationOnAToyNetwork() throws {
        let inputs = toyInputs()
        let engine = try CoverageEngine(graph: inputs.graph)
        let posts = try engine.snap(posts: [
            AmbulancePost(id: "P0", location: inputs.graph.location(0)),
            AmbulancePost(id: "P4", location: inputs.graph.location(4))
        ])
        let k = engine.ambulancesInReach(posts: posts, ambulances: [2, 1], demand: inputs.demand)
        #expect(k == [2, 2, 3, 1, 1])
        let e = ExpectedCoverage.compute(
            ridesPerYear: 4383, meanTaskMinutes: 60, ambulanceHours: 8766, population: inputs.demand.map(\.population),
            ambulancesInReach: k)
        #expect(e.busyFraction == 0.5 && !e.isClamped)
        #expect(e.expectedCoveredPopulation == 937.5 && e.share == 0.625)
        // q = 0 gives the deterministic coverage; more rides than hours is clamped to 0.99.
        #expect(
            ExpectedCoverage.expectedCovered(
                population: [100, 200, 300, 400, 500], ambulancesInReach: k, busyFraction: 0)
                == 1500)
        let over = ExpectedCoverage.compute(
            ridesPerYear: 17_532, meanTaskMinutes: 60, ambulanceHours: 8766, population: [10], ambulancesInReach: [1])
        #expect(over.offeredBusyFraction == 2 && over.busyFraction == 0.99 && over.isClamped)
        #expect(abs(over.expectedCoveredPopulation - 0.1) < 1e-12)
    }

    /// One post with one ambulance on node 0 of the toy line, q = 0.5: k = [1, 1, 1, 0, 0].
    /// Gains of one extra ambulance (Σ over reached points of residents × q^k × (1 − q)):
    /// node 4 reaches 2, 3, 4: 75 + 200 + 250 = 525; node 3 reaches 1…4: 50 + 75 + 200 + 250 = 575;
    /// node 2 reaches all (600, 300, 0, 200, 700 s): 25 + 50 + 75 + 200 + 250 = 600; node 1 reaches
    /// 0…2 (300, 0, 300; node 3 is 500 + … = 500 s: also) → 0…3: 25 + 50 + 75 + 200 = 350; node 0: 75.
    /// The best is node 2 (Almost centre), new expected 300 + 600 = 900 of 1,500.
    @Test func greedyPicksTheObviouslyBestSite() throws {
        let inputs = toyInputs()
        let engine = try CoverageEngine(graph: inputs.graph)
        let posts = try engine.snap(posts: [AmbulancePost(id: "P0", location: inputs.graph.location(0))])
        let k = engine.ambulancesInReach(posts: posts, ambulances: [1], demand: inputs.demand)
        #expect(k == [1, 1, 1, 0, 0])
        let next = try #require(engine.bestNextPost(demand: inputs.demand, ambulancesInReach: k, busyFraction: 0.5))
        #expect(next.demandPointId == "d2" && next.gain == 600)
        #expect(next.expectedCoveredPopulation == 900 && next.share == 0.6)
        #expect(next.candidatesConsidered == 5 && next.location == inputs.graph.location(2))
    }

    @Test func theModelReportsExpectedCoverageAndANextPost() throws {
        let r = try AcuteCareModel.evaluate(base: AcuteCareDemo.inputs)
        #expect(r.expected.busyFraction > 0 && r.expected.busyFraction < 1)
        #expect(r.expected.share < r.coverage.region.share)
        let next = try #require(r.nextPost)
        #expect(next.gain > 0 && next.share > r.expected.share)
    }
}
