import AppCore
import VitaalDomain

/// The write API's part of the OpenAPI document: the indicator as written and read back, the
/// catalogue, the answers, then the operations.
extension MonitorWriteAPIController {
    static func registerOpenAPI(_ registry: OpenAPIRegistry) {
        registry.schema("IndicatorInput", indicatorSchema(input: true))
        registry.schema("IndicatorRecord", indicatorSchema(input: false))
        registry.schema("IndicatorCatalogue", catalogueSchema)
        registry.schema("CatalogueImportResult", catalogueResultSchema)
        registry.schema("DataImportResult", dataResultSchema)
        registerOperations(registry)
    }

    static func strings(_ values: [String]) -> JSONValue { .array(values.map { .string($0) }) }

    /// One indicator: `input` is the body of POST/PUT (code, name, unit, polarity and source
    /// required, the rest optional with defaults), otherwise the answer (every field present).
    static func indicatorSchema(input: Bool) -> JSONValue {
        let text: (Int) -> JSONValue = { max in ["type": "string", "maxLength": .number(max)] }
        let required: (Int) -> JSONValue = { max in ["type": "string", "minLength": 1, "maxLength": .number(max)] }
        let number: JSONValue = [
            "type": "number", "minimum": .number(IndicatorDraft.numberBounds.lowerBound),
            "maximum": .number(IndicatorDraft.numberBounds.upperBound)
        ]
        let nullableNumber: JSONValue = [
            "type": "number", "nullable": true, "minimum": .number(IndicatorDraft.numberBounds.lowerBound),
            "maximum": .number(IndicatorDraft.numberBounds.upperBound)
        ]
        let properties: JSONValue = [
            "code": [
                "type": "string", "pattern": "^[a-z0-9_]{2,64}$", "example": "ggd_eenzaamheid",
                "description": "Vast zodra er waarden zijn"
            ],
            "name": required(IndicatorDraft.maxName),
            "description": text(IndicatorDraft.maxText),
            "unit": required(IndicatorDraft.maxShort),
            "decimals": ["type": "integer", "minimum": 0, "maximum": 6],
            "polarity": ["type": "string", "enum": strings(Polarity.allCases.map(\.rawValue))],
            "level": ["type": "string", "enum": strings(IndicatorLevel.allCases.map(\.rawValue))],
            "source": required(IndicatorDraft.maxShort),
            "licence": text(IndicatorDraft.maxShort),
            "isCount": ["type": "boolean", "description": "Aantal personen: openbaar worden waarden < 5 afgeschermd"],
            "norm": [
                "type": "object", "nullable": true, "additionalProperties": false,
                "required": ["comparison", "value"],
                "properties": [
                    "comparison": ["type": "string", "enum": ["≥", "≤"]], "value": number,
                    "source": text(IndicatorDraft.maxShort)
                ],
                "description": "Binnen het geldige bereik"
            ],
            "validRange": [
                "type": "object", "nullable": true, "additionalProperties": false,
                "properties": ["min": nullableNumber, "max": nullableNumber]
            ],
            "visibility": ["type": "string", "enum": strings(Visibility.allCases.map(\.rawValue))],
            "owner": [
                "type": "string", "nullable": true,
                "description": "Slug van de eigenaar-organisatie; een redacteur alleen de eigen"
            ],
            "status": ["type": "string", "enum": strings(IndicatorStatus.allCases.map(\.rawValue))],
            "replaces": ["type": "string", "nullable": true, "description": "Code van de indicator die deze vervangt"],
            "formula": [
                "type": "string", "nullable": true, "maxLength": .number(DerivedFormula.maxLength),
                "example": "ratio(a, b) * 1000",
                "description": "Berekende indicator: ratio(a, b) * factor, sum(a, b, …) of difference(a, b)"
            ]
        ]
        if input {
            return [
                "type": "object", "additionalProperties": false,
                "required": ["code", "name", "unit", "polarity", "source"], "properties": properties
            ]
        }
        return [
            "type": "object",
            "required": strings([
                "code", "name", "description", "unit", "decimals", "polarity", "level", "source", "licence",
                "isCount", "norm", "validRange", "visibility", "owner", "status", "replaces", "formula"
            ]),
            "properties": properties
        ]
    }

    static var catalogueSchema: JSONValue {
        let codes: JSONValue = ["type": "array", "items": ["type": "string"]]
        let theme: JSONValue = [
            "type": "object", "additionalProperties": false, "required": ["code", "name"],
            "properties": [
                "code": ["type": "string", "minLength": 1, "maxLength": 64], "name": ["type": "string", "minLength": 1],
                "description": ["type": "string"], "retired": ["type": "boolean"], "indicators": codes
            ]
        ]
        let monitor: JSONValue = [
            "type": "object", "additionalProperties": false, "required": ["slug", "name"],
            "properties": [
                "slug": ["type": "string", "pattern": "^[a-z0-9_-]{2,64}$"], "name": ["type": "string", "minLength": 1],
                "description": ["type": "string"], "retired": ["type": "boolean"],
                "themes": OpenAPIRegistry.array(of: theme), "indicators": codes
            ]
        ]
        return [
            "type": "object", "additionalProperties": false, "required": ["indicators"],
            "properties": [
                "format": ["type": "string", "enum": [.string(IndicatorCatalogueIO.formatName)]],
                "version": ["type": "integer", "enum": [1]],
                "indicators": OpenAPIRegistry.array(of: OpenAPIRegistry.ref("IndicatorInput")),
                "monitors": [
                    "type": "array", "items": monitor, "maxItems": .number(IndicatorCatalogueIO.maxMonitors),
                    "description": "Alleen voor beheerders"
                ]
            ]
        ]
    }

    static var catalogueResultSchema: JSONValue {
        [
            "type": "object", "required": ["created", "updated", "unchanged", "monitors", "message"],
            "properties": [
                "created": ["type": "array", "items": ["type": "string"]],
                "updated": ["type": "array", "items": ["type": "string"]],
                "unchanged": ["type": "integer"], "monitors": ["type": "integer"], "message": ["type": "string"]
            ]
        ]
    }

    static var dataResultSchema: JSONValue {
        [
            "type": "object", "required": ["batch", "values", "inserted", "replaced", "missing", "message"],
            "properties": [
                "batch": ["type": "string", "format": "uuid", "description": "Id van de import (ongedaan maken)"],
                "values": ["type": "integer"], "inserted": ["type": "integer"], "replaced": ["type": "integer"],
                "missing": ["type": "integer"], "message": ["type": "string"]
            ]
        ]
    }

    static func registerOperations(_ registry: OpenAPIRegistry) {
        let tag = "Monitor (schrijven)"
        let rights =
            "Redacteur of beheerder (sessie met X-CSRF-Token, of een token met bereik schrijven). Een redacteur "
            + "schrijft alleen indicatoren (en waarden) van de eigen organisatie; anders 403."
        let code = OpenAPIRegistry.pathParameter("code", "Indicatorcode")
        let name = OpenAPIRegistry.query(
            "name", "Bestandsnaam in foutmeldingen",
            schema: ["type": "string", "maxLength": 40, "pattern": "^[A-Za-z0-9_.,-]*$"])
        registry.add(
            "POST", MonitorURL.apiIndicators.openAPIPath, summary: "Nieuwe indicator", tag: tag,
            requestBody: OpenAPIRegistry.ref("IndicatorInput"), response: OpenAPIRegistry.ref("IndicatorRecord"),
            statuses: [201], public: false,
            description: rights + " Een bestaande code geeft 409. Ongeldige velden geven 422 met per veld de fout.")
        registry.add(
            "PUT", MonitorURL.apiIndicator(.key).openAPIPath, summary: "Indicator wijzigen", tag: tag,
            parameters: [code], requestBody: OpenAPIRegistry.ref("IndicatorInput"),
            response: OpenAPIRegistry.ref("IndicatorRecord"), public: false,
            description: rights + " De volledige definitie; elke wijziging komt in de versiegeschiedenis. De code "
                + "kan niet meer veranderen zodra er waarden zijn (422).")
        registry.add(
            "DELETE", MonitorURL.apiIndicator(.key).openAPIPath, summary: "Indicator verwijderen", tag: tag,
            parameters: [code],
            response: [
                "type": "object", "required": ["code", "deleted"],
                "properties": ["code": ["type": "string"], "deleted": ["type": "boolean"]]
            ], public: false,
            description: rights + " Alleen zonder waarden en als niets hem gebruikt (formule, plan, vervangt); "
                + "anders 409 met de reden.")
        registry.add(
            "POST", MonitorURL.apiIndicatorsImport.openAPIPath, summary: "Indicatorcatalogus importeren (CSV of JSON)",
            tag: tag, parameters: [name], requestBody: OpenAPIRegistry.ref("IndicatorCatalogue"),
            response: OpenAPIRegistry.ref("CatalogueImportResult"), public: false,
            description: rights + " CSV met één regel per indicator of de JSON-catalogus (met monitors: alleen "
                + "beheerders), zoals `vitaal import indicators`; alles of niets, fouten met regel, kolom en veld.")
        registry.setRequestBody(
            "POST", MonitorURL.apiIndicatorsImport.openAPIPath,
            content: [
                ("application/json", OpenAPIRegistry.ref("IndicatorCatalogue")),
                ("text/csv", ["type": "string", "description": "Kolommen: zie docs/import-formats.md"])
            ])
        registry.add(
            "POST", MonitorURL.apiData.openAPIPath, summary: "Waarden importeren (CSV)", tag: tag,
            parameters: [
                name, OpenAPIRegistry.query("replace", "Bestaande waarden vervangen", oneOf: ["true", "false"])
            ],
            response: OpenAPIRegistry.ref("DataImportResult"), statuses: [201], public: false,
            description: rights
                + " Lang formaat of CBS StatLine-CSV als body, dezelfde import als het uploadformulier: "
                + "alles of niets, één import tegelijk (409).")
        registry.setRequestBody(
            "POST", MonitorURL.apiData.openAPIPath,
            content: [("text/csv", ["type": "string", "description": "Lang formaat; zie docs/import-formats.md"])])
    }
}
