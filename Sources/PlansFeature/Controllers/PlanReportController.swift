import AppCore
import Vapor
import VitaalDomain

/// Progress report and annual report per plan: HTML with a print stylesheet, and PDF through
/// headless Chromium (at most two at once, cached; see `PDFReports`).
struct PlanReportController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(PlanURL.report(plan: .key), use: report)
        routes.get(PlanURL.reportPDF(plan: .key), use: pdf)
    }

    @Sendable func report(_ req: Request) async throws -> SitePage {
        let loaded = try await PlanAccess.loadVisible(req)
        return ReportPage.view(try await Self.model(req, loaded, forPDF: false), req.pageContext)
    }

    /// The report of the `soort` (voortgang, the default, or jaarverslag) and, for a jaarverslag, the
    /// `jaar` (one of the plan's years; by default the last one that has ended).
    static func model(_ req: Request, _ loaded: LoadedPlan, forPDF: Bool) async throws -> ReportPage.Model {
        let kind = try ReportPage.Kind(query: req.queryText("soort"))
        let plan = loaded.plan
        let year =
            kind == .jaarverslag
            ? try ReportPage.Annual.year(req.queryText("jaar"), of: plan)
                ?? AnnualReport.defaultYear(of: plan, today: PlanDate(day: req.now)) : nil
        var model = await ReportPage.Model.load(
            loaded, kind: kind, viewer: req.user?.viewer, now: req.now, forPDF: forPDF,
            pdfAvailable: req.application.vitaal.chromiumPath != nil, year: year, on: req.db)
        if let registers = req.application.registerReading {
            // No links in a PDF (as for the target pages); the commitments are listed in both.
            if !forPDF { model.tree.linkTerms(try await registers.glossary(req.db)) }
            model.commitments = try await registers.openCommitments(loaded.key, req.db)
        }
        if let year {
            model.annual = try await ReportPage.Annual.load(
                loaded, year: year, canEdit: !forPDF && PlanAccess.mayEdit(loaded, req.user?.viewer),
                links: !forPDF, notice: PlanNotice(code: req.queryText("melding"))?.text(), on: req.db)
        }
        return model
    }

    // MARK: PDF

    @Sendable func pdf(_ req: Request) async throws -> Response {
        let loaded = try await PlanAccess.loadVisible(req)
        guard let chromium = req.application.vitaal.chromiumPath else {
            return ReportPage.unavailable(loaded.key, title: loaded.plan.title, busy: false).render(for: req)
        }
        let context = req.pageContext
        let model = try await Self.model(req, loaded, forPDF: true)
        let page = ReportPage.view(model, context)
        let html = Self.standalone(Layout.document(page: page, context: context), css: req.application.stylesheets.css)
        let filename = model.annual.map { "\(loaded.key)-jaarverslag-\($0.year).pdf" } ?? "\(loaded.key)-rapport.pdf"
        // The same HTML (plan, data, reader and day) gives the same PDF: serve it from the cache.
        if let cached = await PDFReports.cache.pdf(for: html) {
            return Download.file(filename, contentType: "application/pdf", data: cached)
        }
        guard await PDFReports.gate.acquire(waiting: PDFReports.maxWait) else {
            let response = ReportPage.unavailable(loaded.key, title: loaded.plan.title, busy: true).render(for: req)
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
        [
            "--headless", "--disable-gpu", "--no-pdf-header-footer", "--disable-javascript",
            "--disable-extensions", "--disable-background-networking",
            "--no-first-run", "--disable-sync", "--user-data-dir=\(profile)", "--print-to-pdf=\(pdf)"
        ]
            + (asRoot ? ["--no-sandbox"] : []) + [html]
    }

    static func renderPDF(html: String, chromium: String) async throws -> Data {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vitaal-rapport-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: dir, withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: dir) }
        let htmlURL = dir.appendingPathComponent("rapport.html")
        let pdfURL = dir.appendingPathComponent("rapport.pdf")
        try Data(html.utf8).write(to: htmlURL)
        let arguments = chromiumArguments(
            profile: dir.appendingPathComponent("profiel").path, pdf: pdfURL.path,
            html: htmlURL.absoluteString, asRoot: geteuid() == 0)
        try await Self.run(chromium, arguments, timeout: 90)
        guard let data = FileManager.default.contents(atPath: pdfURL.path), data.starts(with: Array("%PDF".utf8)) else {
            throw VitaalError(.internal, "Chromium heeft geen PDF gemaakt; probeer de HTML-rapportage af te drukken.")
        }
        return data
    }

    /// A content security policy for the PDF's HTML: nothing may be loaded (no file://, no network,
    /// no script); only the inlined style and inline SVG/data images.
    static let pdfPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; "
        + "base-uri 'none'; form-action 'none'"

    /// The rendered page with the stylesheet inlined (Chromium reads it from a file, not the server).
    /// The policy meta element comes first in `<head>`, so it covers everything after it.
    static func standalone(_ html: String, css: String = Stylesheets.base) -> String {
        var out = html
        if let href = out.range(of: #"href="/static/vitaal(-[0-9a-f]+)?\.css""#, options: .regularExpression),
            let start = out[..<href.lowerBound].range(of: "<link", options: .backwards),
            let end = out[href.upperBound...].range(of: ">")
        {
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
                cont.resume(
                    throwing: VitaalError(
                        .internal,
                        "Chromium kon niet worden gestart: \(error.localizedDescription)"))
                return
            }
            DispatchQueue.global().asyncAfter(deadline: .now() + timeout) {
                if process.isRunning { process.terminate() }
            }
        }
    }
}
