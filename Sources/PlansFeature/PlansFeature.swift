import Vapor
import AppCore

public struct PlansFeature: VitaalFeature {
    public init() {}
    public func register(routes app: Application) throws {}
}
