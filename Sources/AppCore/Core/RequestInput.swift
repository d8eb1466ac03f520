import Vapor
import VitaalDomain

/// Reading numbers from a request goes through `BoundedNumber` (one rule for query, form and
/// JSON text): a value outside its range is a 422 naming the field, never a trap.
extension Request {
    /// A query parameter as raw text (nil when absent).
    public func queryText(_ name: String) -> String? { query[String.self, at: name] }

    /// A whole-number query parameter within `range`; `nil` when absent or empty.
    public func queryInt(_ name: String, in range: ClosedRange<Int>, label: String? = nil) throws -> Int? {
        try BoundedNumber.int(queryText(name), field: name, in: range, label: label)
    }

    /// A decimal query parameter within `range`; `nil` when absent or empty.
    public func queryDecimal(_ name: String, in range: ClosedRange<Double>, label: String? = nil) throws -> Double? {
        try BoundedNumber.decimal(queryText(name), field: name, in: range, label: label)
    }

    /// A whole-number form field within `range`; `nil` when absent or empty.
    public func formInt(_ name: String, in range: ClosedRange<Int>, label: String? = nil) throws -> Int? {
        try BoundedNumber.int(optionalFormText(name), field: name, in: range, label: label)
    }

    /// A decimal form field within `range`; `nil` when absent or empty.
    public func formDecimal(_ name: String, in range: ClosedRange<Double>, label: String? = nil) throws -> Double? {
        try BoundedNumber.decimal(optionalFormText(name), field: name, in: range, label: label)
    }
}
