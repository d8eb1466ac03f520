import Fluent

enum SocialMapMigrations {
    static var all: [any Migration] {
        [CreateSocialMapTables(), CollaborationOwnerAndSpiderWebMonth(), ArchivedEntries()]
    }

    struct CreateSocialMapTables: AsyncMigration {
        var name: String { "SocialMap.CreateSocialMapTables" }

        func prepare(on db: any Database) async throws {
            try await db.schema(SocialMapOrganisationRecord.schema)
                .id()
                .field("key", .string, .required).unique(on: "key")
                .field("name", .string, .required)
                .field("maintainer_id", .uuid, .references("organisations", .id, onDelete: .setNull))
                .field("last_checked", .string)
                .field("is_example", .bool, .required)
                .field("payload", .string, .required)
                .field("updated_at", .datetime)
                .create()
            try await db.schema(SocialMapServiceRecord.schema)
                .id()
                .field("key", .string, .required).unique(on: "key")
                .field("organisation_key", .string, .required)
                .field("name", .string, .required)
                .field("kind", .string, .required)
                .field("maintainer_id", .uuid, .references("organisations", .id, onDelete: .setNull))
                .field("last_checked", .string)
                .field("is_example", .bool, .required)
                .field("payload", .string, .required)
                .field("updated_at", .datetime)
                .create()
            try await db.schema(SocialMapLocationRecord.schema)
                .id()
                .field("key", .string, .required).unique(on: "key")
                .field("organisation_key", .string)
                .field("latitude", .double)
                .field("longitude", .double)
                .field("municipality_code", .string)
                .field("position_is_approximate", .bool, .required)
                .field("payload", .string, .required)
                .create()
            try await db.schema(SocialMapHSDSRecord.schema)
                .id()
                .field("kind", .string, .required)
                .field("key", .string, .required)
                .field("payload", .string, .required)
                .unique(on: "kind", "key")
                .create()
            try await db.schema(SocialMapNetworkRecord.schema)
                .id()
                .field("key", .string, .required).unique(on: "key")
                .field("name", .string, .required)
                .field("maintainer_id", .uuid, .references("organisations", .id, onDelete: .setNull))
                .field("last_checked", .string)
                .field("payload", .string, .required)
                .create()
            try await db.schema(SocialMapMembershipRecord.schema)
                .id()
                .field("network_key", .string, .required)
                .field("member_key", .string, .required)
                .field("role", .string)
                .field("position", .int, .required)
                .unique(on: "network_key", "member_key")
                .create()
            try await db.schema(SocialMapCollaborationRecord.schema)
                .id()
                .field("a", .string, .required)
                .field("b", .string, .required)
                .field("topic", .string, .required)
                .field("since", .string)
                .field("is_derived", .bool, .required)
                .create()
            try await db.schema(SpiderWebRecord.schema)
                .id()
                .field("day", .string, .required)
                .field("municipality_code", .string, .required)
                .field("lichaamsfuncties", .double, .required)
                .field("mentaal_welbevinden", .double, .required)
                .field("zingeving", .double, .required)
                .field("kwaliteit_van_leven", .double, .required)
                .field("meedoen", .double, .required)
                .field("dagelijks_functioneren", .double, .required)
                .create()
        }

        func revert(on db: any Database) async throws {
            let schemas = [
                SpiderWebRecord.schema, SocialMapCollaborationRecord.schema,
                SocialMapMembershipRecord.schema, SocialMapNetworkRecord.schema, SocialMapHSDSRecord.schema,
                SocialMapLocationRecord.schema, SocialMapServiceRecord.schema,
                SocialMapOrganisationRecord.schema
            ]
            for schema in schemas {
                try await db.schema(schema).delete()
            }
        }
    }

    /// Collaborations remember which organisation entered them (L2); stored spider webs keep only
    /// the month (M6/L15): existing days are cut to "jjjj-mm".
    struct CollaborationOwnerAndSpiderWebMonth: AsyncMigration {
        var name: String { "SocialMapCollaborationOwnerAndSpiderWebMonth" }
        func prepare(on db: any Database) async throws {
            try await db.schema(SocialMapCollaborationRecord.schema).field("entered_by", .uuid).update()
            for rec in try await SpiderWebRecord.query(on: db).all() where rec.day.count > 7 {
                rec.day = String(rec.day.prefix(7))
                try await rec.save(on: db)
            }
        }
        func revert(on db: any Database) async throws {
            try await db.schema(SocialMapCollaborationRecord.schema).deleteField("entered_by").update()
        }
    }

    /// Entries can be archived in the web editor (`archived_on`, a day): archived entries vanish
    /// from pages, API and exports but stay in the database (and the audit log names them).
    struct ArchivedEntries: AsyncMigration {
        var name: String { "SocialMapArchivedEntries" }
        static let schemas = [
            SocialMapOrganisationRecord.schema, SocialMapServiceRecord.schema, SocialMapLocationRecord.schema,
            SocialMapHSDSRecord.schema
        ]
        func prepare(on db: any Database) async throws {
            for schema in Self.schemas { try await db.schema(schema).field("archived_on", .string).update() }
        }
        func revert(on db: any Database) async throws {
            for schema in Self.schemas { try await db.schema(schema).deleteField("archived_on").update() }
        }
    }
}
