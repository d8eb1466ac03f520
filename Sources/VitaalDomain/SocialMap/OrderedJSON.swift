import Foundation

/// A JSON value that keeps object keys in document order, so unknown fields can be carried
/// verbatim through an import and written back in the same order. Numbers keep their source text
/// (`"52.5"` stays `52.5`), which makes re-export byte-stable.
public enum OrderedJSON: Sendable, Hashable {
    case null
    case bool(Bool)
    /// The number's literal text as it appeared (or as Vitaal formatted it).
    case number(String)
    case string(String)
    case array([OrderedJSON])
    case object([(key: String, value: OrderedJSON)])

    public static func == (lhs: OrderedJSON, rhs: OrderedJSON) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.number(a), .number(b)): return a == b
        case let (.string(a), .string(b)): return a == b
        case let (.array(a), .array(b)): return a == b
        case let (.object(a), .object(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }
    public func hash(into hasher: inout Hasher) { hasher.combine(serialized()) }

    /// The value of `key` if this is an object that has it.
    public subscript(key: String) -> OrderedJSON? {
        if case let .object(pairs) = self { return pairs.first { $0.key == key }?.value }
        return nil
    }

    /// Text for a CSV cell: strings as they are, other values as compact JSON.
    public var cellText: String {
        if case let .string(s) = self { return s }
        if case .null = self { return "" }
        return serialized()
    }

    // MARK: Writing

    /// Deterministic JSON text: two-space indentation, keys in stored order, `/` not escaped.
    public func serialized(pretty: Bool = false) -> String {
        var out = ""
        write(into: &out, indent: pretty ? 0 : nil)
        return out
    }

    private func write(into out: inout String, indent: Int?) {
        switch self {
        case .null: out += "null"
        case let .bool(b): out += b ? "true" : "false"
        case let .number(n): out += n
        case let .string(s): OrderedJSON.writeString(s, into: &out)
        case let .array(items):
            if items.isEmpty { out += "[]"; return }
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                if let indent { out += "\n" + String(repeating: "  ", count: indent + 1) }
                item.write(into: &out, indent: indent.map { $0 + 1 })
            }
            if let indent { out += "\n" + String(repeating: "  ", count: indent) }
            out += "]"
        case let .object(pairs):
            if pairs.isEmpty { out += "{}"; return }
            out += "{"
            for (i, pair) in pairs.enumerated() {
                if i > 0 { out += "," }
                if let indent { out += "\n" + String(repeating: "  ", count: indent + 1) }
                OrderedJSON.writeString(pair.key, into: &out)
                out += indent == nil ? ":" : ": "
                pair.value.write(into: &out, indent: indent.map { $0 + 1 })
            }
            if let indent { out += "\n" + String(repeating: "  ", count: indent) }
            out += "}"
        }
    }

    private static func writeString(_ s: String, into out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }

    // MARK: Parsing

    /// Parses JSON text. Errors name the file and the line/column of the fault.
    public static func parse(_ data: Data, fileName: String) throws(VitaalError) -> OrderedJSON {
        var parser = Parser(bytes: Array(data), file: fileName)
        parser.skipWhitespace()
        let value = try parser.parseValue(depth: 0)
        parser.skipWhitespace()
        if parser.pos < parser.bytes.count { throw parser.error("onverwachte tekens na het einde van de JSON") }
        return value
    }

    private struct Parser {
        let bytes: [UInt8]
        let file: String
        var pos = 0

        init(bytes: [UInt8], file: String) {
            // Skip a UTF-8 byte-order mark.
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { self.bytes = Array(bytes.dropFirst(3)) } else { self.bytes = bytes }
            self.file = file
        }

        func error(_ message: String) -> VitaalError {
            var line = 1, column = 1
            for b in bytes[0..<min(pos, bytes.count)] { if b == 0x0A { line += 1; column = 1 } else { column += 1 } }
            return .invalid("ongeldige JSON: \(message)", at: SourceLocation(file: file, line: line, column: column))
        }

        mutating func skipWhitespace() {
            while pos < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[pos]) { pos += 1 }
        }

        mutating func expect(_ literal: String) throws(VitaalError) {
            let lit = Array(literal.utf8)
            guard pos + lit.count <= bytes.count, Array(bytes[pos..<pos + lit.count]) == lit else {
                throw error("'\(literal)' verwacht")
            }
            pos += lit.count
        }

        mutating func parseValue(depth: Int) throws(VitaalError) -> OrderedJSON {
            guard depth < 200 else { throw error("te diep genest") }
            guard pos < bytes.count else { throw error("onverwacht einde") }
            switch bytes[pos] {
            case UInt8(ascii: "{"):
                pos += 1
                var pairs: [(key: String, value: OrderedJSON)] = []
                skipWhitespace()
                if pos < bytes.count, bytes[pos] == UInt8(ascii: "}") { pos += 1; return .object(pairs) }
                while true {
                    skipWhitespace()
                    guard pos < bytes.count, bytes[pos] == UInt8(ascii: "\"") else { throw error("sleutel tussen aanhalingstekens verwacht") }
                    let key = try parseString()
                    skipWhitespace()
                    try expect(":")
                    skipWhitespace()
                    let value = try parseValue(depth: depth + 1)
                    if pairs.contains(where: { $0.key == key }) { throw error("sleutel \"\(key)\" komt twee keer voor") }
                    pairs.append((key, value))
                    skipWhitespace()
                    guard pos < bytes.count else { throw error("onverwacht einde in object") }
                    if bytes[pos] == UInt8(ascii: ",") { pos += 1; continue }
                    if bytes[pos] == UInt8(ascii: "}") { pos += 1; return .object(pairs) }
                    throw error("',' of '}' verwacht")
                }
            case UInt8(ascii: "["):
                pos += 1
                var items: [OrderedJSON] = []
                skipWhitespace()
                if pos < bytes.count, bytes[pos] == UInt8(ascii: "]") { pos += 1; return .array(items) }
                while true {
                    skipWhitespace()
                    items.append(try parseValue(depth: depth + 1))
                    skipWhitespace()
                    guard pos < bytes.count else { throw error("onverwacht einde in lijst") }
                    if bytes[pos] == UInt8(ascii: ",") { pos += 1; continue }
                    if bytes[pos] == UInt8(ascii: "]") { pos += 1; return .array(items) }
                    throw error("',' of ']' verwacht")
                }
            case UInt8(ascii: "\""): return .string(try parseString())
            case UInt8(ascii: "t"): try expect("true"); return .bool(true)
            case UInt8(ascii: "f"): try expect("false"); return .bool(false)
            case UInt8(ascii: "n"): try expect("null"); return .null
            default: return .number(try parseNumber())
            }
        }

        mutating func parseNumber() throws(VitaalError) -> String {
            let start = pos
            if pos < bytes.count, bytes[pos] == UInt8(ascii: "-") { pos += 1 }
            var digits = 0
            while pos < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[pos]) { pos += 1; digits += 1 }
            guard digits > 0 else { throw error("waarde verwacht") }
            if pos < bytes.count, bytes[pos] == UInt8(ascii: ".") {
                pos += 1
                var frac = 0
                while pos < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[pos]) { pos += 1; frac += 1 }
                guard frac > 0 else { throw error("cijfer na de punt verwacht") }
            }
            if pos < bytes.count, bytes[pos] == UInt8(ascii: "e") || bytes[pos] == UInt8(ascii: "E") {
                pos += 1
                if pos < bytes.count, bytes[pos] == UInt8(ascii: "+") || bytes[pos] == UInt8(ascii: "-") { pos += 1 }
                var exp = 0
                while pos < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[pos]) { pos += 1; exp += 1 }
                guard exp > 0 else { throw error("exponent verwacht") }
            }
            return String(decoding: bytes[start..<pos], as: UTF8.self)
        }

        mutating func parseHex4() throws(VitaalError) -> UInt32 {
            guard pos + 4 <= bytes.count, let v = UInt32(String(decoding: bytes[pos..<pos + 4], as: UTF8.self), radix: 16) else {
                throw error("ongeldige \\u-code")
            }
            pos += 4
            return v
        }

        mutating func parseString() throws(VitaalError) -> String {
            pos += 1 // opening quote
            var buffer: [UInt8] = []
            while true {
                guard pos < bytes.count else { throw error("tekst niet afgesloten") }
                let b = bytes[pos]
                if b == UInt8(ascii: "\"") { pos += 1; break }
                if b < 0x20 { throw error("stuurteken in tekst") }
                if b == UInt8(ascii: "\\") {
                    pos += 1
                    guard pos < bytes.count else { throw error("tekst niet afgesloten") }
                    let e = bytes[pos]; pos += 1
                    switch e {
                    case UInt8(ascii: "\""): buffer.append(0x22)
                    case UInt8(ascii: "\\"): buffer.append(0x5C)
                    case UInt8(ascii: "/"): buffer.append(0x2F)
                    case UInt8(ascii: "b"): buffer.append(0x08)
                    case UInt8(ascii: "f"): buffer.append(0x0C)
                    case UInt8(ascii: "n"): buffer.append(0x0A)
                    case UInt8(ascii: "r"): buffer.append(0x0D)
                    case UInt8(ascii: "t"): buffer.append(0x09)
                    case UInt8(ascii: "u"):
                        var code = try parseHex4()
                        if (0xD800...0xDBFF).contains(code) {
                            try expect("\\u")
                            let low = try parseHex4()
                            guard (0xDC00...0xDFFF).contains(low) else { throw error("ongeldig surrogaatpaar") }
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        }
                        guard let scalar = Unicode.Scalar(code) else { throw error("ongeldige \\u-code") }
                        buffer.append(contentsOf: Array(String(Character(scalar)).utf8))
                    default: throw error("ongeldige escape")
                    }
                } else {
                    buffer.append(b); pos += 1
                }
            }
            guard let s = String(validating: buffer, as: UTF8.self) else { throw error("geen geldige UTF-8") }
            return s
        }
    }
}
