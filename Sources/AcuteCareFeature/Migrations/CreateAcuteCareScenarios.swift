import Fluent

struct CreateAcuteCareScenarios: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AcuteCareScenarioRecord.schema)
            .id()
            .field("slug", .string, .required)
            .field("name", .string, .required)
            .field("description", .string)
            .field("changes", .string, .required)
            .field("is_schematic", .bool, .required)
            .field("organisation_id", .uuid, .references("organisations", "id", onDelete: .setNull))
            .field("author", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "slug")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AcuteCareScenarioRecord.schema).delete()
    }
}
