import AppCore
import Fluent
import Vapor
import VitaalDomain

/// Plan links (#16): a goal of this plan contributes to a goal of another plan
/// (`/plannen/<key>/doelen/<node>/bijdragen`), and such a link removed (`…/bijdragen/<id>/verwijderen`).
/// The link belongs to the contributing plan: editors of its organisation and beheerders, until it is
/// afgesloten. Checked by `PlanLink.problems` (no link to the own plan, none twice); a refused form is
/// shown again on the goal page with the message next to the field (422); one transaction with an
/// audit entry each.
struct PlanLinkController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.write(.POST, PlanURL.planLinks(plan: .key, node: .key), access: .role(.redacteur), use: add)
        routes.write(
            .POST, PlanURL.removePlanLink(plan: .key, node: .key, link: .key), access: .role(.redacteur), use: remove)
    }

    @Sendable func add(_ req: Request) async throws -> Response {
        let (loaded, user) = try await PlanWriteController.loadForChange(req)
        let (node, record) = try PlanNodeEditController.node(req, loaded)
        let goalText = FormInput.text(req, "goal")
        let note = FormInput.optionalText(req, "note")
        // The chosen goal by its id; an unknown or unreadable id is "no goal chosen".
        var target: GoalNodeRecord?
        if let id = UUID(uuidString: goalText) {
            target = try await GoalNodeRecord.query(on: req.db).filter(\.$id == id).with(\.$plan).first()
        }
        let other: LoadedPlan? =
            if let target { try await PlanStore.load(record: target.plan, audience: .internal, on: req.db) } else {
                nil
            }
        let existing = (loaded.contributesTo[node.key] ?? []).map {
            PlanLink(fromPlan: loaded.key, fromNode: node.key, toPlan: $0.planKey, toNode: $0.nodeKey)
        }
        let problems = PlanLink.problems(
            from: loaded.plan, fromNode: node.key, to: other?.plan, toNode: target?.key ?? "", existing: existing,
            note: note)
        guard problems.isEmpty, let target, let other else {
            let error = VitaalError.invalid("Bijdrage niet vastgelegd", problems: problems)
            var model = try await NodeEditPage.Model.load(
                loaded, node: node, viewer: req.user?.viewer, notice: nil, registers: req.application.registerReading,
                on: req.db)
            model.linkForm?.form = PlanForm(
                values: ["goal": String(goalText.prefix(100)), "note": String((note ?? "").prefix(5000))],
                refused: error)
            var page = NodeEditPage.view(model, req.formContext)
            page.status = .unprocessableEntity
            return page.render(for: req)
        }
        let fromID = try record.requireID()
        let toID = try target.requireID()
        let summary =
            "Doel \"\(node.title)\" van \(loaded.plan.title) draagt bij aan \"\(target.title)\" van \(other.plan.title)"
        try await req.db.transaction { db in
            let link = PlanLinkRecord()
            link.$from.id = fromID
            link.$to.id = toID
            link.note = note
            link.createdBy = user.email
            try await link.create(on: db)
            try await req.audit(
                on: db, "aangemaakt", entity: "plankoppeling",
                id: "\(loaded.key)/\(node.key)→\(other.key)/\(target.key)",
                summary: summary)
        }
        return req.redirect(
            to: PlanURL.node(plan: .value(loaded.key), node: .value(node.key)), notice: PlanNotice.planLinked.rawValue)
    }

    @Sendable func remove(_ req: Request) async throws -> Response {
        let (loaded, _) = try await PlanWriteController.loadForChange(req)
        let (node, _) = try PlanNodeEditController.node(req, loaded)
        let id = req.parameters.get("link").flatMap(UUID.init(uuidString:))
        guard let id, let goal = (loaded.contributesTo[node.key] ?? []).first(where: { $0.id == id }),
            let link = try await PlanLinkRecord.find(id, on: req.db)
        else {
            throw VitaalError(.notFound, "Dit doel heeft geen bijdrage met dit nummer.")
        }
        let summary =
            "Bijdrage van \"\(node.title)\" (\(loaded.plan.title)) aan \"\(goal.nodeTitle)\" (\(goal.planTitle)) "
            + "verwijderd"
        try await req.db.transaction { db in
            try await link.delete(on: db)
            try await req.audit(
                on: db, "verwijderd", entity: "plankoppeling",
                id: "\(loaded.key)/\(node.key)→\(goal.planKey)/\(goal.nodeKey)", summary: summary)
        }
        return req.redirect(
            to: PlanURL.node(plan: .value(loaded.key), node: .value(node.key)), notice: PlanNotice.planUnlinked.rawValue
        )
    }
}
