import Foundation

/// A plan link (bijdrage): a goal of one plan contributes to a goal of another plan, e.g. Flever's
/// year-plan goals to the Regioplan IZA's bouwstenen. The link belongs to the contributing plan.
public struct PlanLink: Sendable, Hashable, Codable {
    public var fromPlan: String
    public var fromNode: String
    public var toPlan: String
    public var toNode: String
    /// Why the goal contributes, citing the documents (title and section).
    public var note: String?

    public init(fromPlan: String, fromNode: String, toPlan: String, toNode: String, note: String? = nil) {
        self.fromPlan = fromPlan
        self.fromNode = fromNode
        self.toPlan = toPlan
        self.toNode = toNode
        self.note = note
    }

    /// The longest note kept.
    public static let maxNoteLength = 1000

    /// The problems of a new link from `fromNode` of `from` to `toNode` of `to` (nil when the chosen
    /// plan does not exist), given the links the contributing node already has: the goals must
    /// exist, the other plan must really be another plan, and a link is made once.
    public static func problems(
        from: Plan, fromNode: String, to: Plan?, toNode: String, existing: [PlanLink], note: String? = nil
    ) -> [Problem] {
        let field = SourceLocation(field: "goal")
        var problems: [Problem] = []
        if from.node(fromNode) == nil {
            problems.append(Problem("doel \"\(fromNode)\" bestaat niet in \(from.title)", at: field))
        }
        guard let to else {
            return problems + [Problem("kies een doel van een ander plan", at: field)]
        }
        if to.key == from.key {
            problems.append(
                Problem(
                    "een doel draagt bij aan een doel van een ander plan; dit doel is van hetzelfde plan "
                        + "(\(from.title))", at: field))
        } else if let target = to.node(toNode) {
            if existing.contains(where: { $0.fromNode == fromNode && $0.toPlan == to.key && $0.toNode == toNode }) {
                problems.append(
                    Problem("dit doel draagt al bij aan \"\(target.title)\" van \(to.title)", at: field))
            }
        } else {
            problems.append(Problem("doel \"\(toNode)\" bestaat niet in \(to.title)", at: field))
        }
        if let note, note.count > maxNoteLength {
            problems.append(
                Problem("de toelichting is langer dan \(maxNoteLength) tekens", at: SourceLocation(field: "note")))
        }
        return problems
    }
}
