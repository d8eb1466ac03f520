import Fluent
import VitaalDomain
import XCTVapor
import XCTest

@testable import AppCore
@testable import MonitorFeature
@testable import PlansFeature

/// Issue #12 for plans: overflow in budgets and personnel (H6), internal and small monitor values
/// through plans (H5), the four-eyes rule (L3), attribute injection (H3), PDF limits (M5), CSV
/// formula cells (M8), cross-organisation writes and bounded numbers.
final class PlansHardeningTests: XCTestCase {
    static let flever = PlansInputTests.flever
    static let next = PlansInputTests.next
    static let table = "flever-2025-programma"

    // MARK: H6 overflow

    func testHugeAmountsHoursAndFTEAreRefusedWith422NamingFieldAndLimit() async throws {
        try await TestApp.with { app in
            let browser = try await PlansInputTests.setUp(app)
            let before = try await PlansInputTests.counts(app)
            // Actuals on the vastgesteld 2025 plan, a table counted in € 1,000.
            let max = try await browser.post(
                "/plannen/\(Self.flever)/begroting/\(Self.table)/personeel", ["werkelijk.A&O": "9223372036854775807"])
            XCTAssertEqual(max.status, .unprocessableEntity, max.body)
            XCTAssertTrue(max.body.contains("werkelijk.A&amp;O"), "names the field, escaped")
            XCTAssertFalse(max.body.contains("werkelijk.A&O"), "never unescaped")
            XCTAssertTrue(
                max.body.contains(
                    "is te groot; een bedrag is ten hoogste € 1.000.000.000.000 (in deze tabel 1.000.000.000 × € 1.000)"
                ), max.body)
            let dotted = try await browser.post(
                "/plannen/\(Self.flever)/begroting/\(Self.table)/personeel", ["werkelijk.A&O": "50.000.000.000.000"])
            XCTAssertEqual(dotted.status, .unprocessableEntity, dotted.body)
            XCTAssertTrue(dotted.body.contains("\"50.000.000.000.000\" is te groot"), dotted.body)
            // The largest allowed amount is accepted (10^9 thousands = € 10^12).
            let largest = try await browser.post(
                "/plannen/\(Self.flever)/begroting/\(Self.table)/personeel", ["werkelijk.A&O": "1.000.000.000"])
            XCTAssertEqual(largest.status, .seeOther, largest.body)

            for (field, value, limit) in [
                ("programmeHours", "9223372036854775807", "10.000.000"), ("indirectHours", "10000001", "10.000.000"),
                ("employees", "99999999999", "10.000.000")
            ] {
                var form = [
                    "year": "2025", "employees": "20", "fte": "18,5", "programmeHours": "1000", "indirectHours": "100"
                ]
                form[field] = value
                let r = try await browser.post("/plannen/\(Self.flever)/personeel", form)
                XCTAssertEqual(r.status, .unprocessableEntity, "\(field): \(r.body)")
                XCTAssertTrue(r.body.contains(field), "names \(field)")
                XCTAssertTrue(r.body.contains(limit), "names the limit for \(field): \(r.body)")
            }
            let fte = try await browser.post(
                "/plannen/\(Self.flever)/personeel",
                [
                    "year": "2025", "employees": "20", "fte": "9223372036854775807", "programmeHours": "1",
                    "indirectHours": "1"
                ])
            XCTAssertEqual(fte.status, .unprocessableEntity, fte.body)
            XCTAssertTrue(fte.body.contains("ten hoogste 1.000.000 FTE"), fte.body)
            let year = try await browser.post(
                "/plannen/\(Self.flever)/personeel",
                [
                    "year": "99999999999999999999", "employees": "1", "fte": "1", "programmeHours": "1",
                    "indirectHours": "1"
                ])
            XCTAssertEqual(year.status, .unprocessableEntity)
            XCTAssertTrue(year.body.contains("Jaar moet tussen 1.900 en 2.200 liggen"), year.body)
            // The logic-model budget of a node of the concept copy.
            let logic = try await browser.post(
                "/plannen/\(Self.next)/doelen/VVI.A1/logisch-model", ["budget": "9.223.372.036.854.775.807"])
            XCTAssertEqual(logic.status, .unprocessableEntity, logic.body)
            XCTAssertTrue(logic.body.contains("budget: \"9.223.372.036.854.775.807\" is te groot"), logic.body)
            let after = try await PlansInputTests.counts(app)
            XCTAssertEqual(after.personnel, before.personnel, "no personnel row written")
            XCTAssertEqual(
                after.entries.compactMap { $0 }.filter { $0 > 100_000_000_000_000 }.count, 0,
                "no actual above the bound stored")
        }
    }

    /// Values stored before the bound (inserted directly) whose sums overflow: every page and
    /// download still answers below 500 and says what is wrong.
    func testStoredAmountsThatOverflowWhenSummedStillRenderEveryPage() async throws {
        try await TestApp.with { app in
            try await TestApp.seedFoundation(app)
            try await PlansFeature().loadDemoData(app: app, log: { _ in })
            let plan = try await PlanRecord.query(on: app.db).filter(\.$key == Self.flever).first()!
            let table = try await BudgetTableRecord.query(on: app.db).filter(\.$plan.$id == plan.id!).filter(
                \.$key == Self.table
            ).first()!
            let entries = try await BudgetEntryRecord.query(on: app.db).filter(\.$table.$id == table.id!)
                .filter(\.$sectionKey == "lasten").filter(\.$columnKey == "A&O").all()
            XCTAssertGreaterThanOrEqual(entries.count, 2)
            for entry in entries.prefix(2) {
                entry.cellKind = "amount"
                entry.amountCents = 5_000_000_000_000_000_000
                entry.actualCents = 5_000_000_000_000_000_000
                try await entry.save(on: app.db)
            }
            let personnel = PersonnelRecord()
            personnel.$plan.id = plan.id!
            personnel.year = 2030
            personnel.kind = "budget"
            personnel.employees = 1
            personnel.fteHundredths = 100
            personnel.programmeHours = Int.max
            personnel.indirectHours = Int.max
            try await personnel.create(on: app.db)

            let (email, password) = try await TestApp.user(app, role: .lezer, organisation: "provincie-flevoland")
            let reader = Browser(app)
            try await reader.login(email, password)
            let anonymous = Browser(app)
            let log = try Self.installFakeChromium(app)
            defer { Self.removeFakeChromium() }
            let paths = [
                "/plannen/\(Self.flever)/begroting", "/plannen/\(Self.flever)/rapport",
                "/plannen/\(Self.flever)/rapport.pdf",
                "/api/v1/plans/\(Self.flever)/budgets", "/plannen/\(Self.flever)/begroting.csv",
                "/plannen/\(Self.flever)/begroting.xlsx"
            ]
            for path in paths {
                let r = try await anonymous.get(path)
                XCTAssertLessThan(r.status.code, 500, "\(path): \(r.body.prefix(300))")
            }
            let pdf = try await anonymous.get("/plannen/\(Self.flever)/rapport.pdf")
            XCTAssertEqual(pdf.status, .ok)
            XCTAssertTrue(pdf.body.hasPrefix("%PDF"))
            let html = try String(contentsOf: log.appendingPathComponent("last.html"), encoding: .utf8)
            XCTAssertTrue(html.contains("kan niet worden berekend"), "the PDF's HTML says why")
            XCTAssertTrue(html.contains("Content-Security-Policy"))
            let page = try await anonymous.get("/plannen/\(Self.flever)/begroting")
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.body.contains("kan niet worden berekend"), "the budget page says why")
            XCTAssertTrue(
                page.body.contains("Personeel 2030 wordt niet getoond"), "the unreadable personnel row is named")
            let api = try await anonymous.get("/api/v1/plans/\(Self.flever)/budgets")
            XCTAssertEqual(api.status, .ok)
            XCTAssertTrue(api.body.contains("kan niet worden berekend"), api.body.prefix(400).description)
            let csv = try await anonymous.get("/plannen/\(Self.flever)/begroting.csv")
            XCTAssertEqual(csv.status, .ok)
            let report = try await anonymous.get("/plannen/\(Self.flever)/rapport")
            XCTAssertEqual(report.status, .ok)
            XCTAssertTrue(report.body.contains("kan niet worden berekend"))
            let dashboard = try await reader.get("/plannen/dashboard")
            XCTAssertEqual(dashboard.status, .ok)
            XCTAssertTrue(dashboard.body.contains("bedragen te groot"), "the dashboard flags the plan")
        }
    }

    // MARK: A stand-in for Chromium

    static let fakeDir = FileManager.default.temporaryDirectory.appendingPathComponent(
        "vitaal-fake-chromium-\(UUID().uuidString)")
    /// Makes a `chromium` script the app's Chromium (`VitaalConfiguration.chromiumPath`) that copies the HTML it is given to `last.html`,
    /// appends a line to `calls` and writes a tiny PDF; returns its folder.
    static func installFakeChromium(_ app: Application) throws -> URL {
        try FileManager.default.createDirectory(at: fakeDir, withIntermediateDirectories: true)
        let script = """
            #!/bin/sh
            out=""; html=""
            for a in "$@"; do
              case "$a" in --print-to-pdf=*) out="${a#--print-to-pdf=}";; file://*) html="${a#file://}";; esac
            done
            cp "$html" "\(fakeDir.path)/last.html"
            echo "$@" >> "\(fakeDir.path)/calls"
            printf '%%PDF-1.4 nep' > "$out"
            """
        let url = fakeDir.appendingPathComponent("chromium")
        try Data(script.utf8).write(to: url)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        app.vitaal.chromiumPath = url.path
        return fakeDir
    }

    static func removeFakeChromium() {
        try? FileManager.default.removeItem(at: fakeDir)
    }

    /// The same report twice gives one Chromium run (cache); the arguments hold no --no-sandbox
    /// unless the server runs as root, and JavaScript is off.
    func testPDFReportsAreCachedAndRenderedWithoutJavaScript() async throws {
        try await TestApp.with { app in
            try await TestApp.seedFoundation(app)
            try await PlansFeature().loadDemoData(app: app, log: { _ in })
            let dir = try Self.installFakeChromium(app)
            defer { Self.removeFakeChromium() }
            let anonymous = Browser(app)
            let first = try await anonymous.get("/plannen/\(Self.flever)/rapport.pdf?soort=jaarverslag")
            XCTAssertEqual(first.status, .ok, first.body.prefix(300).description)
            XCTAssertTrue(first.body.hasPrefix("%PDF"))
            let second = try await anonymous.get("/plannen/\(Self.flever)/rapport.pdf?soort=jaarverslag")
            XCTAssertEqual(second.body, first.body)
            let calls = try String(contentsOf: dir.appendingPathComponent("calls"), encoding: .utf8).split(
                separator: "\n")
            XCTAssertEqual(calls.count, 1, "the second request came from the cache")
            XCTAssertTrue(calls[0].contains("--disable-javascript"))
            XCTAssertEqual(calls[0].contains("--no-sandbox"), geteuid() == 0)
        }
    }

    // MARK: H5 internal and small values

    /// A published plan with a target sourced from an internal indicator (created directly in the
    /// database): anonymous visitors get no value on the page, in the API or in the CSV; a
    /// logged-in reader does.
    func testTargetFromAnInternalIndicatorShowsNoValuesToAnonymousVisitors() async throws {
        try await TestApp.with { app in
            try await TestApp.seedFoundation(app)
            try await MonitorFeature().loadDemoData(app: app, log: { _ in })
            try await PlansFeature().loadDemoData(app: app, log: { _ in })
            let internalCode = "tz_mijlpalen"
            let indicator = try await MonitorLookup.indicator(code: internalCode, audience: .internal, on: app.db)
            XCTAssertEqual(indicator?.isPublic, false, "the demo indicator is internal")
            let internalSeries = try await MonitorLookup.series(
                indicator: internalCode, region: "PV24", audience: .internal, on: app.db)
            let values = internalSeries.compactMap(\.value)
            XCTAssertFalse(values.isEmpty, "the monitor has values for it")
            let publicSeries = try await MonitorLookup.series(
                indicator: internalCode, region: "PV24", audience: .public, on: app.db)
            XCTAssertTrue(publicSeries.isEmpty)
            let publicIndicators = try await MonitorLookup.indicators(audience: .public, on: app.db)
            XCTAssertFalse(publicIndicators.contains { $0.code == internalCode })

            let plan = try await PlanRecord.query(on: app.db).filter(\.$key == Self.flever).first()!
            XCTAssertEqual(plan.planStatus, .vastgesteld)
            let target = try await TargetRecord.query(on: app.db).filter(\.$plan.$id == plan.id!).filter(
                \.$key == "AO.t3"
            ).first()!
            target.indicatorCode = internalCode
            try await target.save(on: app.db)
            let node = try await GoalNodeRecord.query(on: app.db).filter(\.$plan.$id == plan.id!).filter(
                \.$key == target.nodeKey
            ).first()!
            let link = IndicatorLinkRecord()
            link.$node.id = node.id!
            link.indicatorCode = internalCode
            link.monitoringType = "proces"
            link.note = "Geheime toelichting"
            try await link.create(on: app.db)
            let latest = try XCTUnwrap(internalSeries.last { $0.value != nil })
            let shown = PlanViews.number(latest.value!)

            let anonymous = Browser(app)
            let page = try await anonymous.get("/plannen/\(Self.flever)/doelstellingen/AO.t3")
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.body.contains("nog geen realisatie"), "no Stand for the public")
            XCTAssertTrue(page.body.contains("Nog geen realisaties."))
            XCTAssertFalse(page.body.contains(internalCode))
            let tree = try await anonymous.get("/plannen/\(Self.flever)")
            XCTAssertFalse(tree.body.contains(internalCode))
            XCTAssertFalse(tree.body.contains("Geheime toelichting"))
            let api = try await anonymous.get("/api/v1/plans/\(Self.flever)/targets")
            let dto = try JSONDecoder().decode([PlanAPIController.TargetDTO].self, from: Data(api.body.utf8))
            let t = try XCTUnwrap(dto.first { $0.key == "AO.t3" })
            XCTAssertTrue(t.realisations.isEmpty)
            XCTAssertNil(t.currentValue)
            XCTAssertEqual(t.indicatorCode, PlanStore.maskedIndicator)
            let detail = try await anonymous.get("/api/v1/plans/\(Self.flever)")
            XCTAssertFalse(detail.body.contains(internalCode))
            XCTAssertFalse(detail.body.contains("Geheime toelichting"))
            let csv = try await anonymous.get("/plannen/\(Self.flever)/doelstellingen.csv")
            let row = try XCTUnwrap(csv.body.split(whereSeparator: \.isNewline).first { $0.hasPrefix("AO.t3;") })
            let columns = row.split(separator: ";", omittingEmptySubsequences: false)
            XCTAssertEqual(columns[10], "", "no Stand in the CSV: \(row)")
            let report = try await anonymous.get("/plannen/\(Self.flever)/rapport")
            XCTAssertFalse(report.body.contains(internalCode))

            let (email, password) = try await TestApp.user(app, role: .lezer, organisation: "provincie-flevoland")
            let reader = Browser(app)
            try await reader.login(email, password)
            let internalPage = try await reader.get("/plannen/\(Self.flever)/doelstellingen/AO.t3")
            XCTAssertTrue(internalPage.body.contains("monitorindicator \(internalCode)"))
            XCTAssertTrue(internalPage.body.contains(shown), "a logged-in reader sees the monitor's value \(shown)")
        }
    }

    /// Count indicators: what plans read for the public follows the monitor's own rule (one rule
    /// for every consumer): a value below 5 is nil, and in every period in which something is hidden,
    /// the province total minus the published municipalities reveals no single hidden value.
    func testPublicSeriesSuppressesSmallCountsAndWhatWouldRevealThem() async throws {
        try await TestApp.with { app in
            try await TestApp.seedFoundation(app)
            try await MonitorFeature().loadDemoData(app: app, log: { _ in })
            let code = "tz_werkgevers_vrijwilligersverlof"
            let urk = try await MonitorLookup.series(indicator: code, region: "GM0184", audience: .internal, on: app.db)
            let small = urk.filter { ($0.value ?? 99) < 5 }
            XCTAssertFalse(small.isEmpty, "Urk has values below 5 in the demo")
            let urkPublic = try await MonitorLookup.series(
                indicator: code, region: "GM0184", audience: .public, on: app.db)
            for p in small {
                XCTAssertNil(urkPublic.first { $0.period == p.period }?.value, "Urk \(p.period) suppressed")
            }
            let municipalities = ["GM0034", "GM0995", "GM0303", "GM0171", "GM0050", "GM0184"]
            var published: [String: [String: Double?]] = [:]
            for region in municipalities + ["PV24"] {
                for point in try await MonitorLookup.series(
                    indicator: code, region: region, audience: .public, on: app.db)
                {
                    published[point.period, default: [:]][region] = point.value
                }
            }
            for p in small {
                let row = published[p.period] ?? [:]
                let hiddenParts = municipalities.filter { (row[$0] ?? nil) == nil }
                let totalShown = (row["PV24"] ?? nil) != nil
                XCTAssertTrue(
                    !totalShown || hiddenParts.count >= 2,
                    "\(p.period): total shown with only \(hiddenParts) hidden — the hidden value would be total − the rest"
                )
            }
            // A public indicator that is not a count is returned as stored.
            let inflow = try await MonitorLookup.series(
                indicator: "az_instroom", region: "PV24", audience: .public, on: app.db)
            let inflowInternal = try await MonitorLookup.series(
                indicator: "az_instroom", region: "PV24", audience: .internal, on: app.db)
            XCTAssertEqual(inflow, inflowInternal)
        }
    }

    func testATargetCanOnlyUseAnExistingPublicIndicator() async throws {
        try await TestApp.with { app in
            let browser = try await PlansInputTests.setUp(app)
            try await MonitorFeature().loadDemoData(app: app, log: { _ in })
            let before = try await PlansInputTests.counts(app)
            let base = [
                "node": "VVI.A1", "measure": "Mijlpalen", "unit": "%", "direction": "increase", "baselineValue": "0",
                "baselineDate": "2026-01-01", "targetValue": "80", "targetDate": "2026-12-31"
            ]
            var internalForm = base
            internalForm["indicator"] = "tz_mijlpalen"
            let internalTarget = try await browser.post("/plannen/\(Self.next)/doelstellingen", internalForm)
            XCTAssertEqual(internalTarget.status, .unprocessableEntity, internalTarget.body)
            XCTAssertTrue(
                internalTarget.body.contains("indicator tz_mijlpalen (Behaalde mijlpalen monitoringsplan) is intern"),
                internalTarget.body)
            var unknown = base
            unknown["indicator"] = "bestaat_niet"
            let unknownTarget = try await browser.post("/plannen/\(Self.next)/doelstellingen", unknown)
            XCTAssertEqual(unknownTarget.status, .unprocessableEntity)
            XCTAssertTrue(unknownTarget.body.contains("bestaat niet in de monitor"), unknownTarget.body)
            let after = try await PlansInputTests.counts(app)
            XCTAssertEqual(before, after, "nothing written")
            var publicForm = base
            publicForm["indicator"] = "az_instroom"
            let ok = try await browser.post("/plannen/\(Self.next)/doelstellingen", publicForm)
            XCTAssertEqual(ok.status, .seeOther, ok.body)
        }
    }

    // MARK: L3 four eyes

    func testTheSubmitterCannotAdoptOrCloseAloneABeheerderAdoptsASecondEditorCloses() async throws {
        try await TestApp.with { app in
            let submitter = try await PlansInputTests.setUp(app)
            let submitted = try await submitter.post("/plannen/\(Self.next)/status", ["status": "ingediend"])
            XCTAssertEqual(submitted.status, .seeOther, submitted.body)
            let record = try await PlanRecord.query(on: app.db).filter(\.$key == Self.next).first()!
            let submitterUser = try await User.query(on: app.db).filter(\.$email == "redacteur-flever@test.example")
                .first()!
            XCTAssertEqual(record.submittedByID, submitterUser.id)
            let refused = try await submitter.post("/plannen/\(Self.next)/status", ["status": "vastgesteld"])
            XCTAssertEqual(refused.status, .forbidden)
            XCTAssertTrue(refused.body.contains("Vier-ogenprincipe: u hebt dit plan zelf ingediend"), refused.body)
            let still = try await PlanStore.load(key: Self.next, on: app.db).plan.status
            XCTAssertEqual(still, .ingediend)

            let (email, password) = try await TestApp.user(
                app, role: .redacteur, organisation: "flever", email: "tweede@flever.example")
            let second = Browser(app)
            try await second.login(email, password)
            // #16: a second editor of the same organisation is no vaststeller; a beheerder adopts.
            let notAdopted = try await second.post("/plannen/\(Self.next)/status", ["status": "vastgesteld"])
            XCTAssertEqual(notAdopted.status, .forbidden)
            XCTAssertTrue(notAdopted.body.contains("Vier-ogenprincipe"), notAdopted.body)
            let (adminEmail, adminPassword) = try await TestApp.user(
                app, role: .beheerder, organisation: "provincie-flevoland")
            let admin = Browser(app)
            try await admin.login(adminEmail, adminPassword)
            let adopted = try await admin.post("/plannen/\(Self.next)/status", ["status": "vastgesteld"])
            XCTAssertEqual(adopted.status, .seeOther, adopted.body)
            let closeAlone = try await submitter.post("/plannen/\(Self.next)/status", ["status": "afgesloten"])
            XCTAssertEqual(closeAlone.status, .forbidden, "the submitter cannot close it either")
            let closed = try await second.post("/plannen/\(Self.next)/status", ["status": "afgesloten"])
            XCTAssertEqual(closed.status, .seeOther, closed.body)
            let audit = try await AuditEntry.query(on: app.db).filter(\.$action == "status").sort(\.$at).all()
            XCTAssertEqual(audit.map(\.actor), ["redacteur-flever@test.example", adminEmail, "tweede@flever.example"])
            XCTAssertTrue(audit[0].summary.contains("ingediend door redacteur-flever@test.example"))
        }
    }

    // MARK: H3 attributes

    func testNewNodeKeysAreMadeByTheTreeEditorAndStoredKeysAndLinksAreEscaped() async throws {
        try await TestApp.with { app in
            let browser = try await PlansInputTests.setUp(app)
            let newNode = PlanURL.newNode(plan: .value(Self.next)).path
            // The tree editor makes every key itself: a key sent with the form is not used.
            let hostile = try await browser.post(
                newNode,
                ["key": "x\"><meta http-equiv=refresh>", "parent": "VVI.doel2025", "level": "4", "title": "Kwaad"])
            XCTAssertEqual(hostile.status, .seeOther, hostile.body)
            let nodes = try await PlanStore.load(key: Self.next, audience: .internal, on: app.db).plan.nodes
            let made = try XCTUnwrap(nodes.first { $0.title == "Kwaad" })
            XCTAssertNotNil(
                made.key.range(of: #"^[A-Za-z0-9._&-]+$"#, options: .regularExpression), "made key \(made.key)")
            XCTAssertTrue(made.key.hasPrefix("VVI.doel2025."), made.key)
            let level = try await browser.post(
                newNode, ["parent": "VVI.doel2025", "level": "99", "title": "Te diep"])
            XCTAssertEqual(level.status, .unprocessableEntity)
            XCTAssertTrue(level.body.contains("Niveau moet tussen 0 en 4 liggen"), level.body)

            // A key stored before the rule (inserted directly) and a published plan: escaped in every attribute.
            let plan = try await PlanRecord.query(on: app.db).filter(\.$key == Self.flever).first()!
            let node = try await GoalNodeRecord.query(on: app.db).filter(\.$plan.$id == plan.id!).filter(
                \.$key == "VVI.A1"
            ).first()!
            let target = try await TargetRecord.query(on: app.db).filter(\.$plan.$id == plan.id!).filter(
                \.$key == "VVI.t1"
            ).first()!
            XCTAssertEqual(target.nodeKey, "VVI.A1")
            let evil = "A\"><b>x"
            node.key = evil
            try await node.save(on: app.db)
            target.nodeKey = evil
            target.key = evil + ".t1"
            try await target.save(on: app.db)
            let anonymous = Browser(app)
            let page = try await anonymous.get("/plannen/\(Self.flever)")
            XCTAssertEqual(page.status, .ok)
            XCTAssertFalse(page.body.contains("A\"><b>x"), "no raw quote from a key in the page")
            // Links are made by PlanURL: the key is one percent-encoded path segment (no quote, no angle bracket).
            let link = PlanURL.target(plan: .value(Self.flever), target: .value(evil + ".t1")).path
            XCTAssertEqual(link, "/plannen/\(Self.flever)/doelstellingen/A%22%3E%3Cb%3Ex.t1")
            XCTAssertTrue(page.body.contains("href=\"\(link)\""), "the link is the typed URL")
        }
    }

    func testEvidenceLinksMustBeWebAddressesAndStoredOnesAreNotRenderedRaw() async throws {
        try await TestApp.with { app in
            try await TestApp.seedFoundation(app)
            try await PlansFeature().loadDemoData(app: app, log: { _ in })
            let (email, password) = try await TestApp.user(app, role: .redacteur, organisation: "flever")
            let editor = Browser(app)
            try await editor.login(email, password)
            let path = "/plannen/\(Self.flever)/doelstellingen/VVI.t1/realisaties"
            for bad in ["javascript:alert(1)", "http://", "https://user:pw@x.example/", "x.example/verslag"] {
                let r = try await editor.postWithHeader(path, ["value": "1", "date": "2025-03-01", "evidenceLink": bad])
                XCTAssertEqual(r.status, .unprocessableEntity, bad)
                XCTAssertTrue(r.body.contains("evidenceLink"), bad)
            }
            let good = try await editor.postWithHeader(
                path, ["value": "1", "date": "2025-03-01", "evidenceLink": "https://flever.example/verslag?id=3&x=1"])
            XCTAssertEqual(good.status, .seeOther, good.body)
            // A link with quote and angle brackets is stored as URLComponents writes it again: encoded.
            let quoted = try await editor.postWithHeader(
                path, ["value": "2", "date": "2025-03-02", "evidenceLink": "https://x.example/\"><b>"])
            XCTAssertEqual(quoted.status, .seeOther, quoted.body)
            let stored = try await RealisationRecord.query(on: app.db).filter(\.$value == 2).filter(
                \.$createdBy == email
            ).first()
            let link = try XCTUnwrap(stored?.evidenceLink)
            XCTAssertTrue(link.hasPrefix("https://x.example/"), link)
            XCTAssertFalse(link.contains("\"") || link.contains("<") || link.contains(">"), link)
            // Stored before the rule: a link with a quote is not put into href.
            let row = try await RealisationRecord.query(on: app.db).filter(\.$value == 1).filter(\.$createdBy == email)
                .first()!
            row.evidenceLink = "https://x.example/\"><b>boos</b>"
            try await row.save(on: app.db)
            let page = try await editor.get("/plannen/\(Self.flever)/doelstellingen/VVI.t1")
            XCTAssertEqual(page.status, .ok)
            XCTAssertFalse(page.body.contains("<b>boos"))
            XCTAssertFalse(page.body.contains("x.example/\""))
        }
    }

    // MARK: M8 CSV

    func testATargetMeasureThatLooksLikeAFormulaIsNeutralisedInTheCSV() async throws {
        try await TestApp.with { app in
            let browser = try await PlansInputTests.setUp(app)
            let r = try await browser.post(
                "/plannen/\(Self.next)/doelstellingen",
                [
                    "node": "VVI.A1", "measure": "=HYPERLINK(\"https://evil.example\")", "unit": "x",
                    "direction": "count",
                    "baselineValue": "0", "baselineDate": "2026-01-01", "targetValue": "3", "targetDate": "2026-12-31"
                ])
            XCTAssertEqual(r.status, .seeOther, r.body)
            let csv = try await browser.get("/plannen/\(Self.next)/doelstellingen.csv")
            XCTAssertEqual(csv.status, .ok)
            XCTAssertTrue(csv.body.contains("'=HYPERLINK("), csv.body)
            XCTAssertFalse(csv.body.contains(";=HYPERLINK("))
        }
    }

    // MARK: Cross-organisation writes

    func testAnEditorOfAnotherOrganisationIsRefusedOnTargetsNodesAndIndicatorLinks() async throws {
        try await TestApp.with { app in
            _ = try await PlansInputTests.setUp(app)  // Flever's concept copy
            try await MonitorFeature().loadDemoData(app: app, log: { _ in })
            let (email, password) = try await TestApp.user(app, role: .redacteur, organisation: "gemeente-almere")
            let other = Browser(app)
            try await other.login(email, password)
            let before = try await PlansInputTests.counts(app)
            let links = try await IndicatorLinkRecord.query(on: app.db).count()
            let writes: [(String, [String: String])] = [
                (
                    "/plannen/\(Self.next)/doelstellingen",
                    [
                        "node": "VVI.A1", "measure": "X", "unit": "x", "direction": "count", "baselineValue": "0",
                        "baselineDate": "2026-01-01", "targetValue": "3", "targetDate": "2026-12-31"
                    ]
                ),
                (
                    PlanURL.newNode(plan: .value(Self.next)).path,
                    ["parent": "VVI.doel2025", "level": "4", "title": "Van een ander"]
                ),
                (
                    "/plannen/\(Self.next)/doelen/VVI.A1/indicatoren",
                    ["action": "koppelen", "indicator": "az_instroom", "monitoringType": "output"]
                )
            ]
            for (path, form) in writes {
                let r = try await other.post(path, form)
                XCTAssertEqual(r.status, .forbidden, path)
                XCTAssertTrue(r.body.contains("eigen organisatie"), path)
            }
            let after = try await PlansInputTests.counts(app)
            XCTAssertEqual(before, after)
            let linksAfter = try await IndicatorLinkRecord.query(on: app.db).count()
            XCTAssertEqual(links, linksAfter)
        }
    }

    // MARK: Bounded SMART values

    func testTargetAndRealisationValuesAreBounded() async throws {
        try await TestApp.with { app in
            let browser = try await PlansInputTests.setUp(app)
            let r = try await browser.post(
                "/plannen/\(Self.next)/doelstellingen",
                [
                    "node": "VVI.A1", "measure": "Veel", "unit": "x", "direction": "count", "baselineValue": "0",
                    "baselineDate": "2026-01-01", "targetValue": "1e300", "targetDate": "2026-12-31"
                ])
            XCTAssertEqual(r.status, .unprocessableEntity)
            XCTAssertTrue(r.body.contains("Streefwaarde: \"1e300\" is geen getal"), r.body)
            let big = try await browser.post(
                "/plannen/\(Self.next)/doelstellingen",
                [
                    "node": "VVI.A1", "measure": "Veel", "unit": "x", "direction": "count", "baselineValue": "0",
                    "baselineDate": "2026-01-01", "targetValue": "10000000000000", "targetDate": "2026-12-31"
                ])
            XCTAssertEqual(big.status, .unprocessableEntity)
            XCTAssertTrue(
                big.body.contains("Streefwaarde moet tussen -1.000.000.000.000 en 1.000.000.000.000 liggen"), big.body)
            let realisation = try await browser.postWithHeader(
                "/plannen/\(Self.flever)/doelstellingen/VVI.t1/realisaties",
                ["value": "99999999999999999999", "date": "2025-03-01"])
            XCTAssertEqual(realisation.status, .unprocessableEntity)
            XCTAssertTrue(realisation.body.contains("Waarde moet tussen"), realisation.body)
        }
    }

    // MARK: M5 PDF

    func testPDFRenderGateAllowsTwoAtOnceAndRefusesAThirdAfterWaiting() async throws {
        let gate = RenderGate(limit: 2)
        let first = await gate.acquire(waiting: .milliseconds(10))
        let second = await gate.acquire(waiting: .milliseconds(10))
        XCTAssertTrue(first && second)
        let third = await gate.acquire(waiting: .milliseconds(50))
        XCTAssertFalse(third, "over the limit: refused after the wait")
        let waiting = await gate.waiting
        XCTAssertEqual(waiting, 0)
        // A waiter gets the slot that is released.
        async let fourth = gate.acquire(waiting: .seconds(5))
        try await Task.sleep(for: .milliseconds(50))
        await gate.release()
        let got = await fourth
        XCTAssertTrue(got)
        let active = await gate.active
        XCTAssertEqual(active, 2)
    }

    func testPDFCacheIsBoundedAndThePDFPageMayLoadNothing() async throws {
        let cache = PDFCache(maxEntries: 2, maxBytes: 1000)
        await cache.store(Data(repeating: 1, count: 100), for: "a")
        await cache.store(Data(repeating: 2, count: 100), for: "b")
        await cache.store(Data(repeating: 3, count: 100), for: "c")
        let count = await cache.count
        XCTAssertEqual(count, 2)
        let a = await cache.pdf(for: "a")
        let c = await cache.pdf(for: "c")
        XCTAssertNil(a, "the oldest went")
        XCTAssertEqual(c?.first, 3)
        await cache.store(Data(repeating: 4, count: 2000), for: "d")
        let d = await cache.pdf(for: "d")
        XCTAssertNil(d, "larger than the cache: not kept")
        let bytes = await cache.totalBytes
        XCTAssertLessThanOrEqual(bytes, 1000)

        let html = PlanReportController.standalone(
            "<html><head><link rel=\"stylesheet\" href=\"/static/vitaal.css\"/></head><body></body></html>")
        XCTAssertTrue(
            html.hasPrefix("<html><head><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"),
            html.prefix(200).description)
        XCTAssertFalse(html.contains("/static/vitaal.css"))
        let args = PlanReportController.chromiumArguments(
            profile: "/tmp/p", pdf: "/tmp/r.pdf", html: "file:///tmp/r.html", asRoot: false)
        XCTAssertTrue(args.contains("--disable-javascript"))
        XCTAssertFalse(args.contains("--blink-settings=scriptEnabled=false"), "Chromium writes no PDF with it")
        XCTAssertFalse(args.contains("--no-sandbox"))
        XCTAssertEqual(args.last, "file:///tmp/r.html")
    }
}
