import AppCore
import Fluent

/// Evidence files of realisations (`plan_attachments`); deleted with their realisation.
struct CreatePlanAttachments: AsyncMigration {
    var name: String { "PlansFeature.CreatePlanAttachments" }

    func prepare(on db: any Database) async throws {
        try await db.schema(PlanAttachmentRecord.schema)
            .id()
            .field("realisation_id", .uuid, .required, .references(RealisationRecord.schema, .id, onDelete: .cascade))
            .field("filename", .string, .required)
            .field("content_type", .string, .required)
            .field("size", .int, .required)
            .field("data", .data, .required)
            .field("created_by", .string)
            .field("created_at", .datetime)
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(PlanAttachmentRecord.schema).delete()
    }
}
