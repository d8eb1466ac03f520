import AppCore
import VitaalDomain

/// The workforce part of the OpenAPI document: one schema per DTO, then the paths.
extension WorkforceAPIController {
    typealias Registry = OpenAPIRegistry

    static func registerOpenAPI(_ registry: OpenAPIRegistry) {
        registry.schema("WorkforceScenario", scenarioSchema)
        registry.schema("WorkforceScenarioDetail", detailSchema)
        registry.schema("WorkforceScenarioFile", scenarioFileSchema)
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
            summary: "Eén scenarioversie met de andere versies", tag: tag, parameters: [id],
            response: Registry.ref("WorkforceScenarioDetail"))
        registry.add(
            "get", WorkforceURL.apiProjection(.key).openAPIPath,
            summary: "Projectie per jaar en sector: aanbod, vraag en tekort (personen) en totalen", tag: tag,
            parameters: [
                id,
                Registry.query(
                    "runs",
                    "Aantal Monte Carlo-runs voor onzekerheidsbanden (1–2000; zonder: geen banden); "
                        + "daarbuiten 422", range: 1...WorkforceAPIController.maxRuns),
                Registry.query(
                    "year",
                    "Jaar van de samenvatting: het basisjaar van het scenario tot en met zijn horizon "
                        + "(standaard 2032); een jaar daarbuiten geeft 422", range: 1900...2300)
            ],
            response: Registry.ref("WorkforceProjection"))
        registry.add(
            "get", WorkforceURL.apiScenarioFile(.key).openAPIPath,
            summary: "Het scenariobestand (JSON, formaat op \(WorkforceURL.about.path))", tag: tag,
            parameters: [id], response: ["type": "object"])
        registry.add(
            "post", WorkforceURL.apiScenarios.openAPIPath,
            summary: "Scenariobestand opslaan (redacteur); zelfde naam = nieuwe versie", tag: tag,
            requestBody: Registry.ref("WorkforceScenarioFile"), response: scenario, statuses: [200, 201],
            public: false,
            description: "201 bij een nieuw scenario, 200 bij een nieuwe versie van een bestaand scenario. "
                + "Regels tussen velden (aandelen tellen op tot 1, bekende ids, horizon na het basisjaar) "
                + "staan op \(WorkforceURL.about.path) (Over dit model); een bestand dat ze breekt geeft 422 met de plaats van "
                + "elke fout (regel, kolom, element).")
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

    static var detailSchema: JSONValue {
        [
            "type": "object", "required": ["scenario", "versions"],
            "properties": [
                "scenario": Registry.ref("WorkforceScenario"),
                "versions": Registry.array(of: Registry.ref("WorkforceScenario"))
            ]
        ]
    }

    /// The top level of a scenario file (`WorkforceScenarioCodec`): its keys and their types. The rules
    /// inside the lists are in docs/workforce-model.md.
    static var scenarioFileSchema: JSONValue {
        let list: JSONValue = ["type": "array", "minItems": 1, "items": ["type": "object"]]
        let text: JSONValue = ["type": "string", "minLength": 1, "pattern": "\\S"]
        return [
            "type": "object", "additionalProperties": false,
            "required": .array(WorkforceScenarioCodec.requiredKeys.map { .string($0) }),
            "properties": [
                "id": text, "name": text, "description": ["type": "string"],
                "baseYear": ["type": "integer", "minimum": 1900, "maximum": 2200],
                "horizon": ["type": "integer", "minimum": 1900, "maximum": 2300],
                "populationBands": list, "sectors": list, "levels": list, "ageBands": list, "regions": list,
                "stock": list, "sectorMoves": ["type": "array"], "levelMoves": ["type": "array"],
                "extraDemandGrowth": [:], "fteTrend": [:], "taskShiftAbsorption": [:],
                "levers": ["type": "object"], "monteCarlo": ["type": "object"]
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
