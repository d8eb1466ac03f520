import AppCore
import Fluent

/// #16: the last rejection of a plan (reason, who, when) and who adopted it (vastgesteld) and when.
/// Nullable columns, so existing databases keep their plans as they are.
struct AddPlanReview: AsyncMigration {
    var name: String { "PlansFeature.AddPlanReview" }

    func prepare(on db: any Database) async throws {
        try await db.schema(PlanRecord.schema).field("rejection_reason", .string).update()
        try await db.schema(PlanRecord.schema).field("rejected_by", .string).update()
        try await db.schema(PlanRecord.schema).field("rejected_at", .datetime).update()
        try await db.schema(PlanRecord.schema).field("adopted_by", .string).update()
        try await db.schema(PlanRecord.schema).field("adopted_at", .datetime).update()
    }

    func revert(on db: any Database) async throws {
        for field in ["adopted_at", "adopted_by", "rejected_at", "rejected_by", "rejection_reason"] {
            try await db.schema(PlanRecord.schema).deleteField(.string(field)).update()
        }
    }
}
