import AppCore
import Fluent
import SQLKit

enum MonitorMigrations {
    static var all: [any Migration] {
        [
            CreateMonitorTables(), CreateDataVersion(), AddValueOrderIndex(), AddStoryOrganisation(), AddHardening(),
            AddIndicatorCatalogue(), AddCatalogueRetirement(), KeyValuesByIndicatorRegionPeriod(),
            AddImportProgress()
        ]
    }

    struct CreateMonitorTables: AsyncMigration {
        var name: String { "MonitorFeature.CreateMonitorTables" }

        func prepare(on db: any Database) async throws {
            try await db.schema(Indicator.schema)
                .id()
                .field("code", .string, .required).unique(on: "code")
                .field("name", .string, .required)
                .field("description", .string, .required)
                .field("unit", .string, .required)
                .field("decimals", .int, .required)
                .field("polarity", .string, .required)
                .field("source", .string, .required)
                .field("licence", .string, .required)
                .field("level", .string, .required)
                .field("is_count", .bool, .required)
                .field("norm_value", .double)
                .field("norm_comparison", .string)
                .field("norm_source", .string)
                .field("range_min", .double)
                .field("range_max", .double)
                .field("visibility", .string, .required)
                .field("updated_at", .datetime)
                .create()
            try await db.schema(Monitor.schema)
                .id()
                .field("slug", .string, .required).unique(on: "slug")
                .field("name", .string, .required)
                .field("description", .string, .required)
                .field("sort_order", .int, .required)
                .field("updated_at", .datetime)
                .create()
            try await db.schema(MonitorTheme.schema)
                .id()
                .field("monitor_id", .uuid, .required, .references(Monitor.schema, .id, onDelete: .cascade))
                .field("code", .string, .required)
                .field("name", .string, .required)
                .field("description", .string, .required)
                .field("sort_order", .int, .required)
                .unique(on: "monitor_id", "code")
                .create()
            try await db.schema(MonitorItem.schema)
                .id()
                .field("monitor_id", .uuid, .required, .references(Monitor.schema, .id, onDelete: .cascade))
                .field("theme_id", .uuid, .references(MonitorTheme.schema, .id, onDelete: .setNull))
                .field("indicator_id", .uuid, .required, .references(Indicator.schema, .id, onDelete: .cascade))
                .field("sort_order", .int, .required)
                .unique(on: "monitor_id", "indicator_id")
                .create()
            try await db.schema(DataImport.schema)
                .id()
                .field("file_name", .string, .required)
                .field("format", .string, .required)
                .field("user_id", .uuid)
                .field("actor", .string, .required)
                .field("records", .int, .required)
                .field("inserted", .int, .required)
                .field("replaced", .int, .required)
                .field("missing", .int, .required)
                .field("replace_mode", .bool, .required)
                .field("created_at", .datetime, .required)
                .field("undone_at", .datetime)
                .field("undone_by", .string)
                .create()
            try await db.schema(DataValue.schema)
                .id()
                .field("indicator_code", .string, .required)
                .field("region_code", .string, .required)
                .field("period", .string, .required)
                .field("period_sort", .int, .required)
                .field("value", .double)
                .field("missing_reason", .string)
                .field("status", .string, .required)
                .field("note", .string)
                .field("batch_id", .uuid, .references(DataImport.schema, .id, onDelete: .setNull))
                .field("updated_at", .datetime, .required)
                .foreignKey("indicator_code", references: Indicator.schema, "code", onDelete: .cascade)
                .foreignKey("region_code", references: Region.schema, "code", onDelete: .restrict)
                .unique(on: "indicator_code", "region_code", "period")
                .create()
            try await db.schema(ReplacedValue.schema)
                .id()
                .field("batch_id", .uuid, .required, .references(DataImport.schema, .id, onDelete: .cascade))
                .field("indicator_code", .string, .required)
                .field("region_code", .string, .required)
                .field("period", .string, .required)
                .field("period_sort", .int, .required)
                .field("value", .double)
                .field("missing_reason", .string)
                .field("status", .string, .required)
                .field("note", .string)
                .field("previous_batch_id", .uuid)
                .field("previous_updated_at", .datetime, .required)
                .create()
            try await db.schema(Story.schema)
                .id()
                .field("title", .string, .required)
                .field("text", .string, .required)
                .field("source", .string)
                .field("date", .datetime)
                .field("quote", .string)
                .field("person_role", .string)
                .field("goal_ref", .string)
                .field("is_example", .bool, .required)
                .field("created_at", .datetime, .required)
                .create()
            try await db.schema(StoryIndicator.schema)
                .id()
                .field("story_id", .uuid, .required, .references(Story.schema, .id, onDelete: .cascade))
                .field("indicator_code", .string, .required)
                .foreignKey("indicator_code", references: Indicator.schema, "code", onDelete: .cascade)
                .unique(on: "story_id", "indicator_code")
                .create()
            try await db.schema(StoryRegion.schema)
                .id()
                .field("story_id", .uuid, .required, .references(Story.schema, .id, onDelete: .cascade))
                .field("region_code", .string, .required)
                .foreignKey("region_code", references: Region.schema, "code", onDelete: .cascade)
                .unique(on: "story_id", "region_code")
                .create()
            if let sql = db as? any SQLDatabase {
                try await sql.create(index: "monitor_values_region_idx").on(DataValue.schema).column("region_code")
                    .column("indicator_code").run()
                try await sql.create(index: "monitor_values_ind_sort_idx").on(DataValue.schema).column("indicator_code")
                    .column("period_sort").run()
                try await sql.create(index: "monitor_values_batch_idx").on(DataValue.schema).column("batch_id").run()
                try await sql.create(index: "monitor_replaced_batch_idx").on(ReplacedValue.schema).column("batch_id")
                    .run()
                try await sql.create(index: "monitor_story_ind_code_idx").on(StoryIndicator.schema).column(
                    "indicator_code"
                ).run()
            }
        }

        func revert(on db: any Database) async throws {
            for schema in [
                StoryRegion.schema, StoryIndicator.schema, Story.schema, ReplacedValue.schema, DataValue.schema,
                DataImport.schema, MonitorItem.schema, MonitorTheme.schema, Monitor.schema, Indicator.schema
            ] {
                try await db.schema(schema).delete()
            }
        }
    }

    struct CreateDataVersion: AsyncMigration {
        var name: String { "MonitorFeature.CreateDataVersion" }
        func prepare(on db: any Database) async throws {
            try await db.schema(DataVersion.schema)
                .field("id", .int, .identifier(auto: false))
                .field("version", .int, .required)
                .field("changed_at", .datetime, .required)
                .create()
        }
        func revert(on db: any Database) async throws { try await db.schema(DataVersion.schema).delete() }
    }

    /// The data API reads values in (indicator, region, period) order; with this index the database
    /// walks the rows in that order instead of sorting them (8,000 rows: ~30 ms → ~14 ms in SQLite).
    struct AddValueOrderIndex: AsyncMigration {
        var name: String { "MonitorFeature.AddValueOrderIndex" }
        func prepare(on db: any Database) async throws {
            guard let sql = db as? any SQLDatabase else { return }
            try await sql.create(index: "monitor_values_ind_region_sort_idx").on(DataValue.schema)
                .column("indicator_code").column("region_code").column("period_sort").run()
        }
        func revert(on db: any Database) async throws {
            guard let sql = db as? any SQLDatabase else { return }
            try await sql.drop(index: "monitor_values_ind_region_sort_idx").run()
        }
    }

    /// Stories written by editors belong to their organisation (who may change them).
    struct AddStoryOrganisation: AsyncMigration {
        var name: String { "MonitorFeature.AddStoryOrganisation" }
        func prepare(on db: any Database) async throws {
            try await db.schema(Story.schema).field("organisation_id", .uuid).update()
        }
        func revert(on db: any Database) async throws {
            try await db.schema(Story.schema).deleteField("organisation_id").update()
        }
    }

    /// Security review #12: indicator owners (import scope), a public data version (ETag/Last-Modified
    /// of public answers), the import lock table and the indexes for undo, history and story lookups.
    struct AddHardening: AsyncMigration {
        var name: String { "MonitorFeature.AddHardening" }
        func prepare(on db: any Database) async throws {
            try await db.schema(Indicator.schema).field("owner_organisation_id", .uuid).update()
            try await db.schema(DataVersion.schema).field("public_version", .int).update()
            try await db.schema(DataVersion.schema).field("public_changed_at", .datetime).update()
            try await db.schema(ImportLock.schema)
                .id()
                .field("lock_key", .string, .required).unique(on: "lock_key")
                .field("actor", .string, .required)
                .field("started_at", .datetime, .required)
                .create()
            if let sql = db as? any SQLDatabase {
                try await sql.create(index: "monitor_replaced_values_previous_batch_idx").on(ReplacedValue.schema)
                    .column("previous_batch_id").run()
                try await sql.create(index: "monitor_replaced_values_batch_idx").on(ReplacedValue.schema).column(
                    "batch_id"
                ).run()
                try await sql.create(index: "monitor_story_regions_region_idx").on(StoryRegion.schema).column(
                    "region_code"
                ).run()
                try await sql.raw(
                    "UPDATE monitor_data_version SET public_version = version, public_changed_at = changed_at"
                ).run()
            }
            // Demo indicators already loaded get the owners the demo loader gives them.
            let orgs = try await Organisation.query(on: db).field(\.$id).field(\.$slug).all()
            let bySlug = Dictionary(orgs.map { ($0.slug, $0) }, uniquingKeysWith: { a, _ in a })
            // Columns named one by one: the `Indicator` model has fields that later migrations add.
            guard let sql = db as? any SQLDatabase else { return }
            let unowned = try await sql.select().column("code").from(Indicator.schema)
                .where("owner_organisation_id", .is, SQLLiteral.null).all()
            for row in unowned {
                let code = try row.decode(column: "code", as: String.self)
                guard let slug = MonitorDemoLoader.ownerSlug(code), let id = bySlug[slug]?.id else { continue }
                try await sql.update(Indicator.schema).set("owner_organisation_id", to: id).where("code", .equal, code)
                    .run()
            }
        }
        func revert(on db: any Database) async throws {
            if let sql = db as? any SQLDatabase {
                for name in [
                    "monitor_replaced_values_previous_batch_idx", "monitor_replaced_values_batch_idx",
                    "monitor_story_regions_region_idx"
                ] {
                    try await sql.drop(index: name).run()
                }
            }
            try await db.schema(ImportLock.schema).delete()
            try await db.schema(DataVersion.schema).deleteField("public_changed_at").update()
            try await db.schema(DataVersion.schema).deleteField("public_version").update()
            try await db.schema(Indicator.schema).deleteField("owner_organisation_id").update()
        }
    }

    /// #15: the catalogue the partners manage — status, "vervangt" link and formula of an indicator,
    /// and the version history of definition changes.
    struct AddIndicatorCatalogue: AsyncMigration {
        var name: String { "MonitorFeature.AddIndicatorCatalogue" }
        func prepare(on db: any Database) async throws {
            try await db.schema(Indicator.schema).field("status", .string, .required, .sql(.default("actief")))
                .update()
            try await db.schema(Indicator.schema).field("replaces_code", .string).update()
            try await db.schema(Indicator.schema).field("formula", .string).update()
            try await db.schema(IndicatorRevision.schema)
                .id()
                .field("indicator_code", .string, .required)
                .field("actor", .string, .required)
                .field("changed_at", .datetime, .required)
                .field("changes", .string, .required)
                .create()
            if let sql = db as? any SQLDatabase {
                try await sql.create(index: "monitor_indicator_revisions_code_idx").on(IndicatorRevision.schema)
                    .column("indicator_code").run()
            }
        }
        func revert(on db: any Database) async throws {
            try await db.schema(IndicatorRevision.schema).delete()
            try await db.schema(Indicator.schema).deleteField("formula").update()
            try await db.schema(Indicator.schema).deleteField("replaces_code").update()
            try await db.schema(Indicator.schema).deleteField("status").update()
        }
    }

    /// #15: monitors and themes are retired, not deleted (they leave the public lists but are kept).
    struct AddCatalogueRetirement: AsyncMigration {
        var name: String { "MonitorFeature.AddCatalogueRetirement" }
        func prepare(on db: any Database) async throws {
            try await db.schema(Monitor.schema).field("retired_at", .datetime).update()
            try await db.schema(MonitorTheme.schema).field("retired_at", .datetime).update()
        }
        func revert(on db: any Database) async throws {
            try await db.schema(MonitorTheme.schema).deleteField("retired_at").update()
            try await db.schema(Monitor.schema).deleteField("retired_at").update()
        }
    }

    /// #20: values live in one B-tree keyed by (indicator, region, period) — `WITHOUT ROWID` on SQLite, the
    /// primary key on PostgreSQL — instead of a rowid table with a random-UUID key, a unique key and four
    /// more indexes (seven B-trees written per imported row). The key is `period_sort` (`Period.sortKey`,
    /// one-to-one with the canonical period), so the key order is the order the data API and the pages
    /// read. Every query on values filters by indicator first (grep `monitor_values`), so no other index
    /// is kept. `id` stays as a plain column so the Fluent model works; nothing looks rows up by it.
    /// The import batch stays in the row without an index: undo finds a batch's values through the
    /// indicators it wrote, kept in `monitor_import_batch_indicators` (one row per batch and indicator).
    struct KeyValuesByIndicatorRegionPeriod: AsyncMigration {
        var name: String { "MonitorFeature.KeyValuesByIndicatorRegionPeriod" }

        /// Table of the indicators each import batch wrote values for.
        static let batchIndicators = "monitor_import_batch_indicators"

        func prepare(on db: any Database) async throws {
            guard let sql = db as? any SQLDatabase else { return }
            let sqlite = sql.dialect.name == "sqlite"
            let columns = DataImporter.valueColumns.joined(separator: ", ")
            if sqlite {
                try await sql.raw(
                    """
                    CREATE TABLE monitor_values_keyed (
                    indicator_code TEXT NOT NULL REFERENCES monitor_indicators (code) ON DELETE CASCADE,
                    region_code TEXT NOT NULL REFERENCES regions (code) ON DELETE RESTRICT,
                    period_sort INTEGER NOT NULL, period TEXT NOT NULL, value DOUBLE, missing_reason TEXT,
                    status TEXT NOT NULL, note TEXT,
                    batch_id UUID REFERENCES monitor_import_batches (id) ON DELETE SET NULL,
                    updated_at REAL NOT NULL, id UUID NOT NULL,
                    PRIMARY KEY (indicator_code, region_code, period_sort)) WITHOUT ROWID
                    """
                ).run()
            } else {
                try await sql.raw("CREATE TABLE monitor_values_keyed (LIKE monitor_values INCLUDING DEFAULTS)").run()
            }
            try await sql.raw(
                "INSERT INTO monitor_values_keyed (\(unsafeRaw: columns)) SELECT \(unsafeRaw: columns) FROM monitor_values"
            ).run()
            // The batches' indicators, from the values they hold now and from the versions later imports
            // replaced (undoing those imports brings such values back under their first batch).
            try await sql.raw(
                """
                CREATE TABLE \(unsafeRaw: Self.batchIndicators) (batch_id UUID NOT NULL, indicator_code TEXT NOT NULL,
                PRIMARY KEY (batch_id, indicator_code))
                """
            ).run()
            try await sql.raw(
                """
                INSERT INTO \(unsafeRaw: Self.batchIndicators) (batch_id, indicator_code)
                SELECT batch_id, indicator_code FROM monitor_values WHERE batch_id IS NOT NULL
                UNION SELECT previous_batch_id, indicator_code FROM monitor_replaced_values
                WHERE previous_batch_id IS NOT NULL
                """
            ).run()
            try await sql.raw("DROP TABLE monitor_values").run()
            try await sql.raw("ALTER TABLE monitor_values_keyed RENAME TO monitor_values").run()
            if !sqlite {
                try await sql.raw(
                    """
                    ALTER TABLE monitor_values ADD PRIMARY KEY (indicator_code, region_code, period_sort),
                    ADD FOREIGN KEY (indicator_code) REFERENCES monitor_indicators (code) ON DELETE CASCADE,
                    ADD FOREIGN KEY (region_code) REFERENCES regions (code) ON DELETE RESTRICT,
                    ADD FOREIGN KEY (batch_id) REFERENCES monitor_import_batches (id) ON DELETE SET NULL
                    """
                ).run()
            }
        }

        /// Back to the layout of `CreateMonitorTables` + `AddValueOrderIndex` (values kept; ids as stored).
        func revert(on db: any Database) async throws {
            guard let sql = db as? any SQLDatabase else { return }
            try await sql.raw("ALTER TABLE monitor_values RENAME TO monitor_values_keyed").run()
            if sql.dialect.name != "sqlite" {
                // The key's index keeps its name across the rename; the old layout's id key needs it.
                try await sql.raw("ALTER TABLE monitor_values_keyed DROP CONSTRAINT monitor_values_pkey").run()
            }
            try await Self.createRowidTable(on: db)
            let columns = DataImporter.valueColumns.joined(separator: ", ")
            try await sql.raw(
                "INSERT INTO monitor_values (\(unsafeRaw: columns)) SELECT \(unsafeRaw: columns) FROM monitor_values_keyed"
            ).run()
            try await sql.raw("DROP TABLE monitor_values_keyed").run()
            try await sql.raw("DROP TABLE \(unsafeRaw: Self.batchIndicators)").run()
        }

        /// The value table as `CreateMonitorTables` and `AddValueOrderIndex` made it.
        static func createRowidTable(on db: any Database) async throws {
            try await db.schema(DataValue.schema)
                .id()
                .field("indicator_code", .string, .required)
                .field("region_code", .string, .required)
                .field("period", .string, .required)
                .field("period_sort", .int, .required)
                .field("value", .double)
                .field("missing_reason", .string)
                .field("status", .string, .required)
                .field("note", .string)
                .field("batch_id", .uuid, .references(DataImport.schema, .id, onDelete: .setNull))
                .field("updated_at", .datetime, .required)
                .foreignKey("indicator_code", references: Indicator.schema, "code", onDelete: .cascade)
                .foreignKey("region_code", references: Region.schema, "code", onDelete: .restrict)
                .unique(on: "indicator_code", "region_code", "period")
                .create()
            guard let sql = db as? any SQLDatabase else { return }
            try await sql.create(index: "monitor_values_region_idx").on(DataValue.schema).column("region_code")
                .column("indicator_code").run()
            try await sql.create(index: "monitor_values_ind_sort_idx").on(DataValue.schema).column("indicator_code")
                .column("period_sort").run()
            try await sql.create(index: "monitor_values_batch_idx").on(DataValue.schema).column("batch_id").run()
            try await sql.create(index: "monitor_values_ind_region_sort_idx").on(DataValue.schema)
                .column("indicator_code").column("region_code").column("period_sort").run()
        }
    }

    /// #20: the running import's progress on its lock row, so every instance on one PostgreSQL can show
    /// it (on SQLite the rows stay empty: the import's transaction holds the write lock, and progress
    /// goes to a file beside the database instead, see `ImportProgressBoard`).
    struct AddImportProgress: AsyncMigration {
        var name: String { "MonitorFeature.AddImportProgress" }
        static let columns: [(String, DatabaseSchema.DataType)] = [
            ("progress_file_name", .string), ("progress_bytes_read", .int64), ("progress_total_bytes", .int64),
            ("progress_records", .int64), ("progress_values", .int64), ("progress_at", .datetime)
        ]
        func prepare(on db: any Database) async throws {
            // One column per statement: SQLite's ALTER TABLE adds one at a time.
            for (name, type) in Self.columns {
                try await db.schema(ImportLock.schema).field(.string(name), type).update()
            }
        }
        func revert(on db: any Database) async throws {
            for (name, _) in Self.columns.reversed() {
                try await db.schema(ImportLock.schema).deleteField(.string(name)).update()
            }
        }
    }
}
