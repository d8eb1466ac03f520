import AppCore
import Fluent
import Vapor
import VitaalDomain

/// Pages of the acute-care model: the coverage page with the what-if form (anyone), saved
/// scenarios (anyone reads, redacteur+ saves and deletes their organisation's scenarios).
struct AcuteCarePageController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(AcuteCareURL.index, use: index)
        routes.get(AcuteCareURL.scenario(.key), use: saved)
        routes.write(.POST, AcuteCareURL.saveScenario, access: .role(.redacteur), use: save)
        routes.write(.POST, AcuteCareURL.deleteScenario(.key), access: .role(.redacteur), use: delete)
    }

    @Sendable func index(_ req: Request) async throws -> Response {
        // `?scenario=slug` opens a saved scenario.
        if let slug = req.query[String.self, at: "scenario"], !slug.isEmpty {
            return req.redirect(to: AcuteCareURL.scenario(.value(slug)))
        }
        let form = (try? req.query.decode(WhatIfForm.self)) ?? WhatIfForm()
        return try await Self.page(req, form: form, scenario: nil, saveError: nil)
    }

    @Sendable func saved(_ req: Request) async throws -> Response {
        try await Self.page(req, form: WhatIfForm(), scenario: try await Self.find(req), saveError: nil)
    }

    @Sendable func save(_ req: Request) async throws -> Response {
        let user = try req.requireRole(.redacteur)
        let form = try req.content.decode(WhatIfForm.self)
        do {
            let record = try await AcuteCareScenarioRecord.make(form: form, user: user, on: req.db)
            let summary = "Scenario \"\(record.name)\" opgeslagen: \(record.changesJSON)"
            try await req.db.transaction { db in
                try await record.create(on: db)
                try await req.audit(
                    on: db, "aangemaakt", entity: "ambulancescenario", id: record.slug, summary: summary)
            }
            return req.redirect(to: AcuteCareURL.scenario(.value(record.slug)))
        } catch let error as VitaalError where error.kind == .invalidInput {
            return try await Self.page(req, form: form, scenario: nil, saveError: error)
        }
    }

    @Sendable func delete(_ req: Request) async throws -> Response {
        let record = try await Self.find(req)
        _ = try req.requireWrite(organisationID: record.$organisation.id)
        let summary = "Scenario \"\(record.name)\" verwijderd: \(record.changesJSON)"
        try await req.db.transaction { db in
            try await req.audit(on: db, "verwijderd", entity: "ambulancescenario", id: record.slug, summary: summary)
            try await record.delete(on: db)
        }
        return req.redirect(to: AcuteCareURL.index)
    }

    static func page(
        _ req: Request, form: WhatIfForm, scenario: AcuteCareScenarioRecord?,
        saveError: VitaalError?
    ) async throws -> Response {
        let context = req.pageContext
        let model = try await CoveragePage.Model.load(
            form: form, scenario: scenario, saveError: saveError,
            viewer: context.viewer, on: req.db)
        // The save form carries a CSRF token; only logged-in users (who have one) see it.
        return CoveragePage.view(model, context).render(for: req)
    }

    static func find(_ req: Request) async throws -> AcuteCareScenarioRecord {
        let slug = req.parameters.get("slug") ?? ""
        let record = try await AcuteCareScenarioRecord.query(on: req.db).filter(\.$slug == slug).with(\.$organisation)
            .first()
        guard let record else { throw VitaalError(.notFound, "Onbekend scenario \"\(slug)\".") }
        return record
    }
}

extension AcuteCareScenarioRecord {
    /// A new scenario from the what-if form: something must change, the name is required (at most
    /// 200 characters) and the model must compute it (a scenario that cannot be computed is not saved).
    static func make(form: WhatIfForm, user: User, on db: any Database) async throws -> AcuteCareScenarioRecord {
        let changes = try form.changes()
        guard !changes.isEmpty else {
            throw VitaalError.invalid(
                "er is niets veranderd ten opzichte van de huidige situatie; vul eerst een wat-als in",
                at: SourceLocation(field: "naam"))
        }
        guard let name = form.value("naam") else {
            throw VitaalError.invalid("geef het scenario een naam", at: SourceLocation(field: "naam"))
        }
        guard name.count <= 200 else {
            throw VitaalError.invalid("de naam mag hoogstens 200 tekens hebben", at: SourceLocation(field: "naam"))
        }
        _ = try AcuteCareService.evaluate(changes, name: name)
        return try AcuteCareScenarioRecord(
            slug: try await uniqueSlug(for: name, on: db), name: name, summary: form.value("omschrijving"),
            changes: changes,
            isSchematic: true, organisationID: user.$organisation.id, author: user.email)
    }
}
