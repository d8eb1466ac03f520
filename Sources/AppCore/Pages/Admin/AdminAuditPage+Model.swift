import Fluent

/// `/beheer/audit`: the whole audit log, newest first, 50 entries a page.
enum AdminAuditPage {
    struct Model: Sendable, Equatable {
        var total: Int
        var page: Int
        var pages: Int
        var rows: [AuditTable.Row]
    }
}

extension AdminAuditPage.Model {
    static let perPage = 50

    /// `requestedPage` beyond the last page shows the last page.
    static func load(page requestedPage: Int, on db: any Database) async throws -> Self {
        let total = try await AuditEntry.query(on: db).count()
        let pages = max(1, (total + perPage - 1) / perPage)
        let page = min(requestedPage, pages)
        let entries = try await AuditEntry.query(on: db).sort(\.$at, .descending)
            .range((page - 1) * perPage..<(page * perPage)).all()
        return Self(total: total, page: page, pages: pages, rows: entries.map(AuditTable.Row.init))
    }
}
