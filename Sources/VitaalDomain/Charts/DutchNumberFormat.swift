import Foundation

/// Dutch number formatting without `Locale`: decimal comma, "." between thousands,
/// rounding half away from zero on the number as written (0.15 → "0,2"), never "-0".
public enum DutchNumberFormat {
    /// `1234567.891` with 1 decimal → "1.234.567,9"; `-0.5` → "-0,5"; `0` → "0".
    public static func format(_ value: Double, decimals: Int = 0, grouping: Bool = true) -> String {
        guard value.isFinite else { return value.isNaN ? "–" : (value > 0 ? "∞" : "-∞") }
        let (negative, integer, fraction) = roundedDigits(value, decimals: max(0, decimals))
        var text = grouping ? group(integer) : integer
        if !fraction.isEmpty { text += "," + fraction }
        let isZero = integer.allSatisfy { $0 == "0" } && fraction.allSatisfy { $0 == "0" }
        return negative && !isZero ? "-" + text : text
    }

    /// A percentage: `percent(12.345)` → "12,3%"; with `fromFraction`, 0.123 → "12,3%".
    public static func percent(_ value: Double, decimals: Int = 1, fromFraction: Bool = false) -> String {
        format(fromFraction ? value * 100 : value, decimals: decimals) + "%"
    }

    /// Whole numbers with thousands separators ("45.000"); from a million on "1,2 mln" and from a
    /// billion "3,4 mld", for axis labels and tight spaces.
    public static func compact(_ value: Double) -> String {
        let magnitude = abs(value)
        if magnitude >= 999_950_000 {
            return format(value / 1e9, decimals: 1).replacingOccurrences(of: ",0", with: "") + " mld"
        }
        if magnitude >= 999_950 {
            return format(value / 1e6, decimals: 1).replacingOccurrences(of: ",0", with: "") + " mln"
        }
        return format(value, decimals: 0)
    }

    /// Decimals that show a step like 0.25 exactly (0.25 → 2, 5 → 0), at most 6.
    public static func decimals(forStep step: Double) -> Int {
        guard step.isFinite, step > 0 else { return 0 }
        for d in 0...6 {
            let scaled = step * pow(10, Double(d))
            if abs(scaled - scaled.rounded()) < 1e-6 * max(1, scaled) { return d }
        }
        return 6
    }

    /// Inserts "." every three digits from the right.
    static func group(_ digits: String) -> String {
        var out = ""
        for (n, ch) in digits.enumerated() {
            if n > 0 && (digits.count - n) % 3 == 0 { out.append(".") }
            out.append(ch)
        }
        return out
    }

    /// Rounds the shortest decimal text of `value` (what Swift prints) at `decimals` places,
    /// so numbers round the way a person reading them expects.
    static func roundedDigits(_ value: Double, decimals: Int) -> (negative: Bool, integer: String, fraction: String) {
        let negative = value < 0
        // Shortest round-trip text, e.g. "1234567.891", "1e-05", "1.5e+20".
        let text = String(describing: abs(value))
        var mantissa = text
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = String(text[..<e])
            exponent = Int(text[text.index(after: e)...]) ?? 0
        }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        var digits = Array(parts[0]) + (parts.count > 1 ? Array(parts[1]) : [])
        // Position of the decimal point within `digits`.
        var point = parts[0].count + exponent
        if point < 0 {
            digits = Array(repeating: "0", count: -point) + digits
            point = 0
        }
        if point > digits.count { digits += Array(repeating: "0", count: point - digits.count) }
        // Keep `decimals` digits after the point, round on the next one.
        let keep = point + decimals
        var kept = Array(digits.prefix(keep))
        if kept.count < keep { kept += Array(repeating: "0", count: keep - kept.count) }
        if keep < digits.count, let next = digits[keep].wholeNumberValue, next >= 5 {
            var i = kept.count - 1
            var carry = true
            while carry && i >= 0 {
                if kept[i] == "9" {
                    kept[i] = "0"
                    i -= 1
                } else {
                    kept[i] = Character(String(kept[i].wholeNumberValue! + 1))
                    carry = false
                }
            }
            if carry {
                kept.insert("1", at: 0)
                point += 1
            }
        }
        var integer = String(kept.prefix(point))
        let fraction = String(kept.dropFirst(point))
        while integer.count > 1 && integer.first == "0" { integer.removeFirst() }
        if integer.isEmpty { integer = "0" }
        return (negative, integer, fraction)
    }
}
