import Fluent
import Vapor

/// `/beheer/organisaties/<slug>`: one organisation — its details, retiring and reinstating it, its
/// accounts and its history in the audit log.
enum AdminOrganisationPage {
    /// The edit form as posted.
    struct Form: Content, Equatable {
        var name: String?
        var kind: String?
        var region: String?
        var website: String?
        var description: String?
    }

    struct Model: Sendable, Equatable {
        var slug: String
        var name: String
        var kind: String
        var regionCode: String?
        var website: String?
        var description: String?
        var retiredAt: Date?
        /// The steering organisation (#16): its vaststellers adopt the plans.
        var isSteering: Bool = false
        var activeUsers: Int
        var inactiveUsers: Int
        var history: [AuditTable.Row]
        var form: Form?
        var errors: [String: String] = [:]
        var refusal: String?
        var notice: String?
        var status: HTTPResponseStatus = .ok
    }
}

extension AdminOrganisationPage.Model {
    static func load(slug: String, on db: any Database) async throws -> Self {
        let organisation = try await OrganisationService.find(slug: slug, on: db)
        let id = try organisation.requireID()
        let users = try await User.query(on: db).filter(\.$organisation.$id == id).all()
        let history = try await AuditEntry.query(on: db).filter(\.$entityID == id.uuidString)
            .sort(\.$at, .descending).limit(50).all()
        return Self(
            slug: organisation.slug, name: organisation.name, kind: organisation.kind,
            regionCode: organisation.regionCode, website: organisation.website, description: organisation.summary,
            retiredAt: organisation.retiredAt, isSteering: organisation.isSteering,
            activeUsers: users.filter(\.isActive).count,
            inactiveUsers: users.filter { !$0.isActive }.count, history: history.map(AuditTable.Row.init))
    }
}
