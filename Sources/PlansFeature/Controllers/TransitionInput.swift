import AppCore
import Fluent
import Vapor
import VitaalDomain

/// A status change as the form sends it: a known status that the plan's lifecycle allows from its
/// current status (422 or 409 otherwise), and the reason (`reden`) that taking a submitted plan back to
/// concept needs (a rejection or a withdrawal; 422 naming the field when empty or too long).
struct TransitionInput {
    var from: PlanStatus
    var to: PlanStatus
    /// The reason of a step back to concept; nil for other steps.
    var reason: String?

    /// The longest reason accepted.
    static let maxReason = 2000

    init(_ req: Request, from: PlanStatus) throws {
        let text = FormInput.text(req, "status")
        guard let target = PlanStatus(rawValue: text) else {
            throw VitaalError.invalid(
                "onbekende status \"\(BoundedNumber.short(text))\" (concept, ingediend, vastgesteld of afgesloten)",
                at: SourceLocation(field: "status"))
        }
        self.from = from
        to = try from.transition(to: target)
        if to == .concept {
            let reason = FormInput.text(req, "reden").trimmingCharacters(in: .whitespacesAndNewlines)
            if reason.isEmpty {
                throw VitaalError.invalid(
                    "Reden ontbreekt: wie een ingediend plan terugzet naar concept, schrijft op waarom",
                    at: SourceLocation(field: "reden"))
            }
            if reason.count > Self.maxReason {
                throw VitaalError.invalid(
                    "Reden is te lang (\(reason.count) tekens); ten hoogste \(Self.maxReason)",
                    at: SourceLocation(field: "reden"))
            }
            self.reason = reason
        }
    }

    /// Saves the new status in one transaction with an audit entry: who submitted, who adopted, and
    /// for a step back the reason and who gave it (`rejected`: an approver's rejection rather than the
    /// owner's withdrawal). 409 when the status changed since the plan was loaded.
    func save(_ loaded: LoadedPlan, by user: User, rejected: Bool, _ req: Request) async throws {
        let now = req.now
        let by: String
        switch to {
        case .ingediend: by = " (ingediend door \(user.email))"
        case .vastgesteld: by = " (vastgesteld door \(user.email))"
        case .concept: by = " (\(rejected ? "afgewezen" : "teruggetrokken") door \(user.email)). Reden: \(reason ?? "")"
        case .afgesloten: by = " (afgesloten door \(user.email))"
        }
        try await req.db.transaction { db in
            guard let record = try await PlanRecord.find(loaded.id, on: db) else {
                throw VitaalError(.notFound, "Plan verdwenen.")
            }
            guard record.status == from.rawValue else {
                throw VitaalError(.conflict, "De status is intussen gewijzigd; laad de pagina opnieuw.")
            }
            record.status = to.rawValue
            switch to {
            case .ingediend: record.submittedByID = user.id
            case .concept:
                record.submittedByID = nil
                (record.rejectionReason, record.rejectedBy, record.rejectedAt) = (reason, user.email, now)
            case .vastgesteld:
                (record.adoptedBy, record.adoptedAt) = (user.email, now)
                (record.rejectionReason, record.rejectedBy, record.rejectedAt) = (nil, nil, nil)
            case .afgesloten: break
            }
            try await record.save(on: db)
            try await req.audit(
                on: db, "status", entity: "plan", id: loaded.key,
                summary: "Status van \"\(loaded.plan.title)\": \(from.label) → \(to.label)\(by)")
        }
    }
}
