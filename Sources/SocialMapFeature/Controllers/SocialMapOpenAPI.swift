import AppCore
import VitaalDomain

/// The social map's part of the OpenAPI document: the schemas of `SocialMapAPIController`'s DTOs
/// and its paths (from `SocialMapURL`).
enum SocialMapOpenAPI {
    typealias Registry = OpenAPIRegistry

    static let string: JSONValue = ["type": "string"]
    static let number: JSONValue = ["type": "number"]
    static let boolean: JSONValue = ["type": "boolean"]
    static let strings = Registry.array(of: string)
    static let optionalString: JSONValue = ["type": "string", "nullable": true]
    static let optionalInteger: JSONValue = ["type": "integer", "nullable": true]

    static func register(in document: OpenAPIRegistry) {
        registerSchemas(in: document)
        registerNetworkSchemas(in: document)
        registerPaths(in: document)
    }

    static func registerSchemas(in document: OpenAPIRegistry) {
        document.schema(
            "SocialMapTags",
            [
                "type": "object",
                "properties": [
                    "themes": strings, "dimensions": strings, "targetGroups": strings, "municipalities": strings
                ]
            ])
        document.schema(
            "SocialMapOrganization",
            [
                "type": "object", "required": ["id", "name", "tags", "offers", "stale", "isExample"],
                "properties": [
                    "id": string, "name": string, "alternateName": optionalString, "description": optionalString,
                    "url": optionalString, "email": optionalString, "tags": Registry.ref("SocialMapTags"),
                    "offers": strings, "lastChecked": ["type": "string", "format": "date", "nullable": true],
                    "stale": boolean, "isExample": boolean
                ]
            ])
        let location: JSONValue = [
            "type": "object",
            "properties": [
                "id": string, "name": optionalString, "latitude": number, "longitude": number,
                "positionIsApproximate": boolean, "municipality": optionalString, "address": optionalString
            ]
        ]
        let kinds = JSONValue.array(SocialMap.OfferKind.allCases.map { .string($0.rawValue) })
        document.schema(
            "SocialMapInitiative",
            [
                "type": "object", "required": ["id", "organizationId", "name", "kind", "tags", "locations"],
                "properties": [
                    "id": string, "organizationId": string, "organizationName": string, "name": string,
                    "kind": ["type": "string", "enum": kinds],
                    "description": optionalString, "url": optionalString, "status": optionalString,
                    "tags": Registry.ref("SocialMapTags"), "municipalities": strings,
                    "locations": Registry.array(of: location),
                    "lastChecked": optionalString, "stale": boolean, "isExample": boolean
                ]
            ])
    }

    static func registerNetworkSchemas(in document: OpenAPIRegistry) {
        let required: JSONValue = ["id", "name", "goal", "members"]
        document.schema(
            "SocialMapNetwork",
            [
                "type": "object", "required": required,
                "properties": [
                    "id": string, "name": string, "goal": string, "fleverRole": optionalString,
                    "referenceDate": optionalString,
                    "participantCount": optionalInteger,
                    "members": Registry.array(of: [
                        "type": "object",
                        "properties": [
                            "id": string, "name": string,
                            "role": optionalString
                        ]
                    ]),
                    "participantsDescription": optionalString, "size": optionalInteger, "sizeUnit": optionalString,
                    "source": optionalString, "lastChecked": optionalString, "stale": boolean
                ]
            ])
        let node: JSONValue = [
            "type": "object",
            "properties": [
                "id": string, "name": string, "kind": string, "degree": ["type": "integer"]
            ]
        ]
        let edge: JSONValue = [
            "type": "object",
            "properties": [
                "source": string, "target": string, "topic": string, "derived": boolean,
                "weight": [
                    "type": "number", "minimum": 1,
                    "description": "Sterkte van de band: aantal gedeelde netwerken plus gemelde samenwerkingen"
                ]
            ]
        ]
        document.schema(
            "SocialMapGraph",
            [
                "type": "object", "required": ["id", "nodes", "edges"],
                "properties": [
                    "id": string, "name": string, "nodes": Registry.array(of: node), "edges": Registry.array(of: edge)
                ]
            ])
        let byNode: JSONValue = [
            "type": "object", "additionalProperties": number,
            "description": "Waarde per knooppunt-id (zoals in graph.nodes)"
        ]
        let removal: JSONValue = [
            "type": "object",
            "properties": [
                "node": string, "cutOff": strings,
                "explanation": string
            ]
        ]
        document.schema(
            "SocialMapAnalysis",
            [
                "type": "object",
                "required": [
                    "nodes", "degree", "betweenness", "closeness", "components", "articulationPoints", "bridges"
                ],
                "properties": [
                    "id": string, "name": string, "nodes": strings,
                    "degree": byNode, "betweenness": byNode, "closeness": byNode,
                    "components": Registry.array(of: strings), "articulationPoints": strings,
                    "bridges": Registry.array(of: strings), "removalImpact": Registry.array(of: removal),
                    "central": strings, "explanations": strings,
                    "communities": [
                        "type": "array", "items": strings,
                        "description": .string(
                            "Groepen die vooral onderling samenwerken (Louvain op de gewogen banden, vaste seed), "
                                + "grootste eerst")
                    ],
                    "modularity": ["type": "number", "description": "Modulariteit van de groepen (networkx)"]
                ]
            ])
    }

    static func registerPaths(in document: OpenAPIRegistry) {
        let tag = "Sociale kaart"
        let filters = [
            Registry.query("thema", "Thema (exacte tekst)"),
            Registry.query(
                "dimensie", "Dimensie van Positieve Gezondheid, bijv. meedoen",
                oneOf: PositiveHealthDimension.allCases.map(\.rawValue)),
            Registry.query("doelgroep", "Doelgroep (exacte tekst)"),
            Registry.query(
                "gemeente", "CBS-gemeentecode, bijv. GM0995", oneOf: SocialMap.Municipality.all.map(\.code)),
            Registry.query(
                "soort", "dienst, inwonersinitiatief of professioneel-initiatief",
                oneOf: SocialMap.OfferKind.allCases.map(\.rawValue))
        ]
        let id = Registry.pathParameter("id", "Netwerk-id, of \"alle\" voor alle samenwerkingen samen")
        document.add(
            "get", SocialMapURL.apiOrganizations.openAPIPath, summary: "Organisaties van de sociale kaart",
            tag: tag, response: Registry.array(of: Registry.ref("SocialMapOrganization")))
        document.add(
            "get", SocialMapURL.apiInitiatives.openAPIPath,
            summary: "Diensten en initiatieven van de sociale kaart", tag: tag,
            parameters: filters, response: Registry.array(of: Registry.ref("SocialMapInitiative")),
            description: "Aanbod zonder gemeente werkt in heel Flevoland en komt bij elk gemeentefilter mee.")
        document.add(
            "get", SocialMapURL.apiNetworks.openAPIPath,
            summary: "Netwerken (Flever jaarplan 2025, Bijlage 1)", tag: tag,
            response: Registry.array(of: Registry.ref("SocialMapNetwork")))
        document.add(
            "get", SocialMapURL.apiNetworkGraph(.key).openAPIPath,
            summary: "Samenwerkingsgraaf van een netwerk (knooppunten en verbindingen)", tag: tag,
            parameters: [id], response: Registry.ref("SocialMapGraph"))
        document.add(
            "get", SocialMapURL.apiNetworkAnalysis(.key).openAPIPath,
            summary: "Netwerkanalyse: centraliteit en kwetsbare punten", tag: tag,
            parameters: [id], response: Registry.ref("SocialMapAnalysis"),
            description: "degree = degree_centrality, betweenness = betweenness_centrality (genormaliseerd, "
                + "ongericht), closeness = closeness_centrality (wf_improved) zoals networkx; "
                + "articulationPoints en bridges volgens Tarjan.")
    }
}
