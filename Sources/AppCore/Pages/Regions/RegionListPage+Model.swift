import Fluent

/// `/regios`: every region with its CBS code, and the municipalities on a map.
enum RegionListPage {
    struct Model: Sendable, Equatable {
        struct Row: Sendable, Equatable {
            var code: String
            var name: String
            var kind: RegionKind
            /// The parent's name, or "bestaat uit …" for a grouping, or "–".
            var under: String
        }

        var rows: [Row]
        /// The municipalities' outlines as SVG.
        var map: String
        /// Some outline was drawn by hand (no official boundary).
        var schematic: Bool
    }
}

extension RegionListPage.Model {
    static func load(on db: any Database) async throws -> Self {
        let regions = try await Region.query(on: db).sort(\.$sortOrder).sort(\.$code).all()
        let byID = Dictionary(uniqueKeysWithValues: regions.compactMap { region in region.id.map { ($0, region) } })
        let members = try await RegionGroupMember.query(on: db).all()
        let municipalities = regions.filter { $0.regionKind == .gemeente }
        let rows = regions.map { region in
            let parent = region.$parent.id.flatMap { byID[$0] }
            let groupMembers = members.filter { $0.$group.id == region.id }.compactMap { byID[$0.$member.id]?.name }
            let grouping = groupMembers.isEmpty ? "–" : "bestaat uit " + groupMembers.joined(separator: ", ")
            let under = parent?.name ?? grouping
            return Row(code: region.code, name: region.name, kind: region.regionKind, under: under)
        }
        return Self(
            rows: rows, map: RegionMaps.overview(municipalities),
            schematic: municipalities.contains { $0.geometrySchematic })
    }
}
