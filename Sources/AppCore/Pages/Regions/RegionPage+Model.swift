import Fluent
import VitaalDomain

/// `/regios/<code>`: one region, its place in the tree and its outline.
enum RegionPage {
    struct Model: Sendable, Equatable {
        struct Link: Sendable, Equatable {
            var code: String
            var name: String
        }

        var code: String
        var name: String
        var kind: RegionKind
        var parent: Link?
        var children: [Link]
        /// The outline as SVG; nil when the region has none.
        var map: String?
        var schematic: Bool
        /// The installed features' pages about this region (the monitor's profile).
        var featureLinks: [FeatureLink]

        struct FeatureLink: Sendable, Equatable {
            var title: String
            var path: String
        }
    }
}

extension RegionPage.Model {
    static func load(code: String, links: [RegionLink], on db: any Database) async throws -> Self {
        let region = try await Region.find(code: code, on: db)
        let children = try await Region.query(on: db).filter(\.$parent.$id == region.requireID())
            .sort(\.$sortOrder).sort(\.$name).all()
        let parent = try await region.$parent.get(on: db)
        return Self(
            code: region.code, name: region.name, kind: region.regionKind,
            parent: parent.map { Link(code: $0.code, name: $0.name) },
            children: children.map { Link(code: $0.code, name: $0.name) },
            map: region.geometry == nil ? nil : RegionMaps.single(region),
            schematic: region.geometrySchematic,
            featureLinks: links.map { FeatureLink(title: $0.title, path: $0.path(region.code)) })
    }
}

extension Region {
    /// The region with this CBS code (case-insensitive), or a 404.
    static func find(code rawCode: String, on db: any Database) async throws -> Region {
        let code = rawCode.uppercased()
        guard let region = try await Region.query(on: db).filter(\.$code == code).first() else {
            throw VitaalError(.notFound, "Onbekende regio \(code).")
        }
        return region
    }
}
