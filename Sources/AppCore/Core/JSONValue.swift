import Foundation
import VitaalDomain

/// A JSON value for documents assembled in code (the OpenAPI document, audit details, API DTOs).
/// The one JSON value type of Vitaal is `JSONNode` (VitaalDomain/Core/JSON); this name stays for
/// the code that writes `JSONValue` literals.
public typealias JSONValue = JSONNode

extension JSONNode {
    /// Stable JSON bytes with sorted keys, pretty (two-space indent) unless `pretty` is false.
    public func encoded(pretty: Bool = true) -> Data {
        JSONWriter.data(self, style: JSONWriter.Style(pretty: pretty, sortedKeys: true))
    }
}
