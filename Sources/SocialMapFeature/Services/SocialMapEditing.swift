import AppCore
import Fluent
import Vapor
import VitaalDomain

/// The editors' side of the social map: find an entry, check that the user may write it, and save
/// changes with an audit entry. Every write handler goes through here, so the access rule is
/// written once.
enum SocialMapEditing {
    /// The offer `id` and the user who may change it (404 when unknown, 403 when not theirs).
    static func offer(_ id: String, for req: Request) async throws -> (SocialMap.Register, SocialMap.Service, User) {
        let register = try await SocialMapStore.load(on: req.db)
        guard let offer = register.service(id) else { throw VitaalError(.notFound, "Dit aanbod bestaat niet.") }
        let maintainer = try await SocialMapServiceRecord.query(on: req.db).filter(\.$key == id).first()?.maintainerID
        return (register, offer, try req.requireWrite(organisationID: maintainer))
    }

    /// The organisation `id` and the user who may change it (404 when unknown, 403 when not theirs).
    static func organisation(_ id: String, for req: Request) async throws
        -> (SocialMap.Register, SocialMap.Organisation, User)
    {
        let register = try await SocialMapStore.load(on: req.db)
        guard let organisation = register.organisation(id) else {
            throw VitaalError(.notFound, "Deze organisatie bestaat niet.")
        }
        let record = try await SocialMapOrganisationRecord.query(on: req.db).filter(\.$key == id).first()
        let maintainer = record?.maintainerID
        return (register, organisation, try req.requireWrite(organisationID: maintainer))
    }

    static func save(
        _ changes: SocialMap.Register, by user: User, action: String, summary: String,
        at now: Date, on db: any Database
    ) async throws {
        try await SocialMapStore.write(
            changes, on: db, user: user, actor: user.email, action: action, summary: summary,
            at: now)
    }

    /// Marks the offer as checked today.
    static func markOfferChecked(_ id: String, for req: Request) async throws {
        let (_, found, user) = try await self.offer(id, for: req)
        var offer = found
        offer.lastChecked = req.socialMapToday
        try await save(
            SocialMap.Register(services: [offer]), by: user, action: "gecontroleerd",
            summary: "Aanbod \(offer.id) gecontroleerd", at: req.now, on: req.db)
    }

    /// Marks the organisation as checked today.
    static func markOrganisationChecked(_ id: String, for req: Request) async throws {
        let (_, found, user) = try await self.organisation(id, for: req)
        var organisation = found
        organisation.lastChecked = req.socialMapToday
        try await save(
            SocialMap.Register(organisations: [organisation]), by: user, action: "gecontroleerd",
            summary: "Organisatie \(organisation.id) gecontroleerd", at: req.now, on: req.db)
    }
}
