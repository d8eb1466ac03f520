import AppCore
import Fluent

/// `plan_tree_versions`: the goal tree (and targets) of a concept plan as it was before each change
/// made in the browser, so the last change can be undone.
struct CreatePlanTreeVersions: AsyncMigration {
    var name: String { "PlansFeature.CreatePlanTreeVersions" }

    func prepare(on db: any Database) async throws {
        try await db.schema(PlanTreeVersionRecord.schema)
            .id()
            .field("plan_id", .uuid, .required, .references(PlanRecord.schema, .id, onDelete: .cascade))
            .field("number", .int, .required)
            .field("summary", .string, .required)
            .field("actor", .string, .required)
            .field("snapshot", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "plan_id", "number")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(PlanTreeVersionRecord.schema).delete()
    }
}
