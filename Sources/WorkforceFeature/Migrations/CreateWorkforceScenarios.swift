import Fluent

/// Table of saved workforce scenario versions.
struct CreateWorkforceScenarios: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(WorkforceScenarioRecord.schema)
            .id()
            .field("lineage", .uuid, .required)
            .field("name", .string, .required)
            .field("version", .int, .required)
            .field("scenario_json", .string, .required)
            .field("is_base", .bool, .required)
            .field("is_example", .bool, .required)
            .field("organisation_id", .uuid, .references("organisations", "id", onDelete: .setNull))
            .field("author", .string, .required)
            .field("note", .string)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "lineage", "version")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(WorkforceScenarioRecord.schema).delete()
    }
}
