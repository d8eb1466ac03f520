import AppCore
import Fluent
import Vapor
import VitaalDomain

/// The province's contributions across plans (#16): the page `/plannen/bijdragen`, its CSV and
/// `/api/v1/plans/contributions`. Anonymous visitors get the published plans only, like every plan
/// page and the plans API.
struct PlanContributionsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(PlanURL.contributions, use: page)
        routes.get(PlanURL.contributionsCSV, use: csv)
        routes.get(PlanURL.apiContributions, use: api)
    }

    @Sendable func page(_ req: Request) async throws -> SitePage {
        let context = req.pageContext
        let model = try await ContributionsPage.Model.load(viewer: context.viewer, on: req.db)
        return ContributionsPage.view(model, context)
    }

    @Sendable func csv(_ req: Request) async throws -> Response {
        let model = try await ContributionsPage.Model.load(viewer: req.user?.viewer, on: req.db)
        return Download.csv(
            "bijdragen-provincie.csv", headers: ContributionsPage.Model.csvHeaders, rows: model.csvRows)
    }

    @Sendable func api(_ req: Request) async throws -> ContributionsDTO {
        let model = try await ContributionsPage.Model.load(viewer: req.user?.viewer, on: req.db)
        return ContributionsDTO(model.contributions)
    }
}

// MARK: - JSON

/// Amounts in cents; an amount is absent when nothing is known (no budget, or no actual like with like).
struct ContributionAmountsDTO: Content {
    var budgetCents: Int?
    var actualCents: Int?

    init(_ entries: [ProvinceContributions.Entry]) {
        budgetCents = ProvinceContributions.budget(entries)?.cents
        actualCents = ProvinceContributions.actual(entries)?.cents
    }
}

struct ContributionsDTO: Content {
    struct PlanDTO: Content {
        var plan: String
        var title: String
        var organisation: String
        var budgetCents: Int?
        var actualCents: Int?
        var budgetTable: String?
        var actualTable: String?
    }
    struct CellDTO: Content {
        var source: String
        var year: Int
        var amounts: ContributionAmountsDTO
        var plans: [PlanDTO]
    }
    struct YearTotalDTO: Content {
        var year: Int
        var amounts: ContributionAmountsDTO
    }
    struct SourceTotalDTO: Content {
        var source: String
        var amounts: ContributionAmountsDTO
    }

    var sources: [String]
    var years: [Int]
    var cells: [CellDTO]
    var totalsPerYear: [YearTotalDTO]
    var totalsPerSource: [SourceTotalDTO]
    var total: ContributionAmountsDTO
    var notes: [String]

    init(_ c: ProvinceContributions) {
        sources = c.sources
        years = c.years
        cells = c.sources.flatMap { source in
            c.years.compactMap { year -> CellDTO? in
                let entries = c.entries(source: source, year: year)
                guard !entries.isEmpty else { return nil }
                return CellDTO(
                    source: source, year: year, amounts: ContributionAmountsDTO(entries),
                    plans: entries.map {
                        PlanDTO(
                            plan: $0.planKey, title: $0.planTitle, organisation: $0.organisation,
                            budgetCents: $0.budget?.cents, actualCents: $0.actual?.cents, budgetTable: $0.budgetTable,
                            actualTable: $0.actualTable)
                    })
            }
        }
        totalsPerYear = c.years.map { YearTotalDTO(year: $0, amounts: ContributionAmountsDTO(c.entries(year: $0))) }
        totalsPerSource = c.sources.map {
            SourceTotalDTO(source: $0, amounts: ContributionAmountsDTO(c.entries(source: $0)))
        }
        total = ContributionAmountsDTO(c.entries)
        notes = c.notes
    }
}

extension PlanContributionsController {
    static func registerOpenAPI(_ registry: OpenAPIRegistry) {
        let amounts: JSONValue = [
            "type": "object", "additionalProperties": false,
            "properties": [
                "budgetCents": ["type": "integer", "description": "Begroot, in centen; ontbreekt als niets begroot is"],
                "actualCents": [
                    "type": "integer",
                    "description": "Werkelijk, in centen; ontbreekt als er geen werkelijk bedrag van dezelfde cellen is"
                ]
            ]
        ]
        registry.schema("ContributionAmounts", amounts)
        let plan: JSONValue = [
            "type": "object", "additionalProperties": false, "required": ["plan", "title", "organisation"],
            "properties": [
                "plan": ["type": "string", "example": "flever-jaarplan-2025"], "title": ["type": "string"],
                "organisation": ["type": "string"], "budgetCents": ["type": "integer"],
                "actualCents": ["type": "integer"], "budgetTable": ["type": "string"],
                "actualTable": ["type": "string"]
            ]
        ]
        let cell: JSONValue = [
            "type": "object", "additionalProperties": false, "required": ["source", "year", "amounts", "plans"],
            "properties": [
                "source": ["type": "string", "example": "Subsidie Provincie Flevoland (langlopend)"],
                "year": ["type": "integer"], "amounts": OpenAPIRegistry.ref("ContributionAmounts"),
                "plans": OpenAPIRegistry.array(of: plan)
            ]
        ]
        registry.schema(
            "ProvinceContributions",
            [
                "type": "object", "additionalProperties": false,
                "required": ["sources", "years", "cells", "totalsPerYear", "totalsPerSource", "total", "notes"],
                "properties": [
                    "sources": OpenAPIRegistry.array(of: ["type": "string"]),
                    "years": OpenAPIRegistry.array(of: ["type": "integer"]),
                    "cells": OpenAPIRegistry.array(of: cell),
                    "totalsPerYear": OpenAPIRegistry.array(of: [
                        "type": "object", "additionalProperties": false, "required": ["year", "amounts"],
                        "properties": [
                            "year": ["type": "integer"], "amounts": OpenAPIRegistry.ref("ContributionAmounts")
                        ]
                    ]),
                    "totalsPerSource": OpenAPIRegistry.array(of: [
                        "type": "object", "additionalProperties": false, "required": ["source", "amounts"],
                        "properties": [
                            "source": ["type": "string"], "amounts": OpenAPIRegistry.ref("ContributionAmounts")
                        ]
                    ]),
                    "total": OpenAPIRegistry.ref("ContributionAmounts"),
                    "notes": OpenAPIRegistry.array(of: ["type": "string"])
                ]
            ])
        registry.add(
            "GET", PlanURL.apiContributions.openAPIPath,
            summary: "Bijdragen van de provincie per financieringsbron en jaar, over alle plannen", tag: "Plannen",
            response: OpenAPIRegistry.ref("ProvinceContributions"),
            description: "Begrotingsregels met categorie \"Subsidie provincie\"; de financieringsbron is de naam van "
                + "de regel. Zonder sessie alleen vastgestelde en afgesloten plannen.")
    }
}
