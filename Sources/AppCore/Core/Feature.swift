import Fluent
import Vapor

/// A capability of Vitaal (monitor, plans, social map, models). The assembly target collects the
/// features and calls each hook; AppCore itself is the foundation every feature builds on.
public protocol VitaalFeature: Sendable {
    /// Migrations, in order; they run after the foundation's migrations.
    var migrations: [any Migration] { get }
    /// Entries in the site's main navigation.
    var navigation: [NavigationItem] { get }
    /// Register routes (pages and `/api/v1` endpoints) and their OpenAPI operations.
    func register(routes app: Application) throws
    /// CLI subcommands: `group` is e.g. "import" or "export" (nil = top level).
    var commands: [CommandRegistration] { get }
    /// Loads the feature's demo data; called by `vitaal demo` after the foundation's demo data.
    func loadDemoData(app: Application, log: @escaping @Sendable (String) -> Void) async throws
    /// The feature's CSS (its `Resources/<name>.css`), appended to the site stylesheet.
    var stylesheet: String { get }
    /// Links a feature adds to every region's page (`/regios/<code>`), e.g. the monitor's profile.
    var regionLinks: [RegionLink] { get }
}

extension VitaalFeature {
    public var migrations: [any Migration] { [] }
    public var navigation: [NavigationItem] { [] }
    public var commands: [CommandRegistration] { [] }
    public var stylesheet: String { "" }
    public var regionLinks: [RegionLink] { [] }
    public func loadDemoData(app: Application, log: @escaping @Sendable (String) -> Void) async throws {}
}

public struct NavigationItem: Sendable {
    public var title: String
    public var path: String
    /// Sort order in the header (Monitor 10, Plannen 20, Sociale kaart 30, Modellen 40).
    public var order: Int
    public init(title: String, path: String, order: Int) {
        self.title = title
        self.path = path
        self.order = order
    }
}

/// A link on a region's page to the feature's page about that region. AppCore does not know the
/// features' URLs; each feature names its own page through its URL enum.
public struct RegionLink: Sendable {
    public var title: String
    public var path: @Sendable (_ regionCode: String) -> String
    public init(title: String, path: @escaping @Sendable (_ regionCode: String) -> String) {
        self.title = title
        self.path = path
    }
}

extension Application {
    private struct RegionLinksKey: StorageKey { typealias Value = [RegionLink] }
    /// Set by `configure` from the registered features.
    public var regionLinks: [RegionLink] {
        get { storage[RegionLinksKey.self] ?? [] }
        set { storage[RegionLinksKey.self] = newValue }
    }
}

public struct CommandRegistration: Sendable {
    public var group: String?
    public var name: String
    public var command: any AnyAsyncCommand
    public init(group: String? = nil, name: String, command: any AnyAsyncCommand) {
        self.group = group
        self.name = name
        self.command = command
    }
}

extension Application {
    private struct NavigationKey: StorageKey { typealias Value = [NavigationItem] }
    /// The main navigation, filled by `configure` from the registered features.
    public var navigation: [NavigationItem] {
        get { storage[NavigationKey.self] ?? [] }
        set { storage[NavigationKey.self] = newValue.sorted { $0.order < $1.order } }
    }
}
