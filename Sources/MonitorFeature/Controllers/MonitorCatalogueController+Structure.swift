import AppCore
import Fluent
import Vapor
import VitaalDomain

/// Monitors and themes in the browser: beheerders create, change, order, retire and restore them;
/// redacteurs put their organisation's indicators in a monitor (and take them out). Retired monitors
/// and themes leave the public lists but are kept.
struct MonitorStructureRoutes: RouteCollection {
    /// Path words of the monitor's own pages, which a monitor's slug may not take.
    static let reservedSlugs: Set<String> = [
        "indicator", "indicatoren", "regio", "import", "verhalen", "beheer", "thema", "item", "nieuw"
    ]
    static let maxName = 200, maxSummary = 2_000

    func boot(routes: any RoutesBuilder) throws {
        let editors = routes.requiring(.redacteur)
        editors.get(MonitorURL.structure, use: list)
        editors.get(MonitorURL.structureMonitor(.key), use: monitorPage)
        routes.write(.POST, MonitorURL.structure, access: .role(.beheerder), use: createMonitor)
        routes.write(.POST, MonitorURL.structureMonitor(.key), access: .role(.beheerder), use: updateMonitor)
        routes.write(.POST, MonitorURL.structureMonitorMove(.key), access: .role(.beheerder), use: moveMonitor)
        routes.write(.POST, MonitorURL.structureMonitorRetire(.key), access: .role(.beheerder), use: retireMonitor)
        routes.write(.POST, MonitorURL.structureThemeNew(.key), access: .role(.beheerder), use: createTheme)
        routes.write(.POST, MonitorURL.structureTheme(.key), access: .role(.beheerder), use: updateTheme)
        routes.write(.POST, MonitorURL.structureThemeMove(.key), access: .role(.beheerder), use: moveTheme)
        routes.write(.POST, MonitorURL.structureThemeRetire(.key), access: .role(.beheerder), use: retireTheme)
        routes.write(.POST, MonitorURL.structureItemNew(.key), access: .role(.redacteur), use: addItem)
        routes.write(.POST, MonitorURL.structureItemMove(.key), access: .role(.redacteur), use: moveItem)
        routes.write(.POST, MonitorURL.structureItemDelete(.key), access: .role(.redacteur), use: deleteItem)
    }

    // MARK: Pages

    @Sendable func list(_ req: Request) async throws -> SitePage {
        let user = try req.requireRole(.redacteur)
        let model = try await StructurePage.Model.load(
            notice: req.queryText("melding"), viewer: user.viewer, on: req.db)
        return StructurePage.view(model, req.pageContext)
    }

    @Sendable func monitorPage(_ req: Request) async throws -> SitePage {
        let user = try req.requireRole(.redacteur)
        let monitor = try await Self.monitor(req)
        let model = try await StructureMonitorPage.Model.load(
            monitor, notice: req.queryText("melding"), viewer: user.viewer, on: req.db)
        return StructureMonitorPage.view(model, req.pageContext)
    }

    // MARK: Monitors

    @Sendable func createMonitor(_ req: Request) async throws -> Response {
        let user = try req.requireRole(.beheerder)
        let form = StructurePage.Form(
            slug: req.formText("slug"), name: req.formText("name"), summary: req.formText("summary"))
        var problems = ProblemCollector()
        if !Slug.isSlug(form.slug) || form.slug.count > 64 {
            problems.add(
                "het adres moet uit kleine letters, cijfers en enkele - bestaan (ten hoogste 64 tekens)",
                at: SourceLocation(field: "slug"))
        } else if Self.reservedSlugs.contains(form.slug) {
            problems.add(
                "het adres \"\(form.slug)\" is gereserveerd; kies een ander", at: SourceLocation(field: "slug"))
        } else if try await Monitor.query(on: req.db).filter(\.$slug == form.slug).first() != nil {
            problems.add("er is al een monitor met het adres \"\(form.slug)\"", at: SourceLocation(field: "slug"))
        }
        Self.checkTexts(form.name, "name", form.summary, "summary", &problems)
        do { try problems.throwIfAny("Monitor niet aangemaakt") } catch let error as VitaalError {
            let model = try await StructurePage.Model.load(
                notice: nil, viewer: user.viewer, form: form, error: error, on: req.db)
            return StructurePage.view(model, req.pageContext).render(for: req)
        }
        let last = try await Monitor.query(on: req.db).max(\.$sortOrder) ?? 0
        let monitor = Monitor(slug: form.slug, name: form.name, summary: form.summary, sortOrder: last + 10)
        try await req.db.transaction { db in
            try await monitor.create(on: db)
            try await DataVersion.bump(on: db, at: req.now)
            try await req.audit(
                on: db, "aangemaakt", entity: "monitor", id: monitor.slug, summary: "Monitor \"\(monitor.name)\"")
        }
        return req.redirect(to: MonitorURL.structureMonitor(.value(monitor.slug)), notice: "aangemaakt")
    }

    @Sendable func updateMonitor(_ req: Request) async throws -> Response {
        let user = try req.requireRole(.beheerder)
        let monitor = try await Self.monitor(req)
        var forms = StructureMonitorPage.Forms(name: req.formText("name"), summary: req.formText("summary"))
        var problems = ProblemCollector()
        Self.checkTexts(forms.name, "name", forms.summary, "summary", &problems)
        if let refusal = try await Self.refuse(problems, "Monitor niet opgeslagen", monitor, user, forms, req) {
            return refusal
        }
        forms = StructureMonitorPage.Forms()
        monitor.name = req.formText("name")
        monitor.summary = req.formText("summary")
        try await req.db.transaction { db in
            try await monitor.save(on: db)
            try await DataVersion.bump(on: db, at: req.now)
            try await req.audit(
                on: db, "gewijzigd", entity: "monitor", id: monitor.slug, summary: "Monitor \"\(monitor.name)\"")
        }
        return req.redirect(to: MonitorURL.structureMonitor(.value(monitor.slug)), notice: "opgeslagen")
    }

    @Sendable func moveMonitor(_ req: Request) async throws -> Response {
        _ = try req.requireRole(.beheerder)
        let monitor = try await Self.monitor(req)
        let up = try Self.direction(req)
        try await req.db.transaction { db in
            let all = try await Monitor.query(on: db).sort(\.$sortOrder).sort(\.$name).all()
            try await Self.reorder(all, moving: monitor.id, up: up, order: \.sortOrder, on: db)
            try await DataVersion.bump(on: db, at: req.now)
            try await req.audit(
                on: db, "volgorde", entity: "monitor", id: monitor.slug,
                summary: "Monitor \"\(monitor.name)\" \(up ? "omhoog" : "omlaag")")
        }
        return req.redirect(to: MonitorURL.structure, notice: "verplaatst")
    }

    @Sendable func retireMonitor(_ req: Request) async throws -> Response {
        _ = try req.requireRole(.beheerder)
        let monitor = try await Self.monitor(req)
        let retire = try Self.retireAction(req)
        monitor.retiredAt = retire ? req.now : nil
        try await req.db.transaction { db in
            try await monitor.save(on: db)
            try await DataVersion.bump(on: db, at: req.now)
            try await req.audit(
                on: db, retire ? "vervallen" : "hersteld", entity: "monitor", id: monitor.slug,
                summary: "Monitor \"\(monitor.name)\"")
        }
        return req.redirect(to: MonitorURL.structure, notice: retire ? "vervallen" : "hersteld")
    }

    // MARK: Themes

    @Sendable func createTheme(_ req: Request) async throws -> Response {
        let user = try req.requireRole(.beheerder)
        let monitor = try await Self.monitor(req)
        let id = try monitor.requireID()
        let forms = StructureMonitorPage.Forms(
            name: monitor.name, summary: monitor.summary, themeCode: req.formText("themeCode"),
            themeName: req.formText("themeName"), themeSummary: req.formText("themeSummary"))
        var problems = ProblemCollector()
        if !IndicatorDraft.isValidCode(forms.themeCode) {
            problems.add("de code moet 2 tot 64 tekens a-z, 0-9 of _ zijn", at: SourceLocation(field: "themeCode"))
        } else if try await MonitorTheme.query(on: req.db).filter(\.$monitor.$id == id)
            .filter(\.$code == forms.themeCode).first() != nil
        {
            problems.add(
                "deze monitor heeft al een thema met de code \"\(forms.themeCode)\"",
                at: SourceLocation(field: "themeCode"))
        }
        Self.checkTexts(forms.themeName, "themeName", forms.themeSummary, "themeSummary", &problems)
        if let refusal = try await Self.refuse(problems, "Thema niet aangemaakt", monitor, user, forms, req) {
            return refusal
        }
        let last = try await MonitorTheme.query(on: req.db).filter(\.$monitor.$id == id).max(\.$sortOrder) ?? 0
        let theme = MonitorTheme(
            monitorID: id, code: forms.themeCode, name: forms.themeName, summary: forms.themeSummary,
            sortOrder: last + 10)
        try await req.db.transaction { db in
            try await theme.create(on: db)
            try await DataVersion.bump(on: db, at: req.now)
            try await req.audit(
                on: db, "aangemaakt", entity: "thema", id: theme.id?.uuidString,
                summary: "Thema \"\(theme.name)\" in monitor \"\(monitor.name)\"")
        }
        return req.redirect(to: MonitorURL.structureMonitor(.value(monitor.slug)), notice: "aangemaakt")
    }

    @Sendable func updateTheme(_ req: Request) async throws -> Response {
        let user = try req.requireRole(.beheerder)
        let (theme, monitor) = try await Self.theme(req)
        var problems = ProblemCollector()
        let name = req.formText("themeName")
        let summary = req.formText("themeSummary")
        Self.checkTexts(name, "themeName", summary, "themeSummary", &problems)
        if let refusal = try await Self.refuse(problems, "Thema niet opgeslagen", monitor, user, nil, req) {
            return refusal
        }
        theme.name = name
        theme.summary = summary
        try await req.db.transaction { db in
            try await theme.save(on: db)
            try await DataVersion.bump(on: db, at: req.now)
            try await req.audit(
                on: db, "gewijzigd", entity: "thema", id: theme.id?.uuidString, summary: "Thema \"\(name)\"")
        }
        return req.redirect(to: MonitorURL.structureMonitor(.value(monitor.slug)), notice: "opgeslagen")
    }

    @Sendable func moveTheme(_ req: Request) async throws -> Response {
        _ = try req.requireRole(.beheerder)
        let (theme, monitor) = try await Self.theme(req)
        let up = try Self.direction(req)
        try await req.db.transaction { db in
            let all = try await MonitorTheme.query(on: db).filter(\.$monitor.$id == theme.$monitor.id)
                .sort(\.$sortOrder).all()
            try await Self.reorder(all, moving: theme.id, up: up, order: \.sortOrder, on: db)
            try await DataVersion.bump(on: db, at: req.now)
            try await req.audit(
                on: db, "volgorde", entity: "thema", id: theme.id?.uuidString,
                summary: "Thema \"\(theme.name)\" \(up ? "omhoog" : "omlaag")")
        }
        return req.redirect(to: MonitorURL.structureMonitor(.value(monitor.slug)), notice: "verplaatst")
    }

    @Sendable func retireTheme(_ req: Request) async throws -> Response {
        _ = try req.requireRole(.beheerder)
        let (theme, monitor) = try await Self.theme(req)
        let retire = try Self.retireAction(req)
        theme.retiredAt = retire ? req.now : nil
        try await req.db.transaction { db in
            try await theme.save(on: db)
            try await DataVersion.bump(on: db, at: req.now)
            try await req.audit(
                on: db, retire ? "vervallen" : "hersteld", entity: "thema", id: theme.id?.uuidString,
                summary: "Thema \"\(theme.name)\" in monitor \"\(monitor.name)\"")
        }
        return req.redirect(
            to: MonitorURL.structureMonitor(.value(monitor.slug)), notice: retire ? "vervallen" : "hersteld")
    }

    // MARK: Indicators in a monitor

    @Sendable func addItem(_ req: Request) async throws -> Response {
        let user = try req.requireRole(.redacteur)
        let monitor = try await Self.monitor(req)
        let monitorID = try monitor.requireID()
        let code = req.formText("indicator")
        guard let indicator = try await Indicator.query(on: req.db).filter(\.$code == code).first() else {
            let problems = [Problem("kies een indicator", at: SourceLocation(field: "indicator"))]
            return try await Self.refuse(
                VitaalError.invalid("Indicator niet toegevoegd", problems: problems), monitor, user, nil, req)
        }
        guard user.mayWrite(organisationID: indicator.$owner.id) else {
            throw VitaalError(.forbidden, "U mag alleen indicatoren van uw eigen organisatie toevoegen.")
        }
        let themeText = req.formText("theme")
        var themeID: UUID?
        if !themeText.isEmpty {
            guard let id = UUID(uuidString: themeText),
                let theme = try await MonitorTheme.find(id, on: req.db), theme.$monitor.id == monitorID,
                theme.retiredAt == nil
            else {
                let problems = [Problem("onbekend thema", at: SourceLocation(field: "theme"))]
                return try await Self.refuse(
                    VitaalError.invalid("Indicator niet toegevoegd", problems: problems), monitor, user, nil, req)
            }
            themeID = theme.id
        }
        let indicatorID = try indicator.requireID()
        let chosenTheme = themeID
        try await req.db.transaction { db in
            let existing = try await MonitorItem.query(on: db).filter(\.$monitor.$id == monitorID)
                .filter(\.$indicator.$id == indicatorID).first()
            let last = try await MonitorItem.query(on: db).filter(\.$monitor.$id == monitorID).max(\.$sortOrder) ?? 0
            let item =
                existing
                ?? MonitorItem(monitorID: monitorID, themeID: chosenTheme, indicatorID: indicatorID, sortOrder: 0)
            item.$theme.id = chosenTheme
            item.sortOrder = last + 10
            try await item.save(on: db)
            try await DataVersion.bump(on: db, publicData: indicator.isPublic, at: req.now)
            try await req.audit(
                on: db, existing == nil ? "toegevoegd" : "verplaatst", entity: "monitor", id: monitor.slug,
                summary: "Indicator \(indicator.code) in monitor \"\(monitor.name)\"")
        }
        return req.redirect(to: MonitorURL.structureMonitor(.value(monitor.slug)), notice: "opgeslagen")
    }

    @Sendable func moveItem(_ req: Request) async throws -> Response {
        let (item, monitor) = try await Self.item(req)
        let up = try Self.direction(req)
        try await req.db.transaction { db in
            var query = MonitorItem.query(on: db).filter(\.$monitor.$id == item.$monitor.id)
            query = item.$theme.id.map { query.filter(\.$theme.$id == $0) } ?? query.filter(\.$theme.$id == nil)
            try await Self.reorder(
                try await query.sort(\.$sortOrder).all(), moving: item.id, up: up, order: \.sortOrder, on: db)
            try await DataVersion.bump(on: db, publicData: item.indicator.isPublic, at: req.now)
            try await req.audit(
                on: db, "volgorde", entity: "monitor", id: monitor.slug,
                summary: "Indicator \(item.indicator.code) \(up ? "omhoog" : "omlaag")")
        }
        return req.redirect(to: MonitorURL.structureMonitor(.value(monitor.slug)), notice: "verplaatst")
    }

    @Sendable func deleteItem(_ req: Request) async throws -> Response {
        let (item, monitor) = try await Self.item(req)
        try await req.db.transaction { db in
            try await item.delete(on: db)
            try await DataVersion.bump(on: db, publicData: item.indicator.isPublic, at: req.now)
            try await req.audit(
                on: db, "verwijderd", entity: "monitor", id: monitor.slug,
                summary: "Indicator \(item.indicator.code) uit monitor \"\(monitor.name)\"")
        }
        return req.redirect(to: MonitorURL.structureMonitor(.value(monitor.slug)), notice: "verwijderd")
    }

    // MARK: Input

    static func monitor(_ req: Request) async throws -> Monitor {
        let slug = req.parameters.get("slug") ?? ""
        guard let monitor = try await Monitor.query(on: req.db).filter(\.$slug == slug).first() else {
            throw VitaalError(.notFound, "Onbekende monitor \(MonitorText.echo(slug)).")
        }
        return monitor
    }

    static func theme(_ req: Request) async throws -> (MonitorTheme, Monitor) {
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)),
            let theme = try await MonitorTheme.query(on: req.db).filter(\.$id == id).with(\.$monitor).first()
        else {
            throw VitaalError(.notFound, "Onbekend thema.")
        }
        return (theme, theme.monitor)
    }

    /// The item of the `:id` parameter, when the user may change it (its indicator's organisation).
    static func item(_ req: Request) async throws -> (MonitorItem, Monitor) {
        let user = try req.requireRole(.redacteur)
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)),
            let item = try await MonitorItem.query(on: req.db).filter(\.$id == id).with(\.$indicator).with(\.$monitor)
                .first()
        else {
            throw VitaalError(.notFound, "Onbekende indicator in deze monitor.")
        }
        guard user.mayWrite(organisationID: item.indicator.$owner.id) else {
            throw VitaalError(.forbidden, "U mag alleen indicatoren van uw eigen organisatie verplaatsen.")
        }
        return (item, item.monitor)
    }

    /// `richting=omhoog|omlaag`: true for up.
    static func direction(_ req: Request) throws -> Bool {
        switch req.formText("richting") {
        case "omhoog": return true
        case "omlaag": return false
        default: throw VitaalError.invalid("kies omhoog of omlaag", at: SourceLocation(field: "richting"))
        }
    }

    /// `actie=vervallen|herstellen`: true to retire.
    static func retireAction(_ req: Request) throws -> Bool {
        switch req.formText("actie") {
        case "vervallen": return true
        case "herstellen": return false
        default: throw VitaalError.invalid("kies vervallen of herstellen", at: SourceLocation(field: "actie"))
        }
    }

    static func checkTexts(
        _ name: String, _ nameField: String, _ summary: String, _ summaryField: String,
        _ problems: inout ProblemCollector
    ) {
        if name.isEmpty { problems.add("de naam ontbreekt", at: SourceLocation(field: nameField)) }
        if name.count > maxName {
            problems.add("de naam is langer dan \(maxName) tekens", at: SourceLocation(field: nameField))
        }
        if summary.count > maxSummary {
            problems.add("de omschrijving is langer dan \(maxSummary) tekens", at: SourceLocation(field: summaryField))
        }
    }

    /// The monitor page again with the problems (422), or nil when there are none.
    static func refuse(
        _ problems: ProblemCollector, _ summary: String, _ monitor: Monitor, _ user: User,
        _ forms: StructureMonitorPage.Forms?, _ req: Request
    ) async throws -> Response? {
        do { try problems.throwIfAny(summary) } catch let error as VitaalError {
            return try await refuse(error, monitor, user, forms, req)
        }
        return nil
    }

    static func refuse(
        _ error: VitaalError, _ monitor: Monitor, _ user: User, _ forms: StructureMonitorPage.Forms?,
        _ req: Request
    ) async throws -> Response {
        let model = try await StructureMonitorPage.Model.load(
            monitor, notice: nil, viewer: user.viewer, forms: forms, error: error, on: req.db)
        return StructureMonitorPage.view(model, req.pageContext).render(for: req)
    }

    /// Moves one row up or down among its siblings and numbers them 10, 20, 30, … again.
    static func reorder<T: Model>(
        _ list: [T], moving id: T.IDValue?, up: Bool, order: ReferenceWritableKeyPath<T, Int>,
        on db: any Database
    ) async throws {
        var rows = list
        guard let id, let index = rows.firstIndex(where: { $0.id == id }) else { return }
        let other = up ? index - 1 : index + 1
        guard rows.indices.contains(other) else { return }
        rows.swapAt(index, other)
        for (position, row) in rows.enumerated() where row[keyPath: order] != (position + 1) * 10 {
            row[keyPath: order] = (position + 1) * 10
            try await row.save(on: db)
        }
    }
}
