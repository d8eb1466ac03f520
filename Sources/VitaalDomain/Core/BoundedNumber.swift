import Foundation

/// The one way to read a number that a person typed (a query parameter, a form field, a JSON
/// value given as text): parsed strictly, within an explicit range, or refused with a Dutch
/// message that names the field. Nothing outside the range ever reaches arithmetic, so no
/// conversion or sum downstream can trap.
public enum BoundedNumber {
    /// A whole number in `range`. Accepts an optional sign and digits only (no exponent, no
    /// decimals, no thousands separators). `nil` for an absent or empty value.
    public static func int(
        _ text: String?, field: String, in range: ClosedRange<Int>,
        label: String? = nil
    ) throws(VitaalError) -> Int? {
        guard let t = trimmed(text) else { return nil }
        let digits = t.hasPrefix("-") || t.hasPrefix("+") ? t.dropFirst() : Substring(t)
        guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            throw VitaalError.invalid(
                prefix(label) + "\"\(short(t))\" is geen geheel getal", at: SourceLocation(field: field))
        }
        guard let value = Int(t), range.contains(value) else {
            throw VitaalError.invalid(
                (label.map { $0 + " " } ?? "")
                    + "moet tussen \(show(range.lowerBound)) en \(show(range.upperBound)) liggen",
                at: SourceLocation(field: field))
        }
        return value
    }

    /// A decimal number in `range`. Accepts a decimal point or a decimal comma (`1,5`), an
    /// optional sign and at most one separator; no exponent, `nan` or `inf`. `nil` when absent.
    public static func decimal(
        _ text: String?, field: String, in range: ClosedRange<Double>,
        label: String? = nil
    ) throws(VitaalError) -> Double? {
        guard let t = trimmed(text) else { return nil }
        let normalised = t.replacingOccurrences(of: ",", with: ".")
        let body =
            normalised.hasPrefix("-") || normalised.hasPrefix("+") ? normalised.dropFirst() : Substring(normalised)
        let dots = body.utf8.filter { $0 == 0x2E }.count
        guard !body.isEmpty, body != ".", dots <= 1, body.count <= 40,
            body.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E }),
            let value = Double(normalised), value.isFinite
        else {
            throw VitaalError.invalid(prefix(label) + "\"\(short(t))\" is geen getal", at: SourceLocation(field: field))
        }
        guard range.contains(value) else {
            throw VitaalError.invalid(
                (label.map { $0 + " " } ?? "")
                    + "moet tussen \(show(range.lowerBound)) en \(show(range.upperBound)) liggen",
                at: SourceLocation(field: field))
        }
        return value == 0 ? 0 : value  // never -0
    }

    static func show(_ v: Int) -> String { DutchNumberFormat.format(Double(v)) }
    static func show(_ v: Double) -> String {
        DutchNumberFormat.format(v, decimals: v == v.rounded() ? 0 : (abs(v * 10 - (v * 10).rounded()) < 1e-9 ? 1 : 2))
    }

    /// The message already names the field (`veld "x": …`); a label adds the words people see.
    static func prefix(_ label: String?) -> String { label.map { $0 + ": " } ?? "" }

    static func trimmed(_ text: String?) -> String? {
        guard let t = text?.trimmingCharacters(in: .whitespacesAndNewlines), !t.isEmpty else { return nil }
        return t
    }

    /// An input echoed in a message is cut to 40 characters, so a 10,000-character value does
    /// not come back as a 10,000-character error. Every form's messages use it.
    public static func short(_ text: String) -> String {
        text.count <= 40 ? text : String(text.prefix(40)) + "…"
    }
}

/// Checked arithmetic for money and counts: an overflow becomes a clear `VitaalError` instead of
/// a trap that would stop the server.
public enum Checked {
    public static func add(_ a: Int, _ b: Int, what: String = "som") throws(VitaalError) -> Int {
        let (r, o) = a.addingReportingOverflow(b)
        if o { throw overflow(what) }
        return r
    }
    public static func subtract(_ a: Int, _ b: Int, what: String = "verschil") throws(VitaalError) -> Int {
        let (r, o) = a.subtractingReportingOverflow(b)
        if o { throw overflow(what) }
        return r
    }
    public static func multiply(_ a: Int, _ b: Int, what: String = "product") throws(VitaalError) -> Int {
        let (r, o) = a.multipliedReportingOverflow(by: b)
        if o { throw overflow(what) }
        return r
    }
    public static func sum<S: Sequence>(_ values: S, what: String = "som") throws(VitaalError) -> Int
    where S.Element == Int {
        var total = 0
        for v in values { total = try add(total, v, what: what) }
        return total
    }
    /// `Int(value)` for a finite value within Int's range, else an error (never a trap).
    public static func int(_ value: Double, what: String = "getal") throws(VitaalError) -> Int {
        guard value.isFinite, let i = Int(exactly: value.rounded(.towardZero)) else { throw overflow(what) }
        return i
    }
    static func overflow(_ what: String) -> VitaalError {
        VitaalError(
            .invalidInput, "De \(what) is te groot om te berekenen; controleer de ingevoerde bedragen en aantallen.")
    }
}
