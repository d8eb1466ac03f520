import Vapor
import Fluent
import AppCore
import VitaalDomain

/// `/api/v1/plans`: list, detail with the goal tree, targets with computed status, budgets.
/// Anonymous clients see published plans (vastgesteld, afgesloten) only; evidence text needs a session.
struct PlanAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1", "plans")
        api.get(use: list)
        api.get(":plan", use: detail)
        api.get(":plan", "targets", use: targets)
        api.get(":plan", "budgets", use: budgets)
    }

    struct RollUpDTO: Content {
        var status: String
        var label: String
        var counts: [String: Int]
        init(_ r: StatusRollUp) {
            status = r.status.rawValue; label = r.status.label
            counts = Dictionary(uniqueKeysWithValues: r.counts.map { ($0.key.rawValue, $0.value) })
        }
    }
    struct PlanSummaryDTO: Content {
        var key: String; var title: String; var owner: String; var organisation: String
        var periodStart: String; var periodEnd: String; var version: Int; var status: String
        var previousVersion: String?; var progress: RollUpDTO
    }
    struct IndicatorLinkDTO: Content { var indicatorCode: String; var monitoringType: String; var note: String? }
    struct NodeDTO: Content {
        var key: String; var level: Int; var levelName: String; var title: String; var text: String
        var owner: String?; var partners: [String]; var periods: [String]; var indicators: [IndicatorLinkDTO]
        var logicModel: LogicModel?; var isExample: Bool; var progress: RollUpDTO; var targets: [String]; var children: [NodeDTO]
    }
    struct PlanDetailDTO: Content {
        var plan: PlanSummaryDTO; var levels: [String]; var periodColumns: [String]; var notes: [String]; var tree: [NodeDTO]
    }
    struct RealisationDTO: Content {
        var period: String?; var value: Double; var date: String; var evidence: String?; var evidenceLink: String?; var isExample: Bool
    }
    struct TargetDTO: Content {
        var key: String; var nodeKey: String; var measure: String; var unit: String; var direction: String
        var baselineValue: Double; var baselineDate: String; var targetValue: Double; var targetDate: String?
        var indicatorCode: String?; var responsible: String?; var currentValue: Double?; var currentDate: String?
        var status: String; var statusLabel: String; var isExample: Bool; var realisations: [RealisationDTO]
    }
    struct BudgetLineDTO: Content {
        var section: String; var key: String; var label: String; var category: String
        var cents: [Int]; var totalCents: Int?; var actualCents: [String: Int]
    }
    struct BudgetDTO: Content {
        var key: String; var title: String; var unitCents: Int; var columns: [BudgetColumn]; var lines: [BudgetLineDTO]
        var sectionTotalsCents: [String: [Int]]; var discrepancies: [String]; var isExample: Bool
    }

    static func summary(_ loaded: LoadedPlan) -> PlanSummaryDTO {
        let p = loaded.plan
        return PlanSummaryDTO(key: p.key, title: p.title, owner: p.owner, organisation: loaded.organisation.slug,
                              periodStart: p.period.start.description, periodEnd: p.period.end.description, version: p.version,
                              status: p.status.rawValue, previousVersion: p.previousVersionKey, progress: RollUpDTO(p.rollUp()))
    }

    @Sendable func list(_ req: Request) async throws -> [PlanSummaryDTO] {
        var out: [PlanSummaryDTO] = []
        for record in try await PlanStore.all(on: req.db) {
            guard req.user != nil || [PlanStatus.vastgesteld, .afgesloten].contains(record.planStatus) else { continue }
            let loaded = try await PlanStore.load(record: record, audience: PlanPagesController.audience(req), on: req.db)
            if loaded.isPublished || req.user != nil { out.append(Self.summary(loaded)) }
        }
        return out
    }

    @Sendable func detail(_ req: Request) async throws -> PlanDetailDTO {
        let loaded = try await PlanPagesController.loadVisible(req)
        let plan = loaded.plan
        var visited: Set<String> = []
        func node(_ n: GoalNode) -> NodeDTO {
            visited.insert(n.key)
            return NodeDTO(key: n.key, level: n.level, levelName: plan.levelName(of: n), title: n.title, text: n.text, owner: n.owner,
                           partners: n.partners, periods: n.periods,
                           indicators: n.indicators.map { IndicatorLinkDTO(indicatorCode: $0.indicatorCode, monitoringType: $0.monitoringType.rawValue, note: $0.note) },
                           logicModel: n.logicModel, isExample: n.isExample, progress: RollUpDTO(plan.rollUp(n.key)),
                           targets: plan.targets(of: n.key).map(\.key),
                           children: plan.children(of: n.key).filter { !visited.contains($0.key) }.map(node))
        }
        let keys = Set(plan.nodes.map(\.key))
        let roots = plan.nodes.filter { $0.parentKey == nil || !keys.contains($0.parentKey!) }
        return PlanDetailDTO(plan: Self.summary(loaded), levels: plan.levels, periodColumns: plan.periodColumns, notes: plan.notes,
                             tree: roots.map(node))
    }

    @Sendable func targets(_ req: Request) async throws -> [TargetDTO] {
        let loaded = try await PlanPagesController.loadVisible(req)
        let evidence = PlanAccess.showsEvidence(req)
        return loaded.plan.targets.map { t in
            let current = t.currentValue()
            let status = t.status()
            let indicator: String? = { if case .indicator(let c) = t.source { return c }; return nil }()
            return TargetDTO(key: t.key, nodeKey: t.nodeKey, measure: t.measure, unit: t.unit, direction: t.direction.rawValue,
                             baselineValue: t.baseline.value, baselineDate: t.baseline.date.description, targetValue: t.targetValue,
                             targetDate: t.targetDate?.description, indicatorCode: indicator, responsible: t.responsible,
                             currentValue: current?.value, currentDate: current?.date.description, status: status.rawValue,
                             statusLabel: status.label, isExample: t.isExample,
                             realisations: (loaded.realisations[t.key] ?? []).map {
                                 RealisationDTO(period: $0.period, value: $0.value, date: $0.date, evidence: evidence ? $0.evidence : nil,
                                                evidenceLink: evidence ? $0.evidenceLink : nil, isExample: $0.isExample)
                             })
        }
    }

    @Sendable func budgets(_ req: Request) async throws -> [BudgetDTO] {
        let loaded = try await PlanPagesController.loadVisible(req)
        return zip(loaded.budgetTables, loaded.plan.budgets).map { record, table in
            let actuals = loaded.actuals(table: record)
            var lines: [BudgetLineDTO] = []
            var totals: [String: [Int]] = [:]
            for section in table.sections {
                for line in section.lines {
                    lines.append(BudgetLineDTO(section: section.key, key: line.key, label: line.label, category: line.category.rawValue,
                                               cents: line.cells.map(\.value.cents), totalCents: line.total?.value.cents,
                                               actualCents: (actuals[line.key] ?? [:]).mapValues(\.cents)))
                }
                totals[section.key] = table.columns.indices.map { table.computedTotal(section: section.key, column: $0).cents }
            }
            // Amounts too large to add up (stored before the input bound): no totals, the reason instead.
            if let error = table.arithmeticError {
                return BudgetDTO(key: table.key, title: table.title, unitCents: table.unit.cents, columns: table.columns, lines: lines,
                                 sectionTotalsCents: [:], discrepancies: [error.message], isExample: table.isExample)
            }
            return BudgetDTO(key: table.key, title: table.title, unitCents: table.unit.cents, columns: table.columns, lines: lines,
                             sectionTotalsCents: totals, discrepancies: table.check(percentTolerance: 0).map(\.message), isExample: table.isExample)
        }
    }

    static func registerOpenAPI(_ registry: OpenAPIRegistry) {
        let rollUp: JSONValue = ["type": "object", "required": ["status", "label", "counts"], "properties": [
            "status": ["type": "string", "enum": ["offTrack", "atRisk", "onTrack", "achieved", "noData"]],
            "label": ["type": "string", "example": "op koers"],
            "counts": ["type": "object", "additionalProperties": ["type": "integer"], "description": "Aantal doelstellingen per status"],
        ]]
        registry.schema("PlanProgress", rollUp)
        registry.schema("PlanSummary", ["type": "object", "required": ["key", "title", "owner", "organisation", "periodStart", "periodEnd", "version", "status", "progress"],
            "properties": [
                "key": ["type": "string", "example": "flever-jaarplan-2025"], "title": ["type": "string"], "owner": ["type": "string"],
                "organisation": ["type": "string", "description": "Code (slug) van de eigenaar"],
                "periodStart": ["type": "string", "format": "date"], "periodEnd": ["type": "string", "format": "date"],
                "version": ["type": "integer"], "status": ["type": "string", "enum": ["concept", "ingediend", "vastgesteld", "afgesloten"]],
                "previousVersion": ["type": "string", "nullable": true], "progress": OpenAPIRegistry.ref("PlanProgress"),
            ]])
        registry.schema("PlanNode", ["type": "object", "required": ["key", "level", "levelName", "title", "progress", "children"],
            "properties": [
                "key": ["type": "string"], "level": ["type": "integer"], "levelName": ["type": "string", "example": "Doel 2025"],
                "title": ["type": "string"], "text": ["type": "string"], "owner": ["type": "string", "nullable": true],
                "partners": ["type": "array", "items": ["type": "string"]], "periods": ["type": "array", "items": ["type": "string"]],
                "indicators": ["type": "array", "items": ["type": "object", "properties": [
                    "indicatorCode": ["type": "string"], "monitoringType": ["type": "string", "enum": ["proces", "output", "outcome"]], "note": ["type": "string"]]]],
                "logicModel": ["type": "object", "nullable": true], "isExample": ["type": "boolean"],
                "progress": OpenAPIRegistry.ref("PlanProgress"), "targets": ["type": "array", "items": ["type": "string"]],
                "children": ["type": "array", "items": OpenAPIRegistry.ref("PlanNode")],
            ]])
        registry.schema("PlanDetail", ["type": "object", "required": ["plan", "levels", "tree"], "properties": [
            "plan": OpenAPIRegistry.ref("PlanSummary"), "levels": ["type": "array", "items": ["type": "string"]],
            "periodColumns": ["type": "array", "items": ["type": "string"]], "notes": ["type": "array", "items": ["type": "string"]],
            "tree": ["type": "array", "items": OpenAPIRegistry.ref("PlanNode")],
        ]])
        registry.schema("PlanTarget", ["type": "object", "required": ["key", "nodeKey", "measure", "status", "realisations"], "properties": [
            "key": ["type": "string"], "nodeKey": ["type": "string"], "measure": ["type": "string"], "unit": ["type": "string"],
            "direction": ["type": "string", "enum": ["increase", "decrease", "atLeast", "atMost", "count"]],
            "baselineValue": ["type": "number"], "baselineDate": ["type": "string", "format": "date"],
            "targetValue": ["type": "number"], "targetDate": ["type": "string", "format": "date", "nullable": true],
            "indicatorCode": ["type": "string", "nullable": true], "responsible": ["type": "string", "nullable": true],
            "currentValue": ["type": "number", "nullable": true], "currentDate": ["type": "string", "nullable": true],
            "status": ["type": "string", "enum": ["offTrack", "atRisk", "onTrack", "achieved", "noData"], "description": "Berekend, nooit ingevoerd"],
            "statusLabel": ["type": "string"], "isExample": ["type": "boolean"],
            "realisations": ["type": "array", "items": ["type": "object", "properties": [
                "period": ["type": "string"], "value": ["type": "number"], "date": ["type": "string", "format": "date"],
                "evidence": ["type": "string", "description": "Alleen met sessie"], "evidenceLink": ["type": "string"], "isExample": ["type": "boolean"]]]],
        ]])
        registry.schema("PlanBudget", ["type": "object", "required": ["key", "title", "unitCents", "columns", "lines"], "properties": [
            "key": ["type": "string"], "title": ["type": "string"], "unitCents": ["type": "integer", "description": "Waarde van één eenheid in de bron, in centen"],
            "columns": ["type": "array", "items": ["type": "object"]],
            "lines": ["type": "array", "items": ["type": "object", "properties": [
                "section": ["type": "string"], "key": ["type": "string"], "label": ["type": "string"], "category": ["type": "string"],
                "cents": ["type": "array", "items": ["type": "integer"]], "totalCents": ["type": "integer", "nullable": true],
                "actualCents": ["type": "object", "additionalProperties": ["type": "integer"]]]]],
            "sectionTotalsCents": ["type": "object", "additionalProperties": ["type": "array", "items": ["type": "integer"]]],
            "discrepancies": ["type": "array", "items": ["type": "string"]], "isExample": ["type": "boolean"],
        ]])
        let key = OpenAPIRegistry.pathParameter("plan", "Sleutel van het plan, bv. flever-jaarplan-2025")
        registry.add("GET", "/api/v1/plans", summary: "Alle plannen met status en voortgang", tag: "Plannen",
                     response: OpenAPIRegistry.array(of: OpenAPIRegistry.ref("PlanSummary")),
                     description: "Zonder sessie alleen vastgestelde en afgesloten plannen.")
        registry.add("GET", "/api/v1/plans/{plan}", summary: "Eén plan met zijn doelenboom en de voortgang per doel", tag: "Plannen",
                     parameters: [key], response: OpenAPIRegistry.ref("PlanDetail"))
        registry.add("GET", "/api/v1/plans/{plan}/targets", summary: "SMART-doelstellingen met realisaties en berekende status", tag: "Plannen",
                     parameters: [key], response: OpenAPIRegistry.array(of: OpenAPIRegistry.ref("PlanTarget")))
        registry.add("GET", "/api/v1/plans/{plan}/budgets", summary: "Begrotingstabellen in centen, met berekende totalen en verschillen", tag: "Plannen",
                     parameters: [key], response: OpenAPIRegistry.array(of: OpenAPIRegistry.ref("PlanBudget")))
    }
}
