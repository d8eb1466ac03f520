/// An amount of euros in integer cents. Never a floating-point number, so sums are exact.
///
/// Overflow never traps: amounts typed by people are bounded on input (`Money.maxCents`, see
/// `BudgetCell.parse`), sums that pages show go through the throwing `Money.sum`/`adding`/
/// `subtracting` (a `VitaalError` with a Dutch message), and the plain operators `+`/`-` saturate at
/// the ends of `Int` instead of stopping the server.
public struct Money: Sendable, Hashable, Codable, Comparable, CustomStringConvertible,
    AdditiveArithmetic, ExpressibleByIntegerLiteral
{
    public var cents: Int

    public init(cents: Int) { self.cents = cents }
    /// Whole euros (saturating at the ends of `Int`; amounts from people are bounded before this).
    public init(euros: Int) { self.cents = Money.saturating(euros, times: 100) }
    /// Thousands of euros, the unit of most budget tables ("* In duizend euro").
    public init(thousands: Int) { self.cents = Money.saturating(thousands, times: 100_000) }

    /// The largest amount accepted from input: € 10^12 (one trillion euros), i.e. 10^14 cents.
    /// Even 90,000 such amounts add up without overflow.
    public static let maxCents = 100_000_000_000_000
    /// `maxCents` as Dutch text: "€ 1.000.000.000.000".
    public static var maxText: String { Money(cents: maxCents).formatted }
    /// Is the amount within ±`maxCents`?
    public var isWithinInputBounds: Bool { cents.magnitude <= UInt(Money.maxCents) }

    static func saturating(_ a: Int, times b: Int) -> Int {
        let (r, o) = a.multipliedReportingOverflow(by: b)
        return o ? ((a < 0) != (b < 0) ? Int.min : Int.max) : r
    }
    static func saturating(_ a: Int, plus b: Int) -> Int {
        let (r, o) = a.addingReportingOverflow(b)
        return o ? (b < 0 ? Int.min : Int.max) : r
    }
    /// An integer literal is whole euros: `let m: Money = 1_247_000`.
    public init(integerLiteral value: Int) { self.init(euros: value) }

    public static let zero = Money(cents: 0)
    /// Saturating: never traps. Sums that are shown use `adding`/`Money.sum`, which report overflow.
    public static func + (a: Money, b: Money) -> Money { Money(cents: saturating(a.cents, plus: b.cents)) }
    /// Saturating: never traps. Differences that are shown use `subtracting`, which reports overflow.
    public static func - (a: Money, b: Money) -> Money {
        let (r, o) = a.cents.subtractingReportingOverflow(b.cents)
        return Money(cents: o ? (b.cents < 0 ? Int.max : Int.min) : r)
    }
    public static prefix func - (a: Money) -> Money { Money(cents: a.cents == Int.min ? Int.max : -a.cents) }

    /// `self + other`, or a `VitaalError` (422) with a Dutch message when the sum does not fit.
    public func adding(_ other: Money, what: String = "som van de bedragen") throws(VitaalError) -> Money {
        Money(cents: try Checked.add(cents, other.cents, what: what))
    }
    /// `self - other`, or a `VitaalError` (422) with a Dutch message when the difference does not fit.
    public func subtracting(_ other: Money, what: String = "verschil van de bedragen") throws(VitaalError) -> Money {
        Money(cents: try Checked.subtract(cents, other.cents, what: what))
    }
    /// The sum of `amounts`, or a `VitaalError` (422) when it does not fit.
    public static func sum<S: Sequence>(_ amounts: S, what: String = "som van de bedragen") throws(VitaalError) -> Money
    where S.Element == Money {
        var total = Money.zero
        for m in amounts { total = try total.adding(m, what: what) }
        return total
    }
    public static func < (a: Money, b: Money) -> Bool { a.cents < b.cents }

    /// Dutch display: `€ 1.247.000`, `€ 121.236,50`, `€ -1.069.000`. Cents appear only when non-zero.
    public var formatted: String {
        let sign = cents < 0 ? "-" : ""
        let absCents = cents.magnitude
        let euros = Money.grouped(absCents / 100)
        let rest = absCents % 100
        return "€ \(sign)\(euros)" + (rest == 0 ? "" : "," + (rest < 10 ? "0\(rest)" : "\(rest)"))
    }

    /// The amount in thousands as the source tables print it, e.g. `1.247`, `-1.069`
    /// (rounded half away from zero to whole thousands).
    public var formattedThousands: String {
        let thousands = (cents.magnitude + 50_000) / 100_000
        return (cents < 0 && thousands > 0 ? "-" : "") + Money.grouped(thousands)
    }

    public var description: String { formatted }

    /// `1247000` → `1.247.000`.
    static func grouped(_ value: UInt) -> String {
        let digits = Array(String(value))
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(".") }
            out.append(ch)
        }
        return out
    }

    /// Whole-number percentage of `self` in `total`, rounded half up (40,5 → 41), as the source
    /// tables print "% baten". Nil when the total is zero.
    public func percent(of total: Money) -> Int? {
        guard total.cents != 0 else { return nil }
        // Round half away from zero in 128-bit integer arithmetic (no overflow for any two Ints);
        // nil when the percentage itself does not fit in an Int.
        let num = Int128(self.cents) * 100
        let den = Int128(total.cents)
        let q = (2 * num.magnitude + den.magnitude) / (2 * den.magnitude)
        guard let whole = Int(exactly: q) else { return nil }
        return (num < 0) != (den < 0) ? -whole : whole
    }
}
