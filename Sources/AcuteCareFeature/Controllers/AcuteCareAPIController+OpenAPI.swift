import AppCore
import VitaalDomain

/// The acute-care part of the OpenAPI document: one schema per DTO, then the paths.
extension AcuteCareAPIController {
    typealias Registry = OpenAPIRegistry

    static func registerOpenAPI(_ registry: OpenAPIRegistry) {
        registry.schema("AcuteCareChanges", changesSchema)
        registry.schema("AcuteCareScenario", scenarioSchema)
        registry.schema("AcuteCareResult", resultSchema)
        registry.schema("AcuteCareCoverage", coverageSchema)
        registerPaths(registry)
    }

    static func registerPaths(_ registry: OpenAPIRegistry) {
        let idParam = Registry.pathParameter("id", "Code (bv. groei-2035) of UUID van het scenario")
        let scenario = Registry.ref("AcuteCareScenario")
        registry.add(
            "GET", AcuteCareURL.apiScenarios.openAPIPath,
            summary: "Opgeslagen scenario's van het acute-zorgmodel (schematisch)", tag: "Acute zorg",
            response: Registry.array(of: scenario))
        registry.add(
            "POST", AcuteCareURL.apiScenarios.openAPIPath,
            summary: "Scenario opslaan (redacteur; header X-CSRF-Token)", tag: "Acute zorg",
            requestBody: [
                "type": "object", "required": ["name", "changes"],
                "properties": [
                    "name": [
                        "type": "string", "minLength": 1, "maxLength": .number(AcuteCareLimits.maxTextLength),
                        "pattern": "\\S"
                    ],
                    "description": ["type": "string", "nullable": true], "changes": Registry.ref("AcuteCareChanges")
                ]
            ],
            response: scenario, statuses: [201], public: false,
            description: "Het scenario wordt eerst doorgerekend: posten en wijken moeten binnen het gebied "
                + "van het model liggen en over de weg bereikbaar zijn, en de meldings- en uitruktijd moet "
                + "kleiner zijn dan de norm. Anders 422 met het veld; er wordt dan niets opgeslagen.")
        registry.add(
            "GET", AcuteCareURL.apiScenario(.key).openAPIPath, summary: "Eén scenario", tag: "Acute zorg",
            parameters: [idParam], response: scenario)
        registry.add(
            "GET", AcuteCareURL.apiCoverage(.key).openAPIPath,
            summary: "Dekking binnen de norm en ambulances per post: huidige situatie en scenario naast elkaar",
            tag: "Acute zorg", parameters: [idParam], response: Registry.ref("AcuteCareCoverage"))
    }

    static let point: JSONValue = [
        "type": "object", "required": ["lat", "lon"],
        "properties": [
            "lat": [
                "type": "number", "minimum": .number(AcuteCareLimits.latitude.lowerBound),
                "maximum": .number(AcuteCareLimits.latitude.upperBound)
            ],
            "lon": [
                "type": "number", "minimum": .number(AcuteCareLimits.longitude.lowerBound),
                "maximum": .number(AcuteCareLimits.longitude.upperBound)
            ]
        ]
    ]
    /// An id or name inside a scenario.
    static let text: JSONValue = ["type": "string", "maxLength": .number(AcuteCareLimits.maxTextLength)]
    /// The same, optional: the decoder takes null as absent (`decodeIfPresent`), so the schema allows it.
    static let optionalText: JSONValue = [
        "type": "string", "nullable": true, "maxLength": .number(AcuteCareLimits.maxTextLength)
    ]
    static let optionalFlag: JSONValue = ["type": "boolean", "nullable": true]

    /// An array of objects with `properties` (and the `required` names).
    static func array(of properties: JSONValue, required: JSONValue? = nil) -> JSONValue {
        guard let required else { return ["type": "array", "items": ["type": "object", "properties": properties]] }
        return [
            "type": "array", "nullable": true, "maxItems": .number(AcuteCareLimits.maxListItems),
            "items": ["type": "object", "required": required, "properties": properties]
        ]
    }

    static var changesSchema: JSONValue {
        [
            "type": "object",
            "description": .string(
                "Wijzigingen ten opzichte van de huidige situatie; alle delen optioneel. Hoogstens "
                    + "50 posten of wijken per lijst, ids en namen hoogstens 200 tekens; daarbuiten 422."),
            "properties": [
                "addedPosts": array(
                    of: [
                        "id": text, "name": optionalText, "location": point, "isSchematic": optionalFlag
                    ], required: ["id", "location"]),
                "movedPosts": array(
                    of: ["postId": text, "location": point], required: ["postId", "location"]),
                "removedPostIds": [
                    "type": "array", "nullable": true, "maxItems": .number(AcuteCareLimits.maxListItems),
                    "items": text
                ],
                "newDistricts": array(
                    of: [
                        "id": text, "name": optionalText, "municipality": optionalText, "location": point,
                        "population": [
                            "type": "number", "minimum": 0, "maximum": .number(AcuteCareLimits.population.upperBound),
                            "description": "Inwoners, 0 … 10.000.000"
                        ],
                        "isSchematic": optionalFlag
                    ], required: ["id", "location", "population"]),
                "growth": growthSchema,
                "normMinutes": [
                    "type": "number", "nullable": true, "exclusiveMinimum": true, "minimum": 0,
                    "maximum": .number(AcuteCareLimits.normMinutes.upperBound),
                    "description": "Norm in minuten inclusief meldings- en uitruktijd (> 0, ≤ 240)"
                ],
                "dispatchMinutes": [
                    "type": "number", "nullable": true, "minimum": 0,
                    "maximum": .number(AcuteCareLimits.normMinutes.upperBound),
                    "description": "Meldings- en uitruktijd in minuten (0 … 240, kleiner dan de norm)"
                ],
                "ridesPerYear": [
                    "type": "number", "nullable": true, "minimum": 0,
                    "maximum": .number(AcuteCareLimits.ridesPerYear.upperBound),
                    "description": "Ritten per jaar in de regio (0 … 10.000.000); standaard voorbeelddata"
                ]
            ]
        ]
    }

    static var growthSchema: JSONValue {
        [
            "type": "object", "nullable": true,
            "required": ["baseYear", "targetYear", "factorByMunicipality", "defaultFactor", "bandFactors"],
            "properties": [
                "baseYear": ["type": "integer", "description": "2024"],
                "targetYear": [
                    "type": "integer", "minimum": .number(AcuteCareLimits.years.lowerBound),
                    "maximum": .number(AcuteCareLimits.years.upperBound), "description": "2024 … 2060"
                ],
                "factorByMunicipality": [
                    "type": "object",
                    "additionalProperties": [
                        "type": "number", "minimum": .number(AcuteCareLimits.growthFactor.lowerBound),
                        "maximum": .number(AcuteCareLimits.growthFactor.upperBound)
                    ],
                    "description": "Groeifactor per gemeente (0,01 … 6), bv. {\"Almere\": 1.2}"
                ],
                "defaultFactor": [
                    "type": "number", "minimum": .number(AcuteCareLimits.growthFactor.lowerBound),
                    "maximum": .number(AcuteCareLimits.growthFactor.upperBound),
                    "description": "0,01 … 6 (−99% … +500%)"
                ],
                "bandFactors": [
                    "type": "object",
                    "additionalProperties": [
                        "type": "number", "minimum": .number(AcuteCareLimits.bandFactor.lowerBound),
                        "maximum": .number(AcuteCareLimits.bandFactor.upperBound)
                    ],
                    "description": "Factor per leeftijdsgroep, 0 … 6"
                ]
            ]
        ]
    }

    static var scenarioSchema: JSONValue {
        [
            "type": "object", "required": ["id", "name", "isSchematic", "changes", "coverage"],
            "properties": [
                "id": ["type": "string", "example": "groei-2035"], "uuid": ["type": "string", "format": "uuid"],
                "name": ["type": "string"], "description": ["type": "string", "nullable": true],
                "isSchematic": ["type": "boolean", "description": "Schematisch scenario (voorbeelddata)"],
                "organisation": ["type": "string", "nullable": true], "changes": Registry.ref("AcuteCareChanges"),
                "coverage": ["type": "string", "description": "Pad naar de dekking van dit scenario"],
                "createdAt": ["type": "string", "format": "date-time"]
            ]
        ]
    }

    static let persons: JSONValue = [
        "type": "number", "nullable": true,
        "description": .string(
            "Aantal personen; null bij 1–4 personen (niet gepubliceerd, zie suppressed); vanaf "
                + "1.000 afgerond op honderdtallen")
    ]
    static let suppressed: JSONValue = [
        "type": "boolean", "description": "true: een aantal van 1–4 personen is weggelaten (en wat het zou verraden)"
    ]

    /// Response-time bands (aanrijtijdklassen) as the API names them.
    static let band: JSONValue = [
        "type": "string", "enum": .array(ResponseBand.allCases.map { .string($0.rawValue) }),
        "description": .string(
            "Aanrijtijdklasse: le15 (≤ 15 min), 15-20, 20-30, gt30 (> 30 min, ook voorbij de zoekgrens), "
                + "noRoad (geen weg binnen 5 km: de enige niet-bereikbare plaatsen)")
    ]
    static let bands: JSONValue = [
        "type": "array", "description": "Inwoners en plaatsen per aanrijtijdklasse (alle klassen, vaste volgorde)",
        "items": [
            "type": "object", "required": ["band", "label", "points"],
            "properties": [
                "band": band, "label": ["type": "string"], "points": ["type": "integer", "minimum": 0],
                "population": persons
            ]
        ]
    ]
    static let expected: JSONValue = [
        "type": "object",
        "required": ["busyFraction", "isClamped", "ambulanceHoursPerYear", "share"],
        "description": .string(
            "Verwachte dekking met bezette ambulances (MEXCLP, Daskin): Σ inwoners × (1 − q^k), k = ambulances die "
                + "de plaats binnen de norm bereiken; q = ritten × taaktijd / ambulance-uren, begrensd op 0,99"),
        "properties": [
            "busyFraction": ["type": "number", "minimum": 0, "maximum": .number(ExpectedCoverage.maxBusyFraction)],
            "offeredBusyFraction": [
                "type": "number", "nullable": true, "minimum": 0,
                "description": "q vóór begrenzing; null als er ritten zijn maar geen ambulance-uren"
            ],
            "isClamped": ["type": "boolean"], "ambulanceHoursPerYear": ["type": "number", "minimum": 0],
            "expectedCovered": persons, "share": ["type": "number", "minimum": 0, "maximum": 1]
        ]
    ]
    static let nextPost: JSONValue = [
        "type": "object", "nullable": true,
        "required": ["demandPointId", "name", "lat", "lon", "share", "candidatesConsidered"],
        "description": .string(
            "Beste volgende post: de kandidaatlocatie (weg bij een plaats van het model, hoogstens "
                + "\(AcuteCareLimits.maxCandidateSites)) waar één extra ambulance de verwachte dekking het meest verhoogt"
        ),
        "properties": [
            "demandPointId": ["type": "string"], "name": ["type": "string"],
            "municipality": ["type": "string", "nullable": true], "lat": ["type": "number"],
            "lon": ["type": "number"], "gain": persons, "expectedCovered": persons,
            "share": ["type": "number", "minimum": 0, "maximum": 1],
            "candidatesConsidered": ["type": "integer", "minimum": 1]
        ]
    ]

    static var resultSchema: JSONValue {
        [
            "type": "object",
            "properties": [
                "year": ["type": "integer", "nullable": true], "normMinutes": ["type": "number"],
                "dispatchMinutes": ["type": "number"],
                "searchCapMinutes": [
                    "type": "number",
                    "description": .string(
                        "Tot hoeveel minuten de aanrijtijd voorbij de norm wordt gezocht: "
                            + "\(Int(AcuteCareLimits.searchCapMinutes)), of de norm als die langer is")
                ],
                "population": persons, "covered": persons,
                "share": [
                    "type": "number", "nullable": true,
                    "description": "0…1, drie decimalen; null als het aantal buiten de norm 1–4 is"
                ],
                "suppressed": suppressed,
                "municipalities": array(of: [
                    "name": ["type": "string"], "population": persons, "covered": persons,
                    "share": ["type": "number", "nullable": true], "uncovered": persons, "suppressed": suppressed,
                    "bands": bands
                ]),
                "points": array(of: [
                    "id": ["type": "string"], "name": ["type": "string"], "municipality": ["type": "string"],
                    "population": persons, "covered": ["type": "boolean"], "post": ["type": "string", "nullable": true],
                    "minutes": [
                        "type": "number", "nullable": true,
                        "description": .string(
                            "Aanrijtijd naar de snelste post, ook buiten de norm (tot searchCapMinutes); null alleen "
                                + "zonder weg binnen 5 km of zonder post binnen de zoekgrens")
                    ],
                    "band": band, "suppressed": suppressed
                ]),
                "posts": array(of: [
                    "id": ["type": "string"], "name": ["type": "string"], "lat": ["type": "number"],
                    "lon": ["type": "number"],
                    "isSchematic": ["type": "boolean"], "populationServed": persons, "ridesPerYear": ["type": "number"],
                    "peakRidesPerHour": ["type": "number"], "ambulances": ["type": "integer"], "suppressed": suppressed
                ]),
                "totalAmbulances": ["type": "integer"], "ridesPerYear": ["type": "number"],
                "expected": expected, "nextPost": nextPost,
                "summary": ["type": "string"], "notes": ["type": "array", "items": ["type": "string"]]
            ]
        ]
    }

    static var coverageSchema: JSONValue {
        [
            "type": "object", "required": ["scenario", "isSchematic", "base", "result"],
            "properties": [
                "scenario": Registry.ref("AcuteCareScenario"), "isSchematic": ["type": "boolean"],
                "base": Registry.ref("AcuteCareResult"), "result": Registry.ref("AcuteCareResult"),
                "coverageDeltaPoints": [
                    "type": "number",
                    "description": "Verschil in procentpunten binnen de norm (scenario − nu)"
                ],
                "ambulanceDelta": ["type": "integer"]
            ]
        ]
    }
}
