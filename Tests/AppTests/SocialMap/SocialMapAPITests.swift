import Fluent
import VitaalDomain
import XCTVapor
import XCTest

@testable import AppCore
@testable import SocialMapFeature

final class SocialMapAPITests: XCTestCase {
    typealias S = SocialMapTestSupport

    func testDemoDataLoadsOnceWithMaintainers() async throws {
        try await TestApp.with { app in
            try await S.seed(app)
            try await SocialMapFeature().loadDemoData(app: app, log: { _ in })  // second time: skipped
            let counts = try await S.counts(app.db)
            XCTAssertEqual(Array(counts.prefix(3)), [74, 12, 10])
            XCTAssertEqual(counts[4], 23)
            XCTAssertEqual(counts[6], 646, "collaborations derived from co-membership")
            let r = try await SocialMapStore.load(on: app.db)
            let demo = SocialMapDemoData.register
            XCTAssertEqual(r.organisations, demo.organisations)
            XCTAssertEqual(r.services, demo.services)
            XCTAssertEqual(r.locations, demo.locations)
            XCTAssertEqual(r.networks, demo.networks.sorted { $0.id < $1.id })
            XCTAssertEqual(r.collaborations.count, demo.collaborations.count)
            for (x, y) in zip(r.collaborations, demo.collaborations) where x != y {
                XCTFail("\(x) != \(y)")
                break
            }
            XCTAssertTrue(r.locations.allSatisfy(\.positionIsApproximate))
            let flever = try await Organisation.query(on: app.db).filter(\.$slug == "flever").first()!
            let rec = try await SocialMapOrganisationRecord.query(on: app.db).filter(\.$key == "flever").first()
            XCTAssertEqual(rec?.maintainerID, flever.id)
            let oco = try await SocialMapServiceRecord.query(on: app.db).filter(\.$key == "oco-almere-ondersteuning")
                .first()
            XCTAssertEqual(oco?.maintainerID, flever.id)
            let net = try await SocialMapNetworkRecord.query(on: app.db).filter(\.$key == "oco-almere").first()
            XCTAssertEqual(net?.maintainerID, flever.id)
        }
    }

    func testListsFiltersAndOpenAPI() async throws {
        try await TestApp.with { app in
            try await S.seed(app)
            let b = Browser(app)
            let orgs = try await b.get("/api/v1/organizations")
            XCTAssertEqual(orgs.status, .ok)
            let orgList = try S.json(orgs.body) as! [[String: Any]]
            XCTAssertEqual(orgList.count, 74)
            XCTAssertEqual(orgList.first { $0["id"] as? String == "flever" }?["stale"] as? Bool, true, "never checked")

            let all = try S.json(try await b.get("/api/v1/initiatives").body) as! [[String: Any]]
            XCTAssertEqual(all.count, 12)
            let filtered = try await b.get("/api/v1/initiatives?gemeente=GM0995&dimensie=meedoen")
            let ids = Set((try S.json(filtered.body) as! [[String: Any]]).map { $0["id"] as! String })
            // Lelystad offers plus province-wide ones; not OCO Almere (Almere only).
            XCTAssertTrue(
                ids.isSuperset(of: [
                    "challenge-up", "een-tegen-eenzaamheid-lelystad", "expex-flevoland", "alzheimer-cafe",
                    "welzijn-op-recept"
                ]), "\(ids)")
            XCTAssertFalse(ids.contains("oco-almere-ondersteuning"))
            XCTAssertFalse(ids.contains("roggebotstaete"), "Dronten, and not 'meedoen'")
            let bad = try await b.get("/api/v1/initiatives?dimensie=geluk")
            XCTAssertEqual(bad.status, .unprocessableEntity)
            XCTAssertTrue(bad.body.contains("onbekende dimensie"))

            let nets = try S.json(try await b.get("/api/v1/networks").body) as! [[String: Any]]
            XCTAssertEqual(nets.count, 23)
            let hca = nets.first { $0["id"] as? String == "hca-zwf" }!
            XCTAssertEqual(hca["participantCount"] as? Int, 35)
            XCTAssertEqual((hca["members"] as? [[String: Any]])?.map { $0["id"] as? String }, ["flever"])

            let doc = try await b.get("/api/v1/openapi.json")
            for path in [
                "/api/v1/organizations", "/api/v1/initiatives", "/api/v1/networks", "/api/v1/networks/{id}/graph",
                "/api/v1/networks/{id}/analysis"
            ] {
                XCTAssertTrue(doc.body.contains("\"\(path)\""), path)
            }
            // No contact persons' data in the API.
            XCTAssertFalse(orgs.body.contains("contacts"))
        }
    }

    /// The demo collaboration network through the API equals networkx' results computed once
    /// (bench/socialmap/demo_network_fixtures.py → fixtures/demo_collaboration_graph_networkx.json).
    func testDemoNetworkCentralAndVulnerableMembersMatchNetworkx() async throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let fixtureData = try Data(
            contentsOf: root.appendingPathComponent("bench/socialmap/fixtures/demo_collaboration_graph_networkx.json"))
        let fx = try JSONSerialization.jsonObject(with: fixtureData) as! [String: Any]
        let fxDegree = fx["degree"] as! [String: Double]
        let fxBetween = fx["betweenness"] as! [String: Double]
        let fxClose = fx["closeness"] as! [String: Double]
        try await TestApp.with { app in
            try await S.seed(app)
            let b = Browser(app)
            let graph = try S.json(try await b.get("/api/v1/networks/alle/graph").body) as! [String: Any]
            let nodes = (graph["nodes"] as! [[String: Any]]).map { $0["id"] as! String }
            XCTAssertEqual(Set(nodes), Set(fxDegree.keys))
            XCTAssertEqual(nodes.count, fx["nodes"] as? Int)
            XCTAssertEqual((graph["edges"] as! [Any]).count, fx["edges"] as? Int)

            let a = try S.json(try await b.get("/api/v1/networks/alle/analysis").body) as! [String: Any]
            XCTAssertEqual(a["nodes"] as? [String], nodes, "node ids as in the graph")
            for (name, got, want) in [
                ("degree", a["degree"], fxDegree), ("betweenness", a["betweenness"], fxBetween),
                ("closeness", a["closeness"], fxClose)
            ] {
                let values = got as! [String: Double]
                for (id, w) in want {
                    let g = values[id] ?? .nan
                    XCTAssertEqual(g, w, accuracy: 1e-9 * max(1, abs(w)), "\(name) \(id)")
                }
            }
            XCTAssertEqual(a["articulationPoints"] as? [String], fx["articulation_points"] as? [String])
            XCTAssertEqual(a["articulationPoints"] as? [String], ["flever"])
            // Groups (Louvain on links weighted by shared networks): every node in exactly one group, and
            // the modularity the domain computes for that grouping with the same weights.
            let groups = a["communities"] as! [[String]]
            XCTAssertEqual(groups.flatMap { $0 }.sorted(), nodes.sorted())
            XCTAssertGreaterThan(groups.count, 1)
            let weighted = SocialMapDemoData.register.weightedCollaborationGraph()
            let index = Dictionary(uniqueKeysWithValues: weighted.nodeIDs.enumerated().map { ($1, $0) })
            let q = NetworkCommunities.modularity(
                nodeCount: weighted.nodeIDs.count, edges: weighted.edges.map { (index[$0.0]!, index[$0.1]!, $0.2) },
                communities: groups.map { $0.map { index[$0]! } })
            XCTAssertEqual(a["modularity"] as! Double, q, accuracy: 1e-12)
            // Flever and VMCA share as many networks as the demo lists them together in.
            let shared = SocialMapDemoData.register.networks.filter { n in
                n.memberships.contains { $0.memberID == "flever" } && n.memberships.contains { $0.memberID == "vmca" }
            }.count
            let link = (graph["edges"] as! [[String: Any]]).first {
                $0["source"] as? String == "flever" && $0["target"] as? String == "vmca"
            }
            XCTAssertGreaterThan(shared, 1)
            XCTAssertEqual(link?["weight"] as? Double, Double(shared))
            XCTAssertEqual((a["bridges"] as? [[String]])?.count, (fx["bridges"] as? [Any])?.count)
            XCTAssertEqual(
                (a["components"] as? [[String]]).map { $0.map { $0.sorted() }.sorted { $0.count > $1.count } },
                (fx["components"] as? [[String]]).map { $0.sorted { $0.count > $1.count } })
            // Central: the highest betweenness according to networkx.
            let top3 = fxBetween.sorted { $0.value > $1.value }.prefix(3).map(\.key)
            XCTAssertEqual(a["central"] as? [String], Array(top3))
            XCTAssertEqual((a["central"] as? [String])?.first, "flever")
            let impact = (a["removalImpact"] as! [[String: Any]]).first!
            // Flever takes part in every network of Bijlage 1; only RegioPlus meets the others through it alone.
            XCTAssertEqual(impact["node"] as? String, "flever")
            XCTAssertEqual(Set(impact["cutOff"] as! [String]), ["regioplus"])
            XCTAssertEqual(impact["explanation"] as? String, "Als Flever wegvalt, raakt RegioPlus los van de rest.")
        }
    }

    func testGraphOfOneNetworkAndUnknownNetwork() async throws {
        try await TestApp.with { app in
            try await S.seed(app)
            let b = Browser(app)
            let g = try S.json(try await b.get("/api/v1/networks/oco-almere/graph").body) as! [String: Any]
            XCTAssertEqual((g["nodes"] as! [Any]).count, 14)
            XCTAssertEqual((g["edges"] as! [Any]).count, 14 * 13 / 2)
            let a = try S.json(try await b.get("/api/v1/networks/oco-almere/analysis").body) as! [String: Any]
            XCTAssertEqual(a["articulationPoints"] as? [String], [])
            XCTAssertEqual(a["central"] as? [String], [], "a complete graph has no central member")
            // A network described by its size: Flever is its only named participant.
            let sizeOnly = try S.json(try await b.get("/api/v1/networks/hca-zwf/graph").body) as! [String: Any]
            XCTAssertEqual((sizeOnly["nodes"] as! [[String: Any]]).map { $0["id"] as? String }, ["flever"])
            let missing = try await b.get("/api/v1/networks/bestaat-niet/graph")
            XCTAssertEqual(missing.status, .notFound)
            XCTAssertTrue(missing.body.contains("bestaat niet"))
        }
    }
}
