import AppCore
import Fluent
import Vapor
import VitaalDomain

/// Plans written in the browser: a new plan (from a template or from an existing plan's structure)
/// and the goal tree of a concept plan: add, edit, move, reorder and delete nodes, and undo the last
/// change. Editors of the owning organisation and beheerders; every write checks the organisation,
/// validates everything first, remembers the tree as it was (the version history), writes in one
/// transaction and records an audit entry.
struct PlanAuthoringController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let editors = routes.requiring(.redacteur)
        editors.get(PlanURL.newPlan, use: newPlanForm)
        routes.write(.POST, PlanURL.newPlan, access: .role(.redacteur), use: createPlan)
        editors.get(PlanURL.newNode(plan: .key), use: newNodeForm)
        routes.write(.POST, PlanURL.newNode(plan: .key), access: .role(.redacteur), use: createNode)
        editors.get(PlanURL.editNode(plan: .key, node: .key), use: editNodeForm)
        routes.write(.POST, PlanURL.editNode(plan: .key, node: .key), access: .role(.redacteur), use: updateNode)
        routes.write(.POST, PlanURL.nodeOrder(plan: .key, node: .key), access: .role(.redacteur), use: reorderNode)
        editors.get(PlanURL.deleteNode(plan: .key, node: .key), use: deleteNodeForm)
        routes.write(.POST, PlanURL.deleteNode(plan: .key, node: .key), access: .role(.redacteur), use: deleteNode)
        routes.write(.POST, PlanURL.undoTree(plan: .key), access: .role(.redacteur), use: undo)
        editors.get(PlanURL.treeHistory(plan: .key), use: history)
    }

    // MARK: New plan

    @Sendable func newPlanForm(_ req: Request) async throws -> SitePage {
        let user = try req.requireRole(.redacteur)
        let year = Calendar(identifier: .gregorian).component(.year, from: req.now)
        let organisation = try await user.$organisation.get(on: req.db)
        let basis = req.queryText("basis").map { String($0.prefix(200)) } ?? ""
        let form = PlanForm(values: [
            "organisation": organisation.slug, "periodStart": "\(year)-01-01", "periodEnd": "\(year)-12-31",
            "template": basis.isEmpty ? PlanTemplate.fleverJaarplan.rawValue : "", "basis": basis
        ])
        return NewPlanPage.view(try await NewPlanPage.Model.load(user: user, form: form, on: req.db), req.formContext)
    }

    @Sendable func createPlan(_ req: Request) async throws -> Response {
        let user = try req.requireRole(.redacteur)
        let values = NewPlanInput.values(req)
        let input: NewPlanInput
        do { input = try await NewPlanInput(values, user: user, on: req.db) } catch let error as VitaalError
            where error.kind == .invalidInput
        {
            let model = try await NewPlanPage.Model.load(
                user: user, form: PlanForm(values: values, refused: error), on: req.db)
            return NewPlanPage.view(model, req.formContext).render(for: req)
        }
        let plan = input.plan
        let organisationID = try input.organisation.requireID()
        let from = input.basis.map { ", structuur van \"\($0)\"" } ?? ""
        try await req.db.transaction { db in
            try await PlanStore.create(plan, organisationID: organisationID, createdBy: user.email, on: db)
            try await req.audit(
                on: db, "aangemaakt", entity: "plan", id: plan.key,
                summary: "Plan \"\(plan.title)\" (\(input.organisation.name), \(plan.period), concept; niveaus "
                    + "\(plan.levels.joined(separator: " → "))\(from))")
        }
        return req.redirect(to: PlanURL.plan(.value(plan.key)), notice: PlanNotice.planCreated.rawValue)
    }

    // MARK: Goal tree

    /// The concept plan and the node of the request (404 when the plan has none with that key).
    static func loadNode(_ req: Request) async throws -> (LoadedPlan, User, GoalNode) {
        let (loaded, user) = try await PlanWriteController.loadForChange(req, structure: true)
        let (node, _) = try PlanNodeEditController.node(req, loaded)
        return (loaded, user, node)
    }

    static func fields(_ req: Request) -> NodeFields {
        NodeFields(
            title: FormInput.text(req, "title"), text: FormInput.text(req, "text"),
            owner: FormInput.optionalText(req, "owner"), partners: NodeFields.partners(FormInput.text(req, "partners")))
    }

    static func nodeValues(_ req: Request) -> [String: String] {
        Dictionary(
            uniqueKeysWithValues: ["parent", "level", "title", "text", "owner", "partners"].map {
                ($0, String(FormInput.text(req, $0).prefix(5000)))
            })
    }

    /// The level field: a whole number within the plan's levels; a problem names the field.
    static func level(_ req: Request, plan: Plan, default fallback: Int?) throws -> Int {
        let text = FormInput.text(req, "level")
        if text.isEmpty, let fallback { return fallback }
        return try FormInput.integer(
            text, field: "level", label: "Niveau", in: 0...max(0, plan.levels.count - 1))
    }

    /// Remembers the tree, writes the changed one and records the audit entry, in one transaction.
    static func saveTree(
        _ plan: Plan, over loaded: LoadedPlan, by user: User, action: String, node: String, summary: String,
        _ req: Request
    ) async throws {
        try await req.db.transaction { db in
            try await PlanTreeStore.remember(loaded, summary: summary, actor: user.email, on: db)
            try await PlanTreeStore.write(nodes: plan.nodes, targets: plan.targets, over: loaded, on: db)
            try await req.audit(
                on: db, action, entity: "doel", id: "\(loaded.key)/\(node)",
                summary: "\(summary) in \(loaded.plan.title)")
        }
    }

    @Sendable func newNodeForm(_ req: Request) async throws -> SitePage {
        let (loaded, _) = try await PlanWriteController.loadForChange(req, structure: true)
        let plan = loaded.plan
        let parent = req.queryText("onder").flatMap { plan.node($0)?.key }
        let level = plan.childLevel(under: parent) ?? max(0, plan.levels.count - 1)
        let form = PlanForm(values: ["parent": parent ?? "", "level": "\(level)"])
        return NodeFormPage.view(NodeFormPage.Model(loaded, node: nil, form: form), req.formContext)
    }

    @Sendable func createNode(_ req: Request) async throws -> Response {
        let (loaded, user) = try await PlanWriteController.loadForChange(req, structure: true)
        let plan = loaded.plan
        let values = Self.nodeValues(req)
        let parent = FormInput.optionalText(req, "parent")
        let result: (plan: Plan, key: String)
        do {
            let level = try Self.level(req, plan: plan, default: plan.childLevel(under: parent))
            result = try plan.addingNode(under: parent, level: level, Self.fields(req))
        } catch let error as VitaalError where error.kind == .invalidInput {
            let form = PlanForm(values: values, refused: error)
            return NodeFormPage.view(NodeFormPage.Model(loaded, node: nil, form: form), req.formContext).render(
                for: req)
        }
        let node = result.plan.node(result.key)!
        try await Self.saveTree(
            result.plan, over: loaded, by: user, action: "aangemaakt", node: result.key,
            summary: "Doel \"\(node.title)\" toegevoegd", req)
        return req.redirect(to: PlanURL.nodeAnchor(plan: loaded.key, node: result.key), redirectType: .normal)
    }

    @Sendable func editNodeForm(_ req: Request) async throws -> SitePage {
        let (loaded, _, node) = try await Self.loadNode(req)
        let form = PlanForm(values: NodeFormPage.Model.values(node))
        let notice = PlanNotice(code: req.queryText("melding"))?.text()
        return NodeFormPage.view(NodeFormPage.Model(loaded, node: node, form: form, notice: notice), req.formContext)
    }

    @Sendable func updateNode(_ req: Request) async throws -> Response {
        let (loaded, user, node) = try await Self.loadNode(req)
        let plan = loaded.plan
        let values = Self.nodeValues(req)
        let changed: Plan
        do {
            let level = try Self.level(req, plan: plan, default: node.level)
            changed = try plan.editingNode(
                node.key, Self.fields(req), parent: FormInput.optionalText(req, "parent"), level: level)
        } catch let error as VitaalError where error.kind == .invalidInput {
            let form = PlanForm(values: values, refused: error)
            return NodeFormPage.view(NodeFormPage.Model(loaded, node: node, form: form), req.formContext).render(
                for: req)
        }
        let after = changed.node(node.key)!
        let moved =
            after.parentKey != node.parentKey
            ? " verplaatst naar \(after.parentKey.flatMap { changed.node($0) }.map { "\"\($0.title)\"" } ?? "het bovenste niveau")"
            : ""
        try await Self.saveTree(
            changed, over: loaded, by: user, action: "gewijzigd", node: node.key,
            summary: "Doel \"\(after.title)\" gewijzigd\(moved)", req)
        return req.redirect(to: PlanURL.nodeAnchor(plan: loaded.key, node: node.key), redirectType: .normal)
    }

    @Sendable func reorderNode(_ req: Request) async throws -> Response {
        let (loaded, user, node) = try await Self.loadNode(req)
        let direction = FormInput.text(req, "direction")
        guard direction == "omhoog" || direction == "omlaag" else {
            throw VitaalError.invalid(
                "richting \"\(BoundedNumber.short(direction))\" is onbekend (omhoog of omlaag)",
                at: SourceLocation(field: "direction"))
        }
        let changed = loaded.plan.reordering(node.key, by: direction == "omhoog" ? -1 : 1)
        if changed.nodes.map(\.key) != loaded.plan.nodes.map(\.key) {
            try await Self.saveTree(
                changed, over: loaded, by: user, action: "gewijzigd", node: node.key,
                summary: "Doel \"\(node.title)\" één plaats \(direction)", req)
        }
        return req.redirect(
            to: PlanURL.editNode(plan: .value(loaded.key), node: .value(node.key)),
            notice: PlanNotice.nodeMoved.rawValue)
    }

    @Sendable func deleteNodeForm(_ req: Request) async throws -> SitePage {
        let (loaded, _, node) = try await Self.loadNode(req)
        let model = try await NodeDeletePage.Model.load(
            loaded, node: node, registers: req.application.registerReading, on: req.db)
        return NodeDeletePage.view(model, req.formContext)
    }

    @Sendable func deleteNode(_ req: Request) async throws -> Response {
        let (loaded, user, node) = try await Self.loadNode(req)
        let plan = loaded.plan
        let choice = FormInput.text(req, "children")
        let hasChildren = !plan.children(of: node.key).isEmpty
        if hasChildren && choice != "omhoog" && choice != "mee" {
            let error = VitaalError(
                .invalidInput, "Doel niet verwijderd",
                problems: [
                    Problem(
                        "kies wat er met de onderliggende doelen gebeurt (behouden of mee verwijderen)",
                        at: SourceLocation(field: "children"))
                ])
            let model = try await NodeDeletePage.Model.load(
                loaded, node: node, registers: req.application.registerReading, on: req.db)
            return NodeDeletePage.view(model, req.formContext, error: error).render(for: req)
        }
        let keepChildren = choice != "mee"
        let removal = plan.removal(of: node.key, keepChildren: keepChildren)
        let withRealisations = PlanTreeStore.targetsWithRealisations(loaded)
        let blocking = removal.targets.filter { withRealisations.contains($0) }
        if !blocking.isEmpty {
            throw VitaalError(
                .conflict,
                "Doel niet verwijderd: de doelstelling(en) \(blocking.joined(separator: ", ")) hebben realisaties. "
                    + "Een doelstelling met realisaties blijft bewaard.")
        }
        let changed = plan.removing(node.key, keepChildren: keepChildren)
        var what = "Doel \"\(node.title)\" verwijderd"
        if removal.nodes.count > 1 { what += " met \(removal.nodes.count - 1) onderliggende doel(en)" }
        if !removal.movedUp.isEmpty { what += "; \(removal.movedUp.count) onderliggende doel(en) één plaats omhoog" }
        if !removal.targets.isEmpty { what += "; \(removal.targets.count) doelstelling(en) verwijderd" }
        try await Self.saveTree(
            changed, over: loaded, by: user, action: "verwijderd", node: node.key, summary: what, req)
        return req.redirect(to: PlanURL.plan(.value(loaded.key)), notice: PlanNotice.nodeDeleted.rawValue)
    }

    // MARK: Versions and undo

    @Sendable func history(_ req: Request) async throws -> SitePage {
        let (loaded, _) = try await PlanWriteController.loadForChange(req, structure: true)
        let versions = try await PlanTreeStore.versions(loaded, on: req.db)
        return TreeHistoryPage.view(TreeHistoryPage.Model(loaded, versions: versions), req.formContext)
    }

    /// Restores the newest version (the tree before the last change) and drops it from the history.
    /// Refused (409) when a target added since hangs on a node that would disappear.
    @Sendable func undo(_ req: Request) async throws -> Response {
        let (loaded, user) = try await PlanWriteController.loadForChange(req, structure: true)
        guard let version = try await PlanTreeStore.newest(loaded, on: req.db), let snapshot = version.snapshot else {
            throw VitaalError(.conflict, "Er is geen wijziging van de doelenboom om ongedaan te maken.")
        }
        let keys = Set(snapshot.nodes.map(\.key))
        let orphans = loaded.plan.targets.filter { !keys.contains($0.nodeKey) }
        if !orphans.isEmpty {
            throw VitaalError(
                .conflict,
                "Ongedaan maken kan niet: de doelstelling(en) "
                    + orphans.map { "‘\($0.measure)’" }.joined(separator: ", ")
                    + " hangen aan een doel dat dan verdwijnt. Verwijder of verplaats die eerst.")
        }
        let summary = version.summary
        try await req.db.transaction { db in
            try await PlanTreeStore.write(
                nodes: snapshot.nodes,
                targets: loaded.plan.targets
                    + snapshot.targets.filter { t in
                        !loaded.plan.targets.contains { $0.key == t.key }
                    }, over: loaded, on: db)
            try await version.delete(on: db)
            try await req.audit(
                on: db, "ongedaan gemaakt", entity: "doelenboom", id: loaded.key,
                summary: "Ongedaan gemaakt in \(loaded.plan.title): \(summary) (door \(user.email))")
        }
        return req.redirect(to: PlanURL.plan(.value(loaded.key)), notice: PlanNotice.undone.rawValue)
    }
}
