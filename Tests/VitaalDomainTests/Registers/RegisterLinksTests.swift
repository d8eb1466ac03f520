import Foundation
import Testing

@testable import VitaalDomain

struct TermLinksTests {
    let terms = [
        TermLinks.Term(term: "MDT", target: "/begrippen?term=MDT"),
        TermLinks.Term(term: "WEL", target: "/begrippen/wel"),
        TermLinks.Term(term: "Welvaart", target: "/begrippen/welvaart"),
        TermLinks.Term(term: "Brede Welvaart", target: "/begrippen/brede-welvaart"),
        TermLinks.Term(term: "mantelzorg", target: "/begrippen/mantelzorg")
    ]

    static func links(_ segments: [TermLinks.Segment]) -> [String] {
        segments.compactMap { if case .link(let text, let target) = $0 { "\(text)→\(target)" } else { nil } }
    }

    static func joined(_ segments: [TermLinks.Segment]) -> String {
        segments.map {
            switch $0 {
            case .text(let text): text
            case .link(let text, _): text
            }
        }.joined()
    }

    @Test func linksWholeWordsOnlyTheFirstOccurrenceAndGivesTheTextBack() {
        let text = "Het MDT-traject en MDT's: mantelzorgers en mantelzorg, Mantelzorg, MDT."
        let segments = TermLinks.segments(text, terms: terms)
        // "MDT-traject": the hyphen ends the word; "mantelzorgers" is another word.
        #expect(Self.links(segments) == ["MDT→/begrippen?term=MDT", "mantelzorg→/begrippen/mantelzorg"])
        #expect(Self.joined(segments) == text)
        #expect(segments.first == .text("Het "))
    }

    @Test func anAbbreviationMatchesOnlyAsWrittenOtherTermsInAnyCase() {
        let segments = TermLinks.segments("Dat is wel zo: WEL in Flevoland en MANTELZORG.", terms: terms)
        #expect(Self.links(segments) == ["WEL→/begrippen/wel", "MANTELZORG→/begrippen/mantelzorg"])
        #expect(Self.links(TermLinks.segments("Mdt en mdt", terms: terms)).isEmpty)
        #expect(TermLinks.isAbbreviation("A&O"))
        #expect(TermLinks.isAbbreviation("HCA ZWF"))
        #expect(!TermLinks.isAbbreviation("ZonMw"))
        #expect(!TermLinks.isAbbreviation("Wmo"))
    }

    @Test func aLongerTermWinsOverTheShorterTermInsideIt() {
        let segments = TermLinks.segments("De Brede Welvaart groeit; welvaart alleen zegt weinig.", terms: terms)
        #expect(
            Self.links(segments) == ["Brede Welvaart→/begrippen/brede-welvaart", "welvaart→/begrippen/welvaart"])
    }

    @Test func termsWithTwoMeaningsAreOneGroupAndCaseVariantsOfWordsToo() {
        let entries = [
            RegisterEntry(key: "mdt", status: nil, values: ["term": "MDT", "meaning": "Maatschappelijke diensttijd"]),
            RegisterEntry(key: "mdt-2", status: nil, values: ["term": "MDT", "meaning": "Multidisciplinair team"]),
            RegisterEntry(key: "brede-welvaart", status: nil, values: ["term": "brede welvaart", "meaning": "a"]),
            RegisterEntry(key: "brede-welvaart-2", status: nil, values: ["term": "Brede Welvaart", "meaning": "b"]),
            RegisterEntry(key: "pg", status: nil, values: ["term": "PG", "meaning": "Positieve Gezondheid"])
        ]
        let groups = TermLinks.groups(entries)
        #expect(groups.map(\.term) == ["brede welvaart", "MDT", "PG"])
        #expect(groups.map(\.keys) == [["brede-welvaart", "brede-welvaart-2"], ["mdt", "mdt-2"], ["pg"]])
    }

    @Test func aTermNamingTwoFormsLinksUnderEach() {
        #expect(
            TermLinks.forms(of: "Netwerkaanpak/netwerkstructuur")
                == ["Netwerkaanpak/netwerkstructuur", "Netwerkaanpak", "netwerkstructuur"])
        #expect(TermLinks.forms(of: "Ketenzorg of zorgketen") == ["Ketenzorg of zorgketen", "Ketenzorg", "zorgketen"])
        #expect(
            TermLinks.forms(of: "Geïntegreerde Leefstijl Interventie (GLI)")
                == ["Geïntegreerde Leefstijl Interventie (GLI)", "Geïntegreerde Leefstijl Interventie", "GLI"])
        #expect(TermLinks.forms(of: "Formele en informele zorg") == ["Formele en informele zorg"])
        #expect(TermLinks.forms(of: "A&O") == ["A&O"])
        let terms = TermLinks.forms(of: "Ketenzorg of zorgketen").map { TermLinks.Term(term: $0, target: "/k") }
        let text = "De zorgketen rond dementie; ketenzorg voor diabetes."
        #expect(Self.links(TermLinks.segments(text, terms: terms)) == ["zorgketen→/k", "ketenzorg→/k"])
    }

    @Test func aMeaningMarkedNotToLinkIsLeftOut() {
        // The demo's Welzijn (Regioplan IZA, Woordenlijst) means a state of health, but "zorg en welzijn" in
        // plan texts means the sector: it is marked not to link, and "Sociaal Domein" still links.
        let entries = RegisterDemoData.terms.map { RegisterEntry(key: $0.key, status: nil, values: $0.values) }
        #expect(entries.first { $0.values["term"] == "Welzijn" }?.values["linkInTexts"] == "nee")
        #expect(entries.filter { $0.values["linkInTexts"] == "nee" }.count == 1)
        let groups = TermLinks.groups(entries)
        #expect(!groups.contains { $0.term == "Welzijn" })
        let terms = groups.map { TermLinks.Term(term: $0.term, target: "/begrippen/\($0.keys[0])") }
        let text = "Een toekomstbestendige arbeidsmarkt in zorg en welzijn, samen met het sociaal domein."
        #expect(Self.links(TermLinks.segments(text, terms: terms)) == ["sociaal domein→/begrippen/sociaal-domein"])
        // Without the mark the word would link.
        let unmarked = entries.map { entry in
            var copy = entry
            copy.values["linkInTexts"] = nil
            return copy
        }
        #expect(TermLinks.groups(unmarked).contains { $0.term == "Welzijn" })
    }
}

struct SignalSummaryTests {
    static func signal(_ key: String, _ theme: String, _ region: String) -> RegisterEntry {
        RegisterEntry(key: key, status: "nieuw", values: ["theme": theme, "region": region])
    }

    let regions = [(code: "PV24", name: "Flevoland"), (code: "GM0034", name: "Almere"), (code: "GM0184", name: "Urk")]

    @Test func smallCountsAreHiddenSoThatTheTotalCannotRevealThem() {
        // 12 signals: eenzaamheid 9, jeugd en gezin 3; Almere 10, Urk 2, Flevoland 0.
        let entries =
            (1...9).map { Self.signal("e\($0)", "eenzaamheid", "GM0034") }
            + [Self.signal("j1", "jeugd en gezin", "GM0034"), Self.signal("j2", "jeugd en gezin", "GM0184")]
            + [Self.signal("j3", "jeugd en gezin", "GM0184")]
        let table = SignalSummary.table(entries, themes: ["eenzaamheid", "jeugd en gezin"], regions: regions)
        #expect(table.total.text == "12")
        #expect(table.themes.map(\.text) == ["afgeschermd", "<5"])
        #expect(table.themes[0].count == nil)
        #expect(table.regions.map(\.label) == ["Flevoland", "Almere", "Urk"])
        // Flevoland (0) and Urk (2) are below 5; two hidden cells in one sum: Almere may show.
        #expect(table.regions.map(\.text) == ["<5", "10", "<5"])
        #expect(table.regions[1].count == 10)
    }

    @Test func largeCountsAreShownAndUnknownRegionsAndThemesAreCountedApart() {
        let entries =
            (1...6).map { Self.signal("a\($0)", "eenzaamheid", "GM0034") }
            + (1...5).map { Self.signal("b\($0)", "armoede", "GM9999") }
        let table = SignalSummary.table(entries, themes: ["eenzaamheid"], regions: regions)
        #expect(table.themes.map(\.code) == ["eenzaamheid", "armoede"])
        #expect(table.themes.map(\.text) == ["6", "5"])
        #expect(table.regions.map(\.code) == ["PV24", "GM0034", "GM0184", "GM9999"])
        // Flevoland and Urk have 0 (primary): neither can be worked out alone from 11 − 6 − 5.
        #expect(table.regions.map(\.text) == ["<5", "6", "<5", "5"])
    }
}

struct DataSourceMatchTests {
    let source = RegisterEntry(key: "cbs-85012ned", status: nil, values: ["tableId": "85012NED"])
    let indicators = [
        DataSourceMatch.Indicator(code: "gm_rokers", source: "CBS StatLine tabel 85012NED (Gezondheidsmonitor)"),
        DataSourceMatch.Indicator(code: "gm_other", source: "cbs 85012ned"),
        DataSourceMatch.Indicator(code: "gm_longer", source: "tabel 85012NEDX"),
        DataSourceMatch.Indicator(code: "az_instroom", source: "AZW-monitor (voorbeeldwaarden)")
    ]

    @Test func anIndicatorUsesASourceWhoseTableItNamesAsAWholeWordOrThatListsIt() {
        #expect(DataSourceMatch.indicators(of: source, among: indicators) == ["gm_other", "gm_rokers"])
        var listed = source
        listed.values["indicators"] = "az_instroom, GM_LONGER"
        #expect(
            DataSourceMatch.indicators(of: listed, among: indicators) == [
                "az_instroom", "gm_longer", "gm_other", "gm_rokers"
            ])
        let withoutTable = RegisterEntry(key: "x", status: nil, values: ["dataset": "Wegen"])
        #expect(DataSourceMatch.indicators(of: withoutTable, among: indicators).isEmpty)
        #expect(
            DataSourceMatch.sources(of: indicators[0], among: [withoutTable, source]).map(\.key) == ["cbs-85012ned"])
    }
}

struct CommitmentSelectionTests {
    static func item(_ key: String, date: String, status: String?, links: String? = nil) -> RegisterEntry {
        var values: RegisterValues = ["date": date, "title": key]
        values["links"] = links
        return RegisterEntry(key: key, status: status, values: values)
    }

    @Test func linkedOpenItemsFirstElseAllOpenOnesOldestFirst() {
        let entries = [
            Self.item("b", date: "2024-11-13", status: nil),
            Self.item("a", date: "2024-06-05", status: "open", links: "jaarplan-2025-flever, rapportage"),
            Self.item("c", date: "2024-07-02", status: "afgedaan", links: "jaarplan-2025-flever")
        ]
        let linked = CommitmentSelection.forPlan("jaarplan-2025-flever", among: entries)
        #expect(linked.linked)
        #expect(linked.entries.map(\.key) == ["a"])
        let unlinked = CommitmentSelection.forPlan("regioplan-iza", among: entries)
        #expect(!unlinked.linked)
        #expect(unlinked.entries.map(\.key) == ["a", "b"])
    }
}
