import AppCore
import Fluent
import VitaalDomain

extension NetworkPage {
    /// One network with its participants' collaboration graph and analysis.
    struct Model: Sendable {
        var network: SocialMap.Network
        var check: CheckStatus
        var participants: String
        var figures: NetworkFigures

        init(
            network: SocialMap.Network, collaboration: CollaborationNetwork, register: SocialMap.Register,
            today: SocialMap.Day
        ) {
            self.network = network
            check = CheckStatus(network, today: today)
            participants = SocialMapText.participants(of: network, namedSuffix: "met naam genoemd")
            figures = NetworkFigures(collaboration, register: register)
        }

        /// Nil when the register has no network `id` (the network of all collaborations has its own page).
        init?(id: String, register: SocialMap.Register, today: SocialMap.Day) throws {
            guard id != CollaborationNetwork.allID,
                let collaboration = try CollaborationNetwork.build(id: id, register: register),
                let network = collaboration.network
            else { return nil }
            self.init(network: network, collaboration: collaboration, register: register, today: today)
        }

        static func load(id: String, on db: any Database, today: SocialMap.Day) async throws -> Model {
            if id == CollaborationNetwork.allID {
                throw VitaalError(.notFound, "Het totale netwerk staat op de pagina Netwerken.")
            }
            guard let model = try Model(id: id, register: try await SocialMapStore.load(on: db), today: today) else {
                throw VitaalError(.notFound, "Dit netwerk staat niet (meer) op de sociale kaart.")
            }
            return model
        }
    }
}
