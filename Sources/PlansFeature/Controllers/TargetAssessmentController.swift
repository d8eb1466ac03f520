import AppCore
import Fluent
import Vapor
import VitaalDomain

/// Inspanningsdoelen and archived targets (#16): a qualitative assessment of a niet-SMART target
/// (`…/doelstellingen/<target>/beoordelingen`, until the plan is afgesloten), and archiving a target
/// of a concept plan instead of deleting it (`…/archiveren`, reason required) and restoring it
/// (`…/herstellen`). Editors of the owning organisation and beheerders; one transaction with an audit
/// entry each; a refused form is shown again with its values and the message next to the field (422).
struct TargetAssessmentController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.write(.POST, PlanURL.assessments(plan: .key, target: .key), access: .role(.redacteur), use: assess)
        routes.write(.POST, PlanURL.archiveTarget(plan: .key, target: .key), access: .role(.redacteur), use: archive)
        routes.write(.POST, PlanURL.restoreTarget(plan: .key, target: .key), access: .role(.redacteur), use: restore)
    }

    static let assessmentFields = ["judgement", "explanation", "date", "period"]

    @Sendable func assess(_ req: Request) async throws -> Response {
        let (loaded, user) = try await PlanWriteController.loadForChange(req)
        let (record, target) = try RealisationInput.target(loaded, req)
        guard !target.isSmart else {
            throw VitaalError(
                .conflict,
                "Een SMART-doelstelling krijgt geen beoordeling: haar status wordt berekend uit de realisaties.")
        }
        var problems = ProblemCollector()
        let dateText = FormInput.text(req, "date")
        let date = problems.collect { try FormInput.date(dateText, field: "date", label: "Peildatum") }
        let explanation = FormInput.text(req, "explanation")
        let judgement = QualitativeAssessment.check(
            judgement: FormInput.text(req, "judgement"), explanation: explanation, date: date,
            period: loaded.plan.period, into: &problems)
        let period = FormInput.optionalText(req, "period").map { String($0.prefix(40)) }
        guard problems.isEmpty, let judgement, let date else {
            let error = VitaalError(
                .invalidInput, "Beoordeling niet opgeslagen", problems: problems.problems)
            var values: [String: String] = [:]
            for field in Self.assessmentFields { values[field] = String(FormInput.text(req, field).prefix(5000)) }
            let context = req.formContext
            var model = try await TargetPage.Model.load(
                loaded, targetKey: target.key, viewer: context.viewer, csrfToken: context.csrfToken,
                attachmentLimit: req.application.planAttachmentLimit, notice: nil, on: req.db)
            model.assessmentForm?.form = PlanForm(values: values, refused: error)
            var page = TargetPage.view(model, context)
            page.status = .unprocessableEntity
            return page.render(for: req)
        }
        let assessment = QualitativeAssessment(
            judgement: judgement, explanation: explanation.trimmingCharacters(in: .whitespacesAndNewlines),
            date: date, period: period, assessedBy: user.email)
        let targetID = try record.requireID()
        let planTitle = loaded.plan.title
        try await req.db.transaction { db in
            try await PlanStore.makeAssessment(assessment, targetID: targetID).create(on: db)
            try await req.audit(
                on: db, "beoordeeld", entity: "doelstelling", id: "\(loaded.key)/\(target.key)",
                summary: "Inspanningsdoel \"\(target.measure)\" in \(planTitle) beoordeeld per \(date.dutch): "
                    + "\(judgement.label)")
        }
        return req.redirect(
            to: PlanURL.target(plan: .value(loaded.key), target: .value(target.key)),
            notice: PlanNotice.assessmentSaved.rawValue)
    }

    @Sendable func archive(_ req: Request) async throws -> Response {
        let (loaded, user) = try await PlanWriteController.loadForChange(req, structure: true)
        let (record, target) = try RealisationInput.target(loaded, req)
        let reason = FormInput.text(req, "reason")
        if let problem = TargetArchive.reasonProblem(reason) {
            let error = VitaalError(.invalidInput, "Doelstelling niet gearchiveerd", problems: [problem])
            var model = TargetEditPage.Model(
                loaded, target: target, form: PlanForm(values: TargetEditController.values(target)))
            model.archiveForm = PlanForm(values: ["reason": String(reason.prefix(5000))], refused: error)
            var page = TargetEditPage.view(model, req.formContext)
            page.status = .unprocessableEntity
            return page.render(for: req)
        }
        let trimmed = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        let now = req.now
        let planTitle = loaded.plan.title
        let count = (loaded.realisations[target.key] ?? []).filter { $0.id != nil }.count
        try await req.db.transaction { db in
            record.archivedReason = trimmed
            record.archivedBy = user.email
            record.archivedAt = now
            try await record.save(on: db)
            try await req.audit(
                on: db, "gearchiveerd", entity: "doelstelling", id: "\(loaded.key)/\(target.key)",
                summary: "Doelstelling \"\(target.measure)\" in \(planTitle) gearchiveerd met \(count) "
                    + "realisatie(s); reden: \(trimmed)")
        }
        return req.redirect(
            to: PlanURL.plan(.value(loaded.key)).path(query: [("melding", PlanNotice.targetArchived.rawValue)])
                + "#gearchiveerd", redirectType: .normal)
    }

    @Sendable func restore(_ req: Request) async throws -> Response {
        let (loaded, _) = try await PlanWriteController.loadForChange(req, structure: true)
        let key = req.parameters.get("target") ?? ""
        guard let record = loaded.target(key), let target = loaded.plan.archivedTargets.first(where: { $0.key == key })
        else {
            throw VitaalError(.notFound, "Geen gearchiveerde doelstelling \"\(key)\".")
        }
        let planTitle = loaded.plan.title
        try await req.db.transaction { db in
            record.archivedReason = nil
            record.archivedBy = nil
            record.archivedAt = nil
            try await record.save(on: db)
            try await req.audit(
                on: db, "hersteld", entity: "doelstelling", id: "\(loaded.key)/\(target.key)",
                summary: "Gearchiveerde doelstelling \"\(target.measure)\" in \(planTitle) hersteld")
        }
        return req.redirect(
            to: PlanURL.target(plan: .value(loaded.key), target: .value(key)),
            notice: PlanNotice.targetRestored.rawValue)
    }
}
