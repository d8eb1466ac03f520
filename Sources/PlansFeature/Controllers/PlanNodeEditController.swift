import AppCore
import Fluent
import MonitorFeature
import Vapor
import VitaalDomain

/// Editing one goal node's logic model (input, throughput, output, outcome, mechanisms, context
/// factors) and its links to monitor indicators with their monitoring type. Editors of the owning
/// organisation (and beheerders), only while the plan is a concept, like every structural change.
struct PlanNodeEditController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.write(.POST, PlanURL.logicModel(plan: .key, node: .key), access: .role(.redacteur), use: saveLogicModel)
        routes.write(
            .POST, PlanURL.indicatorLinks(plan: .key, node: .key), access: .role(.redacteur), use: saveIndicatorLink)
    }

    static let maxLines = 40, maxLineLength = 500

    static func node(_ req: Request, _ loaded: LoadedPlan) throws -> (GoalNode, GoalNodeRecord) {
        let key = req.parameters.get("node") ?? ""
        guard let node = loaded.plan.node(key), let record = loaded.nodes.first(where: { $0.key == key }) else {
            throw VitaalError(.notFound, "Plan \(loaded.plan.title) heeft geen doel met sleutel \(key).")
        }
        return (node, record)
    }

    static func editPage(_ loaded: LoadedPlan, _ node: GoalNode) -> PlanURL {
        .node(plan: .value(loaded.key), node: .value(node.key))
    }

    // MARK: Logic model

    @Sendable func saveLogicModel(_ req: Request) async throws -> Response {
        let (loaded, _) = try await PlanWriteController.loadForChange(req, structure: true)
        let (node, record) = try Self.node(req, loaded)
        var problems = ProblemCollector()
        var model = LogicModel()
        for field in NodeEditPage.listFields {
            let lines = FormInput.text(req, field.name).split(whereSeparator: \.isNewline)
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            if lines.count > Self.maxLines {
                problems.add(
                    "\(field.label): ten hoogste \(Self.maxLines) regels (nu \(lines.count))",
                    at: SourceLocation(field: field.name))
            }
            for (i, line) in lines.enumerated() where line.count > Self.maxLineLength {
                problems.add(
                    "\(field.label), regel \(i + 1): ten hoogste \(Self.maxLineLength) tekens (nu \(line.count))",
                    at: SourceLocation(line: i + 1, field: field.name))
            }
            model[keyPath: field.path] = lines
        }
        let capacity = FormInput.text(req, "capacity")
        if capacity.count > Self.maxLineLength {
            problems.add(
                "Input: capaciteit: ten hoogste \(Self.maxLineLength) tekens", at: SourceLocation(field: "capacity"))
        }
        model.capacity = capacity.isEmpty ? nil : capacity
        do {
            switch try BudgetCell.parse(FormInput.text(req, "budget"), at: SourceLocation(field: "budget")) {
            case .empty: model.budget = nil
            case .amount(let money) where money.cents >= 0: model.budget = money
            default:
                problems.add(
                    "Input: budget moet een bedrag van 0 of meer in euro zijn (bijv. 125.000)",
                    at: SourceLocation(field: "budget"))
            }
        } catch let error as VitaalError { problems.add(error.problems) }
        try problems.throwIfAny("Logisch model niet opgeslagen")

        let planTitle = loaded.plan.title
        let json = model.isEmpty ? nil : JSONText.encode(model)
        try await req.db.transaction { db in
            record.logicModelJSON = json
            try await record.save(on: db)
            try await req.audit(
                on: db, "gewijzigd", entity: "logisch model", id: "\(loaded.key)/\(node.key)",
                summary: "Logisch model van \"\(node.title)\" in \(planTitle)")
        }
        return req.redirect(to: Self.editPage(loaded, node), notice: PlanNotice.logicModelSaved.rawValue)
    }

    // MARK: Indicator links

    @Sendable func saveIndicatorLink(_ req: Request) async throws -> Response {
        let (loaded, _) = try await PlanWriteController.loadForChange(req, structure: true)
        let (node, record) = try Self.node(req, loaded)
        let code = FormInput.text(req, "indicator")
        let action = FormInput.text(req, "action")
        let nodeID = try record.requireID()
        let existing = try await IndicatorLinkRecord.query(on: req.db).filter(\.$node.$id == nodeID).filter(
            \.$indicatorCode == code
        ).first()
        let planTitle = loaded.plan.title
        if action == "verwijderen" {
            guard let existing else {
                throw VitaalError.invalid(
                    "indicator \(code) is niet aan dit doel gekoppeld", at: SourceLocation(field: "indicator"))
            }
            try await req.db.transaction { db in
                try await existing.delete(on: db)
                try await req.audit(
                    on: db, "verwijderd", entity: "indicatorkoppeling", id: "\(loaded.key)/\(node.key)/\(code)",
                    summary: "Indicator \(code) losgekoppeld van \"\(node.title)\" in \(planTitle)")
            }
            return req.redirect(to: Self.editPage(loaded, node), notice: PlanNotice.indicatorUnlinked.rawValue)
        }
        var problems = ProblemCollector()
        let known = try await MonitorLookup.indicators(audience: .internal, on: req.db)
        if code.isEmpty {
            problems.add("kies een indicator", at: SourceLocation(field: "indicator"))
        } else if !known.contains(where: { $0.code == code }) {
            problems.add("indicator \(code) bestaat niet in de monitor", at: SourceLocation(field: "indicator"))
        }
        let typeText = FormInput.text(req, "monitoringType")
        let type = MonitoringType(rawValue: typeText)
        if type == nil {
            problems.add(
                "soort monitoring \"\(typeText)\" is onbekend (proces, output of outcome)",
                at: SourceLocation(field: "monitoringType"))
        }
        let note = FormInput.optionalText(req, "note")
        if let note, note.count > Self.maxLineLength {
            problems.add("toelichting: ten hoogste \(Self.maxLineLength) tekens", at: SourceLocation(field: "note"))
        }
        try problems.throwIfAny("Indicator niet gekoppeld")
        try await req.db.transaction { db in
            let link = existing ?? IndicatorLinkRecord()
            link.$node.id = nodeID
            link.indicatorCode = code
            link.monitoringType = type!.rawValue
            link.note = note
            try await link.save(on: db)
            try await req.audit(
                on: db, existing == nil ? "aangemaakt" : "gewijzigd", entity: "indicatorkoppeling",
                id: "\(loaded.key)/\(node.key)/\(code)",
                summary:
                    "Indicator \(code) (\(type!.label.lowercased())) gekoppeld aan \"\(node.title)\" in \(planTitle)")
        }
        return req.redirect(to: Self.editPage(loaded, node), notice: PlanNotice.indicatorLinked.rawValue)
    }
}
