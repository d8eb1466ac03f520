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
        /// The viewer maintains the network (or is a beheerder).
        var canEdit = false
        /// The viewer's own organisations and offers that do not take part yet (the "join" form).
        var joinOptions: [SelectOption] = []
        /// The viewer's own organisations and offers that take part (each with a "leave" button).
        var ownMembers: [SelectOption] = []
        var notice: SocialMapNotice?
        /// The signals that name the network (#18): logged-in viewers only, nil for anonymous
        /// visitors and in an application without the registers.
        var signals: [RegisterReading.Referrer]?

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

        static func load(
            id: String, notice: SocialMapNotice? = nil, on db: any Database, today: SocialMap.Day,
            viewer: PageContext.Viewer? = nil, registers: RegisterReading? = nil
        ) async throws -> Model {
            if id == CollaborationNetwork.allID {
                throw VitaalError(.notFound, "Het totale netwerk staat op de pagina Netwerken.")
            }
            let register = try await SocialMapStore.load(on: db)
            guard var model = try Model(id: id, register: register, today: today) else {
                throw VitaalError(.notFound, "Dit netwerk staat niet (meer) op de sociale kaart.")
            }
            model.notice = notice
            if viewer != nil, let registers {
                model.signals = try await registers.referrers(
                    .networks, [model.network.id], in: [.signals], loggedIn: true, on: db)
            }
            if let viewer, viewer.role >= .redacteur {
                let maintainers = try await SocialMapStore.maintainers(on: db)
                model.canEdit = viewer.mayWrite(organisationID: maintainers.networks[id])
                let members = Set(model.network.memberships.map(\.memberID))
                model.joinOptions = NetworkFormPage.Model.entries(register).filter { option in
                    guard !members.contains(option.value) else { return false }
                    let owner = maintainers.organisations[option.value] ?? maintainers.services[option.value]
                    return !model.canEdit && viewer.mayWrite(organisationID: owner)
                }
                if !model.canEdit {
                    model.ownMembers = model.network.memberships.compactMap { membership in
                        let owner =
                            maintainers.organisations[membership.memberID] ?? maintainers.services[membership.memberID]
                        guard viewer.mayWrite(organisationID: owner) else { return nil }
                        return SelectOption(value: membership.memberID, label: register.name(of: membership.memberID))
                    }
                }
            }
            return model
        }
    }
}
