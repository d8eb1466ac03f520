import Vapor
import Fluent
import Plot
import AppCore
import MonitorFeature
import VitaalDomain

/// Progress report and annual report per plan (HTML with print stylesheet, PDF through headless
/// Chromium), and exports of targets and budgets (CSV, xlsx).
struct PlanReportController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("plannen", ":plan", "rapport", use: report)
        routes.get("plannen", ":plan", "rapport.pdf", use: pdf)
        routes.get("plannen", ":plan", "doelstellingen.csv", use: targetsCSV)
        routes.get("plannen", ":plan", "doelstellingen.xlsx", use: targetsXLSX)
        routes.get("plannen", ":plan", "begroting.csv", use: budgetCSV)
        routes.get("plannen", ":plan", "begroting.xlsx", use: budgetXLSX)
    }

    enum Kind: String { case voortgang, jaarverslag
        var label: String { self == .voortgang ? "Voortgangsrapportage" : "Jaarverslag" }
    }

    /// The `chromium` executable on PATH, if any.
    static func chromiumPath() -> String? {
        let path = Environment.get("PATH") ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/chromium"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    // MARK: HTML report

    @Sendable func report(_ req: Request) async throws -> SitePage {
        let loaded = try await PlanPagesController.loadVisible(req)
        return try await Self.reportPage(req, loaded, forPDF: false)
    }

    static func reportPage(_ req: Request, _ loaded: LoadedPlan, forPDF: Bool) async throws -> SitePage {
        let plan = loaded.plan
        let kind = Kind(rawValue: req.query[String.self, at: "soort"] ?? "") ?? .voortgang
        let rollUp = plan.rollUp()
        let today = Date().formatted(.iso8601.year().month().day())
        let chromium = chromiumPath()

        // Linked indicators: names, series for Flevoland (PV24) and stories, from the monitor.
        let links = plan.nodes.flatMap { node in node.indicators.map { (node, $0) } }
        let codes = Array(Set(links.map(\.1.indicatorCode))).sorted()
        // The monitor's values for this reader: anonymous visitors get the public series (no
        // internal indicators, small counts suppressed), logged-in readers the stored values.
        let audience = PlanPagesController.audience(req)
        let all = (try? await MonitorLookup.indicators(audience: .internal, on: req.db)) ?? []
        let internalCodes = Set(all.filter { !$0.isPublic }.map(\.code))
        let names = Dictionary(all.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        var charts: [BodyNode] = []
        for code in codes {
            let linkedTo = links.filter { $0.1.indicatorCode == code }
            let type = linkedTo.first?.1.monitoringType.label ?? ""
            let info = names[code]
            // Internal indicators only for logged-in readers.
            if audience == .public && internalCodes.contains(code) { continue }
            let series = (try? await MonitorLookup.series(indicator: code, region: "PV24", audience: audience, on: req.db)) ?? []
            let title = "\(info?.name ?? code) – Flevoland"
            let nodesText = linkedTo.map { $0.0.title }.joined(separator: "; ")
            if series.contains(where: { $0.value != nil }) {
                let example = series.contains { $0.status == "voorbeeld" }
                let chart = LineChart(text: ChartText(title: title, caption: "\(type), gekoppeld aan: \(nodesText). Bron: monitor\(example ? " (voorbeelddata)" : "")."),
                                      labels: series.map(\.period),
                                      series: [.init(name: info?.name ?? code, values: series.map(\.value))],
                                      valueSuffix: info?.unit == "%" ? "%" : "", decimals: info?.decimals).svg()
                charts.append(.div(.class("card"), .if(example, UI.badge("voorbeelddata")), UI.figure(UI.svg(chart), caption: title)))
            } else {
                charts.append(.div(.class("card"), .h3(.text(title)),
                                   .p(.class("muted"), .text("\(type), gekoppeld aan: \(nodesText). De monitor heeft (nog) geen cijfers voor indicator \(code) in Flevoland."))))
            }
        }
        let stories = codes.isEmpty ? [] : ((try? await MonitorLookup.stories(indicatorCodes: codes, on: req.db)) ?? [])

        var content: [BodyNode] = [
            PlanViews.style,
            .div(.class("plan-report"),
                .p(.class("lead"), .text("\(kind.label) over \(plan.period.description), opgesteld uit de actuele gegevens op \(today). Eigenaar: \(loaded.organisation.name). Versie \(plan.version), status \(plan.status.label.lowercased()).")),
                .if(!forPDF, .div(.class("no-print"),
                    .p(.a(.href(attr("/plannen/\(plan.key)/rapport?soort=voortgang")), .text("Voortgangsrapportage")), .text(" · "),
                       .a(.href(attr("/plannen/\(plan.key)/rapport?soort=jaarverslag")), .text("Jaarverslag"))),
                    chromium != nil
                        ? .p(.a(.class("button"), .href(attr("/plannen/\(plan.key)/rapport.pdf?soort=\(kind.rawValue)")), .text("Download als PDF")))
                        : UI.notice("warning", "PDF niet beschikbaar: Chromium is niet geïnstalleerd op deze server. Gebruik de afdrukfunctie van de browser (Afdrukken → Opslaan als PDF); de pagina heeft een afdrukopmaak."))),
                .h2(.id("samenvatting"), .text("Samenvatting")),
                .dl(.class("kv"),
                    .dt(.text("Doelstellingen")), .dd(.text("\(plan.targets.count)")),
                    .dt(.text("Voortgang")), .dd(PlanViews.rollUpNode(rollUp))),
                summaryTotals(plan),
                .h2(.id("doelenboom"), .text("Doelenboom")),
                PlanViews.tree(loaded, linkTargets: !forPDF),
                .h2(.id("doelstellingen"), .text("Doelstellingen en realisaties")),
                plan.targets.isEmpty ? .p(.class("muted"), .text("Geen doelstellingen.")) :
                    PlanViews.targetTable(loaded, showEvidence: PlanAccess.showsEvidence(req), links: !forPDF),
                PlanViews.statusRule),
        ]
        content.append(.h2(.id("begroting"), .text("Begroting en realisatie")))
        if plan.budgets.isEmpty { content.append(.p(.class("muted"), .text("Dit plan heeft geen begroting."))) }
        for (record, table) in zip(loaded.budgetTables, plan.budgets) {
            let actuals = loaded.actuals(table: record)
            content += [.h3(.text(table.title)), PlanViews.budgetTable(table, actuals: actuals), PlanViews.budgetCheck(table)]
            if table.columns.contains(where: { $0.kind == .budget }) { content.append(PlanViews.budgetVersusActual(table, actuals: actuals)) }
        }
        if !plan.personnel.isEmpty { content.append(PlanViews.personnel(plan.personnel)) }
        content.append(.h2(.id("indicatoren"), .text("Indicatoren uit de monitor")))
        content.append(charts.isEmpty ? .p(.class("muted"), .text("Aan dit plan zijn geen indicatoren van de monitor gekoppeld.")) : .group(charts))
        content.append(.h2(.text("Verhalen")))
        content.append(stories.isEmpty ? .p(.class("muted"), .text("Geen verhalen bij de gekoppelde indicatoren.")) :
            .group(stories.map { s in
                .div(.class("card"), .h3(.text(s.title)), .p(.text(s.text)),
                     .unwrap(s.quote) { .blockquote(.text("“\($0)”"), .unwrap(s.personRole) { .text(" – \($0)") }) },
                     .unwrap(s.source) { .p(.class("muted"), .text("Bron: \($0)")) })
            }))
        return SitePage("\(kind.label): \(plan.title)", breadcrumbs: PlanPagesController.planCrumbs(loaded), content: content)
    }

    /// Totals of every budget section per column (computed from the lines), one small table per budget.
    static func summaryTotals(_ plan: Plan) -> BodyNode {
        .group(plan.budgets.map { table in
            if let error = table.arithmeticError { return UI.notice("error", error.message) }
            var headers = ["Onderdeel"] + table.columns.map(\.label)
            if table.hasTotalColumn { headers.append("Totaal") }
            let rows: [[BodyNode]] = table.sections.filter { !$0.lines.isEmpty }.map { section in
                var row: [BodyNode] = [.text(section.label)]
                row += table.columns.indices.map { .text(table.computedTotal(section: section.key, column: $0).formatted) }
                if table.hasTotalColumn { row.append(.text(table.computedGrandTotal(section: section.key).formatted)) }
                return row
            }
            return UI.table(caption: "Totalen \(table.title) (berekend uit de regels)", headers: headers, rows: rows,
                            numericColumns: Set(1..<headers.count))
        })
    }

    // MARK: PDF

    @Sendable func pdf(_ req: Request) async throws -> Response {
        let loaded = try await PlanPagesController.loadVisible(req)
        guard let chromium = Self.chromiumPath() else {
            return SitePage("PDF niet beschikbaar", status: .serviceUnavailable, breadcrumbs: PlanPagesController.planCrumbs(loaded),
                UI.notice("warning", "PDF niet beschikbaar: Chromium (chromium) is niet geïnstalleerd op deze server. Open de HTML-rapportage en gebruik Afdrukken → Opslaan als PDF."),
                .p(.a(.href(attr("/plannen/\(loaded.key)/rapport")), .text("Naar de rapportage (HTML)")))).render(for: req)
        }
        let page = try await Self.reportPage(req, loaded, forPDF: true)
        let html = Self.standalone(page.render(for: req).body.string ?? "", css: req.application.stylesheets.css)
        let filename = "\(loaded.key)-rapport.pdf"
        // The same HTML (plan, data, reader and day) gives the same PDF: serve it from the cache.
        if let cached = await PDFReports.cache.pdf(for: html) {
            return Download.file(filename, contentType: "application/pdf", data: cached)
        }
        guard await PDFReports.gate.acquire(waiting: PDFReports.maxWait) else {
            let response = try await SitePage("PDF even niet beschikbaar", status: .serviceUnavailable, breadcrumbs: PlanPagesController.planCrumbs(loaded),
                UI.notice("warning", PDFReports.busyMessage),
                .p(.a(.href(attr("/plannen/\(loaded.key)/rapport")), .text("Naar de rapportage (HTML)")))).render(for: req)
            response.headers.replaceOrAdd(name: .retryAfter, value: "30")
            return response
        }
        let data: Data
        do {
            data = try await Self.renderPDF(html: html, chromium: chromium)
            await PDFReports.gate.release()
        } catch {
            await PDFReports.gate.release()
            throw error
        }
        await PDFReports.cache.store(data, for: html)
        return Download.file(filename, contentType: "application/pdf", data: data)
    }

    /// Chromium's arguments: headless, no JavaScript, no extensions or background networking, a
    /// throw-away profile in the temp folder, and `--no-sandbox` only where Chromium cannot sandbox
    /// itself (running as root). The page itself forbids loading anything (see `standalone`).
    static func chromiumArguments(profile: String, pdf: String, html: String, asRoot: Bool) -> [String] {
        // No `--blink-settings=scriptEnabled=false`: with it Chromium 13x writes no PDF at all;
        // `--disable-javascript` and the page's CSP (script-src 'none') keep scripts out.
        ["--headless", "--disable-gpu", "--no-pdf-header-footer", "--disable-javascript",
         "--disable-extensions", "--disable-background-networking",
         "--no-first-run", "--disable-sync", "--user-data-dir=\(profile)", "--print-to-pdf=\(pdf)"]
            + (asRoot ? ["--no-sandbox"] : []) + [html]
    }

    static func renderPDF(html: String, chromium: String) async throws -> Data {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vitaal-rapport-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: dir) }
        let htmlURL = dir.appendingPathComponent("rapport.html"), pdfURL = dir.appendingPathComponent("rapport.pdf")
        try Data(html.utf8).write(to: htmlURL)
        try await Self.run(chromium, chromiumArguments(profile: dir.appendingPathComponent("profiel").path, pdf: pdfURL.path,
                                                       html: htmlURL.absoluteString, asRoot: geteuid() == 0), timeout: 90)
        guard let data = FileManager.default.contents(atPath: pdfURL.path), data.starts(with: Array("%PDF".utf8)) else {
            throw VitaalError(.internal, "Chromium heeft geen PDF gemaakt; probeer de HTML-rapportage af te drukken.")
        }
        return data
    }

    /// A content security policy for the PDF's HTML: nothing may be loaded (no file://, no network,
    /// no script); only the inlined style and inline SVG/data images.
    static let pdfPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'"

    /// The rendered page with the stylesheet inlined (Chromium reads it from a file, not the server).
    /// The policy meta element comes first in `<head>`, so it covers everything after it.
    static func standalone(_ html: String, css: String = Stylesheets.base) -> String {
        var out = html
        if let href = out.range(of: #"href="/static/vitaal(-[0-9a-f]+)?\.css""#, options: .regularExpression),
           let start = out[..<href.lowerBound].range(of: "<link", options: .backwards),
           let end = out[href.upperBound...].range(of: ">") {
            out.replaceSubrange(start.lowerBound..<end.upperBound, with: "<style>\(css)</style>")
        }
        let meta = "<meta http-equiv=\"Content-Security-Policy\" content=\"\(pdfPolicy)\">"
        if let head = out.range(of: "<head>") {
            out.insert(contentsOf: meta, at: head.upperBound)
        } else {
            out = meta + out
        }
        return out
    }

    static func run(_ executable: String, _ arguments: [String], timeout: TimeInterval) async throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try await withCheckedThrowingContinuation { (cont: CheckedContinuation<Void, any Error>) in
            process.terminationHandler = { _ in cont.resume() }
            do { try process.run() } catch {
                process.terminationHandler = nil
                cont.resume(throwing: VitaalError(.internal, "Chromium kon niet worden gestart: \(error.localizedDescription)"))
                return
            }
            DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { if process.isRunning { process.terminate() } }
        }
    }

    // MARK: Exports

    static func targetRows(_ loaded: LoadedPlan, csv: Bool) -> (headers: [String], rows: [[XLSX.Cell]]) {
        let plan = loaded.plan
        let headers = ["Sleutel", "Niveau", "Doel", "Maat", "Eenheid", "Richting", "Nulmeting", "Datum nulmeting", "Streefwaarde",
                       "Streefdatum", "Stand", "Datum stand", "Status", "Verantwoordelijk", "Voorbeelddata"]
        let rows: [[XLSX.Cell]] = plan.targets.map { t in
            let node = plan.node(t.nodeKey)
            let current = t.currentValue()
            let example = t.isExample || (loaded.realisations[t.key] ?? []).contains { $0.isExample }
            return [.text(t.key), .text(node.map { plan.levelName(of: $0) } ?? ""), .text(node?.title ?? t.nodeKey), .text(t.measure),
                    .text(t.unit), .text(t.direction.label), .number(t.baseline.value), .text(t.baseline.date.description),
                    .number(t.targetValue), .text(t.targetDate?.description ?? ""), current.map { .number($0.value) } ?? .empty,
                    .text(current?.date.description ?? ""), .text(t.status().label), .text(t.responsible ?? ""), .text(example ? "ja" : "nee")]
        }
        return (headers, rows)
    }

    static func csvText(_ cell: XLSX.Cell) -> String {
        switch cell {
        case .text(let t): t
        case .number(let v), .amount(let v): DutchNumberFormat.format(v, decimals: v == v.rounded() ? 0 : 2, grouping: false)
        case .percent(let v): DutchNumberFormat.format(v * 100, decimals: 0, grouping: false)
        case .empty: ""
        }
    }

    @Sendable func targetsCSV(_ req: Request) async throws -> Response {
        let loaded = try await PlanPagesController.loadVisible(req)
        let (headers, rows) = Self.targetRows(loaded, csv: true)
        return Download.csv("\(loaded.key)-doelstellingen.csv", headers: headers, rows: rows.map { $0.map(Self.csvText) })
    }

    @Sendable func targetsXLSX(_ req: Request) async throws -> Response {
        let loaded = try await PlanPagesController.loadVisible(req)
        let (headers, rows) = Self.targetRows(loaded, csv: false)
        return try Download.xlsx("\(loaded.key)-doelstellingen.xlsx",
                                 sheets: [XLSX.Sheet(name: "Doelstellingen", rows: [headers.map { .text($0) }] + rows)])
    }

    /// A valid sheet name: no `[]:*?/\\`, at most 31 characters, never empty.
    static func sheetName(_ title: String) -> String {
        let cleaned = String(title.filter { !"[]:*?/\\".contains($0) }.prefix(31))
        return cleaned.isEmpty ? "Begroting" : cleaned
    }

    static func euros(_ m: Money) -> String {
        let magnitude = m.cents.magnitude, rest = magnitude % 100
        return (m.cents < 0 ? "-" : "") + "\(magnitude / 100)" + (rest == 0 ? "" : "," + (rest < 10 ? "0\(rest)" : "\(rest)"))
    }

    @Sendable func budgetCSV(_ req: Request) async throws -> Response {
        let loaded = try await PlanPagesController.loadVisible(req)
        var rows: [[String]] = []
        for (record, table) in zip(loaded.budgetTables, loaded.plan.budgets) {
            let actuals = loaded.actuals(table: record)
            let tooLarge = table.arithmeticError?.message
            for section in table.sections {
                for line in section.lines {
                    for (i, column) in table.columns.enumerated() where i < line.cells.count {
                        let cell = line.cells[i]
                        let note: String = { if case .note(let t) = cell { return t }; if case .pm = cell { return "PM" }; if case .reserved = cell { return "gereserveerd" }; return "" }()
                        rows.append([table.title, section.label, line.label, line.category.label, column.label, column.programme ?? "",
                                     column.year.map { "\($0)" } ?? "", column.kind.label, Self.euros(cell.value),
                                     actuals[line.key]?[column.key].map(Self.euros) ?? "", note])
                    }
                    if table.hasTotalColumn, let total = line.total {
                        rows.append([table.title, section.label, line.label, line.category.label, "Totaal", "", "", "", Self.euros(total.value), "",
                                     tooLarge ?? (table.computedLineTotal(line) == total.value ? "" : "kolommen tellen op tot \(Self.euros(table.computedLineTotal(line)))")])
                    }
                }
            }
        }
        return Download.csv("\(loaded.key)-begroting.csv",
                            headers: ["Tabel", "Onderdeel", "Regel", "Categorie", "Kolom", "Programma", "Jaar", "Soort", "Bedrag (euro)", "Werkelijk (euro)", "Opmerking"],
                            rows: rows)
    }

    @Sendable func budgetXLSX(_ req: Request) async throws -> Response {
        let loaded = try await PlanPagesController.loadVisible(req)
        var sheets: [XLSX.Sheet] = []
        var used: Set<String> = []
        for table in loaded.plan.budgets {
            // A table whose sums do not fit gets a sheet with the reason instead of wrong totals.
            var sheet = table.arithmeticError.map { XLSX.Sheet(name: Self.sheetName(table.title), rows: [[.text($0.message)]]) }
                ?? XLSX.Sheet(budget: table)
            var name = sheet.name, n = 2
            while used.contains(name.lowercased()) { name = String(sheet.name.prefix(28)) + " \(n)"; n += 1 }
            sheet.name = name
            used.insert(name.lowercased())
            sheets.append(sheet)
        }
        if !loaded.plan.personnel.isEmpty {
            sheets.append(XLSX.Sheet(name: "Personeel", rows: [[.text("Jaar"), .text("Medewerkers"), .text("FTE"), .text("Programma-uren"), .text("Indirecte uren")]]
                + loaded.plan.personnel.map { [.number(Double($0.year)), .number(Double($0.employees)), .number($0.fte), .amount(Double($0.programmeHours)), .amount(Double($0.indirectHours))] }))
        }
        if sheets.isEmpty { sheets = [XLSX.Sheet(name: "Begroting", rows: [[.text("Dit plan heeft geen begroting.")]])] }
        return try Download.xlsx("\(loaded.key)-begroting.xlsx", sheets: sheets)
    }
}
