import Vapor
import AppCore
import Fluent

public struct MonitorFeature: VitaalFeature {
    public init() {}
    public var migrations: [any Migration] { MonitorMigrations.all }
    public var navigation: [NavigationItem] { [NavigationItem(title: "Monitor", path: "/monitor", order: 10)] }
    public func register(routes app: Application) throws {}
}
