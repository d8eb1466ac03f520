import Foundation

// The one CSV reader and writer of Vitaal.
//
// - `CSVReader` streams records from a file (64 KiB chunks) or from `Data`: RFC 4180 quoting
//   (separators, doubled quotes and line breaks inside quotes), CRLF / LF / CR line ends, UTF-8
//   with or without BOM, separator auto-detection from the header line (`;`, `,` or tab).
//   Invalid UTF-8 and an unterminated quote throw a `VitaalError` naming file, line and column.
// - `CSVTable` parses a small file completely (header + rows) with case-insensitive header lookup.
// - `CSVWriter` writes RFC 4180 CSV with a chosen separator and optional BOM.
//
// Positions: `line` is 1-based and counts physical lines of the file (a quoted line break starts
// a new line). `column` in `CSVPosition` is the 1-based *character* column on that line.
// In `SourceLocation`s produced here `column` is the 1-based *field number* (as users think of a
// spreadsheet column); the character position is named in the message where it matters.

/// Field separator of a CSV file.
public enum CSVSeparator: UInt8, Sendable, CaseIterable, Codable {
    case semicolon = 0x3B
    case comma = 0x2C
    case tab = 0x09

    public var character: Character { Character(UnicodeScalar(rawValue)) }
    /// Dutch name for messages.
    public var dutchName: String {
        switch self {
        case .semicolon: return "puntkomma (;)"
        case .comma: return "komma (,)"
        case .tab: return "tab"
        }
    }
}

/// Where a field starts: 1-based line and 1-based character column on that line.
public struct CSVPosition: Sendable, Hashable {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

/// One CSV record.
public struct CSVRecord: Sendable, Hashable {
    /// The field values, unquoted.
    public var fields: [String]
    /// 1-based line on which the record starts.
    public var line: Int
    /// Start of each field (same count as `fields`).
    public var positions: [CSVPosition]
    /// Whether each field was quoted in the file.
    public var quoted: [Bool]

    public init(fields: [String], line: Int, positions: [CSVPosition], quoted: [Bool]? = nil) {
        self.fields = fields
        self.line = line
        self.positions = positions
        self.quoted = quoted ?? Array(repeating: false, count: fields.count)
    }
    public var count: Int { fields.count }
    public subscript(_ index: Int) -> String { fields[index] }
    /// The field at `index`, or nil if the record is shorter.
    public func field(_ index: Int) -> String? { index < fields.count ? fields[index] : nil }
}

/// Streaming CSV reader. Not thread-safe; use one reader per file.
public final class CSVReader {
    public static let defaultChunkSize = 64 * 1024

    /// File name used in error locations.
    public let fileName: String
    /// The separator, given or detected from the header line (set after the first `next()`).
    public private(set) var separator: CSVSeparator?
    /// Bytes consumed from the source so far (for progress reporting).
    public private(set) var bytesRead = 0
    /// Whether the input started with a UTF-8 byte order mark.
    public private(set) var hadBOM = false
    /// Total size of the input if known (Data, or a regular file).
    public let totalBytes: Int?

    private enum Source {
        case data
        case handle(FileHandle, close: Bool)
    }
    private enum State { case fieldStart, unquoted, quoted, quotedQuote }

    private var source: Source
    private let chunkSize: Int
    private var buf: [UInt8] = []
    private var pos = 0
    private var eof = false
    private var started = false
    private var skipLF = false

    private var line = 1
    private var col = 1
    /// Storage reused by `next()` (moved out and back, so it is never copied).
    private var scratch = CSVRawRecord()

    /// Reads from in-memory data.
    public init(data: Data, fileName: String = "invoer", separator: CSVSeparator? = nil) {
        self.fileName = fileName
        self.separator = separator
        self.source = .data
        self.chunkSize = Self.defaultChunkSize
        self.buf = [UInt8](data)
        self.eof = true
        self.bytesRead = data.count
        self.totalBytes = data.count
    }

    /// Reads from an open file handle in chunks of `chunkSize` bytes. The handle is not closed.
    public init(
        fileHandle: FileHandle, fileName: String = "invoer", separator: CSVSeparator? = nil,
        chunkSize: Int = CSVReader.defaultChunkSize, totalBytes: Int? = nil
    ) {
        self.fileName = fileName
        self.separator = separator
        self.source = .handle(fileHandle, close: false)
        self.chunkSize = max(1, chunkSize)
        self.totalBytes = totalBytes
    }

    /// Opens a file and reads it in chunks. The file name in errors defaults to the URL's last component.
    public init(
        url: URL, fileName: String? = nil, separator: CSVSeparator? = nil,
        chunkSize: Int = CSVReader.defaultChunkSize
    ) throws {
        let name = fileName ?? url.lastPathComponent
        self.fileName = name
        self.separator = separator
        self.chunkSize = max(1, chunkSize)
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.intValue
        self.totalBytes = size
        do {
            let handle = try FileHandle(forReadingFrom: url)
            self.source = .handle(handle, close: true)
        } catch {
            throw VitaalError.invalid("bestand kan niet worden geopend", at: SourceLocation(file: name))
        }
    }

    deinit {
        if case .handle(let handle, true) = source { try? handle.close() }
    }

    // MARK: Reading

    /// Reads all remaining records.
    public func readAll() throws -> [CSVRecord] {
        var out: [CSVRecord] = []
        while let record = try next() { out.append(record) }
        return out
    }

    /// The next record, or nil at the end of the input. Completely empty lines are skipped.
    public func next() throws -> CSVRecord? {
        var raw = scratch
        scratch = CSVRawRecord()
        defer { scratch = raw }
        guard try next(into: &raw) else { return nil }
        return raw.record
    }

    /// Reads the next record into `record`, reusing its storage; false at the end of the input.
    /// The same records, positions and errors as `next()`, without a `String` per field: the
    /// import's fast path reads codes and numbers from the bytes.
    public func next(into record: inout CSVRawRecord) throws -> Bool {
        if !started { try start() }
        while true {
            guard try readRecord(into: &record) else { return false }
            if record.count == 1, record.ends[0] == 0, !record.quoted[0] { continue }
            return true
        }
    }

    private func location(line: Int, field: Int? = nil) -> SourceLocation {
        SourceLocation(file: fileName, line: line, column: field)
    }

    /// Reads one more chunk into `buf` (replacing it). Returns false at end of input.
    private func refill() throws -> Bool {
        guard !eof, case .handle(let handle, _) = source else {
            eof = true
            return false
        }
        let chunk: Data?
        do { chunk = try handle.read(upToCount: chunkSize) } catch {
            throw VitaalError.invalid("bestand kan niet worden gelezen", at: SourceLocation(file: fileName))
        }
        guard let chunk, !chunk.isEmpty else {
            eof = true
            buf = []
            pos = 0
            return false
        }
        buf = [UInt8](chunk)
        pos = 0
        bytesRead += chunk.count
        return true
    }

    /// Appends the next chunk to `buf` (keeping the unread bytes, `pos` becomes 0). Used only for the
    /// header/BOM. Appends in place (amortised O(chunk)): copying the whole buffer per chunk made a
    /// huge first line O(n²).
    private func appendChunk() throws -> Bool {
        guard !eof, case .handle(let handle, _) = source else {
            eof = true
            return false
        }
        let chunk: Data?
        do { chunk = try handle.read(upToCount: chunkSize) } catch {
            throw VitaalError.invalid("bestand kan niet worden gelezen", at: SourceLocation(file: fileName))
        }
        if pos > 0 {
            buf.removeSubrange(0..<pos)
            pos = 0
        }
        guard let chunk, !chunk.isEmpty else {
            eof = true
            return false
        }
        buf.append(contentsOf: chunk)
        bytesRead += chunk.count
        return true
    }

    /// Separator detection looks at no more than this many bytes of the first line.
    static let separatorScanLimit = 1 << 20

    private func start() throws {
        started = true
        // Make sure we have at least 3 bytes for the BOM check.
        while buf.count - pos < 3, try appendChunk() {}
        let avail = buf.count - pos
        if avail >= 3, buf[pos] == 0xEF, buf[pos + 1] == 0xBB, buf[pos + 2] == 0xBF {
            pos += 3
            hadBOM = true
        } else if avail >= 2, (buf[pos] == 0xFF && buf[pos + 1] == 0xFE) || (buf[pos] == 0xFE && buf[pos + 1] == 0xFF) {
            throw VitaalError.invalid(
                "bestand is UTF-16 gecodeerd: sla het bestand op als UTF-8 (CSV UTF-8)",
                at: location(line: 1))
        }
        if separator == nil { separator = try detectSeparator() }
    }

    /// Counts `;`, `,` and tab outside quotes on the first line; the most frequent wins
    /// (ties: `;` before `,` before tab). No separator at all gives `,` (a one-column file).
    private func detectSeparator() throws -> CSVSeparator {
        var i = pos
        var inQuotes = false
        var counts = [0, 0, 0]
        scan: while i - pos < Self.separatorScanLimit {
            if i == buf.count {
                let offset = i - pos
                guard try appendChunk() else { break scan }
                i = pos + offset  // appendChunk keeps the unread bytes and resets pos to 0
                continue
            }
            let b = buf[i]
            if b == 0x22 {
                inQuotes.toggle()
            } else if !inQuotes {
                switch b {
                case 0x0A, 0x0D: break scan
                case 0x3B: counts[0] += 1
                case 0x2C: counts[1] += 1
                case 0x09: counts[2] += 1
                default: break
                }
            }
            i += 1
        }
        let best = counts.max() ?? 0
        if best == 0 { return .comma }
        if counts[0] == best { return .semicolon }
        if counts[1] == best { return .comma }
        return .tab
    }

    /// Closes the field whose bytes `record` has received since the previous one. A field with a
    /// byte ≥ 0x80 must be valid UTF-8 (ASCII needs no check).
    private func endField(_ record: inout CSVRawRecord, quoted: Bool, start: CSVPosition, high: Bool) throws {
        let from = record.ends.last ?? 0
        if high, String(validating: record.storage[from...], as: UTF8.self) == nil {
            throw invalidUTF8(record.storage[from...], start: start, field: record.count + 1)
        }
        record.ends.append(record.storage.count)
        record.positions.append(start)
        record.quoted.append(quoted)
    }

    /// The error for a field that is not valid UTF-8, naming the first invalid byte.
    private func invalidUTF8(_ slice: ArraySlice<UInt8>, start: CSVPosition, field: Int) -> VitaalError {
        var line = start.line
        var column = start.column
        let bytes = Array(slice)
        var i = 0
        var bad: UInt8 = bytes.first ?? 0
        while i < bytes.count {
            let b = bytes[i]
            let len: Int
            if b < 0x80 {
                len = 1
            } else if b & 0xE0 == 0xC0, b >= 0xC2 {
                len = 2
            } else if b & 0xF0 == 0xE0 {
                len = 3
            } else if b & 0xF8 == 0xF0, b <= 0xF4 {
                len = 4
            } else {
                len = 0
            }
            var valid = len > 0 && i + len <= bytes.count
            if valid, len > 1 {
                for k in 1..<len where bytes[i + k] & 0xC0 != 0x80 { valid = false }
                if valid, String(validating: bytes[i..<(i + len)], as: UTF8.self) == nil { valid = false }
            }
            if !valid {
                bad = b
                break
            }
            if b == 0x0A {
                line += 1
                column = 1
            } else {
                column += 1
            }
            i += len
        }
        let hex = String(format: "0x%02X", bad)
        return VitaalError.invalid(
            "ongeldige UTF-8 (byte \(hex) op teken \(column) van de regel; mogelijk Latin-1/Windows-1252): sla het bestand op als UTF-8",
            at: SourceLocation(file: fileName, line: line, column: field))
    }

    /// What ended a scan of the current chunk.
    private enum ScanEnd { case chunk, field, record }

    /// Reads one record into `record`. The bytes of the current chunk are scanned through an unsafe
    /// buffer with the position, line and column in locals: per-byte access to the class's own
    /// properties cost more than the scan itself.
    private func readRecord(into record: inout CSVRawRecord) throws -> Bool {
        record.clear()
        let sep = separator?.rawValue ?? 0x2C
        // Skip the LF of a CRLF whose CR ended the previous record.
        if skipLF {
            if pos == buf.count { _ = try refill() }
            if pos < buf.count, buf[pos] == 0x0A { pos += 1 }
            skipLF = false
        }
        if pos == buf.count, !(try refill()) { return false }

        record.line = line
        var state = State.fieldStart
        var fieldStart = CSVPosition(line: line, column: col)
        var quoteLine = line
        var fieldQuoted = false
        var segStart: Int?
        var high = false

        while true {
            if pos == buf.count {
                let active = segStart != nil
                if let s = segStart {
                    record.storage.append(contentsOf: buf[s..<pos])
                    segStart = nil
                }
                if try refill() {
                    if active { segStart = 0 }
                    continue
                }
                // End of input.
                if state == .quoted {
                    throw VitaalError.invalid(
                        "aanhalingsteken (\") wordt niet afgesloten: het veld loopt door tot het einde van het bestand",
                        at: SourceLocation(file: fileName, line: quoteLine, column: record.count + 1))
                }
                try endField(&record, quoted: state != .fieldStart && fieldQuoted, start: fieldStart, high: high)
                return true
            }
            var i = pos
            var ln = line
            var c = col
            var end = ScanEnd.chunk
            buf.withUnsafeBufferPointer { p in
                let n = p.count
                scan: while i < n {
                    let b = p[i]
                    switch state {
                    case .fieldStart:
                        fieldStart = CSVPosition(line: ln, column: c)
                        if b == 0x22 {
                            state = .quoted
                            fieldQuoted = true
                            quoteLine = ln
                            i += 1
                            c += 1
                            segStart = i
                            continue
                        }
                        fieldQuoted = false
                        state = .unquoted
                        segStart = i
                        fallthrough
                    case .unquoted, .quotedQuote:
                        if state == .quotedQuote, b == 0x22 {
                            // Doubled quote inside a quoted field: the second quote is content.
                            state = .quoted
                            segStart = i
                            i += 1
                            c += 1
                            continue
                        }
                        if b == sep {
                            end = .field
                            break scan
                        }
                        if b == 0x0A || b == 0x0D {
                            end = .record
                            break scan
                        }
                        if state == .quotedQuote {
                            // Text after a closing quote (e.g. `"ab"c`): kept literally (lenient).
                            state = .unquoted
                            segStart = i
                        }
                        if b >= 0x80 { high = true }
                        if b & 0xC0 != 0x80 { c += 1 }
                        i += 1
                    case .quoted:
                        if b == 0x22 {
                            if let s = segStart {
                                record.storage.append(contentsOf: p[s..<i])
                                segStart = nil
                            }
                            i += 1
                            c += 1
                            state = .quotedQuote
                        } else {
                            if b >= 0x80 { high = true }
                            i += 1
                            if b == 0x0A {
                                ln += 1
                                c = 1
                            } else if b & 0xC0 != 0x80 {
                                c += 1
                            }
                        }
                    }
                }
            }
            pos = i
            line = ln
            col = c
            if end == .chunk { continue }
            // The field ends at `pos` (a separator or a line end, not yet consumed).
            if let s = segStart {
                record.storage.append(contentsOf: buf[s..<pos])
                segStart = nil
            }
            try endField(&record, quoted: fieldQuoted, start: fieldStart, high: high)
            high = false
            let b = buf[pos]
            pos += 1
            if end == .field {
                col += 1
                state = .fieldStart
                fieldStart = CSVPosition(line: line, column: col)
                continue
            }
            line += 1
            col = 1
            if b == 0x0D { skipLF = true }
            return true
        }
    }
}

/// One record as bytes, filled by `CSVReader.next(into:)` and reused from record to record.
public struct CSVRawRecord: Sendable {
    /// The unquoted contents of the fields, one after the other.
    public internal(set) var storage: [UInt8] = []
    /// End offset of each field in `storage`.
    public internal(set) var ends: [Int] = []
    /// Start of each field.
    public internal(set) var positions: [CSVPosition] = []
    /// Whether each field was quoted in the file.
    public internal(set) var quoted: [Bool] = []
    /// 1-based line on which the record starts.
    public internal(set) var line = 1

    public init() {}

    /// The bytes of a record made of `String`s (a sheet's cells).
    public init(_ record: CSVRecord) {
        for field in record.fields {
            storage.append(contentsOf: field.utf8)
            ends.append(storage.count)
        }
        positions = record.positions
        quoted = record.quoted
        line = record.line
    }

    public var count: Int { ends.count }
    /// The bytes of field `index`.
    public func field(_ index: Int) -> ArraySlice<UInt8> {
        storage[(index == 0 ? 0 : ends[index - 1])..<ends[index]]
    }
    /// Field `index` as text (the reader has checked that it is valid UTF-8).
    public func string(_ index: Int) -> String { String(decoding: field(index), as: UTF8.self) }
    /// The record with a `String` per field.
    public var record: CSVRecord {
        CSVRecord(fields: (0..<count).map(string), line: line, positions: positions, quoted: quoted)
    }

    mutating func clear() {
        storage.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        positions.removeAll(keepingCapacity: true)
        quoted.removeAll(keepingCapacity: true)
    }
}

/// A small CSV file parsed completely: header and data rows.
public struct CSVTable: Sendable {
    public var fileName: String
    public var separator: CSVSeparator
    /// Header names as written (trimmed of surrounding whitespace).
    public var header: [String]
    public var headerLine: Int
    public var rows: [CSVRecord]

    /// Parses `data`; the first non-empty record is the header. Throws on an empty file, invalid
    /// UTF-8 or an unterminated quote.
    public static func parse(data: Data, fileName: String = "invoer", separator: CSVSeparator? = nil) throws -> CSVTable
    {
        if data.isEmpty {
            throw VitaalError.invalid("bestand is leeg (0 bytes)", at: SourceLocation(file: fileName))
        }
        let reader = CSVReader(data: data, fileName: fileName, separator: separator)
        guard let head = try reader.next() else {
            throw VitaalError.invalid(
                "bestand bevat geen kopregel en geen gegevens", at: SourceLocation(file: fileName))
        }
        let rows = try reader.readAll()
        return CSVTable(
            fileName: fileName, separator: reader.separator ?? .comma,
            header: head.fields.map { $0.trimmingCharacters(in: .whitespaces) },
            headerLine: head.line, rows: rows)
    }

    /// Index of the column whose header equals `name` (case-insensitive, whitespace-trimmed).
    public func columnIndex(_ name: String) -> Int? {
        CSVTable.columnIndex(of: name, in: header)
    }

    /// Index of the first of `names` found in `header` (case- and diacritic-insensitive, trimmed).
    public static func columnIndex(of names: String..., in header: [String]) -> Int? {
        columnIndex(ofAny: names, in: header)
    }
    public static func columnIndex(ofAny names: [String], in header: [String]) -> Int? {
        let keys = header.map(normalizedHeader)
        for name in names {
            if let i = keys.firstIndex(of: normalizedHeader(name)) { return i }
        }
        return nil
    }
    /// Lower-cased, trimmed, diacritics folded ("Regio's" → "regio's").
    public static func normalizedHeader(_ name: String) -> String {
        name.trimmingCharacters(in: .whitespacesAndNewlines)
            .folding(options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "en_US_POSIX"))
    }

    /// The value of column `name` in `row`, or nil if the column or the field does not exist.
    public func value(_ row: CSVRecord, _ name: String) -> String? {
        guard let i = columnIndex(name) else { return nil }
        return row.field(i)
    }
}

/// Writes RFC 4180 CSV. Fields are quoted only when they contain the separator, a quote or a line break.
public struct CSVWriter: Sendable {
    public var separator: CSVSeparator
    public var lineEnding: String
    /// Prefix `'` to text cells that a spreadsheet would read as a formula (see `neutralise`).
    public var neutraliseFormulas: Bool
    public private(set) var text: String

    /// - Parameters:
    ///   - includeBOM: start with a UTF-8 byte order mark (helps Excel detect UTF-8).
    ///   - lineEnding: "\r\n" (RFC 4180, default) or "\n".
    ///   - neutraliseFormulas: on for every download people open in a spreadsheet; off only for
    ///     machine interchange formats whose values must survive a round trip (HSDS).
    public init(
        separator: CSVSeparator = .semicolon, includeBOM: Bool = false, lineEnding: String = "\r\n",
        neutraliseFormulas: Bool = true
    ) {
        self.separator = separator
        self.lineEnding = lineEnding
        self.neutraliseFormulas = neutraliseFormulas
        self.text = includeBOM ? "\u{FEFF}" : ""
    }

    /// CSV formula injection: Excel and LibreOffice run a cell that starts with `=`, `+`, `-`, `@`,
    /// a tab or a carriage return as a formula (`=HYPERLINK(…)`). Such a text cell gets a leading
    /// `'`, which spreadsheets show as text. A cell that is just a number (`-1,5`, `-1.069`,
    /// `+3`) is left as it is: it is not a formula, and the numbers Vitaal writes must stay numbers.
    public static func neutralise(_ field: String) -> String {
        guard let first = field.utf8.first,
            first == UInt8(ascii: "=") || first == UInt8(ascii: "+") || first == UInt8(ascii: "-")
                || first == UInt8(ascii: "@") || first == 0x09 || first == 0x0D
        else { return field }
        if isPlainNumber(field) { return field }
        return "'" + field
    }

    static func isPlainNumber(_ field: String) -> Bool {
        let body = field.utf8.dropFirst(field.hasPrefix("-") || field.hasPrefix("+") ? 1 : 0)
        var digits = 0
        for b in body {
            if b >= 0x30 && b <= 0x39 {
                digits += 1
            } else if b != UInt8(ascii: ".") && b != UInt8(ascii: ",") {
                return false
            }
        }
        return digits > 0
    }

    /// Quotes `field` if needed for `separator`.
    public static func escape(_ field: String, separator: CSVSeparator) -> String {
        let sep = separator.character
        let needs = field.contains { $0 == sep || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard needs else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One encoded line including the line ending (for streaming responses).
    public func line(_ fields: [String]) -> String {
        fields.map { Self.escape(neutraliseFormulas ? Self.neutralise($0) : $0, separator: separator) }.joined(
            separator: String(separator.character)) + lineEnding
    }

    public mutating func append(_ fields: [String]) { text += line(fields) }

    /// The UTF-8 encoded output.
    public var data: Data { Data(text.utf8) }
}
