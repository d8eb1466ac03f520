import Foundation
import Testing

@testable import VitaalDomain

/// Security review M6: the published spider-web statistics never reveal a group under 5, not
/// even as the Flevoland total minus the shown municipalities.
struct SpiderWebDisclosureTests {
    typealias S = SocialMap.SpiderWebStatistics

    static func webs(_ groups: [(String, Int, Double)]) throws -> [(municipalityCode: String, scores: SpiderWebScores)]
    {
        var out: [(municipalityCode: String, scores: SpiderWebScores)] = []
        for (code, n, v) in groups {
            for _ in 0..<n {
                out.append(
                    (
                        code,
                        try SpiderWebScores(
                            Dictionary(uniqueKeysWithValues: PositiveHealthDimension.allCases.map { ($0, v) }))
                    ))
            }
        }
        return out
    }

    @Test func theSubtractionAttackDoesNotRecoverASuppressedMunicipality() throws {
        // Urk has 3 (one of them: a resident whose scores the attacker wants), Dronten 7, Lelystad 12.
        let p = S.publish(try Self.webs([("GM0184", 3, 1), ("GM0303", 7, 6), ("GM0995", 12, 8)]))
        let urk = try #require(p.municipalities.first { $0.code == "GM0184" })
        let dronten = try #require(p.municipalities.first { $0.code == "GM0303" })
        let lelystad = try #require(p.municipalities.first { $0.code == "GM0995" })
        #expect(urk.isSuppressed && urk.reason == .tooFew)
        #expect(
            dronten.isSuppressed && dronten.reason == .protectsOthers,
            "secondary suppression: the next-smallest group is hidden too")
        #expect(lelystad.count == 10, "12 rounded to a multiple of 5")
        let total = try #require(p.total)
        #expect(total.count == 20, "22 rounded to a multiple of 5")
        // total − Σ shown: what an attacker can compute.
        let remainder = total.count! - p.municipalities.compactMap(\.count).reduce(0, +)
        #expect(remainder != 3, "Urk's count is not recovered")
        #expect(remainder >= S.minimumGroupSize, "the hidden part holds at least 5 people")
        // Means are published with one decimal: total 22·m − 12·8 − 7·6 would give Urk's sum only with exact means.
        guard case .mean(let m) = total.means[0] else {
            Issue.record("total mean hidden")
            return
        }
        #expect(m == (m * 10).rounded() / 10)
    }

    @Test func hiddenGroupsTogetherAlwaysHoldAtLeastFive() throws {
        var rng = SplitMix64(seed: 7)
        for _ in 0..<300 {
            let codes = ["GM0034", "GM0050", "GM0171", "GM0184", "GM0303", "GM0995"]
            let groups = codes.compactMap { c -> (String, Int, Double)? in
                let n = Int(rng.next() % 12)
                return n == 0 ? nil : (c, n, 5)
            }
            let webs = try Self.webs(groups)
            let p = S.publish(webs)
            let exact = Dictionary(uniqueKeysWithValues: groups.map { ($0.0, $0.1) })
            let hidden = p.municipalities.filter(\.isSuppressed).map { exact[$0.code]! }
            #expect(p.municipalities.filter { !$0.isSuppressed }.allSatisfy { exact[$0.code]! >= 5 })
            if !hidden.isEmpty && p.total?.isSuppressed == false {
                #expect(hidden.reduce(0, +) >= S.minimumGroupSize, "\(groups)")
            }
            if webs.count < 5 { #expect(p.total?.isSuppressed ?? true) }
        }
    }

    @Test func countsAreRoundedToFive() {
        #expect(S.roundedCount(5) == 5)
        #expect(S.roundedCount(7) == 5)
        #expect(S.roundedCount(8) == 10)
        #expect(S.roundedCount(12) == 10)
        #expect(S.roundedCount(13) == 15)
    }

    @Test func noSuppressionNeededWhenEveryGroupHasFive() throws {
        let p = S.publish(try Self.webs([("GM0184", 5, 4), ("GM0995", 6, 7.25)]))
        #expect(p.municipalities.allSatisfy { !$0.isSuppressed })
        #expect(p.municipalities.last?.means.first == .mean(7.3), "one decimal")
    }

    @Test func webAddressesAndEmailAddressesAreValidatedStrictly() {
        #expect(
            SocialMap.webAddress("https://buurtkracht.example.nl/pad?x=1") == "https://buurtkracht.example.nl/pad?x=1")
        #expect(SocialMap.webAddress("http://a.nl") == "http://a.nl")
        for bad in [
            "javascript:alert(1)", "//evil.example", "https://x.nl/\"><x y=z", "https://x.nl/'", "ftp://x.nl",
            "https://localhost",
            "https://user:pw@x.nl", "https://x.nl/ a", "https://x.nl/<b>", ""
        ] {
            #expect(SocialMap.webAddress(bad) == nil, "\(bad)")
        }
        #expect(SocialMap.isEmailAddress("info@buurtkracht.example.nl"))
        for bad in ["a\"@x.nl", "a@x", "a b@x.nl", "@x.nl", "a@x..nl", "a@.x.nl", "a@x.nl\"><x", "a@b@c.nl"] {
            #expect(!SocialMap.isEmailAddress(bad), "\(bad)")
        }
    }
}

struct ResultCacheTests {
    @Test func keepsAtMostCapacityEntriesAndEvictsTheLeastRecentlyUsed() {
        let cache = ResultCache<Int>(capacity: 3)
        for i in 0..<3 { cache.store(i, for: "k\(i)") }
        #expect(cache.value(for: "k0") == 0)  // k0 is now the most recently used
        cache.store(3, for: "k3")  // evicts k1
        #expect(cache.count == 3)
        #expect(cache.value(for: "k1") == nil)
        #expect(cache.value(for: "k0") == 0 && cache.value(for: "k3") == 3)
        var computed = 0
        for _ in 0..<5 {
            _ = cache.value(for: "x") {
                computed += 1
                return 42
            }
        }
        #expect(computed == 1)
        for i in 0..<1000 { cache.store(i, for: "many\(i)") }
        #expect(cache.count == 3)
    }
}
