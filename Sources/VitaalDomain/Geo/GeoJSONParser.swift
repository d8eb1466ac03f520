import Foundation

/// A JSON value that remembers where in the text it started, so GeoJSON problems can name a
/// line and column. Internal to the GeoJSON reader; numbers keep their literal text.
struct GeoJSONNode: Sendable {
    indirect enum Value: Sendable {
        case object([(key: String, node: GeoJSONNode)])
        case array([GeoJSONNode])
        case string(String)
        case number(Double, literal: String)
        case bool(Bool)
        case null
    }
    var value: Value
    /// Byte offset of the value's first character.
    var offset: Int

    subscript(key: String) -> GeoJSONNode? {
        if case .object(let members) = value { return members.last { $0.key == key }?.node }
        return nil
    }
    var string: String? { if case .string(let s) = value { return s }; return nil }
    var array: [GeoJSONNode]? { if case .array(let a) = value { return a }; return nil }
    var number: Double? { if case .number(let d, _) = value { return d }; return nil }
    var isNull: Bool { if case .null = value { return true }; return false }

    /// Short Dutch name of the JSON kind, for messages ("een tekst", "een getal").
    var kindName: String {
        switch value {
        case .object: return "een object"
        case .array: return "een lijst"
        case .string: return "een tekst"
        case .number: return "een getal"
        case .bool: return "een booleaanse waarde"
        case .null: return "null"
        }
    }

    /// The value as property text: strings as they are, numbers as written, other values as JSON.
    var propertyText: String? {
        switch value {
        case .string(let s): return s
        case .number(_, let literal): return literal
        case .bool(let b): return b ? "true" : "false"
        case .null: return nil
        case .object, .array: return GeoJSONWriter.json(self)
        }
    }
}

/// Strict RFC 8259 parser over UTF-8 bytes with line/column reporting.
struct GeoJSONParser {
    struct Failure: Error { var message: String; var offset: Int }

    private let bytes: [UInt8]
    private var i = 0
    private static let maxDepth = 100

    init(_ data: Data) { bytes = Array(data) }

    /// Parses the whole text (one value, surrounding whitespace allowed, a UTF-8 BOM skipped).
    mutating func parseDocument() throws(Failure) -> GeoJSONNode {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
        skipWhitespace()
        guard i < bytes.count else { throw Failure(message: "het bestand is leeg", offset: i) }
        let node = try parseValue(depth: 0)
        skipWhitespace()
        guard i == bytes.count else { throw Failure(message: "onverwachte tekst na het einde van de JSON", offset: i) }
        return node
    }

    /// The parsed bytes, for turning offsets into lines and columns (`GeoJSONLineIndex`).
    var text: [UInt8] { bytes }

    private mutating func skipWhitespace() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
    }

    private func describe(_ byte: UInt8?) -> String {
        guard let byte else { return "het einde van het bestand" }
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(UnicodeScalar(byte)))'" }
        return String(format: "byte 0x%02X", Int(byte))
    }

    private mutating func parseValue(depth: Int) throws(Failure) -> GeoJSONNode {
        guard depth < Self.maxDepth else { throw Failure(message: "te diep genest (meer dan \(Self.maxDepth) niveaus)", offset: i) }
        let start = i
        guard i < bytes.count else { throw Failure(message: "waarde verwacht maar het bestand houdt op", offset: i) }
        switch bytes[i] {
        case UInt8(ascii: "{"):
            i += 1
            var members: [(key: String, node: GeoJSONNode)] = []
            skipWhitespace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return GeoJSONNode(value: .object(members), offset: start) }
            while true {
                skipWhitespace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else {
                    throw Failure(message: "naam tussen aanhalingstekens verwacht, gevonden \(describe(i < bytes.count ? bytes[i] : nil))", offset: i)
                }
                let key = try parseString()
                skipWhitespace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else {
                    throw Failure(message: "':' verwacht na \"\(key)\", gevonden \(describe(i < bytes.count ? bytes[i] : nil))", offset: i)
                }
                i += 1
                skipWhitespace()
                members.append((key, try parseValue(depth: depth + 1)))
                skipWhitespace()
                guard i < bytes.count else { throw Failure(message: "',' of '}' verwacht, maar het bestand houdt op", offset: i) }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == UInt8(ascii: "}") { i += 1; break }
                throw Failure(message: "',' of '}' verwacht, gevonden \(describe(bytes[i]))", offset: i)
            }
            return GeoJSONNode(value: .object(members), offset: start)
        case UInt8(ascii: "["):
            i += 1
            var items: [GeoJSONNode] = []
            skipWhitespace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; return GeoJSONNode(value: .array(items), offset: start) }
            while true {
                skipWhitespace()
                items.append(try parseValue(depth: depth + 1))
                skipWhitespace()
                guard i < bytes.count else { throw Failure(message: "',' of ']' verwacht, maar het bestand houdt op", offset: i) }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == UInt8(ascii: "]") { i += 1; break }
                throw Failure(message: "',' of ']' verwacht, gevonden \(describe(bytes[i]))", offset: i)
            }
            return GeoJSONNode(value: .array(items), offset: start)
        case UInt8(ascii: "\""):
            return GeoJSONNode(value: .string(try parseString()), offset: start)
        case UInt8(ascii: "t"): try literal("true"); return GeoJSONNode(value: .bool(true), offset: start)
        case UInt8(ascii: "f"): try literal("false"); return GeoJSONNode(value: .bool(false), offset: start)
        case UInt8(ascii: "n"): try literal("null"); return GeoJSONNode(value: .null, offset: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return try parseNumber()
        default:
            throw Failure(message: "waarde verwacht, gevonden \(describe(bytes[i]))", offset: i)
        }
    }

    private mutating func literal(_ word: String) throws(Failure) {
        let w = Array(word.utf8)
        guard i + w.count <= bytes.count, Array(bytes[i..<(i + w.count)]) == w else {
            throw Failure(message: "onbekend woord; bedoeld \(word)? (tekst moet tussen aanhalingstekens)", offset: i)
        }
        i += w.count
    }

    private mutating func parseNumber() throws(Failure) -> GeoJSONNode {
        let start = i
        func digits() -> Int { let s = i; while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 { i += 1 }; return i - s }
        if bytes[i] == UInt8(ascii: "-") { i += 1 }
        let intStart = i
        guard digits() > 0 else { throw Failure(message: "ongeldig getal: cijfer verwacht na '-'", offset: i) }
        if i - intStart > 1, bytes[intStart] == UInt8(ascii: "0") {
            throw Failure(message: "ongeldig getal: geen voorloopnullen toegestaan", offset: start)
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard digits() > 0 else { throw Failure(message: "ongeldig getal: cijfer verwacht na de punt", offset: i) }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard digits() > 0 else { throw Failure(message: "ongeldig getal: cijfer verwacht in de exponent", offset: i) }
        }
        let text = String(decoding: bytes[start..<i], as: UTF8.self)
        // Double(_:) gives ±infinity for out-of-range literals; the GeoJSON checks report those.
        return GeoJSONNode(value: .number(Double(text) ?? .nan, literal: text), offset: start)
    }

    private mutating func parseString() throws(Failure) -> String {
        let start = i
        i += 1  // opening quote
        var out: [UInt8] = []
        while true {
            guard i < bytes.count else { throw Failure(message: "tekst niet afgesloten met '\"'", offset: start) }
            let b = bytes[i]
            if b == UInt8(ascii: "\"") { i += 1; break }
            if b < 0x20 { throw Failure(message: "regeleinde of besturingsteken in tekst (gebruik \\n)", offset: i) }
            if b != UInt8(ascii: "\\") { out.append(b); i += 1; continue }
            i += 1
            guard i < bytes.count else { throw Failure(message: "tekst niet afgesloten met '\"'", offset: start) }
            let e = bytes[i]
            i += 1
            switch e {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var code = try hex4()
                if (0xD800..<0xDC00).contains(code), i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") {
                    i += 2
                    let low = try hex4()
                    if (0xDC00..<0xE000).contains(low) { code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00) }
                }
                let scalar = UnicodeScalar(code) ?? "\u{FFFD}"
                out += Array(String(Character(scalar)).utf8)
            default:
                throw Failure(message: "onbekende escape '\\\(Character(UnicodeScalar(e)))' in tekst", offset: i - 2)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        guard i + 4 <= bytes.count else { throw Failure(message: "\\u moet gevolgd worden door 4 hexadecimale cijfers", offset: i) }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[i]
            let d: UInt32
            switch b {
            case 0x30...0x39: d = UInt32(b - 0x30)
            case 0x41...0x46: d = UInt32(b - 0x41 + 10)
            case 0x61...0x66: d = UInt32(b - 0x61 + 10)
            default: throw Failure(message: "\\u moet gevolgd worden door 4 hexadecimale cijfers", offset: i)
            }
            v = v * 16 + d
            i += 1
        }
        return v
    }
}

/// Turns byte offsets into 1-based line and column (columns count characters, not bytes).
struct GeoJSONLineIndex {
    private let bytes: [UInt8]
    private let lineStarts: [Int]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        for (n, b) in bytes.enumerated() where b == 0x0A { starts.append(n + 1) }
        lineStarts = starts
    }

    func lineAndColumn(_ offset: Int) -> (line: Int, column: Int) {
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        let end = min(offset, bytes.count)
        let column = 1 + bytes[lineStarts[lo]..<max(lineStarts[lo], end)].reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) }
        return (lo + 1, column)
    }
}

/// Compact, stable JSON text (keys in the given order, numbers as literally written).
enum GeoJSONWriter {
    static func json(_ node: GeoJSONNode) -> String {
        var out = ""
        write(node, into: &out)
        return out
    }

    private static func write(_ node: GeoJSONNode, into out: inout String) {
        switch node.value {
        case .object(let members):
            out += "{"
            for (n, m) in members.enumerated() {
                if n > 0 { out += "," }
                out += quote(m.key) + ":"
                write(m.node, into: &out)
            }
            out += "}"
        case .array(let items):
            out += "["
            for (n, item) in items.enumerated() {
                if n > 0 { out += "," }
                write(item, into: &out)
            }
            out += "]"
        case .string(let s): out += quote(s)
        case .number(_, let literal): out += literal
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        }
    }

    /// A JSON string literal; non-ASCII characters stay as UTF-8.
    static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
