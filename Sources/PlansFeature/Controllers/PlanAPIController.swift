import AppCore
import Fluent
import Vapor
import VitaalDomain

/// `/api/v1/plans`: list, detail with the goal tree, targets with computed status, budgets.
/// Anonymous clients see published plans (vastgesteld, afgesloten) only; evidence text needs a session.
struct PlanAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(PlanURL.apiPlans, use: list)
        routes.get(PlanURL.apiPlan(.key), use: detail)
        routes.get(PlanURL.apiTargets(plan: .key), use: targets)
        routes.get(PlanURL.apiBudgets(plan: .key), use: budgets)
    }

    static func summary(_ loaded: LoadedPlan) -> PlanSummaryDTO {
        let p = loaded.plan
        return PlanSummaryDTO(
            key: p.key, title: p.title, owner: p.owner, organisation: loaded.organisation.slug,
            periodStart: p.period.start.description, periodEnd: p.period.end.description, version: p.version,
            status: p.status.rawValue, previousVersion: p.previousVersionKey, progress: RollUpDTO(p.rollUp()))
    }

    @Sendable func list(_ req: Request) async throws -> [PlanSummaryDTO] {
        var out: [PlanSummaryDTO] = []
        for record in try await PlanStore.all(on: req.db) {
            guard req.user != nil || [PlanStatus.vastgesteld, .afgesloten].contains(record.planStatus) else { continue }
            let loaded = try await PlanStore.load(
                record: record, audience: PlanAccess.audience(req.user?.viewer), on: req.db)
            if loaded.isPublished || req.user != nil { out.append(Self.summary(loaded)) }
        }
        return out
    }

    @Sendable func detail(_ req: Request) async throws -> PlanDetailDTO {
        let loaded = try await PlanAccess.loadVisible(req)
        let plan = loaded.plan
        var visited: Set<String> = []
        func node(_ n: GoalNode) -> NodeDTO {
            visited.insert(n.key)
            return NodeDTO(
                key: n.key, level: n.level, levelName: plan.levelName(of: n), title: n.title, text: n.text,
                owner: n.owner,
                partners: n.partners, periods: n.periods,
                indicators: n.indicators.map {
                    IndicatorLinkDTO(
                        indicatorCode: $0.indicatorCode, monitoringType: $0.monitoringType.rawValue, note: $0.note)
                },
                logicModel: n.logicModel, isExample: n.isExample, progress: RollUpDTO(plan.rollUp(n.key)),
                targets: plan.targets(of: n.key).map(\.key),
                contributesTo: (loaded.contributesTo[n.key] ?? []).map(PlanLinkDTO.init),
                contributors: (loaded.contributors[n.key] ?? []).map(PlanLinkDTO.init),
                children: plan.children(of: n.key).filter { !visited.contains($0.key) }.map(node))
        }
        let keys = Set(plan.nodes.map(\.key))
        let roots = plan.nodes.filter { $0.parentKey == nil || !keys.contains($0.parentKey!) }
        return PlanDetailDTO(
            plan: Self.summary(loaded), levels: plan.levels, periodColumns: plan.periodColumns, notes: plan.notes,
            tree: roots.map(node))
    }

    @Sendable func targets(_ req: Request) async throws -> [TargetDTO] {
        let loaded = try await PlanAccess.loadVisible(req)
        let evidence = PlanAccess.showsEvidence(req.user?.viewer)
        // Current targets first, then the archived ones (with `archived` set).
        return (loaded.plan.targets + loaded.plan.archivedTargets).map { t in
            let current = t.currentValue()
            let status = t.status()
            let indicator: String? = {
                if case .indicator(let c) = t.source { return c }
                return nil
            }()
            return TargetDTO(
                key: t.key, nodeKey: t.nodeKey, measure: t.measure, unit: t.unit, direction: t.direction.rawValue,
                baselineValue: t.baseline.value, baselineDate: t.baseline.date.description, targetValue: t.targetValue,
                targetDate: t.targetDate?.description, indicatorCode: indicator, responsible: t.responsible,
                currentValue: current?.value, currentDate: current?.date.description, status: status.rawValue,
                statusLabel: t.statusLabel(), isExample: t.isExample,
                realisations: (loaded.realisations[t.key] ?? []).map {
                    RealisationDTO(
                        period: $0.period, value: $0.value, date: $0.date, evidence: evidence ? $0.evidence : nil,
                        evidenceLink: evidence ? $0.evidenceLink : nil, isExample: $0.isExample)
                },
                isSmart: t.isSmart,
                assessments: t.assessments.map {
                    AssessmentDTO(
                        judgement: $0.judgement.rawValue, label: $0.judgement.label, explanation: $0.explanation,
                        date: $0.date.description, period: $0.period, assessedBy: evidence ? $0.assessedBy : nil,
                        isExample: $0.isExample)
                },
                archived: t.archive.map {
                    ArchiveDTO(reason: $0.reason, archivedAt: $0.archivedAt, archivedBy: evidence ? $0.archivedBy : nil)
                })
        }
    }

    @Sendable func budgets(_ req: Request) async throws -> [BudgetDTO] {
        let loaded = try await PlanAccess.loadVisible(req)
        return zip(loaded.budgetTables, loaded.plan.budgets).map { record, table in
            let actuals = loaded.actuals(table: record)
            var lines: [BudgetLineDTO] = []
            var totals: [String: [Int]] = [:]
            for section in table.sections {
                for line in section.lines {
                    lines.append(
                        BudgetLineDTO(
                            section: section.key, key: line.key, label: line.label, category: line.category.rawValue,
                            cents: line.cells.map(\.value.cents), totalCents: line.total?.value.cents,
                            actualCents: (actuals[line.key] ?? [:]).mapValues(\.cents)))
                }
                totals[section.key] = table.columns.indices.map {
                    table.computedTotal(section: section.key, column: $0).cents
                }
            }
            // Amounts too large to add up (stored before the input bound): no totals, the reason instead.
            if let error = table.arithmeticError {
                return BudgetDTO(
                    key: table.key, title: table.title, unitCents: table.unit.cents, columns: table.columns,
                    lines: lines,
                    sectionTotalsCents: [:], discrepancies: [error.message], isExample: table.isExample)
            }
            return BudgetDTO(
                key: table.key, title: table.title, unitCents: table.unit.cents, columns: table.columns, lines: lines,
                sectionTotalsCents: totals, discrepancies: table.check(percentTolerance: 0).map(\.message),
                isExample: table.isExample)
        }
    }
}
