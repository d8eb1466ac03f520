import Foundation
import Vapor

/// Where "now" comes from. Sources never call `Date()` for anything a user sees or a rule uses
/// (staleness, due dates, the year of a report, audit times): they ask `req.now` / `app.clock`,
/// so tests and HTML snapshots can fix the day.
public struct VitaalClock: Sendable {
    public let now: @Sendable () -> Date

    public init(now: @escaping @Sendable () -> Date) { self.now = now }

    /// The machine's clock.
    public static let system = VitaalClock { Date() }
    /// Always the same moment (tests, snapshots).
    public static func fixed(_ date: Date) -> VitaalClock { VitaalClock { date } }
}

extension Application {
    private struct ClockKey: StorageKey { typealias Value = VitaalClock }
    /// The application's clock; `.system` unless a test sets another.
    public var clock: VitaalClock {
        get { storage[ClockKey.self] ?? .system }
        set { storage[ClockKey.self] = newValue }
    }
}

extension Request {
    /// The current moment by the application's clock.
    public var now: Date { application.clock.now() }
}
