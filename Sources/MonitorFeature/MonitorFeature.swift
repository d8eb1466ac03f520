import AppCore
import Fluent
import Vapor

/// The indicator monitor: monitors, indicators, values, stories, import, pages, downloads and the
/// open data API.
public struct MonitorFeature: VitaalFeature {
    public init() {}
    public var migrations: [any Migration] { MonitorMigrations.all }
    public var navigation: [NavigationItem] {
        [NavigationItem(title: "Monitor", path: MonitorURL.overview.path, order: 10)]
    }
    public var stylesheet: String { String(decoding: PackageResources.monitor_css, as: UTF8.self) }
    public var regionLinks: [RegionLink] {
        [RegionLink(title: "Regioprofiel in de monitor") { MonitorURL.region(.value($0)).path }]
    }
    public var commands: [CommandRegistration] {
        [
            CommandRegistration(group: "import", name: "data", command: ImportDataCommand()),
            CommandRegistration(group: "import", name: "cbs", command: ImportCBSCommand()),
            CommandRegistration(group: "import", name: "indicators", command: ImportIndicatorsCommand()),
            CommandRegistration(group: "export", name: "indicators", command: ExportIndicatorsCommand())
        ]
    }
    public func register(routes app: Application) throws {
        app.registerMonitorImportDatabase()
        // Upload files left behind by a crash or kill -9 of an earlier run.
        StreamedUpload.sweepStaleFiles(in: StreamedUpload.directory(for: app), now: app.clock.now())
        try app.register(collection: MonitorPagesController())
        try app.register(collection: MonitorImportController())
        try app.register(collection: MonitorStoryController())
        try app.register(collection: MonitorCatalogueController())
        try app.register(collection: MonitorAPIController())
        try app.register(collection: MonitorWriteAPIController())
        MonitorAPIController.registerOpenAPI(app.openAPI)
        MonitorWriteAPIController.registerOpenAPI(app.openAPI)
    }
    public func loadDemoData(app: Application, log: @escaping @Sendable (String) -> Void) async throws {
        try await MonitorDemoLoader.load(on: app.db, now: app.clock.now(), log: log)
    }
}
