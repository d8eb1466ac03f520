import Foundation
import Testing

@testable import VitaalDomain

/// Toy region on `lineGraph`: nodes 0…4 at lon 5.00, 5.05, …; edge times 300, 300, 200, 500 s.
/// Demand sits exactly on the nodes (no off-road time). Municipality A: nodes 0, 1; B: nodes 2, 3, 4.
func toyInputs() -> AcuteCareInputs {
    let g = lineGraph([300, 300, 200, 500])
    let pops = [100.0, 200, 300, 400, 500]
    let demand = (0..<5).map { i in
        DemandPoint(id: "d\(i)", location: g.location(Int32(i)), population: pops[i], municipality: i < 2 ? "A" : "B")
    }
    return AcuteCareInputs(
        graph: g, posts: [AmbulancePost(id: "P0", name: "Post 0", location: g.location(0))],
        demand: demand, rideVolume: RideVolume(ridesPerYear: 1500 * 0.1))
}

@Suite("AcuteCare model")
struct AcuteCareModelTests {
    @Test func toyCoverageByHand() throws {
        let r = try AcuteCareModel.evaluate(base: toyInputs())
        // Times from node 0: 0, 300, 600, 800, 1300; + 180 s dispatch → 180, 480, 780, 980, 1480; norm 900.
        // The search goes on past the norm: the two places beyond it keep their time and post.
        #expect(r.coverage.points.map(\.responseSeconds) == [180, 480, 780, 980, 1480])
        #expect(r.coverage.points.map(\.covered) == [true, true, true, false, false])
        #expect(r.coverage.points.map(\.nearestPostId) == ["P0", "P0", "P0", "P0", "P0"])
        #expect(r.coverage.points.map(\.band) == [.upTo15, .upTo15, .upTo15, .from15To20, .from20To30])
        #expect(r.coverage.region.bands.map(\.population) == [600, 400, 500, 0, 0])
        #expect(r.coverage.region.bands.map(\.pointCount) == [3, 1, 1, 0, 0])
        #expect(r.coverage.region.population == 1500 && r.coverage.region.coveredPopulation == 600)
        #expect(abs(r.coverage.region.share - 0.4) < 1e-12)
        let a = r.coverage.municipalities.first { $0.name == "A" }!
        let b = r.coverage.municipalities.first { $0.name == "B" }!
        #expect(a.share == 1 && abs(b.share - 0.25) < 1e-12)
        #expect(r.coverage.uncovered.map(\.id) == ["d4", "d3"])
        #expect(r.coverage.uncovered.map(\.population).reduce(0, +) == 900)
        // One post carries all 150 rides/year.
        #expect(abs(r.posts[0].capacity.ridesPerYear - 150) < 1e-9)
        #expect(r.posts[0].populationServed == 1500)
    }

    @Test func scenarioAddPostShortNormAndGrowth() throws {
        let base = toyInputs()
        let add = AcuteCareScenario(
            id: "s1", name: "Post bij knoop 4",
            addedPosts: [AmbulancePost(id: "P4", location: base.graph.location(4))])
        let r = try AcuteCareModel.evaluate(base: base, scenario: add)
        // Node 3 from P4: 500 + 180 = 680; node 4: 180.
        #expect(r.coverage.points.map(\.responseSeconds) == [180, 480, 780, 680, 180])
        #expect(r.coverage.region.share == 1)
        #expect(r.coverage.points.map(\.nearestPostId) == ["P0", "P0", "P0", "P4", "P4"])
        #expect(r.posts.map(\.populationServed) == [600, 900])

        // Norm 12 min: network budget 540 s → nodes 0 and 1 only.
        let short = try AcuteCareModel.evaluate(
            base: base, scenario: AcuteCareScenario(id: "s2", name: "12 min", normMinutes: 12))
        #expect(abs(short.coverage.region.share - 0.2) < 1e-12)
        // Dispatch 0: budget 900 s → node 3 (800) now covered.
        let fast = try AcuteCareModel.evaluate(
            base: base, scenario: AcuteCareScenario(id: "s3", name: "0", dispatchMinutes: 0))
        #expect(fast.coverage.points.map(\.covered) == [true, true, true, true, false])

        // Removing P0 and moving nothing else leaves no post → error; moving P0 to node 3 covers nodes 1…4.
        let moved = try AcuteCareModel.evaluate(
            base: base,
            scenario: AcuteCareScenario(
                id: "s4", name: "m", movedPosts: [PostMove(postId: "P0", location: base.graph.location(3))]))
        // from node 3: 800, 500, 200, 0, 500 (+180)
        #expect(moved.coverage.points.map(\.responseSeconds) == [980, 680, 380, 180, 680])
        #expect(moved.coverage.points.map(\.covered) == [false, true, true, true, true])

        // Growth: B +50 %, everything else +10 %; populations and rides scale.
        let g = PopulationGrowth(baseYear: 2024, targetYear: 2035, factorByMunicipality: ["B": 1.5], defaultFactor: 1.1)
        let grown = try AcuteCareModel.compare(
            base: base, scenario: AcuteCareScenario(id: "g", name: "groei", growth: g))
        #expect(abs(grown.scenario.coverage.region.population - (300 * 1.1 + 1200 * 1.5)) < 1e-9)
        #expect(abs(grown.scenario.ridesPerYear - 0.1 * (300 * 1.1 + 1200 * 1.5)) < 1e-9)
        #expect(grown.scenario.totalAmbulances >= grown.base.totalAmbulances)
        // Covered: 100·1.1 + 200·1.1 + 300·1.5 = 780 of 2130.
        #expect(abs(grown.coverageDeltaPoints - 100 * (780.0 / 2130 - 0.4)) < 1e-9)
    }

    @Test func newDistrictAddsResidents() throws {
        let base = toyInputs()
        let district = DemandPoint(
            id: "nieuw", location: base.graph.location(1), population: 1000, municipality: "A", isSchematic: true)
        let r = try AcuteCareModel.evaluate(
            base: base, scenario: AcuteCareScenario(id: "d", name: "wijk", newDistricts: [district]))
        #expect(r.coverage.region.population == 2500 && r.coverage.region.coveredPopulation == 1600)
        #expect(r.isSchematic)
    }

    @Test func scenarioValidationErrors() throws {
        let base = toyInputs()
        func problems(_ s: AcuteCareScenario, _ inputs: AcuteCareInputs? = nil) -> [String] {
            do {
                _ = try AcuteCareModel.evaluate(base: inputs ?? base, scenario: s)
                return []
            } catch let e as VitaalError {
                #expect(e.kind == .invalidInput)
                return e.problems.map(\.description)
            } catch { return ["other"] }
        }
        #expect(
            problems(AcuteCareScenario(id: "x", name: "x", normMinutes: 0)).contains {
                $0.contains("norm moet groter zijn dan 0")
            })
        #expect(
            problems(AcuteCareScenario(id: "x", name: "x", normMinutes: -5)).contains { $0.contains("normMinutes") })
        #expect(
            problems(AcuteCareScenario(id: "x", name: "x", dispatchMinutes: -1)).contains {
                $0.contains("niet negatief")
            })
        #expect(
            problems(AcuteCareScenario(id: "x", name: "x", removedPostIds: ["P9"])).contains {
                $0.contains("post P9") && $0.contains("onbekende post")
            })
        #expect(
            problems(
                AcuteCareScenario(
                    id: "x", name: "x", movedPosts: [PostMove(postId: "Q", location: base.graph.location(2))])
            ).contains { $0.contains("\"Q\" kan niet worden verplaatst") })
        #expect(
            problems(AcuteCareScenario(id: "x", name: "x", removedPostIds: ["P0"])).contains {
                $0.contains("geen enkele ambulancepost")
            })
        #expect(
            problems(
                AcuteCareScenario(
                    id: "x", name: "x", addedPosts: [AmbulancePost(id: "P0", location: base.graph.location(2))])
            ).contains { $0.contains("al bestaat") })
        #expect(
            problems(
                AcuteCareScenario(
                    id: "x", name: "x", growth: PopulationGrowth(baseYear: 2024, targetYear: 2035, defaultFactor: -1))
            ).contains { $0.contains("groeifactor") })
        var neg = base
        neg.rideVolume.hourly[5] = -2
        #expect(problems(.base, neg).contains { $0.contains("uur 5") && $0.contains("niet negatief") })
        // A post 20 km from the network is refused by name.
        let far = AcuteCareScenario(
            id: "x", name: "x",
            addedPosts: [AmbulancePost(id: "ver", name: "Verre post", location: GeoPoint(lon: 5.1, lat: 52.7))])
        #expect(
            problems(far).contains {
                $0.contains("post ver") && $0.contains("Verre post") && $0.contains("niet bereikbaar")
            })
        // A district outside the Netherlands.
        let abroad = AcuteCareScenario(
            id: "x", name: "x",
            newDistricts: [DemandPoint(id: "parijs", location: GeoPoint(lon: 2.35, lat: 48.85), population: 10)])
        #expect(problems(abroad).contains { $0.contains("vraagpunt parijs") && $0.contains("buiten Nederland") })
    }

    @Test func postInTinyComponentIsRefused() throws {
        // Line graph plus a detached pair of nodes far east (two nodes joined by one road).
        var b = RoadGraphBuilder()
        // ≈ 6.8 km → 8 nodes
        b.addPolyline([GeoPoint(lon: 5.0, lat: 52.5), GeoPoint(lon: 5.1, lat: 52.5)], roadClass: .primary)
        b.addPolyline([GeoPoint(lon: 5.5, lat: 52.5), GeoPoint(lon: 5.505, lat: 52.5)], roadClass: .service)
        var settings = CoverageSettings()
        settings.minComponentShare = 0.3
        let engine = try CoverageEngine(graph: b.build(), settings: settings)
        #expect(throws: VitaalError.self) {
            try engine.snap(posts: [AmbulancePost(id: "eiland", location: GeoPoint(lon: 5.5, lat: 52.5))])
        }
        do {
            _ = try engine.snap(posts: [AmbulancePost(id: "eiland", location: GeoPoint(lon: 5.5, lat: 52.5))])
        } catch let e as VitaalError {
            #expect(e.problems.first?.description.contains("klein los stuk wegennet") == true)
        }
        #expect(
            try engine.snap(posts: [AmbulancePost(id: "ok", location: GeoPoint(lon: 5.05, lat: 52.501))]).count == 1)
    }

    @Test func scenarioJSONRoundTripWithMissingKeys() throws {
        let json =
            #"{"id":"a","name":"Extra post","addedPosts":[{"id":"X","name":"X","location":{"lon":5.3,"lat":52.5},"isSchematic":true}],"normMinutes":12}"#
        let s = try JSONDecoder().decode(AcuteCareScenario.self, from: Data(json.utf8))
        #expect(s.addedPosts.count == 1 && s.removedPostIds.isEmpty && s.normMinutes == 12 && !s.isSchematic)
        let again = try JSONDecoder().decode(AcuteCareScenario.self, from: JSONEncoder().encode(s))
        #expect(again == s)
    }
}
