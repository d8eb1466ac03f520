import Fluent
import Vapor
import VitaalDomain

/// `/api/v1/regions`: the region tree with CBS codes, and one region with its outline.
struct RegionAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.apiRegions, use: list)
        routes.get(SiteURL.apiRegion(.key), use: detail)
    }

    struct RegionDTO: Content {
        var code: String
        var name: String
        var kind: String
        var parent: String?
        var members: [String]?
        var hasGeometry: Bool
        var geometrySchematic: Bool
        /// The years of the boundary version shown (nil: not recorded, or open).
        var validFrom: Int?
        var validTo: Int?
    }

    struct RegionDetailDTO: Content {
        var code: String
        var name: String
        var kind: String
        var parent: String?
        var members: [String]?
        var hasGeometry: Bool
        var geometrySchematic: Bool
        var validFrom: Int?
        var validTo: Int?
        var children: [String]
        var geometry: JSONValue?
    }

    /// The years `?jaar=` accepts.
    static let years = RegionImporter.years

    /// A region as it was in `year` (its boundary version of that year, or the nearest), or as it is
    /// now without a year; nil when the code did not exist in that year.
    struct Shown {
        var name: String
        var geometry: String?
        var schematic: Bool
        var years: BoundaryVersion?

        init?(_ region: Region, year: Int?, history: RegionHistory) {
            guard let year else {
                self.init(region.name, region.geometry, region.geometrySchematic, history.current(region.code)?.years)
                return
            }
            let (version, match) = history.version(region.code, year: year)
            if match == .none { return nil }
            guard let version else {
                self.init(region.name, region.geometry, region.geometrySchematic, nil)
                return
            }
            self.init(version.name, version.geometry, version.schematic, version.years)
        }

        init(_ name: String, _ geometry: String?, _ schematic: Bool, _ years: BoundaryVersion?) {
            self.name = name
            self.geometry = geometry
            self.schematic = schematic
            self.years = years
        }
    }

    @Sendable func list(_ req: Request) async throws -> [RegionDTO] {
        let year = try req.queryInt("jaar", in: Self.years)
        var query = Region.query(on: req.db).sort(\.$sortOrder).sort(\.$code)
        if let kind = req.queryText("kind") { query = query.filter(\.$kind == kind) }
        let regions = try await query.all()
        let history = try await RegionHistory.load(on: req.db)
        let codes = Dictionary(
            uniqueKeysWithValues: try await Region.query(on: req.db).all().compactMap { region in
                region.id.map { ($0, region.code) }
            })
        let members = Dictionary(grouping: try await RegionGroupMember.query(on: req.db).all(), by: { $0.$group.id })
        return regions.compactMap { region in
            guard let shown = Shown(region, year: year, history: history) else { return nil }
            let memberCodes = region.id.flatMap { members[$0] }.map { $0.compactMap { codes[$0.$member.id] }.sorted() }
            return RegionDTO(
                code: region.code, name: shown.name, kind: region.kind,
                parent: region.$parent.id.flatMap { codes[$0] }, members: memberCodes,
                hasGeometry: shown.geometry != nil, geometrySchematic: shown.schematic,
                validFrom: shown.years?.validFrom, validTo: shown.years?.validTo)
        }
    }

    @Sendable func detail(_ req: Request) async throws -> RegionDetailDTO {
        let year = try req.queryInt("jaar", in: Self.years)
        let region = try await Region.find(code: req.parameters.get("code") ?? "", on: req.db)
        let id = try region.requireID()
        let history = try await RegionHistory.load(on: req.db)
        guard let shown = Shown(region, year: year, history: history) else {
            throw VitaalError(.notFound, "Regio \(region.code) bestond niet in \(year.map(String.init) ?? "dat jaar").")
        }
        let parent = try await region.$parent.get(on: req.db)
        let children = try await Region.query(on: req.db).filter(\.$parent.$id == id).sort(\.$code).all().map(\.code)
        let members = try await RegionGroupMember.query(on: req.db).filter(\.$group.$id == id).with(\.$member).all()
        let geometry = shown.geometry.flatMap { $0.data(using: .utf8) }.flatMap {
            try? JSONDecoder().decode(GeoMultiPolygon.self, from: $0)
        }
        return RegionDetailDTO(
            code: region.code, name: shown.name, kind: region.kind, parent: parent?.code,
            members: members.isEmpty ? nil : members.map(\.member.code).sorted(),
            hasGeometry: shown.geometry != nil, geometrySchematic: shown.schematic,
            validFrom: shown.years?.validFrom, validTo: shown.years?.validTo,
            children: children, geometry: geometry.map(RegionGeometry.geoJSON))
    }
}

extension RegionAPIController {
    static func registerOpenAPI(_ registry: OpenAPIRegistry) {
        registry.schema(
            "Region",
            [
                "type": "object", "required": ["code", "name", "kind"],
                "properties": [
                    "code": [
                        "type": "string", "example": "GM0995",
                        "description": "CBS-code (NL01, PV24, GM…, WK…, BU…) of GR… voor eigen indelingen"
                    ],
                    "name": ["type": "string", "example": "Lelystad"],
                    "kind": ["type": "string", "enum": ["land", "provincie", "gemeente", "wijk", "buurt", "groep"]],
                    "parent": ["type": "string", "nullable": true],
                    "members": [
                        "type": "array", "items": ["type": "string"],
                        "description": "Leden van een eigen indeling"
                    ],
                    "hasGeometry": ["type": "boolean"],
                    "geometrySchematic": [
                        "type": "boolean",
                        "description": "Omtrek met de hand getekend, geen officiële grens"
                    ],
                    "validFrom": [
                        "type": "integer", "nullable": true,
                        "description": "Eerste jaar van de getoonde grensversie (null: onbekend of niet vastgelegd)"
                    ],
                    "validTo": [
                        "type": "integer", "nullable": true,
                        "description": "Laatste jaar van de getoonde grensversie (null: nog geldig)"
                    ]
                ]
            ])
        registry.schema(
            "RegionDetail",
            [
                "allOf": [
                    OpenAPIRegistry.ref("Region"),
                    [
                        "type": "object",
                        "properties": [
                            "children": ["type": "array", "items": ["type": "string"]],
                            "geometry": [
                                "type": "object", "nullable": true, "description": "GeoJSON MultiPolygon (WGS84)"
                            ]
                        ]
                    ]
                ]
            ])
        registry.add(
            "GET", SiteURL.apiRegions.openAPIPath, summary: "Alle regio's (boom met CBS-codes)",
            tag: "Regio's",
            parameters: [
                OpenAPIRegistry.query("kind", "Filter op soort, bv. gemeente"),
                OpenAPIRegistry.query(
                    "jaar",
                    "Grenzen en namen zoals in dit jaar (de grensversie van dat jaar, anders de dichtstbijzijnde); "
                        + "regio's die toen niet bestonden ontbreken", range: years)
            ],
            response: OpenAPIRegistry.array(of: OpenAPIRegistry.ref("Region")))
        registry.add(
            "GET", SiteURL.apiRegion(.key).openAPIPath,
            summary: "Eén regio met omtrek en onderliggende regio's",
            tag: "Regio's",
            parameters: [
                OpenAPIRegistry.pathParameter("code", "CBS-code, bv. GM0034"),
                OpenAPIRegistry.query(
                    "jaar",
                    "De grensversie van dit jaar (anders de dichtstbijzijnde); 404 als de regio toen niet bestond",
                    range: years)
            ],
            response: OpenAPIRegistry.ref("RegionDetail"))
    }
}
