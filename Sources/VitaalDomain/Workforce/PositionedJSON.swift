import Foundation

/// A JSON value that remembers where it stood in the source text (1-based line and column), so that
/// validation errors can name the line of a field. Foundation's `JSONSerialization` gives no positions.
public struct PositionedJSON: Sendable, Hashable {
    public indirect enum Value: Sendable, Hashable {
        case object([Member])
        case array([PositionedJSON])
        case string(String)
        case number(Double)
        case bool(Bool)
        case null
    }
    /// One `"key": value` pair; `line`/`column` are those of the key.
    public struct Member: Sendable, Hashable {
        public var key: String
        public var line: Int
        public var column: Int
        public var value: PositionedJSON
    }
    public var value: Value
    public var line: Int
    public var column: Int

    /// Short Dutch name of the JSON type, for messages ("een getal", "een object" …).
    public var typeName: String {
        switch value {
        case .object: return "een object"
        case .array: return "een lijst"
        case .string: return "tekst"
        case .number: return "een getal"
        case .bool: return "true/false"
        case .null: return "null"
        }
    }

    /// Parses `text`; a syntax error becomes a `VitaalError` naming line and column.
    public static func parse(_ text: String, file: String? = nil) throws -> PositionedJSON {
        var scanner = Scanner(bytes: Array(text.utf8), file: file)
        scanner.skipWhitespace()
        let value = try scanner.parseValue(depth: 0)
        scanner.skipWhitespace()
        if scanner.index < scanner.bytes.count {
            throw scanner.error("onverwachte tekst na het einde van het JSON-document")
        }
        return value
    }

    private struct Scanner {
        let bytes: [UInt8]
        let file: String?
        var index = 0
        var line = 1
        var lineStart = 0

        init(bytes: [UInt8], file: String?) { self.bytes = bytes; self.file = file }

        var column: Int { index - lineStart + 1 }

        func error(_ message: String) -> VitaalError {
            VitaalError.invalid("ongeldige JSON: \(message)", at: SourceLocation(file: file, line: line, column: column))
        }

        mutating func skipWhitespace() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x09, 0x0D: index += 1
                case 0x0A: index += 1; line += 1; lineStart = index
                default: return
                }
            }
        }

        mutating func parseValue(depth: Int) throws -> PositionedJSON {
            guard depth < 200 else { throw error("te diep genest") }
            guard index < bytes.count else { throw error("onverwacht einde van het bestand") }
            let startLine = line, startColumn = column
            let byte = bytes[index]
            let value: Value
            switch byte {
            case UInt8(ascii: "{"): value = try parseObject(depth: depth)
            case UInt8(ascii: "["): value = try parseArray(depth: depth)
            case UInt8(ascii: "\""): value = .string(try parseString())
            case UInt8(ascii: "t"): try expectWord("true"); value = .bool(true)
            case UInt8(ascii: "f"): try expectWord("false"); value = .bool(false)
            case UInt8(ascii: "n"): try expectWord("null"); value = .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): value = .number(try parseNumber())
            default: throw error("onverwacht teken '\(Character(Unicode.Scalar(byte)))'")
            }
            return PositionedJSON(value: value, line: startLine, column: startColumn)
        }

        mutating func expectWord(_ word: String) throws {
            let w = Array(word.utf8)
            guard index + w.count <= bytes.count, Array(bytes[index..<index + w.count]) == w else {
                throw error("ongeldig woord, verwacht '\(word)'")
            }
            index += w.count
        }

        mutating func parseObject(depth: Int) throws -> Value {
            index += 1
            var members: [Member] = []
            var seen = Set<String>()
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
            while true {
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw error("verwacht een veldnaam tussen aanhalingstekens") }
                let keyLine = line, keyColumn = column
                let key = try parseString()
                if !seen.insert(key).inserted {
                    throw VitaalError.invalid("veld \"\(key)\" komt twee keer voor", at: SourceLocation(file: file, line: keyLine, column: keyColumn, field: key))
                }
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw error("verwacht ':' na veldnaam \"\(key)\"") }
                index += 1
                skipWhitespace()
                let value = try parseValue(depth: depth + 1)
                members.append(Member(key: key, line: keyLine, column: keyColumn, value: value))
                skipWhitespace()
                guard index < bytes.count else { throw error("onverwacht einde van het bestand in een object") }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                if bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
                throw error("verwacht ',' of '}'")
            }
        }

        mutating func parseArray(depth: Int) throws -> Value {
            index += 1
            var items: [PositionedJSON] = []
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items) }
            while true {
                skipWhitespace()
                items.append(try parseValue(depth: depth + 1))
                skipWhitespace()
                guard index < bytes.count else { throw error("onverwacht einde van het bestand in een lijst") }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                if bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items) }
                throw error("verwacht ',' of ']'")
            }
        }

        mutating func parseString() throws -> String {
            index += 1
            var out: [UInt8] = []
            while index < bytes.count {
                let b = bytes[index]
                if b == UInt8(ascii: "\"") { index += 1; return String(decoding: out, as: UTF8.self) }
                if b == 0x0A || b < 0x20 { throw error("regeleinde of stuurteken binnen tekst") }
                if b == UInt8(ascii: "\\") {
                    index += 1
                    guard index < bytes.count else { break }
                    let e = bytes[index]
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
                        var scalar = try parseHex4()
                        if (0xD800...0xDBFF).contains(scalar) {
                            guard index + 2 < bytes.count, bytes[index + 1] == UInt8(ascii: "\\"), bytes[index + 2] == UInt8(ascii: "u") else {
                                throw error("ongeldige unicode-escape")
                            }
                            index += 2
                            let low = try parseHex4()
                            guard (0xDC00...0xDFFF).contains(low) else { throw error("ongeldige unicode-escape") }
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        }
                        guard let u = Unicode.Scalar(scalar) else { throw error("ongeldige unicode-escape") }
                        out.append(contentsOf: Array(String(Character(u)).utf8))
                    default: throw error("ongeldige escape in tekst")
                    }
                    index += 1
                    continue
                }
                out.append(b)
                index += 1
            }
            throw error("tekst niet afgesloten met '\"'")
        }

        /// Reads four hex digits after `\u`; leaves `index` on the last digit.
        mutating func parseHex4() throws -> UInt32 {
            guard index + 4 < bytes.count else { throw error("ongeldige unicode-escape") }
            var v: UInt32 = 0
            for k in 1...4 {
                let c = bytes[index + k]
                let d: UInt32
                switch c {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(c - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(c - UInt8(ascii: "a") + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(c - UInt8(ascii: "A") + 10)
                default: throw error("ongeldige unicode-escape")
                }
                v = v * 16 + d
            }
            index += 4
            return v
        }

        mutating func parseNumber() throws -> Double {
            let start = index
            if bytes[index] == UInt8(ascii: "-") { index += 1 }
            func digits(_ s: inout Scanner) -> Int {
                var n = 0
                while s.index < s.bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(s.bytes[s.index]) { s.index += 1; n += 1 }
                return n
            }
            guard digits(&self) > 0 else { throw error("ongeldig getal") }
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                guard digits(&self) > 0 else { throw error("ongeldig getal") }
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
                index += 1
                if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
                guard digits(&self) > 0 else { throw error("ongeldig getal") }
            }
            guard let v = Double(String(decoding: bytes[start..<index], as: UTF8.self)), v.isFinite else { throw error("ongeldig getal") }
            return v
        }
    }
}

/// Deterministic pretty JSON writer with sorted keys (two-space indent), used by `WorkforceScenarioCodec.encode`.
enum JSONWriter {
    indirect enum Node {
        case object([(String, Node)])
        case array([Node])
        case string(String)
        case number(Double)
        case bool(Bool)
        case null
    }

    static func write(_ node: Node) -> String {
        var out = ""
        emit(node, indent: 0, into: &out)
        out.append("\n")
        return out
    }

    static func formatNumber(_ v: Double) -> String {
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        return "\(v)"
    }

    private static func emit(_ node: Node, indent: Int, into out: inout String) {
        let pad = String(repeating: " ", count: indent + 2)
        switch node {
        case .object(let members):
            if members.isEmpty { out.append("{}"); return }
            out.append("{\n")
            let sorted = members.sorted { $0.0 < $1.0 }
            for (k, (key, value)) in sorted.enumerated() {
                out.append(pad); out.append(quote(key)); out.append(": ")
                emit(value, indent: indent + 2, into: &out)
                if k < sorted.count - 1 { out.append(",") }
                out.append("\n")
            }
            out.append(String(repeating: " ", count: indent)); out.append("}")
        case .array(let items):
            if items.isEmpty { out.append("[]"); return }
            // Short lists of numbers stay on one line (shares per age band etc.).
            if items.count <= 12, items.allSatisfy({ if case .number = $0 { return true } else { return false } }) {
                out.append("[")
                out.append(items.map { if case .number(let v) = $0 { return formatNumber(v) } else { return "" } }.joined(separator: ", "))
                out.append("]")
                return
            }
            out.append("[\n")
            for (k, item) in items.enumerated() {
                out.append(pad)
                emit(item, indent: indent + 2, into: &out)
                if k < items.count - 1 { out.append(",") }
                out.append("\n")
            }
            out.append(String(repeating: " ", count: indent)); out.append("]")
        case .string(let s): out.append(quote(s))
        case .number(let v): out.append(formatNumber(v))
        case .bool(let b): out.append(b ? "true" : "false")
        case .null: out.append("null")
        }
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out.append("\\\"")
            case "\\": out.append("\\\\")
            case "\n": out.append("\\n")
            case "\r": out.append("\\r")
            case "\t": out.append("\\t")
            default:
                if scalar.value < 0x20 { out.append(String(format: "\\u%04x", scalar.value)) } else { out.unicodeScalars.append(scalar) }
            }
        }
        out.append("\"")
        return out
    }
}
