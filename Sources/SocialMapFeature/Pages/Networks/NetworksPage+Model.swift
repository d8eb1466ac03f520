import AppCore
import Fluent
import VitaalDomain

extension NetworksPage {
    /// A network in the table of all networks.
    struct Row: Sendable, Equatable {
        var id: String
        var name: String
        var goal: String
        var participants: String
        var fleverRole: String
        var check: CheckStatus
    }

    /// All collaborations as one network, and the table of Flever's networks.
    struct Model: Sendable {
        var hasCollaborations: Bool
        var figures: NetworkFigures
        var networks: [Row]

        init(register: SocialMap.Register, today: SocialMap.Day) throws {
            guard let all = try CollaborationNetwork.build(id: CollaborationNetwork.allID, register: register) else {
                throw VitaalError(.internal, "het netwerk van alle samenwerkingen ontbreekt")
            }
            hasCollaborations = !register.collaborations.isEmpty
            figures = NetworkFigures(all, register: register, width: 960, height: 680)
            networks = register.networks.sorted { $0.name.lowercased() < $1.name.lowercased() }.map { network in
                Row(
                    id: network.id, name: network.name, goal: network.goal,
                    participants: SocialMapText.participants(of: network, namedSuffix: "genoemd"),
                    fleverRole: network.fleverRole ?? "", check: CheckStatus(network, today: today))
            }
        }

        static func load(on db: any Database, today: SocialMap.Day) async throws -> Model {
            try Model(register: try await SocialMapStore.load(on: db), today: today)
        }
    }
}
