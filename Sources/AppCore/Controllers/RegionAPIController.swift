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
    }

    struct RegionDetailDTO: Content {
        var code: String
        var name: String
        var kind: String
        var parent: String?
        var members: [String]?
        var hasGeometry: Bool
        var geometrySchematic: Bool
        var children: [String]
        var geometry: JSONValue?
    }

    @Sendable func list(_ req: Request) async throws -> [RegionDTO] {
        var query = Region.query(on: req.db).sort(\.$sortOrder).sort(\.$code)
        if let kind = req.queryText("kind") { query = query.filter(\.$kind == kind) }
        let regions = try await query.all()
        let codes = Dictionary(
            uniqueKeysWithValues: try await Region.query(on: req.db).all().compactMap { region in
                region.id.map { ($0, region.code) }
            })
        let members = Dictionary(grouping: try await RegionGroupMember.query(on: req.db).all(), by: { $0.$group.id })
        return regions.map { region in
            let memberCodes = region.id.flatMap { members[$0] }.map { $0.compactMap { codes[$0.$member.id] }.sorted() }
            return RegionDTO(
                code: region.code, name: region.name, kind: region.kind,
                parent: region.$parent.id.flatMap { codes[$0] }, members: memberCodes,
                hasGeometry: region.geometry != nil, geometrySchematic: region.geometrySchematic)
        }
    }

    @Sendable func detail(_ req: Request) async throws -> RegionDetailDTO {
        let region = try await Region.find(code: req.parameters.get("code") ?? "", on: req.db)
        let id = try region.requireID()
        let parent = try await region.$parent.get(on: req.db)
        let children = try await Region.query(on: req.db).filter(\.$parent.$id == id).sort(\.$code).all().map(\.code)
        let members = try await RegionGroupMember.query(on: req.db).filter(\.$group.$id == id).with(\.$member).all()
        return RegionDetailDTO(
            code: region.code, name: region.name, kind: region.kind, parent: parent?.code,
            members: members.isEmpty ? nil : members.map(\.member.code).sorted(),
            hasGeometry: region.geometry != nil, geometrySchematic: region.geometrySchematic,
            children: children, geometry: region.multiPolygon.map(RegionGeometry.geoJSON))
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
            parameters: [OpenAPIRegistry.query("kind", "Filter op soort, bv. gemeente")],
            response: OpenAPIRegistry.array(of: OpenAPIRegistry.ref("Region")))
        registry.add(
            "GET", SiteURL.apiRegion(.key).openAPIPath,
            summary: "Eén regio met omtrek en onderliggende regio's",
            tag: "Regio's", parameters: [OpenAPIRegistry.pathParameter("code", "CBS-code, bv. GM0034")],
            response: OpenAPIRegistry.ref("RegionDetail"))
    }
}
