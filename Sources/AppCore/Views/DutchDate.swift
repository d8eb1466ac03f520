import Foundation

/// Dates as Dutch readers write them ("23 november 2026 14:05"), in the Netherlands' time zone
/// whatever the server's zone is. Public: every feature shows dates this way.
public enum DutchDate {
    static let months = [
        "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
        "oktober", "november", "december"
    ]

    static var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Amsterdam") ?? .gmt
        return calendar
    }

    /// "23 november 2026 14:05"
    public static func dateTime(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return "\(parts.day!) \(months[parts.month! - 1]) \(parts.year!) "
            + String(format: "%02d:%02d", parts.hour!, parts.minute!)
    }

    /// "23 november 2026"
    public static func date(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return "\(parts.day!) \(months[parts.month! - 1]) \(parts.year!)"
    }
}
