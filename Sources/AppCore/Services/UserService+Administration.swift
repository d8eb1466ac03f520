import Fluent
import SQLKit
import Vapor
import VitaalDomain

/// A beheerder changes an account: role and organisation, deactivation and reactivation (#15).
/// Each change is audited in the transaction that makes it. A beheerder cannot demote or
/// deactivate themself, and the last active beheerder can be neither demoted nor deactivated.
extension UserService {
    /// Sets the role and organisation of the account `userID`; returns whether anything changed.
    @discardableResult
    static func change(
        userID: UUID, role rawRole: String, organisationSlug: String, on req: Request
    ) async throws -> Bool {
        let actor = try req.requireRole(.beheerder)
        let user = try await find(userID, on: req.db)
        var problems = ProblemCollector()
        let role = Role(rawValue: rawRole)
        if role == nil {
            problems.add(
                "Onbekende rol \"\(rawRole)\"; kies beheerder, redacteur of lezer.", at: SourceLocation(field: "role"))
        }
        let organisation = try await Organisation.query(on: req.db).filter(\.$slug == organisationSlug).first()
        if organisation == nil {
            problems.add("Onbekende organisatie \"\(organisationSlug)\".", at: SourceLocation(field: "organisation"))
        } else if let organisation, organisation.isRetired, organisation.id != user.$organisation.id {
            problems.add(
                "De organisatie \(organisation.name) is opgeheven; kies een andere.",
                at: SourceLocation(field: "organisation"))
        }
        try problems.throwIfAny("Gebruiker niet gewijzigd")
        guard let role, let organisation, let organisationID = organisation.id else {
            throw VitaalError(.internal, "Gebruiker niet gewijzigd.")
        }
        let oldRole = user.role
        let oldOrganisation = try await user.$organisation.get(on: req.db)
        guard role != oldRole || organisationID != oldOrganisation.id else { return false }
        if role != .beheerder, oldRole == .beheerder, user.id == actor.id {
            throw conflict("U kunt uw eigen rol niet verlagen; laat een andere beheerder dat doen.", field: "role")
        }
        var changes: [String] = []
        if role != oldRole { changes.append("rol \(oldRole.label.lowercased()) → \(role.label.lowercased())") }
        if organisationID != oldOrganisation.id {
            changes.append("organisatie \(oldOrganisation.name) → \(organisation.name)")
        }
        user.role = role
        user.$organisation.id = organisationID
        let summary = "Gebruiker \(user.email): " + changes.joined(separator: "; ")
        try await req.db.transaction { db in
            if oldRole == .beheerder, role != .beheerder, user.isActive {
                try await requireAnotherActiveBeheerder(
                    than: userID, email: user.email, doing: "geen andere rol krijgen", on: db)
            }
            try await user.save(on: db)
            try await req.audit(
                on: db, "gewijzigd", entity: "gebruiker", id: userID.uuidString,
                summary: summary)
        }
        return true
    }

    /// Deactivates (`active == false`) or reactivates the account `userID`. Deactivating ends all its
    /// sessions at once and revokes its API tokens; the account and its history stay.
    static func setActive(_ active: Bool, userID: UUID, on req: Request) async throws {
        let actor = try req.requireRole(.beheerder)
        let user = try await find(userID, on: req.db)
        guard user.isActive != active else { return }
        let now = req.now
        if active {
            let organisation = try await user.$organisation.get(on: req.db)
            if organisation.isRetired {
                throw conflict(
                    "De organisatie \(organisation.name) is opgeheven; kies eerst een andere organisatie voor "
                        + "dit account.", field: "organisation")
            }
            user.isActive = true
            user.deactivatedAt = nil
            try await req.db.transaction { db in
                try await user.save(on: db)
                try await req.audit(
                    on: db, "geactiveerd", entity: "gebruiker", id: userID.uuidString,
                    summary: "Gebruiker \(user.email) weer actief")
            }
            return
        }
        if user.id == actor.id {
            throw conflict("U kunt uw eigen account niet deactiveren; laat een andere beheerder dat doen.", field: nil)
        }
        user.isActive = false
        user.deactivatedAt = now
        try await req.db.transaction { db in
            if user.role == .beheerder {
                try await requireAnotherActiveBeheerder(
                    than: userID, email: user.email, doing: "niet gedeactiveerd worden", on: db)
            }
            try await user.save(on: db)
            try await Sessions.revokeOthers(userID: userID, keeping: nil, on: db)
            try await APITokens.revokeAll(of: userID, on: db, now: now)
            try await req.audit(
                on: db, "gedeactiveerd", entity: "gebruiker", id: userID.uuidString,
                summary: "Gebruiker \(user.email) gedeactiveerd (sessies beëindigd, API-tokens ingetrokken)")
        }
    }

    static func find(_ userID: UUID, on db: any Database) async throws -> User {
        guard let user = try await User.find(userID, on: db) else {
            throw VitaalError(.notFound, "Gebruiker niet gevonden.")
        }
        return user
    }

    /// Refuses when no active beheerder other than `userID` would remain. On PostgreSQL the active
    /// beheerders' rows are locked first, so two beheerders demoting each other at the same moment
    /// cannot both succeed; SQLite runs one write transaction at a time.
    static func requireAnotherActiveBeheerder(
        than userID: UUID, email: String, doing: String, on db: any Database
    ) async throws {
        if let sql = db as? any SQLDatabase, sql.dialect.name == "postgresql" {
            _ = try await sql.select().column("id").from(User.schema)
                .where("role", .equal, Role.beheerder.rawValue).where("is_active", .equal, true)
                .for(.update).all()
        }
        let others = try await User.query(on: db).filter(\.$role == .beheerder).filter(\.$isActive == true)
            .filter(\.$id != userID).count()
        if others == 0 {
            throw conflict(
                "\(email) is de laatste actieve beheerder en kan \(doing); maak eerst een ander "
                    + "account beheerder.", field: "role")
        }
    }

    static func conflict(_ message: String, field: String?) -> VitaalError {
        VitaalError(.conflict, message, problems: [Problem(message, at: SourceLocation(field: field))])
    }
}
