import Vapor
import AppCore

public struct AcuteCareFeature: VitaalFeature {
    public init() {}
    public func register(routes app: Application) throws {}
}
