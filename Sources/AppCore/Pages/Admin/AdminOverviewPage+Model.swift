import Fluent

/// `/beheer`: counts and the latest changes.
enum AdminOverviewPage {
    struct Model: Sendable, Equatable {
        var userCount: Int
        var organisationCount: Int
        var regionCount: Int
        var recent: [AuditTable.Row]
    }
}

extension AdminOverviewPage.Model {
    static func load(on db: any Database) async throws -> Self {
        Self(
            userCount: try await User.query(on: db).count(),
            organisationCount: try await Organisation.query(on: db).count(),
            regionCount: try await Region.query(on: db).count(),
            recent: try await AuditEntry.query(on: db).sort(\.$at, .descending).limit(10).all()
                .map(AuditTable.Row.init))
    }
}
