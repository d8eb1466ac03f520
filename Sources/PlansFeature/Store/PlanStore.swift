import AppCore
import Fluent
import MonitorFeature
import Vapor
import VitaalDomain

/// A stored plan with its domain value (for status, roll-up, validation and budget checks).
struct LoadedPlan {
    var record: PlanRecord
    var organisation: Organisation
    var plan: Plan
    var nodes: [GoalNodeRecord]
    var targets: [TargetRecord]
    /// Realisation rows per target key, oldest first (for evidence and the example flag).
    var realisations: [String: [RealisationRecord]]
    var budgetTables: [BudgetTableRecord]
    var entries: [UUID: [BudgetEntryRecord]]
    /// Who the plan was loaded for: with `.public`, internal monitor indicators are left out of the
    /// goal tree, their codes are masked on targets and monitor values follow the public disclosure
    /// rules (see `PlanStore.load`).
    var audience: MonitorAudience = .internal
    /// Personnel rows that could not be read (e.g. stored before the bounds existed), as Dutch messages.
    var personnelProblems: [String] = []
    /// Plan links (#16) by own goal key: the goals of other plans it contributes to (bijdrage aan) …
    var contributesTo: [String: [LinkedGoal]] = [:]
    /// … and the goals of other plans that contribute to it.
    var contributors: [String: [LinkedGoal]] = [:]

    var id: UUID { record.id! }
    var key: String { record.key }
    /// Is this plan visible without logging in? Only vastgesteld and afgesloten plans are public.
    var isPublished: Bool { [.vastgesteld, .afgesloten].contains(plan.status) }
    func target(_ key: String) -> TargetRecord? { targets.first { $0.key == key } }
    func budgetTable(_ key: String) -> (BudgetTableRecord, BudgetTable)? {
        guard let r = budgetTables.first(where: { $0.key == key }), let t = plan.budgets.first(where: { $0.key == key })
        else { return nil }
        return (r, t)
    }
    /// Actual amounts entered against budget cells: [table key: [line key: [column key: Money]]].
    func actuals(table: BudgetTableRecord) -> [String: [String: Money]] {
        var out: [String: [String: Money]] = [:]
        for e in entries[table.id!] ?? [] {
            if let a = e.actualCents { out[e.lineKey, default: [:]][e.columnKey] = Money(cents: a) }
        }
        return out
    }
}

enum PlanStore {
    // MARK: Loading

    static func all(on db: any Database) async throws -> [PlanRecord] {
        try await PlanRecord.query(on: db).with(\.$organisation).sort(\.$periodStart, .descending).sort(\.$title).all()
    }

    /// Loads the plan with `key` for `audience` (see `load(record:audience:on:)`); 404 when unknown.
    static func load(key: String, audience: MonitorAudience = .public, on db: any Database) async throws -> LoadedPlan {
        guard let record = try await PlanRecord.query(on: db).filter(\.$key == key).with(\.$organisation).first() else {
            throw VitaalError(.notFound, "Onbekend plan \"\(key)\".")
        }
        return try await load(record: record, audience: audience, on: db)
    }

    /// The text that replaces an internal indicator's code on a target for the public.
    static let maskedIndicator = "(interne indicator)"

    /// Loads a plan with everything it shows. `audience` decides what the monitor contributes:
    /// `.internal` (logged-in readers) gets the stored monitor values; `.public` (anonymous
    /// visitors, the default) gets `MonitorLookup`'s public values (internal indicators yield
    /// nothing, small counts are suppressed), goal nodes lose their links to internal indicators
    /// (code and note), and a target sourced from an internal indicator shows `maskedIndicator`.
    static func load(record: PlanRecord, audience: MonitorAudience = .public, on db: any Database) async throws
        -> LoadedPlan
    {
        let planID = record.id!
        let nodes = try await GoalNodeRecord.query(on: db).filter(\.$plan.$id == planID).sort(\.$sortOrder).all()
        let nodeIDs = nodes.compactMap(\.id)
        let links =
            nodeIDs.isEmpty ? [] : try await IndicatorLinkRecord.query(on: db).filter(\.$node.$id ~~ nodeIDs).all()
        let linksByNode = Dictionary(grouping: links, by: { $0.$node.id })
        let targets = try await TargetRecord.query(on: db).filter(\.$plan.$id == planID).sort(\.$sortOrder).all()
        let targetIDs = targets.compactMap(\.id)
        let realisations =
            targetIDs.isEmpty
            ? []
            : try await RealisationRecord.query(on: db).filter(\.$target.$id ~~ targetIDs)
                .sort(\.$date).all()
        var realisationsByTarget = Dictionary(grouping: realisations, by: { $0.$target.id })
        let assessments =
            targetIDs.isEmpty
            ? []
            : try await TargetAssessmentRecord.query(on: db).filter(\.$target.$id ~~ targetIDs).sort(\.$date)
                .sort(\.$createdAt).all()
        let assessmentsByTarget = Dictionary(grouping: assessments, by: { $0.$target.id })
        // Targets whose source is a monitor indicator also read their realisations from the monitor.
        for t in targets {
            guard let code = t.indicatorCode?.trimmingCharacters(in: .whitespaces), !code.isEmpty else { continue }
            let fromMonitor = try await MonitorRealisations.read(indicator: code, target: t, audience: audience, on: db)
            let manualDates = Set((realisationsByTarget[t.id!] ?? []).map(\.date))
            realisationsByTarget[t.id!, default: []] += fromMonitor.filter { !manualDates.contains($0.date) }
            realisationsByTarget[t.id!]?.sort { $0.date < $1.date }
        }
        let tables = try await BudgetTableRecord.query(on: db).filter(\.$plan.$id == planID).sort(\.$sortOrder).all()
        let tableIDs = tables.compactMap(\.id)
        let entries =
            tableIDs.isEmpty
            ? [] : try await BudgetEntryRecord.query(on: db).filter(\.$table.$id ~~ tableIDs).sort(\.$sortOrder).all()
        let entriesByTable = Dictionary(grouping: entries, by: { $0.$table.id })
        let personnel = try await PersonnelRecord.query(on: db).filter(\.$plan.$id == planID).sort(\.$year, .descending)
            .all()

        let organisation = try await record.$organisation.get(on: db)
        // Codes the public must not see: the monitor's internal indicators.
        var internalCodes: Set<String> = []
        if audience == .public {
            let all = try await MonitorLookup.indicators(audience: .internal, on: db)
            internalCodes = Set(all.filter { !$0.isPublic }.map(\.code))
        }
        var realisationRows: [String: [RealisationRecord]] = [:]
        let domainTargets: [SmartTarget] = targets.map { t in
            let rows = realisationsByTarget[t.id!] ?? []
            realisationRows[t.key] = rows
            var target = SmartTarget(
                key: t.key, nodeKey: t.nodeKey, measure: t.measure, unit: t.unit,
                baseline: DatedValue(
                    t.baselineValue, at: (try? PlanDate.parse(t.baselineDate)) ?? PlanDate(1970, 1, 1)!),
                targetValue: t.targetValue, targetDate: t.targetDate.flatMap { try? PlanDate.parse($0) },
                direction: SmartTarget.Direction(rawValue: t.direction) ?? .increase,
                source: t.indicatorCode.map { .indicator(internalCodes.contains($0) ? maskedIndicator : $0) }
                    ?? .manual,
                responsible: t.responsible, sourceText: t.sourceText,
                realisations: rows.compactMap { r in
                    guard let date = try? PlanDate.parse(r.date) else { return nil }
                    return Realisation(
                        period: r.period, value: r.value, date: date, evidence: r.evidence, evidenceLink: r.evidenceLink
                    )
                },
                isExample: t.isExample)
            target.isSmart = t.isSmart
            target.assessments = (assessmentsByTarget[t.id!] ?? []).compactMap(Self.assessment)
            if let at = t.archivedAt {
                target.archive = TargetArchive(
                    reason: t.archivedReason ?? "", archivedBy: t.archivedBy ?? "", archivedAt: at)
            }
            return target
        }
        let domainNodes: [GoalNode] = nodes.map { n in
            GoalNode(
                key: n.key, parent: n.parentKey, level: n.level, title: n.title, text: n.text, owner: n.owner,
                partners: JSONText.decode(n.partnersJSON), periods: JSONText.decode(n.periodsJSON),
                indicators: (linksByNode[n.id!] ?? []).filter { !internalCodes.contains($0.indicatorCode) }.map {
                    IndicatorLink(
                        $0.indicatorCode, MonitoringType(rawValue: $0.monitoringType) ?? .outcome, note: $0.note)
                },
                logicModel: JSONText.decodeOptional(LogicModel.self, n.logicModelJSON),
                sourceRef: n.sourceRef, isExample: n.isExample)
        }
        let budgets = tables.map { budgetTable(from: $0, entries: entriesByTable[$0.id!] ?? []) }
        var personnelProblems: [String] = []
        let personnelFigures: [PersonnelFigures] = personnel.compactMap { p in
            let fte = "\(p.fteHundredths / 100),\(String(format: "%02d", (p.fteHundredths % 100).magnitude))"
            do {
                return try PersonnelFigures(
                    year: p.year, kind: BudgetKind(rawValue: p.kind) ?? .budget, employees: p.employees, fte: fte,
                    programmeHours: p.programmeHours, indirectHours: p.indirectHours,
                    statedProgrammeShare: p.statedProgrammeShare, statedIndirectShare: p.statedIndirectShare)
            } catch {
                let reason =
                    (error as? VitaalError)?.problems.first?.message ?? (error as? VitaalError)?.message ?? "\(error)"
                personnelProblems.append("Personeel \(p.year) wordt niet getoond: \(reason)")
                return nil
            }
        }
        let period = PlanPeriod(
            start: (try? PlanDate.parse(record.periodStart)) ?? PlanDate(1970, 1, 1)!,
            end: (try? PlanDate.parse(record.periodEnd)) ?? PlanDate(1970, 1, 1)!)
        let plan = Plan(
            key: record.key, title: record.title, owner: record.ownerName, version: record.version, period: period,
            status: record.planStatus, levels: record.levels, periodColumns: record.periodColumns, nodes: domainNodes,
            targets: domainTargets.filter { $0.archive == nil }, budgets: budgets, personnel: personnelFigures,
            previousVersionKey: record.previousKey, source: record.source, notes: record.notes)
        var withArchive = plan
        withArchive.archivedTargets = domainTargets.filter { $0.archive != nil }
        let planLinks = try await PlanLinkStore.load(nodes: nodes, audience: audience, on: db)
        return LoadedPlan(
            record: record, organisation: organisation, plan: withArchive, nodes: nodes, targets: targets,
            realisations: realisationRows, budgetTables: tables, entries: entriesByTable,
            audience: audience, personnelProblems: personnelProblems, contributesTo: planLinks.contributesTo,
            contributors: planLinks.contributors)
    }

    /// The domain value of a stored assessment (nil for a row with an unreadable date or judgement).
    static func assessment(_ row: TargetAssessmentRecord) -> QualitativeAssessment? {
        guard let date = try? PlanDate.parse(row.date),
            let judgement = QualitativeAssessment.Judgement(rawValue: row.judgement)
        else { return nil }
        return QualitativeAssessment(
            judgement: judgement, explanation: row.explanation, date: date, period: row.period,
            assessedBy: row.assessedBy, isExample: row.isExample)
    }

    static func makeAssessment(_ a: QualitativeAssessment, targetID: UUID) -> TargetAssessmentRecord {
        let row = TargetAssessmentRecord()
        row.$target.id = targetID
        row.judgement = a.judgement.rawValue
        row.explanation = a.explanation
        row.date = a.date.description
        row.period = a.period
        row.assessedBy = a.assessedBy
        row.isExample = a.isExample
        return row
    }

    static func budgetTable(from record: BudgetTableRecord, entries: [BudgetEntryRecord]) -> BudgetTable {
        let columns: [BudgetColumn] = JSONText.decode(record.columnsJSON)
        let sections: [BudgetTableRecord.SectionMeta] = JSONText.decode(record.sectionsJSON)
        let bySection = Dictionary(grouping: entries, by: \.sectionKey)
        return BudgetTable(
            key: record.key, title: record.title, unit: Money(cents: record.unitCents), columns: columns,
            hasTotalColumn: record.hasTotalColumn,
            sections: sections.map { meta in
                let rows = bySection[meta.key] ?? []
                var lineOrder: [String] = []
                for r in rows where !lineOrder.contains(r.lineKey) { lineOrder.append(r.lineKey) }
                let lines: [BudgetLine] = lineOrder.map { lineKey in
                    let cells = rows.filter { $0.lineKey == lineKey }
                    let first = cells[0]
                    let byColumn = Dictionary(cells.map { ($0.columnKey, $0) }, uniquingKeysWith: { a, _ in a })
                    let percents = columns.map { byColumn[$0.key]?.statedPercent }
                    return BudgetLine(
                        key: lineKey, label: first.lineLabel,
                        category: BudgetCategory(rawValue: first.category) ?? .other,
                        cells: columns.compactMap { byColumn[$0.key]?.cell },
                        total: byColumn[BudgetEntryRecord.totalColumn]?.cell,
                        statedPercents: percents.contains { $0 != nil } ? percents : [])
                }
                return BudgetSection(
                    key: meta.key, label: meta.label, lines: lines, statedTotals: meta.statedTotals,
                    statedGrandTotal: meta.statedGrandTotal)
            },
            sourceRef: record.sourceRef, notes: JSONText.decode(record.notesJSON), isExample: record.isExample)
    }

    // MARK: Saving

    /// Organisation slug for a plan owner as the sources name it.
    static func organisationSlug(forOwner owner: String) -> String {
        switch owner {
        case "Zorgzaam Flevoland": "netwerkbureau-zorgzaam-flevoland"
        default: Slug.make(owner)
        }
    }

    /// Stores a complete domain plan (tree, targets with realisations, budgets, personnel) for
    /// `organisationID`. `exampleRealisations` names realisations (by target key) that are example data.
    @discardableResult
    static func create(
        _ plan: Plan, organisationID: UUID, exampleRealisationTargets: Set<String> = [], createdBy: String? = nil,
        on db: any Database
    ) async throws -> PlanRecord {
        let record = PlanRecord()
        record.key = plan.key
        record.title = plan.title
        record.$organisation.id = organisationID
        record.ownerName = plan.owner
        record.version = plan.version
        record.periodStart = plan.period.start.description
        record.periodEnd = plan.period.end.description
        record.status = plan.status.rawValue
        record.levelsJSON = JSONText.encode(plan.levels)
        record.periodColumnsJSON = JSONText.encode(plan.periodColumns)
        record.previousKey = plan.previousVersionKey
        record.source = plan.source
        record.notesJSON = JSONText.encode(plan.notes)
        try await record.create(on: db)
        let planID = record.id!
        for (i, node) in plan.nodes.enumerated() {
            let n = GoalNodeRecord()
            n.$plan.id = planID
            n.key = node.key
            n.parentKey = node.parentKey
            n.level = node.level
            n.title = node.title
            n.text = node.text
            n.owner = node.owner
            n.partnersJSON = JSONText.encode(node.partners)
            n.periodsJSON = JSONText.encode(node.periods)
            n.logicModelJSON = node.logicModel.map { JSONText.encode($0) }
            n.sourceRef = node.sourceRef
            n.isExample = node.isExample
            n.sortOrder = i
            try await n.create(on: db)
            for link in node.indicators {
                let l = IndicatorLinkRecord()
                l.$node.id = n.id!
                l.indicatorCode = link.indicatorCode
                l.monitoringType = link.monitoringType.rawValue
                l.note = link.note
                try await l.create(on: db)
            }
        }
        for (i, target) in plan.targets.enumerated() {
            let t = makeTarget(target, planID: planID, sortOrder: i)
            try await t.create(on: db)
            for r in target.realisations {
                try await makeRealisation(
                    r, targetID: t.id!, isExample: exampleRealisationTargets.contains(target.key), createdBy: createdBy
                ).create(on: db)
            }
            for a in target.assessments { try await makeAssessment(a, targetID: t.id!).create(on: db) }
        }
        for (i, table) in plan.budgets.enumerated() {
            try await createBudgetTable(table, planID: planID, sortOrder: i, on: db)
        }
        for p in plan.personnel {
            let r = PersonnelRecord()
            r.$plan.id = planID
            r.year = p.year
            r.kind = p.kind.rawValue
            r.employees = p.employees
            r.fteHundredths = p.fteHundredths
            r.programmeHours = p.programmeHours
            r.indirectHours = p.indirectHours
            r.statedProgrammeShare = p.statedProgrammeShare
            r.statedIndirectShare = p.statedIndirectShare
            try await r.create(on: db)
        }
        return record
    }

    static func makeTarget(_ target: SmartTarget, planID: UUID, sortOrder: Int) -> TargetRecord {
        let t = TargetRecord()
        t.$plan.id = planID
        t.key = target.key
        t.nodeKey = target.nodeKey
        t.measure = target.measure
        t.unit = target.unit
        t.baselineValue = target.baseline.value
        t.baselineDate = target.baseline.date.description
        t.targetValue = target.targetValue
        t.targetDate = target.targetDate?.description
        t.direction = target.direction.rawValue
        if case .indicator(let code) = target.source { t.indicatorCode = code } else { t.indicatorCode = nil }
        t.responsible = target.responsible
        t.sourceText = target.sourceText
        t.isExample = target.isExample
        t.sortOrder = sortOrder
        t.isSmart = target.isSmart
        t.archivedReason = target.archive?.reason
        t.archivedBy = target.archive?.archivedBy
        t.archivedAt = target.archive?.archivedAt
        return t
    }

    static func makeRealisation(_ r: Realisation, targetID: UUID, isExample: Bool, createdBy: String?)
        -> RealisationRecord
    {
        let row = RealisationRecord()
        row.$target.id = targetID
        row.period = r.period
        row.value = r.value
        row.date = r.date.description
        row.evidence = r.evidence
        row.evidenceLink = r.evidenceLink
        row.isExample = isExample
        row.createdBy = createdBy
        return row
    }

    static func createBudgetTable(_ table: BudgetTable, planID: UUID, sortOrder: Int, on db: any Database) async throws
    {
        let t = BudgetTableRecord()
        t.$plan.id = planID
        t.key = table.key
        t.title = table.title
        t.unitCents = table.unit.cents
        t.hasTotalColumn = table.hasTotalColumn
        t.columnsJSON = JSONText.encode(table.columns)
        t.sectionsJSON = JSONText.encode(
            table.sections.map {
                BudgetTableRecord.SectionMeta(
                    key: $0.key, label: $0.label, statedTotals: $0.statedTotals, statedGrandTotal: $0.statedGrandTotal)
            })
        t.sourceRef = table.sourceRef
        t.notesJSON = JSONText.encode(table.notes)
        t.isExample = table.isExample
        t.sortOrder = sortOrder
        try await t.create(on: db)
        var order = 0
        for section in table.sections {
            for line in section.lines {
                func entry(_ cell: BudgetCell, column: BudgetColumn?, percent: Int?) -> BudgetEntryRecord {
                    let e = BudgetEntryRecord()
                    e.$table.id = t.id!
                    e.sectionKey = section.key
                    e.lineKey = line.key
                    e.lineLabel = line.label
                    e.category = line.category.rawValue
                    e.columnKey = column?.key ?? BudgetEntryRecord.totalColumn
                    e.programme = column?.programme
                    e.year = column?.year
                    e.kind = (column?.kind ?? .budget).rawValue
                    e.setCell(cell)
                    e.statedPercent = percent
                    e.sortOrder = order
                    order += 1
                    return e
                }
                for (i, cell) in line.cells.enumerated() where i < table.columns.count {
                    let percent = line.statedPercents.indices.contains(i) ? line.statedPercents[i] : nil
                    try await entry(cell, column: table.columns[i], percent: percent).create(on: db)
                }
                if let total = line.total { try await entry(total, column: nil, percent: nil).create(on: db) }
            }
        }
    }
}

/// Realisations of a target whose source is a monitor indicator, read from the monitor's values for
/// Flevoland (PV24): one per period, dated at the period's last day. They are not stored; a manual
/// realisation on the same date wins. Example values of the monitor stay marked as example data.
enum MonitorRealisations {
    static let region = "PV24"

    static func read(indicator code: String, target: TargetRecord, audience: MonitorAudience, on db: any Database)
        async throws -> [RealisationRecord]
    {
        let series = try await MonitorLookup.series(indicator: code, region: region, audience: audience, on: db)
        return series.compactMap { point -> RealisationRecord? in
            guard let value = point.value, let period = Period(point.period), let date = lastDay(of: period) else {
                return nil
            }
            let r = RealisationRecord()
            r.$target.id = target.id!
            r.period = point.period
            r.value = value
            r.date = date
            r.evidence =
                "Uit de monitor: indicator \(code), Flevoland, periode \(point.period)"
                + (point.status == "voorbeeld" ? " (voorbeelddata)" : "")
            r.isExample = point.status == "voorbeeld"
            r.createdBy = "monitor"
            return r
        }
    }

    /// The last day of a monitor period as `yyyy-mm-dd`.
    static func lastDay(of period: Period) -> String? {
        let month: Int
        switch period.kind {
        case .year: month = 12
        case .quarter: month = period.number * 3
        case .month: month = period.number
        }
        guard (1...12).contains(month) else { return nil }
        let day = PlanDate.daysIn(month: month, year: period.year)
        return String(format: "%04d-%02d-%02d", period.year, month, day)
    }
}
