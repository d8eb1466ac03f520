import Fluent
import Vapor

/// `/beheer/organisaties`: every organisation (each linking to its own page) and the form for a new one.
enum AdminOrganisationsPage {
    /// The new-organisation form as posted.
    struct Form: Content, Equatable {
        var name: String?
        var kind: String?
        var region: String?
        var website: String?
    }

    struct Model: Sendable, Equatable {
        struct Row: Sendable, Equatable {
            var slug: String
            var name: String
            var kind: String
            var regionCode: String?
            var website: String?
            var retired = false
        }

        var organisations: [Row]
        var form: Form?
        var errors: [String: String] = [:]
        var status: HTTPResponseStatus = .ok
    }
}

extension AdminOrganisationsPage.Model {
    static func load(on db: any Database) async throws -> Self {
        let organisations = try await Organisation.query(on: db).sort(\.$name).all()
        return Self(
            organisations: organisations.map {
                Row(
                    slug: $0.slug, name: $0.name, kind: $0.kind, regionCode: $0.regionCode, website: $0.website,
                    retired: $0.isRetired)
            })
    }
}
