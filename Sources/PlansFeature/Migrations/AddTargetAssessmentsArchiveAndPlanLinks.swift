import AppCore
import Fluent
import SQLKit

/// #16: inspanningsdoelen (targets marked niet-SMART) with their qualitative assessments, archived
/// targets (reason, who, when), and plan links (a goal contributes to a goal of another plan).
/// New columns are nullable or defaulted, so existing targets stay SMART and current.
struct AddTargetAssessmentsArchiveAndPlanLinks: AsyncMigration {
    var name: String { "PlansFeature.AddTargetAssessmentsArchiveAndPlanLinks" }

    func prepare(on db: any Database) async throws {
        try await db.schema(TargetRecord.schema).field("is_smart", .bool, .required, .sql(.default(true))).update()
        try await db.schema(TargetRecord.schema).field("archived_reason", .string).update()
        try await db.schema(TargetRecord.schema).field("archived_by", .string).update()
        try await db.schema(TargetRecord.schema).field("archived_at", .datetime).update()
        try await db.schema(TargetAssessmentRecord.schema)
            .id()
            .field("target_id", .uuid, .required, .references(TargetRecord.schema, .id, onDelete: .cascade))
            .field("judgement", .string, .required)
            .field("explanation", .string, .required)
            .field("date", .string, .required)
            .field("period", .string)
            .field("assessed_by", .string, .required)
            .field("is_example", .bool, .required)
            .field("created_at", .datetime)
            .create()
        try await db.schema(PlanLinkRecord.schema)
            .id()
            .field("from_node_id", .uuid, .required, .references(GoalNodeRecord.schema, .id, onDelete: .cascade))
            .field("to_node_id", .uuid, .required, .references(GoalNodeRecord.schema, .id, onDelete: .cascade))
            .field("note", .string)
            .field("created_by", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "from_node_id", "to_node_id")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(PlanLinkRecord.schema).delete()
        try await db.schema(TargetAssessmentRecord.schema).delete()
        for field in ["archived_at", "archived_by", "archived_reason", "is_smart"] {
            try await db.schema(TargetRecord.schema).deleteField(.string(field)).update()
        }
    }
}
