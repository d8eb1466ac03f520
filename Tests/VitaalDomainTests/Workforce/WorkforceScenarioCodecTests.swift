import Testing

@testable import VitaalDomain

@Suite("Workforce scenario file")
struct WorkforceScenarioCodecTests {
    let text = WorkforceScenarioCodec.encode(WorkforceFixtures.handExample())

    /// Replaces the first occurrence of `old` and decodes, expecting an error at `path` on the line of `old`.
    func expectProblem(
        replacing old: String, with new: String, path: String, messageContains: String,
        sourceText: String? = nil, lineOffset: Int = 0
    ) throws {
        let source = sourceText ?? text
        let expectedLine = try #require(WorkforceFixtures.line(of: old, in: source)) + lineOffset
        let bad = source.replacingOccurrences(of: old, with: new, options: [], range: source.range(of: old))
        do {
            _ = try WorkforceScenarioCodec.decode(bad, file: "scenario.json")
            Issue.record("expected an error for \(path)")
        } catch let error as VitaalError {
            #expect(error.kind == .invalidInput)
            let match = error.problems.first { $0.location.element == path }
            #expect(match != nil, "no problem at \(path): \(error)")
            #expect(match?.location.line == expectedLine)
            #expect(match?.location.file == "scenario.json")
            #expect(match?.message.contains(messageContains) == true, "\(String(describing: match?.message))")
            #expect(error.description.contains("regel \(expectedLine)"))
        }
    }

    @Test func roundTrip() throws {
        let s = WorkforceScenario.flevolandBase
        let encoded = WorkforceScenarioCodec.encode(s)
        let decoded = try WorkforceScenarioCodec.decode(encoded)
        #expect(decoded == s)
        #expect(WorkforceScenarioCodec.encode(decoded) == encoded)
        // Sorted keys: "ageBands" comes before "baseYear" before "description".
        let a = encoded.range(of: "\"ageBands\"")!.lowerBound
        let b = encoded.range(of: "\"baseYear\"")!.lowerBound
        #expect(a < b)
        #expect(try WorkforceScenarioCodec.decode(text) == WorkforceFixtures.handExample())
    }

    @Test func populationPathHasOneRowPerYearAndBand() throws {
        var s = WorkforceFixtures.handExample()
        s.regions[0].populationByYear = [[1000], [1010], [1020], [1030]]
        let source = WorkforceScenarioCodec.encode(s)
        try expectProblem(
            replacing: "[1010]", with: "[1010, 5]", path: "$.regions[0].populationByYear[1]",
            messageContains: "moet 1 waarde(n) bevatten, maar bevat er 2", sourceText: source)
        try expectProblem(
            replacing: "[1020]", with: "[-3]", path: "$.regions[0].populationByYear[2][0]",
            messageContains: "mag niet negatief zijn", sourceText: source)
        let rows = (0..<102).map { _ in "[1]" }.joined(separator: ", ")
        try expectProblem(
            replacing: "\"populationByYear\": [", with: "\"populationByYear\": [\(rows), ",
            path: "$.regions[0].populationByYear",
            messageContains: "hoogstens 101 jaren (basisjaar + 100), maar bevat er 106", sourceText: source)
    }

    @Test func unknownKey() throws {
        try expectProblem(
            replacing: "\"baseYear\": 2020,", with: "\"baseYear\": 2020,\n  \"baseYaer\": 2021,", path: "$.baseYaer",
            messageContains: "onbekend veld", lineOffset: 1)
    }

    @Test func unknownKeyInsideSector() throws {
        try expectProblem(
            replacing: "\"outflowFactor\": 1,", with: "\"outflowFactor\": 1, \"kleur\": \"rood\",",
            path: "$.sectors[0].kleur",
            messageContains: "onbekend veld")
    }

    @Test func wrongType() throws {
        try expectProblem(
            replacing: "\"baseYear\": 2020", with: "\"baseYear\": \"2020\"", path: "$.baseYear",
            messageContains: "geheel getal")
        try expectProblem(
            replacing: "\"graduates\": 100", with: "\"graduates\": [100]", path: "$.levels[0].graduates",
            messageContains: "een getal of een object")
    }

    @Test func rateOutsideZeroOne() throws {
        try expectProblem(
            replacing: "\"vacancyRate\": 0.05", with: "\"vacancyRate\": 1.5", path: "$.sectors[0].vacancyRate",
            messageContains: "tussen 0 en 1")
        try expectProblem(
            replacing: "\"outflowRate\": 0.1", with: "\"outflowRate\": -0.1", path: "$.ageBands[0].outflowRate",
            messageContains: "tussen 0 en 1")
    }

    @Test func negativeStock() throws {
        try expectProblem(
            replacing: "\"persons\": 1000", with: "\"persons\": -5", path: "$.stock[0].persons",
            messageContains: "niet negatief")
    }

    @Test func horizonBeforeBaseYear() throws {
        try expectProblem(
            replacing: "\"horizon\": 2023", with: "\"horizon\": 2010", path: "$.horizon",
            messageContains: "vóór het basisjaar")
    }

    @Test func emptySectorList() throws {
        var s = WorkforceFixtures.handExample()
        s.sectors = []
        s.stock = []
        let source = WorkforceScenarioCodec.encode(s)
        let line = try #require(WorkforceFixtures.line(of: "\"sectors\": []", in: source))
        do {
            _ = try WorkforceScenarioCodec.decode(source)
            Issue.record("expected an error")
        } catch let error as VitaalError {
            let p = error.problems.first { $0.location.element == "$.sectors" }
            #expect(p?.location.line == line)
            #expect(p?.message.contains("niet leeg") == true)
        }
    }

    @Test func rangeLowAboveHigh() throws {
        try expectProblem(
            replacing: "\"vacancyRate\": 0.05", with: "\"vacancyRate\": {\"value\": 0.05, \"range\": [0.1, 0.02]}",
            path: "$.sectors[0].vacancyRate.range", messageContains: "groter dan bovengrens")
    }

    @Test func valueOutsideItsRangeAndLeverBounds() throws {
        try expectProblem(
            replacing: "\"vacancyRate\": 0.05", with: "\"vacancyRate\": {\"value\": 0.5, \"range\": [0.01, 0.1]}",
            path: "$.sectors[0].vacancyRate.range", messageContains: "buiten de bandbreedte")
        try expectProblem(
            replacing: "\"productivity\": 0", with: "\"productivity\": 0.2", path: "$.levers.productivity",
            messageContains: "tussen 0 en 0.05")
    }

    @Test func sharesAndReferences() throws {
        try expectProblem(
            replacing: "\"ageShares\": [0.6, 0.4]", with: "\"ageShares\": [0.6, 0.5]", path: "$.sectors[0].ageShares",
            messageContains: "samen 1")
        try expectProblem(
            replacing: "\"region\": \"r\"", with: "\"region\": \"elders\"", path: "$.stock[0].region",
            messageContains: "onbekende regio")
        try expectProblem(
            replacing: "\"ageShares\": [0.6, 0.4]", with: "\"ageShares\": [1]", path: "$.sectors[0].ageShares",
            messageContains: "2 waarde(n)")
    }

    @Test func collectsSeveralProblemsAtOnce() throws {
        let bad = text.replacingOccurrences(of: "\"vacancyRate\": 0.05", with: "\"vacancyRate\": 2")
            .replacingOccurrences(of: "\"persons\": 1000", with: "\"persons\": -1")
        do {
            _ = try WorkforceScenarioCodec.decode(bad)
            Issue.record("expected an error")
        } catch let error as VitaalError {
            #expect(error.problems.count == 2)
            #expect(error.message.contains("2 fout(en)"))
        }
    }

    @Test func syntaxErrorNamesLine() throws {
        let bad = "{\n  \"id\": \"x\",\n  \"name\": \"y\"\n  \"baseYear\": 2020\n}"
        do {
            _ = try WorkforceScenarioCodec.decode(bad)
            Issue.record("expected an error")
        } catch let error as VitaalError {
            #expect(error.problems.first?.location.line == 4)
        }
        do {
            _ = try JSONParser.parse("{\"a\": 1, \"a\": 2}")
            Issue.record("expected an error")
        } catch {
            #expect(error.message.contains("twee keer"))
        }
    }

    @Test func scannerRecordsPositions() throws {
        let json = try JSONParser.parse("{\n  \"a\": [1,\n    \"x\\u00e9\"],\n  \"b\": {\"c\": true}\n}")
        guard case .object(let m) = json.value, case .array(let items) = m[0].value.value else {
            Issue.record("bad shape")
            return
        }
        #expect(m[0].keyPosition?.line == 2 && m[0].keyPosition?.column == 3)
        #expect(items[1].position?.line == 3 && items[1].value == .string("xé"))
        #expect(m[1].key == "b" && m[1].keyPosition?.line == 4)
    }
}
