import AppCore
import Fluent
import VitaalDomain

/// The social map's networks as the registers refer to them (`RegisterLinkTargets`, #18): stored
/// by key, typed by key or name. The social map is public, and so are its networks.
enum NetworkTargets {
    @Sendable static func all(on db: any Database) async throws -> [RegisterReferences.Target] {
        try await SocialMapNetworkRecord.query(on: db).sort(\.$key).all().map { network in
            RegisterReferences.Target(
                reference: network.key, aliases: [network.name], title: network.name,
                path: SocialMapURL.network(.value(network.key)).path, isPublic: true)
        }
    }
}
