import Foundation

/// The annual report (jaarverslag) of a plan for one year (#16), as opposed to the progress report
/// (voortgangsrapportage), which shows the state of every target up to now.
///
/// The rules:
/// - a target belongs to the year when the year lies between the year of its baseline and the year of
///   its target date (a target without a target date belongs to every year from its baseline on);
/// - the year's target ("streefwaarde voor het jaar") is the target value when the target date falls
///   in the year, otherwise the value expected on 31 December on the straight line from baseline to
///   target (`SmartTarget.expectedValue(at:)`): the milestone of a multi-year target;
/// - the year's realisations are those dated in the year; the value at the end of the year and the
///   status are those of the target as of 31 December (`currentValue(asOf:)`, `status(asOf:)`), so the
///   status comes from the one status rule;
/// - budgets are compared like with like: only the columns of the year (budget and actual of the same
///   table, line, programme and year, see `BudgetTable.restricted(toYear:)` and `BudgetComparison`).
public struct AnnualReport: Sendable, Hashable {
    /// One target in the year.
    public struct TargetYear: Sendable, Hashable {
        public var target: SmartTarget
        /// The level to reach by the end of the year (see the rules above).
        public var yearTarget: Double
        /// True when the target date falls in the year: the year's target is the final target.
        public var isFinalYear: Bool
        /// The realisations dated in the year, oldest first.
        public var realisations: [Realisation]
        /// The value the status compares at 31 December; nil when there is no realisation up to then.
        public var valueAtYearEnd: Double?
        public var status: SmartTarget.Status
    }

    /// A goal node with the targets of the year attached to it.
    public struct Goal: Sendable, Hashable {
        public var nodeKey: String
        /// "Doel 2025: Versterken van inwoners".
        public var title: String
        public var targets: [TargetYear]
    }

    public var year: Int
    public var goals: [Goal]
    /// Every target of the year, by the status rule as of 31 December.
    public var rollUp: StatusRollUp

    /// The years a plan reports on: the years of its period.
    public static func years(of plan: Plan) -> ClosedRange<Int> {
        plan.period.start.year...max(plan.period.start.year, plan.period.end.year)
    }

    /// The year an annual report is about by default on `today`: the last year of the plan that has
    /// ended (or ends this year), so a report drawn up in spring covers the year before.
    public static func defaultYear(of plan: Plan, today: PlanDate) -> Int {
        let years = years(of: plan)
        let lastEnded = today.month <= 6 ? today.year - 1 : today.year
        return min(max(lastEnded, years.lowerBound), years.upperBound)
    }

    /// 31 December of `year`.
    public static func yearEnd(_ year: Int) -> PlanDate { PlanDate(year, 12, 31)! }

    public init(plan: Plan, year: Int) {
        self.year = year
        let end = Self.yearEnd(year)
        let inYear = plan.targets.filter { target in
            target.baseline.date.year <= year && (target.targetDate?.year ?? Int.max) >= year
        }
        var goals: [Goal] = []
        for target in inYear {
            let final = target.targetDate.map { $0.year == year } ?? false
            let row = TargetYear(
                target: target,
                yearTarget: final ? target.targetValue : target.expectedValue(at: end),
                isFinalYear: final,
                realisations: target.realisations.filter { $0.date.year == year }.sorted { $0.date < $1.date },
                valueAtYearEnd: target.currentValue(asOf: end)?.value,
                status: target.status(asOf: end))
            if let index = goals.firstIndex(where: { $0.nodeKey == target.nodeKey }) {
                goals[index].targets.append(row)
            } else {
                let title = plan.node(target.nodeKey).map { "\(plan.levelName(of: $0)): \($0.title)" }
                goals.append(Goal(nodeKey: target.nodeKey, title: title ?? target.nodeKey, targets: [row]))
            }
        }
        self.goals = goals
        rollUp = StatusRollUp(statuses: goals.flatMap { $0.targets.map(\.status) })
    }
}

extension BudgetTable {
    /// The table with only the columns of `year` (budget and actual), for comparing one year like with
    /// like; the total column, printed grand totals and percentages of other columns are left out
    /// because they cover other years. Nil when the table has no column of that year.
    public func restricted(toYear year: Int) -> BudgetTable? {
        let keep = columns.indices.filter { columns[$0].year == year }
        guard !keep.isEmpty else { return nil }
        var table = self
        table.columns = keep.map { columns[$0] }
        table.hasTotalColumn = false
        table.sections = sections.map { section in
            var section = section
            section.lines = section.lines.map { line in
                var line = line
                line.cells = keep.map { line.cells.indices.contains($0) ? line.cells[$0] : .empty }
                line.total = nil
                line.statedPercents =
                    line.statedPercents.isEmpty
                    ? [] : keep.map { line.statedPercents.indices.contains($0) ? line.statedPercents[$0] : nil }
                return line
            }
            section.statedTotals = section.statedTotals.map { totals in
                keep.map { totals.indices.contains($0) ? totals[$0] : .empty }
            }
            section.statedGrandTotal = nil
            return section
        }
        return table
    }
}

/// The two authored sections of an annual report per plan and year (#16): "Geleerde lessen" and
/// "Evaluatie", written by the plan's editors.
public struct AnnualReflection: Sendable, Hashable {
    public var lessons: String
    public var evaluation: String

    /// At most this many characters per section (about four printed pages).
    public static let maxLength = 10_000

    /// Checks both texts (trimmed): neither may be empty nor longer than `maxLength`; every problem is
    /// named at its field (`geleerde_lessen`, `evaluatie`) in Dutch.
    public init(lessons: String, evaluation: String) throws(VitaalError) {
        let lessons = lessons.trimmingCharacters(in: .whitespacesAndNewlines)
        let evaluation = evaluation.trimmingCharacters(in: .whitespacesAndNewlines)
        var problems: [Problem] = []
        for (text, field, label) in [
            (lessons, "geleerde_lessen", "Geleerde lessen"), (evaluation, "evaluatie", "Evaluatie")
        ] {
            if text.isEmpty {
                problems.append(Problem("\(label): vul deze tekst in", at: SourceLocation(field: field)))
            } else if text.count > Self.maxLength {
                problems.append(
                    Problem(
                        "\(label): ten hoogste \(Money.grouped(UInt(Self.maxLength))) tekens (nu "
                            + "\(Money.grouped(UInt(text.count))))", at: SourceLocation(field: field)))
            }
        }
        guard problems.isEmpty else {
            throw VitaalError(.invalidInput, "Teksten van het jaarverslag niet opgeslagen", problems: problems)
        }
        self.lessons = lessons
        self.evaluation = evaluation
    }
}
