import Foundation

/// The level names a new plan starts from: the goal trees of the three source documents, or the
/// editor's own names.
public enum PlanTemplate: String, Sendable, Hashable, CaseIterable {
    /// Flever's annual plan: vision → strategic goal → tactical goal → the year's goal → activity.
    case fleverJaarplan = "flever-jaarplan"
    /// The Contourenschets Krachtige Samenleving: programme line → activity, with period columns.
    case contourenschets
    /// The Regioplan IZA Flevoland: building block / foundation → goal → action.
    case regioplanIZA = "regioplan-iza"
    /// The editor's own level names, one per line.
    case eigen

    public var label: String {
        switch self {
        case .fleverJaarplan: "Flever jaarplan (visie, strategisch doel, tactisch doel, doel van het jaar, activiteit)"
        case .contourenschets: "Contourenschets (programmalijn, activiteit)"
        case .regioplanIZA: "Regioplan IZA (bouwsteen / fundament, doel, actie)"
        case .eigen: "Eigen niveaus"
        }
    }

    /// The level names, top first; a level named after the year takes the last year of the period.
    public func levels(year: Int) -> [String] {
        switch self {
        case .fleverJaarplan: ["Visie", "Strategisch doel", "Tactisch doel", "Doel \(year)", "Activiteit"]
        case .contourenschets: ["Programmalijn", "Activiteit"]
        case .regioplanIZA: ["Bouwsteen / Fundament", "Doel", "Actie"]
        case .eigen: []
        }
    }

    /// The period columns nodes can be marked in (only the Contourenschets has them).
    public var periodColumns: [String] {
        self == .contourenschets ? ["≤2020", "2021-2025", "≥2026"] : []
    }
}

/// The rules for plans written in the browser: bounded texts, a period that does not end before it
/// starts, level names, generated keys, and the bounds on the size of a goal tree.
public enum PlanAuthoring {
    public static let maxTitleLength = 200
    public static let maxOwnerLength = 120
    public static let maxLevels = 8
    public static let maxLevelNameLength = 60
    public static let maxNodeTitleLength = 300
    public static let maxNodeTextLength = 4000
    public static let maxPartners = 30
    /// A plan's goal tree holds at most this many nodes.
    public static let maxNodes = 1000
    /// Plan keys are URL segments; these are taken by pages.
    public static let reservedKeys: Set<String> = ["nieuw", "dashboard"]

    /// Checks a required one-line text: not empty, at most `max` characters, no line break.
    public static func checkText(
        _ text: String, label: String, field: String, max: Int, required: Bool = true,
        into problems: inout ProblemCollector
    ) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if required && trimmed.isEmpty {
            problems.add("\(label) ontbreekt", at: SourceLocation(field: field))
        } else if trimmed.count > max {
            problems.add(
                "\(label): ten hoogste \(max) tekens (nu \(trimmed.count))", at: SourceLocation(field: field))
        }
    }

    /// The end of a period may not lie before its start.
    public static func checkPeriod(start: PlanDate, end: PlanDate, into problems: inout ProblemCollector) {
        if end < start {
            problems.add(
                "de periode eindigt (\(end.dutch)) vóór ze begint (\(start.dutch))",
                at: SourceLocation(field: "periodEnd"))
        }
    }

    /// Level names typed one per line: trimmed, empty lines dropped.
    public static func levelNames(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    /// One to `maxLevels` distinct names, each at most `maxLevelNameLength` characters.
    public static func checkLevels(_ levels: [String], into problems: inout ProblemCollector) {
        let field = SourceLocation(field: "levels")
        if levels.isEmpty {
            problems.add("geef ten minste één niveau op (één naam per regel)", at: field)
        } else if levels.count > maxLevels {
            problems.add("ten hoogste \(maxLevels) niveaus (nu \(levels.count))", at: field)
        }
        for (i, name) in levels.enumerated() where name.count > maxLevelNameLength {
            problems.add(
                "niveau \(i + 1): ten hoogste \(maxLevelNameLength) tekens (nu \(name.count))",
                at: SourceLocation(line: i + 1, field: "levels"))
        }
        if Set(levels).count != levels.count {
            problems.add("elk niveau heeft een eigen naam (een naam komt twee keer voor)", at: field)
        }
    }

    /// A URL key from the title: lower-case letters, digits and hyphens (`slug`), at most 60
    /// characters, never a reserved key, and `-2`, `-3`, … until it is not taken.
    public static func planKey(slug: String, taken: Set<String>) -> String {
        var base = String(slug.prefix(60)).trimmingCharacters(in: CharacterSet(charactersIn: "-"))
        if base.isEmpty || reservedKeys.contains(base) { base = "plan" + (base.isEmpty ? "" : "-\(base)") }
        var key = base
        var n = 2
        while taken.contains(key) || reservedKeys.contains(key) {
            key = "\(base)-\(n)"
            n += 1
        }
        return key
    }
}

// MARK: - Editing the goal tree

extension Plan {
    /// A new node's key: under a parent `<parent>.<n>`, at the top `D<n>`, with the first number
    /// from the count of children + 1 that no node of the plan uses. Keys never change afterwards,
    /// not even when the node moves, so links to it keep working.
    public func nextNodeKey(under parent: String?) -> String {
        let taken = Set(nodes.map(\.key))
        var n = children(of: parent).count + 1
        func key(_ n: Int) -> String { parent.map { "\($0).\(n)" } ?? "D\(n)" }
        while taken.contains(key(n)) { n += 1 }
        let candidate = key(n)
        // Keys stay short: a deep tree under a long key gets a short top-level-style key instead.
        if candidate.count <= 64 { return candidate }
        var m = nodes.count + 1
        while taken.contains("D\(m)") { m += 1 }
        return "D\(m)"
    }

    /// The level a new child of `parent` gets: one deeper than the parent (top level for none);
    /// nil when the parent is already on the deepest level.
    public func childLevel(under parent: String?) -> Int? {
        guard let parent else { return levels.isEmpty ? nil : 0 }
        guard let node = node(parent), node.level + 1 < levels.count else { return nil }
        return node.level + 1
    }

    /// Is `candidate` the node itself or one of its descendants? Such a parent would make a cycle.
    public func isInSubtree(_ candidate: String, of key: String) -> Bool {
        subtreeKeys(of: key).contains(candidate)
    }

    /// The node moved under `parent` (nil: top level) at `level`, checked: the parent exists, is not
    /// the node itself or below it, and the whole tree stays valid (every child deeper than its parent,
    /// levels within the plan). Throws a `VitaalError` naming the field (`parent`, `level`).
    public func moving(_ key: String, under parent: String?, level: Int) throws -> Plan {
        guard let index = nodes.firstIndex(where: { $0.key == key }) else {
            throw VitaalError(.notFound, "Het plan heeft geen doel \"\(key)\".")
        }
        var problems = ProblemCollector()
        if let parent {
            if node(parent) == nil {
                problems.add("bovenliggend doel \"\(parent)\" bestaat niet", at: SourceLocation(field: "parent"))
            } else if isInSubtree(parent, of: key) {
                problems.add(
                    parent == key
                        ? "een doel kan niet onder zichzelf vallen"
                        : "een doel kan niet onder een van zijn eigen onderliggende doelen vallen (\"\(parent)\")",
                    at: SourceLocation(field: "parent"))
            }
        }
        if !levels.indices.contains(level) {
            problems.add(
                "niveau \(level) bestaat niet in dit plan (0–\(max(0, levels.count - 1)))",
                at: SourceLocation(field: "level"))
        }
        try problems.throwIfAny("Doel niet verplaatst")
        var plan = self
        let oldParent = nodes[index].parentKey
        plan.nodes[index].parentKey = parent
        plan.nodes[index].level = level
        if oldParent != parent {
            // A moved node goes to the end of its new siblings.
            let moved = plan.nodes.remove(at: index)
            plan.nodes.append(moved)
        }
        var treeProblems = ProblemCollector()
        plan.validateTree(into: &treeProblems)
        for problem in treeProblems.problems {
            let own = problem.location.element == "doel \"\(key)\""
            let field = own ? (problem.location.field == "parentKey" ? "parent" : problem.location.field) : "level"
            let prefix = own ? "" : "\(problem.location.element ?? ""): "
            problems.add(prefix + problem.message, at: SourceLocation(field: field))
        }
        try problems.throwIfAny("Doel niet verplaatst")
        return plan
    }

    /// The node one place up (`by: -1`) or down (`by: 1`) among its siblings; unchanged at the edge.
    public func reordering(_ key: String, by step: Int) -> Plan {
        guard let node = node(key) else { return self }
        let siblings = children(of: node.parentKey).map(\.key)
        guard let at = siblings.firstIndex(of: key), siblings.indices.contains(at + step) else { return self }
        let other = siblings[at + step]
        var plan = self
        guard let i = plan.nodes.firstIndex(where: { $0.key == key }),
            let j = plan.nodes.firstIndex(where: { $0.key == other })
        else { return self }
        plan.nodes.swapAt(i, j)
        return plan
    }

    /// What deleting a node takes with it.
    public struct Removal: Sendable, Hashable {
        /// The nodes that go: the node itself, and its descendants unless they move up.
        public var nodes: [String]
        /// The nodes that move up to the deleted node's parent (when children are kept).
        public var movedUp: [String]
        /// The targets that go (on the nodes that go).
        public var targets: [String]
        /// Targets that go but have realisations: then the deletion is refused.
        public var targetsWithRealisations: [String]
    }

    /// What deleting `key` takes with it: with `keepChildren`, its children move up to its parent and
    /// only the node and its own targets go; otherwise the whole subtree and every target on it.
    public func removal(of key: String, keepChildren: Bool) -> Removal {
        let going = keepChildren ? [key] : subtreeKeys(of: key)
        let movedUp = keepChildren ? children(of: key).map(\.key) : []
        let goingSet = Set(going)
        let targets = self.targets.filter { goingSet.contains($0.nodeKey) }
        return Removal(
            nodes: going, movedUp: movedUp, targets: targets.map(\.key),
            targetsWithRealisations: targets.filter { !$0.realisations.isEmpty }.map(\.key))
    }

    /// The plan without the node (see `removal(of:keepChildren:)`): children that stay move up to
    /// the deleted node's parent, keeping their level (still deeper than their new parent).
    public func removing(_ key: String, keepChildren: Bool) -> Plan {
        let removal = removal(of: key, keepChildren: keepChildren)
        let parent = node(key)?.parentKey
        var plan = self
        let going = Set(removal.nodes)
        let targetsGoing = Set(removal.targets)
        plan.nodes = nodes.filter { !going.contains($0.key) }.map { node in
            var node = node
            if removal.movedUp.contains(node.key) { node.parentKey = parent }
            return node
        }
        plan.targets = targets.filter { !targetsGoing.contains($0.key) }
        return plan
    }

    /// A new plan with this one's structure (levels, period columns, goal tree with logic models
    /// and indicator links, targets) and no realisations, budgets or personnel: version 1, concept.
    /// Target dates move by as many years as the new period starts after this one's, and a level
    /// named after the last year follows it ("Doel 2025" → "Doel 2027").
    public func structureCopy(key: String, title: String, owner: String, period: PlanPeriod) -> Plan {
        let years = period.start.year - self.period.start.year
        var copy = self
        copy.levels = levels.map {
            $0.replacingOccurrences(of: "\(self.period.end.year)", with: "\(period.end.year)")
        }
        copy.source = nil
        copy.key = key
        copy.title = title
        copy.owner = owner
        copy.version = 1
        copy.status = .concept
        copy.period = period
        copy.previousVersionKey = nil
        copy.notes = ["Structuur overgenomen uit \"\(self.title)\" (\(self.key))."]
        copy.nodes = nodes.map { node in
            var node = node
            node.isExample = false
            return node
        }
        copy.targets = targets.map { target in
            var target = target
            target.realisations = []
            target.isExample = false
            target.baseline.date = target.baseline.date.addingYears(years)
            target.targetDate = target.targetDate?.addingYears(years)
            return target
        }
        copy.budgets = []
        copy.personnel = []
        return copy
    }
}

// MARK: - Node fields

/// The fields of a goal node an editor types: title, description, owner and partners.
public struct NodeFields: Sendable, Hashable {
    public var title: String
    public var text: String
    public var owner: String?
    public var partners: [String]

    public init(title: String, text: String = "", owner: String? = nil, partners: [String] = []) {
        self.title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        self.text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let owner = owner?.trimmingCharacters(in: .whitespacesAndNewlines)
        self.owner = owner?.isEmpty == false ? owner : nil
        self.partners = partners.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Partners typed as one text, separated by commas.
    public static func partners(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Title required and every text within its bound, each problem naming its field.
    public func check(into problems: inout ProblemCollector) {
        PlanAuthoring.checkText(
            title, label: "Titel", field: "title", max: PlanAuthoring.maxNodeTitleLength, into: &problems)
        if text.count > PlanAuthoring.maxNodeTextLength {
            problems.add(
                "Omschrijving: ten hoogste \(PlanAuthoring.maxNodeTextLength) tekens (nu \(text.count))",
                at: SourceLocation(field: "text"))
        }
        if let owner, owner.count > PlanAuthoring.maxOwnerLength {
            problems.add(
                "Eigenaar: ten hoogste \(PlanAuthoring.maxOwnerLength) tekens (nu \(owner.count))",
                at: SourceLocation(field: "owner"))
        }
        if partners.count > PlanAuthoring.maxPartners {
            problems.add(
                "Partners: ten hoogste \(PlanAuthoring.maxPartners) (nu \(partners.count))",
                at: SourceLocation(field: "partners"))
        } else if let long = partners.first(where: { $0.count > PlanAuthoring.maxOwnerLength }) {
            problems.add(
                "Partners: elke naam ten hoogste \(PlanAuthoring.maxOwnerLength) tekens (\"\(long.prefix(40))…\")",
                at: SourceLocation(field: "partners"))
        }
    }

    func apply(to node: inout GoalNode) {
        node.title = title
        node.text = text
        node.owner = owner
        node.partners = partners
    }
}

extension Plan {
    /// The plan with a new node under `parent` (nil: top level) on `level`, its key generated
    /// (`nextNodeKey(under:)`), as the last of its siblings. Throws a `VitaalError` naming the field
    /// (`title`, `text`, `owner`, `partners`, `parent`, `level`) when anything is wrong.
    public func addingNode(under parent: String?, level: Int, _ fields: NodeFields) throws -> (plan: Plan, key: String)
    {
        var problems = ProblemCollector()
        fields.check(into: &problems)
        if nodes.count >= PlanAuthoring.maxNodes {
            problems.add(
                "het plan heeft al \(PlanAuthoring.maxNodes) doelen; meer kan niet", at: SourceLocation(field: "parent")
            )
        }
        let parentNode = parent.flatMap { node($0) }
        if let parent, parentNode == nil {
            problems.add("bovenliggend doel \"\(parent.prefix(80))\" bestaat niet", at: SourceLocation(field: "parent"))
        }
        if !levels.indices.contains(level) {
            problems.add(
                "niveau \(level) bestaat niet in dit plan (0–\(max(0, levels.count - 1)))",
                at: SourceLocation(field: "level"))
        } else if let parentNode, level <= parentNode.level {
            problems.add(
                "het niveau \(levels[level]) ligt niet dieper dan het bovenliggende doel "
                    + "(\(levelName(of: parentNode)))",
                at: SourceLocation(field: "level"))
        }
        try problems.throwIfAny("Doel niet toegevoegd")
        let key = nextNodeKey(under: parent)
        var newNode = GoalNode(key: key, parent: parent, level: level, title: "")
        fields.apply(to: &newNode)
        var plan = self
        plan.nodes.append(newNode)
        return (plan, key)
    }

    /// The plan with the node's fields changed and, when `parent` or `level` differ, the node moved
    /// (`moving(_:under:level:)`). Throws a `VitaalError` naming the field; the key never changes.
    public func editingNode(_ key: String, _ fields: NodeFields, parent: String?, level: Int) throws -> Plan {
        guard let index = nodes.firstIndex(where: { $0.key == key }) else {
            throw VitaalError(.notFound, "Het plan heeft geen doel \"\(key)\".")
        }
        var problems = ProblemCollector()
        fields.check(into: &problems)
        var plan = self
        fields.apply(to: &plan.nodes[index])
        if parent != nodes[index].parentKey || level != nodes[index].level {
            do { plan = try plan.moving(key, under: parent, level: level) } catch let error as VitaalError
                where error.kind == .invalidInput
            {
                for problem in error.problems { problems.add(problem.message, at: problem.location) }
            }
        }
        try problems.throwIfAny("Doel niet opgeslagen")
        return plan
    }
}
