import AppCore
import Fluent
import Foundation
import VitaalDomain

extension OfferPage {
    /// One offer with what the public may see of its organisation, places, contacts and networks.
    struct Model: Sendable {
        var offer: SocialMap.Service
        var organisationName: String
        var area: String
        var check: CheckStatus
        var locations: [SocialMap.Location]
        /// Public phone numbers (not those of contact persons).
        var phones: [String]
        /// Roles of the contact persons; their names and addresses are never shown.
        var contactRoles: [String]
        var networks: [SocialMap.Network]
        var canEdit: Bool
        var notice: SocialMapNotice?

        /// Nil when the register has no offer `id`.
        init?(
            id: String, register: SocialMap.Register, maintainer: UUID?, notice: SocialMapNotice? = nil,
            context: PageContext
        ) {
            guard let offer = register.service(id) else { return nil }
            self.offer = offer
            organisationName = register.name(of: offer.organisationID)
            area = SocialMapText.area(OfferFilter.municipalities(of: offer, in: register))
            check = CheckStatus(offer, today: SocialMapDates.today(at: context.now))
            locations = offer.locationIDs.compactMap { register.location($0) }
            phones = register.phones.filter { $0.contactID == nil && $0.serviceID == offer.id }.map(\.number)
            contactRoles = register.contacts.filter { $0.serviceID == offer.id }.map(\.role)
            networks = register.networks.filter { network in
                network.memberships.contains { $0.memberID == offer.id || $0.memberID == offer.organisationID }
            }
            canEdit = context.viewer?.mayWrite(organisationID: maintainer) ?? false
            self.notice = notice
        }

        static func load(
            id: String, notice: SocialMapNotice?, on db: any Database,
            context: PageContext
        ) async throws -> Model {
            let register = try await SocialMapStore.load(on: db)
            let maintainers = try await SocialMapStore.maintainers(on: db)
            guard
                let model = Model(
                    id: id, register: register, maintainer: maintainers.services[id], notice: notice,
                    context: context)
            else {
                throw VitaalError(.notFound, "Dit aanbod staat niet (meer) op de sociale kaart.")
            }
            return model
        }
    }
}
