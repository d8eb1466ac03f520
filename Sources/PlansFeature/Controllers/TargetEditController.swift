import AppCore
import Fluent
import Vapor
import VitaalDomain

/// Editing and deleting a target of a concept plan (`/plannen/<key>/doelstellingen/<target>/bewerken`
/// and `…/verwijderen`): checked like a new target (`TargetInput`), the key stays; a target with stored
/// realisations is not deleted (409). One transaction with an audit entry each.
struct TargetEditController: RouteCollection {
    static let fields = [
        "kind", "node", "measure", "unit", "direction", "baselineValue", "baselineDate", "targetValue", "targetDate",
        "indicator", "responsible"
    ]

    func boot(routes: any RoutesBuilder) throws {
        routes.requiring(.redacteur).get(PlanURL.editTarget(plan: .key, target: .key), use: form)
        routes.write(.POST, PlanURL.editTarget(plan: .key, target: .key), access: .role(.redacteur), use: save)
        routes.write(.POST, PlanURL.deleteTarget(plan: .key, target: .key), access: .role(.redacteur), use: delete)
    }

    static func values(_ target: SmartTarget) -> [String: String] {
        var indicator = ""
        if case .indicator(let code) = target.source { indicator = code }
        return [
            "kind": target.isSmart ? "smart" : "inspanning", "node": target.nodeKey, "measure": target.measure,
            "unit": target.unit,
            "direction": target.direction.rawValue, "baselineValue": PlanViews.number(target.baseline.value),
            "baselineDate": target.baseline.date.description, "targetValue": PlanViews.number(target.targetValue),
            "targetDate": target.targetDate?.description ?? "", "indicator": indicator,
            "responsible": target.responsible ?? ""
        ]
    }

    @Sendable func form(_ req: Request) async throws -> SitePage {
        let (loaded, _) = try await PlanWriteController.loadForChange(req, structure: true)
        let (_, target) = try RealisationInput.target(loaded, req)
        let model = TargetEditPage.Model(loaded, target: target, form: PlanForm(values: Self.values(target)))
        return TargetEditPage.view(model, req.formContext)
    }

    @Sendable func save(_ req: Request) async throws -> Response {
        let (loaded, _) = try await PlanWriteController.loadForChange(req, structure: true)
        let (record, target) = try RealisationInput.target(loaded, req)
        var plan = loaded.plan
        plan.targets.removeAll { $0.key == target.key }
        var changed: SmartTarget
        do {
            changed = try await TargetInput.parse(req, plan: plan)
            if FormInput.text(req, "measure").count > PlanAuthoring.maxNodeTitleLength {
                throw VitaalError.invalid(
                    "Maat: ten hoogste \(PlanAuthoring.maxNodeTitleLength) tekens", at: SourceLocation(field: "measure")
                )
            }
        } catch let error as VitaalError where error.kind == .invalidInput {
            var values = [String: String]()
            for field in Self.fields { values[field] = String(FormInput.text(req, field).prefix(5000)) }
            var form = PlanForm(values: values, refused: error)
            for (from, to) in [("nodeKey", "node"), ("source", "indicator")] where form.errors[to] == nil {
                form.errors[to] = form.errors[from]
            }
            let model = TargetEditPage.Model(loaded, target: target, form: form)
            return TargetEditPage.view(model, req.formContext).render(for: req)
        }
        changed.key = target.key
        let fresh = PlanStore.makeTarget(changed, planID: loaded.id, sortOrder: record.sortOrder)
        let after = changed
        let planTitle = loaded.plan.title
        try await req.db.transaction { db in
            record.nodeKey = fresh.nodeKey
            record.measure = fresh.measure
            record.unit = fresh.unit
            record.baselineValue = fresh.baselineValue
            record.baselineDate = fresh.baselineDate
            record.targetValue = fresh.targetValue
            record.targetDate = fresh.targetDate
            record.direction = fresh.direction
            record.indicatorCode = fresh.indicatorCode
            record.responsible = fresh.responsible
            record.isSmart = fresh.isSmart
            try await record.save(on: db)
            try await req.audit(
                on: db, "gewijzigd", entity: "doelstelling", id: "\(loaded.key)/\(target.key)",
                summary: "Doelstelling \"\(after.measure)\" in \(planTitle): streefwaarde "
                    + "\(PlanViews.number(target.targetValue)) → \(PlanViews.number(after.targetValue)) "
                    + "\(after.unit)")
        }
        return req.redirect(
            to: PlanURL.target(plan: .value(loaded.key), target: .value(target.key)),
            notice: PlanNotice.targetSaved.rawValue)
    }

    @Sendable func delete(_ req: Request) async throws -> Response {
        let (loaded, _) = try await PlanWriteController.loadForChange(req, structure: true)
        let (record, target) = try RealisationInput.target(loaded, req)
        if PlanTreeStore.targetsWithRealisations(loaded).contains(target.key) {
            throw VitaalError(
                .conflict,
                "Doelstelling niet verwijderd: ze heeft realisaties. Archiveer haar met een reden, of corrigeer of "
                    + "verwijder eerst die realisaties; een doelstelling met realisaties blijft bewaard.")
        }
        let planTitle = loaded.plan.title
        try await req.db.transaction { db in
            try await record.delete(on: db)
            try await req.audit(
                on: db, "verwijderd", entity: "doelstelling", id: "\(loaded.key)/\(target.key)",
                summary: "Doelstelling \"\(target.measure)\" verwijderd uit \(planTitle)")
        }
        return req.redirect(to: PlanURL.plan(.value(loaded.key)), notice: PlanNotice.targetDeleted.rawValue)
    }
}
