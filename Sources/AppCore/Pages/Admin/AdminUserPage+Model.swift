import Fluent
import Vapor
import VitaalDomain

/// `/beheer/gebruikers/<id>`: one account — role and organisation, deactivating and reactivating,
/// and its history in the audit log.
enum AdminUserPage {
    /// The role-and-organisation form as posted.
    struct Form: Content, Equatable {
        var role: String?
        var organisation: String?
    }

    struct Model: Sendable, Equatable {
        var id: UUID
        var email: String
        var name: String
        var role: Role
        var organisationSlug: String
        var organisationName: String
        var isActive: Bool
        var deactivatedAt: Date?
        var lastLogin: Date?
        /// Usable API tokens of the account.
        var usableTokens: Int
        /// Organisations to choose from: the ones not retired, and the account's own.
        var organisations: [AdminUsersPage.Choice]
        /// The vaststeller flag, and whether the account's organisation is the steering one (#16).
        var mayApprove: Bool = false
        var organisationIsSteering: Bool = false
        /// The account's entries in the audit log, newest first (at most 50).
        var history: [AuditTable.Row]
        var form: Form?
        var errors: [String: String] = [:]
        /// A refusal that belongs to no field (e.g. the last beheerder).
        var refusal: String?
        /// A confirmation code from the redirect (`?melding=opgeslagen`).
        var notice: String?
        var status: HTTPResponseStatus = .ok
    }
}

extension AdminUserPage.Model {
    static func load(id: UUID, on db: any Database, now: Date) async throws -> Self {
        guard let user = try await User.query(on: db).filter(\.$id == id).with(\.$organisation).first() else {
            throw VitaalError(.notFound, "Gebruiker niet gevonden.")
        }
        var organisations = try await Organisation.pickable(on: db)
        if !organisations.contains(where: { $0.id == user.organisation.id }) {
            organisations.append(user.organisation)
        }
        let history = try await AuditEntry.query(on: db)
            .group(.or) { $0.filter(\.$entityID == id.uuidString).filter(\.$userID == id) }
            .sort(\.$at, .descending).limit(50).all()
        return Self(
            id: id, email: user.email, name: user.name, role: user.role, organisationSlug: user.organisation.slug,
            organisationName: user.organisation.name, isActive: user.isActive, deactivatedAt: user.deactivatedAt,
            lastLogin: user.lastLoginAt,
            usableTokens: try await APIToken.query(on: db).filter(\.$user.$id == id).filter(\.$revokedAt == nil)
                .filter(\.$expiresAt > now).count(),
            organisations: organisations.map {
                .init(value: $0.slug, label: $0.name + ($0.isRetired ? " (opgeheven)" : ""))
            },
            mayApprove: user.mayApprove, organisationIsSteering: user.organisation.isSteering,
            history: history.map(AuditTable.Row.init))
    }
}
