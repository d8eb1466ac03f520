import Foundation
import Testing

@testable import VitaalDomain

/// The demo network from Provincie Flevoland's provincial roads plus schematic links.
@Suite("AcuteCare road network")
struct AcuteCareRoadNetworkTests {
    @Test func provincialRoadsAreReadWithTheirClasses() {
        let lines = ProvincialRoads.lines
        // 121 features, one of which has no coordinates.
        #expect(lines.count == 120)
        #expect(lines.contains { $0.name == "N352 Zuiderringweg" })
        #expect(lines.allSatisfy { $0.origin == .provincialRoad })
        #expect(ProvincialRoads.roadClass(type: "Regionale stroomweg II") == .primary)
        #expect(ProvincialRoads.roadClass(type: "Gebiedsontsluitingsweg II - wel landbouwverkeer") == .secondary)
        #expect(ProvincialRoads.roadClass(type: "Parallelweg") == .local)
        #expect(ProvincialRoads.roadClass(type: " ") == .tertiary)
    }

    /// Two roads crossing in an X, a third ending 60 m short of the first (a roundabout the data leaves
    /// out) and a place 1 km off the second road.
    @Test func joinerConnectsCrossingsShortEndsAndPlaces() {
        func p(_ lat: Double, _ lon: Double) -> GeoPoint { GeoPoint(lon: lon, lat: lat) }
        let eastWest = RoadLine(
            name: "N1 a", roadClass: .primary, origin: .provincialRoad, points: [p(52.5, 5.0), p(52.5, 5.1)])
        let northSouth = RoadLine(
            name: "N2 b", roadClass: .secondary, origin: .provincialRoad, points: [p(52.45, 5.05), p(52.55, 5.05)])
        // Ends 0.00054° ≈ 60 m south of the east-west road.
        let short = RoadLine(
            name: "N3 c", roadClass: .secondary, origin: .provincialRoad, points: [p(52.40, 5.08), p(52.49946, 5.08)])
        let lines = RoadNetworkJoiner().join(
            real: [eastWest, northSouth, short], schematic: [], places: [("dorp", p(52.46, 5.0353))])
        var builder = RoadGraphBuilder()
        for line in lines { builder.addPolyline(line.points, roadClass: line.roadClass, maxSegmentMeters: 100_000) }
        let graph = builder.build()
        // One component: the crossing and the snapped end are shared nodes, the place has its access road.
        #expect(graph.components().sizes == [graph.nodeCount])
        #expect(lines[0].points.contains(p(52.5, 5.05)))
        #expect(lines[2].points.last == GeoPoint(lon: 5.08, lat: 52.5))
        let access = lines.filter { $0.name == "toegangsweg dorp" }
        #expect(access.count == 1 && access[0].origin == .schematic)
        #expect(abs(AcuteGeo.meters(access[0].points[0], access[0].points[1]) - 1000) < 10)
    }

    @Test func everyDemoPlaceHasATimeAndAPostOverTheRealRoads() throws {
        let lines = AcuteCareDemo.roadLines
        #expect(lines.filter { $0.origin == .provincialRoad }.count == 120)
        #expect(lines.contains { $0.origin == .schematic && $0.name.hasPrefix("A6") })
        let r = try AcuteCareModel.evaluate(base: AcuteCareDemo.inputs)
        #expect(r.coverage.points.filter { $0.responseSeconds == nil || $0.nearestPostId == nil }.map(\.id) == [])
        #expect(!r.coverage.points.contains { $0.band == .noRoad })
        // The places a council asks about get plausible times (minutes including 3 min dispatch).
        let minutes = Dictionary(
            uniqueKeysWithValues: r.coverage.points.map { ($0.id, Double($0.responseSeconds ?? 0) / 60) })
        #expect((10...25).contains(minutes["kraggenburg"]!))
        #expect((3...10).contains(minutes["urk"]!))
        #expect((3...12).contains(minutes["zeewolde"]!))
        #expect((3...12).contains(minutes["almere-poort"]!))
        // The road graph is one network (no piece of it cut off but a tiny stub).
        let sizes = AcuteCareDemo.graph().components().sizes.sorted()
        #expect(sizes.last! > 1000 && sizes.dropLast().allSatisfy { $0 < 10 })
    }
}
