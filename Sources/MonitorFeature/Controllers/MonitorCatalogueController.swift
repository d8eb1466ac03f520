import AppCore
import Fluent
import Vapor
import VitaalDomain

/// The indicator catalogue in the browser: beheerders change every indicator, redacteurs the
/// indicators their organisation owns. Every definition change writes a revision (the version
/// history on the indicator page) and an audit entry in the same transaction as the change.
struct MonitorCatalogueController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(MonitorURL.catalogue, use: list)
        let editors = routes.requiring(.redacteur)
        editors.get(MonitorURL.catalogueNew, use: newForm)
        editors.get(MonitorURL.catalogueEdit(.key), use: editForm)
        routes.write(.POST, MonitorURL.catalogue, access: .role(.redacteur), use: create)
        routes.write(.POST, MonitorURL.catalogueEdit(.key), access: .role(.redacteur), use: update)
        try MonitorStructureRoutes().boot(routes: routes)
    }

    // MARK: Pages

    @Sendable func list(_ req: Request) async throws -> SitePage {
        let context = req.pageContext
        let model = try await CataloguePage.Model.load(
            filters: CataloguePage.Filters(query: req.queryText), notice: req.queryText("melding"),
            viewer: context.viewer, on: req.db)
        return CataloguePage.view(model, context)
    }

    @Sendable func newForm(_ req: Request) async throws -> SitePage {
        let user = try req.requireRole(.redacteur)
        var draft = IndicatorDraft()
        draft.decimals = "0"
        draft.polarity = Polarity.neutral.rawValue
        draft.level = IndicatorLevel.outcome.rawValue
        draft.licence = "CC BY 4.0"
        draft.visibility = Visibility.public.rawValue
        draft.status = IndicatorStatus.concept.rawValue
        let owner = try await user.$organisation.get(on: req.db).slug
        let model = try await IndicatorFormPage.Model.load(
            indicator: nil, draft: draft, owner: owner, viewer: user.viewer, on: req.db)
        return IndicatorFormPage.view(model, req.formContext)
    }

    @Sendable func editForm(_ req: Request) async throws -> SitePage {
        let (user, indicator) = try await Self.loadForChange(req)
        let draft = IndicatorDraft(
            indicator.definition, status: IndicatorStatus(rawValue: indicator.status) ?? .actief,
            replacesCode: indicator.replacesCode)
        let owner = try await indicator.$owner.get(on: req.db)?.slug ?? ""
        let model = try await IndicatorFormPage.Model.load(
            indicator: indicator, draft: draft, owner: owner, viewer: user.viewer, on: req.db)
        return IndicatorFormPage.view(model, req.formContext)
    }

    // MARK: Writes

    @Sendable func create(_ req: Request) async throws -> Response {
        let user = try req.requireRole(.redacteur)
        return try await Self.save(nil, user: user, req)
    }

    @Sendable func update(_ req: Request) async throws -> Response {
        let (user, indicator) = try await Self.loadForChange(req)
        return try await Self.save(indicator, user: user, req)
    }

    /// Parse → check → write: a form with problems comes back with them (422) and nothing is written.
    static func save(_ stored: Indicator?, user: User, _ req: Request) async throws -> Response {
        let draft = readDraft(req)
        let ownerSlug = req.formText("owner")
        let input: Input
        do {
            input = try await check(draft, ownerSlug: ownerSlug, stored: stored, user: user, req)
        } catch let error as VitaalError where error.kind == .invalidInput {
            let model = try await IndicatorFormPage.Model.load(
                indicator: stored, draft: draft, owner: ownerSlug, viewer: user.viewer, error: error, on: req.db)
            return IndicatorFormPage.view(model, req.formContext).render(for: req)
        }
        let indicator = stored ?? Indicator()
        let oldCode = stored?.code
        var oldFields: [(field: String, text: String)] = []
        if let stored { oldFields = try await fields(stored, on: req.db) }
        let wasPublic = stored?.isPublic ?? false
        indicator.code = input.valid.definition.code
        indicator.apply(input.valid.definition)
        indicator.status = input.valid.status.rawValue
        indicator.replacesCode = input.valid.replacesCode
        indicator.$owner.id = input.owner?.id
        let changes = IndicatorChange.diff(old: oldFields, new: fields(indicator, owner: input.owner))
        guard !changes.isEmpty else { return req.redirect(to: MonitorURL.catalogue, notice: "opgeslagen") }
        try await req.db.transaction { db in
            try await indicator.save(on: db)
            if let oldCode, oldCode != indicator.code {
                try await renameLinks(from: oldCode, to: indicator.code, on: db)
            }
            try await IndicatorRevision(
                indicatorCode: indicator.code, actor: user.email, changedAt: req.now,
                changes: IndicatorChange.json(changes)
            ).create(on: db)
            try await DataVersion.bump(on: db, publicData: wasPublic || indicator.isPublic, at: req.now)
            try await req.audit(
                on: db, stored == nil ? "aangemaakt" : "gewijzigd", entity: "indicator", id: indicator.code,
                summary: "Indicator \"\(indicator.name)\": "
                    + changes.map { IndicatorChange.dutchLabel($0.field) }
                    .joined(separator: ", "))
        }
        return req.redirect(to: MonitorURL.catalogue, notice: stored == nil ? "aangemaakt" : "opgeslagen")
    }

    // MARK: Input

    struct Input {
        var valid: IndicatorDraft.Valid
        var owner: Organisation?
    }

    /// The checks of a posted definition: the domain rules, the owner the user may choose, the code
    /// that cannot change once values exist, and no retirement while others still use it.
    static func check(
        _ draft: IndicatorDraft, ownerSlug: String, stored: Indicator?, user: User,
        _ req: Request
    ) async throws -> Input {
        let owner = try await Organisation.query(on: req.db).filter(\.$slug == ownerSlug).first()
        // The organisation check comes first: an editor never writes another organisation's indicator.
        if owner != nil || ownerSlug.isEmpty, !user.mayWrite(organisationID: owner?.id) {
            throw VitaalError(.forbidden, "U mag alleen indicatoren van uw eigen organisatie beheren.")
        }
        var problems = ProblemCollector()
        let codes = Set(try await Indicator.query(on: req.db).all().map(\.code)).subtracting([stored?.code ?? ""])
        var valid: IndicatorDraft.Valid?
        do { valid = try draft.validated(knownCodes: codes) } catch {
            for problem in error.problems { problems.add(problem.message, at: problem.location) }
        }
        if !ownerSlug.isEmpty && owner == nil {
            problems.add("onbekende organisatie", at: SourceLocation(field: "owner"))
        }
        if let stored {
            if draft.code != stored.code {
                if try await DataValue.query(on: req.db).filter(\.$indicatorCode == stored.code).count() > 0 {
                    problems.add(
                        "de code kan niet meer veranderen: er zijn al waarden voor \(stored.code). Maak een "
                            + "nieuwe indicator die deze vervangt.", at: SourceLocation(field: "code"))
                } else {
                    for user in try await req.application.indicatorUsage.users(of: stored.code, on: req.db) {
                        problems.add("de code wordt nog gebruikt: \(user)", at: SourceLocation(field: "code"))
                    }
                }
            }
            if draft.status == IndicatorStatus.vervallen.rawValue && stored.status != draft.status {
                for user in try await req.application.indicatorUsage.users(of: stored.code, on: req.db) {
                    problems.add(
                        "de indicator kan niet vervallen: \(user) gebruikt hem", at: SourceLocation(field: "status"))
                }
            }
        }
        try problems.throwIfAny("Indicator niet opgeslagen")
        guard let valid else { throw VitaalError(.internal, "Indicator niet opgeslagen") }
        return Input(valid: valid, owner: owner)
    }

    /// The indicator of the `:code` parameter, when the user may change it (404 unknown, 403 other
    /// organisation).
    static func loadForChange(_ req: Request) async throws -> (User, Indicator) {
        let user = try req.requireRole(.redacteur)
        let code = req.parameters.get("code") ?? ""
        guard let indicator = try await Indicator.query(on: req.db).filter(\.$code == code).first() else {
            throw VitaalError(.notFound, "Onbekende indicator \(MonitorText.echo(code)).")
        }
        guard user.mayWrite(organisationID: indicator.$owner.id) else {
            throw VitaalError(.forbidden, "U mag alleen indicatoren van uw eigen organisatie wijzigen.")
        }
        return (user, indicator)
    }

    static func readDraft(_ req: Request) -> IndicatorDraft {
        var draft = IndicatorDraft()
        draft.code = req.formText("code")
        draft.name = req.formText("name")
        draft.description = req.formText("description")
        draft.unit = req.formText("unit")
        draft.decimals = req.formText("decimals")
        draft.polarity = req.formText("polarity")
        draft.level = req.formText("level")
        draft.source = req.formText("source")
        draft.licence = req.formText("licence")
        draft.normValue = req.formText("normValue")
        draft.normComparison = req.formText("normComparison")
        draft.normSource = req.formText("normSource")
        draft.rangeMin = req.formText("rangeMin")
        draft.rangeMax = req.formText("rangeMax")
        draft.isCount = req.formText("isCount") == "on"
        draft.visibility = req.formText("visibility")
        draft.status = req.formText("status")
        draft.replacesCode = req.formText("replacesCode")
        return draft
    }

    /// The fields of a version compared for the history: the definition plus owner, status and link.
    static func fields(_ indicator: Indicator, owner: Organisation?) -> [(field: String, text: String)] {
        indicator.definition.revisionFields + [
            ("owner", owner?.name ?? ""), ("status", indicator.status), ("replaces", indicator.replacesCode ?? "")
        ]
    }

    static func fields(_ indicator: Indicator, on db: any Database) async throws -> [(field: String, text: String)] {
        fields(indicator, owner: try await indicator.$owner.get(on: db))
    }

    /// A code changed before any value existed: the links by code follow it.
    static func renameLinks(from old: String, to new: String, on db: any Database) async throws {
        try await IndicatorRevision.query(on: db).filter(\.$indicatorCode == old).set(\.$indicatorCode, to: new)
            .update()
        try await StoryIndicator.query(on: db).filter(\.$indicatorCode == old).set(\.$indicatorCode, to: new).update()
        try await Indicator.query(on: db).filter(\.$replacesCode == old).set(\.$replacesCode, to: new).update()
    }
}
