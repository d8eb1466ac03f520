import Fluent
import SQLKit

/// Indexes for the lookups every plan page makes (security review L5): realisations by target,
/// attachments by realisation, indicator links by node.
struct AddPlanIndexes: AsyncMigration {
    var name: String { "PlansFeature.AddPlanIndexes" }
    static let indexes = [
        ("plan_realisations_target", "plan_realisations", "target_id"),
        ("plan_attachments_realisation", "plan_attachments", "realisation_id"),
        ("plan_indicator_links_node", "plan_indicator_links", "node_id")
    ]

    func prepare(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        for (name, table, column) in Self.indexes { try await sql.create(index: name).on(table).column(column).run() }
    }

    func revert(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        for (name, _, _) in Self.indexes { try await sql.drop(index: name).run() }
    }
}
