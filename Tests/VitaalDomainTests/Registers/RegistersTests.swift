import Foundation
import Testing

@testable import VitaalDomain

struct RegisterStatusPathTests {
    let path = RegisterDefinitions.fundStatuses

    @Test func theNextStepNeedsNoReason() {
        #expect(path.refusal(from: "in verkenning", to: "in onderzoek", reason: "") == nil)
        #expect(path.refusal(from: "ingediend", to: "toegekend", reason: "") == nil)
        #expect(path.refusal(from: "ingediend", to: "afgewezen", reason: "") == nil)
    }

    @Test func aSkipOrAStepBackNeedsAReasonThatNamesWhatIsSkipped() {
        let skip = path.refusal(from: "in verkenning", to: "ingediend", reason: "  ")
        #expect(
            skip
                == "van ‘in verkenning’ naar ‘ingediend’ slaat ‘in onderzoek’ en ‘aanvraag in voorbereiding’ over; "
                + "geef een reden om een stap over te slaan")
        #expect(path.refusal(from: "in verkenning", to: "ingediend", reason: "call sloot eerder") == nil)
        #expect(
            path.refusal(from: "ingediend", to: "in onderzoek", reason: "")
                == "van ‘ingediend’ terug naar ‘in onderzoek’ is een stap terug; geef een reden")
        #expect(path.refusal(from: "toegekend", to: "afgewezen", reason: "")?.contains("afgeronde uitkomst") == true)
        #expect(path.refusal(from: "toegekend", to: "afgewezen", reason: "besluit herzien") == nil)
    }

    @Test func unknownAndUnchangedStatusesAreRefusedAndAFirstStatusIsFree() {
        #expect(path.refusal(from: "ingediend", to: "ingediend", reason: "x") == "de status is al ‘ingediend’")
        #expect(path.refusal(from: nil, to: "bestaat-niet", reason: "")?.hasPrefix("onbekende status") == true)
        #expect(path.refusal(from: nil, to: "ingediend", reason: "") == nil)
    }
}

struct RegisterInputTests {
    @Test func amountsAreReadAsPeopleTypeThemAndTextIsRefusedAtTheField() {
        let (values, problems) = RegisterInput.read(
            ["regeling": "STOZ", "bedrag-min": "€ 25.000", "bedrag-max": "750000", "aangevraagd": "veel geld"],
            definition: RegisterDefinitions.funds)
        #expect(values["amountMin"] == "25000")
        #expect(values["amountMax"] == "750000")
        #expect(values["amountRequested"] == nil)
        #expect(problems.count == 1)
        #expect(problems.first?.location.field == "aangevraagd")
        #expect(problems.first?.message == "Aangevraagd bedrag in euro: \"veel geld\" is geen geheel getal")
    }

    @Test func requiredFieldsDatesChoicesAndRangesAreChecked() {
        let (_, problems) = RegisterInput.read(
            ["soort": "brief", "titel": "", "datum": "13-11-2024"], definition: RegisterDefinitions.commitments)
        let byField = Dictionary(problems.map { ($0.location.field ?? "", $0.message) }) { a, _ in a }
        #expect(byField["soort"] == "Soort: kies uit toezegging, motie, mededeling")
        #expect(byField["titel"] == "Titel is verplicht")
        #expect(byField["datum"] == "Datum: \"13-11-2024\" is geen datum (jjjj-mm-dd)")
        let (_, missingDate) = RegisterInput.read(
            ["soort": "motie", "titel": "Concretiseer rol provincie"], definition: RegisterDefinitions.commitments)
        #expect(missingDate.map(\.message) == ["Datum is verplicht"])
        let (_, range) = RegisterInput.read(
            ["regeling": "X", "bedrag-min": "500", "bedrag-max": "100"], definition: RegisterDefinitions.funds)
        #expect(range.map(\.location.field) == ["bedrag-max"])
    }
}

struct TermValidityTests {
    func term(_ key: String, _ term: String, _ meaning: String, from: String? = nil, to: String? = nil)
        -> RegisterEntry
    {
        var values: RegisterValues = ["term": term, "meaning": meaning]
        values["validFrom"] = from
        values["validTo"] = to
        return RegisterEntry(key: key, status: nil, values: values)
    }

    @Test func theSameMeaningMayNotBeValidTwiceAtOnceButAnotherMeaningMay() {
        let existing = [
            term("mdt", "MDT", "Maatschappelijke Diensttijd", from: "2024-01-01", to: "2024-12-31"),
            term("mdt-2", "MDT", "Programma van het ministerie maatschappelijke diensttijd")
        ]
        #expect(
            TermValidity.conflicts(
                of: term("nieuw", "mdt", "maatschappelijke diensttijd", from: "2024-06-01"), among: existing)
                == ["mdt"])
        #expect(
            TermValidity.conflicts(
                of: term("nieuw", "MDT", "Maatschappelijke Diensttijd", from: "2025-01-01"), among: existing
            )
            .isEmpty)
        #expect(TermValidity.conflicts(of: term("mdt", "MDT", "Maatschappelijke Diensttijd"), among: existing).isEmpty)
        #expect(TermValidity.conflicts(of: term("x", "MDT", "Iets anders"), among: existing).isEmpty)
    }

    @Test func bijlage3HasThreeAbbreviationsWithTwoMeaningsPlusTheTwoWaysOfWritingBredeWelvaart() {
        let entries = RegisterDemoData.terms.map { RegisterEntry(key: $0.key, status: nil, values: $0.values) }
        #expect(
            entries.filter { $0.values["sourceDocument"]?.hasPrefix(RegisterDemoData.jaarplanTerms) == true }.count
                == 52)
        let doubled = TermValidity.multipleMeanings(
            entries.filter { $0.values["sourceDocument"]?.hasPrefix(RegisterDemoData.jaarplanTerms) == true })
        // The three abbreviations, and "brede welvaart" (the quality of life) beside "Brede Welvaart" (the monitor).
        #expect(doubled.map(\.term) == ["brede welvaart / Brede Welvaart", "MDT", "PG", "UWV"])
        #expect(doubled.map { $0.entries.map(\.key) }[1] == ["mdt", "mdt-2"])
        let bredeWelvaart = doubled.first?.entries.map { $0.values["meaning"] }
        #expect(bredeWelvaart == ["de kwaliteit van leven", "de monitor Brede Welvaart"])
        #expect(entries.contains { $0.values["term"] == "Brede Welvaart" && $0.key == "brede-welvaart-2" })
    }
}

struct FundOverviewTests {
    func fund(
        _ key: String, status: String?, deadline: String? = nil, year: String? = nil, requested: String? = nil,
        granted: String? = nil
    ) -> RegisterEntry {
        var values: RegisterValues = ["name": key]
        values["deadline"] = deadline
        values["year"] = year
        values["amountRequested"] = requested
        values["amountGranted"] = granted
        return RegisterEntry(key: key, status: status, values: values)
    }

    @Test func deadlinesOfTheNext90DaysInDateOrder() throws {
        let today = try #require(PlanDate(2026, 12, 5))
        let entries = [
            fund("later", status: "ingediend", deadline: "2027-03-06"),
            fund("grens", status: "ingediend", deadline: "2027-03-05"),
            fund("vandaag", status: "ingediend", deadline: "2026-12-05"),
            fund("voorbij", status: "ingediend", deadline: "2026-12-04"),
            fund("geen", status: "ingediend")
        ]
        #expect(FundOverview.upcomingDeadlines(entries, today: today).map(\.key) == ["vandaag", "grens"])
    }

    @Test func totalsPerYearAndThePipelineInStatusOrder() {
        let entries = [
            fund("a", status: "ingediend", year: "2025", requested: "100000"),
            fund("b", status: "toegekend", year: "2025", requested: "50000", granted: "40000"),
            fund("c", status: nil, year: "2026", requested: "7"),
            fund("d", status: "in verkenning")
        ]
        let totals = FundOverview.totalsPerYear(entries)
        #expect(totals.map(\.year) == [2025, 2026])
        #expect(totals.first?.requested == 150_000)
        #expect(totals.first?.granted == 40_000)
        #expect(totals.last?.entries == 1)
        let pipeline = FundOverview.pipeline(entries, path: RegisterDefinitions.fundStatuses)
        #expect(pipeline.map(\.status) == RegisterDefinitions.fundStatuses.names + [""])
        #expect(pipeline.first?.entries.map(\.key) == ["d"])
        #expect(pipeline.last?.entries.map(\.key) == ["c"])
    }

    @Test func searchFindsAllWordsOnlyInFieldsTheViewerMaySee() {
        let entry = RegisterEntry(
            key: "x", status: "ingediend",
            values: ["name": "FNO – Samen Kansrijk en Gezond", "owner": "Jansen"])
        let publicFields = RegisterDefinitions.funds.publicFields
        #expect(RegisterFilter(text: "kansrijk gezond").matches(entry, fields: publicFields))
        #expect(!RegisterFilter(text: "jansen").matches(entry, fields: publicFields))
        #expect(RegisterFilter(text: "jansen").matches(entry, fields: RegisterDefinitions.funds.fields))
        #expect(!RegisterFilter(status: "toegekend").matches(entry, fields: publicFields))
    }
}

struct RegisterDemoDataTests {
    @Test func fundsAreBijlage2AsWritten() throws {
        let funds = RegisterDemoData.funds
        #expect(funds.count == 12)
        let stoz = try #require(funds.first { $0.key == "stoz" })
        #expect(stoz.values["amountMax"] == "750000")
        #expect(stoz.values["amountMin"] == "25000")
        #expect(stoz.status == "in onderzoek")
        #expect(stoz.values["size"]?.contains("€ 750.000, met een ondergrens van € 25.000") == true)
        for fund in funds {
            #expect(RegisterInput.read(formFields(fund), definition: RegisterDefinitions.funds).problems.isEmpty)
            #expect(fund.status.map { RegisterDefinitions.fundStatuses.rank(of: $0) != nil } ?? true)
        }
    }

    @Test func commitmentsHaveTheDatesOfThe27November2024Session() {
        let dates = RegisterDemoData.commitments.map { "\($0.values["kind"] ?? "") \($0.values["date"] ?? "")" }
        #expect(
            dates == [
                "toezegging 2024-06-05", "toezegging 2024-07-17", "motie 2024-11-13", "mededeling 2024-07-02",
                "mededeling 2024-07-16", "mededeling 2024-10-22", "mededeling 2024-11-14"
            ])
    }

    func formFields(_ item: RegisterDemoData.Item) -> [String: String] {
        var form: [String: String] = [:]
        for field in item.kind.definition.fields { form[field.formName] = item.values[field.key] }
        return form
    }
}
