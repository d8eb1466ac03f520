import Foundation
import Testing

@testable import VitaalDomain

@Suite("SocialMap model, spider web, matcher")
struct SocialMapModelTests {
    @Test func collaborationWithItselfIsRefused() {
        #expect(throws: VitaalError.self) { _ = try SocialMap.Collaboration("flever", "flever", topic: "x") }
        let c = try? SocialMap.Collaboration("vmca", "flever", topic: "OCO")
        #expect(c?.a == "flever" && c?.b == "vmca")
    }

    @Test func staleAfterOneYear() {
        let o = SocialMap.Organisation(id: "o", name: "O", lastChecked: SocialMap.Day(iso: "2024-03-01"))
        #expect(!o.isStale(asOf: SocialMap.Day(iso: "2025-03-01")!))
        #expect(o.isStale(asOf: SocialMap.Day(iso: "2025-03-02")!))
        #expect(SocialMap.Organisation(id: "p", name: "P").isStale(asOf: SocialMap.Day(iso: "2020-01-01")!))
    }

    static let all5: [PositiveHealthDimension: Double] = Dictionary(
        uniqueKeysWithValues: PositiveHealthDimension.allCases.map { ($0, 5) })

    @Test func spiderWebScoresOutOfRangeOrMissing() {
        var s = Self.all5
        s[.zingeving] = 11
        s[.meedoen] = -1
        let p = smProblems { _ = try SpiderWebScores(s) }
        #expect(p.map(\.location.field) == ["zingeving", "meedoen"])
        #expect(p[0].message == "score 11.0 voor 'zingeving' ligt niet tussen 0 en 10")
        var m = Self.all5
        m[.dagelijksFunctioneren] = nil
        let q = smProblems { _ = try SpiderWebScores(m) }
        #expect(q.map(\.message) == ["score ontbreekt voor 'dagelijks functioneren'"])
        #expect(smProblems { _ = try SpiderWebScores(keyed: ["geluk": 3]) }.first?.location.field == "geluk")
        #expect(
            (try? SpiderWebScores(keyed: [
                "lichaamsfuncties": 1, "mentaal welbevinden": 2, "zingeving": 3, "kwaliteit-van-leven": 4,
                "meedoen": 5, "dagelijks functioneren": 6
            ]))?.values == [1, 2, 3, 4, 5, 6])
    }

    @Test func matcherRanksByFocusAndDistance() throws {
        var s = Self.all5
        s[.meedoen] = 3
        s[.zingeving] = 8
        let scores = try SpiderWebScores(s)
        let svc = { (id: String, dims: [PositiveHealthDimension], gm: String) in
            SocialMap.Service(
                id: id, organisationID: "o", name: id.uppercased(), kind: .residentsInitiative,
                tags: SocialMap.Tags(dimensions: dims, municipalityCodes: [gm]))
        }
        let list = [
            svc("a", [.meedoen], "GM0995"), svc("b", [.meedoen], "GM0034"), svc("c", [.zingeving], "GM0995"),
            svc("d", [.meedoen, .mentaalWelbevinden], "GM0995")
        ]
        let m = try SocialMap.InitiativeMatcher.match(
            scores: scores, focus: [.meedoen], origin: .postcode("8224 AB"), initiatives: list)
        // c does not touch the focus. d: 0.7 + 0.25*0.5 = 0.825 at 0 km; a: 0.7 at 0 km; b: 0.7 / (1 + km/25).
        #expect(m.map(\.initiativeID) == ["d", "a", "b"])
        #expect(abs(m[0].score - 0.825) < 1e-12)
        let km = SocialMap.haversineKm(52.5185, 5.4714, 52.3702, 5.2141)
        #expect(abs(m[2].score - 0.7 / (1 + km / 25)) < 1e-12)
        #expect(abs(km - 24.5) < 0.5)
        #expect(m[1].reason == "Past bij 'meedoen' (uw score 3) · 0 km")
        #expect(m[2].reason == "Past bij 'meedoen' (uw score 3) · \(Int(km.rounded())) km")
        #expect(
            smProblems {
                _ = try SocialMap.InitiativeMatcher.match(
                    scores: scores, focus: [], origin: .postcode("9999"), initiatives: list)
            }.count == 1)
    }

    @Test func statisticsSuppressSmallGroups() throws {
        var webs: [(municipalityCode: String, scores: SpiderWebScores)] = []
        for v in [2.0, 4, 6, 8, 10] {
            var s = Self.all5
            s[.meedoen] = v
            webs.append(("GM0034", try SpiderWebScores(s)))
        }
        for _ in 0..<4 { webs.append(("GM0184", try SpiderWebScores(Self.all5))) }
        let stats = SocialMap.SpiderWebStatistics.meansByMunicipality(webs)
        #expect(stats.map(\.municipalityCode) == ["GM0034", "GM0184"])
        #expect(stats[0].means[PositiveHealthDimension.meedoen.index] == .mean(6))
        #expect(stats[0].means[0].text == "5,0")
        #expect(stats[1].isSuppressed && stats[1].means.allSatisfy { $0 == .suppressed })
        #expect(stats[1].means[0].text == "minder dan 5")
    }

    @Test func coMembershipEdges() throws {
        let n = [
            SocialMap.Network(
                id: "n1", name: "Netwerk A", goal: "",
                memberships: ["x", "y", "z"].map { SocialMap.Membership(memberID: $0) }),
            SocialMap.Network(
                id: "n2", name: "Netwerk B", goal: "",
                memberships: ["y", "x"].map { SocialMap.Membership(memberID: $0) }),
            SocialMap.Network(id: "n3", name: "Groot", goal: "", size: 35, sizeUnit: "organisaties")
        ]
        let c = SocialMap.Register.coMembershipCollaborations(of: n)
        #expect(c.map { "\($0.a)-\($0.b)" } == ["x-y", "x-z", "y-z"])
        #expect(c[0].topic == "Netwerk A · Netwerk B" && c.allSatisfy(\.isDerived))
        #expect(n[2].participantCount == 35)
    }

    @Test func demoDataIsValidAndDeduplicated() throws {
        let r = SocialMapDemoData.register
        try r.validate()
        #expect(r.networks.count == 23)
        #expect(r.organisations.filter { $0.name == "Flever" }.count == 1)
        let hca = try #require(r.networks.first { $0.id == "hca-zwf" })
        #expect(hca.memberships.map(\.memberID) == ["flever"] && hca.participantCount == 35)
        // Flever, Jaarplan 2025, Bijlage 1: the networks "waarin Flever op 1 januari 2025 participeert".
        #expect(r.networks.allSatisfy { $0.memberships.contains { $0.memberID == "flever" } })
        #expect(r.networks.first { $0.id == "oco-almere" }?.memberships.count == 14)
        #expect(r.locations.allSatisfy { $0.positionIsApproximate })
        #expect(r.collaborations.allSatisfy { $0.isDerived })
        var bad = r
        bad.services[0].organisationID = "bestaat-niet"
        let badProblems = smProblems { try bad.validate() }
        #expect(badProblems.first?.location.field == "organization_id")
    }
}
