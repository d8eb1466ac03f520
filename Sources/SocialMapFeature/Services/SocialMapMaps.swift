import AppCore
import Fluent
import VitaalDomain

/// The municipalities drawn under the social map's maps (the map page, the location preview).
enum SocialMapMaps {
    /// The stored regions of Flevoland's six municipalities, in their sort order.
    static func municipalities(on db: any Database) async throws -> [Region] {
        try await Region.query(on: db).filter(\.$kind == RegionKind.gemeente.rawValue)
            .sort(\.$sortOrder).all()
            .filter { $0.code.hasPrefix("GM") && SocialMap.Municipality.byCode($0.code) != nil }
    }

    /// Their outlines (those with a stored geometry).
    static func outlines(on db: any Database) async throws -> [RegionFeature] {
        RegionMaps.features(try await municipalities(on: db))
    }
}
