import Foundation
import Testing

@testable import VitaalDomain

/// The references' other direction (#18): which funds and signals name a goal, a network or an indicator.
struct RegisterReferrersTests {
    static let plan = "flever-jaarplan-2025"

    static func fund(_ key: String, _ name: String, goals: String?, deadline: String? = nil, text: String? = nil)
        -> (kind: RegisterKind, entry: RegisterEntry)
    {
        var values: RegisterValues = ["name": name]
        values["planGoals"] = goals
        values["deadline"] = deadline
        values["deadlineText"] = text
        return (.funds, RegisterEntry(key: key, status: "in verkenning", values: values))
    }

    static func signal(_ key: String, _ title: String, date: String, goals: String? = nil, networks: String? = nil)
        -> (kind: RegisterKind, entry: RegisterEntry)
    {
        var values: RegisterValues = ["signal": title, "date": date]
        values["planGoals"] = goals
        values["networks"] = networks
        return (.signals, RegisterEntry(key: key, status: "nieuw", values: values))
    }

    static let entries = [
        signal("s-old", "Ouder signaal", date: "2025-03-01", goals: "\(plan)/VVI.A8"),
        fund("zon", "Zonnefonds", goals: "\(plan)/VVI.A8, \(plan)/PG.A1", text: "2 calls per jaar"),
        signal("s-new", "Nieuw signaal", date: "2025-10-01", goals: "\(plan)/PG.A1", networks: "netwerk-onderwijs"),
        fund("appel", "Appelfonds", goals: "\(plan)/A&O.A2", deadline: "2026-01-15"),
        fund("ander", "Ander fonds", goals: "\(plan)/VVI.A80"),
        // Only funds and signals are listed: a term with such a value is not.
        (
            .terms,
            RegisterEntry(key: "t", status: nil, values: ["term": "\(plan)/VVI.A8", "planGoals": "\(plan)/VVI.A8"])
        )
    ]

    @Test func findsTheEntriesNamingAGoalFundsFirstThenSignalsNewestFirst() {
        let found = RegisterReferrers.referrers(
            to: ["\(Self.plan)/VVI.A8", "\(Self.plan)/PG.A1"], kind: .planGoals, among: Self.entries)
        #expect(found.map(\.entry.key) == ["zon", "s-new", "s-old"])
        #expect(found[0].references == ["\(Self.plan)/VVI.A8", "\(Self.plan)/PG.A1"], "both, in the order asked")
        #expect(found[1].references == ["\(Self.plan)/PG.A1"])
        #expect(found.map(\.isPublic) == [true, false, false], "a fund's goals are public, signals internal")
        #expect(found[0].title == "Zonnefonds")
        #expect(found[0].date == nil)
        #expect(found[0].dateText == "2 calls per jaar")
        #expect(found[1].date == "2025-10-01")
        #expect(found[1].dateText == nil)
    }

    @Test func matchesWholeReferencesWithCaseIgnored() {
        let found = RegisterReferrers.referrers(to: ["\(Self.plan)/vvi.a8"], kind: .planGoals, among: Self.entries)
        #expect(found.map(\.entry.key) == ["zon", "s-old"], "not VVI.A80, not the term")
        #expect(found[0].references == ["\(Self.plan)/vvi.a8"])
        let appel = RegisterReferrers.referrers(to: ["\(Self.plan)/A&O.A2"], kind: .planGoals, among: Self.entries)
        #expect(appel.map(\.entry.key) == ["appel"])
        #expect(appel[0].date == "2026-01-15")
        #expect(RegisterReferrers.referrers(to: [], kind: .planGoals, among: Self.entries).isEmpty)
    }

    @Test func networksAndIndicatorsAreNamedOnlyBySignals() {
        #expect(RegisterReferrers.registers(referringTo: .planGoals) == [.funds, .signals])
        #expect(RegisterReferrers.registers(referringTo: .networks) == [.signals])
        #expect(RegisterReferrers.registers(referringTo: .indicators) == [.signals], "a source's are its 'Bron'")
        let found = RegisterReferrers.referrers(to: ["netwerk-onderwijs"], kind: .networks, among: Self.entries)
        #expect(found.map(\.entry.key) == ["s-new"])
        #expect(RegisterReferrers.referrers(to: ["netwerk-onderwijs"], kind: .planGoals, among: Self.entries).isEmpty)
    }

    @Test func countsInDutch() {
        #expect(
            RegisterReferrers.sentence([.funds, .signals, .funds], to: "dit doel")
                == "2 fondsen en 1 signaal verwijzen naar dit doel")
        #expect(RegisterReferrers.sentence([.funds], to: "dit doel") == "1 fonds verwijst naar dit doel")
        #expect(
            RegisterReferrers.sentence([.signals, .signals], to: "dit netwerk")
                == "2 signalen verwijzen naar dit netwerk")
    }
}
