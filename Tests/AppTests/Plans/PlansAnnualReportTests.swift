import Fluent
import VitaalDomain
import XCTVapor
import XCTest

@testable import AppCore
@testable import PlansFeature

/// #16: the two report kinds (voortgangsrapportage, jaarverslag of a year with its authored texts) and
/// the province's contributions across plans (page, CSV, API, visibility), through the real app.
final class PlansAnnualReportTests: XCTestCase {
    static let flever = Fixtures.fleverPlan

    func testAnnualReportShowsTheYearAndItsTextsAreWrittenThroughTheForm() async throws {
        try await Fixtures.withPlans { app in
            let report = "/plannen/\(Self.flever)/rapport"
            let anonymous = Browser(app)
            // The year's realisations against the year's target of a demo target, by the status rule.
            let annual = try await anonymous.get("\(report)?soort=jaarverslag&jaar=2025")
            XCTAssertEqual(annual.status, .ok)
            XCTAssertTrue(annual.body.contains("Jaarverslag 2025: Jaarplan Flever 2025"))
            XCTAssertTrue(
                annual.body.contains("Jaarverslag 2025 van het plan voor 01-01-2025 t/m 31-12-2025, opgesteld"))
            let loaded = try await Fixtures.loadedPlan(app)
            let year = AnnualReport(plan: loaded.plan, year: 2025)
            let row = try XCTUnwrap(year.goals.flatMap(\.targets).first { $0.target.key == "AO.t2" })
            XCTAssertEqual(row.realisations.map(\.value), [1, 2])
            XCTAssertEqual(row.valueAtYearEnd, 3)
            XCTAssertEqual(row.status, .achieved)
            let sectortafel = try XCTUnwrap(
                annual.body.components(separatedBy: "Bijeenkomsten sectortafel Zorg en Welzijn").dropFirst().first)
            let cells = String(sectortafel.prefix(900))
            for text in [
                "aantal keer 3 bijeenkomsten (einddoel)", "1 (15-03-2025); 2 (15-06-2025)", "plan-status-achieved"
            ] {
                XCTAssertTrue(cells.contains(text), "\(text) in \(cells)")
            }
            // Budget versus actual of 2025 only: the 2025 columns, not Werkelijk 2023 or Begroting 2024.
            XCTAssertTrue(annual.body.contains("Begroting Flever 2025: kolommen van 2025"))
            XCTAssertTrue(annual.body.contains("Begroting 2025"))
            XCTAssertFalse(annual.body.contains("Begroting 2024"))
            XCTAssertFalse(annual.body.contains("Werkelijk 2023"))
            XCTAssertEqual(annual.body.components(separatedBy: "Nog niet geschreven voor 2025.").count, 3)
            XCTAssertFalse(annual.body.contains("Geleerde lessen en evaluatie schrijven"), "anonymous cannot write")
            // The progress report stays the progress report; bad kinds and years are refused by name.
            let progress = try await anonymous.get(report)
            XCTAssertTrue(progress.body.contains("Voortgangsrapportage: Jaarplan Flever 2025"))
            XCTAssertFalse(progress.body.contains("id=\"geleerde-lessen\""))
            let badKind = try await anonymous.get("\(report)?soort=jaarboek")
            XCTAssertEqual(badKind.status, .unprocessableEntity)
            XCTAssertTrue(badKind.body.contains("Soort rapportage: kies"), badKind.body)
            let badYear = try await anonymous.get("\(report)?soort=jaarverslag&jaar=2031")
            XCTAssertEqual(badYear.status, .unprocessableEntity)
            XCTAssertTrue(badYear.body.contains("Jaar: 2031 is geen jaar van dit plan; kies 2025"), badYear.body)

            // A reader of another organisation may not write the texts.
            let (readerEmail, readerPassword) = try await TestApp.user(
                app, role: .redacteur, organisation: "ggd-flevoland")
            let other = Browser(app)
            try await other.login(readerEmail, readerPassword)
            let texts = "/plannen/\(Self.flever)/jaarverslag/2025"
            let refused = try await other.post(texts, ["geleerde_lessen": "x", "evaluatie": "y"])
            XCTAssertEqual(refused.status, .forbidden)

            // Flever's editor: the form, an empty and an over-long text refused next to their fields.
            let (email, password) = try await TestApp.user(app, role: .redacteur, organisation: "flever")
            let editor = Browser(app)
            try await editor.login(email, password)
            let withLink = try await editor.get("\(report)?soort=jaarverslag")
            XCTAssertTrue(withLink.body.contains("href=\"\(texts)\""), "the editor gets the link to the texts")
            let form = try await editor.get(texts)
            XCTAssertEqual(form.status, .ok)
            XCTAssertTrue(form.body.contains("name=\"geleerde_lessen\""))
            let long = String(repeating: "a", count: AnnualReflection.maxLength + 1)
            let bad = try await editor.post(texts, ["geleerde_lessen": "   ", "evaluatie": long])
            XCTAssertEqual(bad.status, .unprocessableEntity)
            XCTAssertTrue(bad.body.contains("Geleerde lessen: vul deze tekst in"), bad.body)
            XCTAssertTrue(bad.body.contains("Evaluatie: ten hoogste 10.000 tekens (nu 10.001)"))
            XCTAssertTrue(bad.body.contains("id=\"f-geleerde_lessen-error\""), bad.body)
            XCTAssertTrue(bad.body.contains(long), "the sent text comes back in the form")
            var stored = try await PlanYearReflectionRecord.query(on: app.db).count()
            XCTAssertEqual(stored, 0, "nothing is written")
            let badYearForm = try await editor.get("/plannen/\(Self.flever)/jaarverslag/2024")
            XCTAssertEqual(badYearForm.status, .notFound)

            // Saved, audited, shown in the annual report with paragraphs; saving again changes the row.
            let saved = try await editor.post(
                texts,
                [
                    "geleerde_lessen": "Vroeg beginnen met de sectortafel werkt.\r\n\r\nGemeenten eerder betrekken.",
                    "evaluatie": "Een goed jaar <met> resultaat."
                ])
            XCTAssertEqual(saved.status, .seeOther, saved.body)
            XCTAssertEqual(saved.location, "\(report)?soort=jaarverslag&jaar=2025&melding=teksten-opgeslagen")
            let shown = try await editor.get(try XCTUnwrap(saved.location))
            XCTAssertTrue(shown.body.contains("Geleerde lessen en evaluatie opgeslagen."))
            XCTAssertTrue(shown.body.contains("<p>Vroeg beginnen met de sectortafel werkt.</p><p>Gemeenten eerder"))
            XCTAssertTrue(shown.body.contains("Een goed jaar &lt;met&gt; resultaat."))
            XCTAssertTrue(shown.body.contains("Laatst opgeslagen door Test Redacteur op 1 december 2025"), shown.body)
            let again = try await editor.post(texts, ["geleerde_lessen": "Anders.", "evaluatie": "Beter."])
            XCTAssertEqual(again.status, .seeOther)
            stored = try await PlanYearReflectionRecord.query(on: app.db).count()
            XCTAssertEqual(stored, 1)
            let row2 = try await PlanYearReflectionRecord.query(on: app.db).first()
            XCTAssertEqual(row2?.lessons, "Anders.")
            let audit = try await AuditEntry.query(on: app.db).filter(\.$entity == "jaarverslag").all()
            XCTAssertEqual(audit.map(\.action).sorted(), ["aangemaakt", "gewijzigd"])
            let publicView = try await anonymous.get("\(report)?soort=jaarverslag&jaar=2025")
            XCTAssertTrue(publicView.body.contains("<p>Anders.</p>"), "published plan: the texts are public")
        }
    }

    func testProvinceContributionsAcrossPlans() async throws {
        try await Fixtures.withPlans { app in
            // A concept copy of Flever's plan for 2026 carries the same subsidy line: only logged-in readers
            // may count it.
            let (email, password) = try await TestApp.user(app, role: .redacteur, organisation: "flever")
            let editor = Browser(app)
            try await editor.login(email, password)
            let copy = try await editor.post("/plannen/\(Self.flever)/kopie")
            XCTAssertEqual(copy.status, .seeOther, copy.body)
            let conceptKey = PlansInputTests.next
            XCTAssertTrue(copy.location?.hasPrefix("/plannen/\(conceptKey)") == true)
            let tables = "/plannen/\(conceptKey)/begrotingstabellen"
            let added = try await editor.post(
                tables, ["titel": "Begroting 2026", "eenheid": "euro", "jaar": "2026", "programma": ""])
            XCTAssertEqual(added.status, .seeOther, added.body)
            let line = try await editor.post(
                "\(try XCTUnwrap(added.location))/regels",
                [
                    "regel.sectie": "baten", "regel.label": "Subsidie Provincie Flevoland (langlopend)",
                    "regel.categorie": "subsidieProvincie"
                ])
            XCTAssertEqual(line.status, .seeOther, line.body)

            // Expected totals from the stored lines of the published plans, added up here by hand.
            let plans = try await PlanRecord.query(on: app.db).all()
            let published = Set(plans.filter { [.vastgesteld, .afgesloten].contains($0.planStatus) }.compactMap(\.id))
            let tableRecords = try await BudgetTableRecord.query(on: app.db).all()
            let entries = try await BudgetEntryRecord.query(on: app.db).filter(\.$category == "subsidieProvincie").all()
            XCTAssertFalse(entries.isEmpty)
            var budgetPerYear: [Int: Int] = [:]
            var actualPerYear: [Int: Int] = [:]
            for table in tableRecords where table.key == "flever-2025" && published.contains(table.$plan.id) {
                for entry in entries
                where entry.$table.id == table.id && entry.columnKey != BudgetEntryRecord.totalColumn {
                    let year = try XCTUnwrap(Int(entry.columnKey))
                    if entry.kind == "actual" {
                        actualPerYear[year, default: 0] += entry.amountCents ?? 0
                    } else {
                        budgetPerYear[year, default: 0] += entry.amountCents ?? 0
                    }
                }
            }
            // Flever 2025 per programme: 197 + 363 + 444 + 243 = 1.247 (× € 1.000), the same as its first table.
            XCTAssertEqual(budgetPerYear, [2024: 119_000_000, 2025: 124_700_000])
            XCTAssertEqual(actualPerYear, [2023: 114_200_000])

            let anonymous = Browser(app)
            let api = try await anonymous.get("/api/v1/plans/contributions")
            XCTAssertEqual(api.status, .ok)
            let json = try JSONDecoder().decode(ContributionsDTO.self, from: Data(api.body.utf8))
            XCTAssertEqual(json.sources, ["Subsidie Provincie Flevoland (langlopend)"])
            XCTAssertEqual(json.years, [2023, 2024, 2025])
            XCTAssertEqual(json.totalsPerYear.map(\.year), [2023, 2024, 2025])
            XCTAssertEqual(
                json.totalsPerYear.map(\.amounts.budgetCents), [nil, budgetPerYear[2024], budgetPerYear[2025]])
            XCTAssertEqual(json.totalsPerYear[0].amounts.actualCents, actualPerYear[2023])
            XCTAssertEqual(json.total.budgetCents, budgetPerYear.values.reduce(0, +))
            XCTAssertEqual(json.cells.first { $0.year == 2025 }?.plans.map(\.plan), [Self.flever])
            XCTAssertTrue(json.notes.isEmpty, "the per-programme table adds up to the same 1.247")

            // The page: matrix with totals, each cell linking to its plans; the concept plan only when logged in.
            let page = try await anonymous.get("/plannen/bijdragen")
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.body.contains("href=\"#herkomst-0-2025\">€ 1.247.000</a>"), page.body)
            XCTAssertTrue(page.body.contains("<strong>€ 2.437.000</strong>"), "1.190.000 + 1.247.000")
            XCTAssertTrue(page.body.contains("id=\"herkomst-0-2025\""))
            XCTAssertFalse(page.body.contains(conceptKey), "anonymous visitors do not see the concept")
            let csv = try await anonymous.get("/plannen/bijdragen.csv")
            XCTAssertEqual(csv.headers.first(name: .contentType), "text/csv; charset=utf-8")
            XCTAssertTrue(
                csv.body.contains(
                    "Subsidie Provincie Flevoland (langlopend);2025;\(Self.flever);Jaarplan Flever 2025;Flever;1247000;;"
                        + "Begroting Flever 2025;"), csv.body)
            XCTAssertFalse(csv.body.contains(conceptKey))

            let mine = try await editor.get("/plannen/bijdragen")
            XCTAssertTrue(
                mine.body.contains("href=\"/plannen/\(conceptKey)/begroting\""), "logged in: the concept counts")
            let mineAPI = try await editor.get("/api/v1/plans/contributions")
            let mineJSON = try JSONDecoder().decode(ContributionsDTO.self, from: Data(mineAPI.body.utf8))
            XCTAssertEqual(mineJSON.years, [2023, 2024, 2025, 2026])
            XCTAssertEqual(mineJSON.totalsPerYear.last?.amounts.budgetCents, 0, "the new line has no amount yet")

            // Linked from the plans list and the dashboard.
            let list = try await anonymous.get("/plannen")
            XCTAssertTrue(list.body.contains("href=\"/plannen/bijdragen\""))
            let dashboard = try await editor.get("/plannen/dashboard")
            XCTAssertTrue(dashboard.body.contains("href=\"/plannen/bijdragen\""))
            // The P&C calendar links the deadlines to the matching reports.
            let calendar = try await editor.get("/plannen/kalender?jaar=2026")
            XCTAssertTrue(
                calendar.body.contains("href=\"/plannen/\(Self.flever)/rapport?soort=jaarverslag&amp;jaar=2025\""),
                calendar.body)
        }
    }
}

/// HTML snapshots of the #16 pages: the jaarverslag, its texts form with errors, the contributions.
final class PlansAnnualReportSnapshotTests: XCTestCase {
    func testAnnualReportTextsFormAndContributions() async throws {
        try await Fixtures.withPlans { app in
            let loaded = try await PlanStore.load(key: Fixtures.fleverPlan, audience: .public, on: app.db)
            let reportContext = Fixtures.context(path: PlanURL.report(plan: .value(loaded.key)).path)
            var model = await ReportPage.Model.load(
                loaded, kind: .jaarverslag, viewer: nil, now: Fixtures.now, forPDF: false, pdfAvailable: false,
                year: 2025, on: app.db)
            model.annual = try await ReportPage.Annual.load(loaded, year: 2025, canEdit: false, links: true, on: app.db)
            assertSnapshot(
                Layout.document(page: ReportPage.view(model, reportContext), context: reportContext),
                named: "Plans/annual-report")

            let editor = Fixtures.editor(of: loaded)
            var refused = VitaalError(.invalidInput, "")
            do {
                _ = try AnnualReflection(lessons: "", evaluation: "Goed jaar.")
                return XCTFail("an empty text is refused")
            } catch let error as VitaalError { refused = error }
            let form = YearReportTextsPage.Model(
                loaded, year: 2025,
                form: PlanForm(values: ["geleerde_lessen": "", "evaluatie": "Goed jaar."], refused: refused))
            let formContext = Fixtures.context(viewer: editor, path: form.action, csrfToken: "token")
            let page = YearReportTextsPage.view(form, formContext)
            XCTAssertEqual(page.status, .unprocessableEntity)
            let html = Layout.document(page: page, context: formContext)
            XCTAssertTrue(html.contains("id=\"f-geleerde_lessen-error\""), html)
            assertSnapshot(html, named: "Plans/year-report-texts-errors")

            let contributions = try await ContributionsPage.Model.load(viewer: nil, on: app.db)
            let context = Fixtures.context(path: PlanURL.contributions.path)
            assertSnapshot(
                Layout.document(page: ContributionsPage.view(contributions, context), context: context),
                named: "Plans/contributions")
        }
    }
}
