import Vapor
import AppCore

public struct WorkforceFeature: VitaalFeature {
    public init() {}
    public func register(routes app: Application) throws {}
}
