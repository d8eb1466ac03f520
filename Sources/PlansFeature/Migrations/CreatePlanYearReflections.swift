import AppCore
import Fluent

/// `plan_year_reflections`: the authored sections of a plan's annual report per year (#16),
/// "Geleerde lessen" and "Evaluatie"; one row per plan and year.
struct CreatePlanYearReflections: AsyncMigration {
    var name: String { "PlansFeature.CreatePlanYearReflections" }

    func prepare(on db: any Database) async throws {
        try await db.schema(PlanYearReflectionRecord.schema)
            .id()
            .field("plan_id", .uuid, .required, .references(PlanRecord.schema, .id, onDelete: .cascade))
            .field("year", .int, .required)
            .field("lessons", .string, .required)
            .field("evaluation", .string, .required)
            .field("updated_by", .string, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "plan_id", "year")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(PlanYearReflectionRecord.schema).delete()
    }
}
