import AppCore
import Fluent
import Vapor
import VitaalDomain

/// Correcting and deleting a stored realisation (`/plannen/<key>/doelstellingen/<target>/realisaties/<id>`):
/// editors of the owning organisation and beheerders, while the plan is not afgesloten. Once the
/// plan is vastgesteld a reason is required; every correction and deletion is in the audit log with
/// the old and new values and the reason. Realisations read from the monitor are not stored and
/// cannot be corrected here.
struct RealisationCorrectionController: RouteCollection {
    static let maxReasonLength = 2000

    func boot(routes: any RoutesBuilder) throws {
        let url = PlanURL.realisation(plan: .key, target: .key, realisation: .key)
        routes.requiring(.redacteur).get(url, use: form)
        routes.write(.POST, url, access: .role(.redacteur), use: correct)
        routes.write(
            .POST, PlanURL.deleteRealisation(plan: .key, target: .key, realisation: .key), access: .role(.redacteur),
            use: delete)
    }

    struct Loaded {
        var plan: LoadedPlan
        var user: User
        var target: SmartTarget
        var row: RealisationRecord
    }

    static func load(_ req: Request) async throws -> Loaded {
        let (loaded, user) = try await PlanWriteController.loadForChange(req)
        let (_, target) = try RealisationInput.target(loaded, req)
        let id = UUID(uuidString: req.parameters.get("realisation") ?? "")
        guard let id, let row = loaded.realisations[target.key]?.first(where: { $0.id == id }) else {
            throw VitaalError(.notFound, "Deze doelstelling heeft geen opgeslagen realisatie met dit kenmerk.")
        }
        return Loaded(plan: loaded, user: user, target: target, row: row)
    }

    /// The reason: required once the plan is vastgesteld, at most `maxReasonLength` characters.
    static func reason(_ req: Request, plan: Plan, _ problems: inout ProblemCollector) -> String? {
        let reason = FormInput.text(req, "reden")
        if reason.isEmpty && plan.status == .vastgesteld {
            problems.add(
                "geef een reden: het plan is vastgesteld, dus elke correctie wordt verantwoord",
                at: SourceLocation(field: "reden"))
        } else if reason.count > maxReasonLength {
            problems.add(
                "Reden: ten hoogste \(maxReasonLength) tekens (nu \(reason.count))", at: SourceLocation(field: "reden"))
        }
        return reason.isEmpty ? nil : String(reason.prefix(maxReasonLength))
    }

    static func values(_ row: RealisationRecord) -> [String: String] {
        [
            "value": PlanViews.number(row.value), "date": row.date, "period": row.period ?? "",
            "evidence": row.evidence ?? "", "evidenceLink": row.evidenceLink ?? ""
        ]
    }

    @Sendable func form(_ req: Request) async throws -> SitePage {
        let loaded = try await Self.load(req)
        let model = RealisationEditPage.Model(loaded, form: PlanForm(values: Self.values(loaded.row)))
        return RealisationEditPage.view(model, req.formContext)
    }

    @Sendable func correct(_ req: Request) async throws -> Response {
        let loaded = try await Self.load(req)
        let plan = loaded.plan.plan
        var problems = ProblemCollector()
        let value = try RealisationInput.value(req, &problems)
        let date = try RealisationInput.date(req, target: loaded.target, plan: plan, &problems)
        let link = RealisationInput.evidenceLink(req, &problems)
        if let value, value < 0, loaded.target.direction == .count {
            problems.add(
                "een aantal kan niet negatief zijn (\(PlanViews.number(value)))", at: SourceLocation(field: "value"))
        }
        for (field, label) in [("period", "Periode"), ("evidence", "Onderbouwing")]
        where FormInput.text(req, field).count > Self.maxReasonLength {
            problems.add("\(label): ten hoogste \(Self.maxReasonLength) tekens", at: SourceLocation(field: field))
        }
        let reason = Self.reason(req, plan: plan, &problems)
        do { try problems.throwIfAny("Realisatie niet gecorrigeerd") } catch let error as VitaalError {
            var values = [String: String]()
            for field in ["value", "date", "period", "evidence", "evidenceLink", "reden"] {
                values[field] = String(FormInput.text(req, field).prefix(5000))
            }
            let model = RealisationEditPage.Model(loaded, form: PlanForm(values: values, refused: error))
            return RealisationEditPage.view(model, req.formContext).render(for: req)
        }
        let row = loaded.row
        let before = "\(PlanViews.number(row.value)) op \(row.date)"
        let after = "\(PlanViews.number(value!)) op \(date!.description)"
        let summary =
            "Realisatie bij \"\(loaded.target.measure)\" (\(plan.title)) gecorrigeerd: \(before) → \(after)"
            + (reason.map { "; reden: \($0)" } ?? "")
        try await req.db.transaction { db in
            row.value = value!
            row.date = date!.description
            row.period = FormInput.optionalText(req, "period")
            row.evidence = FormInput.optionalText(req, "evidence")
            row.evidenceLink = link
            try await row.save(on: db)
            try await req.audit(
                on: db, "gecorrigeerd", entity: "realisatie",
                id: "\(loaded.plan.key)/\(loaded.target.key)/\(row.id!.uuidString)", summary: summary)
        }
        return req.redirect(
            to: PlanURL.target(plan: .value(loaded.plan.key), target: .value(loaded.target.key)),
            notice: PlanNotice.realisationCorrected.rawValue)
    }

    @Sendable func delete(_ req: Request) async throws -> Response {
        let loaded = try await Self.load(req)
        let plan = loaded.plan.plan
        var problems = ProblemCollector()
        let reason = Self.reason(req, plan: plan, &problems)
        do { try problems.throwIfAny("Realisatie niet verwijderd") } catch let error as VitaalError {
            let model = RealisationEditPage.Model(
                loaded, form: PlanForm(values: Self.values(loaded.row)),
                deleteForm: PlanForm(
                    values: ["reden": String(FormInput.text(req, "reden").prefix(5000))], refused: error))
            return RealisationEditPage.view(model, req.formContext).render(for: req)
        }
        let row = loaded.row
        let id = row.id!
        let summary =
            "Realisatie \(PlanViews.number(row.value)) op \(row.date) bij \"\(loaded.target.measure)\" (\(plan.title)) "
            + "verwijderd" + (reason.map { "; reden: \($0)" } ?? "")
        try await req.db.transaction { db in
            try await PlanAttachmentRecord.query(on: db).filter(\.$realisation.$id == id).delete()
            try await row.delete(on: db)
            try await req.audit(
                on: db, "verwijderd", entity: "realisatie",
                id: "\(loaded.plan.key)/\(loaded.target.key)/\(id.uuidString)", summary: summary)
        }
        return req.redirect(
            to: PlanURL.target(plan: .value(loaded.plan.key), target: .value(loaded.target.key)),
            notice: PlanNotice.realisationDeleted.rawValue)
    }
}
