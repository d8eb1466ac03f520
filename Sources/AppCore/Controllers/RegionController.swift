import Vapor
import Fluent
import Plot
import VitaalDomain

/// Region pages (public), the region API and the GeoJSON boundary import (beheerder).
struct RegionController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("regios", use: list)
        routes.get("regios", ":code", use: detail)
        routes.requiring(.beheerder).get("beheer", "regios", "import", use: importForm)
        routes.write(.POST, "beheer", "regios", "import", access: .role(.beheerder), body: .collect(maxSize: "50mb"), use: importUpload)

        let api = routes.grouped("api", "v1")
        api.get("regions", use: apiList)
        api.get("regions", ":code", use: apiDetail)
    }

    static func registerOpenAPI(_ registry: OpenAPIRegistry) {
        registry.schema("Region", [
            "type": "object", "required": ["code", "name", "kind"],
            "properties": [
                "code": ["type": "string", "example": "GM0995", "description": "CBS-code (NL01, PV24, GM…, WK…, BU…) of GR… voor eigen indelingen"],
                "name": ["type": "string", "example": "Lelystad"],
                "kind": ["type": "string", "enum": ["land", "provincie", "gemeente", "wijk", "buurt", "groep"]],
                "parent": ["type": "string", "nullable": true],
                "members": ["type": "array", "items": ["type": "string"], "description": "Leden van een eigen indeling"],
                "hasGeometry": ["type": "boolean"],
                "geometrySchematic": ["type": "boolean", "description": "Omtrek met de hand getekend, geen officiële grens"],
            ],
        ])
        registry.schema("RegionDetail", [
            "allOf": [OpenAPIRegistry.ref("Region"), ["type": "object", "properties": [
                "children": ["type": "array", "items": ["type": "string"]],
                "geometry": ["type": "object", "nullable": true, "description": "GeoJSON MultiPolygon (WGS84)"],
            ]]],
        ])
        registry.add("GET", "/api/v1/regions", summary: "Alle regio's (boom met CBS-codes)", tag: "Regio's",
                     parameters: [OpenAPIRegistry.query("kind", "Filter op soort, bv. gemeente")],
                     response: OpenAPIRegistry.array(of: OpenAPIRegistry.ref("Region")))
        registry.add("GET", "/api/v1/regions/{code}", summary: "Eén regio met omtrek en onderliggende regio's", tag: "Regio's",
                     parameters: [OpenAPIRegistry.pathParameter("code", "CBS-code, bv. GM0034")],
                     response: OpenAPIRegistry.ref("RegionDetail"))
    }

    // MARK: Pages

    @Sendable func list(_ req: Request) async throws -> SitePage {
        let regions = try await Region.query(on: req.db).sort(\.$sortOrder).sort(\.$code).all()
        let byID = Dictionary(uniqueKeysWithValues: regions.map { ($0.id!, $0) })
        let municipalities = regions.filter { $0.regionKind == .gemeente }
        let members = try await RegionGroupMember.query(on: req.db).all()
        return SitePage("Regio's", breadcrumbs: [("Home", "/")],
            .p(.class("lead"), .text("Vitaal gebruikt de regiocodes van het CBS: land, provincie, gemeente, wijk en buurt, plus eigen indelingen zoals de subregio's van Zorgzaam Flevoland.")),
            .div(.class("grid-2"),
                UI.figure(UI.svg(RegionMaps.overview(municipalities)), caption: municipalities.contains { $0.geometrySchematic } ? "Schematische omtrekken, geen officiële grenzen." : "Gemeentegrenzen."),
                UI.table(caption: "\(regions.count) regio's", headers: ["Code", "Naam", "Soort", "Valt onder"], rows: regions.map { r in
                    let parent = r.$parent.id.flatMap { byID[$0] }
                    let groupMembers = members.filter { $0.$group.id == r.id }.compactMap { byID[$0.$member.id]?.name }
                    return [.a(.href("/regios/\(r.code)"), .text(r.code)), .text(r.name), .text(r.regionKind.label),
                            .text(parent?.name ?? (groupMembers.isEmpty ? "–" : "bestaat uit " + groupMembers.joined(separator: ", ")))]
                })
            )
        )
    }

    @Sendable func detail(_ req: Request) async throws -> SitePage {
        let region = try await Self.find(req)
        let children = try await Region.query(on: req.db).filter(\.$parent.$id == region.id!).sort(\.$sortOrder).sort(\.$name).all()
        let parent = try await region.$parent.get(on: req.db)
        var links: [Node<HTML.ListContext>] = []
        for item in req.application.navigation where item.path == "/monitor" {
            links.append(.li(.a(.href("/monitor/regio/\(region.code)"), .text("Regioprofiel in de monitor"))))
            _ = item
        }
        return SitePage(region.name, breadcrumbs: [("Home", "/"), ("Regio's", "/regios")],
            .dl(.class("kv"),
                .dt(.text("Code")), .dd(.text(region.code)),
                .dt(.text("Soort")), .dd(.text(region.regionKind.label)),
                .dt(.text("Valt onder")), .dd(parent.map { .a(.href("/regios/\($0.code)"), .text($0.name)) } ?? .text("–"))),
            .if(!links.isEmpty, .ul(.group(links))),
            .if(region.geometry != nil,
                UI.figure(UI.svg(RegionMaps.single(region)), caption: region.geometrySchematic ? "Schematische omtrek, geen officiële grens." : "Omtrek van \(region.name).")),
            .if(!children.isEmpty, .group(.h2(.text("Onderliggende regio's")),
                .ul(.forEach(children) { c in .li(.a(.href("/regios/\(c.code)"), .text("\(c.name) (\(c.code))"))) })))
        )
    }

    static func find(_ req: Request) async throws -> Region {
        let code = (req.parameters.get("code") ?? "").uppercased()
        guard let region = try await Region.query(on: req.db).filter(\.$code == code).first() else {
            throw VitaalError(.notFound, "Onbekende regio \(code).")
        }
        return region
    }

    // MARK: Import

    @Sendable func importForm(_ req: Request) -> SitePage { importPage(req, result: nil, error: nil) }

    func importPage(_ req: Request, result: String?, error: VitaalError?) -> SitePage {
        SitePage("Grenzen importeren", status: error.map { $0.kind.status } ?? .ok, breadcrumbs: AdminController.crumbs,
            .p(.text("Upload een GeoJSON-bestand met regiogrenzen zoals PDOK en CBS die publiceren (eigenschappen statcode en statnaam, geometrie Polygon of MultiPolygon, WGS84 of RD New). Bestaande regio's krijgen de nieuwe omtrek; nieuwe wijken en buurten worden onder hun gemeente of wijk toegevoegd. Het bestand wordt in zijn geheel geweigerd als er één fout in staat.")),
            .unwrap(result) { UI.notice("success", $0) },
            .unwrap(error) { UI.problems($0.message, $0.problems) },
            .form(.method(.post), .action("/beheer/regios/import?csrf=\(req.csrfToken)"), .enctype(.multipartData), .class("card"),
                .div(.class("field"), .label(.for("f-file"), .text("GeoJSON-bestand")),
                     .input(.type(.file), .id("f-file"), .name("file"), .attribute(named: "accept", value: ".geojson,.json,application/geo+json"), .required(true))),
                .button(.type(.submit), .text("Importeren")))
        )
    }

    struct Upload: Content { var file: File }

    @Sendable func importUpload(_ req: Request) async throws -> Response {
        let user = try req.requireRole(.beheerder)
        let upload = try req.content.decode(Upload.self)
        do {
            let summary = try await RegionImporter.importGeoJSON(Data(buffer: upload.file.data), fileName: upload.file.filename,
                                                                 on: req.db, user: user, actor: nil)
            return importPage(req, result: summary, error: nil).render(for: req)
        } catch let error as VitaalError {
            return importPage(req, result: nil, error: error).render(for: req)
        }
    }

    // MARK: API

    struct RegionDTO: Content {
        var code: String; var name: String; var kind: String; var parent: String?
        var members: [String]?; var hasGeometry: Bool; var geometrySchematic: Bool
    }
    struct RegionDetailDTO: Content {
        var code: String; var name: String; var kind: String; var parent: String?
        var members: [String]?; var hasGeometry: Bool; var geometrySchematic: Bool
        var children: [String]; var geometry: JSONValue?
    }

    @Sendable func apiList(_ req: Request) async throws -> [RegionDTO] {
        var query = Region.query(on: req.db).sort(\.$sortOrder).sort(\.$code)
        if let kind = req.query[String.self, at: "kind"] { query = query.filter(\.$kind == kind) }
        let regions = try await query.all()
        let all = try await Region.query(on: req.db).all()
        let codes = Dictionary(uniqueKeysWithValues: all.map { ($0.id!, $0.code) })
        let members = Dictionary(grouping: try await RegionGroupMember.query(on: req.db).all(), by: { $0.$group.id })
        return regions.map { r in
            RegionDTO(code: r.code, name: r.name, kind: r.kind, parent: r.$parent.id.flatMap { codes[$0] },
                      members: members[r.id!].map { $0.compactMap { codes[$0.$member.id] }.sorted() },
                      hasGeometry: r.geometry != nil, geometrySchematic: r.geometrySchematic)
        }
    }

    @Sendable func apiDetail(_ req: Request) async throws -> RegionDetailDTO {
        let r = try await Self.find(req)
        let parent = try await r.$parent.get(on: req.db)
        let children = try await Region.query(on: req.db).filter(\.$parent.$id == r.id!).sort(\.$code).all().map(\.code)
        let memberRows = try await RegionGroupMember.query(on: req.db).filter(\.$group.$id == r.id!).with(\.$member).all()
        return RegionDetailDTO(code: r.code, name: r.name, kind: r.kind, parent: parent?.code,
                               members: memberRows.isEmpty ? nil : memberRows.map(\.member.code).sorted(),
                               hasGeometry: r.geometry != nil, geometrySchematic: r.geometrySchematic, children: children,
                               geometry: r.multiPolygon.map(RegionGeometry.geoJSON))
    }
}

public enum RegionGeometry {
    /// GeoJSON MultiPolygon object for a geometry.
    public static func geoJSON(_ g: GeoMultiPolygon) -> JSONValue {
        func ring(_ points: [GeoPoint]) -> JSONValue {
            var pts = points
            if let first = pts.first, first != pts.last { pts.append(first) }
            return .array(pts.map { [.number(($0.lon * 1e6).rounded() / 1e6), .number(($0.lat * 1e6).rounded() / 1e6)] })
        }
        return ["type": "MultiPolygon", "coordinates": .array(g.polygons.map { .array([ring($0.outer)] + $0.holes.map(ring)) })]
    }
}

extension Region {
    /// The stored boundary, decoded.
    public var multiPolygon: GeoMultiPolygon? {
        guard let geometry, let data = geometry.data(using: .utf8) else { return nil }
        return try? JSONDecoder().decode(GeoMultiPolygon.self, from: data)
    }
    public func setGeometry(_ g: GeoMultiPolygon?, schematic: Bool) throws {
        geometry = try g.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) }
        geometrySchematic = g != nil && schematic
    }
}
