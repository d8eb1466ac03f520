import Vapor
import Fluent
import AppCore
import Plot
import MonitorFeature
import VitaalDomain

/// Editing one goal node's logic model (input, throughput, output, outcome, mechanisms, context
/// factors) and its links to monitor indicators with their monitoring type. Editors of the owning
/// organisation (and beheerders), only while the plan is a concept, like every structural change.
struct PlanNodeEditController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.requiring(.redacteur).get("plannen", ":plan", "doelen", ":node", use: form)
        routes.write(.POST, "plannen", ":plan", "doelen", ":node", "logisch-model", access: .role(.redacteur), use: saveLogicModel)
        routes.write(.POST, "plannen", ":plan", "doelen", ":node", "indicatoren", access: .role(.redacteur), use: saveIndicatorLink)
    }

    /// The logic model's list fields: form name, Dutch label, key path.
    static let listFields: [(name: String, label: String, path: WritableKeyPath<LogicModel, [String]>)] = [
        ("means", "Input: middelen", \.means),
        ("policyChoices", "Input: beleidskeuzes", \.policyChoices),
        ("throughput", "Throughput (activiteiten)", \.throughput),
        ("output", "Output (producten)", \.output),
        ("outcome", "Outcome (resultaten en effecten)", \.outcome),
        ("mechanisms", "Werkingsmechanismen (binnen invloed)", \.mechanisms),
        ("contextFactors", "Contextfactoren (buiten invloed)", \.contextFactors),
    ]
    static let maxLines = 40, maxLineLength = 500

    static func node(_ req: Request, _ loaded: LoadedPlan) throws -> (GoalNode, GoalNodeRecord) {
        let key = req.parameters.get("node") ?? ""
        guard let node = loaded.plan.node(key), let record = loaded.nodes.first(where: { $0.key == key }) else {
            throw VitaalError(.notFound, "Plan \(loaded.plan.title) heeft geen doel met sleutel \(key).")
        }
        return (node, record)
    }

    static func editPath(_ loaded: LoadedPlan, _ node: GoalNode) -> String {
        "/plannen/\(loaded.key)/doelen/\(node.key.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? node.key)"
    }

    // MARK: Page

    @Sendable func form(_ req: Request) async throws -> SitePage {
        let loaded = try await PlanPagesController.loadVisible(req)
        try PlanAccess.requireEdit(loaded, req)
        let (node, _) = try Self.node(req, loaded)
        let plan = loaded.plan
        let model = node.logicModel ?? LogicModel()
        let editable = plan.status == .concept
        let indicators = (try? await MonitorLookup.indicators(audience: .internal, on: req.db)) ?? []
        let names = Dictionary(indicators.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        let path = Self.editPath(loaded, node)
        let message = req.query[String.self, at: "melding"]
        func textarea<C: HTML.BodyContext>(_ name: String, _ label: String, _ lines: [String]) -> Node<C> {
            .div(.class("field"), .label(.for(attr("f-\(name)")), .text(label)),
                 .textarea(.id(attr("f-\(name)")), .name(attr(name)), .attribute(named: "rows", value: "\(max(2, lines.count + 1))"),
                           .text(lines.joined(separator: "\n"))))
        }
        let linkRows: [[BodyNode]] = node.indicators.map { link in
            [.code(.text(link.indicatorCode)),
             names[link.indicatorCode].map { .a(.href(attr("/monitor/indicator/\(link.indicatorCode)")), .text($0)) }
                ?? .span(.class("muted"), .text("niet in de monitor")),
             .text(link.monitoringType.label), .text(link.note ?? ""),
             editable ? .form(.class("inline"), .method(.post), .action(attr("\(path)/indicatoren")), Layout.csrfField(req),
                              .input(.type(.hidden), .name("indicator"), .value(attr(link.indicatorCode))),
                              .input(.type(.hidden), .name("action"), .value("verwijderen")),
                              .button(.type(.submit), .class("button-secondary"), .text("Ontkoppelen"))) : .empty]
        }
        let typeOptions = MonitoringType.allCases.map { (value: $0.rawValue, label: $0.label) }
        let indicatorOptions = indicators.map { (value: $0.code, label: "\($0.name) (\($0.code))") }
        return SitePage("\(plan.levelName(of: node)): \(node.title)", breadcrumbs: PlanPagesController.planCrumbs(loaded),
            PlanViews.style,
            .unwrap(message) { UI.notice("success", $0) },
            .if(!editable, UI.notice("warning", "Dit plan is \(plan.status.label.lowercased()); het logisch model en de indicatoren wijzigt u alleen in een concept. Kopieer het plan naar een nieuwe versie.")),
            .p(.a(.href(attr("/plannen/\(loaded.key)#doel-\(Slug.make(node.key))")), .text("Terug naar de doelenboom"))),
            .h2(.text("Logisch model")),
            .p(.class("muted"), .text("Van input via activiteiten naar output en outcome, met de werkingsmechanismen (binnen invloed) en contextfactoren (buiten invloed), zoals in de paragraaf \u{201C}Monitoring van het programma\u{201D}. Eén punt per regel.")),
            .form(.method(.post), .action(attr("\(path)/logisch-model")), .class("card"),
                Layout.csrfField(req),
                textarea("means", Self.listFields[0].label, model.means),
                UI.field("capacity", label: "Input: capaciteit", value: model.capacity ?? "", hint: "bijv. 2 fte programmamanagement"),
                UI.field("budget", label: "Input: budget (euro)", value: model.budget.map { $0.formatted } ?? "",
                         hint: "bijv. 125.000 of 125.000,50; leeg als onbekend"),
                .group(Self.listFields.dropFirst().map { textarea($0.name, $0.label, model[keyPath: $0.path]) }),
                .if(editable, .button(.type(.submit), .text("Logisch model opslaan")))),
            .h2(.text("Indicatoren van de monitor")),
            linkRows.isEmpty ? .p(.class("muted"), .text("Aan dit doel is nog geen indicator gekoppeld.")) :
                UI.table(caption: "\(linkRows.count) gekoppelde indicator(en)", headers: ["Code", "Indicator", "Soort monitoring", "Toelichting", ""], rows: linkRows),
            .if(editable && !indicators.isEmpty,
                .form(.method(.post), .action(attr("\(path)/indicatoren")), .class("card"),
                    Layout.csrfField(req),
                    .input(.type(.hidden), .name("action"), .value("koppelen")),
                    .div(.class("field"), .label(.for("f-indicator"), .text("Indicator")), UI.select("indicator", options: indicatorOptions, selected: nil)),
                    .div(.class("field"), .label(.for("f-monitoringType"), .text("Soort monitoring")), UI.select("monitoringType", options: typeOptions, selected: "output")),
                    UI.field("note", label: "Toelichting (optioneel)"),
                    .button(.type(.submit), .text("Indicator koppelen")),
                    .p(.class("hint"), .text("Een indicator die al gekoppeld is, krijgt de nieuwe soort en toelichting."))))
        )
    }

    // MARK: Logic model

    @Sendable func saveLogicModel(_ req: Request) async throws -> Response {
        let (loaded, _) = try await PlanWriteController.loadForChange(req, structure: true)
        let (node, record) = try Self.node(req, loaded)
        var problems = ProblemCollector()
        var model = LogicModel()
        for field in Self.listFields {
            let lines = FormInput.text(req, field.name).split(whereSeparator: \.isNewline)
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            if lines.count > Self.maxLines {
                problems.add("\(field.label): ten hoogste \(Self.maxLines) regels (nu \(lines.count))", at: SourceLocation(field: field.name))
            }
            for (i, line) in lines.enumerated() where line.count > Self.maxLineLength {
                problems.add("\(field.label), regel \(i + 1): ten hoogste \(Self.maxLineLength) tekens (nu \(line.count))",
                             at: SourceLocation(line: i + 1, field: field.name))
            }
            model[keyPath: field.path] = lines
        }
        let capacity = FormInput.text(req, "capacity")
        if capacity.count > Self.maxLineLength {
            problems.add("Input: capaciteit: ten hoogste \(Self.maxLineLength) tekens", at: SourceLocation(field: "capacity"))
        }
        model.capacity = capacity.isEmpty ? nil : capacity
        do {
            switch try BudgetCell.parse(FormInput.text(req, "budget"), at: SourceLocation(field: "budget")) {
            case .empty: model.budget = nil
            case .amount(let money) where money.cents >= 0: model.budget = money
            default: problems.add("Input: budget moet een bedrag van 0 of meer in euro zijn (bijv. 125.000)", at: SourceLocation(field: "budget"))
            }
        } catch let error as VitaalError { problems.add(error.problems) }
        try problems.throwIfAny("Logisch model niet opgeslagen")

        let planTitle = loaded.plan.title
        let json = model.isEmpty ? nil : JSONText.encode(model)
        try await req.db.transaction { db in
            record.logicModelJSON = json
            try await record.save(on: db)
            try await req.audit(on: db, "gewijzigd", entity: "logisch model", id: "\(loaded.key)/\(node.key)",
                                summary: "Logisch model van \"\(node.title)\" in \(planTitle)")
        }
        return PlanWriteController.redirect(req, Self.editPath(loaded, node) + "?melding=" + (Self.encode("Logisch model opgeslagen.")))
    }

    // MARK: Indicator links

    @Sendable func saveIndicatorLink(_ req: Request) async throws -> Response {
        let (loaded, _) = try await PlanWriteController.loadForChange(req, structure: true)
        let (node, record) = try Self.node(req, loaded)
        let code = FormInput.text(req, "indicator")
        let action = FormInput.text(req, "action")
        let nodeID = try record.requireID()
        let existing = try await IndicatorLinkRecord.query(on: req.db).filter(\.$node.$id == nodeID).filter(\.$indicatorCode == code).first()
        let planTitle = loaded.plan.title
        if action == "verwijderen" {
            guard let existing else {
                throw VitaalError.invalid("indicator \(code) is niet aan dit doel gekoppeld", at: SourceLocation(field: "indicator"))
            }
            try await req.db.transaction { db in
                try await existing.delete(on: db)
                try await req.audit(on: db, "verwijderd", entity: "indicatorkoppeling", id: "\(loaded.key)/\(node.key)/\(code)",
                                    summary: "Indicator \(code) losgekoppeld van \"\(node.title)\" in \(planTitle)")
            }
            return PlanWriteController.redirect(req, Self.editPath(loaded, node) + "?melding=" + Self.encode("Indicator \(code) ontkoppeld."))
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
            problems.add("soort monitoring \"\(typeText)\" is onbekend (proces, output of outcome)", at: SourceLocation(field: "monitoringType"))
        }
        let note = FormInput.optionalText(req, "note")
        if let note, note.count > Self.maxLineLength {
            problems.add("toelichting: ten hoogste \(Self.maxLineLength) tekens", at: SourceLocation(field: "note"))
        }
        try problems.throwIfAny("Indicator niet gekoppeld")
        try await req.db.transaction { db in
            let link = existing ?? IndicatorLinkRecord()
            link.$node.id = nodeID; link.indicatorCode = code; link.monitoringType = type!.rawValue; link.note = note
            try await link.save(on: db)
            try await req.audit(on: db, existing == nil ? "aangemaakt" : "gewijzigd", entity: "indicatorkoppeling",
                                id: "\(loaded.key)/\(node.key)/\(code)",
                                summary: "Indicator \(code) (\(type!.label.lowercased())) gekoppeld aan \"\(node.title)\" in \(planTitle)")
        }
        return PlanWriteController.redirect(req, Self.editPath(loaded, node) + "?melding=" + Self.encode("Indicator \(code) gekoppeld."))
    }

    static func encode(_ s: String) -> String { s.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed.subtracting(CharacterSet(charactersIn: "&=+"))) ?? "" }
}
