import Foundation

// MARK: - Lifecycle

/// The lifecycle of a plan: concept → ingediend → vastgesteld → afgesloten.
/// Forward steps go one status at a time; the only backward step is ingediend → concept
/// (a submitted plan sent back for changes). A vastgesteld plan is never reopened: copy it to a
/// new version instead.
public enum PlanStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case concept, ingediend, vastgesteld, afgesloten

    /// Dutch label for pages.
    public var label: String {
        switch self {
        case .concept: "Concept"
        case .ingediend: "Ingediend"
        case .vastgesteld: "Vastgesteld"
        case .afgesloten: "Afgesloten"
        }
    }

    var order: Int { PlanStatus.allCases.firstIndex(of: self)! }

    /// The statuses reachable from this one in one step.
    public var allowedNextStatuses: [PlanStatus] {
        switch self {
        case .concept: [.ingediend]
        case .ingediend: [.vastgesteld, .concept]
        case .vastgesteld: [.afgesloten]
        case .afgesloten: []
        }
    }

    /// Returns `target` when the step is allowed, else throws a `VitaalError` (kind `conflict`)
    /// explaining why in Dutch.
    public func transition(to target: PlanStatus) throws -> PlanStatus {
        let field = SourceLocation(field: "status")
        if target == self {
            throw VitaalError(
                .conflict, "Het plan heeft de status \"\(label)\" al.",
                problems: [Problem("status is al \"\(label)\"", at: field)])
        }
        if allowedNextStatuses.contains(target) { return target }
        let message: String
        if self == .afgesloten {
            message = "Een afgesloten plan kan niet meer van status veranderen; kopieer het naar een nieuwe versie."
        } else if target.order > order + 1 {
            let skipped = PlanStatus.allCases[(order + 1)..<target.order].map { "\"\($0.label)\"" }.joined(
                separator: ", ")
            message = "Van \"\(label)\" naar \"\(target.label)\" slaat \(skipped) over; dat is niet toegestaan."
        } else {
            message =
                "Van \"\(label)\" terug naar \"\(target.label)\" is niet toegestaan; alleen \"Ingediend\" kan terug naar \"Concept\"."
        }
        throw VitaalError(.conflict, message, problems: [Problem(message, at: field)])
    }
}

// MARK: - Goal tree

/// Monitoring type of an indicator link (Regioplan IZA ch. 7; Contourenschets "Monitoring").
public enum MonitoringType: String, Sendable, Hashable, Codable, CaseIterable {
    case proces, output, outcome
    public var label: String {
        switch self {
        case .proces: "Procesmonitoring"
        case .output: "Outputmonitoring"
        case .outcome: "Outcomemonitoring"
        }
    }
}

/// A link from a goal node to a monitor indicator (by code, e.g. a CBS or monitor indicator code).
public struct IndicatorLink: Sendable, Hashable, Codable {
    public var indicatorCode: String
    public var monitoringType: MonitoringType
    public var note: String?
    public init(_ indicatorCode: String, _ monitoringType: MonitoringType, note: String? = nil) {
        self.indicatorCode = indicatorCode
        self.monitoringType = monitoringType
        self.note = note
    }
}

/// The logic model of the Contourenschets "Monitoring van het programma":
/// input (means, capacity, budget, policy choices) → throughput (activities) → output (products)
/// → outcome (results and effects), with mechanisms of effect (within influence) and context
/// factors (outside influence).
public struct LogicModel: Sendable, Hashable, Codable {
    public var means: [String]
    public var capacity: String?
    public var budget: Money?
    public var policyChoices: [String]
    public var throughput: [String]
    public var output: [String]
    public var outcome: [String]
    public var mechanisms: [String]
    public var contextFactors: [String]
    public init(
        means: [String] = [], capacity: String? = nil, budget: Money? = nil, policyChoices: [String] = [],
        throughput: [String] = [], output: [String] = [], outcome: [String] = [],
        mechanisms: [String] = [], contextFactors: [String] = []
    ) {
        self.means = means
        self.capacity = capacity
        self.budget = budget
        self.policyChoices = policyChoices
        self.throughput = throughput
        self.output = output
        self.outcome = outcome
        self.mechanisms = mechanisms
        self.contextFactors = contextFactors
    }
    public var isEmpty: Bool {
        means.isEmpty && capacity == nil && budget == nil && policyChoices.isEmpty && throughput.isEmpty
            && output.isEmpty && outcome.isEmpty && mechanisms.isEmpty && contextFactors.isEmpty
    }
}

/// One node of a plan's goal tree (a vision, goal, programme line, building block, activity …).
public struct GoalNode: Sendable, Hashable, Codable, Identifiable {
    public var key: String
    public var parentKey: String?
    /// Index into `Plan.levels` (0 = top level).
    public var level: Int
    public var title: String
    public var text: String
    public var owner: String?
    public var partners: [String]
    /// Period column labels this node is marked in, e.g. `["≤2020", "2021-2025"]`; must be in `Plan.periodColumns`.
    public var periods: [String]
    public var indicators: [IndicatorLink]
    public var logicModel: LogicModel?
    /// Where the text comes from, as document title and section (e.g. "Flever jaarplan 2025, Versterken van
    /// Inwoners – Doelenboom"); nil when not from a source.
    public var sourceRef: String?
    /// True when the node is example data, not transcribed from a source.
    public var isExample: Bool

    public var id: String { key }

    public init(
        key: String, parent: String? = nil, level: Int, title: String, text: String = "",
        owner: String? = nil, partners: [String] = [], periods: [String] = [],
        indicators: [IndicatorLink] = [], logicModel: LogicModel? = nil,
        sourceRef: String? = nil, isExample: Bool = false
    ) {
        self.key = key
        self.parentKey = parent
        self.level = level
        self.title = title
        self.text = text
        self.owner = owner
        self.partners = partners
        self.periods = periods
        self.indicators = indicators
        self.logicModel = logicModel
        self.sourceRef = sourceRef
        self.isExample = isExample
    }
}

// MARK: - Plan

/// A plan (year plan, programme outline, regional plan) with its goal tree, SMART targets,
/// budgets and personnel figures. A plain value; persistence lives in the app.
public struct Plan: Sendable, Hashable, Codable, Identifiable {
    public var key: String
    public var title: String
    /// Organisation that owns the plan, e.g. "Flever".
    public var owner: String
    public var version: Int
    public var period: PlanPeriod
    public var status: PlanStatus
    /// Named levels of the goal tree, top first, e.g. ["Visie", "Strategisch doel", …].
    public var levels: [String]
    /// Time columns nodes can be marked in (Contourenschets: "≤2020", "2021-2025", "≥2026").
    public var periodColumns: [String]
    public var nodes: [GoalNode]
    public var targets: [SmartTarget]
    /// Targets archived instead of deleted (they had realisations): out of every current list and
    /// count, kept with their realisations and shown apart ("Gearchiveerde doelen").
    public var archivedTargets: [SmartTarget] = []
    public var budgets: [BudgetTable]
    public var personnel: [PersonnelFigures]
    /// Key of the plan version this one was copied from.
    public var previousVersionKey: String?
    /// The source document as its readers know it, e.g. `Flever, Jaarplan 2025 "Samen werken aan een vitaal
    /// Flevoland"`.
    public var source: String?
    /// Free notes, e.g. which data are interpretation or example.
    public var notes: [String]

    public var id: String { key }

    public init(
        key: String, title: String, owner: String, version: Int = 1, period: PlanPeriod,
        status: PlanStatus = .concept, levels: [String], periodColumns: [String] = [],
        nodes: [GoalNode] = [], targets: [SmartTarget] = [], budgets: [BudgetTable] = [],
        personnel: [PersonnelFigures] = [], previousVersionKey: String? = nil, source: String? = nil,
        notes: [String] = []
    ) {
        self.key = key
        self.title = title
        self.owner = owner
        self.version = version
        self.period = period
        self.status = status
        self.levels = levels
        self.periodColumns = periodColumns
        self.nodes = nodes
        self.targets = targets
        self.budgets = budgets
        self.personnel = personnel
        self.previousVersionKey = previousVersionKey
        self.source = source
        self.notes = notes
    }

    /// Moves the plan to `status` if the lifecycle allows it (see `PlanStatus.transition(to:)`).
    public mutating func transition(to status: PlanStatus) throws {
        self.status = try self.status.transition(to: status)
    }

    public func node(_ key: String) -> GoalNode? { nodes.first { $0.key == key } }
    public func children(of key: String?) -> [GoalNode] { nodes.filter { $0.parentKey == key } }
    public var roots: [GoalNode] { children(of: nil) }
    public func targets(of nodeKey: String) -> [SmartTarget] { targets.filter { $0.nodeKey == nodeKey } }
    public func levelName(of node: GoalNode) -> String {
        levels.indices.contains(node.level) ? levels[node.level] : "niveau \(node.level)"
    }

    /// Keys of the node and all its descendants, depth first (safe on cyclic input).
    public func subtreeKeys(of key: String) -> [String] {
        var out: [String] = []
        var seen: Set<String> = []
        func visit(_ k: String) {
            guard seen.insert(k).inserted else { return }
            out.append(k)
            for child in children(of: k) { visit(child.key) }
        }
        visit(key)
        return out
    }

    /// A copy for the next year: a new version (`version + 1`, status concept, key `newKey`),
    /// the period and every target's baseline and target dates shifted one year, targets kept,
    /// realisations dropped, and a level named after the year follows it ("Doel 2025" → "Doel 2026").
    /// Budgets and personnel figures are not copied: the next year gets its own budget.
    public func copiedToNextYear(newKey: String) -> Plan {
        var copy = self
        let year = "\(period.end.year)"
        let next = "\(period.end.year + 1)"
        copy.levels = levels.map { $0.replacingOccurrences(of: year, with: next) }
        copy.key = newKey
        copy.version = version + 1
        copy.status = .concept
        copy.previousVersionKey = key
        copy.period = period.shifted(years: 1)
        copy.targets = targets.map { $0.copiedToNextYear() }
        copy.archivedTargets = []
        copy.budgets = []
        copy.personnel = []
        return copy
    }

    // MARK: Validation

    /// Every structural problem of the plan (goal tree and targets), each naming the node or target.
    public func problems() -> ProblemCollector {
        var collector = ProblemCollector()
        validateTree(into: &collector)
        for target in targets { target.validate(in: self, into: &collector) }
        return collector
    }

    /// Throws a `VitaalError` listing every problem (see `problems()`).
    public func validate() throws {
        try problems().throwIfAny("Plan \"\(title)\" is ongeldig")
    }

    func validateTree(into collector: inout ProblemCollector) {
        if levels.isEmpty {
            collector.add("het plan heeft geen niveaus in de doelenboom", at: SourceLocation(field: "levels"))
        }
        var byKey: [String: GoalNode] = [:]
        for node in nodes {
            let place = SourceLocation(field: "key", element: "doel \"\(node.key)\"")
            if node.key.trimmingCharacters(in: .whitespaces).isEmpty {
                collector.add(
                    "doel \"\(node.title)\" heeft geen sleutel",
                    at: SourceLocation(field: "key", element: "doel \"\(node.title)\""))
            }
            if byKey[node.key] != nil {
                collector.add("de sleutel \"\(node.key)\" komt meer dan één keer voor", at: place)
            } else {
                byKey[node.key] = node
            }
        }
        for node in nodes {
            let element = "doel \"\(node.key)\""
            if !levels.indices.contains(node.level) {
                collector.add(
                    "niveau \(node.level) bestaat niet in dit plan (niveaus 0–\(max(0, levels.count - 1)): \(levels.joined(separator: ", ")))",
                    at: SourceLocation(field: "level", element: element))
            }
            if node.title.trimmingCharacters(in: .whitespaces).isEmpty {
                collector.add("titel ontbreekt", at: SourceLocation(field: "title", element: element))
            }
            for period in node.periods where !periodColumns.contains(period) {
                collector.add(
                    "periode \"\(period)\" is geen periodekolom van het plan",
                    at: SourceLocation(field: "periods", element: element))
            }
            guard let parentKey = node.parentKey else { continue }
            guard let parent = byKey[parentKey] else {
                collector.add(
                    "bovenliggend doel \"\(parentKey)\" bestaat niet",
                    at: SourceLocation(field: "parentKey", element: element))
                continue
            }
            if node.level <= parent.level {
                collector.add(
                    "niveau \(node.level) (\(levelName(of: node))) ligt niet dieper dan het bovenliggende doel \"\(parent.key)\" (niveau \(parent.level), \(levelName(of: parent)))",
                    at: SourceLocation(field: "level", element: element))
            }
        }
        // Cycles: follow parent links; a node that reaches itself is on a cycle.
        var reported: Set<String> = []
        for node in nodes where !reported.contains(node.key) {
            var path: [String] = [node.key]
            var current = node.parentKey
            var visited: Set<String> = [node.key]
            while let key = current, let parent = byKey[key] {
                if key == node.key {
                    let cycle = path + [key]
                    collector.add(
                        "de doelenboom bevat een kring: \(cycle.joined(separator: " → "))",
                        at: SourceLocation(field: "parentKey", element: "doel \"\(node.key)\""))
                    reported.formUnion(cycle)
                    break
                }
                if !visited.insert(key).inserted { break }  // a cycle further up; reported from its own node
                path.append(key)
                current = parent.parentKey
            }
        }
    }
}
