import Vapor
import Fluent
import Plot
import AppCore
import VitaalDomain
import MonitorFeature

/// Pages of plans and steering: overview, plan with goal tree and targets, target detail with the
/// realisation form, budgets, the cross-plan dashboard.
struct PlanPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("plannen", use: overview)
        routes.requiring(.lezer).get("plannen", "dashboard", use: dashboard)
        routes.get("plannen", ":plan", use: detail)
        routes.get("plannen", ":plan", "doelstellingen", ":target", use: target)
        routes.get("plannen", ":plan", "begroting", use: budgets)
        routes.requiring(.redacteur).get("plannen", ":plan", "begroting", ":table", ":line", use: budgetLineForm)
    }

    static let crumbs: [(String, String)] = [("Home", "/"), ("Plannen", "/plannen")]
    static func planCrumbs(_ loaded: LoadedPlan) -> [(String, String)] { crumbs + [(loaded.plan.title, "/plannen/\(loaded.key)")] }

    /// What the monitor contributes for this request: internal values for logged-in readers, the
    /// public ones (no internal indicators, small counts suppressed) for anonymous visitors.
    static func audience(_ req: Request) -> MonitorAudience { MonitorLookup.audience(loggedIn: req.user != nil) }

    static func loadVisible(_ req: Request) async throws -> LoadedPlan {
        let loaded = try await PlanStore.load(key: req.parameters.get("plan") ?? "", audience: audience(req), on: req.db)
        try PlanAccess.requireVisible(loaded, req)
        return loaded
    }

    // MARK: Overview

    @Sendable func overview(_ req: Request) async throws -> SitePage {
        let records = try await PlanStore.all(on: req.db)
        let loggedIn = req.user != nil
        var rows: [[BodyNode]] = []
        for record in records {
            guard loggedIn || [PlanStatus.vastgesteld, .afgesloten].contains(record.planStatus) else { continue }
            let loaded = try await PlanStore.load(record: record, audience: Self.audience(req), on: req.db)
            guard loaded.isPublished || loggedIn else { continue }
            let rollUp = loaded.plan.rollUp()
            rows.append([
                .a(.href(attr("/plannen/\(record.key)")), .text(record.title)),
                .text(loaded.organisation.name),
                .text(loaded.plan.period.description),
                .text("\(record.version)"),
                PlanViews.planStatusBadge(loaded.plan.status),
                PlanViews.rollUpNode(rollUp),
            ])
        }
        return SitePage("Plannen", breadcrumbs: [("Home", "/")],
            PlanViews.style,
            .p(.class("lead"), .text("Jaarplannen, programma's en regioplannen met hun doelenboom, SMART-doelstellingen, realisaties en begrotingen. De status van een doelstelling wordt berekend uit de realisaties, nooit met de hand ingevuld.")),
            .if(req.user.map { $0.role >= .lezer } ?? false,
                .p(.a(.class("button"), .href("/plannen/dashboard"), .text("Dashboard over alle plannen")))),
            .if(!loggedIn, UI.notice("info", "U ziet de vastgestelde plannen. Plannen in concept of ingediend zijn zichtbaar na inloggen.")),
            UI.table(caption: "\(rows.count) plannen", headers: ["Plan", "Eigenaar", "Periode", "Versie", "Status", "Voortgang"], rows: rows)
        )
    }

    // MARK: Plan

    @Sendable func detail(_ req: Request) async throws -> SitePage {
        let loaded = try await Self.loadVisible(req)
        let plan = loaded.plan
        let canEdit = PlanAccess.mayEdit(loaded, req)
        let rollUp = plan.rollUp()
        let message = req.query[String.self, at: "melding"]
        let next = plan.status.allowedNextStatuses
        return SitePage(plan.title, breadcrumbs: Self.crumbs,
            PlanViews.style,
            .unwrap(message) { UI.notice("success", $0) },
            .dl(.class("kv"),
                .dt(.text("Eigenaar")), .dd(.text(loaded.organisation.name)),
                .dt(.text("Periode")), .dd(.text(plan.period.description)),
                .dt(.text("Versie")), .dd(.text("\(plan.version)"),
                    .unwrap(plan.previousVersionKey) { .group(.text(" (kopie van "), .a(.href(attr("/plannen/\($0)")), .text($0)), .text(")")) }),
                .dt(.text("Status")), .dd(PlanViews.planStatusBadge(plan.status)),
                .dt(.text("Niveaus")), .dd(.text(plan.levels.joined(separator: " → "))),
                .dt(.text("Voortgang")), .dd(PlanViews.rollUpNode(rollUp),
                    .if(loaded.realisations.values.contains { $0.contains { $0.isExample } },
                        .group(.text(" "), UI.badge("voorbeelddata"), .span(.class("muted"), .text(" een deel van de realisaties is verzonnen om de statusregel te tonen"))))),
                .unwrap(plan.source) { .group(.dt(.text("Bron")), .dd(.text($0))) }),
            .if(!plan.notes.isEmpty, .ul(.class("muted"), .forEach(plan.notes) { .li(.text($0)) })),
            .p(.a(.class("button"), .href(attr("/plannen/\(plan.key)/rapport")), .text("Rapportage")), .text(" "),
               .a(.class("button button-secondary"), .href(attr("/plannen/\(plan.key)/begroting")), .text("Begroting")), .text(" "),
               .a(.href(attr("/plannen/\(plan.key)/doelstellingen.csv")), .text("Doelstellingen (CSV)")), .text(" · "),
               .a(.href(attr("/plannen/\(plan.key)/doelstellingen.xlsx")), .text("Doelstellingen (Excel)"))),
            lifecycle(plan.status),
            .if(canEdit, .div(.class("card no-print"),
                .h2(.text("Planning- en controlcyclus")),
                .if(next.isEmpty, .p(.text("Dit plan is afgesloten; het kan niet meer van status veranderen."))),
                .forEach(next) { status in
                    .form(.class("inline"), .method(.post), .action(attr("/plannen/\(plan.key)/status")),
                          Layout.csrfField(req), .input(.type(.hidden), .name("status"), .value(attr(status.rawValue))),
                          .button(.type(.submit), .class(status == .concept ? "button-secondary" : ""),
                                  .text(status == .concept ? "Terug naar concept" : "Naar \(status.label.lowercased())")))
                },
                .text(" "),
                .form(.class("inline"), .method(.post), .action(attr("/plannen/\(plan.key)/kopie")),
                      Layout.csrfField(req),
                      .button(.type(.submit), .class("button-secondary"), .text("Kopiëren naar volgend jaar"))),
                .p(.class("hint"), .text("Elke statuswijziging komt met gebruiker en datum in het auditlog. Een stap overslaan kan niet.")))),
            .h2(.text("Doelenboom")),
            .p(.class("muted"), .text("Klap onderdelen in of uit. Achter elk doel staat de samengevatte status van de doelstellingen eronder.")),
            PlanViews.tree(loaded, editLinks: canEdit && plan.status == .concept),
            .h2(.id("doelstellingen"), .text("Doelstellingen")),
            plan.targets.isEmpty ? .p(.class("muted"), .text("Dit plan heeft (nog) geen SMART-doelstellingen.")) :
                PlanViews.targetTable(loaded, showEvidence: PlanAccess.showsEvidence(req)),
            PlanViews.statusRule,
            .if(canEdit, Self.editorForms(req, loaded))
        )
    }

    func lifecycle(_ status: PlanStatus) -> BodyNode {
        .ol(.class("plan-steps"), .attribute(named: "aria-label", value: "Statusverloop"),
            .forEach(PlanStatus.allCases) { s in
                .li(.if(s == status, .attribute(named: "aria-current", value: "step")), .text(s.label))
            })
    }

    static func editorForms(_ req: Request, _ loaded: LoadedPlan) -> BodyNode {
        let plan = loaded.plan
        let nodeOptions = plan.nodes.map { (value: $0.key, label: "\(plan.levelName(of: $0)): \($0.title)") }
        let levelOptions = plan.levels.enumerated().map { (value: "\($0.offset)", label: $0.element) }
        let directions = SmartTarget.Direction.allCases.map { (value: $0.rawValue, label: $0.label) }
        return .div(.class("no-print"),
            .h2(.text("Bewerken")),
            .element(named: "details", nodes: [
                .element(named: "summary", nodes: [.text("Doelstelling toevoegen")]),
                .form(.method(.post), .action(attr("/plannen/\(plan.key)/doelstellingen")), .class("card"),
                    Layout.csrfField(req),
                    .div(.class("field"), .label(.for("f-node"), .text("Doel")), UI.select("node", options: nodeOptions, selected: nil)),
                    UI.field("measure", label: "Maat (wat wordt gemeten)", required: true),
                    UI.field("unit", label: "Eenheid", hint: "bijv. bijeenkomsten, %"),
                    .div(.class("field"), .label(.for("f-direction"), .text("Richting")), UI.select("direction", options: directions, selected: "count")),
                    UI.field("baselineValue", label: "Nulmeting", value: "0"),
                    UI.field("baselineDate", label: "Datum nulmeting", type: .date, value: plan.period.start.description),
                    UI.field("targetValue", label: "Streefwaarde", required: true),
                    UI.field("targetDate", label: "Streefdatum", type: .date, value: plan.period.end.description),
                    UI.field("indicator", label: "Indicator van de monitor (code, optioneel)"),
                    UI.field("responsible", label: "Verantwoordelijke"),
                    .button(.type(.submit), .text("Doelstelling toevoegen")))
            ]),
            .element(named: "details", nodes: [
                .element(named: "summary", nodes: [.text("Doel toevoegen of verplaatsen")]),
                .form(.method(.post), .action(attr("/plannen/\(plan.key)/doelen")), .class("card"),
                    Layout.csrfField(req),
                    UI.field("key", label: "Sleutel", required: true, hint: "bijv. VVI.A11; een bestaande sleutel wijzigt dat doel"),
                    .div(.class("field"), .label(.for("f-parent"), .text("Valt onder")),
                         UI.select("parent", options: [(value: "", label: "(bovenste niveau)")] + nodeOptions, selected: nil)),
                    .div(.class("field"), .label(.for("f-level"), .text("Niveau")), UI.select("level", options: levelOptions, selected: nil)),
                    UI.field("title", label: "Titel", required: true),
                    UI.field("text", label: "Omschrijving"),
                    UI.field("owner", label: "Eigenaar"),
                    UI.field("partners", label: "Partners", hint: "gescheiden door komma's"),
                    .button(.type(.submit), .text("Opslaan")))
            ]))
    }

    // MARK: Target

    @Sendable func target(_ req: Request) async throws -> SitePage {
        let loaded = try await Self.loadVisible(req)
        let plan = loaded.plan
        let key = req.parameters.get("target") ?? ""
        guard let t = plan.targets.first(where: { $0.key == key }) else { throw VitaalError(.notFound, "Onbekende doelstelling \"\(key)\".") }
        let canEdit = PlanAccess.mayEdit(loaded, req)
        let showEvidence = PlanAccess.showsEvidence(req)
        let rows = loaded.realisations[t.key] ?? []
        let attachments = showEvidence ? try await PlanAttachments.list(realisationIDs: rows.compactMap(\.id), on: req.db) : [:]
        // Roll-up chain: the target's node and every ancestor, then the plan.
        var chain: [GoalNode] = []
        var current = plan.node(t.nodeKey)
        var seen: Set<String> = []
        while let n = current, seen.insert(n.key).inserted {
            chain.append(n)
            current = n.parentKey.flatMap { plan.node($0) }
        }
        let saved = req.query[String.self, at: "opgeslagen"] != nil
        return SitePage(t.measure, breadcrumbs: Self.planCrumbs(loaded),
            PlanViews.style,
            .if(saved, UI.notice("success", "Realisatie opgeslagen. De status is opnieuw berekend.")),
            .if(t.isExample, UI.badge("voorbeelddata")),
            .dl(.class("kv"),
                .dt(.text("Status")), .dd(PlanViews.status(t.status())),
                .dt(.text("Doel")), .dd(.text(chain.first.map { "\(plan.levelName(of: $0)): \($0.title)" } ?? t.nodeKey)),
                .dt(.text("Nulmeting")), .dd(.text("\(PlanViews.number(t.baseline.value)) \(t.unit) op \(t.baseline.date.dutch)")),
                .dt(.text("Streefwaarde")), .dd(.text("\(t.direction.label) \(PlanViews.number(t.targetValue)) \(t.unit)\(t.targetDate.map { " op \($0.dutch)" } ?? "")")),
                .dt(.text("Stand")), .dd(.text(t.currentValue().map { "\(PlanViews.number($0.value)) \(t.unit) (\($0.date.dutch))" } ?? "nog geen realisatie")),
                .dt(.text("Bron van realisaties")), .dd(.text({ if case .indicator(let c) = t.source { return "monitorindicator \(c)" } else { return "handmatige invoer" } }())),
                .unwrap(t.responsible) { .group(.dt(.text("Verantwoordelijk")), .dd(.text($0))) },
                .unwrap(t.sourceText) { .group(.dt(.text("Tekst in het plan")), .dd(.text($0))) }),
            .h2(.text("Doorwerking naar doelen en plan")),
            UI.table(caption: nil, headers: ["Niveau", "Doel", "Status"], rows:
                chain.map { n in [.text(plan.levelName(of: n)), .a(.href(attr("/plannen/\(plan.key)#doel-\(Slug.make(n.key))")), .text(n.title)),
                                  PlanViews.rollUpNode(plan.rollUp(n.key))] }
                + [[.text("Plan"), .text(plan.title), PlanViews.rollUpNode(plan.rollUp())]]),
            .h2(.text("Realisaties")),
            rows.isEmpty ? .p(.class("muted"), .text("Nog geen realisaties.")) :
                UI.table(caption: nil, headers: ["Datum", "Periode", "Waarde", "Onderbouwing"], rows: rows.map { r in
                    [.text((try? PlanDate.parse(r.date))?.dutch ?? r.date), .text(r.period ?? "–"), .text(PlanViews.number(r.value)),
                     .group(
                        showEvidence ? .text(r.evidence ?? "") : .span(.class("muted"), .text("zichtbaar na inloggen")),
                        .unwrap(r.evidenceLink.flatMap { showEvidence ? FormInput.evidenceLink($0) : nil }) { .group(.text(" "), .a(.href(attr($0)), .text("bewijsstuk"))) },
                        .forEach(r.id.flatMap { attachments[$0] } ?? []) { a in
                            .span(.class("plan-attachment"), .text(" "), .a(.href(attr("/plannen/\(plan.key)/bijlagen/\(a.id!.uuidString)")), .text(a.filename)),
                                  .span(.class("muted"), .text(" (\(PlanAttachments.sizeText(a.size)))")))
                        },
                        .if(r.isExample, .group(.text(" "), UI.badge("voorbeelddata"))))]
                }, numericColumns: [2]),
            PlanViews.statusRule,
            .if(canEdit, .form(.method(.post), .action(attr("/plannen/\(plan.key)/doelstellingen/\(t.key)/realisaties?csrf=\(req.csrfToken)")),
                         .enctype(.multipartData), .class("card no-print"),
                .h2(.text("Realisatie invoeren")),
                Layout.csrfField(req),
                UI.field("value", label: t.direction == .count ? "Aantal in deze periode" : "Gemeten waarde", required: true,
                         hint: t.direction == .count ? "Bij tellingen worden de realisaties opgeteld." : nil),
                UI.field("date", label: "Datum", type: .date, required: true, hint: "binnen de planperiode \(plan.period)"),
                UI.field("period", label: "Periode", hint: "bijv. 2025-K2"),
                UI.field("evidence", label: "Onderbouwing"),
                UI.field("evidenceLink", label: "Link naar bewijsstuk", type: .url),
                .div(.class("field"), .label(.for("f-bijlage"), .text("Bijlage (optioneel)")),
                     .small(.class("hint"), .id("f-bijlage-hint"),
                            .text("\(PlanAttachments.allowedText), hoogstens \(PlanAttachments.sizeText(req.application.planAttachmentLimit)); alleen zichtbaar voor ingelogde gebruikers")),
                     .input(.type(.file), .id("f-bijlage"), .name("bijlage"), .attribute(named: "aria-describedby", value: "f-bijlage-hint"),
                            .attribute(named: "accept", value: PlanAttachments.allowedTypes.map { ".\($0.ext)" }.joined(separator: ",")))),
                .button(.type(.submit), .text("Opslaan"))))
        )
    }

    // MARK: Budgets

    @Sendable func budgets(_ req: Request) async throws -> SitePage {
        let loaded = try await Self.loadVisible(req)
        let plan = loaded.plan
        let canEdit = PlanAccess.mayEdit(loaded, req)
        var content: [BodyNode] = [
            PlanViews.style,
            .p(.a(.href(attr("/plannen/\(plan.key)/begroting.csv")), .text("Begroting (CSV)")), .text(" · "),
               .a(.href(attr("/plannen/\(plan.key)/begroting.xlsx")), .text("Begroting (Excel)"))),
        ]
        if plan.budgets.isEmpty { content.append(.p(.class("muted"), .text("Dit plan heeft geen begroting."))) }
        for (record, table) in zip(loaded.budgetTables, plan.budgets) {
            let actuals = loaded.actuals(table: record)
            content += [
                .h2(.text(table.title)),
                .if(table.sourceRef != nil, .p(.class("muted"), .text("Bron: \(table.sourceRef ?? "")"))),
                PlanViews.budgetTable(table, actuals: actuals, editLinkBase: canEdit ? "/plannen/\(plan.key)/begroting/\(table.key)" : nil),
                PlanViews.budgetCheck(table),
                .if(!table.notes.isEmpty, .ul(.class("muted"), .forEach(table.notes) { .li(.text($0)) })),
                .if(table.columns.contains { $0.kind == .budget }, PlanViews.budgetVersusActual(table, actuals: actuals)),
            ]
        }
        content.append(.h2(.text("Personeel")))
        content += loaded.personnelProblems.map { UI.notice("warning", $0) }
        content.append(plan.personnel.isEmpty ? .p(.class("muted"), .text("Geen personeelsgegevens.")) : PlanViews.personnel(plan.personnel))
        if canEdit {
            content.append(.form(.method(.post), .action(attr("/plannen/\(plan.key)/personeel")), .class("card no-print"),
                .h3(.text("Personeelsgegevens invoeren of bijwerken")),
                Layout.csrfField(req),
                UI.field("year", label: "Jaar", value: "\(plan.period.end.year)", required: true),
                UI.field("employees", label: "Medewerkers", required: true),
                UI.field("fte", label: "FTE", required: true, hint: "bijv. 23,3"),
                UI.field("programmeHours", label: "Programma-uren", required: true),
                UI.field("indirectHours", label: "Indirecte uren", required: true),
                .button(.type(.submit), .text("Opslaan"))))
        }
        return SitePage("Begroting: \(plan.title)", breadcrumbs: Self.planCrumbs(loaded), content: content)
    }

    @Sendable func budgetLineForm(_ req: Request) async throws -> SitePage {
        let loaded = try await Self.loadVisible(req)
        try PlanAccess.requireEdit(loaded, req)
        let (record, table) = try Self.budgetLine(loaded, req)
        let lineKey = req.parameters.get("line") ?? ""
        guard let line = table.sections.flatMap(\.lines).first(where: { $0.key == lineKey }) else { throw VitaalError(.notFound, "Onbekende begrotingsregel.") }
        let actuals = loaded.actuals(table: record)[line.key] ?? [:]
        return SitePage("Begrotingsregel wijzigen", breadcrumbs: Self.planCrumbs(loaded) + [("Begroting", "/plannen/\(loaded.key)/begroting")],
            .p(.class("lead"), .text("\(table.title): \(line.label)")),
            .p(.text("Bedragen zoals in de tabel (\(PlanViews.unitLabel(table))): 1.247 of 1.247,5; – of leeg voor niets; PM.")),
            .form(.method(.post), .action(attr("/plannen/\(loaded.key)/begroting/\(table.key)/\(line.key)")), .class("card"),
                Layout.csrfField(req),
                .forEach(Array(table.columns.enumerated())) { i, c in
                    .group(
                        UI.field("cel.\(c.key)", label: c.label, value: line.cells.indices.contains(i) ? PlanViews.cell(line.cells[i], table: table) : ""),
                        .if(c.kind == .budget, UI.field("werkelijk.\(c.key)", label: "Werkelijk – \(c.label)",
                                                        value: actuals[c.key].map { PlanViews.amount($0, table: table) } ?? "")))
                },
                .if(table.hasTotalColumn, UI.field("totaal", label: "Totaal", value: line.total.map { PlanViews.cell($0, table: table) } ?? "")),
                .button(.type(.submit), .text("Opslaan")))
        )
    }

    static func budgetLine(_ loaded: LoadedPlan, _ req: Request) throws -> (BudgetTableRecord, BudgetTable) {
        let key = req.parameters.get("table") ?? ""
        guard let found = loaded.budgetTable(key) else { throw VitaalError(.notFound, "Onbekende begrotingstabel \"\(key)\".") }
        return found
    }

    // MARK: Dashboard

    @Sendable func dashboard(_ req: Request) async throws -> SitePage {
        let records = try await PlanStore.all(on: req.db)
        var planRows: [[BodyNode]] = []
        var attention: [[BodyNode]] = []
        var offTrackCount = 0
        var good: [[BodyNode]] = []
        var budgetFlags: [Node<HTML.ListContext>] = []
        var totals = StatusRollUp(statuses: [])
        var all: [SmartTarget.Status] = []
        for record in records {
            let loaded = try await PlanStore.load(record: record, audience: .internal, on: req.db)
            let plan = loaded.plan
            let rollUp = plan.rollUp()
            all += plan.targets.map { $0.status() }
            let overflow = plan.budgets.compactMap(\.arithmeticError).map(\.message)
            let discrepancies = overflow.isEmpty ? plan.budgets.flatMap { $0.check(percentTolerance: 1) }.map(\.message) : overflow
            planRows.append([.a(.href(attr("/plannen/\(plan.key)")), .text(plan.title)), .text(loaded.organisation.name),
                             PlanViews.planStatusBadge(plan.status), PlanViews.rollUpNode(rollUp),
                             .text(!overflow.isEmpty ? "bedragen te groot" : discrepancies.isEmpty ? (plan.budgets.isEmpty ? "–" : "telt op") : "\(discrepancies.count) verschil(len)")])
            for t in plan.targets {
                let s = t.status()
                let node = plan.node(t.nodeKey)
                let example = t.isExample || (loaded.realisations[t.key] ?? []).contains { $0.isExample }
                let row: [BodyNode] = [PlanViews.status(s), .group(.a(.href(attr("/plannen/\(plan.key)/doelstellingen/\(t.key)")), .text(t.measure)),
                                                                   .if(example, .group(.text(" "), UI.badge("voorbeelddata")))),
                                       .text(node?.title ?? t.nodeKey), .text(plan.title),
                                       .text(t.currentValue().map { "\(PlanViews.number($0.value)) van \(PlanViews.number(t.targetValue))" } ?? "–")]
                if s == .offTrack { attention.insert(row, at: offTrackCount); offTrackCount += 1 } else if s == .atRisk { attention.append(row) }
                if s == .onTrack || s == .achieved { good.append(row) }
            }
            if !discrepancies.isEmpty {
                budgetFlags.append(.li(.a(.href(attr("/plannen/\(plan.key)/begroting")), .text(plan.title)), .text(": "),
                                       .text(discrepancies.prefix(3).joined(separator: "; ")),
                                       .if(discrepancies.count > 3, .text(" …"))))
            }
        }
        totals = StatusRollUp(statuses: all)
        return SitePage("Dashboard plannen", breadcrumbs: Self.crumbs,
            PlanViews.style,
            .p(.class("lead"), .text("Wat ligt op koers en wat niet, over alle plannen heen. De status komt uit de realisaties en de statusregel.")),
            .div(.class("tiles"),
                .forEach([SmartTarget.Status.offTrack, .atRisk, .onTrack, .achieved, .noData]) { s in
                    .div(.class("tile"), .h2(.text("\(totals.counts[s] ?? 0)")), PlanViews.status(s))
                }),
            UI.table(caption: "Plannen", headers: ["Plan", "Eigenaar", "Status", "Voortgang", "Begroting"], rows: planRows),
            .h2(.text("Vraagt aandacht: achter of risico (\(attention.count))")),
            attention.isEmpty ? .p(.class("muted"), .text("Geen doelstellingen achter of met risico.")) :
                UI.table(caption: nil, headers: ["Status", "Doelstelling", "Doel", "Plan", "Stand"], rows: attention),
            .h2(.text("Op koers of behaald (\(good.count))")),
            good.isEmpty ? .p(.class("muted"), .text("Nog geen doelstellingen op koers of behaald.")) :
                UI.table(caption: nil, headers: ["Status", "Doelstelling", "Doel", "Plan", "Stand"], rows: good),
            .h2(.text("Begrotingen die niet optellen")),
            budgetFlags.isEmpty ? .p(.text("Alle begrotingen tellen op.")) : .ul(.group(budgetFlags)),
            PlanViews.statusRule
        )
    }
}
