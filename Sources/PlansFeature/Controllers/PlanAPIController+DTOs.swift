import Vapor
import VitaalDomain

/// The JSON of `/api/v1/plans` (described for OpenAPI in `PlanAPIController+OpenAPI.swift`).
extension PlanAPIController {
    struct RollUpDTO: Content {
        var status: String
        var label: String
        var counts: [String: Int]
        init(_ r: StatusRollUp) {
            status = r.status.rawValue
            label = r.status.label
            counts = Dictionary(uniqueKeysWithValues: r.counts.map { ($0.key.rawValue, $0.value) })
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
        var children: [NodeDTO]
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
