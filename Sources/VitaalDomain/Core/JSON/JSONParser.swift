import Foundation

/// The one JSON reader of Vitaal: strict RFC 8259 over UTF-8 (a byte order mark is skipped).
///
/// Every node gets its `JSONPosition` (line, column in characters, byte offset); object keys get
/// theirs in `Member.keyPosition`. Every error is a `VitaalError` (`invalidInput`) whose message
/// starts with "ongeldige JSON: " and whose location names the file, line and column of the fault.
/// Duplicate keys in one object are refused (at the second key), so no member is silently lost.
/// Limits: nesting depth and input size (`Limits`), both with a clear message.
public enum JSONParser {
    public struct Limits: Sendable {
        /// Deepest nesting of arrays and objects (the outermost value is level 1).
        public var maxDepth: Int
        /// Largest input in bytes.
        public var maxBytes: Int

        public init(maxDepth: Int = 100, maxBytes: Int = 256 * 1024 * 1024) {
            self.maxDepth = maxDepth
            self.maxBytes = maxBytes
        }
        public static let `default` = Limits()
    }

    public static func parse(
        _ data: Data, file: String? = nil, limits: Limits = .default
    ) throws(VitaalError) -> JSONNode {
        try checkSize(data.count, file: file, limits: limits)
        return try parse(bytes: Array(data), file: file, limits: limits)
    }

    public static func parse(
        _ text: String, file: String? = nil, limits: Limits = .default
    ) throws(VitaalError) -> JSONNode {
        try checkSize(text.utf8.count, file: file, limits: limits)
        return try parse(bytes: Array(text.utf8), file: file, limits: limits)
    }

    public static func parse(
        bytes: [UInt8], file: String? = nil, limits: Limits = .default
    ) throws(VitaalError) -> JSONNode {
        try checkSize(bytes.count, file: file, limits: limits)
        var scanner = JSONScanner(bytes: bytes, file: file, maxDepth: limits.maxDepth)
        return try scanner.document()
    }

    /// Whether `text` is a number in JSON syntax (`-0.5e3`, not `+1`, `.5`, `01` or `NaN`).
    public static func isNumber(_ text: String) -> Bool {
        var scanner = JSONScanner(bytes: Array(text.utf8), file: nil, maxDepth: 1)
        guard let first = text.utf8.first, first == UInt8(ascii: "-") || (0x30...0x39).contains(first) else {
            return false
        }
        guard (try? scanner.number()) != nil else { return false }
        return scanner.atEnd
    }

    private static func checkSize(_ count: Int, file: String?, limits: Limits) throws(VitaalError) {
        guard count > limits.maxBytes else { return }
        throw VitaalError.invalid(
            "ongeldige JSON: het bestand is te groot (\(megabytes(count)); hoogstens "
                + "\(megabytes(limits.maxBytes)))", at: SourceLocation(file: file))
    }

    static func megabytes(_ bytes: Int) -> String {
        bytes >= 1 << 20 ? "\(bytes >> 20) MB" : bytes >= 1 << 10 ? "\(bytes >> 10) kB" : "\(bytes) bytes"
    }
}

/// The scanner behind `JSONParser`. `column` is kept cheap by counting the UTF-8 continuation bytes
/// on the current line (they only occur inside strings), so a minified file on one line is still linear.
struct JSONScanner {
    private let bytes: [UInt8]
    private let file: String?
    private let maxDepth: Int
    private var i = 0
    private var line = 1
    private var lineStart = 0
    /// UTF-8 continuation bytes in `bytes[lineStart..<i]`.
    private var continuations = 0

    init(bytes: [UInt8], file: String?, maxDepth: Int) {
        self.bytes = bytes
        self.file = file
        self.maxDepth = maxDepth
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            i = 3
            lineStart = 3
        }
    }

    var atEnd: Bool { i >= bytes.count }
    private var here: JSONPosition { JSONPosition(offset: i, line: line, column: i - lineStart - continuations + 1) }
    private var current: UInt8? { i < bytes.count ? bytes[i] : nil }

    private func error(_ message: String, at position: JSONPosition? = nil, field: String? = nil) -> VitaalError {
        VitaalError.invalid("ongeldige JSON: \(message)", at: (position ?? here).location(file: file, field: field))
    }

    /// What stands at the current position, for messages: `'x'`, `'é'`, `byte 0x01` or the end.
    private func found() -> String {
        guard let byte = current else { return "het einde van het bestand" }
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(UnicodeScalar(byte)))'" }
        if byte >= 0xC0 {
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
            if let ch = String(validating: bytes[i..<min(bytes.count, i + length)], as: UTF8.self) { return "'\(ch)'" }
        }
        return String(format: "byte 0x%02X", Int(byte))
    }

    mutating func document() throws(VitaalError) -> JSONNode {
        skipWhitespace()
        guard !atEnd else { throw error("het bestand is leeg") }
        let node = try value(depth: 1)
        skipWhitespace()
        guard atEnd else { throw error("onverwachte tekst na het einde van de JSON, gevonden \(found())") }
        return node
    }

    private mutating func skipWhitespace() {
        while i < bytes.count {
            switch bytes[i] {
            case 0x20, 0x09, 0x0D: i += 1
            case 0x0A:
                i += 1
                line += 1
                lineStart = i
                continuations = 0
            default: return
            }
        }
    }

    private mutating func value(depth: Int) throws(VitaalError) -> JSONNode {
        let start = here
        guard let byte = current else { throw error("waarde verwacht, maar het bestand houdt op") }
        switch byte {
        case UInt8(ascii: "{"): return JSONNode(.object(try objectMembers(depth: depth)), position: start)
        case UInt8(ascii: "["): return JSONNode(.array(try arrayItems(depth: depth)), position: start)
        case UInt8(ascii: "\""): return JSONNode(.string(try string()), position: start)
        case UInt8(ascii: "t"):
            try word("true")
            return JSONNode(.bool(true), position: start)
        case UInt8(ascii: "f"):
            try word("false")
            return JSONNode(.bool(false), position: start)
        case UInt8(ascii: "n"):
            try word("null")
            return JSONNode(.null, position: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return JSONNode(.number(try number()), position: start)
        default: throw error("waarde verwacht, gevonden \(found())")
        }
    }

    private mutating func enter(_ depth: Int) throws(VitaalError) {
        guard depth <= maxDepth else { throw error("te diep genest (meer dan \(maxDepth) niveaus)") }
        i += 1
        skipWhitespace()
    }

    private mutating func objectMembers(depth: Int) throws(VitaalError) -> [JSONNode.Member] {
        try enter(depth)
        var members: [JSONNode.Member] = []
        var seen = Set<String>()
        if current == UInt8(ascii: "}") {
            i += 1
            return members
        }
        while true {
            skipWhitespace()
            guard current == UInt8(ascii: "\"") else {
                throw error("naam tussen aanhalingstekens verwacht, gevonden \(found())")
            }
            let keyPosition = here
            let key = try string()
            guard seen.insert(key).inserted else {
                throw error("veld \"\(key)\" komt twee keer voor in hetzelfde object", at: keyPosition, field: key)
            }
            skipWhitespace()
            guard current == UInt8(ascii: ":") else { throw error("':' verwacht na \"\(key)\", gevonden \(found())") }
            i += 1
            skipWhitespace()
            members.append(JSONNode.Member(key, try value(depth: depth + 1), keyPosition: keyPosition))
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): i += 1
            case UInt8(ascii: "}"):
                i += 1
                return members
            case nil: throw error("',' of '}' verwacht, maar het bestand houdt op")
            default: throw error("',' of '}' verwacht, gevonden \(found())")
            }
        }
    }

    private mutating func arrayItems(depth: Int) throws(VitaalError) -> [JSONNode] {
        try enter(depth)
        var items: [JSONNode] = []
        if current == UInt8(ascii: "]") {
            i += 1
            return items
        }
        while true {
            skipWhitespace()
            items.append(try value(depth: depth + 1))
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): i += 1
            case UInt8(ascii: "]"):
                i += 1
                return items
            case nil: throw error("',' of ']' verwacht, maar het bestand houdt op")
            default: throw error("',' of ']' verwacht, gevonden \(found())")
            }
        }
    }

    private mutating func word(_ word: String) throws(VitaalError) {
        let w = Array(word.utf8)
        guard bytes.count - i >= w.count, bytes[i..<(i + w.count)].elementsEqual(w) else {
            throw error("onbekend woord; bedoeld \(word)? (tekst moet tussen aanhalingstekens)")
        }
        i += w.count
    }

    // MARK: Numbers

    private mutating func digits() -> Int {
        let start = i
        while let b = current, b >= 0x30, b <= 0x39 { i += 1 }
        return i - start
    }

    /// Reads a number and returns its literal text.
    mutating func number() throws(VitaalError) -> String {
        let start = i
        if current == UInt8(ascii: "-") { i += 1 }
        let intStart = i
        guard digits() > 0 else { throw error("ongeldig getal: cijfer verwacht na '-'") }
        if i - intStart > 1, bytes[intStart] == UInt8(ascii: "0") {
            throw error("ongeldig getal: geen voorloopnullen toegestaan", at: position(of: start))
        }
        if current == UInt8(ascii: ".") {
            i += 1
            guard digits() > 0 else { throw error("ongeldig getal: cijfer verwacht na de punt") }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            i += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { i += 1 }
            guard digits() > 0 else { throw error("ongeldig getal: cijfer verwacht in de exponent") }
        }
        return String(decoding: bytes[start..<i], as: UTF8.self)
    }

    /// Position of an earlier offset on the current line, outside any string.
    private func position(of offset: Int) -> JSONPosition {
        JSONPosition(offset: offset, line: line, column: offset - lineStart - continuations + 1)
    }

    // MARK: Strings

    /// Reads a string starting at its opening quote.
    private mutating func string() throws(VitaalError) -> String {
        let start = here
        i += 1
        var out: [UInt8] = []
        while true {
            let runStart = i
            while let b = current, b != UInt8(ascii: "\""), b != UInt8(ascii: "\\"), b >= 0x20 {
                if b & 0xC0 == 0x80 { continuations += 1 }
                i += 1
            }
            guard let b = current else { throw error("tekst niet afgesloten met '\"'", at: start) }
            if b == UInt8(ascii: "\""), out.isEmpty, runStart == start.offset + 1 {
                // No escapes: the common case, without a copy.
                i += 1
                guard let text = String(validating: bytes[runStart..<(i - 1)], as: UTF8.self) else {
                    throw error("tekst is geen geldige UTF-8", at: start)
                }
                return text
            }
            out.append(contentsOf: bytes[runStart..<i])
            if b == UInt8(ascii: "\"") {
                i += 1
                break
            }
            if b < 0x20 { throw error("regeleinde of besturingsteken in tekst (gebruik \\n)") }
            try escape(into: &out)
        }
        guard let text = String(validating: out, as: UTF8.self) else {
            throw error("tekst is geen geldige UTF-8", at: start)
        }
        return text
    }

    /// Reads one escape sequence starting at the backslash.
    private mutating func escape(into out: inout [UInt8]) throws(VitaalError) {
        let escapeStart = here
        i += 1
        guard let e = current else { throw error("tekst niet afgesloten met '\"'") }
        i += 1
        switch e {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "u"): out.append(contentsOf: Array(String(try unicodeEscape(from: escapeStart)).utf8))
        default:
            let shown = e >= 0x21 && e < 0x7F ? String(UnicodeScalar(e)) : String(format: "0x%02X", Int(e))
            throw error("onbekende escape '\\\(shown)' in tekst", at: escapeStart)
        }
    }

    /// The scalar of `\uXXXX`, or of a surrogate pair `\uD83D\uDE00`; lone surrogates are refused.
    private mutating func unicodeEscape(from escapeStart: JSONPosition) throws(VitaalError) -> Character {
        let code = try hex4()
        var scalar = code
        if (0xD800..<0xDC00).contains(code) {
            guard bytes.count - i >= 2, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else {
                throw error(
                    "ongeldige \\u-escape: een hoog surrogaat moet door een laag surrogaat gevolgd worden",
                    at: escapeStart)
            }
            i += 2
            let low = try hex4()
            guard (0xDC00..<0xE000).contains(low) else {
                throw error(
                    "ongeldige \\u-escape: een hoog surrogaat moet door een laag surrogaat gevolgd worden",
                    at: escapeStart)
            }
            scalar = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
        }
        guard let u = UnicodeScalar(scalar) else {
            throw error("ongeldige \\u-escape: een laag surrogaat zonder hoog surrogaat", at: escapeStart)
        }
        return Character(u)
    }

    private mutating func hex4() throws(VitaalError) -> UInt32 {
        var v: UInt32 = 0
        for _ in 0..<4 {
            let d: UInt32
            switch current {
            case let b? where (0x30...0x39).contains(b): d = UInt32(b - 0x30)
            case let b? where (0x41...0x46).contains(b): d = UInt32(b - 0x41 + 10)
            case let b? where (0x61...0x66).contains(b): d = UInt32(b - 0x61 + 10)
            default: throw error("\\u moet gevolgd worden door 4 hexadecimale cijfers")
            }
            v = v * 16 + d
            i += 1
        }
        return v
    }
}
