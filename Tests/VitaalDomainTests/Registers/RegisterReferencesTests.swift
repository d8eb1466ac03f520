import Foundation
import Testing

@testable import VitaalDomain

struct RegisterReferencesTests {
    /// Two plans with a goal key in common (a copy for the next year) and one only in the first;
    /// a goal's key alone is an alias, as the plans give it.
    static let goals = [
        goal("flever-jaarplan-2025", "VVI.A1", "Kennis delen", isPublic: true),
        goal("flever-jaarplan-2025", "A&O.A2", "Koplopersbijeenkomst", isPublic: true),
        goal("flever-jaarplan-2026", "A&O.A2", "Koplopersbijeenkomst 2026", isPublic: false)
    ]

    static func goal(_ plan: String, _ node: String, _ title: String, isPublic: Bool) -> RegisterReferences.Target {
        RegisterReferences.Target(
            reference: "\(plan)/\(node)", aliases: [node], title: title, context: plan,
            path: "/plannen/\(plan)/doelen/\(node)", isPublic: isPublic)
    }

    static let networks = [
        RegisterReferences.Target(
            reference: "kenniswerkplaats-onbegrepen-gedrag", aliases: ["Kenniswerkplaats Onbegrepen Gedrag"],
            title: "Kenniswerkplaats Onbegrepen Gedrag",
            path: "/sociale-kaart/netwerken/kenniswerkplaats-onbegrepen-gedrag",
            isPublic: true),
        RegisterReferences.Target(
            reference: "oco-almere", aliases: ["Onafhankelijke cliëntondersteuning Almere (OCO)"],
            title: "Onafhankelijke cliëntondersteuning Almere (OCO)", path: "/sociale-kaart/netwerken/oco-almere",
            isPublic: true)
    ]

    @Test func splitsOnCommasSemicolonsAndLinesOnceEach() {
        #expect(RegisterReferences.split(" a, b;c\nd ,, A ") == ["a", "b", "c", "d"])
        #expect(RegisterReferences.split(nil).isEmpty)
    }

    @Test func resolvesWhatAUserCopiesToTheStoredForm() {
        let typed =
            "flever-jaarplan-2025/vvi.a1, https://vitaal.example/plannen/flever-jaarplan-2026/doelen/A%26O.A2/, "
            + "/plannen/flever-jaarplan-2025/doelen/A&O.A2"
        let result = RegisterReferences.resolve(typed, kind: .planGoals, among: Self.goals)
        #expect(result.problems.isEmpty)
        #expect(
            result.references == [
                "flever-jaarplan-2025/VVI.A1", "flever-jaarplan-2026/A&O.A2", "flever-jaarplan-2025/A&O.A2"
            ])
        // A goal's key alone when one plan has it; the same goal twice is stored once.
        let bare = RegisterReferences.resolve(
            "VVI.A1; flever-jaarplan-2025/VVI.A1", kind: .planGoals, among: Self.goals)
        #expect(bare.references == ["flever-jaarplan-2025/VVI.A1"])
    }

    @Test func refusesUnknownAndAmbiguousReferencesNamingThem() {
        let result = RegisterReferences.resolve(
            "flever-jaarplan-2025/VVI.A9, A&O.A2", kind: .planGoals, among: Self.goals)
        #expect(result.references.isEmpty)
        #expect(
            result.problems == [
                "Plandoel ‘flever-jaarplan-2025/VVI.A9’ bestaat niet",
                "Plandoel ‘A&O.A2’ is niet eenduidig: bedoelt u ‘flever-jaarplan-2025/A&O.A2’ of "
                    + "‘flever-jaarplan-2026/A&O.A2’?"
            ])
        let networks = RegisterReferences.resolve("Netwerk Zonder Naam", kind: .networks, among: Self.networks)
        #expect(networks.problems == ["Netwerk ‘Netwerk Zonder Naam’ bestaat niet"])
        let tooMany = RegisterReferences.resolve(
            (1...51).map { "x\($0)" }.joined(separator: ","), kind: .indicators, among: [])
        #expect(tooMany.problems == ["ten hoogste 50 verwijzingen (nu 51)"])
    }

    @Test func findsNetworksByNameInAnyCaseAndAccentsOrByKey() {
        let result = RegisterReferences.resolve(
            "kenniswerkplaats  onbegrepen gedrag; Onafhankelijke clientondersteuning Almere (OCO), oco-almere",
            kind: .networks, among: Self.networks)
        #expect(result.problems.isEmpty)
        #expect(result.references == ["kenniswerkplaats-onbegrepen-gedrag", "oco-almere"])
    }

    @Test func anonymousViewersSeeOnlyPublicItemsAndNoUnknownText() {
        let stored = "flever-jaarplan-2025/VVI.A1, flever-jaarplan-2026/A&O.A2, geheim-plan/X.1"
        let anonymous = RegisterReferences.shown(stored, among: Self.goals, loggedIn: false)
        #expect(anonymous == [.target(Self.goals[0])])
        let loggedIn = RegisterReferences.shown(stored, among: Self.goals, loggedIn: true)
        #expect(loggedIn == [.target(Self.goals[0]), .target(Self.goals[2]), .unknown("geheim-plan/X.1")])
        #expect(
            RegisterReferences.visibleValue(stored, among: Self.goals, loggedIn: false) == "flever-jaarplan-2025/VVI.A1"
        )
        #expect(
            RegisterReferences.visibleValue("flever-jaarplan-2026/A&O.A2", among: Self.goals, loggedIn: false) == nil)
        #expect(RegisterReferences.visibleValue(stored, among: Self.goals, loggedIn: true) == stored)
    }

    @Test func aSourcesLastImportIsTheLatestImportOfAnIndicatorThatUsesIt() {
        let source = RegisterEntry(key: "cbs", status: nil, values: ["tableId": "85012NED", "indicators": "extra"])
        let indicators = [
            DataSourceMatch.Indicator(code: "gm_a", source: "CBS StatLine tabel 85012NED"),
            DataSourceMatch.Indicator(code: "extra", source: "eigen telling"),
            DataSourceMatch.Indicator(code: "other", source: "CBS 70072ned")
        ]
        let day = { (d: Double) in Date(timeIntervalSince1970: d * 86_400) }
        let imports = ["gm_a": day(10), "extra": day(12), "other": day(20)]
        #expect(DataSourceMatch.lastImport(of: source, among: indicators, imports: imports) == day(12))
        #expect(DataSourceMatch.lastImport(of: source, among: indicators, imports: ["other": day(20)]) == nil)
    }
}
