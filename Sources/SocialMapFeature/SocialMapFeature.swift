import Vapor
import AppCore

public struct SocialMapFeature: VitaalFeature {
    public init() {}
    public func register(routes app: Application) throws {}
}
