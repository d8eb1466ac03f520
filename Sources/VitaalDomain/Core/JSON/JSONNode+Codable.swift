import Foundation

/// `JSONNode` inside Codable types (API DTOs, stored payloads). Encoding keeps member order as far
/// as the encoder does (`JSONEncoder` with `.sortedKeys` sorts); integers are encoded as integers.
/// Decoding cannot see a number's text or an object's order: numbers come back as `Int64` or
/// `Double`, and object members sorted by key. Read JSON text with `JSONParser` to keep both.
extension JSONNode: Codable {
    private struct CodingName: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public init(from decoder: any Decoder) throws {
        if let object = try? decoder.container(keyedBy: CodingName.self) {
            var members: [Member] = []
            for key in object.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) {
                members.append(Member(key.stringValue, try object.decode(JSONNode.self, forKey: key)))
            }
            self.init(.object(members))
            return
        }
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            self = .null
        } else if let b = try? c.decode(Bool.self) {
            self = .bool(b)
        } else if let i = try? c.decode(Int64.self) {
            self.init(.number(String(i)))
        } else if let d = try? c.decode(Double.self) {
            self = .number(d)
        } else if let s = try? c.decode(String.self) {
            self = .string(s)
        } else {
            self = .array(try c.decode([JSONNode].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch value {
        case .object(let members):
            var c = encoder.container(keyedBy: CodingName.self)
            for m in members { try c.encode(m.value, forKey: CodingName(m.key)) }
        case .array(let items):
            var c = encoder.unkeyedContainer()
            for item in items { try c.encode(item) }
        case .string(let s):
            var c = encoder.singleValueContainer()
            try c.encode(s)
        case .bool(let b):
            var c = encoder.singleValueContainer()
            try c.encode(b)
        case .null:
            var c = encoder.singleValueContainer()
            try c.encodeNil()
        case .number(let n):
            var c = encoder.singleValueContainer()
            if let i = Int64(n) { try c.encode(i) } else { try c.encode(Double(n) ?? 0) }
        }
    }
}
