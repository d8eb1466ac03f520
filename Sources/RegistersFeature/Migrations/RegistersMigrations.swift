import Fluent

enum RegistersMigrations {
    static var all: [any Migration] { [CreateRegisterTables()] }

    struct CreateRegisterTables: AsyncMigration {
        var name: String { "Registers.CreateRegisterTables" }

        func prepare(on db: any Database) async throws {
            try await db.schema(RegisterEntryRecord.schema)
                .id()
                .field("register", .string, .required)
                .field("key", .string, .required)
                .unique(on: "register", "key")
                .field("title", .string, .required)
                .field("status", .string)
                .field("organisation_id", .uuid, .references("organisations", .id, onDelete: .setNull))
                .field("payload", .string, .required)
                .field("is_example", .bool, .required)
                .field("version", .int, .required)
                .field("created_at", .datetime, .required)
                .field("updated_at", .datetime, .required)
                .create()
            try await db.schema(RegisterVersionRecord.schema)
                .id()
                .field("entry_id", .uuid, .required, .references(RegisterEntryRecord.schema, .id, onDelete: .cascade))
                .field("version", .int, .required)
                .field("at", .datetime, .required)
                .field("actor", .string, .required)
                .field("status", .string)
                .field("payload", .string, .required)
                .field("note", .string)
                .unique(on: "entry_id", "version")
                .create()
        }

        func revert(on db: any Database) async throws {
            try await db.schema(RegisterVersionRecord.schema).delete()
            try await db.schema(RegisterEntryRecord.schema).delete()
        }
    }
}
