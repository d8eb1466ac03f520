import Vapor
import Fluent
import Plot
import AppCore
import VitaalDomain

/// Pages: the "Modellen" index, the scenario list, the scenario page (levers, what-if, results,
/// saving), the printable RSPP report, comparison and downloads.
struct WorkforcePageController {
    static func register(_ app: Application) {
        app.get("modellen", use: modelsIndex)
        let p = app.grouped("modellen", "personeel")
        p.get(use: list)
        p.get("vergelijk", use: compare)
        p.group(RoleGuardMiddleware(.redacteur)) { $0.get("nieuw", use: newForm) }
        p.write(.POST, "nieuw", access: .role(.redacteur), body: .collect(maxSize: "5mb"), use: createFromFile)
        p.get(":id", use: scenarioPage)
        p.write(.POST, ":id", "opslaan", access: .role(.redacteur), use: save)
        p.get(":id", "rapport", use: report)
        p.get(":id", "download.csv", use: downloadCSV)
        p.get(":id", "download.xlsx", use: downloadXLSX)
        p.get(":id", "scenario.json", use: downloadScenario)
    }

    static let crumbs: [(String, String)] = [("Home", "/"), ("Modellen", "/modellen")]
    static let listCrumbs = crumbs + [("Personeelsplanning", "/modellen/personeel")]

    // MARK: Index and list

    @Sendable static func modelsIndex(_ req: Request) async throws -> SitePage {
        SitePage("Modellen", breadcrumbs: [("Home", "/")],
            .p(.class("lead"), .text("Rekenmodellen die regionale plannen onderbouwen: hoeveel zorg- en welzijnspersoneel is er nodig en beschikbaar, en is ambulancezorg overal binnen 15 minuten?")),
            .div(.class("tiles"),
                .div(.class("tile"),
                    .h2(.text("Personeelsplanning zorg en welzijn")),
                    .p(.text("Regionale strategische personeelsplanning (RSPP): vraag en aanbod van personeel per sector tot 2040, met hefbomen, scenario's en onzekerheid.")),
                    .a(.href("/modellen/personeel"), .text("Naar de personeelsplanning"))),
                .div(.class("tile"),
                    .h2(.text("Acute zorg en aanrijtijden")),
                    .p(.text("Bereikbaarheid van ambulancezorg binnen 15 minuten en de capaciteit bij de groei van Flevoland.")),
                    .a(.href("/modellen/acute-zorg"), .text("Naar het model acute zorg")))
            )
        )
    }

    @Sendable static func list(_ req: Request) async throws -> SitePage {
        let records = try await WorkforceScenarioStore.latest(on: req.db)
        var rows: [[BodyNode]] = []
        for r in records {
            let s = try? WorkforceScenarioStore.scenario(of: r)
            let p = s.flatMap { try? WorkforceEngine.project($0) }
            let y = p?.year(2032) ?? p?.years.last
            rows.append([
                .group(.a(.href("/modellen/personeel/\(r.id!.uuidString)"), .text(r.name)),
                       .if(r.isBase, .group(.text(" "), UI.badge("basisscenario", kind: "internal"))),
                       .if(r.isExample, .group(.text(" "), UI.badge("voorbeelddata")))),
                .text("v\(r.version)"),
                .text(r.organisation?.name ?? "–"),
                .text(y.map { "\(WorkforceViews.n($0.total.shortagePersons)) (\(WorkforceViews.pct($0.total.shortageRate)))" } ?? "–"),
                .text(y.map { String($0.year) } ?? "–"),
                .text(r.createdAt.map(dateText) ?? "–"),
            ])
        }
        let canWrite = (req.user?.role ?? .lezer) >= .redacteur
        return SitePage("Personeelsplanning zorg en welzijn", breadcrumbs: crumbs,
            WorkforceViews.style,
            .p(.class("lead"), .text("Hoeveel zorg- en welzijnsmedewerkers heeft Flevoland nodig en hoeveel zijn er beschikbaar? Het model rekent per jaar tot 2040 met instroom, doorstroom, behoud en uitstroom van personeel en met de zorgvraag die door vergrijzing groeit.")),
            .p(.text("Open het basisscenario, verschuif een hefboom en kies ‘Bereken’ om het effect te zien. Redacteuren kunnen een eigen scenario opslaan; elke wijziging wordt een nieuwe versie.")),
            UI.table(caption: "\(records.count) scenario's (nieuwste versie)", headers: ["Scenario", "Versie", "Organisatie", "Tekort (personen)", "Jaar", "Opgeslagen"],
                     rows: rows, numericColumns: [3]),
            .if(records.count >= 2, compareForm(records, selected: [])),
            .if(canWrite, .p(.a(.class("button button-secondary"), .href("/modellen/personeel/nieuw"), .text("Scenariobestand toevoegen")))),
            .p(.class("muted"), .text("Het model, het bestandsformaat en de kalibratie zijn beschreven in docs/workforce-model.md. API: /api/v1/workforce/scenarios."))
        )
    }

    static func compareForm(_ records: [WorkforceScenarioRecord], selected: [UUID]) -> BodyNode {
        let options = records.map { (value: $0.id!.uuidString, label: "\($0.name) (v\($0.version))") }
        return .form(.method(.get), .action("/modellen/personeel/vergelijk"), .class("card"),
            .h2(.text("Scenario's vergelijken")),
            .div(.class("wf-levers"),
                .div(.class("field"), .label(.for("f-a"), .text("Scenario A")),
                     UI.select("a", options: options, selected: selected.first?.uuidString ?? options.first?.value)),
                .div(.class("field"), .label(.for("f-b"), .text("Scenario B")),
                     UI.select("b", options: options, selected: selected.dropFirst().first?.uuidString ?? options.dropFirst().first?.value))),
            .button(.type(.submit), .text("Vergelijk")))
    }

    static func dateText(_ d: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "nl_NL"); f.timeZone = TimeZone(identifier: "Europe/Amsterdam"); f.dateFormat = "d-M-yyyy HH:mm"
        return f.string(from: d)
    }

    // MARK: Scenario page

    /// Form values from the query (what-if) or the posted form.
    static func input(_ req: Request, posted: Bool) -> [String: String] {
        var out: [String: String] = [:]
        let keys = WorkforceLevers.ids + [WorkforceLeverForm.horizonField, WorkforceLeverForm.yearField, WorkforceLeverForm.monitorField, "name", "note", "vergelijk"]
        for k in keys {
            let v = posted ? (try? req.content.get(String.self, at: k)) : req.query[String.self, at: k]
            if let v { out[k] = v }
        }
        return out
    }

    struct Context {
        var record: WorkforceScenarioRecord
        var saved: WorkforceScenario
        var form: WorkforceLeverForm
        var scenario: WorkforceScenario
        var monitor: [WorkforceMonitorInputs.Applied]
        var monitorValues: [String: WorkforceMonitorInputs.Value]
        var monitorComparison: [WorkforceMonitorInputs.Applied]
    }

    /// Loads the record and applies the form (levers, horizon, monitor inputs). Invalid form → the saved scenario.
    static func context(_ req: Request, input: [String: String]) async throws -> Context {
        let record = try await WorkforceScenarioStore.find(req.parameters.get("id"), on: req.db)
        let saved = try WorkforceScenarioStore.scenario(of: record)
        var form = WorkforceLeverForm(scenario: saved, input: input)
        let values = (try? await WorkforceMonitorInputs.fetch(baseYear: saved.baseYear, audience: req.user == nil ? .public : .internal, on: req.db)) ?? [:]
        var scenario = saved
        var applied: [WorkforceMonitorInputs.Applied] = []
        // The model's own figures next to the monitor's (also when they are not applied).
        let comparison = (try? WorkforceMonitorInputs.apply(values, to: saved))?.1 ?? []
        if form.isValid {
            scenario = form.apply(to: saved)
            do {
                try WorkforceScenarioCodec.validate(scenario)
                if form.useMonitor {
                    if values.isEmpty { form.errors[WorkforceLeverForm.monitorField] = "de arbeidsmarktmonitor heeft (nog) geen cijfers voor \(WorkforceMonitorInputs.codes.joined(separator: ", "))" }
                    else { (scenario, applied) = try WorkforceMonitorInputs.apply(values, to: scenario) }
                }
            } catch let e as VitaalError {
                form.errors["scenario"] = e.problems.map(\.description).joined(separator: "; ")
            }
            if !form.isValid { scenario = saved }
        }
        return Context(record: record, saved: saved, form: form, scenario: scenario, monitor: applied, monitorValues: values, monitorComparison: comparison)
    }

    @Sendable static func scenarioPage(_ req: Request) async throws -> SitePage {
        let ctx = try await context(req, input: input(req, posted: false))
        return try await render(req, ctx, saveErrors: [:], status: ctx.form.isValid ? .ok : .unprocessableEntity, notice: noticeFromQuery(req))
    }

    static func noticeFromQuery(_ req: Request) -> BodyNode? {
        switch req.query[String.self, at: "opgeslagen"] {
        case "1": return UI.notice("success", "Scenario opgeslagen.")
        case "0": return UI.notice("info", "Geen wijzigingen ten opzichte van de laatste versie; er is niets opgeslagen.")
        default: return nil
        }
    }

    static func render(_ req: Request, _ ctx: Context, saveErrors: [String: String], status: HTTPResponseStatus, notice: BodyNode?) async throws -> SitePage {
        let form = ctx.form, record = ctx.record
        let results = try WorkforceResults.cached(scenario: ctx.scenario, year: form.year)
        let savedResults = form.isValid && form.changesScenario ? try WorkforceResults.cached(scenario: ctx.saved, year: form.year) : nil
        let versions = try await WorkforceScenarioStore.versions(of: record.lineage, on: req.db)
        let all = try await WorkforceScenarioStore.latest(on: req.db)
        let id = record.id!.uuidString
        let base = "/modellen/personeel/\(id)"
        let q = form.isValid ? form.queryString : ""
        let canWrite = (req.user?.role ?? .lezer) >= .redacteur

        // Comparison with another saved scenario (GET vergelijk=ID).
        var comparison: WorkforceComparison?
        var compareWith: WorkforceScenarioRecord?
        if let other = req.query[String.self, at: "vergelijk"], !other.isEmpty, let rec = try? await WorkforceScenarioStore.find(other, on: req.db) {
            compareWith = rec
            comparison = try WorkforceEngine.compare([ctx.scenario, try WorkforceScenarioStore.scenario(of: rec)])
            comparison?.scenarioNames = [form.changesScenario ? "\(record.name) (met uw hefbomen)" : record.name, "\(rec.name) v\(rec.version)"]
        }

        let y = results.yearResult
        let band = results.band
        var problems: [Problem] = form.errors.sorted { $0.key < $1.key }.map { Problem($0.value, at: SourceLocation(field: $0.key)) }
        problems += saveErrors.sorted { $0.key < $1.key }.map { Problem($0.value, at: SourceLocation(field: $0.key)) }

        return SitePage(record.name, status: status, breadcrumbs: listCrumbs,
            WorkforceViews.style,
            .unwrap(notice) { $0 },
            .if(!problems.isEmpty, UI.problems(form.isValid ? "Het scenario is niet opgeslagen." : "De invoer is niet geldig; hieronder staat de uitkomst van het opgeslagen scenario.", problems)),
            .p(.text("Versie \(record.version)"),
               .if(record.isBase, .group(.text(" · "), UI.badge("basisscenario", kind: "internal"))),
               .if(record.isExample, .group(.text(" · "), UI.badge("voorbeelddata"))),
               .text(" · \(record.organisation?.name ?? "geen organisatie") · opgeslagen door \(author(of: record, for: req))\(record.createdAt.map { " op " + dateText($0) } ?? "")")),
            .if(!ctx.saved.description.isEmpty, .p(.text(ctx.saved.description))),
            .unwrap(record.note) { .p(.class("muted"), .text("Toelichting bij deze versie: \($0)")) },
            .if(record.isExample, .p(.class("muted"), .text("Voorbeelddata: de gepubliceerde cijfers uit de bronnen zijn gebruikt waar ze er zijn; alle andere waarden zijn aannames (gemarkeerd met ‘aanname’, zie onderaan)."))),

            .h2(.text("Uitkomst \(results.year)")),
            .p(.class("wf-summary"), .text(results.summary)),
            .p(.text(WorkforceViews.sensitivityText(results.sensitivity))),
            .div(.class("tiles"),
                .div(.class("tile"), .h3(.text(WorkforceViews.gapHeading(y.total.shortagePersons, year: results.year))),
                     .p(.class("wf-figure"), .text(WorkforceViews.gapText(y.total.shortagePersons))),
                     .p(.text("\(WorkforceViews.pct(abs(y.total.shortageRate))) van de vraag; tekort in fte \(WorkforceViews.pct(y.total.shortageRateFTE))")),
                     .unwrap(band) { b in .p(.text("90 %-interval: \(WorkforceViews.persons(b.shortagePersons.p5)) tot \(WorkforceViews.persons(b.shortagePersons.p95)) personen tekort\(b.shortagePersons.p5 < 0 ? " (negatief = overschot)" : "") (\(results.uncertainty?.runs ?? 0) runs)")) }),
                .div(.class("tile"), .h3(.text("Vraag en aanbod")),
                     .p(.text("Nodig: \(WorkforceViews.persons(y.total.demandPersons)) personen")),
                     .p(.text("Beschikbaar: \(WorkforceViews.persons(y.total.supplyPersons)) personen")),
                     .p(.text("Zorgvraag t.o.v. \(ctx.scenario.baseYear): +\(WorkforceViews.pct(y.careDemandIndex - 1))"))),
                .unwrap(savedResults) { s in
                    let sy = s.yearResult, diff = y.total.shortagePersons - sy.total.shortagePersons
                    return .div(.class("tile"), .h3(.text("Effect van uw hefbomen")),
                        .p(.text("Opgeslagen scenario: \(WorkforceViews.gapText(sy.total.shortagePersons)) (\(WorkforceViews.pct(abs(sy.total.shortageRate))))")),
                        .unwrap(s.band) { b in .p(.text("90 %-interval: \(WorkforceViews.persons(b.shortagePersons.p5)) tot \(WorkforceViews.persons(b.shortagePersons.p95))")) },
                        .p(.class("wf-delta"), .text(diff <= 0 ? "Tekort \(WorkforceViews.persons(-diff)) personen kleiner" : "Tekort \(WorkforceViews.persons(diff)) personen groter")))
                }
            ),

            leverForm(req, ctx, base: base),
            .if(canWrite, saveForm(req, ctx, base: base, errors: saveErrors)),
            .if(!canWrite, .p(.class("muted"), .text("Log in als redacteur om dit scenario als eigen scenario of nieuwe versie op te slaan. ‘Bereken’ slaat niets op."))),

            .h2(.text("Vraag en aanbod")),
            UI.figure(UI.svg(WorkforceViews.supplyDemandChart(results)), caption: "Vraag (nodig) en aanbod (beschikbaar) in personen met het 90 %-interval."),
            .h2(.text("Tekort per sector")),
            UI.figure(UI.svg(WorkforceViews.gapChart(results)), caption: "Het tekort opgebouwd uit de sectoren."),
            WorkforceViews.sectorTable(results),
            .h2(.text("Onzekerheid")),
            UI.figure(UI.svg(WorkforceViews.fanChart(results, saved: savedResults)),
                      caption: "Waaier: \(results.uncertainty?.runs ?? 0) Monte Carlo-runs op deze pagina (vaste seed, elke keer dezelfde uitkomst); \(results.uncertainty?.uncertainParameters ?? 0) onzekere parameters. De CLI en de API rekenen desgewenst met meer runs."),
            .h2(.text("Gevoeligheid: welke hefboom helpt het meest?")),
            UI.figure(UI.svg(WorkforceViews.sensitivityChart(results)), caption: WorkforceViews.sensitivityText(results.sensitivity)),

            .h2(.text("Scenario's vergelijken")),
            .form(.method(.get), .action(attr(base)), .class("card"),
                .group(form.queryItems.map { item in .input(.type(.hidden), .name(attr(item.0)), .value(attr(item.1))) }),
                .div(.class("field"), .label(.for("f-vergelijk"), .text("Vergelijk met")),
                     UI.select("vergelijk", options: all.filter { $0.id != record.id }.map { (value: $0.id!.uuidString, label: "\($0.name) (v\($0.version))") },
                               selected: compareWith?.id?.uuidString)),
                .button(.type(.submit), .text("Vergelijk"))),
            .unwrap(comparison) { c in .group(UI.figure(UI.svg(WorkforceViews.comparisonChart(c)), caption: "Tekort per scenario."), comparisonTable(c, year: results.year)) },

            .h2(.text("Cijfers per jaar en deelregio")),
            WorkforceViews.yearTable(results),
            WorkforceViews.regionTable(results),

            .h2(.text("Invoer uit de arbeidsmarktmonitor")),
            monitorSection(ctx),

            .h2(.text("Kalibratie")),
            .p(.text("Het basisscenario is zo afgesteld dat het de cijfers uit de bronnen reproduceert (binnen 2 %). Het tekort van 11 % in 2032 leest het model als tekort in fte; zie docs/workforce-model.md voor de tegenstrijdigheden in de bronnen.")),
            WorkforceViews.calibrationTable(results),

            .h2(.text("Downloads en rapport")),
            .ul(
                .li(.a(.href(attr("\(base)/download.csv?\(q)")), .text("Uitkomsten per jaar en sector (CSV)"))),
                .li(.a(.href(attr("\(base)/download.xlsx?\(q)")), .text("Uitkomsten, onzekerheid en parameters (Excel)"))),
                .li(.a(.href(attr("\(base)/scenario.json?\(q)")), .text("Scenariobestand (JSON)"))),
                .li(.a(.href(attr("\(base)/rapport?\(q)")), .text("RSPP-rapport (afdrukbaar)")))
            ),

            .h2(.text("Versies")),
            UI.table(caption: nil, headers: ["Versie", "Opgeslagen", "Door", "Toelichting"], rows: versions.map { v in
                [.a(.href("/modellen/personeel/\(v.id!.uuidString)"), .text("v\(v.version)")), .text(v.createdAt.map(dateText) ?? "–"),
                 .text(author(of: v, for: req)), .text(v.note ?? "")]
            }),

            .h2(.text("Parameters en aannames")),
            .p(.text("Elke waarde die niet uit een bron komt, is een aanname en draagt het label ‘aanname’ met de reden; gepubliceerde cijfers dragen het label ‘bron’. De lijst staat hieronder (ook in het rapport en in het Excel-bestand).")),
            .element(named: "details", nodes: [
                .element(named: "summary", nodes: [.text("Toon alle parameters met hun herkomst")]),
                WorkforceViews.parameterList(ctx.scenario),
            ])
        )
    }

    /// Who saved a version: the editor's e-mail address for logged-in users, the organisation's
    /// name for anonymous visitors (an e-mail address is personal data, not public information).
    static func author(of record: WorkforceScenarioRecord, for req: Request) -> String {
        req.user != nil ? record.author : WorkforceScenarioDTO.publicAuthor(record)
    }

    static func leverForm(_ req: Request, _ ctx: Context, base: String) -> BodyNode {
        let form = ctx.form
        return .form(.method(.get), .action(attr(base)), .class("card"),
            .h2(.text("Hefbomen")),
            .p(.text("Pas een of meer hefbomen aan en kies ‘Bereken’. Er wordt niets opgeslagen; de adresregel bevat uw keuzes, zodat u de uitkomst kunt delen.")),
            .div(.class("wf-levers"),
                .forEach(WorkforceLevers.catalogue) { def in
                    UI.field(def.id, label: "\(def.label) (\(def.unit))", value: form.raw[def.id], error: form.errors[def.id],
                             hint: "\(def.help) Van \(WorkforceLeverForm.display(def.min * def.displayFactor)) tot \(WorkforceLeverForm.display(def.max * def.displayFactor)).",
                             attributes: [.attribute(named: "inputmode", value: "decimal")])
                },
                UI.field(WorkforceLeverForm.horizonField, label: "Horizon (laatste jaar)", value: form.raw[WorkforceLeverForm.horizonField],
                         error: form.errors[WorkforceLeverForm.horizonField], hint: "Niet vóór het basisjaar \(ctx.saved.baseYear).",
                         attributes: [.attribute(named: "inputmode", value: "numeric")]),
                UI.field(WorkforceLeverForm.yearField, label: "Jaar van de samenvatting", value: form.raw[WorkforceLeverForm.yearField],
                         error: form.errors[WorkforceLeverForm.yearField], attributes: [.attribute(named: "inputmode", value: "numeric")])
            ),
            .div(.class(form.errors[WorkforceLeverForm.monitorField] == nil ? "wf-check" : "wf-check field-error"),
                .unwrap(form.errors[WorkforceLeverForm.monitorField]) { .p(.class("field-message"), .text($0)) },
                .label(form.useMonitor
                       ? .input(.type(.checkbox), .name(WorkforceLeverForm.monitorField), .value("1"), .checked(true))
                       : .input(.type(.checkbox), .name(WorkforceLeverForm.monitorField), .value("1")),
                       .text(" Gebruik personeelsbestand, instroom en uitstroom uit de arbeidsmarktmonitor"))),
            .button(.type(.submit), .text("Bereken")),
            .text(" "), .a(.href(attr(base)), .text("Terug naar de opgeslagen waarden")))
    }

    static func saveForm(_ req: Request, _ ctx: Context, base: String, errors: [String: String]) -> BodyNode {
        let form = ctx.form
        let suggested = ctx.record.isBase ? "" : ctx.record.name
        return .form(.method(.post), .action(attr("\(base)/opslaan")), .class("card"),
            Layout.csrfField(req),
            .h2(.text("Opslaan")),
            .p(.text(ctx.record.isBase
                ? "Het basisscenario blijft ongewijzigd: sla uw hefbomen op als een nieuw scenario met een eigen naam."
                : "Dezelfde naam maakt een nieuwe versie van dit scenario; een andere naam maakt een nieuw scenario.")),
            .group(form.queryItems.filter { $0.0 != WorkforceLeverForm.yearField }.map { item in .input(.type(.hidden), .name(attr(item.0)), .value(attr(item.1))) }),
            .div(.class("wf-levers"),
                UI.field("name", label: "Naam", value: errors.isEmpty ? suggested : (form.raw["name"] ?? suggested), error: errors["name"], required: true),
                UI.field("note", label: "Toelichting (wat is er veranderd?)", value: form.raw["note"] ?? "")),
            .button(.type(.submit), .text("Opslaan als scenario")))
    }

    static func comparisonTable(_ c: WorkforceComparison, year: Int) -> BodyNode {
        let ys = c.years.filter { $0.year == c.years.first?.year || $0.year == year || $0.year == c.years.last?.year || $0.year % 5 == 0 }
        return UI.table(caption: "Tekort per scenario (personen en % van de vraag)", headers: ["Jaar"] + c.scenarioNames,
                        rows: ys.map { y in
                            [.text(String(y.year))] + y.totals.map { .text("\(WorkforceViews.n($0.shortagePersons)) (\(WorkforceViews.pct($0.shortageRate)))") }
                        }, numericColumns: Set(1...c.scenarioNames.count))
    }

    static func monitorSection(_ ctx: Context) -> BodyNode {
        let codes = WorkforceMonitorInputs.codes.map { "‘\($0)’" }.joined(separator: ", ")
        if ctx.monitorValues.isEmpty {
            return .p(.text("De arbeidsmarktmonitor heeft nog geen cijfers voor Flevoland (PV24) bij de indicatoren \(codes). Het scenario rekent met de waarden uit het scenariobestand."))
        }
        let rows: [[BodyNode]] = ctx.monitorValues.values.sorted { $0.code < $1.code }.map { v in
            let applied = ctx.monitor.first { $0.input.code == v.code }
            let model = ctx.monitorComparison.first { $0.input.code == v.code }?.modelValue
            func fmt(_ x: Double) -> String { DutchNumberFormat.format(x, decimals: v.unit == "%" ? 1 : 0) + (v.unit == "%" ? " %" : "") }
            return [.text("\(v.name) (\(v.code))"), .text(v.period), .text(fmt(v.value)), .text(model.map(fmt) ?? "–"),
                    .group(.text(v.status), .if(v.status == "voorbeeld", .group(.text(" "), UI.badge("voorbeelddata")))),
                    .text(applied?.effect ?? (ctx.form.useMonitor ? "–" : "Niet toegepast (vink de optie bij de hefbomen aan)"))]
        }
        return .group(
            .p(.text("Laatste cijfers voor Flevoland (PV24) uit de arbeidsmarktmonitor. Met de optie bij de hefbomen vervangen ze het personeelsbestand, de instroom en de uitstroom van het scenario.")),
            UI.table(caption: "Indicatoren \(codes)", headers: ["Indicator", "Periode", "Monitor", "Model \(ctx.saved.baseYear)", "Status", "Gebruik in dit scenario"], rows: rows, numericColumns: [2, 3]))
    }

    // MARK: Saving

    @Sendable static func save(_ req: Request) async throws -> Response {
        let values = input(req, posted: true)
        let ctx = try await context(req, input: values)
        var errors: [String: String] = [:]
        let name = (values["name"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty { errors["name"] = "geef het scenario een naam" }
        guard ctx.form.isValid, errors.isEmpty else {
            var c = ctx
            c.form.raw["name"] = values["name"]; c.form.raw["note"] = values["note"]
            return try await render(req, c, saveErrors: errors, status: .unprocessableEntity, notice: nil).encodeResponse(for: req)
        }
        let user = try req.requireRole(.redacteur)
        do {
            let result = try await WorkforceScenarioStore.save(ctx.scenario, name: name, note: values["note"], isExample: ctx.record.isExample,
                                                               user: user, actor: user.email, organisationID: user.$organisation.id, on: req.db)
            return req.redirect(to: "/modellen/personeel/\(result.record.id!.uuidString)?opgeslagen=\(result.created ? 1 : 0)")
        } catch let e as VitaalError where e.kind == .invalidInput {
            var c = ctx
            c.form.raw["name"] = values["name"]; c.form.raw["note"] = values["note"]
            for p in e.problems { errors[p.location.field ?? "scenario", default: ""] += p.message }
            return try await render(req, c, saveErrors: errors, status: .unprocessableEntity, notice: nil).encodeResponse(for: req)
        }
    }

    // MARK: New scenario from a file

    @Sendable static func newForm(_ req: Request) async throws -> SitePage {
        try newPage(req, text: "", name: "", problems: nil, status: .ok)
    }

    static func newPage(_ req: Request, text: String, name: String, problems: VitaalError?, status: HTTPResponseStatus) throws -> SitePage {
        SitePage("Scenariobestand toevoegen", status: status, breadcrumbs: listCrumbs,
            WorkforceViews.style,
            .unwrap(problems) { UI.problems($0.message + " — er is niets opgeslagen.", $0.problems) },
            .p(.text("Plak een scenariobestand (JSON). Het formaat staat in docs/workforce-model.md; het basisscenario is een goed begin: download het via de scenariopagina of met ‘vitaal workforce base’. Elke fout wordt gemeld met veld en regel.")),
            .form(.method(.post), .action("/modellen/personeel/nieuw"), .class("card"),
                Layout.csrfField(req),
                UI.field("name", label: "Naam (leeg: de naam uit het bestand)", value: name),
                .div(.class("field"), .label(.for("f-scenario"), .text("Scenariobestand (JSON)")),
                     .textarea(.id("f-scenario"), .name("scenario"), .attribute(named: "rows", value: "18"), .attribute(named: "cols", value: "80"),
                               .attribute(named: "spellcheck", value: "false"), .text(text))),
                .button(.type(.submit), .text("Controleren en opslaan")))
        )
    }

    @Sendable static func createFromFile(_ req: Request) async throws -> Response {
        let user = try req.requireRole(.redacteur)
        let text = (try? req.content.get(String.self, at: "scenario")) ?? ""
        let nameField = ((try? req.content.get(String.self, at: "name")) ?? "").trimmingCharacters(in: .whitespaces)
        do {
            guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw VitaalError.invalid("plak een scenariobestand", at: SourceLocation(field: "scenario"))
            }
            let scenario = try WorkforceScenarioCodec.decode(text, file: "scenariobestand")
            let result = try await WorkforceScenarioStore.save(scenario, name: nameField.isEmpty ? scenario.name : nameField, note: "Toegevoegd als scenariobestand",
                                                               isExample: false, user: user, actor: user.email, organisationID: user.$organisation.id, on: req.db)
            return req.redirect(to: "/modellen/personeel/\(result.record.id!.uuidString)?opgeslagen=\(result.created ? 1 : 0)")
        } catch let e as VitaalError where e.kind == .invalidInput {
            return try await newPage(req, text: text, name: nameField, problems: e, status: .unprocessableEntity).encodeResponse(for: req)
        }
    }

    // MARK: Comparison page

    @Sendable static func compare(_ req: Request) async throws -> SitePage {
        let records = try await WorkforceScenarioStore.latest(on: req.db)
        var chosen: [WorkforceScenarioRecord] = []
        for key in ["a", "b"] {
            if let id = req.query[String.self, at: key] { chosen.append(try await WorkforceScenarioStore.find(id, on: req.db)) }
        }
        guard chosen.count == 2 else { throw VitaalError.invalid("kies twee scenario's (a en b)", at: SourceLocation(field: "a")) }
        var c = try WorkforceEngine.compare(try chosen.map(WorkforceScenarioStore.scenario(of:)))
        c.scenarioNames = chosen.map { "\($0.name) v\($0.version)" }
        let results = try chosen.map { try WorkforceResults.cached(scenario: WorkforceScenarioStore.scenario(of: $0), year: 2032, runs: nil) }
        return SitePage("Scenario's vergelijken", breadcrumbs: listCrumbs,
            WorkforceViews.style,
            compareForm(records, selected: chosen.compactMap(\.id)),
            .forEach(Array(zip(chosen, results))) { rec, r in
                .p(.strong(.a(.href("/modellen/personeel/\(rec.id!.uuidString)"), .text("\(rec.name) v\(rec.version)"))), .text(": " + r.summary))
            },
            UI.figure(UI.svg(WorkforceViews.comparisonChart(c)), caption: "Tekort per scenario, centrale berekening."),
            comparisonTable(c, year: 2032)
        )
    }

    // MARK: Report and downloads

    @Sendable static func report(_ req: Request) async throws -> SitePage {
        let ctx = try await context(req, input: input(req, posted: false))
        guard ctx.form.isValid else { throw VitaalError.invalid("ongeldige hefboomwaarden", problems: ctx.form.errors.map { Problem($0.value, at: SourceLocation(field: $0.key)) }) }
        let r = try WorkforceResults.cached(scenario: ctx.scenario, year: ctx.form.year)
        let record = ctx.record
        let levers = WorkforceLevers.catalogue.map { def -> [BodyNode] in
            [.text(def.label), .text("\(WorkforceLeverForm.display(ctx.scenario.levers[def.id].value * def.displayFactor)) \(def.unit)")]
        }
        return SitePage("RSPP-rapport: \(record.name)", breadcrumbs: listCrumbs + [(record.name, "/modellen/personeel/\(record.id!.uuidString)")],
            WorkforceViews.style,
            .p(.class("no-print"), .text("Deze pagina is bedoeld om af te drukken of als pdf op te slaan (Ctrl+P).")),
            .p(.text("Regionale strategische personeelsplanning zorg en welzijn Flevoland · scenario \(record.name), versie \(record.version)\(ctx.form.changesScenario ? " met aangepaste hefbomen (niet opgeslagen)" : "") · \(ctx.scenario.baseYear)–\(ctx.scenario.horizon)"),
               .if(record.isExample, .group(.text(" "), UI.badge("voorbeelddata")))),
            .h2(.text("Samenvatting")),
            .p(.class("wf-summary"), .text(r.summary)),
            .p(.text(WorkforceViews.sensitivityText(r.sensitivity))),
            .unwrap(r.band) { b in .p(.text("Onzekerheid: het tekort in \(r.year) ligt met 90 % zekerheid tussen \(WorkforceViews.persons(b.shortagePersons.p5)) en \(WorkforceViews.persons(b.shortagePersons.p95)) personen (\(r.uncertainty?.runs ?? 0) Monte Carlo-runs, seed \(ctx.scenario.seed)).")) },
            .h2(.text("Hefbomen")),
            UI.table(caption: nil, headers: ["Hefboom", "Waarde"], rows: levers),
            .h2(.text("Vraag en aanbod")),
            UI.figure(UI.svg(WorkforceViews.supplyDemandChart(r)), caption: "Personen, heel Flevoland."),
            WorkforceViews.yearTable(r),
            .h2(.text("Tekort per sector en deelregio")),
            UI.figure(UI.svg(WorkforceViews.gapChart(r)), caption: "Tekort per sector."),
            WorkforceViews.sectorTable(r),
            WorkforceViews.regionTable(r),
            .h2(.text("Onzekerheid en gevoeligheid")),
            UI.figure(UI.svg(WorkforceViews.fanChart(r, saved: nil)), caption: "Waaier van het tekort."),
            UI.figure(UI.svg(WorkforceViews.sensitivityChart(r)), caption: "Effect van één stap per hefboom."),
            .h2(.text("Kalibratie")),
            WorkforceViews.calibrationTable(r),
            .h2(.text("Parameters en aannames")),
            WorkforceViews.parameterList(ctx.scenario),
            .p(.class("muted"), .text("Model en bronnen: docs/workforce-model.md. Gemaakt met Vitaal op \(dateText(Date()))."))
        )
    }

    static func validContext(_ req: Request) async throws -> Context {
        let ctx = try await context(req, input: input(req, posted: false))
        guard ctx.form.isValid else {
            throw VitaalError.invalid("ongeldige hefboomwaarden", problems: ctx.form.errors.sorted { $0.key < $1.key }.map { Problem($0.value, at: SourceLocation(field: $0.key)) })
        }
        return ctx
    }

    static func fileName(_ ctx: Context, _ ext: String) -> String {
        "personeelsplanning-\(Slug.make(ctx.record.name))-v\(ctx.record.version)\(ctx.form.changesScenario ? "-aangepast" : "").\(ext)"
    }

    static let csvHeaders = ["jaar", "sector", "aanbod_personen", "vraag_personen", "tekort_personen", "tekort_pct", "aanbod_fte", "vraag_fte", "tekort_fte"]

    static func csvRows(_ p: WorkforceProjection) -> [[String]] {
        func d(_ v: Double, _ dec: Int = 1) -> String { DutchNumberFormat.format(v, decimals: dec, grouping: false) }
        var rows: [[String]] = []
        for y in p.years {
            for (name, f) in [("Totaal", y.total)] + y.sectors.map({ ($0.name, $0.figures) }) {
                rows.append([String(y.year), name, d(f.supplyPersons), d(f.demandPersons), d(f.shortagePersons), d(f.shortageRate * 100, 2),
                             d(f.supplyFTE), d(f.demandFTE), d(f.shortageFTE)])
            }
        }
        return rows
    }

    @Sendable static func downloadCSV(_ req: Request) async throws -> Response {
        let ctx = try await validContext(req)
        let p = try WorkforceEngine.project(ctx.scenario)
        return Download.csv(fileName(ctx, "csv"), headers: csvHeaders, rows: csvRows(p))
    }

    @Sendable static func downloadXLSX(_ req: Request) async throws -> Response {
        let ctx = try await validContext(req)
        let r = try WorkforceResults.cached(scenario: ctx.scenario, year: ctx.form.year)
        typealias C = XLSX.Cell
        func seg(_ y: Int, _ s: WorkforceSegment) -> [C] { fig(y, s.name, s.figures) }
        func fig(_ y: Int, _ name: String, _ f: WorkforceFigures) -> [C] {
            [.number(Double(y)), .text(name), .amount(f.supplyPersons), .amount(f.demandPersons), .amount(f.shortagePersons),
             .percent(f.shortageRate), .amount(f.supplyFTE), .amount(f.demandFTE), .amount(f.shortageFTE)]
        }
        let head: [C] = ["Jaar", "Onderdeel", "Aanbod (personen)", "Vraag (personen)", "Tekort (personen)", "Tekort %", "Aanbod fte", "Vraag fte", "Tekort fte"].map { .text($0) }
        let totals = [head] + r.projection.years.map { fig($0.year, "Totaal", $0.total) }
        let sectors = [head] + r.projection.years.flatMap { y in y.sectors.map { seg(y.year, $0) } }
        let regions = [head] + r.projection.years.flatMap { y in y.regions.map { seg(y.year, $0) } }
        let bands: [[C]] = [["Jaar", "Tekort p5", "Tekort p50", "Tekort p95", "Aanbod p5", "Aanbod p95", "Vraag p5", "Vraag p95"].map { .text($0) }]
            + (r.uncertainty?.years ?? []).map { b in
                [.number(Double(b.year)), .amount(b.shortagePersons.p5), .amount(b.shortagePersons.p50), .amount(b.shortagePersons.p95),
                 .amount(b.supplyPersons.p5), .amount(b.supplyPersons.p95), .amount(b.demandPersons.p5), .amount(b.demandPersons.p95)]
            }
        let params: [[C]] = [["Onderdeel", "Parameter", "Waarde", "Bereik laag", "Bereik hoog", "Herkomst", "Toelichting"].map { .text($0) }]
            + WorkforceParameterRow.all(ctx.scenario).map { row in
                let p = row.parameter
                return [.text(row.group), .text(row.name), .number(p.value), p.range.map { .number($0.low) } ?? .empty, p.range.map { .number($0.high) } ?? .empty,
                        .text(p.isAssumption ? "aanname" : p.source != nil ? "bron" : ""), .text(p.assumption ?? p.source ?? "")]
            }
        let about: [[C]] = [[.text("Scenario"), .text("\(ctx.record.name) v\(ctx.record.version)\(ctx.form.changesScenario ? " (aangepaste hefbomen)" : "")")],
                            [.text("Samenvatting"), .text(r.summary)],
                            [.text("Monte Carlo"), .text("\(r.uncertainty?.runs ?? 0) runs, seed \(ctx.scenario.seed)")],
                            [.text("Voorbeelddata"), .text(ctx.record.isExample ? "ja: aannames gemarkeerd in het blad Parameters" : "nee")]]
        return try Download.xlsx(fileName(ctx, "xlsx"), sheets: [
            .init(name: "Over", rows: about, boldHeader: false), .init(name: "Totaal", rows: totals), .init(name: "Sectoren", rows: sectors),
            .init(name: "Deelregio's", rows: regions), .init(name: "Onzekerheid", rows: bands), .init(name: "Parameters", rows: params),
        ])
    }

    @Sendable static func downloadScenario(_ req: Request) async throws -> Response {
        let ctx = try await validContext(req)
        return Download.file(fileName(ctx, "json"), contentType: "application/json; charset=utf-8", data: Data(WorkforceScenarioCodec.encode(ctx.scenario).utf8))
    }
}
