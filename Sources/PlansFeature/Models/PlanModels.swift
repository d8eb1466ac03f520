import AppCore
import Fluent
import Vapor
import VitaalDomain

/// A plan (year plan, programme outline, regional plan) owned by one organisation.
/// Dates are stored as ISO `yyyy-mm-dd` text (same on SQLite and PostgreSQL); lists as JSON text.
public final class PlanRecord: Model, @unchecked Sendable {
    public static let schema = "plans"

    @ID(key: .id) public var id: UUID?
    /// URL key, e.g. "flever-jaarplan-2025".
    @Field(key: "key") public var key: String
    @Field(key: "title") public var title: String
    @Parent(key: "organisation_id") public var organisation: Organisation
    /// Owner as the source names it, e.g. "Flever".
    @Field(key: "owner_name") public var ownerName: String
    @Field(key: "version") public var version: Int
    @Field(key: "period_start") public var periodStart: String
    @Field(key: "period_end") public var periodEnd: String
    @Field(key: "status") public var status: String
    /// JSON array of level names, top first.
    @Field(key: "levels") public var levelsJSON: String
    /// JSON array of period column labels.
    @Field(key: "period_columns") public var periodColumnsJSON: String
    @OptionalField(key: "previous_key") public var previousKey: String?
    @OptionalField(key: "source") public var source: String?
    /// JSON array of notes.
    @Field(key: "notes") public var notesJSON: String
    /// The user who moved the plan to ingediend (the four-eyes rule: someone else takes it further).
    @OptionalField(key: "submitted_by") public var submittedByID: UUID?
    /// The last rejection (#16): its reason, who rejected (e-mail) and when; kept until adopted.
    @OptionalField(key: "rejection_reason") public var rejectionReason: String?
    @OptionalField(key: "rejected_by") public var rejectedBy: String?
    @OptionalField(key: "rejected_at") public var rejectedAt: Date?
    /// Who adopted the plan (vastgesteld, e-mail) and when (#16).
    @OptionalField(key: "adopted_by") public var adoptedBy: String?
    @OptionalField(key: "adopted_at") public var adoptedAt: Date?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    public var planStatus: PlanStatus { PlanStatus(rawValue: status) ?? .concept }
    public var levels: [String] { JSONText.decode(levelsJSON) }
    public var periodColumns: [String] { JSONText.decode(periodColumnsJSON) }
    public var notes: [String] { JSONText.decode(notesJSON) }
}

/// A node of a plan's goal tree.
public final class GoalNodeRecord: Model, @unchecked Sendable {
    public static let schema = "plan_goal_nodes"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "plan_id") public var plan: PlanRecord
    @Field(key: "key") public var key: String
    @OptionalField(key: "parent_key") public var parentKey: String?
    @Field(key: "level") public var level: Int
    @Field(key: "title") public var title: String
    @Field(key: "text") public var text: String
    @OptionalField(key: "owner") public var owner: String?
    /// JSON array of partner names.
    @Field(key: "partners") public var partnersJSON: String
    /// JSON array of period column labels.
    @Field(key: "periods") public var periodsJSON: String
    /// JSON of `LogicModel`, or nil.
    @OptionalField(key: "logic_model") public var logicModelJSON: String?
    @OptionalField(key: "source_ref") public var sourceRef: String?
    @Field(key: "is_example") public var isExample: Bool
    @Field(key: "sort_order") public var sortOrder: Int

    public init() {}
}

/// A link from a goal node to a monitor indicator, with the kind of monitoring.
public final class IndicatorLinkRecord: Model, @unchecked Sendable {
    public static let schema = "plan_indicator_links"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "node_id") public var node: GoalNodeRecord
    @Field(key: "indicator_code") public var indicatorCode: String
    /// proces, output or outcome.
    @Field(key: "monitoring_type") public var monitoringType: String
    @OptionalField(key: "note") public var note: String?

    public init() {}
}

/// A SMART target on a goal node. Its status is computed from the realisations, never stored.
public final class TargetRecord: Model, @unchecked Sendable {
    public static let schema = "plan_targets"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "plan_id") public var plan: PlanRecord
    @Field(key: "key") public var key: String
    @Field(key: "node_key") public var nodeKey: String
    @Field(key: "measure") public var measure: String
    @Field(key: "unit") public var unit: String
    @Field(key: "baseline_value") public var baselineValue: Double
    @Field(key: "baseline_date") public var baselineDate: String
    @Field(key: "target_value") public var targetValue: Double
    @OptionalField(key: "target_date") public var targetDate: String?
    @Field(key: "direction") public var direction: String
    /// Monitor indicator code when realisations come from the monitor; nil for manual entry.
    @OptionalField(key: "indicator_code") public var indicatorCode: String?
    @OptionalField(key: "responsible") public var responsible: String?
    @OptionalField(key: "source_text") public var sourceText: String?
    @Field(key: "is_example") public var isExample: Bool
    @Field(key: "sort_order") public var sortOrder: Int
    /// False for an inspanningsdoel (niet-SMART), assessed qualitatively (#16).
    @Field(key: "is_smart") public var isSmart: Bool
    /// Set when the target was archived instead of deleted (#16): why, who (e-mail) and when.
    @OptionalField(key: "archived_reason") public var archivedReason: String?
    @OptionalField(key: "archived_by") public var archivedBy: String?
    @OptionalField(key: "archived_at") public var archivedAt: Date?

    public init() {}
}

/// A qualitative assessment of an inspanningsdoel at one reporting moment (#16).
public final class TargetAssessmentRecord: Model, @unchecked Sendable {
    public static let schema = "plan_target_assessments"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "target_id") public var target: TargetRecord
    /// `QualitativeAssessment.Judgement` raw value.
    @Field(key: "judgement") public var judgement: String
    @Field(key: "explanation") public var explanation: String
    /// The reporting moment, ISO `yyyy-mm-dd`.
    @Field(key: "date") public var date: String
    @OptionalField(key: "period") public var period: String?
    @Field(key: "assessed_by") public var assessedBy: String
    @Field(key: "is_example") public var isExample: Bool
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}
}

/// A plan link (#16): the goal `from` (of the contributing plan) contributes to the goal `to` of
/// another plan.
public final class PlanLinkRecord: Model, @unchecked Sendable {
    public static let schema = "plan_links"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "from_node_id") public var from: GoalNodeRecord
    @Parent(key: "to_node_id") public var to: GoalNodeRecord
    @OptionalField(key: "note") public var note: String?
    @Field(key: "created_by") public var createdBy: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}
}

/// One realisation of a target, with its evidence.
public final class RealisationRecord: Model, @unchecked Sendable {
    public static let schema = "plan_realisations"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "target_id") public var target: TargetRecord
    @OptionalField(key: "period") public var period: String?
    @Field(key: "value") public var value: Double
    @Field(key: "date") public var date: String
    @OptionalField(key: "evidence") public var evidence: String?
    @OptionalField(key: "evidence_link") public var evidenceLink: String?
    @Field(key: "is_example") public var isExample: Bool
    @OptionalField(key: "created_by") public var createdBy: String?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}
}

/// A budget table of a plan: its columns (programme/year × budget/actual) and sections.
public final class BudgetTableRecord: Model, @unchecked Sendable {
    public static let schema = "plan_budget_tables"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "plan_id") public var plan: PlanRecord
    @Field(key: "key") public var key: String
    @Field(key: "title") public var title: String
    /// What one printed unit is worth, in cents (100 000 for "in duizend euro").
    @Field(key: "unit_cents") public var unitCents: Int
    @Field(key: "has_total_column") public var hasTotalColumn: Bool
    /// JSON array of `BudgetColumn`.
    @Field(key: "columns") public var columnsJSON: String
    /// JSON array of `SectionMeta` (key, label, printed totals).
    @Field(key: "sections") public var sectionsJSON: String
    @OptionalField(key: "source_ref") public var sourceRef: String?
    @Field(key: "notes") public var notesJSON: String
    @Field(key: "is_example") public var isExample: Bool
    @Field(key: "sort_order") public var sortOrder: Int

    public init() {}

    /// Section metadata stored with the table; the lines are `BudgetEntryRecord`s.
    public struct SectionMeta: Codable, Sendable {
        public var key: String
        public var label: String
        public var statedTotals: [BudgetCell]?
        public var statedGrandTotal: BudgetCell?
    }
}

/// One cell of a budget line: programme/year column × category line, amount in integer cents,
/// plus the actual amount (realisatie) entered for a budget cell.
public final class BudgetEntryRecord: Model, @unchecked Sendable {
    public static let schema = "plan_budget_entries"
    /// Column key of a line's printed total column.
    public static let totalColumn = "__totaal"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "table_id") public var table: BudgetTableRecord
    @Field(key: "section_key") public var sectionKey: String
    @Field(key: "line_key") public var lineKey: String
    @Field(key: "line_label") public var lineLabel: String
    @Field(key: "category") public var category: String
    @Field(key: "column_key") public var columnKey: String
    @OptionalField(key: "programme") public var programme: String?
    @OptionalField(key: "year") public var year: Int?
    /// budget or actual (of the column).
    @Field(key: "kind") public var kind: String
    /// amount, empty, pm, reserved or note.
    @Field(key: "cell_kind") public var cellKind: String
    @OptionalField(key: "amount_cents") public var amountCents: Int?
    @OptionalField(key: "note") public var note: String?
    /// Actual amount entered against this budget cell, in cents.
    @OptionalField(key: "actual_cents") public var actualCents: Int?
    @OptionalField(key: "stated_percent") public var statedPercent: Int?
    @Field(key: "sort_order") public var sortOrder: Int

    public init() {}

    var cell: BudgetCell {
        switch cellKind {
        case "amount": .amount(Money(cents: amountCents ?? 0))
        case "reserved": .reserved(Money(cents: amountCents ?? 0))
        case "pm": .pm
        case "note": .note(note ?? "")
        default: .empty
        }
    }

    func setCell(_ cell: BudgetCell) {
        switch cell {
        case .amount(let m):
            cellKind = "amount"
            amountCents = m.cents
            note = nil
        case .reserved(let m):
            cellKind = "reserved"
            amountCents = m.cents
            note = nil
        case .pm:
            cellKind = "pm"
            amountCents = nil
            note = nil
        case .note(let t):
            cellKind = "note"
            amountCents = nil
            note = t
        case .empty:
            cellKind = "empty"
            amountCents = nil
            note = nil
        }
    }
}

/// Personnel figures of one year of a plan.
public final class PersonnelRecord: Model, @unchecked Sendable {
    public static let schema = "plan_personnel"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "plan_id") public var plan: PlanRecord
    @Field(key: "year") public var year: Int
    @Field(key: "kind") public var kind: String
    @Field(key: "employees") public var employees: Int
    @Field(key: "fte_hundredths") public var fteHundredths: Int
    @Field(key: "programme_hours") public var programmeHours: Int
    @Field(key: "indirect_hours") public var indirectHours: Int
    @OptionalField(key: "stated_programme_share") public var statedProgrammeShare: Int?
    @OptionalField(key: "stated_indirect_share") public var statedIndirectShare: Int?

    public init() {}
}

/// JSON text columns.
enum JSONText {
    static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
    }
    static func decode<T: Decodable & ExpressibleByArrayLiteral>(_ text: String) -> T {
        (try? JSONDecoder().decode(T.self, from: Data(text.utf8))) ?? []
    }
    static func decodeOptional<T: Decodable>(_ type: T.Type, _ text: String?) -> T? {
        guard let text else { return nil }
        return try? JSONDecoder().decode(T.self, from: Data(text.utf8))
    }
}
