import AppCore
import Fluent
import MonitorFeature
import VitaalDomain

/// The list of plans (`/plannen`).
enum PlanListPage {
    struct Model {
        struct Row {
            var key: String
            var title: String
            var organisation: String
            var period: String
            var version: Int
            var status: PlanStatus
            var rollUp: StatusRollUp
        }

        var rows: [Row]
        var loggedIn: Bool
        /// Readers and up see the link to the cross-plan dashboard.
        var showsDashboard: Bool
        /// Editors and beheerders see the link to a new plan.
        var canCreate = false

        /// The plans the viewer may see: published ones for everyone, all of them after logging in.
        static func load(viewer: PageContext.Viewer?, on db: any Database) async throws -> Model {
            let loggedIn = viewer != nil
            var rows: [Row] = []
            for record in try await PlanStore.all(on: db) {
                guard loggedIn || [PlanStatus.vastgesteld, .afgesloten].contains(record.planStatus) else { continue }
                let loaded = try await PlanStore.load(record: record, audience: PlanAccess.audience(viewer), on: db)
                guard loaded.isPublished || loggedIn else { continue }
                rows.append(
                    Row(
                        key: record.key, title: record.title, organisation: loaded.organisation.name,
                        period: loaded.plan.period.description, version: record.version,
                        status: loaded.plan.status, rollUp: loaded.plan.rollUp()))
            }
            return Model(
                rows: rows, loggedIn: loggedIn, showsDashboard: viewer.map { $0.role >= .lezer } ?? false,
                canCreate: viewer.map { $0.role >= .redacteur } ?? false)
        }
    }
}
