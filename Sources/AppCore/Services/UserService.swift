import Fluent
import Vapor
import VitaalDomain

/// Creating accounts and issuing one-time passwords: the admin pages and the CLI share these rules.
public enum UserService {
    /// Creates a user with a one-time password (returned once, valid for 24 hours from `now`).
    public static func create(
        on db: any Database, password hasher: AsyncPasswordHasher, email rawEmail: String,
        name rawName: String, role rawRole: String, organisationSlug: String, actor: User?,
        actorName: String? = nil, now: Date
    ) async throws -> (User, String) {
        var problems = ProblemCollector()
        let email = rawEmail.trimmingCharacters(in: .whitespaces).lowercased()
        let name = rawName.trimmingCharacters(in: .whitespaces)
        if !Self.isEmail(email) { problems.add("Vul een geldig e-mailadres in.", at: SourceLocation(field: "email")) }
        if name.isEmpty { problems.add("Vul een naam in.", at: SourceLocation(field: "name")) }
        let role = Role(rawValue: rawRole)
        if role == nil {
            problems.add(
                "Onbekende rol \"\(rawRole)\"; kies beheerder, redacteur of lezer.",
                at: SourceLocation(field: "role"))
        }
        let organisation = try await Organisation.query(on: db)
            .group(.or) { $0.filter(\.$slug == organisationSlug).filter(\.$name == organisationSlug) }.first()
        if organisation == nil {
            problems.add("Onbekende organisatie \"\(organisationSlug)\".", at: SourceLocation(field: "organisation"))
        } else if let organisation, organisation.isRetired {
            problems.add(
                "De organisatie \(organisation.name) is opgeheven; kies een andere.",
                at: SourceLocation(field: "organisation"))
        }
        try problems.throwIfAny("Gebruiker niet aangemaakt")
        guard let role, let organisation, let organisationID = organisation.id else {
            throw VitaalError(.internal, "Gebruiker niet aangemaakt.")
        }
        if try await User.query(on: db).filter(\.$email == email).first() != nil {
            let message = "Er bestaat al een account voor \(email)."
            throw VitaalError(.conflict, message, problems: [Problem(message, at: SourceLocation(field: "email"))])
        }
        let password = Passwords.generate()
        let user = User(
            email: email, name: name, passwordHash: try await hasher.hash(password), role: role,
            organisationID: organisationID, now: now)
        try await db.transaction { db in
            try await user.create(on: db)
            let summary = "Gebruiker \(email) (\(role.label.lowercased()), \(organisation.name))"
            try await Audit.record(
                on: db, user: actor, actor: actorName, action: "aangemaakt", entity: "gebruiker",
                entityID: user.id?.uuidString, summary: summary, at: now)
        }
        return (user, password)
    }

    /// A beheerder gives a user a new one-time password: the user's sessions end, the change is audited.
    public static func resetPassword(
        userID: UUID, on db: any Database, password hasher: AsyncPasswordHasher,
        actor: User?, now: Date
    ) async throws -> (User, String) {
        guard let user = try await User.find(userID, on: db) else {
            throw VitaalError(.notFound, "Gebruiker niet gevonden.")
        }
        let password = Passwords.generate()
        user.passwordHash = try await hasher.hash(password)
        user.mustChangePassword = true
        user.oneTimePasswordExpiresAt = now.addingTimeInterval(User.oneTimePasswordLifetime)
        try await db.transaction { db in
            try await user.save(on: db)
            try await Sessions.revokeOthers(userID: userID, keeping: nil, on: db)
            try await Audit.record(
                on: db, user: actor, action: "gewijzigd", entity: "gebruiker",
                entityID: userID.uuidString, summary: "Nieuw eenmalig wachtwoord voor \(user.email)",
                at: now)
        }
        return (user, password)
    }

    static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@")
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !text.contains(" ")
    }
}
