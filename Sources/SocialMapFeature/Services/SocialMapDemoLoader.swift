import AppCore
import Fluent
import Vapor
import VitaalDomain

/// Loads `SocialMapDemoData.register` (Flever's networks of Bijlage 1, WEL partners, initiatives
/// from the source documents). Entries are linked to the foundation organisation with the same slug or name,
/// so that organisation's editors maintain them; networks are maintained by Flever (it keeps the
/// register). Skips when the social map already holds organisations.
enum SocialMapDemoLoader {
    static func load(on db: any Database, now: Date, log: @escaping @Sendable (String) -> Void) async throws {
        if try await SocialMapOrganisationRecord.query(on: db).count() > 0 {
            log("Sociale kaart: demodata al aanwezig, overgeslagen.")
            return
        }
        let register = SocialMapDemoData.register
        var foundationIDs: [String: UUID] = [:]
        for organisation in try await Organisation.query(on: db).all() {
            guard let id = organisation.id else { continue }
            foundationIDs[organisation.slug] = id
            foundationIDs[Slug.make(organisation.name)] = id
        }
        var owners: [String: UUID] = [:]
        for organisation in register.organisations {
            if let id = foundationIDs[organisation.id] ?? foundationIDs[Slug.make(organisation.name)] {
                owners[organisation.id] = id
            }
        }
        for service in register.services {
            if let id = owners[service.organisationID] { owners[service.id] = id }
        }
        if let flever = foundationIDs["flever"] {
            for network in register.networks { owners[network.id] = flever }
        }
        let maintainers = owners
        let summary = try await SocialMapStore.write(
            register, on: db, maintainerFor: { maintainers[$0] },
            actor: "systeem", action: "demo",
            summary: "Demodata sociale kaart", at: now)
        log("Sociale kaart geladen: \(summary). Posities zijn gemeentecentra (benaderd).")
    }
}
