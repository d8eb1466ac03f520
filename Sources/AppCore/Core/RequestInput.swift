import Vapor
import VitaalDomain

/// Reading numbers from a request goes through `BoundedNumber` (one rule for query, form and
/// JSON text): a value outside its range is a 422 naming the field, never a trap.
extension Request {
    /// A query parameter as raw text (nil when absent).
    public func queryText(_ name: String) -> String? { query[String.self, at: name] }

    /// A whole-number query parameter within `range`; `nil` when absent, or empty on a page.
    public func queryInt(_ name: String, in range: ClosedRange<Int>, label: String? = nil) throws -> Int? {
        try BoundedNumber.int(try numberText(name, label: label), field: name, in: range, label: label)
    }

    /// A decimal query parameter within `range`; `nil` when absent, or empty on a page.
    public func queryDecimal(_ name: String, in range: ClosedRange<Double>, label: String? = nil) throws -> Double? {
        try BoundedNumber.decimal(try numberText(name, label: label), field: name, in: range, label: label)
    }

    /// A page's GET form sends an empty field as `?jaar=`, which means "not given"; the API's document
    /// declares its numbers as numbers, so there an empty value is refused (422) instead of ignored.
    private func numberText(_ name: String, label: String?) throws -> String? {
        let text = queryText(name)
        if let text, text.trimmingCharacters(in: .whitespaces).isEmpty, url.path.hasPrefix("/api/") {
            throw VitaalError.invalid(
                "\(label ?? name) is leeg: laat de parameter weg of geef een getal", at: SourceLocation(field: name))
        }
        return text
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
