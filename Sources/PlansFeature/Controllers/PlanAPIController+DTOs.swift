import Vapor
import VitaalDomain

/// The JSON of `/api/v1/plans` (described for OpenAPI in `PlanAPIController+OpenAPI.swift`).
extension PlanAPIController {
    struct RollUpDTO: Content {
        var status: String
        var label: String
        var counts: [String: Int]
        /// How many of the counted targets are inspanningsdoelen (status from an assessment).
        var qualitativeCount: Int
        init(_ r: StatusRollUp) {
            status = r.status.rawValue
            label = r.status.label
            counts = Dictionary(uniqueKeysWithValues: r.counts.map { ($0.key.rawValue, $0.value) })
            qualitativeCount = r.qualitativeCount
        }
    }
    struct PlanSummaryDTO: Content {
        var key: String
        var title: String
        var owner: String
        var organisation: String
        var periodStart: String
        var periodEnd: String
        var version: Int
        var status: String
        var previousVersion: String?
        var progress: RollUpDTO
    }
    struct IndicatorLinkDTO: Content {
        var indicatorCode: String
        var monitoringType: String
        var note: String?
    }
    struct NodeDTO: Content {
        var key: String
        var level: Int
        var levelName: String
        var title: String
        var text: String
        var owner: String?
        var partners: [String]
        var periods: [String]
        var indicators: [IndicatorLinkDTO]
        var logicModel: LogicModel?
        var isExample: Bool
        var progress: RollUpDTO
        var targets: [String]
        /// Plan links (#16): the goals of other plans this goal contributes to, and those contributing to it.
        var contributesTo: [PlanLinkDTO]
        var contributors: [PlanLinkDTO]
        var children: [NodeDTO]
    }
    struct PlanLinkDTO: Content {
        var plan: String
        var planTitle: String
        var organisation: String
        var nodeKey: String
        var nodeTitle: String
        var note: String?
        init(_ goal: LinkedGoal) {
            plan = goal.planKey
            planTitle = goal.planTitle
            organisation = goal.organisation
            nodeKey = goal.nodeKey
            nodeTitle = goal.nodeTitle
            note = goal.note
        }
    }
    struct PlanDetailDTO: Content {
        var plan: PlanSummaryDTO
        var levels: [String]
        var periodColumns: [String]
        var notes: [String]
        var tree: [NodeDTO]
    }
    struct RealisationDTO: Content {
        var period: String?
        var value: Double
        var date: String
        var evidence: String?
        var evidenceLink: String?
        var isExample: Bool
    }
    struct TargetDTO: Content {
        var key: String
        var nodeKey: String
        var measure: String
        var unit: String
        var direction: String
        var baselineValue: Double
        var baselineDate: String
        var targetValue: Double
        var targetDate: String?
        var indicatorCode: String?
        var responsible: String?
        var currentValue: Double?
        var currentDate: String?
        var status: String
        var statusLabel: String
        var isExample: Bool
        var realisations: [RealisationDTO]
        /// False for an inspanningsdoel: `status` is then its latest assessment, never computed.
        var isSmart: Bool
        var assessments: [AssessmentDTO]
        /// Set for an archived target (not counted in the plan's progress).
        var archived: ArchiveDTO?
    }
    struct AssessmentDTO: Content {
        var judgement: String
        var label: String
        var explanation: String
        var date: String
        var period: String?
        /// Who assessed (with a session only).
        var assessedBy: String?
        var isExample: Bool
    }
    struct ArchiveDTO: Content {
        var reason: String
        var archivedAt: Date
        /// Who archived (with a session only).
        var archivedBy: String?
    }
    struct BudgetLineDTO: Content {
        var section: String
        var key: String
        var label: String
        var category: String
        var cents: [Int]
        var totalCents: Int?
        var actualCents: [String: Int]
    }
    struct BudgetDTO: Content {
        var key: String
        var title: String
        var unitCents: Int
        var columns: [BudgetColumn]
        var lines: [BudgetLineDTO]
        var sectionTotalsCents: [String: [Int]]
        var discrepancies: [String]
        var isExample: Bool
    }
}
