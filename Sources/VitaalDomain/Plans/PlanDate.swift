import Foundation

/// A calendar day (no time, no time zone) used for plan periods, baselines, targets and
/// realisations. Ordered; `dayNumber` counts days since 1970-01-01 (proleptic Gregorian).
public struct PlanDate: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Creates a date; returns nil for an impossible day (e.g. 2025-02-29).
    public init?(_ year: Int, _ month: Int, _ day: Int) {
        guard (1...12).contains(month), day >= 1, day <= PlanDate.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses ISO `yyyy-mm-dd`; refuses anything else, naming the field.
    public static func parse(_ text: String, field: String = "datum") throws -> PlanDate {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 3, parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
            let date = PlanDate(y, m, d)
        {
            return date
        }
        throw VitaalError.invalid("ongeldige datum \"\(text)\" (verwacht jjjj-mm-dd)", at: SourceLocation(field: field))
    }

    public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (H. Hinnant's days_from_civil).
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// Number of days from `self` to `other` (positive when `other` is later).
    public func days(to other: PlanDate) -> Int { other.dayNumber - dayNumber }

    /// The same day `years` later; 29 February becomes 28 February in a non-leap year.
    public func addingYears(_ years: Int) -> PlanDate {
        let y = year + years
        return PlanDate(y, month, min(day, PlanDate.daysIn(month: month, year: y)))!
    }

    public static func < (a: PlanDate, b: PlanDate) -> Bool { a.dayNumber < b.dayNumber }

    /// ISO `yyyy-mm-dd`.
    public var description: String {
        func pad(_ n: Int, _ w: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, w - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
    /// Dutch display, e.g. `31-12-2025`.
    public var dutch: String {
        func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(pad(day))-\(pad(month))-\(year)"
    }
}

/// A closed range of days, e.g. a plan year 2025-01-01 … 2025-12-31.
public struct PlanPeriod: Sendable, Hashable, Codable, CustomStringConvertible {
    public var start: PlanDate
    public var end: PlanDate
    public init(start: PlanDate, end: PlanDate) {
        self.start = start
        self.end = end
    }
    /// The calendar year `year`.
    public static func year(_ year: Int) -> PlanPeriod {
        PlanPeriod(start: PlanDate(year, 1, 1)!, end: PlanDate(year, 12, 31)!)
    }
    public func contains(_ date: PlanDate) -> Bool { start <= date && date <= end }
    public func shifted(years: Int) -> PlanPeriod {
        PlanPeriod(start: start.addingYears(years), end: end.addingYears(years))
    }
    public var description: String { "\(start.dutch) t/m \(end.dutch)" }
}
