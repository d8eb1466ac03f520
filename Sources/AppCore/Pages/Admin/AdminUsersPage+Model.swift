import Fluent
import Vapor

/// `/beheer/gebruikers`: every account (each linking to its own page), the form for a new one, and a
/// one-time password just issued.
enum AdminUsersPage {
    /// The new-user form as posted.
    struct Form: Content, Equatable {
        var email: String?
        var name: String?
        var role: String?
        var organisation: String?
    }

    struct Model: Sendable, Equatable {
        struct Account: Sendable, Equatable {
            var id: UUID
            var email: String
            var name: String
            var role: Role
            var organisation: String
            var lastLogin: Date?
            var isActive = true
        }

        /// A one-time password shown once, right after it was made.
        struct Issued: Sendable, Equatable {
            var email: String
            var password: String
        }

        var accounts: [Account]
        /// Organisations to choose from (slug, name).
        var organisations: [Choice]
        var form: Form?
        var errors: [String: String] = [:]
        var issued: Issued?
        var status: HTTPResponseStatus = .ok
    }

    struct Choice: Sendable, Equatable {
        var value: String
        var label: String
    }
}

extension AdminUsersPage.Model {
    static func load(on db: any Database) async throws -> Self {
        let users = try await User.query(on: db).with(\.$organisation).sort(\.$email).all()
        let organisations = try await Organisation.pickable(on: db)
        return Self(
            accounts: try users.map {
                Account(
                    id: try $0.requireID(), email: $0.email, name: $0.name, role: $0.role,
                    organisation: $0.organisation.name, lastLogin: $0.lastLoginAt, isActive: $0.isActive)
            },
            organisations: organisations.map { .init(value: $0.slug, label: $0.name) })
    }
}
