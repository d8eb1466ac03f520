import AppCore
import VitaalDomain

/// The monitor's part of the OpenAPI document: one function per schema, then the operations.
extension MonitorAPIController {
    static func registerOpenAPI(_ registry: OpenAPIRegistry) {
        registry.schema("Monitor", monitorSchema)
        registry.schema("Indicator", indicatorSchema)
        registry.schema("DataValue", dataValueSchema)
        registry.schema("DataPage", dataPageSchema)
        registerOperations(registry)
    }

    static var monitorSchema: JSONValue {
        [
            "type": "object", "required": ["slug", "name", "themes"],
            "properties": [
                "slug": ["type": "string", "example": "brede-welvaart"], "name": ["type": "string"],
                "description": ["type": "string"],
                "url": ["type": "string", "description": "Pagina van de monitor"],
                "themes": [
                    "type": "array",
                    "items": [
                        "type": "object",
                        "properties": [
                            "code": ["type": "string"], "name": ["type": "string"],
                            "indicators": [
                                "type": "array", "items": ["type": "string"],
                                "description": "Indicatorcodes in volgorde"
                            ]
                        ]
                    ]
                ]
            ]
        ]
    }

    static var indicatorSchema: JSONValue {
        [
            "type": "object",
            "required": ["code", "name", "unit", "decimals", "polarity", "source", "licence", "isCount", "visibility"],
            "properties": [
                "code": ["type": "string", "example": "bw_ervaren_gezondheid"], "name": ["type": "string"],
                "description": ["type": "string"],
                "unit": ["type": "string", "example": "%"], "decimals": ["type": "integer"],
                "polarity": ["type": "string", "enum": ["higherIsBetter", "lowerIsBetter", "neutral"]],
                "level": ["type": "string", "enum": ["input", "throughput", "output", "outcome", "impact"]],
                "source": ["type": "string"], "licence": ["type": "string", "example": "CC BY 4.0"],
                "isCount": [
                    "type": "boolean",
                    "description": "Aantal personen: openbaar worden waarden < 5 als \"<5\" getoond"
                ],
                "norm": [
                    "type": "object", "nullable": true,
                    "properties": [
                        "comparison": ["type": "string", "enum": ["≥", "≤"]], "value": ["type": "number"],
                        "source": ["type": "string"]
                    ]
                ],
                "visibility": ["type": "string", "enum": ["public", "internal"]],
                "url": ["type": "string"],
                "formula": [
                    "type": "string",
                    "description": .string(
                        "Alleen bij een berekende indicator, bv. ratio(a, b) * 1000; de waarden worden bij het "
                            + "lezen berekend")
                ]
            ]
        ]
    }

    static var dataValueSchema: JSONValue {
        [
            "type": "object",
            "required": ["indicator", "region", "period", "display", "suppressed", "status", "source", "licence"],
            "properties": [
                "indicator": ["type": "string"], "indicatorName": ["type": "string"],
                "region": ["type": "string", "example": "GM0034"], "regionName": ["type": "string"],
                "period": ["type": "string", "example": "2024", "description": "2024, 2024Q3 of 2024-05"],
                "value": [
                    "type": "number", "nullable": true,
                    "description": "null als de waarde ontbreekt of is afgeschermd (<5)"
                ],
                "display": [
                    "type": "string",
                    "description": "Waarde als tekst met punt als decimaalteken, \"<5\" of leeg"
                ],
                "suppressed": ["type": "boolean"],
                "unit": ["type": "string"],
                "status": [
                    "type": "string", "enum": ["voorlopig", "definitief", "voorbeeld"],
                    "description": "voorbeeld = verzonnen voorbeelddata"
                ],
                "missingReason": [
                    "type": "string", "nullable": true,
                    "enum": ["notAvailable", "confidential", "notApplicable", "tooFewObservations"]
                ],
                "note": ["type": "string", "nullable": true],
                "source": ["type": "string"], "licence": ["type": "string"]
            ]
        ]
    }

    static var dataPageSchema: JSONValue {
        [
            "type": "object", "required": ["items", "page", "pageSize", "total"],
            "properties": [
                "items": OpenAPIRegistry.array(of: OpenAPIRegistry.ref("DataValue")),
                "page": ["type": "integer"], "pageSize": ["type": "integer"], "total": ["type": "integer"],
                "next": ["type": "string", "nullable": true, "description": "URL van de volgende pagina"]
            ]
        ]
    }

    static func registerOperations(_ registry: OpenAPIRegistry) {
        let tag = "Monitor"
        let cacheNote =
            "Antwoorden hebben een ETag en Last-Modified; met If-None-Match of If-Modified-Since volgt "
            + "304 Not Modified als er niets veranderd is."
        registry.add(
            "GET", MonitorURL.apiMonitors.openAPIPath, summary: "Alle monitors met thema's en indicatorcodes",
            tag: tag, response: OpenAPIRegistry.array(of: OpenAPIRegistry.ref("Monitor")),
            description: cacheNote)
        registry.add(
            "GET", MonitorURL.apiIndicators.openAPIPath,
            summary: "Alle indicatoren (definitie, eenheid, bron, licentie, norm)", tag: tag,
            parameters: [OpenAPIRegistry.query("monitor", "Alleen de indicatoren van deze monitor (slug)")],
            response: OpenAPIRegistry.array(of: OpenAPIRegistry.ref("Indicator")),
            description: "Zonder inloggen alleen openbare indicatoren. " + cacheNote)
        // What `MonitorAPIController.parseQuery` accepts: a list of codes within the text limit, and the
        // period notations of `Period` (year from 1000; empty = no filter).
        let codes: JSONValue = ["type": "string", "maxLength": .number(MonitorAPIController.maxQueryText)]
        let period: JSONValue = [
            "type": "string",
            "pattern":
                "^([1-9][0-9]{3}([Jj][Jj]00|[Kk][Ww]0[1-4]|[Mm][Mm](0[1-9]|1[0-2])|-?[QqKk][1-4]|-(0[1-9]|1[0-2]))?)?$"
        ]
        let streamNote =
            "Pagina's van meer dan \(ValueFormatter.number(Double(DataAPIStream.threshold), decimals: 0)) waarden "
            + "worden verstuurd terwijl ze gelezen worden (chunked, zonder Content-Length), met dezelfde inhoud. "
        registry.add(
            "GET", MonitorURL.apiData.openAPIPath,
            summary: "Waarden per indicator, regio en periode (gepagineerd)", tag: tag,
            parameters: [
                OpenAPIRegistry.query(
                    "indicator",
                    "Indicatorcode(s), komma-gescheiden (hoogstens 500 codes, 3.000 tekens); een onbekende code geeft 404",
                    schema: codes),
                OpenAPIRegistry.query(
                    "region", "Regiocode(s), komma-gescheiden (hoogstens 500 codes, 3.000 tekens), bv. GM0034,PV24",
                    schema: codes),
                OpenAPIRegistry.query(
                    "period", "Precies deze periode (2024, 2024Q3, 2024-05 of CBS-code)", schema: period),
                OpenAPIRegistry.query("from", "Vanaf deze periode (inclusief)", schema: period),
                OpenAPIRegistry.query("to", "Tot en met deze periode", schema: period),
                OpenAPIRegistry.query("page", "Paginanummer, vanaf 1", range: 1...MonitorAPIController.maxPage),
                OpenAPIRegistry.query(
                    "pageSize", "Waarden per pagina (standaard 1000, maximaal 10000)",
                    range: 1...MonitorAPIController.maxPageSize),
                OpenAPIRegistry.query(
                    "format", "json (standaard) of csv: dezelfde rijen als CSV; ook met de header Accept: text/csv",
                    schema: ["type": "string", "enum": ["json", "csv", ""]])
            ],
            response: OpenAPIRegistry.ref("DataPage"),
            description: "Openbaar: alleen openbare indicatoren; aantallen kleiner dan 5 als \"<5\" (value "
                + "null, suppressed true). Ingelogd: ook interne indicatoren en exacte waarden. Gesorteerd op "
                + "indicator, regio, periode. Als CSV (komma, CRLF, kopregel met de veldnamen van een item) "
                + "de rijen van dezelfde pagina, zonder paginagegevens. Met Accept-Encoding: gzip gecomprimeerd. "
                + streamNote
                + cacheNote)
        registry.addResponseContent(
            "GET", MonitorURL.apiData.openAPIPath,
            content: [("text/csv", ["type": "string", "description": "Kopregel + één regel per waarde"])])
    }
}
