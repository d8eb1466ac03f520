import AppCore
import Fluent
import Vapor
import VitaalDomain

/// The registers' pages and writes: list with search and filters, entry, new and edit forms,
/// status changes and CSV/xlsx export. Reading is public (internal fields only for logged-in
/// users); writing needs a redacteur of the entry's organisation or a beheerder.
struct RegisterPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(RegisterURL.index, use: index)
        let editor = routes.requiring(.redacteur)
        for kind in RegisterKind.allCases {
            // The handlers read their register from the route, so one handler serves all of them.
            routes.get(RegisterURL.list(kind), use: list).userInfo["register"] = kind
            routes.get(RegisterURL.exportCSV(kind), use: exportCSV).userInfo["register"] = kind
            routes.get(RegisterURL.exportXLSX(kind), use: exportXLSX).userInfo["register"] = kind
            editor.get(RegisterURL.new(kind), use: newForm).userInfo["register"] = kind
            routes.write(.POST, RegisterURL.new(kind), access: .role(.redacteur), use: create).userInfo["register"] =
                kind
            routes.get(RegisterURL.entry(kind, .key), use: entry).userInfo["register"] = kind
            editor.get(RegisterURL.edit(kind, .key), use: editForm).userInfo["register"] = kind
            routes.write(.POST, RegisterURL.edit(kind, .key), access: .role(.redacteur), use: save)
                .userInfo["register"] = kind
            if kind.definition.statusPath != nil {
                routes.write(.POST, RegisterURL.status(kind, .key), access: .role(.redacteur), use: changeStatus)
                    .userInfo["register"] = kind
            }
        }
    }

    @Sendable func index(req: Request) async throws -> SitePage {
        RegistersPage.view(try await RegistersPage.Model.load(on: req.db), req.pageContext)
    }

    @Sendable func list(req: Request) async throws -> SitePage {
        let kind = try RegisterRequest.kind(req)
        let filter = try RegisterRequest.filter(req, kind)
        let model = try await RegisterListPage.Model.load(
            kind, filter: filter, viewer: req.pageContext.viewer, today: RegisterRequest.today(at: req.now),
            notice: RegisterRequest.notice(req), app: req.application, on: req.db)
        return RegisterListPage.view(model, req.pageContext)
    }

    @Sendable func entry(req: Request) async throws -> SitePage {
        let kind = try RegisterRequest.kind(req)
        try RegisterRequest.requireReadable(req, kind)
        let model = try await RegisterEntryPage.Model.load(
            kind, key: try RegisterRequest.key(req), viewer: req.pageContext.viewer,
            notice: RegisterRequest.notice(req), app: req.application, on: req.db)
        return RegisterEntryPage.view(model, req.formContext)
    }

    @Sendable func newForm(req: Request) async throws -> SitePage {
        var form = RegisterFormPage.Model(new: try RegisterRequest.kind(req))
        try await form.loadRegions(on: req.db)
        return RegisterFormPage.view(form, req.formContext)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let kind = try RegisterRequest.kind(req)
        let user = try req.requireRole(.redacteur)
        let body = try RegisterRequest.form(req)
        var form = RegisterFormPage.Model(new: kind)
        try await form.loadRegions(on: req.db)
        let (values, status) = try await check(&form, body: body, key: nil, req: req)
        guard form.problems.isEmpty, form.warning == nil else {
            return RegisterFormPage.view(form, req.formContext).render(for: req)
        }
        let key = try await RegisterStore.newKey(kind, title: values[kind.definition.titleKey] ?? "", on: req.db)
        try await RegisterStore.create(
            kind, key: key, status: status, values: values, organisationID: user.$organisation.id, user: user,
            at: req.now, on: req.db)
        return req.redirect(to: RegisterURL.entry(kind, .value(key)), notice: RegisterNotice.created.rawValue)
    }

    @Sendable func editForm(req: Request) async throws -> SitePage {
        let stored = try await writable(req)
        var form = RegisterFormPage.Model(stored)
        try await form.loadRegions(on: req.db)
        return RegisterFormPage.view(form, req.formContext)
    }

    @Sendable func save(req: Request) async throws -> Response {
        let stored = try await writable(req)
        let user = try req.requireWrite(organisationID: stored.organisationID)
        var form = RegisterFormPage.Model(stored)
        try await form.loadRegions(on: req.db)
        let (values, _) = try await check(&form, body: try RegisterRequest.form(req), key: stored.entry.key, req: req)
        guard form.problems.isEmpty else { return RegisterFormPage.view(form, req.formContext).render(for: req) }
        try await RegisterStore.update(
            stored, status: stored.entry.status, values: values, user: user, action: "gewijzigd", note: "gewijzigd",
            at: req.now, on: req.db)
        return req.redirect(
            to: RegisterURL.entry(stored.kind, .value(stored.entry.key)), notice: RegisterNotice.saved.rawValue)
    }

    @Sendable func changeStatus(req: Request) async throws -> Response {
        let stored = try await writable(req)
        let user = try req.requireWrite(organisationID: stored.organisationID)
        let body = try RegisterRequest.form(req)
        let definition = stored.kind.definition
        var form = RegisterEntryPage.Model.StatusForm()
        form.status = (body["status"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        form.reason = String((body["reden"] ?? "").prefix(2_000)).trimmingCharacters(in: .whitespacesAndNewlines)
        for field in definition.statusFields.compactMap({ definition.field($0.key) }) {
            form.fields[field.formName] = String((body[field.formName] ?? "").prefix(10_000))
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let (values, problems) = RegisterChecks.statusChange(
            stored, to: form.status, reason: form.reason, fields: form.fields)
        form.problems = problems
        guard form.problems.isEmpty else {
            var model = try await RegisterEntryPage.Model.load(
                stored.kind, key: stored.entry.key, viewer: req.pageContext.viewer, notice: nil, app: req.application,
                on: req.db)
            model.statusForm = form
            return RegisterEntryPage.view(model, req.formContext).render(for: req)
        }
        try await RegisterStore.update(
            stored, status: form.status, values: values, user: user, action: "status gewijzigd",
            note: form.reason.isEmpty ? nil : form.reason, at: req.now, on: req.db)
        return req.redirect(
            to: RegisterURL.entry(stored.kind, .value(stored.entry.key)), notice: RegisterNotice.statusChanged.rawValue)
    }

    /// Reads and checks a posted entry into `form` (`RegisterChecks.entry`); returns the values and
    /// the first status.
    private func check(_ form: inout RegisterFormPage.Model, body: [String: String], key: String?, req: Request)
        async throws -> (RegisterValues, String?)
    {
        for field in form.kind.definition.fields {
            form.texts[field.formName] = String((body[field.formName] ?? "").prefix(10_000))
        }
        if key == nil, form.kind.definition.statusPath != nil {
            form.status = (body["status"] ?? "").trimmingCharacters(in: .whitespaces)
        }
        let checked = try await RegisterChecks.entry(
            form.kind, texts: body, key: key, regions: form.regions,
            pastDeadlineConfirmed: body["toch-opslaan"] != nil, req: req)
        form.problems = checked.problems
        form.warning = checked.warning
        return (checked.values, checked.status)
    }

    /// The entry of the route, refused (403) when the user may not write it.
    private func writable(_ req: Request) async throws -> RegisterStore.Stored {
        let kind = try RegisterRequest.kind(req)
        try req.requireRole(.redacteur)
        let stored = try await RegisterStore.find(kind, key: try RegisterRequest.key(req), on: req.db)
        try req.requireWrite(organisationID: stored.organisationID)
        return stored
    }

    @Sendable func exportCSV(req: Request) async throws -> Response {
        let (kind, table) = try await exportTable(req)
        return Download.csv(
            "\(kind.definition.slug).csv", headers: table.headers,
            rows: table.rows.map { $0.map(\.text) })
    }

    @Sendable func exportXLSX(req: Request) async throws -> Response {
        let (kind, table) = try await exportTable(req)
        let rows: [[XLSX.Cell]] =
            [table.headers.map { .text($0) }] + table.rows.map { $0.map(\.cell) }
        return try Download.xlsx(
            "\(kind.definition.slug).xlsx", sheets: [XLSX.Sheet(name: kind.definition.title, rows: rows)])
    }

    private func exportTable(_ req: Request) async throws -> (RegisterKind, RegisterExport.Table) {
        let kind = try RegisterRequest.kind(req)
        try RegisterRequest.requireReadable(req, kind)
        let filter = try RegisterRequest.filter(req, kind)
        let fields = RegisterVisibility.fields(kind, viewer: req.pageContext.viewer)
        let links = try await RegisterLinks.load(
            kind, loggedIn: req.pageContext.viewer != nil, app: req.application, on: req.db)
        let rows = try await RegisterStore.all(kind, on: req.db).map(links.visible)
            .filter { filter.matches($0.entry, fields: fields) }
        return (kind, RegisterExport.table(kind, rows: rows, fields: fields))
    }
}
