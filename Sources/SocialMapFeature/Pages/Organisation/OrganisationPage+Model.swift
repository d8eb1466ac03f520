import AppCore
import Fluent
import Foundation
import VitaalDomain

extension OrganisationPage {
    /// A collaboration as the organisation's page lists it.
    struct Partner: Sendable, Equatable {
        var id: String
        var name: String
        var isOffer: Bool
        /// Topic, "(afgeleid uit gezamenlijk netwerk)" and "sinds …" in one line.
        var description: String
    }

    /// One organisation with its offers, networks and collaborations, and the editors' forms.
    struct Model: Sendable {
        var organisation: SocialMap.Organisation
        var check: CheckStatus
        var municipalities: String
        var offers: [SocialMap.Service]
        var networks: [SocialMap.Network]
        var partners: [Partner]
        var phones: [String]
        var contactRoles: [String]
        /// The organisation's locations and contact persons (editors see the internal names).
        var locations: [SocialMap.Location]
        var contacts: [SocialMap.ContactPerson]
        /// Everyone this organisation may enter a collaboration with (name order).
        var partnerOptions: [SelectOption]
        var canEdit: Bool
        var notice: SocialMapNotice?

        /// Nil when the register has no organisation `id`.
        init?(
            id: String, register: SocialMap.Register, maintainer: UUID?, notice: SocialMapNotice? = nil,
            context: PageContext
        ) {
            guard let organisation = register.organisation(id) else { return nil }
            self.organisation = organisation
            check = CheckStatus(organisation, today: SocialMapDates.today(at: context.now))
            municipalities = organisation.tags.municipalityCodes.map(SocialMapText.municipalityName)
                .joined(separator: ", ")
            offers = register.services.filter { $0.organisationID == id }
            networks = register.networks.filter { network in network.memberships.contains { $0.memberID == id } }
            partners = Self.partners(of: id, in: register)
            phones = register.phones.filter {
                $0.contactID == nil && $0.organisationID == id && $0.serviceID == nil && $0.locationID == nil
            }.map(\.number)
            contactRoles = register.contacts.filter { $0.organisationID == id && $0.serviceID == nil }.map(\.role)
            locations = register.locations.filter { $0.organisationID == id }
            contacts = register.contacts.filter { $0.organisationID == id }
            partnerOptions =
                (register.organisations.map { SelectOption(value: $0.id, label: $0.name) }
                + register.services.map { SelectOption(value: $0.id, label: $0.name) })
                .filter { $0.value != id }.sorted { $0.label.lowercased() < $1.label.lowercased() }
            canEdit = context.viewer?.mayWrite(organisationID: maintainer) ?? false
            self.notice = notice
        }

        static func load(
            id: String, notice: SocialMapNotice?, on db: any Database,
            context: PageContext
        ) async throws -> Model {
            let register = try await SocialMapStore.load(on: db)
            let maintainers = try await SocialMapStore.maintainers(on: db)
            let maintainer = maintainers.organisations[id]
            guard
                let model = Model(
                    id: id, register: register, maintainer: maintainer, notice: notice,
                    context: context)
            else {
                throw VitaalError(.notFound, "Deze organisatie staat niet (meer) op de sociale kaart.")
            }
            return model
        }

        private static func partners(of id: String, in register: SocialMap.Register) -> [Partner] {
            register.collaborations.filter { $0.a == id || $0.b == id }.map { collaboration in
                let partnerID = collaboration.a == id ? collaboration.b : collaboration.a
                let derived = collaboration.isDerived ? " (afgeleid uit gezamenlijk netwerk)" : ""
                let since = collaboration.since.map { ", sinds \(SocialMapDates.dutch($0))" } ?? ""
                return Partner(
                    id: partnerID, name: register.name(of: partnerID),
                    isOffer: register.service(partnerID) != nil,
                    description: collaboration.topic + derived + since)
            }.sorted { $0.name < $1.name }
        }
    }
}
