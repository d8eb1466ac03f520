import AppCore
import Fluent
import Vapor

/// Social map and networks: organisations, initiatives, services and networks; Open Referral HSDS
/// in and out; a map of initiatives; network analysis; the Positive Health spider web matched to
/// initiatives. See docs/social-map.md.
public struct SocialMapFeature: VitaalFeature {
    public init() {}

    public var migrations: [any Migration] { SocialMapMigrations.all }

    public var navigation: [NavigationItem] {
        [NavigationItem(title: "Sociale kaart", path: SocialMapURL.map.path, order: 30)]
    }

    public var stylesheet: String { String(decoding: PackageResources.socialmap_css, as: UTF8.self) }

    public var commands: [CommandRegistration] {
        [
            CommandRegistration(group: "import", name: "hsds", command: ImportHSDSCommand()),
            CommandRegistration(group: "export", name: "hsds", command: ExportHSDSCommand())
        ]
    }

    public func register(routes app: Application) throws {
        try app.register(collection: SocialMapAPIController())
        try app.register(collection: SocialMapPagesController())
        try app.register(collection: SocialMapEditController())
        try app.register(collection: SocialMapEntriesController())
        try app.register(collection: SocialMapNetworksController())
        try app.register(collection: SpiderWebController())
        SocialMapOpenAPI.register(in: app.openAPI)
        app.registerLinkTargets.networks = { db in try await NetworkTargets.all(on: db) }
    }

    public func loadDemoData(app: Application, log: @escaping @Sendable (String) -> Void) async throws {
        try await SocialMapDemoLoader.load(on: app.db, now: app.clock.now(), log: log)
    }
}
