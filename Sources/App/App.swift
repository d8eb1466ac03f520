import AcuteCareFeature
import AppCore
import MonitorFeature
import PlansFeature
import RegistersFeature
import SocialMapFeature
import Vapor
import WorkforceFeature

/// All capabilities of Vitaal, in navigation order.
public let vitaalFeatures: [any VitaalFeature] = [
    MonitorFeature(), PlansFeature(), SocialMapFeature(), WorkforceFeature(), AcuteCareFeature(),
    RegistersFeature()
]

/// Configures the complete application (used by `main` and by the tests).
public func configure(_ app: Application) async throws {
    try await Vitaal.configure(app, features: vitaalFeatures)
}
