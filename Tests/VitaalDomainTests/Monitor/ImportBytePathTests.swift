import Foundation
import Testing

import struct VitaalDomain.SourceLocation

@testable import VitaalDomain

/// Hands the CSV reader's records over as `CSVRecord`s, as a sheet does. The import reads a
/// `CSVReader`'s records as bytes (`next(into:)`) and any other source's through `CSVRecord`s (with
/// the general number rules when the simple reader declines), so the two can be compared on the
/// same files.
private final class RecordPathSource: ImportRecordSource {
    let csv: CSVReader
    init(_ data: Data, fileName: String) { csv = CSVReader(data: data, fileName: fileName) }
    var fileName: String { csv.fileName }
    var separator: CSVSeparator? { csv.separator }
    var bytesRead: Int { csv.bytesRead }
    var totalBytes: Int? { csv.totalBytes }
    func next() throws -> CSVRecord? { try csv.next() }
    func location(of record: CSVRecord, field index: Int, name: String?) -> SourceLocation {
        csv.location(of: record, field: index, name: name)
    }
    var fixedDecimalMark: DecimalMark? { nil }
}

/// What an import gives: its summary and rows, or its message and problems.
private enum Outcome: Equatable {
    case stored(ImportSummary, [ImportRow])
    case refused(String, [Problem])

    init(_ source: any ImportRecordSource, options: ImportOptions) {
        do {
            var rows: [ImportRow] = []
            let session = try ImportSession(reader: source, catalog: testCatalog, options: options)
            let summary = try ImportPipeline.run(session: session, sink: { rows += $0.rows })
            self = .stored(summary, rows)
        } catch let error as VitaalError {
            self = .refused(error.message, error.problems)
        } catch {
            self = .refused("\(error)", [])
        }
    }
}

@Suite("Monitor – import: reading bytes equals reading records")
struct ImportBytePathTests {
    /// Fields a careful or a careless user writes: known and unknown codes, spaces and no-break
    /// spaces around them, every number form of docs/import-formats.md, empty cells, quotes.
    static let indicators = ["ervgez", "wor", " ervgez ", "onbekend", "", "ervgez\u{00A0}", "\"wor\"", "\twor"]
    static let regions = ["NL01", "PV24", "GM0034", "GM0995", "GM9999", " GM0034", "\u{00A0}NL01", ""]
    static let periods = ["2020", "2021", "2022Q3", "2023-05", "2024JJ00", "20x1", "", "2024MM05 "]
    static let values = [
        "12", "12,5", "12.5", "0,001", "99,95", "100,1", "-3,5", "+2", "-0", "007", ",5", "5,", ",", "-", "",
        ".", "x", "X", "abc", "1e5", "1.234", "1,234", "0,123", "1.234.567", "1.234,5", "1,234.5", "12,3,4",
        "  7,5 ", "123456789012345", "1234567890123456", "12345678901234,5", "3,14159265358979",
        "1\u{00A0}234", "\"4,5\"", "9999999999999999999999", "0.1", "0,3"
    ]
    static let statuses = ["", "voorlopig", "definitief", "voorbeeld", "raar", " definitief "]
    static let notes = ["", "tekst", "\"met ; en \"\"quote\"\"\"", "é à", "  ", "\"twee\nregels\""]
    static let reasons = ["", "", "", "nb", "geheim", "onzin"]

    struct Generator {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        mutating func pick(_ list: [String]) -> String { list[next(list.count)] }
    }

    /// A random long-format file: header with optional status, note and reason columns, 1–40
    /// lines, LF or CRLF. A valid file has known codes, one value per key and valid values; any
    /// other has every kind of field, now and then an empty line or a line with a field too few.
    static func file(seed: UInt64, valid: Bool) -> String {
        var g = Generator(state: seed)
        let withStatus = g.next(2) == 0
        let withNote = g.next(2) == 0
        let withReason = g.next(3) == 0
        let eol = g.next(4) == 0 ? "\r\n" : "\n"
        var header = ["indicator", "regio", "periode", "waarde"]
        if withStatus { header.append("status") }
        if withNote { header.append("opmerking") }
        if withReason { header.append("reden") }
        var text = header.joined(separator: ";") + eol
        for line in 0..<(1 + g.next(40)) {
            if g.next(25) == 0 {
                text += eol
                continue
            }
            var fields = [
                valid ? ["ervgez", "wor", " ervgez "][g.next(3)] : g.pick(indicators),
                valid ? ["NL01", "PV24", "GM0034", "GM0995"][g.next(4)] : g.pick(regions),
                valid ? "\(1980 + line)" : g.pick(periods),
                valid ? ["12", "12,5", "0,001", "99,95", "-0", ".", "x", "3,14159", " 7 "][g.next(9)] : g.pick(values)
            ]
            if withStatus { fields.append(valid ? g.pick(Array(statuses.prefix(4))) : g.pick(statuses)) }
            if withNote { fields.append(g.pick(notes)) }
            if withReason { fields.append(valid ? g.pick(Array(reasons.prefix(5))) : g.pick(reasons)) }
            if !valid, g.next(30) == 0 { fields.removeLast() }
            text += fields.joined(separator: ";") + eol
        }
        return text
    }

    @Test func randomFilesGiveTheSameRowsSummaryAndProblemsEitherWay() throws {
        var stored = 0
        var refused = 0
        for seed in UInt64(1)...600 {
            let text = Self.file(seed: seed, valid: seed % 3 == 0)
            let data = Data(text.utf8)
            let options = ImportOptions(batchSize: 1 + Int(seed % 7))
            let fast = Outcome(CSVReader(data: data, fileName: "waarden.csv"), options: options)
            let general = Outcome(RecordPathSource(data, fileName: "waarden.csv"), options: options)
            #expect(fast == general, "seed \(seed):\n\(text)")
            if case .stored = fast { stored += 1 } else { refused += 1 }
        }
        // Both outcomes must be exercised, or the comparison says little.
        #expect(stored > 100)
        #expect(refused > 300)
    }

    @Test func aLargeFileStreamedInSmallChunksGivesTheSameRows() throws {
        // Fields cross chunk borders (13-byte chunks), including quoted notes with a separator.
        let text = Self.file(seed: 99, valid: true)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bytepath-\(UUID().uuidString).csv")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let chunked = Outcome(try CSVReader(url: url, chunkSize: 13), options: ImportOptions())
        let general = Outcome(
            RecordPathSource(Data(text.utf8), fileName: url.lastPathComponent), options: ImportOptions())
        #expect(chunked == general)
    }

    /// Strings the simple number reader takes; each must read exactly as the general rules read it,
    /// in the same order (the decimal mark a value proves carries over to the next).
    @Test func theSimpleNumberReaderAgreesWithTheGeneralRules() {
        func describe(_ r: NumberReader.Result) -> String {
            switch r {
            case .number(let v): return "number \(v.bitPattern)"
            case .invalid: return "invalid"
            case .conflict(let message, let place): return "conflict \(message) @\(place.line):\(place.column)"
            }
        }
        var g = Generator(state: 7)
        let digits = Array("0123456789")
        var checked = 0
        for round in 0..<400 {
            var both = NumberReader(given: nil, separator: .semicolon)
            var general = NumberReader(given: nil, separator: .semicolon)
            for line in 1...12 {
                var s = ["", "", "-", "+"][g.next(4)]
                for _ in 0..<g.next(9) { s.append(digits[g.next(10)]) }
                if g.next(3) != 0 { s += [",", "."][g.next(2)] }
                for _ in 0..<g.next(8) { s.append(digits[g.next(10)]) }
                let bytes = ArraySlice(s.utf8)
                let a = describe(both.read(bytes, line: line, column: 4))
                let b = describe(general.readGeneral(bytes, line: line, column: 4))
                #expect(a == b, "round \(round), line \(line): \"\(s)\"")
                checked += 1
            }
            #expect(both.mark == general.mark)
        }
        #expect(checked == 4_800)
        // Spot checks against Double's own reading.
        var reader = NumberReader(given: .comma, separator: .semicolon)
        for (text, expected) in [
            ("12,3", 12.3), ("0,1", 0.1), ("-3,14159", -3.14159), ("123456789012345", 123_456_789_012_345)
        ] {
            guard case .number(let v) = reader.read(ArraySlice(text.utf8), line: 1, column: 1) else {
                Issue.record("\(text) not read")
                continue
            }
            #expect(v.bitPattern == expected.bitPattern, "\(text)")
        }
    }
}
