import Vapor
import Fluent
import AppCore
import VitaalDomain

/// Loads `SocialMapDemoData.register` (Flever's networks of Bijlage 1, WEL partners, initiatives
/// from the seeds). Entries are linked to the foundation organisation with the same slug or name,
/// so that organisation's editors maintain them; networks are maintained by Flever (it keeps the
/// register). Skips when the social map already holds organisations.
enum SocialMapDemoLoader {
    static func load(on db: any Database, log: @escaping @Sendable (String) -> Void) async throws {
        if try await SocialMapOrganisationRecord.query(on: db).count() > 0 {
            log("Sociale kaart: demodata al aanwezig, overgeslagen.")
            return
        }
        let register = SocialMapDemoData.register
        let foundation = try await Organisation.query(on: db).all()
        var bySlug: [String: UUID] = [:]
        for o in foundation { if let id = o.id { bySlug[o.slug] = id; bySlug[Slug.make(o.name)] = id } }
        var owners: [String: UUID] = [:]
        for o in register.organisations {
            if let id = bySlug[o.id] ?? bySlug[Slug.make(o.name)] { owners[o.id] = id }
        }
        for s in register.services { if let id = owners[s.organisationID] { owners[s.id] = id } }
        if let flever = bySlug["flever"] { for n in register.networks { owners[n.id] = flever } }
        let map = owners
        let summary = try await SocialMapStore.write(register, on: db, maintainerFor: { map[$0] }, actor: "systeem", action: "demo",
                                                     summary: "Demodata sociale kaart")
        log("Sociale kaart geladen: \(summary). Posities zijn gemeentecentra (benaderd).")
    }
}
