import Fluent
import SQLKit

/// Boundary history (#17 part 4): `region_versions`, and every region with a boundary kept as one
/// open version from 2024, the year of the CBS/PDOK files its boundaries came from.
struct CreateRegionVersions: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(RegionVersion.schema)
            .id()
            .field("region_id", .uuid, .required, .references(Region.schema, .id, onDelete: .cascade))
            .field("valid_from", .int)
            .field("valid_to", .int)
            .field("code_starts", .bool, .required)
            .field("name", .string, .required)
            .field("geometry", .string)
            .field("geometry_schematic", .bool, .required)
            .create()
        if let sql = db as? any SQLDatabase {
            try await sql.create(index: "region_versions_region").on(RegionVersion.schema).column("region_id").run()
        }
        try await RegionHistory.recordBaseline(year: RegionHistory.baselineYear, on: db)
    }

    func revert(on db: any Database) async throws { try await db.schema(RegionVersion.schema).delete() }
}
