import Vapor
import Fluent
import AppCore
import VitaalDomain

/// Public JSON API of the social map (no contact persons, no spider webs).
struct SocialMapAPIController {
    // MARK: DTOs

    struct TagsDTO: Content {
        var themes: [String], dimensions: [String], targetGroups: [String], municipalities: [String]
        init(_ t: SocialMap.Tags) {
            themes = t.themes; dimensions = t.dimensions.map(\.rawValue); targetGroups = t.targetGroups; municipalities = t.municipalityCodes
        }
    }

    struct OrganizationDTO: Content {
        var id: String, name: String, alternateName: String?, description: String?, url: String?, email: String?
        var tags: TagsDTO, offers: [String], lastChecked: String?, stale: Bool, isExample: Bool
    }

    struct LocationDTO: Content {
        var id: String, name: String?, latitude: Double?, longitude: Double?, positionIsApproximate: Bool, municipality: String?
        var address: String?
    }

    struct InitiativeDTO: Content {
        var id: String, organizationId: String, organizationName: String, name: String, kind: String, description: String?
        var url: String?, status: String?, tags: TagsDTO, municipalities: [String], locations: [LocationDTO]
        var lastChecked: String?, stale: Bool, isExample: Bool
    }

    struct MemberDTO: Content { var id: String, name: String, role: String? }

    struct NetworkDTO: Content {
        var id: String, name: String, goal: String, fleverRole: String?, referenceDate: String?, participantCount: Int?
        var members: [MemberDTO], participantsDescription: String?, size: Int?, sizeUnit: String?, source: String?
        var lastChecked: String?, stale: Bool
    }

    struct NodeDTO: Content { var id: String, name: String, kind: String, degree: Int }
    struct EdgeDTO: Content { var source: String, target: String, topic: String, derived: Bool }
    struct GraphDTO: Content { var id: String, name: String, nodes: [NodeDTO], edges: [EdgeDTO] }

    struct RemovalDTO: Content { var node: String, cutOff: [String], explanation: String }
    struct AnalysisDTO: Content {
        var id: String, name: String, nodes: [String]
        var degree: [String: Double], betweenness: [String: Double], closeness: [String: Double]
        var components: [[String]], articulationPoints: [String], bridges: [[String]]
        var removalImpact: [RemovalDTO], central: [String], explanations: [String]
    }

    // MARK: Handlers

    func organizations(req: Request) async throws -> [OrganizationDTO] {
        let r = try await SocialMapStore.load(on: req.db)
        let today = SocialMapDates.today()
        let offers = Dictionary(grouping: r.services, by: \.organisationID)
        return r.organisations.map { o in
            OrganizationDTO(id: o.id, name: o.name, alternateName: o.alternateName, description: o.description, url: o.url, email: o.email,
                            tags: TagsDTO(o.tags), offers: (offers[o.id] ?? []).map(\.id), lastChecked: o.lastChecked?.iso,
                            stale: o.isStale(asOf: today), isExample: o.isExample)
        }
    }

    func initiatives(req: Request) async throws -> [InitiativeDTO] {
        let q = req.query
        let filter = try OfferFilter.parse(theme: q["thema"] ?? q["theme"], dimension: q["dimensie"] ?? q["dimension"],
                                           targetGroup: q["doelgroep"] ?? q["targetGroup"], municipality: q["gemeente"] ?? q["municipality"],
                                           kind: q["soort"] ?? q["kind"])
        let r = try await SocialMapStore.load(on: req.db)
        let today = SocialMapDates.today()
        return r.services.filter { filter.matches($0, in: r) }.map { s in Self.initiative(s, r, today) }
    }

    static func initiative(_ s: SocialMap.Service, _ r: SocialMap.Register, _ today: SocialMap.Day) -> InitiativeDTO {
        InitiativeDTO(id: s.id, organizationId: s.organisationID, organizationName: r.name(of: s.organisationID), name: s.name, kind: s.kind.rawValue,
                      description: s.description, url: s.url, status: s.status, tags: TagsDTO(s.tags),
                      municipalities: OfferFilter.municipalities(of: s, in: r),
                      locations: s.locationIDs.compactMap { r.location($0) }.map { l in
                          LocationDTO(id: l.id, name: l.name, latitude: l.latitude, longitude: l.longitude, positionIsApproximate: l.positionIsApproximate,
                                      municipality: l.municipalityCode, address: l.address.map(SocialMapText.address))
                      },
                      lastChecked: s.lastChecked?.iso, stale: s.isStale(asOf: today), isExample: s.isExample)
    }

    func networks(req: Request) async throws -> [NetworkDTO] {
        let r = try await SocialMapStore.load(on: req.db)
        let today = SocialMapDates.today()
        return r.networks.map { n in
            NetworkDTO(id: n.id, name: n.name, goal: n.goal, fleverRole: n.fleverRole, referenceDate: n.referenceDate?.iso,
                       participantCount: n.participantCount,
                       members: n.memberships.map { MemberDTO(id: $0.memberID, name: r.name(of: $0.memberID), role: $0.role) },
                       participantsDescription: n.participantsDescription, size: n.size, sizeUnit: n.sizeUnit, source: n.source,
                       lastChecked: n.lastChecked?.iso, stale: n.isStale(asOf: today))
        }
    }

    static func network(_ req: Request) async throws -> CollaborationNetwork {
        let id = req.parameters.get("id") ?? ""
        let r = try await SocialMapStore.load(on: req.db)
        guard let net = try CollaborationNetwork.build(id: id, register: r) else {
            throw VitaalError(.notFound, "Netwerk \"\(id)\" bestaat niet (gebruik \"\(CollaborationNetwork.allID)\" voor alle samenwerkingen).")
        }
        return net
    }

    func graph(req: Request) async throws -> GraphDTO {
        let n = try await Self.network(req)
        return GraphDTO(id: n.id, name: n.title,
                        nodes: n.nodeIDs.indices.map { NodeDTO(id: n.nodeIDs[$0], name: n.names[$0], kind: n.nodeKinds[$0], degree: n.graph.degree(of: $0)) },
                        edges: n.edges.map { EdgeDTO(source: $0.a, target: $0.b, topic: $0.topic, derived: $0.isDerived) })
    }

    func analysis(req: Request) async throws -> AnalysisDTO {
        let n = try await Self.network(req)
        let a = n.analysis, ids = n.nodeIDs
        func byID(_ v: [Double]) -> [String: Double] { Dictionary(uniqueKeysWithValues: zip(ids, v)) }
        return AnalysisDTO(id: n.id, name: n.title, nodes: ids, degree: byID(a.degree), betweenness: byID(a.betweenness), closeness: byID(a.closeness),
                           components: a.components.map { $0.map { ids[$0] } }, articulationPoints: a.articulationPoints.map { ids[$0] },
                           bridges: a.bridges.map { [ids[$0.0], ids[$0.1]] },
                           removalImpact: a.removalImpact.map { RemovalDTO(node: ids[$0.node], cutOff: $0.cutOff.map { ids[$0] },
                                                                           explanation: a.explanation(of: $0, names: n.names)) },
                           central: n.centralNodes.map { ids[$0] }, explanations: n.explanations)
    }

    // MARK: Registration

    func register(_ app: Application) {
        let api = app.grouped("api", "v1")
        api.get("organizations", use: organizations)
        api.get("initiatives", use: initiatives)
        api.get("networks", use: networks)
        api.get("networks", ":id", "graph", use: graph)
        api.get("networks", ":id", "analysis", use: analysis)

        let o = app.openAPI
        typealias R = OpenAPIRegistry
        let str: JSONValue = ["type": "string"], num: JSONValue = ["type": "number"], bool: JSONValue = ["type": "boolean"]
        let strs = R.array(of: str)
        let optStr: JSONValue = ["type": "string", "nullable": true]
        o.schema("SocialMapTags", ["type": "object", "properties": ["themes": strs, "dimensions": strs, "targetGroups": strs, "municipalities": strs]])
        o.schema("SocialMapOrganization", ["type": "object", "required": ["id", "name", "tags", "offers", "stale", "isExample"], "properties": [
            "id": str, "name": str, "alternateName": optStr, "description": optStr, "url": optStr, "email": optStr, "tags": R.ref("SocialMapTags"),
            "offers": strs, "lastChecked": ["type": "string", "format": "date", "nullable": true], "stale": bool, "isExample": bool]])
        o.schema("SocialMapInitiative", ["type": "object", "required": ["id", "organizationId", "name", "kind", "tags", "locations"], "properties": [
            "id": str, "organizationId": str, "organizationName": str, "name": str,
            "kind": ["type": "string", "enum": .array(SocialMap.OfferKind.allCases.map { .string($0.rawValue) })],
            "description": optStr, "url": optStr, "status": optStr, "tags": R.ref("SocialMapTags"), "municipalities": strs,
            "locations": R.array(of: ["type": "object", "properties": ["id": str, "name": optStr, "latitude": num, "longitude": num,
                                                                      "positionIsApproximate": bool, "municipality": optStr, "address": optStr]]),
            "lastChecked": optStr, "stale": bool, "isExample": bool]])
        o.schema("SocialMapNetwork", ["type": "object", "required": ["id", "name", "goal", "members"], "properties": [
            "id": str, "name": str, "goal": str, "fleverRole": optStr, "referenceDate": optStr, "participantCount": ["type": "integer", "nullable": true],
            "members": R.array(of: ["type": "object", "properties": ["id": str, "name": str, "role": optStr]]),
            "participantsDescription": optStr, "size": ["type": "integer", "nullable": true], "sizeUnit": optStr, "source": optStr,
            "lastChecked": optStr, "stale": bool]])
        o.schema("SocialMapGraph", ["type": "object", "required": ["id", "nodes", "edges"], "properties": [
            "id": str, "name": str,
            "nodes": R.array(of: ["type": "object", "properties": ["id": str, "name": str, "kind": str, "degree": ["type": "integer"]]]),
            "edges": R.array(of: ["type": "object", "properties": ["source": str, "target": str, "topic": str, "derived": bool]])]])
        let byNode: JSONValue = ["type": "object", "additionalProperties": num, "description": "Waarde per knooppunt-id (zoals in graph.nodes)"]
        o.schema("SocialMapAnalysis", ["type": "object", "required": ["nodes", "degree", "betweenness", "closeness", "components", "articulationPoints", "bridges"],
            "properties": [
                "id": str, "name": str, "nodes": strs,
                "degree": byNode, "betweenness": byNode, "closeness": byNode,
                "components": R.array(of: strs), "articulationPoints": strs, "bridges": R.array(of: strs),
                "removalImpact": R.array(of: ["type": "object", "properties": ["node": str, "cutOff": strs, "explanation": str]]),
                "central": strs, "explanations": strs]])
        let filters = [R.query("thema", "Thema (exacte tekst)"), R.query("dimensie", "Dimensie van Positieve Gezondheid, bijv. meedoen"),
                       R.query("doelgroep", "Doelgroep (exacte tekst)"), R.query("gemeente", "CBS-gemeentecode, bijv. GM0995"),
                       R.query("soort", "dienst, inwonersinitiatief of professioneel-initiatief")]
        let idParam = R.pathParameter("id", "Netwerk-id, of \"alle\" voor alle samenwerkingen samen")
        o.add("get", "/api/v1/organizations", summary: "Organisaties van de sociale kaart", tag: "Sociale kaart",
              response: R.array(of: R.ref("SocialMapOrganization")))
        o.add("get", "/api/v1/initiatives", summary: "Diensten en initiatieven van de sociale kaart", tag: "Sociale kaart", parameters: filters,
              response: R.array(of: R.ref("SocialMapInitiative")),
              description: "Aanbod zonder gemeente werkt in heel Flevoland en komt bij elk gemeentefilter mee.")
        o.add("get", "/api/v1/networks", summary: "Netwerken (Flever jaarplan 2025, Bijlage 1)", tag: "Sociale kaart",
              response: R.array(of: R.ref("SocialMapNetwork")))
        o.add("get", "/api/v1/networks/{id}/graph", summary: "Samenwerkingsgraaf van een netwerk (knooppunten en verbindingen)", tag: "Sociale kaart",
              parameters: [idParam], response: R.ref("SocialMapGraph"))
        o.add("get", "/api/v1/networks/{id}/analysis", summary: "Netwerkanalyse: centraliteit en kwetsbare punten", tag: "Sociale kaart",
              parameters: [idParam], response: R.ref("SocialMapAnalysis"),
              description: "degree = degree_centrality, betweenness = betweenness_centrality (genormaliseerd, ongericht), closeness = closeness_centrality (wf_improved) zoals networkx; articulationPoints en bridges volgens Tarjan.")
    }
}

/// Small text helpers shared by API and pages.
enum SocialMapText {
    static func address(_ a: SocialMap.PhysicalAddress) -> String {
        [a.address1, a.address2, [a.postalCode, a.city].compactMap { $0 }.joined(separator: " ")]
            .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
    }
    static func municipalityName(_ code: String) -> String { SocialMap.Municipality.byCode(code)?.name ?? code }
}
