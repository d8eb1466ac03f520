import AppCore
import Fluent
import MonitorFeature
import Vapor
import VitaalDomain

/// Changes to a plan: realisations, new targets, status transitions, copies, budget lines and
/// personnel (the goal tree is written by `PlanAuthoringController`). Each checks the organisation
/// (editors write only their own plans; beheerder everything), validates everything before writing,
/// writes in one transaction and records the change in the audit log.
struct PlanWriteController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        // Streamed: the handler collects the body itself so an oversized upload gets a Dutch message.
        routes.write(
            .POST, PlanURL.realisations(plan: .key, target: .key), access: .role(.redacteur), body: .stream,
            use: addRealisation)
        routes.write(.POST, PlanURL.targets(plan: .key), access: .role(.redacteur), use: addTarget)
        routes.write(.POST, PlanURL.status(plan: .key), access: .role(.redacteur), use: transition)
        routes.write(.POST, PlanURL.copy(plan: .key), access: .role(.redacteur), use: copy)
        routes.write(
            .POST, PlanURL.budgetLine(plan: .key, table: .key, line: .key), access: .role(.redacteur),
            use: saveBudgetLine)
        routes.write(.POST, PlanURL.personnel(plan: .key), access: .role(.redacteur), use: savePersonnel)
    }

    /// Loads the plan for a change by the current user: 404 when unknown/invisible, 403 for another
    /// organisation, 409 when the plan is afgesloten (or, with `structure`, no longer concept).
    static func loadForChange(_ req: Request, structure: Bool = false) async throws -> (LoadedPlan, User) {
        let loaded = try await PlanAccess.loadVisible(req)
        let user = try PlanAccess.requireEdit(loaded, req)
        let status = loaded.plan.status
        if status == .afgesloten {
            throw VitaalError(.conflict, "Het plan is afgesloten en kan niet meer worden gewijzigd.")
        }
        if structure && status != .concept {
            throw VitaalError(
                .conflict,
                "Doelen, doelstellingen en begrotingsbedragen wijzigt u alleen in een concept. Dit plan is "
                    + "\(status.label.lowercased()); kopieer het naar een nieuwe versie.")
        }
        return (loaded, user)
    }

    // MARK: Realisation

    @Sendable func addRealisation(_ req: Request) async throws -> Response {
        let (loaded, user) = try await Self.loadForChange(req)
        try await PlanAttachments.collectBody(req)
        let (record, target) = try RealisationInput.target(loaded, req)
        let input = try RealisationInput(req, target: target, plan: loaded.plan)
        try await input.save(to: record, of: target, in: loaded, by: user, req)
        return req.redirect(
            to: PlanURL.target(plan: .value(loaded.key), target: .value(target.key)),
            notice: PlanNotice.realisationSaved.rawValue)
    }

    // MARK: Target

    @Sendable func addTarget(_ req: Request) async throws -> Response {
        let (loaded, _) = try await Self.loadForChange(req, structure: true)
        let target = try await TargetInput.parse(req, plan: loaded.plan)
        let sortOrder = loaded.plan.targets.count + 1
        let planTitle = loaded.plan.title
        try await req.db.transaction { db in
            try await PlanStore.makeTarget(target, planID: loaded.id, sortOrder: sortOrder).create(on: db)
            try await req.audit(
                on: db, "aangemaakt", entity: "doelstelling", id: "\(loaded.key)/\(target.key)",
                summary: "Doelstelling \"\(target.measure)\" toegevoegd aan \(planTitle)")
        }
        return req.redirect(to: PlanURL.target(plan: .value(loaded.key), target: .value(target.key)))
    }

    // MARK: Lifecycle

    /// A status step under the four-eyes rule (`PlanApproval`): checked, then written in one transaction
    /// with its audit entry. A refusal (403 rule, 422 missing reason, 409 lifecycle) shows the approval
    /// page again with the message next to the field.
    @Sendable func transition(_ req: Request) async throws -> Response {
        let loaded = try await PlanAccess.loadVisible(req)
        let user = try req.requireRole(.redacteur)
        do {
            let input = try TransitionInput(req, from: loaded.plan.status)
            let rights = try await PlanApproval.rights(user, loaded, on: req.db)
            let rejected = try PlanApproval.authorize(
                rights, to: input.to, record: loaded.record, organisation: loaded.organisation.name,
                steering: try await ApprovalRoles.steeringName(on: req.db))
            try await input.save(loaded, by: user, rejected: rejected, req)
            if input.to == .concept || input.to == .vastgesteld {
                return req.redirect(to: PlanURL.approval(plan: .value(loaded.key)), notice: input.to.rawValue)
            }
        } catch let error as VitaalError where [.invalidInput, .forbidden, .conflict].contains(error.kind) {
            var model = try await ApprovalPage.Model.load(loaded, user: user, on: req.db)
            model.refuse(error, reason: req.formText("reden"))
            return ApprovalPage.view(model, req.pageContext).render(for: req)
        }
        return req.redirect(to: PlanURL.plan(.value(loaded.key)), notice: PlanNotice.statusChanged.rawValue)
    }

    /// The key and title of the next year's version: the plan's last year in key and title + 1.
    static func nextVersionNames(_ plan: Plan) -> (key: String, title: String) {
        let year = "\(plan.period.end.year)"
        let next = "\(plan.period.end.year + 1)"
        let key =
            plan.key.contains(year)
            ? plan.key.replacingOccurrences(of: year, with: next) : "\(plan.key)-v\(plan.version + 1)"
        let title =
            plan.title.contains(year)
            ? plan.title.replacingOccurrences(of: year, with: next) : "\(plan.title) (versie \(plan.version + 1))"
        return (key, title)
    }

    @Sendable func copy(_ req: Request) async throws -> Response {
        let loaded = try await PlanAccess.loadVisible(req)
        try PlanAccess.requireEdit(loaded, req)
        let (key, title) = Self.nextVersionNames(loaded.plan)
        if try await PlanRecord.query(on: req.db).filter(\.$key == key).first() != nil {
            throw VitaalError(.conflict, "Er bestaat al een plan \"\(key)\"; open dat om verder te werken.")
        }
        try await Self.saveCopy(of: loaded, key: key, title: title, req)
        return req.redirect(to: PlanURL.plan(.value(key)), notice: PlanNotice.copied.rawValue)
    }

    /// Creates the next year's version (a concept) with its goals' links to other plans, in one transaction,
    /// with an audit entry.
    static func saveCopy(of loaded: LoadedPlan, key: String, title: String, _ req: Request) async throws {
        var draft = loaded.plan.copiedToNextYear(newKey: key)
        draft.title = title
        let copy = draft
        let organisationID = loaded.record.$organisation.id
        let oldID = try loaded.record.requireID()
        let actor = req.user?.email ?? "onbekend"
        try await req.db.transaction { db in
            let record = try await PlanStore.create(copy, organisationID: organisationID, on: db)
            let links = try await PlanLinkStore.copyLinks(
                fromPlan: oldID, toPlan: try record.requireID(), createdBy: actor, on: db)
            let linkText = links == 0 ? "" : ", met \(links) bijdrage(n) aan doelen van andere plannen"
            try await req.audit(
                on: db, "aangemaakt", entity: "plan", id: key,
                summary:
                    "\"\(title)\" (versie \(copy.version), concept) gekopieerd van \"\(loaded.plan.title)\"\(linkText)")
        }
    }

    // MARK: Budget

    @Sendable func saveBudgetLine(_ req: Request) async throws -> Response {
        let (loaded, _) = try await Self.loadForChange(req)
        let (record, table) = try PlanPagesController.budgetTable(loaded, req)
        let input: BudgetLineInput
        do {
            input = try BudgetLineInput(req, table: table, editsAmounts: loaded.plan.status == .concept)
        } catch let error as VitaalError where error.kind == .invalidInput {
            // The form again, as sent, with each message next to its field (#16); nothing written.
            var model = try BudgetLinePage.Model(
                loaded, table: table, record: record, lineKey: req.parameters.get("line") ?? "")
            let values = BudgetStructureInput.values(req, model.fields.map(\.name))
            model.form = PlanForm(values: values, refused: error)
            var page = BudgetLinePage.view(model, req.pageContext)
            page.status = .unprocessableEntity
            return page.render(for: req)
        }
        try await input.save(loaded, table: record, req)
        return req.redirect(to: PlanURL.budget(plan: .value(loaded.key)))
    }

    @Sendable func savePersonnel(_ req: Request) async throws -> Response {
        let (loaded, _) = try await Self.loadForChange(req)
        let input = try PersonnelInput(req)
        try await input.save(loaded, req)
        return req.redirect(to: PlanURL.budget(plan: .value(loaded.key)))
    }
}

extension ProblemCollector {
    mutating func add(_ problems: [Problem]) {
        for p in problems { add(p.message, at: p.location) }
    }
}
