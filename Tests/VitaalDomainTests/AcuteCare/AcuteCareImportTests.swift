import Foundation
import Testing

@testable import VitaalDomain

private func acuteProblems(_ body: () throws -> Void) -> [String] {
    do {
        try body()
        return []
    } catch let e as VitaalError { return e.problems.map(\.description) + [e.message] } catch {
        return ["andere fout: \(error)"]
    }
}

@Suite("AcuteCare import")
struct AcuteCareImportTests {
    let osm = """
        <?xml version="1.0" encoding="UTF-8"?>
        <osm version="0.6">
          <node id="1" lat="52.50" lon="5.40"/>
          <node id="2" lat="52.50" lon="5.41"/>
          <node id="3" lat="52.51" lon="5.41"/>
          <way id="10"><nd ref="1"/><nd ref="2"/><tag k="highway" v="primary"/><tag k="oneway" v="yes"/></way>
          <way id="11"><nd ref="2"/><nd ref="3"/><tag k="highway" v="residential"/></way>
          <way id="12"><nd ref="1"/><nd ref="3"/><tag k="highway" v="cycleway"/></way>
          <way id="13"><nd ref="1"/><nd ref="3"/><tag k="building" v="yes"/></way>
        </osm>
        """

    @Test func osmRoadsOnewayAndIgnoredWays() throws {
        let g = try AcuteCareImport.roadGraph(osm: Data(osm.utf8))
        #expect(g.nodeCount == 3)
        #expect(g.edgeCount == 3)  // 1→2 (oneway) + 2↔3
        #expect(g.edgeTarget[Int(g.edgeStart[0])..<Int(g.edgeStart[1])] == [1])
        #expect(g.edgeStart[2] - g.edgeStart[1] == 1)  // node 2 only to node 3, not back to 1
        let reversed = try AcuteCareImport.roadGraph(
            osm: Data(osm.replacingOccurrences(of: "v=\"yes\"", with: "v=\"-1\"").utf8))
        #expect(reversed.edgeStart[1] - reversed.edgeStart[0] == 0)  // node 1 has no outgoing edge
    }

    @Test func osmErrors() {
        let missing = osm.replacingOccurrences(
            of: "<nd ref=\"3\"/><tag k=\"highway\" v=\"residential\"/>",
            with: "<nd ref=\"99\"/><tag k=\"highway\" v=\"residential\"/>")
        let p = acuteProblems { _ = try AcuteCareImport.roadGraph(osm: Data(missing.utf8), file: "f.osm") }
        #expect(p.contains { $0.contains("way 11") && $0.contains("ontbrekende node 99") && $0.contains("regel 7") })
        #expect(
            acuteProblems { _ = try AcuteCareImport.roadGraph(osm: Data("dit is geen xml".utf8)) }.contains {
                $0.contains("geen geldig OpenStreetMap-XML")
            })
        let abroad = osm.replacingOccurrences(of: "lat=\"52.51\" lon=\"5.41\"", with: "lat=\"48.85\" lon=\"2.35\"")
        #expect(
            acuteProblems { _ = try AcuteCareImport.roadGraph(osm: Data(abroad.utf8)) }.contains {
                $0.contains("node 3") && $0.contains("buiten Nederland") && $0.contains("regel 5")
            })
    }

    @Test func geoJSONRoadsAndRefusals() throws {
        let ok =
            #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"highway":"primary"},"geometry":{"type":"LineString","coordinates":[[5.4,52.5],[5.41,52.5]]}},{"type":"Feature","properties":{"class":"service","oneway":"yes"},"geometry":{"type":"MultiLineString","coordinates":[[[5.41,52.5],[5.41,52.51]]]}}]}"#
        let g = try AcuteCareImport.roadGraph(geoJSON: Data(ok.utf8))
        #expect(g.nodeCount == 3 && g.edgeCount == 3)
        let point =
            #"{"type":"FeatureCollection","features":[{"type":"Feature","id":"x7","properties":{"highway":"primary"},"geometry":{"type":"Point","coordinates":[5.4,52.5]}}]}"#
        #expect(
            acuteProblems { _ = try AcuteCareImport.roadGraph(geoJSON: Data(point.utf8)) }.contains {
                $0.contains("feature 0 (id x7)") && $0.contains("geen lijn")
            })
        let noClass =
            #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[5.4,52.5],[5.41,52.5]]}}]}"#
        #expect(
            acuteProblems { _ = try AcuteCareImport.roadGraph(geoJSON: Data(noClass.utf8)) }.contains {
                $0.contains("highway")
            })
    }

    @Test func demandAndPostsCSV() throws {
        let wgs = "id;lat;lon;population;gemeente\na;52,50;5,40;1200;Lelystad\nb;52.52;5.45;300;\n"
        let d = try AcuteCareImport.demandPoints(csv: Data(wgs.utf8))
        #expect(d.map(\.population) == [1200, 300] && d[0].municipality == "Lelystad" && d[1].municipality == nil)
        #expect(abs(d[0].location.lat - 52.5) < 1e-12)
        let rd = "id,x,y,population\ncell1,155000,463000,50\n"
        let r = try AcuteCareImport.demandPoints(csv: Data(rd.utf8))
        #expect(abs(r[0].location.lat - 52.15517440) < 1e-9 && abs(r[0].location.lon - 5.38720621) < 1e-9)
        let bad = "id,lat,lon,population\na,52.5,5.4,10\nb,48.85,2.35,10\nc,52.5,5.4,-3\n"
        let p = acuteProblems { _ = try AcuteCareImport.demandPoints(csv: Data(bad.utf8), file: "v.csv") }
        #expect(p.contains { $0.contains("regel 3") && $0.contains("buiten Nederland") })
        #expect(p.contains { $0.contains("regel 4") && $0.contains("≥ 0") })
        let posts = try AcuteCareImport.posts(csv: Data("id,lat,lon,name\nP1,52.5,5.4,Lelystad\nP2,52.6,5.5,\n".utf8))
        #expect(posts.map(\.name) == ["Lelystad", "P2"])
        #expect(
            acuteProblems { _ = try AcuteCareImport.posts(csv: Data("id,lat,lon\nP1,5.4,52.5\n".utf8)) }.contains {
                $0.contains("regel 2")
            })
        #expect(
            acuteProblems { _ = try AcuteCareImport.posts(csv: Data("id,a,b\nP1,5.4,52.5\n".utf8)) }.contains {
                $0.contains("lat en lon")
            })
    }
}
