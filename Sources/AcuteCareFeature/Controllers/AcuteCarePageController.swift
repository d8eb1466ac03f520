import Vapor
import Fluent
import Plot
import AppCore
import VitaalDomain

/// Pages of the acute-care model: the coverage page with the what-if form (anyone), saved
/// scenarios (anyone reads, redacteur+ saves and deletes their organisation's scenarios).
struct AcuteCarePageController: RouteCollection {
    static let path = "/modellen/acute-zorg"
    static let crumbs = [("Home", "/"), ("Modellen", "/modellen")]

    func boot(routes: any RoutesBuilder) throws {
        routes.get("modellen", "acute-zorg", use: index)
        routes.get("modellen", "acute-zorg", "scenario", ":slug", use: saved)
        routes.write(.POST, "modellen", "acute-zorg", "scenarios", access: .role(.redacteur), use: save)
        routes.write(.POST, "modellen", "acute-zorg", "scenario", ":slug", "verwijderen", access: .role(.redacteur), use: delete)
    }

    // MARK: Handlers

    @Sendable func index(_ req: Request) async throws -> Response {
        let form = (try? req.query.decode(WhatIfForm.self)) ?? WhatIfForm()
        // `?scenario=slug` opens a saved scenario.
        if let slug = try? req.query.get(String.self, at: "scenario"), !slug.isEmpty {
            return req.redirect(to: "\(Self.path)/scenario/\(slug.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? slug)")
        }
        return try await render(req, form: form, record: nil, saveError: nil)
    }

    @Sendable func saved(_ req: Request) async throws -> Response {
        let record = try await Self.find(req)
        return try await render(req, form: WhatIfForm(), record: record, saveError: nil)
    }

    @Sendable func save(_ req: Request) async throws -> Response {
        let user = try req.requireRole(.redacteur)
        let form = try req.content.decode(WhatIfForm.self)
        do {
            let changes = try form.changes()
            guard !changes.isEmpty else {
                throw VitaalError.invalid("er is niets veranderd ten opzichte van de huidige situatie; vul eerst een wat-als in", at: SourceLocation(field: "naam"))
            }
            guard let name = form.value("naam") else { throw VitaalError.invalid("geef het scenario een naam", at: SourceLocation(field: "naam")) }
            guard name.count <= 200 else { throw VitaalError.invalid("de naam mag hoogstens 200 tekens hebben", at: SourceLocation(field: "naam")) }
            // Runs the model once: a scenario that cannot be computed is not saved.
            _ = try AcuteCareService.evaluate(changes, name: name)
            let slug = try await AcuteCareScenarioRecord.uniqueSlug(for: name, on: req.db)
            let record = try AcuteCareScenarioRecord(slug: slug, name: name, summary: form.value("omschrijving"), changes: changes,
                                                     isSchematic: true, organisationID: user.$organisation.id, author: user.email)
            try await req.db.transaction { db in
                try await record.create(on: db)
                try await req.audit(on: db, "aangemaakt", entity: "ambulancescenario", id: slug, summary: "Scenario \"\(name)\" opgeslagen: \(try changes.json())")
            }
            return req.redirect(to: "\(Self.path)/scenario/\(slug)", redirectType: .normal)
        } catch let error as VitaalError where error.kind == .invalidInput {
            return try await render(req, form: form, record: nil, saveError: error)
        }
    }

    @Sendable func delete(_ req: Request) async throws -> Response {
        let record = try await Self.find(req)
        try req.requireWrite(organisationID: record.$organisation.id)
        try await req.db.transaction { db in
            try await req.audit(on: db, "verwijderd", entity: "ambulancescenario", id: record.slug, summary: "Scenario \"\(record.name)\" verwijderd: \(record.changesJSON)")
            try await record.delete(on: db)
        }
        return req.redirect(to: Self.path, redirectType: .normal)
    }

    static func find(_ req: Request) async throws -> AcuteCareScenarioRecord {
        let slug = req.parameters.get("slug") ?? ""
        guard let r = try await AcuteCareScenarioRecord.query(on: req.db).filter(\.$slug == slug).with(\.$organisation).first() else {
            throw VitaalError(.notFound, "Onbekend scenario \"\(slug)\".")
        }
        return r
    }

    // MARK: Rendering

    func render(_ req: Request, form: WhatIfForm, record: AcuteCareScenarioRecord?, saveError: VitaalError?) async throws -> Response {
        var problems: VitaalError? = saveError
        var evaluation: AcuteCareService.Evaluation
        do {
            if let record {
                evaluation = try AcuteCareService.evaluate(try record.changes(), id: record.slug, name: record.name,
                                                           description: record.summary, isSchematic: record.isSchematic)
            } else {
                evaluation = try AcuteCareService.evaluate(try form.changes(), name: form.value("naam") ?? "Wat-als-scenario")
            }
        } catch let error as VitaalError where error.kind == .invalidInput {
            problems = error
            evaluation = try AcuteCareService.evaluate(ScenarioChanges())
        }
        let regions = try await Region.query(on: req.db).filter(\.$kind == RegionKind.gemeente.rawValue).all()
        let outlines = RegionMaps.features(regions.filter { r in WhatIfForm.municipalityFields.contains { $0.name == r.name } })
        let records = try await AcuteCareScenarioRecord.query(on: req.db).with(\.$organisation).sort(\.$createdAt).sort(\.$name).all()
        let user = req.user
        let e = evaluation
        let title = record.map { "Acute zorg: \($0.name)" } ?? "Acute zorg: ambulance binnen 15 minuten"
        let status: HTTPResponseStatus = problems != nil ? .unprocessableEntity : .ok
        let canSave = user.map { $0.role >= .redacteur } ?? false
        let canDelete = record.map { r in user?.mayWrite(organisationID: r.$organisation.id) ?? false } ?? false
        let page = SitePage(title, status: status, breadcrumbs: record == nil ? Self.crumbs : Self.crumbs + [("Acute zorg", Self.path)],
                        description: "Bereikbaarheid van ambulancezorg binnen 15 minuten in Flevoland, nu en bij groei naar 540.000 inwoners (schematisch model).",
                        content: [
            AcuteCareViews.style,
            .p(AcuteCareViews.schematicBadge, .text(" "), UI.badge("voorbeelddata", kind: "example")),
            .p(.class("lead"), .text("Hoeveel inwoners bereikt een ambulance binnen de norm van 15 minuten (inclusief meldings- en uitruktijd), en hoeveel ambulances zijn er nodig? Nu, en als Flevoland groeit naar 540.000 inwoners in 2035.")),
            AcuteCareViews.schematicNotice,
            .unwrap(problems) { UI.problems($0.message, $0.problems) },
            .unwrap(record?.summary) { .p(.text($0)) },
            .unwrap(record) { r in .p(.class("muted"), .text("Scenario van \(r.organisation?.name ?? "onbekende organisatie")."),
                                      .if(r.isSchematic, .group(.text(" "), AcuteCareViews.schematicBadge))) },
            AcuteCareViews.changeList(e),
            AcuteCareViews.summary(e),
            AcuteCareViews.keyFigures(e),
            .h2(.id("kaart"), .text("Kaart")),
            e.isBase
                ? .div(.class("grid-2"),
                       UI.figure(UI.svg(AcuteCareViews.map(e, scenario: false, outlines: outlines)), caption: "Groen: binnen de norm; rood: buiten de norm. Vierkant: ambulancepost. Schematisch."),
                       AcuteCareViews.uncoveredTable(e))
                : .div(.class("grid-2"),
                       UI.figure(UI.svg(AcuteCareViews.map(e, scenario: false, outlines: outlines)), caption: "Nu. Schematisch."),
                       UI.figure(UI.svg(AcuteCareViews.map(e, scenario: true, outlines: outlines)), caption: "\(e.scenario.name). Schematisch.")),
            .h2(.id("gemeenten"), .text("Per gemeente")),
            AcuteCareViews.municipalityTable(e),
            .if(!e.isBase, AcuteCareViews.uncoveredTable(e)),
            .h2(.id("posten"), .text("Ambulances nodig per post")),
            .p(.text("Per post het kleinste aantal ambulances waarbij de kans dat er in het drukste uur van de week geen enkele vrij is hoogstens 5% is (Erlang-B, gemiddelde taaktijd 60 minuten). Ritten gaan naar de snelste post binnen de norm, anders naar de dichtstbijzijnde.")),
            AcuteCareViews.postTable(e),
            .if(canDelete, .form(.method(.post), .action(attr("\(Self.path)/scenario/\(record?.slug ?? "")/verwijderen")), .class("inline"),
                                 Layout.csrfField(req), .button(.type(.submit), .class("button button-secondary"), .text("Scenario verwijderen")))),
            .div(.class("grid-2"), .id("wat-als"),
                AcuteCareViews.whatIfForm(record.map { _ in WhatIfForm() } ?? form, action: Self.path),
                .div(
                    .if(canSave && record == nil && !form.isEmpty, AcuteCareViews.saveForm(form, req: req, error: saveError)),
                    .if(!canSave, .p(.class("muted"), .text("Redacteuren kunnen een doorgerekend scenario opslaan voor hun organisatie."))),
                    AcuteCareViews.scenarioList(records, current: record?.slug))),
            .h2(.text("Aannames")),
            .ul(.forEach(e.result.notes) { .li(.text($0)) }),
            .p(.class("muted"), .text("Dezelfde berekening met eigen gegevens (OpenStreetMap-wegennet, CBS-vierkanten, posten): "),
               .code(.text("vitaal acute-care coverage --roads wegen.osm --posts posten.csv --demand vraagpunten.csv --json")),
               .text(". API: "), .a(.href("/api/v1/acute-care/scenarios"), .text("/api/v1/acute-care/scenarios")), .text(".")),
        ])
        return page.render(for: req)
    }
}
