import Foundation

/// The one JSON writer of Vitaal, over UTF-8 bytes.
///
/// - Whole nodes: `JSONWriter.text(node, style:)` / `.data(node, style:)`, compact or pretty
///   (two-space indent, `"key": value`), members in document order or sorted by key.
/// - Streaming: `raw`, `string`, `number` append pieces, for hand-assembled fast paths such as the
///   data API (`MonitorFeature/DataAPIRows.swift`).
///
/// Strings are escaped exactly as `JSONEncoder` does with `.withoutEscapingSlashes`: `\"`, `\\`,
/// `\b`, `\f`, `\n`, `\r`, `\t`, other control characters as `\u00xx` (lower-case hex); everything
/// else, `/`, `<` and non-ASCII included, is written as is. The output is therefore not safe to put
/// inside an HTML `<script>` element without further escaping (no Vitaal page does that).
/// Numbers built from a `Double` are written as `JSONEncoder` writes them (`numberText`).
public struct JSONWriter: Sendable {
    public struct Style: Sendable, Hashable {
        /// Line breaks and two-space indentation.
        public var pretty: Bool
        /// Object members sorted by key instead of in document order.
        public var sortedKeys: Bool
        /// Pretty output keeps arrays of at most 12 numbers on one line (`[0.6, 0.4]`).
        public var inlineNumberLists: Bool

        public init(pretty: Bool = false, sortedKeys: Bool = false, inlineNumberLists: Bool = false) {
            self.pretty = pretty
            self.sortedKeys = sortedKeys
            self.inlineNumberLists = inlineNumberLists
        }
        public static let compact = Style()
        public static let pretty = Style(pretty: true)
    }

    /// The bytes written so far.
    public var bytes: [UInt8] = []

    public init(capacity: Int = 256) { bytes.reserveCapacity(capacity) }

    // MARK: Whole nodes

    public static func text(_ node: JSONNode, style: Style = .compact) -> String {
        var w = JSONWriter()
        w.write(node, style: style)
        return String(decoding: w.bytes, as: UTF8.self)
    }

    public static func data(_ node: JSONNode, style: Style = .compact) -> Data {
        var w = JSONWriter()
        w.write(node, style: style)
        return Data(w.bytes)
    }

    /// A JSON string literal (quotes included) for `s`.
    public static func quoted(_ s: String) -> String {
        var w = JSONWriter(capacity: s.utf8.count + 2)
        w.string(s)
        return String(decoding: w.bytes, as: UTF8.self)
    }

    /// A `Double` as JSON text, as `JSONEncoder` writes it: the shortest text that reads back as the
    /// same value, without a trailing `.0` (`12`, `0.1`, `-0`, `1e-07`, `1.2345678901234568e+17`);
    /// `null` for NaN and infinity, which JSON cannot hold.
    public static func numberText(_ v: Double) -> String {
        guard v.isFinite else { return "null" }
        var text = v.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }

    public mutating func write(_ node: JSONNode, style: Style = .compact) {
        write(node, style: style, indent: 0)
    }

    private mutating func write(_ node: JSONNode, style: Style, indent: Int) {
        switch node.value {
        case .null: raw("null")
        case .bool(let b): raw(b ? "true" : "false")
        case .number(let n): raw(n)
        case .string(let s): string(s)
        case .array(let items): write(items: items, style: style, indent: indent)
        case .object(let members): write(members: members, style: style, indent: indent)
        }
    }

    private mutating func write(items: [JSONNode], style: Style, indent: Int) {
        guard !items.isEmpty else {
            raw("[]")
            return
        }
        if style.pretty, style.inlineNumberLists, items.count <= 12, items.allSatisfy({ $0.numberText != nil }) {
            byte(UInt8(ascii: "["))
            for (n, item) in items.enumerated() {
                if n > 0 { raw(", ") }
                raw(item.numberText ?? "")
            }
            byte(UInt8(ascii: "]"))
            return
        }
        byte(UInt8(ascii: "["))
        for (n, item) in items.enumerated() {
            if n > 0 { byte(UInt8(ascii: ",")) }
            newline(style, indent + 1)
            write(item, style: style, indent: indent + 1)
        }
        newline(style, indent)
        byte(UInt8(ascii: "]"))
    }

    private mutating func write(members: [JSONNode.Member], style: Style, indent: Int) {
        guard !members.isEmpty else {
            raw("{}")
            return
        }
        let ordered = style.sortedKeys ? members.sorted { $0.key < $1.key } : members
        byte(UInt8(ascii: "{"))
        for (n, member) in ordered.enumerated() {
            if n > 0 { byte(UInt8(ascii: ",")) }
            newline(style, indent + 1)
            string(member.key)
            raw(style.pretty ? ": " : ":")
            write(member.value, style: style, indent: indent + 1)
        }
        newline(style, indent)
        byte(UInt8(ascii: "}"))
    }

    private mutating func newline(_ style: Style, _ indent: Int) {
        guard style.pretty else { return }
        byte(0x0A)
        bytes.append(contentsOf: repeatElement(0x20, count: 2 * indent))
    }

    // MARK: Streaming

    public mutating func byte(_ b: UInt8) { bytes.append(b) }
    /// Appends text that needs no escaping (keys known in code, punctuation, number text).
    public mutating func raw(_ s: String) { bytes.append(contentsOf: s.utf8) }
    /// Appends bytes written by another `JSONWriter`.
    public mutating func raw(_ other: [UInt8]) { bytes.append(contentsOf: other) }
    /// Appends a `Double` (`numberText`).
    public mutating func number(_ v: Double) { raw(Self.numberText(v)) }

    /// Appends `s` as a quoted, escaped JSON string.
    public mutating func string(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        let utf8 = s.utf8
        if !utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
            bytes.append(contentsOf: utf8)
        } else {
            for b in utf8 {
                if b < 0x20 || b == 0x22 || b == 0x5C {
                    bytes.append(contentsOf: Self.escape(b))
                } else {
                    bytes.append(b)
                }
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// The escape table: what stands for a byte that may not appear as is in a JSON string.
    private static func escape(_ b: UInt8) -> [UInt8] {
        let backslash: UInt8 = 0x5C
        switch b {
        case 0x22: return [backslash, 0x22]
        case 0x5C: return [backslash, backslash]
        case 0x08: return [backslash, UInt8(ascii: "b")]
        case 0x0C: return [backslash, UInt8(ascii: "f")]
        case 0x0A: return [backslash, UInt8(ascii: "n")]
        case 0x0D: return [backslash, UInt8(ascii: "r")]
        case 0x09: return [backslash, UInt8(ascii: "t")]
        default:
            let hex = Array("0123456789abcdef".utf8)
            return [backslash, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]]
        }
    }
}

extension JSONNode {
    /// JSON text of this node (`JSONWriter`); compact unless `pretty`.
    public func jsonText(pretty: Bool = false, sortedKeys: Bool = false) -> String {
        JSONWriter.text(self, style: JSONWriter.Style(pretty: pretty, sortedKeys: sortedKeys))
    }
}
