import AppCore
import Fluent

/// `plans.submitted_by`: who moved the plan to ingediend, for the four-eyes rule (a redacteur
/// other than the submitter, or a beheerder, takes it to vastgesteld or afgesloten).
struct AddPlanSubmitter: AsyncMigration {
    var name: String { "PlansFeature.AddPlanSubmitter" }

    func prepare(on db: any Database) async throws {
        try await db.schema(PlanRecord.schema).field("submitted_by", .uuid).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(PlanRecord.schema).deleteField("submitted_by").update()
    }
}
