import Fluent
import Foundation
import VitaalDomain

/// One boundary version of a region code (grensversie): its name and geometry in the years it was
/// valid. The `regions` row keeps the current version (the open one, else the latest), so every
/// page that shows "the" region reads it unchanged; maps of earlier years read these rows. A region
/// without rows has one version valid in every year (its stored geometry).
public final class RegionVersion: Model, @unchecked Sendable {
    public static let schema = "region_versions"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "region_id") public var region: Region
    /// First year; nil when valid since before any year Vitaal knows of.
    @OptionalField(key: "valid_from") public var validFrom: Int?
    /// Last year; nil while open.
    @OptionalField(key: "valid_to") public var validTo: Int?
    /// The code began in `validFrom` (nothing is drawn for earlier years).
    @Field(key: "code_starts") public var codeStarts: Bool
    @Field(key: "name") public var name: String
    /// GeoJSON geometry as `Region.geometry` stores it.
    @OptionalField(key: "geometry") public var geometry: String?
    @Field(key: "geometry_schematic") public var geometrySchematic: Bool

    public init() {}

    public init(regionID: UUID, years: BoundaryVersion, name: String, geometry: String?, schematic: Bool) {
        self.$region.id = regionID
        self.validFrom = years.validFrom
        self.validTo = years.validTo
        self.codeStarts = years.codeStarts
        self.name = name
        self.geometry = geometry
        self.geometrySchematic = schematic
    }

    public var years: BoundaryVersion {
        get { BoundaryVersion(validFrom: validFrom, validTo: validTo, codeStarts: codeStarts) }
        set {
            validFrom = newValue.validFrom
            validTo = newValue.validTo
            codeStarts = newValue.codeStarts
        }
    }

    public var multiPolygon: GeoMultiPolygon? {
        guard let geometry, let data = geometry.data(using: .utf8) else { return nil }
        return try? JSONDecoder().decode(GeoMultiPolygon.self, from: data)
    }
}

/// A region's boundary history as maps and series use it.
public struct RegionHistory: Sendable {
    /// The year of the CBS/PDOK files compiled into Vitaal: the first known version of the demo's
    /// regions and of the regions a database held before boundary history was kept.
    public static let baselineYear = 2024

    /// Versions per region code, for the codes that have recorded versions.
    public var versions: [String: [Version]]

    public struct Version: Sendable {
        public var years: BoundaryVersion
        public var name: String
        /// GeoJSON text, decoded when drawn.
        public var geometry: String?
        public var schematic: Bool

        public var multiPolygon: GeoMultiPolygon? {
            guard let geometry, let data = geometry.data(using: .utf8) else { return nil }
            return try? JSONDecoder().decode(GeoMultiPolygon.self, from: data)
        }
    }

    public init(versions: [String: [Version]] = [:]) { self.versions = versions }

    /// The version of `code` drawn for `year`; nil for every year when it has no recorded versions.
    public func version(_ code: String, year: Int) -> (version: Version?, match: BoundaryHistory.Match) {
        guard let list = versions[code], !list.isEmpty else { return (nil, .exact(0)) }
        let match = BoundaryHistory.version(for: year, in: list.map(\.years))
        switch match {
        case .exact(let index), .nearest(let index): return (list[index], match)
        case .none: return (nil, .none)
        }
    }

    /// The current version of `code` (the latest), when versions are recorded.
    public func current(_ code: String) -> Version? { versions[code]?.last }

    /// Every recorded version, by region code.
    public static func load(on db: any Database) async throws -> RegionHistory {
        // Only the codes of the regions (their geometry is not needed here).
        let codes = Dictionary(
            try await Region.query(on: db).field(\.$id).field(\.$code).all().compactMap { region in
                region.id.map { ($0, region.code) }
            }, uniquingKeysWith: { first, _ in first })
        var versions: [String: [Version]] = [:]
        for row in try await RegionVersion.query(on: db).all() {
            guard let code = codes[row.$region.id] else { continue }
            versions[code, default: []].append(
                Version(years: row.years, name: row.name, geometry: row.geometry, schematic: row.geometrySchematic))
        }
        for code in versions.keys {
            versions[code]?.sort { ($0.years.validFrom ?? .min) < ($1.years.validFrom ?? .min) }
        }
        return RegionHistory(versions: versions)
    }

    /// The years of each version of `code` (empty when none are recorded: one version, all years).
    public func years(_ code: String) -> [BoundaryVersion] { versions[code]?.map(\.years) ?? [] }

    /// How `region` is drawn for `year`: its current outline when it has no recorded versions.
    public func outline(_ region: Region, year: Int) -> (feature: RegionFeature?, match: BoundaryHistory.Match) {
        guard let list = versions[region.code], !list.isEmpty else {
            return (RegionMaps.features([region]).first, .exact(0))
        }
        let match = BoundaryHistory.version(for: year, in: list.map(\.years))
        switch match {
        case .exact(let index), .nearest(let index):
            let version = list[index]
            guard let geometry = version.multiPolygon else { return (nil, match) }
            return (
                RegionFeature(
                    code: region.code, name: version.name, geometry: geometry, isSchematic: version.schematic,
                    note: version.schematic ? SchematicOutlines.note : nil), match
            )
        case .none: return (nil, .none)
        }
    }

    /// Records the stored boundary of every region that has one and no version yet as one open
    /// version from `year` (the year of the data it came from).
    public static func recordBaseline(year: Int, on db: any Database) async throws {
        let recorded = Set(try await RegionVersion.query(on: db).all().map(\.$region.id))
        for region in try await Region.query(on: db).all() {
            guard let id = region.id, region.geometry != nil, !recorded.contains(id) else { continue }
            try await RegionVersion(
                regionID: id, years: BoundaryVersion(validFrom: year, validTo: nil), name: region.name,
                geometry: region.geometry, schematic: region.geometrySchematic
            ).create(on: db)
        }
    }
}
