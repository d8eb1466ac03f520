import Foundation

/// A qualitative assessment of a non-SMART target (inspanningsdoel, "we streven naar …") at one
/// reporting moment. Such a target has no computed status: its status is the latest assessment,
/// given by a person with a written explanation (see docs/plans-and-steering.md).
public struct QualitativeAssessment: Sendable, Hashable, Codable {
    /// The judgement (beoordeling) of an inspanningsdoel.
    public enum Judgement: String, Sendable, Hashable, Codable, CaseIterable {
        case onCourse, needsAttention, offCourse, notYetAssessable

        public var label: String {
            switch self {
            case .onCourse: "op koers"
            case .needsAttention: "aandacht nodig"
            case .offCourse: "niet op koers"
            case .notYetAssessable: "nog niet te beoordelen"
            }
        }

        /// The status a judgement stands for in roll-ups, so a goal with both kinds of target still
        /// shows its worst: aandacht nodig counts as risico, nog niet te beoordelen as geen gegevens.
        public var status: SmartTarget.Status {
            switch self {
            case .onCourse: .onTrack
            case .needsAttention: .atRisk
            case .offCourse: .offTrack
            case .notYetAssessable: .noData
            }
        }
    }

    public var judgement: Judgement
    /// The explanation (toelichting); required.
    public var explanation: String
    /// The reporting moment the assessment is about (peildatum).
    public var date: PlanDate
    /// Reporting period label, e.g. "2025-T1"; free text.
    public var period: String?
    /// Who assessed (e-mail, or the source for demo data).
    public var assessedBy: String
    public var isExample: Bool

    public init(
        judgement: Judgement, explanation: String, date: PlanDate, period: String? = nil, assessedBy: String,
        isExample: Bool = false
    ) {
        self.judgement = judgement
        self.explanation = explanation
        self.date = date
        self.period = period
        self.assessedBy = assessedBy
        self.isExample = isExample
    }

    /// The longest explanation kept.
    public static let maxExplanationLength = 4000

    /// Checks a sent assessment: a known judgement, an explanation (not empty, bounded) and a date
    /// within the plan period. Every problem names its form field.
    public static func check(
        judgement text: String, explanation: String, date: PlanDate?, period: PlanPeriod,
        into problems: inout ProblemCollector
    ) -> Judgement? {
        let judgement = Judgement(rawValue: text)
        if judgement == nil {
            problems.add(
                text.isEmpty ? "kies een beoordeling" : "onbekende beoordeling \"\(text.prefix(40))\"",
                at: SourceLocation(field: "judgement"))
        }
        let trimmed = explanation.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty {
            problems.add(
                "de toelichting ontbreekt; een beoordeling zonder toelichting zegt niets",
                at: SourceLocation(field: "explanation"))
        } else if trimmed.count > maxExplanationLength {
            problems.add(
                "de toelichting is langer dan \(maxExplanationLength) tekens", at: SourceLocation(field: "explanation"))
        }
        if let date, !period.contains(date) {
            problems.add(
                "de peildatum \(date.dutch) ligt buiten de planperiode \(period)", at: SourceLocation(field: "date"))
        }
        return judgement
    }
}

/// Why, by whom and when a target was archived (gearchiveerd): a target with realisations is never
/// deleted, it leaves the current lists and counts and keeps its realisations.
public struct TargetArchive: Sendable, Hashable, Codable {
    public var reason: String
    public var archivedBy: String
    public var archivedAt: Date

    public init(reason: String, archivedBy: String, archivedAt: Date) {
        self.reason = reason
        self.archivedBy = archivedBy
        self.archivedAt = archivedAt
    }

    /// The longest reason kept.
    public static let maxReasonLength = 2000

    /// The problem with a sent reason, or nil when it is usable.
    public static func reasonProblem(_ reason: String) -> Problem? {
        let trimmed = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty {
            return Problem(
                "de reden ontbreekt; zeg waarom de doelstelling vervalt", at: SourceLocation(field: "reason"))
        }
        if trimmed.count > maxReasonLength {
            return Problem("de reden is langer dan \(maxReasonLength) tekens", at: SourceLocation(field: "reason"))
        }
        return nil
    }
}

extension SmartTarget {
    /// The latest assessment up to `date` (by peildatum; the last given wins on the same day).
    public func latestAssessment(asOf date: PlanDate? = nil) -> QualitativeAssessment? {
        let relevant = assessments.enumerated().filter { date == nil || $0.element.date <= date! }
        return relevant.max { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }?.element
    }

    /// The status text wherever status shows: the computed label for a SMART target; for an
    /// inspanningsdoel the latest judgement ("beoordeeld: aandacht nodig") or "nog niet beoordeeld".
    public func statusLabel(asOf date: PlanDate? = nil) -> String {
        guard !isSmart else { return status(asOf: date).label }
        return latestAssessment(asOf: date).map { "beoordeeld: \($0.judgement.label)" } ?? "nog niet beoordeeld"
    }
}
