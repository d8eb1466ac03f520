/// An amount of euros in integer cents. Never a floating-point number, so sums are exact.
public struct Money: Sendable, Hashable, Codable, Comparable, CustomStringConvertible,
                     AdditiveArithmetic, ExpressibleByIntegerLiteral {
    public var cents: Int

    public init(cents: Int) { self.cents = cents }
    /// Whole euros.
    public init(euros: Int) { self.cents = euros * 100 }
    /// Thousands of euros, the unit of most budget tables ("* In duizend euro").
    public init(thousands: Int) { self.cents = thousands * 100_000 }
    /// An integer literal is whole euros: `let m: Money = 1_247_000`.
    public init(integerLiteral value: Int) { self.init(euros: value) }

    public static let zero = Money(cents: 0)
    public static func + (a: Money, b: Money) -> Money { Money(cents: a.cents + b.cents) }
    public static func - (a: Money, b: Money) -> Money { Money(cents: a.cents - b.cents) }
    public static prefix func - (a: Money) -> Money { Money(cents: -a.cents) }
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
        let num = self.cents * 100
        let den = total.cents
        // Round half away from zero in integer arithmetic.
        let q = (2 * num.magnitude + den.magnitude) / (2 * den.magnitude)
        return (num < 0) != (den < 0) ? -Int(q) : Int(q)
    }
}
