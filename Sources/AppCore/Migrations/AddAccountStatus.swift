import Fluent
import SQLKit

extension FoundationMigrations {
    /// #15: users can be deactivated (`is_active`, `deactivated_at`) and organisations retired
    /// (`retired_at`); every existing user stays active.
    struct AddAccountStatus: AsyncMigration {
        func prepare(on db: any Database) async throws {
            try await db.schema(User.schema).field("is_active", .bool, .required, .sql(.default(true))).update()
            try await db.schema(User.schema).field("deactivated_at", .datetime).update()
            try await db.schema(Organisation.schema).field("retired_at", .datetime).update()
        }
        func revert(on db: any Database) async throws {
            try await db.schema(Organisation.schema).deleteField("retired_at").update()
            try await db.schema(User.schema).deleteField("deactivated_at").update()
            try await db.schema(User.schema).deleteField("is_active").update()
        }
    }

    /// #15: personal API tokens, looked up by the hash of the token.
    struct CreateAPITokens: AsyncMigration {
        func prepare(on db: any Database) async throws {
            try await db.schema(APIToken.schema)
                .id()
                .field("user_id", .uuid, .required, .references(User.schema, .id, onDelete: .cascade))
                .field("name", .string, .required)
                .field("token_hash", .string, .required).unique(on: "token_hash")
                .field("scope", .string, .required)
                .field("created_at", .datetime, .required)
                .field("expires_at", .datetime, .required)
                .field("last_used_at", .datetime)
                .field("revoked_at", .datetime)
                .create()
            if let sql = db as? any SQLDatabase {
                try await sql.create(index: "api_tokens_user").on(APIToken.schema).column("user_id").run()
            }
        }
        func revert(on db: any Database) async throws { try await db.schema(APIToken.schema).delete() }
    }
}
