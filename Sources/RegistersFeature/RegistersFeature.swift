import AppCore
import Fluent
import Vapor

/// The registers the documents keep by hand (issue #18): fundraising (Flever, Jaarplan 2025,
/// Bijlage 2), commitments, motions and information letters to the Provinciale Staten, and the
/// definition list (Bijlage 3). Pages, forms, API, export, audit and roles are shared by all
/// registers; each register is a `RegisterDefinition` (VitaalDomain/Registers). See docs/registers.md.
public struct RegistersFeature: VitaalFeature {
    public init() {}

    public var migrations: [any Migration] { RegistersMigrations.all }

    public var navigation: [NavigationItem] {
        [NavigationItem(title: "Registers", path: RegisterURL.index.path, order: 50)]
    }

    public var stylesheet: String { String(decoding: PackageResources.registers_css, as: UTF8.self) }

    public func register(routes app: Application) throws {
        try app.register(collection: RegisterPagesController())
        try app.register(collection: RegisterAPIController())
        RegisterOpenAPI.register(in: app.openAPI)
        app.registerReading = RegisterReader.reading
        app.registerReading?.referrers = { try await RegisterBackLinks.referrers($0, $1, on: $2) }
    }

    public func loadDemoData(app: Application, log: @escaping @Sendable (String) -> Void) async throws {
        try await RegisterStore.loadDemo(on: app.db, now: app.clock.now(), log: log)
    }
}
