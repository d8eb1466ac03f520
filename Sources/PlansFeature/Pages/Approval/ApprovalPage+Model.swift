import AppCore
import Fluent
import Vapor
import VitaalDomain

/// The approval of a plan (`/plannen/<key>/vaststelling`, #16): its status, who submitted and
/// adopted it, the last rejection with its reason, the status history from the audit log, and the
/// steps the viewer may take under the four-eyes rule (`PlanApproval`).
enum ApprovalPage {
    struct Model {
        struct Step: Equatable {
            var to: PlanStatus
            var label: String
            /// A step back to concept needs a reason.
            var needsReason: Bool { to == .concept }
        }
        struct HistoryRow: Equatable {
            var at: Date
            var actor: String
            var summary: String
        }

        var key: String
        var title: String
        var organisation: String
        var steering: String
        var status: PlanStatus
        var submittedBy: String?
        var adopted: (by: String, at: Date)?
        var rejection: (reason: String, by: String, at: Date)?
        var history: [HistoryRow]
        /// The steps the viewer may take now (empty for a reader).
        var steps: [Step]
        /// Why the viewer may not adopt (shown instead of the button), if the plan is ingediend.
        var adoptHint: String?
        var notice: String?
        var errors: [String: String] = [:]
        var refusal: String?
        var reason: String = ""
        var httpStatus: HTTPResponseStatus = .ok

        /// At most this many history rows are shown (newest first).
        static let historyLimit = 100

        static func load(_ loaded: LoadedPlan, user: User?, on db: any Database) async throws -> Self {
            let record = loaded.record
            let steering = try await ApprovalRoles.steeringName(on: db)
            var submittedBy: String?
            if let id = record.submittedByID { submittedBy = try await User.find(id, on: db)?.email ?? "onbekend" }
            let entries = try await AuditEntry.query(on: db).filter(\.$entity == "plan")
                .filter(\.$entityID == loaded.key).filter(\.$action == "status").sort(\.$at, .descending)
                .limit(historyLimit).all()
            var steps: [Step] = []
            var adoptHint: String?
            if let user {
                let rights = try await PlanApproval.rights(user, loaded, on: db)
                for next in loaded.plan.status.allowedNextStatuses {
                    do {
                        let rejects = try PlanApproval.authorize(
                            rights, to: next, record: record, organisation: loaded.organisation.name,
                            steering: steering)
                        steps.append(Step(to: next, label: label(next, rejects: rejects)))
                    } catch let error as VitaalError where next == .vastgesteld {
                        adoptHint = error.message
                    } catch {}
                }
            }
            return Model(
                key: loaded.key, title: loaded.plan.title, organisation: loaded.organisation.name,
                steering: steering, status: loaded.plan.status, submittedBy: submittedBy,
                adopted: record.adoptedBy.flatMap { by in record.adoptedAt.map { (by: by, at: $0) } },
                rejection: record.rejectionReason.flatMap { reason in
                    record.rejectedAt.map { (reason: reason, by: record.rejectedBy ?? "onbekend", at: $0) }
                },
                history: entries.map { HistoryRow(at: $0.at, actor: $0.actor, summary: $0.summary) },
                steps: steps, adoptHint: adoptHint)
        }

        static func label(_ status: PlanStatus, rejects: Bool) -> String {
            switch status {
            case .ingediend: "Indienen ter vaststelling"
            case .vastgesteld: "Vaststellen"
            case .concept: rejects ? "Afwijzen (terug naar concept)" : "Terugtrekken (terug naar concept)"
            case .afgesloten: "Afsluiten"
            }
        }

        /// Shows a refused step: a field problem next to its field, a rule or conflict at the top.
        mutating func refuse(_ error: VitaalError, reason: String) {
            httpStatus =
                switch error.kind {
                case .forbidden: .forbidden
                case .conflict: .conflict
                default: .unprocessableEntity
                }
            self.reason = String(reason.prefix(TransitionInput.maxReason + 100))
            var placed = false
            for problem in error.problems where problem.location.field == "reden" {
                errors["reden"] = problem.message
                placed = true
            }
            if !placed { refusal = error.message }
        }

        func noticeText(_ code: String) -> String? {
            switch code {
            case "concept": "Het plan is teruggezet naar concept; de reden staat hieronder."
            case "vastgesteld": "Het plan is vastgesteld."
            default: nil
            }
        }
    }
}
