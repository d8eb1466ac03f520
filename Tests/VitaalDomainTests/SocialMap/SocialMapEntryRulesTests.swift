import Foundation
import Testing

@testable import VitaalDomain

@Suite("SocialMap field rules, Flevoland, duplicates")
struct SocialMapEntryRulesTests {
    @Test func organisationFieldRules() {
        let good = SocialMap.Organisation(
            id: "o", name: "Buurtkracht", email: "info@buurtkracht.nl", url: "https://buurtkracht.example.nl")
        #expect(good.fieldProblems.isEmpty)
        let bad = SocialMap.Organisation(
            id: "o", name: "  ", description: String(repeating: "x", count: 5001), email: "geen-mail",
            url: "ftp://x.nl", tags: SocialMap.Tags(themes: (0..<31).map { "t\($0)" }))
        #expect(bad.fieldProblems.map(\.field) == ["name", "description", "url", "email", "x_themes"])
        #expect(bad.fieldProblems[0].message == "vul een naam in")
        #expect(bad.fieldProblems[2].message.contains("geen geldig webadres"))
        let long = SocialMap.Organisation(id: "o", name: String(repeating: "n", count: 201))
        #expect(long.fieldProblems.first?.message == "een naam mag hoogstens 200 tekens hebben (nu 201)")
    }

    @Test func registerValidateFieldsNamesTheEntry() {
        let register = SocialMap.Register(
            services: [SocialMap.Service(id: "s", organisationID: "o", name: "", email: "x@")],
            contacts: [SocialMap.ContactPerson(id: "c", role: "")],
            networks: [SocialMap.Network(id: "n", name: "Netwerk", goal: "")])
        do {
            try register.validateFields()
            Issue.record("expected problems")
        } catch {
            #expect(
                error.problems.map { "\($0.location.element ?? "") \($0.location.field ?? "")" } == [
                    "dienst s name", "dienst s email", "contactpersoon c title", "netwerk n goal"
                ])
        }
    }

    @Test func flevolandPostcodesAndPlaces() {
        #expect(SocialMap.Flevoland.municipality(postalCode: "8224 AB") == .lelystad)
        #expect(SocialMap.Flevoland.municipality(postalCode: "1315AB") == .almere)
        #expect(SocialMap.Flevoland.municipality(postalCode: "8256") == .dronten)
        #expect(SocialMap.Flevoland.municipality(postalCode: "8302 BZ") == .noordoostpolder)
        #expect(SocialMap.Flevoland.municipality(postalCode: "8321") == .urk)
        #expect(SocialMap.Flevoland.municipality(postalCode: "3891") == .zeewolde)
        #expect(SocialMap.Flevoland.municipality(postalCode: "1012 AB") == nil, "Amsterdam")
        #expect(SocialMap.Flevoland.municipality(postalCode: "abcd") == nil)
        #expect(SocialMap.Flevoland.municipality(place: " Emmeloord ") == .noordoostpolder)
        #expect(SocialMap.Flevoland.municipality(place: "Biddinghuizen") == .dronten)
        #expect(SocialMap.Flevoland.municipality(place: "Harderwijk") == nil)
    }

    @Test func flevolandOutline() {
        for m in SocialMap.Municipality.all {
            #expect(SocialMap.Flevoland.contains(latitude: m.latitude, longitude: m.longitude), "\(m.name)")
            #expect(SocialMap.Flevoland.nearestMunicipality(latitude: m.latitude, longitude: m.longitude) == m)
        }
        // Places in the province away from the centres.
        for (lat, lon) in [(52.4469, 5.6928), (52.5789, 5.5431), (52.3457, 5.1502), (52.7667, 5.7333)] {
            #expect(SocialMap.Flevoland.contains(latitude: lat, longitude: lon), "\(lat), \(lon)")
        }
        // Harderwijk, Elburg, Kampen, Huizen, Muiden, Lemmer, Enkhuizen, Amsterdam, Utrecht.
        let outside = [
            (52.3497, 5.6200), (52.4478, 5.8339), (52.5550, 5.9110), (52.2997, 5.2420), (52.3300, 5.0700),
            (52.8460, 5.7120), (52.7030, 5.2900), (52.3730, 4.8930), (52.0907, 5.1214)
        ]
        for (lat, lon) in outside {
            #expect(!SocialMap.Flevoland.contains(latitude: lat, longitude: lon), "\(lat), \(lon)")
        }
        #expect(!SocialMap.Flevoland.contains(latitude: .nan, longitude: 5.5))
    }

    @Test func duplicatesBySameNameWebsiteOrEmail() {
        let register = SocialMap.Register(organisations: [
            SocialMap.Organisation(
                id: "welzijn-lelystad", name: "Welzijn Lelystad", url: "https://www.welzijnlelystad.nl/"),
            SocialMap.Organisation(id: "vmca", name: "VMCA", email: "Info@vmca.nl"),
            SocialMap.Organisation(id: "ander", name: "Iets anders")
        ])
        let byName = register.possibleDuplicates(name: "welzijn  lelystad!", url: nil, email: nil)
        #expect(byName.map(\.id) == ["welzijn-lelystad"])
        #expect(byName.first?.reason == "dezelfde naam")
        let bySite = register.possibleDuplicates(name: "WL", url: "http://welzijnlelystad.nl", email: nil)
        #expect(bySite.map(\.reason) == ["dezelfde website"])
        let byMail = register.possibleDuplicates(name: "X", url: nil, email: "info@VMCA.nl")
        #expect(byMail.map(\.id) == ["vmca"])
        #expect(register.possibleDuplicates(name: "VMCA", url: nil, email: nil, excluding: "vmca").isEmpty)
        #expect(register.possibleDuplicates(name: "Nieuw", url: "https://nieuw.nl", email: "a@b.nl").isEmpty)
    }
}
