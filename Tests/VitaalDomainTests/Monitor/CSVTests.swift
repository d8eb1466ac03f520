import Foundation
import Testing

@testable import VitaalDomain

/// Writes `data` to a temporary file and returns its URL.
func writeTemp(_ data: Data, name: String = "test.csv") throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vitaal-monitor-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let url = dir.appendingPathComponent(name)
    try data.write(to: url)
    return url
}

func readAll(_ text: String, separator: CSVSeparator? = nil) throws -> [CSVRecord] {
    try CSVReader(data: Data(text.utf8), fileName: "t.csv", separator: separator).readAll()
}

func csvError(_ body: () throws -> Void) -> VitaalError? {
    do { try body() } catch let e as VitaalError { return e } catch { return nil }
    return nil
}

@Suite("Monitor – CSV reader and writer")
struct MonitorCSVTests {
    @Test func simpleSemicolonWithCRLF() throws {
        let recs = try readAll("a;b;c\r\n1;2;3\r\n")
        #expect(recs.map(\.fields) == [["a", "b", "c"], ["1", "2", "3"]])
        #expect(recs.map(\.line) == [1, 2])
        #expect(
            recs[1].positions == [
                CSVPosition(line: 2, column: 1), CSVPosition(line: 2, column: 3), CSVPosition(line: 2, column: 5)
            ])
    }

    @Test func separatorDetection() throws {
        let semi = CSVReader(data: Data("indicator;regio;periode;waarde\nx;y;2024;1,5\n".utf8))
        _ = try semi.next()
        #expect(semi.separator == .semicolon)
        let comma = CSVReader(data: Data("indicator,region,period,value\n".utf8))
        _ = try comma.next()
        #expect(comma.separator == .comma)
        let tab = CSVReader(data: Data("a\tb\tc\n1\t2\t3".utf8))
        #expect(try tab.readAll().map(\.fields) == [["a", "b", "c"], ["1", "2", "3"]])
        #expect(tab.separator == .tab)
        // Separators inside quotes in the header do not count.
        let quoted = CSVReader(data: Data("\"a,b,c\";d\n".utf8))
        #expect(try quoted.next()?.fields == ["a,b,c", "d"])
        #expect(quoted.separator == .semicolon)
        // Given separator wins over detection.
        #expect(try readAll("a;b,c\n", separator: .comma).first?.fields == ["a;b", "c"])
    }

    @Test func rfc4180Quoting() throws {
        let text = "naam;opmerking\n\"Almere; stad\";\"zegt \"\"hoi\"\"\"\n\"twee\nregels\";x\nlaatste;\"\"\n"
        let recs = try readAll(text)
        #expect(
            recs.map(\.fields) == [
                ["naam", "opmerking"], ["Almere; stad", "zegt \"hoi\""], ["twee\nregels", "x"], ["laatste", ""]
            ])
        #expect(recs.map(\.line) == [1, 2, 3, 5])
        #expect(recs[2].positions[1] == CSVPosition(line: 4, column: 9))
        #expect(recs[3].quoted == [false, true])
    }

    @Test func lfCrAndNoTrailingNewlineAndEmptyLines() throws {
        let recs = try readAll("a,b\n\n1,2\r3,4\r\n5,")
        #expect(recs.map(\.fields) == [["a", "b"], ["1", "2"], ["3", "4"], ["5", ""]])
        #expect(recs.map(\.line) == [1, 3, 4, 5])
    }

    @Test func bomIsSkipped() throws {
        var data = Data([0xEF, 0xBB, 0xBF])
        data.append(Data("indicator;waarde\nx;1\n".utf8))
        let reader = CSVReader(data: data)
        let recs = try reader.readAll()
        #expect(recs[0].fields == ["indicator", "waarde"])
        #expect(reader.hadBOM)
        // Also through the chunked path with a 1-byte chunk (BOM split over 3 chunks).
        let url = try writeTemp(data)
        let chunked = try CSVReader(url: url, chunkSize: 1)
        #expect(try chunked.readAll().map(\.fields) == [["indicator", "waarde"], ["x", "1"]])
        #expect(chunked.separator == .semicolon)
    }

    @Test func latin1ByteIsRejectedWithLineAndColumn() throws {
        // "Café" in Latin-1: é = 0xE9, on line 2, field 2, character 11.
        var data = Data("regio;naam\nGM0034;Caf".utf8)
        data.append(0xE9)
        data.append(Data("\n".utf8))
        let err = csvError { _ = try CSVReader(data: data, fileName: "oud.csv").readAll() }
        #expect(err?.problems.first?.location == SourceLocation(file: "oud.csv", line: 2, column: 2))
        #expect(err?.message.contains("ongeldige UTF-8") == true)
        #expect(err?.message.contains("0xE9") == true)
        #expect(err?.message.contains("teken 11") == true)
        #expect(err?.message.contains("sla het bestand op als UTF-8") == true)
    }

    @Test func validMultibyteUTF8IsAccepted() throws {
        let recs = try readAll("naam;waarde\nCafé ☕︎;1\n")
        #expect(recs[1].fields == ["Café ☕︎", "1"])
        #expect(recs[1].positions[1].column == 9)
    }

    @Test func unterminatedQuoteNamesTheLineWhereItStarted() throws {
        let err = csvError { _ = try readAll("a;b\n1;2\n3;\"open\nnog\nmeer\n") }
        #expect(err?.problems.first?.location == SourceLocation(file: "t.csv", line: 3, column: 2))
        #expect(err?.message.contains("niet afgesloten") == true)
    }

    @Test func utf16IsRejected() throws {
        let err = csvError { _ = try CSVReader(data: Data([0xFF, 0xFE, 0x61, 0x00])).readAll() }
        #expect(err?.message.contains("UTF-16") == true)
    }

    @Test func chunkedReadingMatchesInMemoryForEveryChunkSize() throws {
        let text =
            "\u{FEFF}indicator;regio;periode;waarde;opmerking\r\n"
            + "wor;GM0034;2024;1.234,5;\"lang\r\nveld met \"\"quotes\"\" en ;\"\r\n"
            + "wor;GM0995;2024;12;Ëén\r\n"
            + "wor;GM0303;2024;;\r\n"
        let data = Data(text.utf8)
        let expected = try CSVReader(data: data).readAll()
        #expect(expected.count == 4)
        let url = try writeTemp(data)
        for size in [1, 2, 3, 5, 7, 16, 64, 4096] {
            let got = try CSVReader(url: url, chunkSize: size).readAll()
            #expect(got == expected, "chunk size \(size)")
        }
    }

    @Test func tableHeaderLookupIsCaseInsensitive() throws {
        let table = try CSVTable.parse(data: Data("Indicator; Regio's ;WAARDE\nx;GM0034;1\n".utf8), fileName: "k.csv")
        #expect(table.header == ["Indicator", "Regio's", "WAARDE"])
        #expect(table.columnIndex("indicator") == 0)
        #expect(table.columnIndex("regio's") == 1)
        #expect(table.value(table.rows[0], "waarde") == "1")
        #expect(table.value(table.rows[0], "bestaat niet") == nil)
        #expect(table.headerLine == 1 && table.rows[0].line == 2)
        #expect(CSVTable.columnIndex(of: "region", "regio's", in: table.header) == 1)
    }

    @Test func tableRejectsEmptyFile() throws {
        let err = csvError { _ = try CSVTable.parse(data: Data(), fileName: "leeg.csv") }
        #expect(err?.problems.first?.location.file == "leeg.csv")
        #expect(err?.message.contains("leeg") == true)
    }

    @Test func writerQuotesOnlyWhenNeededAndRoundTrips() throws {
        var w = CSVWriter(separator: .semicolon, includeBOM: true)
        w.append(["a", "b;c", "zegt \"hoi\"", "1,5", "twee\nregels"])
        #expect(w.text == "\u{FEFF}a;\"b;c\";\"zegt \"\"hoi\"\"\";1,5;\"twee\nregels\"\r\n")
        #expect(Array(w.data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let back = try CSVReader(data: w.data).readAll()
        #expect(back.first?.fields == ["a", "b;c", "zegt \"hoi\"", "1,5", "twee\nregels"])
        let comma = CSVWriter(separator: .comma, lineEnding: "\n")
        #expect(comma.line(["1,5", "x;y"]) == "\"1,5\",x;y\n")
    }
}
