import Fluent
import Foundation
import SQLKit

enum FoundationMigrations {
    /// In order. `clock` dates the one-time passwords that a data migration gives an expiry.
    static func all(clock: VitaalClock) -> [any Migration] {
        [
            CreateOrganisations(), CreateRegions(), CreateUsers(), CreateAuditLog(), SessionRecord.migration,
            CreateSessions(), CreateLoginThrottle(), AddOneTimePasswordExpiry(clock: clock), DropFluentSessions(),
            AddRegionParentIndex(), AddAccountStatus(), CreateAPITokens(), AddApprovalRoles(),
            CreateRegionVersions()
        ]
    }

    struct CreateOrganisations: AsyncMigration {
        func prepare(on db: any Database) async throws {
            try await db.schema(Organisation.schema)
                .id()
                .field("slug", .string, .required).unique(on: "slug")
                .field("name", .string, .required)
                .field("kind", .string, .required)
                .field("region_code", .string)
                .field("website", .string)
                .field("description", .string)
                .field("created_at", .datetime)
                .create()
        }
        func revert(on db: any Database) async throws { try await db.schema(Organisation.schema).delete() }
    }

    struct CreateRegions: AsyncMigration {
        func prepare(on db: any Database) async throws {
            try await db.schema(Region.schema)
                .id()
                .field("code", .string, .required).unique(on: "code")
                .field("name", .string, .required)
                .field("kind", .string, .required)
                .field("parent_id", .uuid, .references(Region.schema, .id, onDelete: .restrict))
                .field("geometry", .string)
                .field("geometry_schematic", .bool, .required)
                .field("sort_order", .int, .required)
                .field("updated_at", .datetime)
                .create()
            try await db.schema(RegionGroupMember.schema)
                .id()
                .field("group_id", .uuid, .required, .references(Region.schema, .id, onDelete: .cascade))
                .field("member_id", .uuid, .required, .references(Region.schema, .id, onDelete: .cascade))
                .unique(on: "group_id", "member_id")
                .create()
        }
        func revert(on db: any Database) async throws {
            try await db.schema(RegionGroupMember.schema).delete()
            try await db.schema(Region.schema).delete()
        }
    }

    /// One-time passwords expire; existing accounts that still must change theirs get 24 hours.
    struct AddOneTimePasswordExpiry: AsyncMigration {
        let clock: VitaalClock
        func prepare(on db: any Database) async throws {
            try await db.schema(User.schema).field("one_time_password_expires_at", .datetime).update()
            try await User.query(on: db).filter(\.$mustChangePassword == true)
                .set(\.$oneTimePasswordExpiresAt, to: clock.now().addingTimeInterval(User.oneTimePasswordLifetime))
                .update()
        }
        func revert(on db: any Database) async throws {
            try await db.schema(User.schema).deleteField("one_time_password_expires_at").update()
        }
    }

    /// Sessions moved to `vitaal_sessions` (hashed keys, expiry); the old rows never expired.
    struct DropFluentSessions: AsyncMigration {
        func prepare(on db: any Database) async throws { try await db.schema("_fluent_sessions").delete() }
        func revert(on db: any Database) async throws { try await SessionRecord.migration.prepare(on: db).get() }
    }

    /// Child regions are looked up by parent on every region page (security review L5).
    struct AddRegionParentIndex: AsyncMigration {
        func prepare(on db: any Database) async throws {
            guard let sql = db as? any SQLDatabase else { return }
            try await sql.create(index: "regions_parent").on(Region.schema).column("parent_id").run()
        }
        func revert(on db: any Database) async throws {
            guard let sql = db as? any SQLDatabase else { return }
            try await sql.drop(index: "regions_parent").run()
        }
    }

    struct CreateUsers: AsyncMigration {
        func prepare(on db: any Database) async throws {
            try await db.schema(User.schema)
                .id()
                .field("email", .string, .required).unique(on: "email")
                .field("name", .string, .required)
                .field("password_hash", .string, .required)
                .field("role", .string, .required)
                .field("organisation_id", .uuid, .required, .references(Organisation.schema, .id, onDelete: .restrict))
                .field("must_change_password", .bool, .required)
                .field("last_login_at", .datetime)
                .field("created_at", .datetime)
                .create()
        }
        func revert(on db: any Database) async throws { try await db.schema(User.schema).delete() }
    }

    struct CreateAuditLog: AsyncMigration {
        func prepare(on db: any Database) async throws {
            try await db.schema(AuditEntry.schema)
                .id()
                .field("at", .datetime, .required)
                .field("user_id", .uuid)
                .field("actor", .string, .required)
                .field("action", .string, .required)
                .field("entity", .string, .required)
                .field("entity_id", .string)
                .field("summary", .string, .required)
                .create()
            if let sql = db as? any SQLDatabase {
                try await sql.create(index: "audit_log_at_idx").on(AuditEntry.schema).column("at").run()
            }
        }
        func revert(on db: any Database) async throws { try await db.schema(AuditEntry.schema).delete() }
    }
}
