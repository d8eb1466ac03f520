import Foundation
import VitaalDomain

/// Calendar days of the social map in the Netherlands' time zone. The moment always comes from the
/// application's clock (`req.now`, `PageContext.now`), so tests and snapshots fix the day.
enum SocialMapDates {
    static func today(at now: Date) -> SocialMap.Day {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Amsterdam") ?? .gmt
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        guard let year = parts.year, let month = parts.month, let day = parts.day,
            let today = SocialMap.Day(year: year, month: month, day: day)
        else {
            preconditionFailure("the Gregorian calendar gave no day for \(now)")
        }
        return today
    }

    /// "12 maart 2025"
    static func dutch(_ day: SocialMap.Day) -> String {
        "\(day.day) \(months[day.month - 1]) \(day.year)"
    }

    private static let months = [
        "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
        "september", "oktober", "november", "december"
    ]
}
