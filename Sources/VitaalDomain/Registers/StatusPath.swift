/// The ordered statuses of a register entry and the one rule for changing them: a step goes
/// forward to the next rank without more ado; a step that skips a rank, goes back, or moves
/// between two end statuses of the same rank (toegekend ↔ afgewezen) needs a reason.
public struct StatusPath: Sendable, Hashable {
    public struct Step: Sendable, Hashable {
        public var name: String
        public var rank: Int
    }

    public var steps: [Step]

    public init(_ steps: [(String, Int)]) {
        self.steps = steps.map { Step(name: $0.0, rank: $0.1) }
    }

    public var names: [String] { steps.map(\.name) }

    public func rank(of status: String) -> Int? { steps.first { $0.name == status }?.rank }

    /// Why the change from `from` to `to` is refused, or nil when it is allowed. `from` nil: the
    /// entry has no status yet (any first status is allowed; an entry may be recorded late).
    public func refusal(from: String?, to: String, reason: String) -> String? {
        guard let target = rank(of: to) else {
            return "onbekende status \"\(to.prefix(60))\"; kies uit: \(names.joined(separator: ", "))"
        }
        guard let from, let current = rank(of: from) else { return nil }
        if from == to { return "de status is al ‘\(to)’" }
        if target == current + 1 { return nil }
        let hasReason = !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        guard !hasReason else { return nil }
        if target > current + 1 {
            let skipped = steps.filter { $0.rank > current && $0.rank < target }.map { "‘\($0.name)’" }
            return "van ‘\(from)’ naar ‘\(to)’ slaat \(skipped.joined(separator: " en ")) over; "
                + "geef een reden om een stap over te slaan"
        }
        if target == current {
            return "van ‘\(from)’ naar ‘\(to)’ verandert een afgeronde uitkomst; geef een reden"
        }
        return "van ‘\(from)’ terug naar ‘\(to)’ is een stap terug; geef een reden"
    }
}
