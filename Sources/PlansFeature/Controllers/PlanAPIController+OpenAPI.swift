import AppCore
import VitaalDomain

/// The plans API in the OpenAPI document: schemas that describe the DTOs, and the paths from `PlanURL`.
extension PlanAPIController {
    static func registerOpenAPI(_ registry: OpenAPIRegistry) {
        summarySchemas(registry)
        treeSchemas(registry)
        targetSchema(registry)
        budgetSchema(registry)
        paths(registry)
    }

    static func summarySchemas(_ registry: OpenAPIRegistry) {
        let rollUp: JSONValue = [
            "type": "object", "required": ["status", "label", "counts"],
            "properties": [
                "status": ["type": "string", "enum": ["offTrack", "atRisk", "onTrack", "achieved", "noData"]],
                "label": ["type": "string", "example": "op koers"],
                "counts": [
                    "type": "object", "additionalProperties": ["type": "integer"],
                    "description": "Aantal doelstellingen per status"
                ],
                "qualitativeCount": [
                    "type": "integer", "minimum": 0,
                    "description": "Waarvan inspanningsdoelen (niet-SMART): status is de laatste beoordeling"
                ]
            ]
        ]
        registry.schema("PlanProgress", rollUp)
        registry.schema(
            "PlanSummary",
            [
                "type": "object",
                "required": [
                    "key", "title", "owner", "organisation", "periodStart", "periodEnd", "version", "status", "progress"
                ],
                "properties": [
                    "key": ["type": "string", "example": "flever-jaarplan-2025"], "title": ["type": "string"],
                    "owner": ["type": "string"],
                    "organisation": ["type": "string", "description": "Code (slug) van de eigenaar"],
                    "periodStart": ["type": "string", "format": "date"],
                    "periodEnd": ["type": "string", "format": "date"],
                    "version": ["type": "integer"],
                    "status": ["type": "string", "enum": ["concept", "ingediend", "vastgesteld", "afgesloten"]],
                    "previousVersion": ["type": "string", "nullable": true],
                    "progress": OpenAPIRegistry.ref("PlanProgress")
                ]
            ])
    }

    static func treeSchemas(_ registry: OpenAPIRegistry) {
        registry.schema(
            "PlanNode",
            [
                "type": "object", "required": ["key", "level", "levelName", "title", "progress", "children"],
                "properties": [
                    "key": ["type": "string"], "level": ["type": "integer"],
                    "levelName": ["type": "string", "example": "Doel 2025"],
                    "title": ["type": "string"], "text": ["type": "string"],
                    "owner": ["type": "string", "nullable": true],
                    "partners": ["type": "array", "items": ["type": "string"]],
                    "periods": ["type": "array", "items": ["type": "string"]],
                    "indicators": [
                        "type": "array",
                        "items": [
                            "type": "object",
                            "properties": [
                                "indicatorCode": ["type": "string"],
                                "monitoringType": ["type": "string", "enum": ["proces", "output", "outcome"]],
                                "note": ["type": "string"]
                            ]
                        ]
                    ],
                    "logicModel": ["type": "object", "nullable": true], "isExample": ["type": "boolean"],
                    "progress": OpenAPIRegistry.ref("PlanProgress"),
                    "targets": ["type": "array", "items": ["type": "string"]],
                    "contributesTo": [
                        "type": "array", "items": OpenAPIRegistry.ref("PlanLink"),
                        "description": "Doelen van andere plannen waaraan dit doel bijdraagt"
                    ],
                    "contributors": [
                        "type": "array", "items": OpenAPIRegistry.ref("PlanLink"),
                        "description": "Doelen van andere plannen die aan dit doel bijdragen"
                    ],
                    "children": ["type": "array", "items": OpenAPIRegistry.ref("PlanNode")]
                ]
            ])
        registry.schema(
            "PlanLink",
            [
                "type": "object", "required": ["plan", "planTitle", "organisation", "nodeKey", "nodeTitle"],
                "properties": [
                    "plan": ["type": "string", "example": "regioplan-iza-flevoland"],
                    "planTitle": ["type": "string"], "organisation": ["type": "string"],
                    "nodeKey": ["type": "string", "example": "B1.doel"], "nodeTitle": ["type": "string"],
                    "note": ["type": "string", "nullable": true]
                ]
            ])
        registry.schema(
            "PlanDetail",
            [
                "type": "object", "required": ["plan", "levels", "tree"],
                "properties": [
                    "plan": OpenAPIRegistry.ref("PlanSummary"),
                    "levels": ["type": "array", "items": ["type": "string"]],
                    "periodColumns": ["type": "array", "items": ["type": "string"]],
                    "notes": ["type": "array", "items": ["type": "string"]],
                    "tree": ["type": "array", "items": OpenAPIRegistry.ref("PlanNode")]
                ]
            ])
    }

    static func targetSchema(_ registry: OpenAPIRegistry) {
        registry.schema(
            "PlanTarget",
            [
                "type": "object",
                "required": ["key", "nodeKey", "measure", "status", "realisations", "isSmart", "assessments"],
                "properties": [
                    "key": ["type": "string"], "nodeKey": ["type": "string"], "measure": ["type": "string"],
                    "unit": ["type": "string"],
                    "direction": ["type": "string", "enum": ["increase", "decrease", "atLeast", "atMost", "count"]],
                    "baselineValue": ["type": "number"], "baselineDate": ["type": "string", "format": "date"],
                    "targetValue": ["type": "number"],
                    "targetDate": ["type": "string", "format": "date", "nullable": true],
                    "indicatorCode": ["type": "string", "nullable": true],
                    "responsible": ["type": "string", "nullable": true],
                    "currentValue": ["type": "number", "nullable": true],
                    "currentDate": ["type": "string", "nullable": true],
                    "status": [
                        "type": "string", "enum": ["offTrack", "atRisk", "onTrack", "achieved", "noData"],
                        "description":
                            "Berekend, nooit ingevoerd; bij een inspanningsdoel (isSmart false) de laatste beoordeling"
                    ],
                    "isSmart": ["type": "boolean", "description": "false: inspanningsdoel, kwalitatief beoordeeld"],
                    "assessments": [
                        "type": "array",
                        "items": [
                            "type": "object",
                            "required": ["judgement", "label", "explanation", "date", "isExample"],
                            "properties": [
                                "judgement": [
                                    "type": "string",
                                    "enum": .array(
                                        QualitativeAssessment.Judgement.allCases.map { .string($0.rawValue) })
                                ],
                                "label": ["type": "string", "example": "aandacht nodig"],
                                "explanation": ["type": "string"], "date": ["type": "string", "format": "date"],
                                "period": ["type": "string", "nullable": true],
                                "assessedBy": ["type": "string", "nullable": true, "description": "Alleen met sessie"],
                                "isExample": ["type": "boolean"]
                            ]
                        ]
                    ],
                    "archived": [
                        "type": "object", "nullable": true, "required": ["reason", "archivedAt"],
                        "description": "Gezet bij een gearchiveerde doelstelling (telt niet mee in de voortgang)",
                        "properties": [
                            "reason": ["type": "string"], "archivedAt": ["type": "string", "format": "date-time"],
                            "archivedBy": ["type": "string", "nullable": true, "description": "Alleen met sessie"]
                        ]
                    ],
                    "statusLabel": ["type": "string"], "isExample": ["type": "boolean"],
                    "realisations": [
                        "type": "array",
                        "items": [
                            "type": "object",
                            "properties": [
                                "period": ["type": "string"], "value": ["type": "number"],
                                "date": ["type": "string", "format": "date"],
                                "evidence": ["type": "string", "description": "Alleen met sessie"],
                                "evidenceLink": ["type": "string"], "isExample": ["type": "boolean"]
                            ]
                        ]
                    ]
                ]
            ])
    }

    static func budgetSchema(_ registry: OpenAPIRegistry) {
        registry.schema(
            "PlanBudget",
            [
                "type": "object", "required": ["key", "title", "unitCents", "columns", "lines"],
                "properties": [
                    "key": ["type": "string"], "title": ["type": "string"],
                    "unitCents": ["type": "integer", "description": "Waarde van één eenheid in de bron, in centen"],
                    "columns": ["type": "array", "items": ["type": "object"]],
                    "lines": [
                        "type": "array",
                        "items": [
                            "type": "object",
                            "properties": [
                                "section": ["type": "string"], "key": ["type": "string"], "label": ["type": "string"],
                                "category": ["type": "string"],
                                "cents": ["type": "array", "items": ["type": "integer"]],
                                "totalCents": ["type": "integer", "nullable": true],
                                "actualCents": ["type": "object", "additionalProperties": ["type": "integer"]]
                            ]
                        ]
                    ],
                    "sectionTotalsCents": [
                        "type": "object", "additionalProperties": ["type": "array", "items": ["type": "integer"]]
                    ],
                    "discrepancies": ["type": "array", "items": ["type": "string"]], "isExample": ["type": "boolean"]
                ]
            ])
    }

    static func paths(_ registry: OpenAPIRegistry) {
        let key = OpenAPIRegistry.pathParameter("plan", "Sleutel van het plan, bv. flever-jaarplan-2025")
        registry.add(
            "GET", PlanURL.apiPlans.openAPIPath, summary: "Alle plannen met status en voortgang", tag: "Plannen",
            response: OpenAPIRegistry.array(of: OpenAPIRegistry.ref("PlanSummary")),
            description: "Zonder sessie alleen vastgestelde en afgesloten plannen.")
        registry.add(
            "GET", PlanURL.apiPlan(.key).openAPIPath, summary: "Eén plan met zijn doelenboom en de voortgang per doel",
            tag: "Plannen",
            parameters: [key], response: OpenAPIRegistry.ref("PlanDetail"))
        registry.add(
            "GET", PlanURL.apiTargets(plan: .key).openAPIPath,
            summary: "Doelstellingen met realisaties en berekende status, inspanningsdoelen met beoordelingen, "
                + "gearchiveerde doelstellingen achteraan", tag: "Plannen",
            parameters: [key], response: OpenAPIRegistry.array(of: OpenAPIRegistry.ref("PlanTarget")))
        registry.add(
            "GET", PlanURL.apiBudgets(plan: .key).openAPIPath,
            summary: "Begrotingstabellen in centen, met berekende totalen en verschillen", tag: "Plannen",
            parameters: [key], response: OpenAPIRegistry.array(of: OpenAPIRegistry.ref("PlanBudget")))
    }
}
