import Fluent
import Vapor

/// Who uses a monitor indicator outside the monitor, so that the monitor can refuse to retire an
/// indicator that, say, a plan target still reads. The monitor cannot import the features that use
/// it (plans depend on the monitor, not the other way round), so each such feature registers a
/// provider here when it registers its routes.
public struct IndicatorUsage: Sendable {
    /// The users of the indicator `code`, as Dutch phrases a page can show, e.g.
    /// "Plan ‘Jaarplan 2025 Flever’, doel ‘Aantal deelnemers’". Empty when nothing uses it.
    public typealias Provider = @Sendable (_ code: String, _ db: any Database) async throws -> [String]

    var providers: [Provider] = []

    public init() {}

    public mutating func register(_ provider: @escaping Provider) { providers.append(provider) }

    /// Every user of the indicator named by all providers, in registration order.
    public func users(of code: String, on db: any Database) async throws -> [String] {
        var users: [String] = []
        for provider in providers { users += try await provider(code, db) }
        return users
    }
}

extension Application {
    private struct IndicatorUsageKey: StorageKey { typealias Value = IndicatorUsage }

    /// The registered users of monitor indicators (see `IndicatorUsage`).
    public var indicatorUsage: IndicatorUsage {
        get { storage[IndicatorUsageKey.self] ?? IndicatorUsage() }
        set { storage[IndicatorUsageKey.self] = newValue }
    }
}
