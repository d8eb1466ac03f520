import AppCore
import Fluent
import MonitorFeature
import Vapor
import VitaalDomain

/// Every change to a plan: realisations, targets, goal nodes, status transitions, copies, budget
/// lines and personnel. Each checks the organisation (editors write only their own plans; beheerder
/// everything), validates everything before writing, writes in one transaction and records the change
/// in the audit log.
struct PlanWriteController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        // Streamed: the handler collects the body itself so an oversized upload gets a Dutch message.
        routes.write(
            .POST, PlanURL.realisations(plan: .key, target: .key), access: .role(.redacteur), body: .stream,
            use: addRealisation)
        routes.write(.POST, PlanURL.targets(plan: .key), access: .role(.redacteur), use: addTarget)
        routes.write(.POST, PlanURL.nodes(plan: .key), access: .role(.redacteur), use: saveNode)
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
                "Doelen, doelstellingen en begrotingsbedragen wijzigt u alleen in een concept. Dit plan is \(status.label.lowercased()); kopieer het naar een nieuwe versie."
            )
        }
        return (loaded, user)
    }

    // MARK: Realisation

    @Sendable func addRealisation(_ req: Request) async throws -> Response {
        let (loaded, user) = try await Self.loadForChange(req)
        try await PlanAttachments.collectBody(req)
        let key = req.parameters.get("target") ?? ""
        guard let record = loaded.target(key), let target = loaded.plan.targets.first(where: { $0.key == key }) else {
            throw VitaalError(.notFound, "Onbekende doelstelling \"\(key)\".")
        }
        var problems = ProblemCollector()
        var value: Double?
        var date: PlanDate?
        do { value = try FormInput.number(FormInput.text(req, "value"), field: "value", label: "Waarde") } catch let e
            as VitaalError
        { problems.add(e.problems) }
        do { date = try FormInput.date(FormInput.text(req, "date"), field: "date", label: "Datum") } catch let e
            as VitaalError
        { problems.add(e.problems) }
        if let date, !loaded.plan.period.contains(date) {
            problems.add(
                "de datum \(date.dutch) valt buiten de planperiode \(loaded.plan.period)",
                at: SourceLocation(field: "date", element: "doelstelling \"\(key)\""))
        }
        let linkText = FormInput.optionalText(req, "evidenceLink")
        let link = linkText.flatMap(FormInput.evidenceLink)
        if linkText != nil && link == nil {
            problems.add(
                "de link naar het bewijsstuk moet een volledig webadres zijn dat met http:// of https:// begint, zonder aanhalingstekens of spaties",
                at: SourceLocation(field: "evidenceLink"))
        }
        if let value, value < 0, target.direction == .count {
            problems.add(
                "een aantal kan niet negatief zijn (\(PlanViews.number(value)))", at: SourceLocation(field: "value"))
        }
        let upload = PlanAttachments.read(req, into: &problems)
        try problems.throwIfAny("Realisatie niet opgeslagen")
        let realisation = Realisation(
            period: FormInput.optionalText(req, "period"), value: value!, date: date!,
            evidence: FormInput.optionalText(req, "evidence"), evidenceLink: link)
        try await req.db.transaction { db in
            let row = PlanStore.makeRealisation(
                realisation, targetID: record.id!, isExample: false, createdBy: user.email)
            try await row.create(on: db)
            if let upload {
                let attachment = PlanAttachmentRecord()
                attachment.$realisation.id = try row.requireID()
                attachment.filename = upload.filename
                attachment.contentType = upload.contentType
                attachment.size = upload.data.count
                attachment.data = upload.data
                attachment.createdBy = user.email
                try await attachment.create(on: db)
            }
            let withFile =
                upload.map { " met bijlage \"\($0.filename)\" (\(PlanAttachments.sizeText($0.data.count)))" } ?? ""
            try await req.audit(
                on: db, "aangemaakt", entity: "realisatie", id: "\(loaded.key)/\(key)",
                summary:
                    "Realisatie \(PlanViews.number(realisation.value)) op \(realisation.date.dutch) bij \"\(target.measure)\" (\(loaded.plan.title))\(withFile)"
            )
        }
        return req.redirect(
            to: PlanURL.target(plan: .value(loaded.key), target: .value(key)),
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

    // MARK: Goal node

    @Sendable func saveNode(_ req: Request) async throws -> Response {
        let (loaded, _) = try await Self.loadForChange(req, structure: true)
        var plan = loaded.plan
        let key = FormInput.text(req, "key")
        var problems = ProblemCollector()
        if key.isEmpty {
            problems.add("de sleutel ontbreekt", at: SourceLocation(field: "key"))
        } else if !plan.nodes.contains(where: { $0.key == key }), !Self.isValidNodeKey(key) {
            // Existing keys (from the sources) stay editable; new keys are plain, so they are safe in links.
            problems.add(
                "de sleutel \"\(BoundedNumber.short(key))\" mag alleen letters, cijfers, punt, liggend streepje en underscore bevatten (A–Z, a–z, 0–9, . _ -), ten hoogste \(Self.maxNodeKeyLength) tekens",
                at: SourceLocation(field: "key"))
        }
        let levelText = FormInput.text(req, "level")
        var level = 0
        let maxLevel = max(0, plan.levels.count - 1)
        do {
            level = try FormInput.integer(
                levelText.isEmpty ? "0" : levelText, field: "level", label: "Niveau", in: 0...maxLevel)
        } catch let e as VitaalError { problems.add(e.problems) }
        try problems.throwIfAny("Doel niet opgeslagen")
        let partners = FormInput.text(req, "partners").split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespaces)
        }.filter { !$0.isEmpty }
        let existing = plan.nodes.firstIndex { $0.key == key }
        var node = existing.map { plan.nodes[$0] } ?? GoalNode(key: key, level: level, title: "")
        node.parentKey = FormInput.optionalText(req, "parent")
        node.level = level
        node.title = FormInput.text(req, "title")
        if let text = FormInput.optionalText(req, "text") {
            node.text = text
        } else if existing == nil {
            node.text = ""
        }
        if let owner = FormInput.optionalText(req, "owner") { node.owner = owner }
        if !partners.isEmpty { node.partners = partners }
        if let i = existing { plan.nodes[i] = node } else { plan.nodes.append(node) }
        try plan.validate()
        let saved = node
        let planTitle = plan.title
        try await req.db.transaction { db in
            let record: GoalNodeRecord
            if let found = loaded.nodes.first(where: { $0.key == key }) {
                record = found
            } else {
                record = GoalNodeRecord()
                record.$plan.id = loaded.id
                record.key = key
                record.isExample = false
                record.sortOrder = loaded.nodes.count
                record.periodsJSON = "[]"
                record.logicModelJSON = nil
                record.sourceRef = nil
            }
            record.parentKey = saved.parentKey
            record.level = saved.level
            record.title = saved.title
            record.text = saved.text
            record.owner = saved.owner
            record.partnersJSON = JSONText.encode(saved.partners)
            try await record.save(on: db)
            try await req.audit(
                on: db, existing == nil ? "aangemaakt" : "gewijzigd", entity: "doel", id: "\(loaded.key)/\(key)",
                summary: "Doel \"\(saved.title)\" in \(planTitle)\(saved.parentKey.map { " (onder \($0))" } ?? "")")
        }
        return req.redirect(to: PlanURL.nodeAnchor(plan: loaded.key, node: key), redirectType: .normal)
    }

    /// New node keys: letters, digits, `.`, `_` and `-` only, at most `maxNodeKeyLength` characters.
    static let maxNodeKeyLength = 64
    static func isValidNodeKey(_ key: String) -> Bool {
        !key.isEmpty && key.count <= maxNodeKeyLength
            && key.unicodeScalars.allSatisfy {
                ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)))
                    || "._-".unicodeScalars.contains($0)
            }
    }

    // MARK: Lifecycle

    /// The four-eyes rule (docs/plans-and-steering.md): a redacteur may take a plan to vastgesteld or
    /// afgesloten only when someone else submitted it (moved it to ingediend); a beheerder always may.
    /// The refusal is a 403 that names the rule.
    static func requireSecondPerson(_ user: User, record: PlanRecord, organisation: String, to target: PlanStatus)
        throws
    {
        guard target == .vastgesteld || target == .afgesloten, user.role < .beheerder else { return }
        let step = target == .vastgesteld ? "vaststellen" : "afsluiten"
        guard let submitter = record.submittedByID else {
            throw VitaalError(
                .forbidden,
                "Vier-ogenprincipe: een plan \(step) doet een tweede persoon. Van dit plan is niet bekend wie het heeft ingediend, dus alleen een beheerder kan het \(step)."
            )
        }
        if submitter == user.id {
            throw VitaalError(
                .forbidden,
                "Vier-ogenprincipe: u hebt dit plan zelf ingediend, dus een andere redacteur van \(organisation) of een beheerder moet het \(step)."
            )
        }
    }

    @Sendable func transition(_ req: Request) async throws -> Response {
        let loaded = try await PlanAccess.loadVisible(req)
        let user = try PlanAccess.requireEdit(loaded, req)
        let text = FormInput.text(req, "status")
        guard let target = PlanStatus(rawValue: text) else {
            throw VitaalError.invalid(
                "onbekende status \"\(BoundedNumber.short(text))\" (concept, ingediend, vastgesteld of afgesloten)",
                at: SourceLocation(field: "status"))
        }
        let from = loaded.plan.status
        let to = try from.transition(to: target)
        try Self.requireSecondPerson(user, record: loaded.record, organisation: loaded.organisation.name, to: to)
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
        var draft = loaded.plan.copiedToNextYear(newKey: key)
        draft.title = title
        let copy = draft
        let organisationID = loaded.record.$organisation.id
        try await req.db.transaction { db in
            try await PlanStore.create(copy, organisationID: organisationID, on: db)
            try await req.audit(
                on: db, "aangemaakt", entity: "plan", id: key,
                summary: "\"\(title)\" (versie \(copy.version), concept) gekopieerd van \"\(loaded.plan.title)\"")
        }
        return req.redirect(to: PlanURL.plan(.value(key)), notice: PlanNotice.copied.rawValue)
    }

    // MARK: Budget

    @Sendable func saveBudgetLine(_ req: Request) async throws -> Response {
        let (loaded, _) = try await Self.loadForChange(req)
        let (record, table) = try PlanPagesController.budgetTable(loaded, req)
        let lineKey = req.parameters.get("line") ?? ""
        guard let section = table.sections.first(where: { $0.lines.contains { $0.key == lineKey } }),
            let line = section.lines.first(where: { $0.key == lineKey })
        else {
            throw VitaalError(.notFound, "Onbekende begrotingsregel \"\(lineKey)\".")
        }
        let editsAmounts = loaded.plan.status == .concept
        var problems = ProblemCollector()
        var cells: [String: BudgetCell] = [:]
        var actuals: [String: Money?] = [:]
        let element = "\(table.title), regel \"\(line.label)\""
        func parse(_ field: String, _ label: String) -> BudgetCell? {
            do {
                return try BudgetCell.parse(
                    FormInput.text(req, field), unit: table.unit,
                    at: SourceLocation(field: field, element: "\(element), kolom \"\(label)\""))
            } catch let e as VitaalError {
                problems.add(e.problems)
                return nil
            } catch {
                problems.add("\(error)", at: SourceLocation(field: field))
                return nil
            }
        }
        for column in table.columns {
            if editsAmounts, let cell = parse("cel.\(column.key)", column.label) { cells[column.key] = cell }
            if column.kind == .budget {
                let field = "werkelijk.\(column.key)"
                if FormInput.text(req, field).isEmpty {
                    actuals[column.key] = .some(nil)
                    continue
                }
                switch parse(field, "werkelijk \(column.label)") {
                case .amount(let m)?: actuals[column.key] = .some(m)
                case nil: break
                default:
                    problems.add(
                        "werkelijk bedrag moet een bedrag zijn", at: SourceLocation(field: field, element: element))
                }
            }
        }
        if editsAmounts, table.hasTotalColumn, let total = parse("totaal", "Totaal") {
            cells[BudgetEntryRecord.totalColumn] = total
        }
        try problems.throwIfAny("Begrotingsregel niet opgeslagen")
        let newCells = cells
        let newActuals = actuals
        let entries = (loaded.entries[record.id!] ?? []).filter {
            $0.sectionKey == section.key && $0.lineKey == lineKey
        }
        try await req.db.transaction { db in
            for entry in entries {
                if let cell = newCells[entry.columnKey] { entry.setCell(cell) }
                if let actual = newActuals[entry.columnKey] { entry.actualCents = actual?.cents }
                try await entry.save(on: db)
            }
            try await req.audit(
                on: db, "gewijzigd", entity: "begroting", id: "\(loaded.key)/\(table.key)/\(lineKey)",
                summary: "Begrotingsregel \"\(line.label)\" in \"\(table.title)\" (\(loaded.plan.title))")
        }
        return req.redirect(to: PlanURL.budget(plan: .value(loaded.key)))
    }

    @Sendable func savePersonnel(_ req: Request) async throws -> Response {
        let (loaded, _) = try await Self.loadForChange(req)
        var problems = ProblemCollector()
        func int(_ name: String, _ label: String, _ range: ClosedRange<Int>) -> Int? {
            do {
                return try FormInput.integer(FormInput.text(req, name), field: name, label: label, in: range)
            } catch let e as VitaalError {
                problems.add(e.problems)
                return nil
            } catch { return nil }
        }
        let year = int("year", "Jaar", 1900...2200)
        let employees = int("employees", "Medewerkers", 0...PersonnelFigures.maxEmployees)
        let programme = int("programmeHours", "Programma-uren", 0...PersonnelFigures.maxHours)
        let indirect = int("indirectHours", "Indirecte uren", 0...PersonnelFigures.maxHours)
        try problems.throwIfAny("Personeelsgegevens niet opgeslagen")
        let figures = try PersonnelFigures(
            year: year!, employees: employees!, fte: FormInput.text(req, "fte"),
            programmeHours: programme!, indirectHours: indirect!)
        try await req.db.transaction { db in
            let record =
                try await PersonnelRecord.query(on: db).filter(\.$plan.$id == loaded.id).filter(\.$year == figures.year)
                .filter(\.$kind == figures.kind.rawValue).first() ?? PersonnelRecord()
            record.$plan.id = loaded.id
            record.year = figures.year
            record.kind = figures.kind.rawValue
            record.employees = figures.employees
            record.fteHundredths = figures.fteHundredths
            record.programmeHours = figures.programmeHours
            record.indirectHours = figures.indirectHours
            try await record.save(on: db)
            try await req.audit(
                on: db, "gewijzigd", entity: "personeel", id: "\(loaded.key)/\(figures.year)",
                summary:
                    "Personeel \(figures.year): \(figures.employees) medewerkers, \(figures.fteFormatted) FTE (\(loaded.plan.title))"
            )
        }
        return req.redirect(to: PlanURL.budget(plan: .value(loaded.key)))
    }
}

extension ProblemCollector {
    mutating func add(_ problems: [Problem]) {
        for p in problems { add(p.message, at: p.location) }
    }
}
