import AppCore
import Fluent
import Vapor
import VitaalDomain

/// A status change as the form sends it: a known status that the plan's lifecycle allows from its
/// current status (422 or 409 otherwise).
struct TransitionInput {
    var from: PlanStatus
    var to: PlanStatus

    init(_ req: Request, from: PlanStatus) throws {
        let text = FormInput.text(req, "status")
        guard let target = PlanStatus(rawValue: text) else {
            throw VitaalError.invalid(
                "onbekende status \"\(BoundedNumber.short(text))\" (concept, ingediend, vastgesteld of afgesloten)",
                at: SourceLocation(field: "status"))
        }
        self.from = from
        to = try from.transition(to: target)
    }

    /// Saves the new status (and who submitted) in one transaction, with an audit entry; 409 when the
    /// status changed since the plan was loaded.
    func save(_ loaded: LoadedPlan, by user: User, _ req: Request) async throws {
        let by = to == .ingediend ? " (ingediend door \(user.email))" : ""
        try await req.db.transaction { db in
            guard let record = try await PlanRecord.find(loaded.id, on: db) else {
                throw VitaalError(.notFound, "Plan verdwenen.")
            }
            guard record.status == from.rawValue else {
                throw VitaalError(.conflict, "De status is intussen gewijzigd; laad de pagina opnieuw.")
            }
            record.status = to.rawValue
            if to == .ingediend { record.submittedByID = user.id }
            if to == .concept { record.submittedByID = nil }
            try await record.save(on: db)
            try await req.audit(
                on: db, "status", entity: "plan", id: loaded.key,
                summary: "Status van \"\(loaded.plan.title)\": \(from.label) → \(to.label)\(by)")
        }
    }
}
