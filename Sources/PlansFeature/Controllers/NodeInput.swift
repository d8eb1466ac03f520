import AppCore
import Fluent
import Vapor
import VitaalDomain

/// A goal node (new or changed) as the form sends it: the key and level are checked first (422 with
/// both problems), then the plan with the node in place is validated as a whole; nothing is written.
struct NodeInput {
    var node: GoalNode
    /// Is the node new (not yet in the plan)?
    var isNew: Bool

    /// New node keys: letters, digits, `.`, `_` and `-` only, at most `maxNodeKeyLength` characters.
    static let maxNodeKeyLength = 64
    static func isValidNodeKey(_ key: String) -> Bool {
        !key.isEmpty && key.count <= maxNodeKeyLength
            && key.unicodeScalars.allSatisfy {
                ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)))
                    || "._-".unicodeScalars.contains($0)
            }
    }

    init(_ req: Request, plan: Plan) throws {
        let key = FormInput.text(req, "key")
        var problems = ProblemCollector()
        Self.checkKey(key, plan: plan, &problems)
        let level = try Self.level(req, plan: plan, &problems)
        try problems.throwIfAny("Doel niet opgeslagen")
        let existing = plan.nodes.firstIndex { $0.key == key }
        var node = existing.map { plan.nodes[$0] } ?? GoalNode(key: key, level: level, title: "")
        Self.apply(req, level: level, isNew: existing == nil, to: &node)
        var plan = plan
        if let i = existing { plan.nodes[i] = node } else { plan.nodes.append(node) }
        try plan.validate()
        self.node = node
        isNew = existing == nil
    }

    static func checkKey(_ key: String, plan: Plan, _ problems: inout ProblemCollector) {
        if key.isEmpty {
            problems.add("de sleutel ontbreekt", at: SourceLocation(field: "key"))
        } else if !plan.nodes.contains(where: { $0.key == key }), !isValidNodeKey(key) {
            // Existing keys (from the sources) stay editable; new keys are plain, so they are safe in links.
            problems.add(
                "de sleutel \"\(BoundedNumber.short(key))\" mag alleen letters, cijfers, punt, liggend streepje en "
                    + "underscore bevatten (A–Z, a–z, 0–9, . _ -), ten hoogste \(maxNodeKeyLength) tekens",
                at: SourceLocation(field: "key"))
        }
    }

    /// The level (0 when left empty), within the plan's levels; a problem gives 0.
    static func level(_ req: Request, plan: Plan, _ problems: inout ProblemCollector) throws -> Int {
        let levelText = FormInput.text(req, "level")
        let maxLevel = max(0, plan.levels.count - 1)
        do {
            return try FormInput.integer(
                levelText.isEmpty ? "0" : levelText, field: "level", label: "Niveau", in: 0...maxLevel)
        } catch let e as VitaalError { problems.add(e.problems) }
        return 0
    }

    /// The form's fields on the node; empty owner and partners keep what the node had.
    static func apply(_ req: Request, level: Int, isNew: Bool, to node: inout GoalNode) {
        let partners = FormInput.text(req, "partners").split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespaces)
        }.filter { !$0.isEmpty }
        node.parentKey = FormInput.optionalText(req, "parent")
        node.level = level
        node.title = FormInput.text(req, "title")
        if let text = FormInput.optionalText(req, "text") {
            node.text = text
        } else if isNew {
            node.text = ""
        }
        if let owner = FormInput.optionalText(req, "owner") { node.owner = owner }
        if !partners.isEmpty { node.partners = partners }
    }

    /// Stores the node (a new row at the end, or the existing one) in one transaction, with an audit entry.
    func save(in loaded: LoadedPlan, _ req: Request) async throws {
        try await req.db.transaction { db in
            let record = loaded.nodes.first(where: { $0.key == node.key }) ?? Self.newRecord(node.key, in: loaded)
            record.parentKey = node.parentKey
            record.level = node.level
            record.title = node.title
            record.text = node.text
            record.owner = node.owner
            record.partnersJSON = JSONText.encode(node.partners)
            try await record.save(on: db)
            try await req.audit(
                on: db, isNew ? "aangemaakt" : "gewijzigd", entity: "doel", id: "\(loaded.key)/\(node.key)",
                summary:
                    "Doel \"\(node.title)\" in \(loaded.plan.title)\(node.parentKey.map { " (onder \($0))" } ?? "")")
        }
    }

    static func newRecord(_ key: String, in loaded: LoadedPlan) -> GoalNodeRecord {
        let record = GoalNodeRecord()
        record.$plan.id = loaded.id
        record.key = key
        record.isExample = false
        record.sortOrder = loaded.nodes.count
        record.periodsJSON = "[]"
        record.logicModelJSON = nil
        record.sourceRef = nil
        return record
    }
}
