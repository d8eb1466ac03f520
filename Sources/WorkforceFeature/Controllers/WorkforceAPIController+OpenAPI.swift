import AppCore

/// The workforce part of the OpenAPI document: one schema per DTO, then the paths.
extension WorkforceAPIController {
    typealias Registry = OpenAPIRegistry

    static func registerOpenAPI(_ registry: OpenAPIRegistry) {
        registry.schema("WorkforceScenario", scenarioSchema)
        registry.schema("WorkforceFigures", figuresSchema)
        registry.schema("WorkforceProjection", projectionSchema)
        registerPaths(registry)
    }

    static func registerPaths(_ registry: OpenAPIRegistry) {
        let tag = "Personeelsplanning"
        let id = Registry.pathParameter("id", "Id van de scenarioversie")
        let scenario = Registry.ref("WorkforceScenario")
        registry.add(
            "get", WorkforceURL.apiScenarios.openAPIPath,
            summary: "Opgeslagen personeelsscenario's (nieuwste versie; basisscenario met base: true)",
            tag: tag, response: Registry.array(of: scenario))
        registry.add(
            "get", WorkforceURL.apiScenario(.key).openAPIPath,
            summary: "Eén scenarioversie met de andere versies", tag: tag, parameters: [id], response: scenario)
        registry.add(
            "get", WorkforceURL.apiProjection(.key).openAPIPath,
            summary: "Projectie per jaar en sector: aanbod, vraag en tekort (personen) en totalen", tag: tag,
            parameters: [
                id,
                Registry.query(
                    "runs",
                    "Aantal Monte Carlo-runs voor onzekerheidsbanden (1–2000; zonder: "
                        + "geen banden); daarbuiten 422", type: "integer"),
                Registry.query(
                    "year",
                    "Jaar van de samenvatting (basisjaar tot en met de horizon van het "
                        + "scenario; standaard 2032)", type: "integer")
            ],
            response: Registry.ref("WorkforceProjection"))
        registry.add(
            "get", WorkforceURL.apiScenarioFile(.key).openAPIPath,
            summary: "Het scenariobestand (JSON, formaat in docs/workforce-model.md)", tag: tag,
            parameters: [id], response: ["type": "object"])
        registry.add(
            "post", WorkforceURL.apiScenarios.openAPIPath,
            summary: "Scenariobestand opslaan (redacteur); zelfde naam = nieuwe versie", tag: tag,
            requestBody: ["type": "object", "description": "Scenariobestand (JSON)"],
            response: scenario, public: false)
    }

    static let number: JSONValue = ["type": "number"]

    static var scenarioSchema: JSONValue {
        [
            "type": "object", "required": ["id", "name", "version", "base"],
            "properties": [
                "id": ["type": "string", "format": "uuid"],
                "lineage": [
                    "type": "string", "format": "uuid", "description": "Gedeeld door alle versies van één scenario"
                ],
                "name": ["type": "string", "example": "Basisscenario Flevoland"], "version": ["type": "integer"],
                "base": ["type": "boolean", "description": "Het gekalibreerde basisscenario"],
                "example": ["type": "boolean", "description": "Bevat voorbeelddata (aannames)"],
                "organisation": ["type": "string", "nullable": true],
                "author": [
                    "type": "string",
                    "description": .string(
                        "E-mailadres van de redacteur voor ingelogde "
                            + "gebruikers; anders de naam van de organisatie")
                ],
                "note": ["type": "string", "nullable": true],
                "baseYear": ["type": "integer"], "horizon": ["type": "integer"],
                "createdAt": ["type": "string", "format": "date-time"],
                "updatedAt": ["type": "string", "format": "date-time"],
                "projection": ["type": "string"], "page": ["type": "string"]
            ]
        ]
    }

    static var figuresSchema: JSONValue {
        [
            "type": "object", "required": ["supply", "demand", "shortage"],
            "properties": [
                "supply": number, "demand": number,
                "shortage": ["type": "number", "description": "vraag − aanbod (personen; negatief = overschot)"],
                "shortageRate": number, "supplyFTE": number, "demandFTE": number, "shortageFTE": number
            ]
        ]
    }

    static var projectionSchema: JSONValue {
        [
            "type": "object", "required": ["scenarioId", "years"],
            "properties": [
                "scenarioId": ["type": "string"], "scenarioName": ["type": "string"],
                "id": ["type": "string", "nullable": true],
                "version": ["type": "integer", "nullable": true], "base": ["type": "boolean"],
                "baseYear": ["type": "integer"],
                "horizon": ["type": "integer"], "unit": ["type": "string", "example": "personen"],
                "summary": ["type": "string"],
                "years": Registry.array(of: yearSchema),
                "uncertainty": [
                    "type": "object", "nullable": true,
                    "description": "Monte Carlo-banden (p5, p50, p95) bij ?runs=N"
                ]
            ]
        ]
    }

    static var yearSchema: JSONValue {
        let sector: JSONValue = [
            "type": "object", "required": ["sector", "supply", "demand", "shortage"],
            "properties": [
                "sector": ["type": "string"], "name": ["type": "string"], "supply": number, "demand": number,
                "shortage": number, "shortageRate": number
            ]
        ]
        return [
            "type": "object", "required": ["year", "total", "sectors"],
            "properties": [
                "year": ["type": "integer"], "total": Registry.ref("WorkforceFigures"), "careDemandIndex": number,
                "sectors": Registry.array(of: sector)
            ]
        ]
    }
}
