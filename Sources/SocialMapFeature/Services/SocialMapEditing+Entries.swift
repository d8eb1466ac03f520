import AppCore
import Fluent
import Vapor
import VitaalDomain

/// Who may change which entry: an organisation, offer or network by its maintainer (the
/// foundation organisation stored with it); a location or contact person by whoever maintains its
/// organisation (or offer). Beheerders may change everything (`Request.requireWrite`).
extension SocialMapEditing {
    static func organisationMaintainer(_ key: String?, on db: any Database) async throws -> UUID? {
        guard let key else { return nil }
        return try await SocialMapOrganisationRecord.query(on: db).filter(\.$key == key).first()?.maintainerID
    }

    static func serviceMaintainer(_ key: String, on db: any Database) async throws -> UUID? {
        try await SocialMapServiceRecord.query(on: db).filter(\.$key == key).first()?.maintainerID
    }

    /// The location `id` and the user who may change it.
    static func location(_ id: String, for req: Request) async throws -> (SocialMap.Register, SocialMap.Location, User)
    {
        let register = try await SocialMapStore.load(on: req.db)
        guard let location = register.location(id) else { throw VitaalError(.notFound, "Deze locatie bestaat niet.") }
        let maintainer = try await organisationMaintainer(location.organisationID, on: req.db)
        return (register, location, try req.requireWrite(organisationID: maintainer))
    }

    /// The contact person `id` and the user who may change it.
    static func contact(_ id: String, for req: Request) async throws
        -> (SocialMap.Register, SocialMap.ContactPerson, User)
    {
        let register = try await SocialMapStore.load(on: req.db)
        guard let contact = register.contacts.first(where: { $0.id == id }) else {
            throw VitaalError(.notFound, "Deze contactpersoon bestaat niet.")
        }
        let maintainer =
            if let organisation = contact.organisationID {
                try await organisationMaintainer(organisation, on: req.db)
            } else if let service = contact.serviceID {
                try await serviceMaintainer(service, on: req.db)
            } else {
                UUID?.none
            }
        return (register, contact, try req.requireWrite(organisationID: maintainer))
    }

    /// The network `id` and the user who may change it.
    static func network(_ id: String, for req: Request) async throws -> (SocialMap.Register, SocialMap.Network, User) {
        let register = try await SocialMapStore.load(on: req.db)
        guard let network = register.networks.first(where: { $0.id == id }) else {
            throw VitaalError(.notFound, "Dit netwerk bestaat niet.")
        }
        let maintainer = try await SocialMapNetworkRecord.query(on: req.db).filter(\.$key == id).first()?.maintainerID
        return (register, network, try req.requireWrite(organisationID: maintainer))
    }

    /// A new entry is maintained by the organisation of the person who makes it.
    static func save(
        new changes: SocialMap.Register, by user: User, summary: String, at now: Date, on db: any Database,
        refreshDerivedCollaborations: Bool = false
    ) async throws {
        try await SocialMapStore.write(
            changes, on: db, maintainer: user.$organisation.id, user: user, actor: user.email, action: "aangemaakt",
            summary: summary, at: now, refreshDerivedCollaborations: refreshDerivedCollaborations)
    }

    /// The networks `ids` (organisations or offers) take part in, by name.
    static func networks(of ids: Set<String>, in register: SocialMap.Register) -> [String] {
        register.networks.filter { network in network.memberships.contains { ids.contains($0.memberID) } }
            .map(\.name).sorted()
    }

    /// Marks the network as checked today.
    static func markNetworkChecked(_ id: String, for req: Request) async throws {
        let (_, found, user) = try await self.network(id, for: req)
        var network = found
        network.lastChecked = req.socialMapToday
        try await save(
            SocialMap.Register(networks: [network]), by: user, action: "gecontroleerd",
            summary: "Netwerk \(network.id) gecontroleerd", at: req.now, on: req.db)
    }
}
