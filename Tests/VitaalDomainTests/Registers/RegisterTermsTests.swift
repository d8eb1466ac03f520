import Foundation
import Testing

@testable import VitaalDomain

/// The demo's Begrippen against what the documents state: Flever, Jaarplan 2025, Bijlage 3; CMO
/// Flevoland, Bijlage – afkortingen; Regioplan IZA Flevoland, Woordenlijst.
struct RegisterTermsTests {
    let items = RegisterDemoData.terms
    var entries: [RegisterEntry] { items.map { RegisterEntry(key: $0.key, status: nil, values: $0.values) } }

    func entry(_ key: String) throws -> RegisterValues {
        try #require(items.first { $0.key == key }).values
    }

    func naming(_ document: String) -> [RegisterDemoData.Item] {
        items.filter { $0.values["sourceDocument"]?.contains(document) == true }
    }

    @Test func everyLineOfEachListIsAnEntryOrJoinsOne() {
        #expect(RegisterDemoData.definitionList.count == 52)
        #expect(RegisterDemoData.cmoAbbreviationList.count == 16)
        #expect(RegisterDemoData.regioplanGlossaryList.count == 44)
        #expect(naming(RegisterDemoData.jaarplanTerms).count == 52)
        #expect(naming(RegisterDemoData.cmoAbbreviations).count == 16)
        #expect(naming(RegisterDemoData.regioplanGlossary).count == 44)
        // CBS, HCA, HCA ZWF, Ministerie van VWS, UWV and WMO of the CMO list and GALA and IZA of the
        // Woordenlijst are already in Bijlage 3 with the same meaning.
        #expect(items.count == 52 + 16 + 44 - 8)
        #expect(Set(items.map(\.key)).count == items.count)
    }

    @Test func definitionsAsWritten() throws {
        #expect(try entry("gala")["meaning"] == "Gezond en Actief Leven Akkoord")
        #expect(
            try entry("gala")["sourceDocument"]
                == "Flever, Jaarplan 2025, Bijlage 3: Definitielijst; Regioplan IZA Flevoland, Woordenlijst")
        #expect(try entry("nulde-lijn")["meaning"] == "Hieronder valt zelfhulp en mantelzorg")
        #expect(try entry("asf")["meaning"] == "Algemeen Sociaal Fonds")
        #expect(try entry("o-s")["meaning"] == "Onderzoek & Statistiek")
        #expect(
            try entry("cmo-flevoland")["sourceDocument"]
                == "CMO Flevoland, Meerjarenplan 2021–2024 en Jaarplan 2021, Bijlage – afkortingen")
        #expect(
            try entry("health-in-all-policies")["meaning"]?.contains("door een domeinoverstijgende samenwerking")
                == true)
    }

    @Test func definitionsThatThePDFsColumnsCutInTwoAreWhole() throws {
        #expect(
            try entry("multidisciplinair-team")["meaning"]
                == "Een groep mensen die allen gespecialiseerd zijn in een ander vakgebied en samenwerken, waarbij "
                + "kennis van verschillende vakgebieden vereist is.")
        #expect(
            try entry("taakdelegatie")["meaning"]
                == "De uitvoering van een taak wordt overgedragen aan een andere professional. Degene die delegeert "
                + "houdt zelf de eindverantwoordelijkheid.")
        #expect(
            try entry("sociale-innovatie")["meaning"]
                == "Verzamelnaam voor hedendaagse initiatieven van mensen en organisaties gericht op innovatieve "
                + "oplossingen voor maatschappelijke vraagstukken.")
        let preventie = try #require(try entry("preventie")["meaning"])
        #expect(preventie.hasPrefix("Het proactieve proces waarbij maatregelen worden genomen en acties worden"))
        #expect(preventie.hasSuffix("gemeenschappen en de samenleving als geheel."))
        let welzijn = try #require(try entry("welzijn")["meaning"])
        #expect(welzijn.contains("gezondheid van een individu of een gemeenschap. Het omvat verschillende dimensies"))
        // No tail is left behind as a meaning of its own or inside another term's meaning.
        for item in items where !["taakdelegatie", "sociale-innovatie"].contains(item.key) {
            #expect(item.values["meaning"]?.contains("eindverantwoordelijkheid") != true, "\(item.key)")
            #expect(item.values["meaning"]?.contains("maatschappelijke vraagstukken") != true, "\(item.key)")
        }
    }

    @Test func theFootnoteLinkIsKeptOnceAndNoLayoutSpacesRemain() {
        let meanings = items.compactMap { $0.values["meaning"] }
        #expect(meanings.filter { $0.contains("https://") }.count == 1)
        #expect(
            meanings.first { $0.contains("https://") }?.hasSuffix(
                "https://www.mee.nl/clientondersteuning/wat-is-clientondersteuning") == true)
        for item in items {
            for value in item.values.values {
                #expect(!value.contains("  "), "\(item.key): a doubled space")
                #expect(value.trimmingCharacters(in: .whitespaces) == value, "\(item.key)")
            }
        }
    }

    @Test func theSameMeaningInTwoDocumentsIsOneEntryThatNamesBoth() throws {
        // Written the same: only the document is added.
        #expect(
            try entry("cbs")["sourceDocument"]
                == "Flever, Jaarplan 2025, Bijlage 3: Definitielijst; CMO Flevoland, Meerjarenplan 2021–2024 en "
                + "Jaarplan 2021, Bijlage – afkortingen")
        #expect(try entry("uwv")["sourceDocument"]?.contains("Bijlage – afkortingen") == true)
        #expect(try entry("uwv-2")["sourceDocument"] == RegisterDemoData.jaarplanTerms)
        // Written differently: the other document's wording is kept beside it.
        let wmo = try entry("wmo")
        #expect(wmo["term"] == "Wmo")
        #expect(wmo["meaning"] == "Wet maatschappelijke ondersteuning")
        #expect(
            wmo["sourceDocument"]?.hasSuffix("Bijlage – afkortingen (daar: „WMO – Wet Maatschappelijke Ondersteuning”)")
                == true)
        #expect(
            try entry("iza")["sourceDocument"]?.hasSuffix("Woordenlijst (daar: „IZA – Integraal Zorg Akkoord.”)")
                == true)
        #expect(
            try entry("hca-zwf")["sourceDocument"]?.hasSuffix(
                "(daar: „HCA ZWF – Human Capital Agenda Zorg en Welzijn Flevoland”)") == true)
        // Every named variant is used, for an entry with the same term.
        for variant in RegisterDemoData.sameMeaningWrittenDifferently {
            let values = try entry(variant.key)
            #expect(values["term"] == variant.term)
            #expect(values["sourceDocument"]?.contains("; \(variant.document) (daar: „\(variant.term) – ") == true)
        }
        // Another term with the same meaning stays its own entry.
        #expect(try entry("ministerie-van-szw")["meaning"] == "Ministerie van Sociale Zaken en Werkgelegenheid")
        #expect(try entry("ministeries-van-szw")["meaning"] == "Ministerie van Sociale Zaken en Werkgelegenheid")
    }

    @Test func anotherMeaningIsAnotherEntryAndNoMeaningIsValidTwice() throws {
        let zonmw = try entry("zonmw-2")
        #expect(zonmw["term"] == "ZONMW")
        #expect(zonmw["meaning"] == "Organisatie gezondheidsonderzoek en zorginnovatie")
        #expect(try entry("zonmw")["term"] == "ZonMw")
        // `?term=ZonMw` (case ignored) lists both meanings.
        let filter = RegisterFilter(exact: ["term": "ZonMw"])
        #expect(
            entries.filter { filter.matches($0, fields: RegisterDefinitions.terms.fields) }.map(\.key)
                == ["zonmw", "zonmw-2"])
        // Side by side: Bijlage 3's three abbreviations and two spellings of brede welvaart, and ZonMw beside
        // the CMO list's ZONMW.
        let sideBySide = TermValidity.multipleMeanings(entries)
        #expect(sideBySide.map(\.term) == ["brede welvaart / Brede Welvaart", "MDT", "PG", "UWV", "ZonMw / ZONMW"])
        #expect(sideBySide.last?.entries.map(\.key) == ["zonmw", "zonmw-2"])
        // A text that names ZONMW links to the page with both meanings.
        let zonmwGroup = TermLinks.groups(entries).first { $0.keys.contains("zonmw-2") }
        #expect(zonmwGroup?.term == "ZonMw")
        #expect(zonmwGroup?.keys == ["zonmw", "zonmw-2"])
        for entry in entries {
            #expect(TermValidity.conflicts(of: entry, among: entries).isEmpty, "\(entry.key)")
        }
    }

    @Test func everyEntryPassesTheFormsRules() {
        for item in items {
            var form: [String: String] = [:]
            for field in RegisterDefinitions.terms.fields { form[field.formName] = item.values[field.key] }
            let read = RegisterInput.read(form, definition: RegisterDefinitions.terms)
            #expect(read.problems.isEmpty, "\(item.key)")
        }
    }
}
