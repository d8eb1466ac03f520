import Vapor
import AppCore

public struct MonitorFeature: VitaalFeature {
    public init() {}
    public func register(routes app: Application) throws {}
}
