import Fluent
import Vapor
import VitaalDomain

/// A beheerder edits, retires and reinstates organisations (#15); each change audited in its own
/// transaction. The code (slug) stays: links, imports and the CLI use it.
extension OrganisationService {
    /// Saves name, kind, region, website and description; returns whether anything changed.
    @discardableResult
    static func update(
        slug: String, name rawName: String, kind rawKind: String?, region rawRegion: String?,
        website rawWebsite: String?, description rawDescription: String?, on req: Request
    ) async throws -> Bool {
        try req.requireRole(.beheerder)
        let organisation = try await find(slug: slug, on: req.db)
        var problems = ProblemCollector()
        let (name, kind, region, website) = try await validate(
            name: rawName, kind: rawKind, region: rawRegion, website: rawWebsite, problems: &problems, on: req.db)
        let descriptionText = (rawDescription ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if descriptionText.count > 2000 {
            problems.add(
                "De omschrijving is te lang (hoogstens 2000 tekens).", at: SourceLocation(field: "description"))
        }
        try problems.throwIfAny("Organisatie niet gewijzigd")
        let organisationID = try organisation.requireID()
        if name != organisation.name,
            try await Organisation.query(on: req.db).filter(\.$name == name).filter(\.$id != organisationID)
                .first() != nil
        {
            let message = "Er bestaat al een organisatie met de naam \(name)."
            throw VitaalError(.conflict, message, problems: [Problem(message, at: SourceLocation(field: "name"))])
        }
        let description = descriptionText.isEmpty ? nil : descriptionText
        var changes: [String] = []
        func note(_ label: String, _ old: String?, _ new: String?) {
            if old != new { changes.append("\(label) \(old ?? "–") → \(new ?? "–")") }
        }
        note("naam", organisation.name, name)
        note("soort", organisation.kind, kind)
        note("regio", organisation.regionCode, region)
        note("website", organisation.website, website)
        if organisation.summary != description { changes.append("omschrijving gewijzigd") }
        guard !changes.isEmpty else { return false }
        organisation.name = name
        organisation.kind = kind
        organisation.regionCode = region
        organisation.website = website
        organisation.summary = description
        let summary = "Organisatie \(slug): " + changes.joined(separator: "; ")
        try await req.db.transaction { db in
            try await organisation.save(on: db)
            try await req.audit(
                on: db, "gewijzigd", entity: "organisatie", id: organisationID.uuidString,
                summary: summary)
        }
        return true
    }

    /// Retires (`retired == true`) or reinstates an organisation. It cannot be retired while it has
    /// active users.
    static func setRetired(_ retired: Bool, slug: String, on req: Request) async throws {
        try req.requireRole(.beheerder)
        let organisation = try await find(slug: slug, on: req.db)
        guard organisation.isRetired != retired else { return }
        let organisationID = try organisation.requireID()
        organisation.retiredAt = retired ? req.now : nil
        try await req.db.transaction { db in
            if retired {
                let active = try await User.query(on: db).filter(\.$organisation.$id == organisationID)
                    .filter(\.$isActive == true).count()
                if active > 0 {
                    let users = active == 1 ? "1 actieve gebruiker" : "\(active) actieve gebruikers"
                    let message =
                        "\(organisation.name) heeft nog \(users) en kan niet worden opgeheven; deactiveer die "
                        + "accounts of geef ze een andere organisatie."
                    throw VitaalError(.conflict, message, problems: [Problem(message)])
                }
            }
            try await organisation.save(on: db)
            try await req.audit(
                on: db, retired ? "opgeheven" : "hersteld", entity: "organisatie", id: organisationID.uuidString,
                summary: "Organisatie \(organisation.name) " + (retired ? "opgeheven" : "hersteld"))
        }
    }

    static func find(slug: String, on db: any Database) async throws -> Organisation {
        guard let organisation = try await Organisation.query(on: db).filter(\.$slug == slug).first() else {
            throw VitaalError(.notFound, "Organisatie niet gevonden.")
        }
        return organisation
    }
}
