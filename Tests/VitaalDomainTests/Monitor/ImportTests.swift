import Foundation
import Testing

@testable import VitaalDomain

let pct = IndicatorDefinition(
    code: "ervgez", name: "Ervaren gezondheid", unit: "%", decimals: 1, polarity: .higherIsBetter,
    source: "test", validRange: .percentage)
let cnt = IndicatorDefinition(
    code: "wor", name: "Welzijn op Recept", unit: "aantal", polarity: .higherIsBetter,
    source: "test", isCount: true, validRange: .nonNegative)
let testCatalog = StaticImportCatalog(indicators: [pct, cnt], regions: ["NL01", "PV24", "GM0034", "GM0995"])

func runImport(
    _ text: String, file: String = "data.csv", options: ImportOptions = ImportOptions(),
    catalog: any ImportCatalog = testCatalog
) throws -> (ImportSummary, [ImportRow]) {
    var rows: [ImportRow] = []
    let summary = try ImportPipeline.run(
        data: Data(text.utf8), fileName: file, catalog: catalog, options: options,
        sink: { rows += $0.rows })
    return (summary, rows)
}

/// The problems of a failing import (empty if it succeeded).
func importProblems(_ text: String, options: ImportOptions = ImportOptions(), catalog: any ImportCatalog = testCatalog)
    -> [Problem]
{
    do {
        _ = try runImport(text, options: options, catalog: catalog)
        return []
    } catch let e as VitaalError { return e.problems } catch { return [] }
}

@Suite("Monitor – import")
struct MonitorImportTests {
    @Test func longFormatDutchHeaderDecimalCommaAndThousands() throws {
        let text =
            "Indicator;Regio;Periode;Waarde;Status;Opmerking\n"
            + "ervgez;GM0034;2024;71,5;voorlopig;\n"
            + "wor;PV24;2023;1.234;;telling\n"
            + "wor;GM0034;2024KW03;3;;\n"
            + "ervgez;NL01;2024-05;1.234,5e;;\n"
        #expect(
            importProblems(text).first?.location
                == SourceLocation(file: "data.csv", line: 5, column: 4, field: "Waarde"))
        let (summary, rows) = try runImport(String(text.dropLast("ervgez;NL01;2024-05;1.234,5e;;\n".count)))
        #expect(rows.map(\.observation.value) == [71.5, 1234, 3])
        #expect(rows.map(\.observation.status) == [.voorlopig, .definitief, .definitief])
        #expect(rows[1].observation.note == "telling")
        #expect(rows[2].observation.period == Period.quarter(2024, 3))
        #expect(rows.map(\.line) == [2, 3, 4])
        #expect(summary.separator == .semicolon && summary.decimalMark == .comma)
        #expect(
            summary.records == 3 && summary.values == 3 && summary.indicatorCodes == ["ervgez", "wor"]
                && summary.regionCount == 2)
        #expect(summary.firstPeriod == .year(2023) && summary.lastPeriod == Period.quarter(2024, 3))
    }

    @Test func commaFileWithPointDecimalsAndQuotedThousands() throws {
        let (_, rows) = try runImport(
            "indicator,region,period,value\nervgez,GM0034,2024,71.5\nwor,GM0034,2024,\"1,234\"\n")
        #expect(rows.map(\.observation.value) == [71.5, 1234])
    }

    @Test func decimalCommaInCommaFileIsAConflict() {
        let p = importProblems("indicator,region,period,value\nervgez,GM0034,2024,\"71,5\"\n")
        #expect(p.first?.location.line == 2 && p.first?.location.column == 4)
        #expect(p.first?.message.contains("komma is het scheidingsteken") == true)
    }

    @Test func mixedDecimalMarksNameBothLines() {
        let p = importProblems("indicator;regio;periode;waarde\nervgez;GM0034;2023;71,5\nervgez;GM0034;2024;72.5\n")
        #expect(p.count == 1)
        #expect(p[0].location == SourceLocation(file: "data.csv", line: 3, column: 4, field: "waarde"))
        #expect(p[0].message.contains("regel 2"))
    }

    @Test func ambiguousValueContradictedLaterIsReportedAtItsOwnLine() throws {
        // "1.234" is read as 1234 (Dutch assumption); line 3 proves a decimal point → report line 2.
        let p = importProblems("indicator;regio;periode;waarde\nwor;GM0034;2023;1.234\nervgez;GM0034;2024;72.5\n")
        #expect(p.first?.location.line == 2 && p.first?.location.column == 4)
        #expect(p.first?.message.contains("dubbelzinnig") == true)
        // Consistent with a later decimal comma: fine.
        let (_, rows) = try runImport(
            "indicator;regio;periode;waarde\nwor;GM0034;2023;1.234\nervgez;GM0034;2024;72,5\n")
        #expect(rows.map(\.observation.value) == [1234, 72.5])
        // A leading zero is never a thousands group: "0.123" proves a decimal point.
        let (_, rows2) = try runImport(
            "indicator;regio;periode;waarde\nervgez;GM0034;2023;0.125\n", options: ImportOptions())
        #expect(rows2.first?.observation.value == 0.125)
    }

    @Test func missingValues() throws {
        let (summary, rows) = try runImport(
            "indicator;regio;periode;waarde;reden\nervgez;GM0034;2023;.;\nervgez;GM0034;2024;;geheim\nervgez;GM0995;2024;x;\n"
        )
        #expect(rows.map(\.observation.value) == [nil, nil, nil])
        #expect(rows.map(\.observation.missingReason) == [.notAvailable, .confidential, .confidential])
        #expect(summary.missing == 3)
        let p = importProblems("indicator;regio;periode;waarde\nervgez;GM0034;2023;\n")
        #expect(p.first?.location.line == 2 && p.first?.location.column == 4)
        #expect(p.first?.message.contains("waarde ontbreekt") == true)
    }

    @Test func everyBadRowNamesLineColumnAndReason() {
        let text =
            "indicator;regio;periode;waarde\n"
            + "onbekend;GM0034;2024;1\n"  // 2 unknown indicator
            + "ervgez;GM9999;2024;1\n"  // 3 unknown region
            + "ervgez;GM0034;2024Q5;1\n"  // 4 invalid period
            + "ervgez;GM0034;2024;veel\n"  // 5 non-numeric
            + "ervgez;GM0034;2023;101\n"  // 6 out of range
            + "ervgez;GM0034;2022;1;extra\n"  // 7 ragged
            + "ervgez;GM0995;2024;50\n"  // 8 ok
            + "ervgez;GM0995;2024;51\n"  // 9 duplicate of 8
        let p = importProblems(text)
        #expect(p.count == 7)
        let expected: [(Int, Int?, String)] = [
            (2, 1, "onbekende indicator \"onbekend\""), (3, 2, "onbekende regio \"GM9999\""),
            (4, 3, "ongeldige periode \"2024Q5\""),
            (5, 4, "\"veel\" is geen getal"), (6, 4, "buiten het toegestane bereik 0,0 – 100,0"),
            (7, nil, "regel heeft 5 velden, de kopregel 4"),
            (9, 1, "staat ook op regel 8")
        ]
        for (problem, (line, column, text)) in zip(p, expected) {
            #expect(problem.location.file == "data.csv")
            #expect(problem.location.line == line)
            #expect(problem.location.column == column)
            #expect(problem.message.contains(text), "\(problem.message)")
        }
    }

    @Test func nothingIsEmittedAfterTheFirstProblem() throws {
        var lines = ["indicator;regio;periode;waarde", "ervgez;GM0034;2024;x1"]
        for y in 1900..<1990 { lines.append("ervgez;GM0034;\(y);1") }
        var emitted = 0
        #expect(throws: VitaalError.self) {
            _ = try ImportPipeline.run(
                data: Data(lines.joined(separator: "\n").utf8), fileName: "a.csv", catalog: testCatalog,
                options: ImportOptions(batchSize: 10), sink: { emitted += $0.rows.count })
        }
        #expect(emitted == 0)
    }

    @Test func headerProblems() {
        func err(_ text: String) -> VitaalError? {
            do { _ = try runImport(text) } catch let e as VitaalError { return e } catch {}
            return nil
        }
        #expect(err("")?.message.contains("leeg (0 bytes)") == true)
        let one = err("indicator|regio|periode|waarde\nx|y|2024|1\n")
        #expect(one?.problems.first?.location == SourceLocation(file: "data.csv", line: 1))
        #expect(one?.message.contains("maar één kolom") == true)
        let noHeader = err("ervgez;GM0034;2024;71,5\n")
        #expect(noHeader?.problems.count == 5)
        #expect(noHeader?.problems.last?.message.contains("lijkt gegevens te bevatten") == true)
        let missingValue = err("indicator;regio;periode\nervgez;GM0034;2024\n")
        #expect(
            missingValue?.problems.map(\.message) == [
                "kolom \"waarde\" ontbreekt in de kopregel (verwacht: indicator;regio;periode;waarde)"
            ])
    }

    @Test func invalidUTF8IsAProblem() {
        var data = Data("indicator;regio;periode;waarde;opmerking\nervgez;GM0034;2024;1;caf".utf8)
        data.append(0xE9)
        do {
            _ = try ImportPipeline.run(data: data, fileName: "l1.csv", catalog: testCatalog, sink: { _ in })
            Issue.record("expected an error")
        } catch let e as VitaalError {
            #expect(e.problems.first?.location.line == 2 && e.problems.first?.location.column == 5)
            #expect(e.problems.first?.message.contains("Latin-1") == true)
        } catch { Issue.record("wrong error") }
    }

    @Test func existingValuesAreReportedUnlessReplace() throws {
        let key = ObservationKey(indicator: "ervgez", region: "GM0034", period: .year(2024))
        let catalog = StaticImportCatalog(indicators: [pct], regions: ["GM0034"], existing: [key])
        let text = "indicator;regio;periode;waarde\nervgez;GM0034;2023;70\nervgez;GM0034;2024;71\n"
        let p = importProblems(text, catalog: catalog)
        #expect(p.count == 1 && p[0].location.line == 3 && p[0].message.contains("--replace"))
        let (_, rows) = try runImport(text, options: ImportOptions(replace: true), catalog: catalog)
        #expect(rows.count == 2)
    }

    @Test func statLineWideWithMapping() throws {
        let mapping = try StatLineMapping.parse(
            data: Data(
                #"{"measures": {"ErvarenGezondheid_1": "ervgez", "WelzijnOpRecept_2": "wor"}, "status": "voorlopig"}"#
                    .utf8))
        let text =
            "\"ID\";\"RegioS\";\"Perioden\";\"ErvarenGezondheid_1\";\"WelzijnOpRecept_2\";\"Overig_3\"\r\n"
            + "0;\"GM0034  \";\"2022JJ00\";\"  71,2\";\"       .\";\"9\"\r\n"
            + "1;\"PV24    \";\"2022JJ00\";\"70,9\";\"12\";\"9\"\r\n"
        let (summary, rows) = try runImport(text, options: ImportOptions(mapping: mapping))
        #expect(summary.format == .statLine)
        #expect(
            rows.map(\.observation) == [
                Observation(
                    indicator: "ervgez", region: "GM0034", period: .year(2022), value: 71.2, status: .voorlopig),
                Observation(
                    indicator: "wor", region: "GM0034", period: .year(2022), value: nil, missingReason: .notAvailable,
                    status: .voorlopig),
                Observation(indicator: "ervgez", region: "PV24", period: .year(2022), value: 70.9, status: .voorlopig),
                Observation(indicator: "wor", region: "PV24", period: .year(2022), value: 12, status: .voorlopig)
            ])
        // Without a mapping the file is recognised but refused.
        let p = importProblems(text)
        #expect(p.first?.message.contains("--mapping") == true)
        // A bad value names its measure column.
        let bad = importProblems(
            text.replacingOccurrences(of: "\"12\"", with: "\"-3\""), options: ImportOptions(mapping: mapping))
        #expect(bad.first?.location == SourceLocation(file: "data.csv", line: 3, column: 5, field: "WelzijnOpRecept_2"))
    }

    @Test func streamingAMultiMegabyteFileEqualsInMemory() throws {
        // ~3 MB long file with a quoted note containing a newline every 1000 rows; read from a file
        // in odd-sized chunks (records straddle chunk boundaries) and from memory.
        var text = "indicator;regio;periode;waarde;opmerking\r\n"
        let regions = ["NL01", "PV24", "GM0034", "GM0995"]
        var rng = MonitorRNG(seed: 7)
        var n = 0
        for i in 0..<15000 {
            let period = Period.month(1000 + i / 12, i % 12 + 1)!
            for r in regions {
                let v = Double(rng.next() % 100_000) / 10
                let note = n % 1000 == 0 ? "\"regel\r\nmet \"\"quote\"\"\"" : "toelichting"
                text += "wor;\(r);\(period);\(ValueFormatter.number(v, decimals: 1));\(note)\r\n"
                n += 1
            }
        }
        let data = Data(text.utf8)
        #expect(data.count > 2_000_000)
        var memory: [ImportRow] = []
        _ = try ImportPipeline.run(data: data, fileName: "big.csv", catalog: testCatalog, sink: { memory += $0.rows })
        let url = try writeTemp(data, name: "big.csv")
        var streamed: [ImportRow] = []
        var progressCalls = 0
        let session = try ImportSession(reader: try CSVReader(url: url, chunkSize: 65_521), catalog: testCatalog)
        let summary = try ImportPipeline.run(
            session: session, sink: { streamed += $0.rows }, progress: { _ in progressCalls += 1 })
        #expect(streamed == memory)
        #expect(streamed.count == 60000 && summary.values == 60000)
        #expect(streamed[1000].line == 1003 && streamed[1001].line == 1005)
        #expect(progressCalls == 13)
    }
}
