import Fluent
import SQLKit

extension FoundationMigrations {
    /// #16: the four-eyes approval of plans. `organisations.is_steering` marks the steering
    /// organisation (the province) and `users.may_approve` a vaststeller of it; both false for every
    /// existing row, so an existing database keeps working and a beheerder sets them.
    struct AddApprovalRoles: AsyncMigration {
        func prepare(on db: any Database) async throws {
            try await db.schema(Organisation.schema).field("is_steering", .bool, .required, .sql(.default(false)))
                .update()
            try await db.schema(User.schema).field("may_approve", .bool, .required, .sql(.default(false))).update()
        }
        func revert(on db: any Database) async throws {
            try await db.schema(User.schema).deleteField("may_approve").update()
            try await db.schema(Organisation.schema).deleteField("is_steering").update()
        }
    }
}
