import Foundation

// The one JSON value type of Vitaal.
//
// - `JSONNode` holds null, a boolean, a number (its literal text, so `52.50` and
//   `12345678901234567890` are written back exactly as read), a string, an array, or an object whose
//   members stay in document order. A node read by `JSONParser` also carries its `JSONPosition`.
// - `JSONParser` reads text into nodes (positions, depth and size limits, Dutch errors).
// - `JSONWriter` writes nodes (compact or pretty, document order or sorted keys) and is the one
//   string escaper for JSON in Vitaal, also for the data API's streaming fast path.
//
// Equality ignores positions; objects compare member by member in order; numbers are equal when
// their texts are equal or they denote the same `Double` (`1.0 == 1`).

/// Where a JSON value (or an object key) starts in its source text.
public struct JSONPosition: Sendable, Hashable {
    /// Byte offset from the start of the input (a UTF-8 byte order mark counts).
    public var offset: Int
    /// 1-based line.
    public var line: Int
    /// 1-based column, counted in characters (Unicode scalars), not bytes.
    public var column: Int

    public init(offset: Int, line: Int, column: Int) {
        self.offset = offset
        self.line = line
        self.column = column
    }

    /// The position as a `SourceLocation` in `file`.
    public func location(file: String?, field: String? = nil, element: String? = nil) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column, field: field, element: element)
    }
}

/// A JSON value, with its position when it was parsed.
public struct JSONNode: Sendable {
    public enum Content: Sendable {
        case null
        case bool(Bool)
        /// The number's literal text, valid JSON number syntax (`-12.5e3`).
        case number(String)
        case string(String)
        case array([JSONNode])
        /// Members in document order; `JSONParser` refuses duplicate keys.
        case object([Member])
    }

    /// One `"key": value` pair of an object.
    public struct Member: Sendable {
        public var key: String
        public var value: JSONNode
        /// Where the key starts (nil for members built in code).
        public var keyPosition: JSONPosition?

        public init(_ key: String, _ value: JSONNode, keyPosition: JSONPosition? = nil) {
            self.key = key
            self.value = value
            self.keyPosition = keyPosition
        }
    }

    public var value: Content
    /// Where the value starts in the parsed text (nil for nodes built in code).
    public var position: JSONPosition?

    public init(_ value: Content, position: JSONPosition? = nil) {
        self.value = value
        self.position = position
    }
}

// MARK: - Building nodes in code

extension JSONNode {
    public static let null = JSONNode(.null)
    public static func bool(_ value: Bool) -> JSONNode { JSONNode(.bool(value)) }
    public static func string(_ value: String) -> JSONNode { JSONNode(.string(value)) }
    public static func array(_ items: [JSONNode]) -> JSONNode { JSONNode(.array(items)) }

    /// A number as `JSONWriter.numberText` writes it; NaN and infinity, which JSON cannot hold, become null.
    public static func number(_ value: Double) -> JSONNode {
        value.isFinite ? JSONNode(.number(JSONWriter.numberText(value))) : .null
    }
    public static func number(_ value: Int) -> JSONNode { JSONNode(.number(String(value))) }
    /// A number from its literal text, which must be JSON number syntax (checked; a programming error otherwise).
    public static func number(_ literal: String) -> JSONNode {
        precondition(JSONParser.isNumber(literal), "not a JSON number: \(literal)")
        return JSONNode(.number(literal))
    }

    /// An object with members in the given order (a later duplicate key replaces the earlier value).
    public static func object(_ pairs: [(String, JSONNode)]) -> JSONNode {
        var members: [Member] = []
        members.reserveCapacity(pairs.count)
        var index: [String: Int] = [:]
        for (key, value) in pairs {
            if let at = index[key] {
                members[at].value = value
                continue
            }
            index[key] = members.count
            members.append(Member(key, value))
        }
        return JSONNode(.object(members))
    }
    /// An object from a dictionary, keys sorted so that output is deterministic.
    public static func object(_ dictionary: [String: JSONNode]) -> JSONNode {
        JSONNode(.object(dictionary.sorted { $0.key < $1.key }.map { Member($0.key, $0.value) }))
    }
    public static func object(members: [Member]) -> JSONNode { JSONNode(.object(members)) }
}

// MARK: - Reading values

extension JSONNode {
    /// The member `key` if this is an object that has it.
    public subscript(key: String) -> JSONNode? {
        if case .object(let members) = value { return members.first { $0.key == key }?.value }
        return nil
    }
    /// The item at `index` if this is an array that long.
    public subscript(index: Int) -> JSONNode? {
        if case .array(let items) = value, items.indices.contains(index) { return items[index] }
        return nil
    }

    public var string: String? {
        if case .string(let s) = value { return s }
        return nil
    }
    public var bool: Bool? {
        if case .bool(let b) = value { return b }
        return nil
    }
    public var array: [JSONNode]? {
        if case .array(let a) = value { return a }
        return nil
    }
    public var members: [Member]? {
        if case .object(let m) = value { return m }
        return nil
    }
    public var isNull: Bool {
        if case .null = value { return true }
        return false
    }
    public var isObject: Bool { members != nil }
    /// A number's literal text, as read.
    public var numberText: String? {
        if case .number(let n) = value { return n }
        return nil
    }
    /// A number as `Double`; ±infinity for literals beyond `Double`'s range (check `isFinite`).
    public var double: Double? { numberText.flatMap { Double($0) } }
    /// A number written as an integer that fits `Int` (`12`, not `12.0` or `1e3`).
    public var int: Int? { numberText.flatMap { Int($0) } }

    /// The value as plain text: strings as they are, numbers as written, `true`/`false`, nil for
    /// null, arrays and objects as compact JSON.
    public var text: String? {
        switch value {
        case .null: return nil
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return n
        case .string(let s): return s
        case .array, .object: return JSONWriter.text(self)
        }
    }

    /// Short Dutch name of the JSON kind, for messages ("een tekst", "een getal" …).
    public var kindName: String {
        switch value {
        case .object: return "een object"
        case .array: return "een lijst"
        case .string: return "een tekst"
        case .number: return "een getal"
        case .bool: return "true of false"
        case .null: return "null"
        }
    }

    /// `SourceLocation` of this node in `file` (line and column when the node was parsed).
    public func location(file: String?, field: String? = nil, element: String? = nil) -> SourceLocation {
        SourceLocation(file: file, line: position?.line, column: position?.column, field: field, element: element)
    }
}

// MARK: - Equality (positions ignored)

extension JSONNode.Content: Hashable {
    public static func == (lhs: JSONNode.Content, rhs: JSONNode.Content) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b || (Double(a) != nil && Double(a) == Double(b))
        case (.string(let a), .string(let b)): return a == b
        case (.array(let a), .array(let b)): return a == b
        case (.object(let a), .object(let b)): return a == b
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .bool(let b):
            hasher.combine(1)
            hasher.combine(b)
        case .number(let n):
            hasher.combine(2)
            hasher.combine(Double(n))
        case .string(let s):
            hasher.combine(3)
            hasher.combine(s)
        case .array(let items):
            hasher.combine(4)
            hasher.combine(items)
        case .object(let members):
            hasher.combine(5)
            hasher.combine(members)
        }
    }
}

extension JSONNode: Hashable {
    public static func == (lhs: JSONNode, rhs: JSONNode) -> Bool { lhs.value == rhs.value }
    public func hash(into hasher: inout Hasher) { hasher.combine(value) }
}

extension JSONNode.Member: Hashable {
    public static func == (lhs: JSONNode.Member, rhs: JSONNode.Member) -> Bool {
        lhs.key == rhs.key && lhs.value == rhs.value
    }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(key)
        hasher.combine(value)
    }
}

extension JSONNode: CustomStringConvertible {
    /// Compact JSON text.
    public var description: String { JSONWriter.text(self) }
}

// MARK: - Literals (documents written in code, e.g. the OpenAPI document)

extension JSONNode: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self.init(.string(value)) }
    public init(integerLiteral value: Int) { self.init(.number(String(value))) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(booleanLiteral value: Bool) { self.init(.bool(value)) }
    public init(arrayLiteral elements: JSONNode...) { self.init(.array(elements)) }
    /// Members in the order written.
    public init(dictionaryLiteral elements: (String, JSONNode)...) { self = .object(elements) }
    public init(nilLiteral: ()) { self.init(.null) }
}
