import Fluent
import VitaalDomain
import XCTVapor
import XCTest

@testable import AppCore
@testable import PlansFeature

/// Budget structure (#16) through the real forms: a table, lines and a column added, amounts and
/// actuals entered, budget versus actual like with like, removing; bad input refused next to the
/// field with nothing written; other organisations and non-concept plans refused.
final class PlansBudgetEditTests: XCTestCase {
    static let next = PlansInputTests.next

    struct Shape: Equatable {
        var tables: Int
        var entries: Int
        var cells: [String?]
    }
    static func shape(_ app: Application) async throws -> Shape {
        let entries = try await BudgetEntryRecord.query(on: app.db).sort(\.$id).all()
        return Shape(
            tables: try await BudgetTableRecord.query(on: app.db).count(), entries: entries.count,
            cells: entries.map { "\($0.cellKind)|\($0.amountCents.map(String.init) ?? "")|\($0.actualCents ?? -1)" })
    }

    func testTableLinesColumnAmountsActualsAndBudgetVersusActual() async throws {
        try await TestApp.with { app in
            let flever = try await PlansInputTests.setUp(app)
            let budget = "/plannen/\(Self.next)/begroting"
            let tables = "/plannen/\(Self.next)/begrotingstabellen"
            let page = try await flever.get(budget)
            XCTAssertTrue(page.body.contains("Begrotingstabel toevoegen"), page.body)

            // Bad table input: every problem next to its field, nothing written.
            let before = try await Self.shape(app)
            let bad = try await flever.post(
                tables,
                ["titel": "  ", "eenheid": "gulden", "jaar": "twintig", "programma": String(repeating: "p", count: 41)])
            XCTAssertEqual(bad.status, .unprocessableEntity)
            for message in ["Titel ontbreekt", "Eenheid: kies euro of duizend euro", "Programma is te lang"] {
                XCTAssertTrue(bad.body.contains(message), message)
            }
            XCTAssertTrue(bad.body.contains("id=\"f-titel-error\""), bad.body)
            XCTAssertTrue(bad.body.contains("id=\"f-jaar-error\""), bad.body)
            let afterBad = try await Self.shape(app)
            XCTAssertEqual(before, afterBad)

            let added = try await flever.post(
                tables, ["titel": "Begroting Gezond Leven", "eenheid": "euro", "jaar": "2026", "programma": "GL"])
            XCTAssertEqual(added.status, .seeOther, added.body)
            XCTAssertEqual(added.location, "\(tables)/begroting-gezond-leven")
            let table = "\(tables)/begroting-gezond-leven"
            let structure = try await flever.get(table)
            XCTAssertTrue(structure.body.contains("Regel toevoegen"), structure.body)

            // Lines: bad, then two good ones.
            let badLine = try await flever.post(
                "\(table)/regels",
                ["regel.sectie": "winst", "regel.label": String(repeating: "r", count: 121), "regel.categorie": "x"])
            XCTAssertEqual(badLine.status, .unprocessableEntity)
            XCTAssertTrue(badLine.body.contains("Omschrijving is te lang (121 tekens); ten hoogste 120"), badLine.body)
            XCTAssertTrue(badLine.body.contains("Onderdeel: kies baten of lasten"), badLine.body)
            for (section, label, category) in [
                ("baten", "Subsidie provincie", "subsidieProvincie"), ("lasten", "Personeel", "personeel"),
                ("lasten", "Huisvesting", "huisvesting")
            ] {
                let line = try await flever.post(
                    "\(table)/regels", ["regel.sectie": section, "regel.label": label, "regel.categorie": category])
                XCTAssertEqual(line.status, .seeOther, line.body)
            }

            // A column: bad, then good.
            let badColumn = try await flever.post(
                "\(table)/kolommen", ["kolom.label": "", "kolom.jaar": "99999", "kolom.programma": ""])
            XCTAssertEqual(badColumn.status, .unprocessableEntity)
            XCTAssertTrue(badColumn.body.contains("Kolomnaam ontbreekt"), badColumn.body)
            XCTAssertTrue(badColumn.body.contains("id=\"f-kolom.jaar-error\""), badColumn.body)
            let column = try await flever.post(
                "\(table)/kolommen", ["kolom.label": "Begroting 2027", "kolom.jaar": "2027", "kolom.programma": "GL"])
            XCTAssertEqual(column.status, .seeOther, column.body)
            var loaded = try await PlanStore.load(key: Self.next, on: app.db)
            var stored = try XCTUnwrap(loaded.plan.budgets.first { $0.key == "begroting-gezond-leven" })
            XCTAssertEqual(stored.columns.map(\.key), ["gl-2026", "begroting-2027"])
            XCTAssertEqual(
                stored.sections.map { $0.lines.map(\.label) }, [["Subsidie provincie"], ["Personeel", "Huisvesting"]])
            XCTAssertTrue(stored.sections.allSatisfy { $0.lines.allSatisfy { $0.cells.count == 2 } })

            // Amounts and actuals through the line form: text and amounts over the limit refused.
            let subsidy = "\(budget)/begroting-gezond-leven/subsidie-provincie"
            let lineForm = try await flever.get(subsidy)
            XCTAssertEqual(lineForm.status, .ok, lineForm.body)
            let beforeAmounts = try await Self.shape(app)
            let text = try await flever.post(subsidy, ["cel.gl-2026": "veel", "cel.begroting-2027": "1.000"])
            XCTAssertEqual(text.status, .unprocessableEntity)
            XCTAssertTrue(text.body.contains("id=\"f-cel.gl-2026-error\""), "next to the field: \(text.body)")
            XCTAssertTrue(text.body.contains("value=\"veel\""), "the form as sent")
            let tooMuch = try await flever.post(subsidy, ["cel.gl-2026": "2.000.000.000.000", "cel.begroting-2027": ""])
            XCTAssertEqual(tooMuch.status, .unprocessableEntity)
            XCTAssertTrue(tooMuch.body.contains("1.000.000.000.000"), tooMuch.body)
            let afterRefused = try await Self.shape(app)
            XCTAssertEqual(beforeAmounts, afterRefused, "nothing written")
            let amounts = try await flever.post(
                subsidy, ["cel.gl-2026": "120.000", "cel.begroting-2027": "125.000", "werkelijk.gl-2026": "118.500,50"])
            XCTAssertEqual(amounts.status, .seeOther, amounts.body)
            let staff = try await flever.post(
                "\(budget)/begroting-gezond-leven/personeel",
                ["cel.gl-2026": "90.000", "cel.begroting-2027": "95.000", "werkelijk.gl-2026": "93.000"])
            XCTAssertEqual(staff.status, .seeOther, staff.body)
            let housing = try await flever.post(
                "\(budget)/begroting-gezond-leven/huisvesting", ["cel.gl-2026": "30.000", "cel.begroting-2027": ""])
            XCTAssertEqual(housing.status, .seeOther, housing.body)

            // Budget versus actual, like with like: Lasten compares only Personeel (90.000 vs 93.000),
            // Huisvesting has no actual and is named, not counted; 2027 has no actuals yet.
            let overview = try await flever.get(budget)
            XCTAssertTrue(overview.body.contains("Begroting en werkelijk: Begroting Gezond Leven"), overview.body)
            XCTAssertTrue(overview.body.contains("zonder werkelijk bedrag, niet meegeteld: Huisvesting"), overview.body)
            XCTAssertTrue(
                overview.body.contains(
                    "<td class=\"num\">90.000</td><td class=\"num\">93.000</td><td class=\"num\">3.000</td>"),
                overview.body)
            XCTAssertTrue(overview.body.contains("118.500,50"), overview.body)
            XCTAssertTrue(overview.body.contains("nog geen werkelijke bedragen"), overview.body)
            loaded = try await PlanStore.load(key: Self.next, on: app.db)
            let record = try XCTUnwrap(loaded.budgetTables.first { $0.key == "begroting-gezond-leven" })
            stored = try XCTUnwrap(loaded.plan.budgets.first { $0.key == "begroting-gezond-leven" })
            let comparison = BudgetComparison(stored, actuals: loaded.actuals(table: record))
            let lasten2026 = try XCTUnwrap(comparison.rows.first { $0.column == "GL 2026" && $0.section == "Lasten" })
            XCTAssertEqual(lasten2026.budget, Money(euros: 90_000))
            XCTAssertEqual(lasten2026.actual, Money(euros: 93_000))
            XCTAssertEqual(lasten2026.withoutActual, ["Huisvesting"])

            // Removing a column, a line and the table; each audited.
            let removeColumn = try await flever.post("\(table)/kolommen/begroting-2027/verwijderen")
            XCTAssertEqual(removeColumn.status, .seeOther, removeColumn.body)
            let removeLine = try await flever.post("\(table)/regels/huisvesting/verwijderen")
            XCTAssertEqual(removeLine.status, .seeOther, removeLine.body)
            loaded = try await PlanStore.load(key: Self.next, on: app.db)
            stored = try XCTUnwrap(loaded.plan.budgets.first { $0.key == "begroting-gezond-leven" })
            XCTAssertEqual(stored.columns.map(\.key), ["gl-2026"])
            XCTAssertEqual(stored.sections.map { $0.lines.map(\.label) }, [["Subsidie provincie"], ["Personeel"]])
            let lastColumn = try await flever.post("\(table)/kolommen/gl-2026/verwijderen")
            XCTAssertEqual(lastColumn.status, .conflict)

            // Another organisation's editor may not touch it; after submitting, the structure is fixed.
            let (ggdEmail, ggdPassword) = try await TestApp.user(app, role: .redacteur, organisation: "ggd-flevoland")
            let ggd = Browser(app)
            try await ggd.login(ggdEmail, ggdPassword)
            let foreign = try await ggd.post(tables, ["titel": "X", "eenheid": "euro", "jaar": "2026"])
            XCTAssertEqual(foreign.status, .forbidden)
            let foreignRemove = try await ggd.post("\(table)/verwijderen")
            XCTAssertEqual(foreignRemove.status, .forbidden)
            let submitted = try await flever.post("/plannen/\(Self.next)/status", ["status": "ingediend"])
            XCTAssertEqual(submitted.status, .seeOther)
            let late = try await flever.post(
                "\(table)/regels", ["regel.sectie": "baten", "regel.label": "Laat", "regel.categorie": "other"])
            XCTAssertEqual(late.status, .conflict)
            let actualLater = try await flever.post(
                "\(budget)/begroting-gezond-leven/personeel", ["werkelijk.gl-2026": "94.000"])
            XCTAssertEqual(actualLater.status, .seeOther, "actuals are entered after submitting too")
            let removeTable = try await flever.post("\(table)/verwijderen")
            XCTAssertEqual(removeTable.status, .conflict)
            let audit = try await AuditEntry.query(on: app.db).filter(\.$entity == "begroting").count()
            XCTAssertEqual(audit, 1 + 3 + 1 + 3 + 2 + 1)
        }
    }

    /// Every new write route of #16 B: a lezer is refused (403), an editor of another organisation is
    /// refused naming the owner (403), the owner's editor gets through to the route's own checks.
    func testOrganisationAndRoleMatrixOfTheNewWriteRoutes() async throws {
        try await TestApp.with { app in
            let flever = try await PlansInputTests.setUp(app)
            let table = "/plannen/\(Self.next)/begrotingstabellen"
            let made = try await flever.post(table, ["titel": "Matrix", "eenheid": "euro", "jaar": "2026"])
            XCTAssertEqual(made.status, .seeOther, made.body)
            _ = try await flever.post(
                "\(table)/matrix/regels", ["regel.sectie": "baten", "regel.label": "Regel", "regel.categorie": "other"])
            let routes = [
                "\(table)", "\(table)/matrix/regels", "\(table)/matrix/kolommen",
                "\(table)/matrix/regels/regel/verwijderen", "\(table)/matrix/kolommen/begroting-2026/verwijderen",
                "\(table)/matrix/verwijderen", "/plannen/\(Self.next)/status"
            ]
            let (ggdEmail, ggdPassword) = try await TestApp.user(app, role: .redacteur, organisation: "ggd-flevoland")
            let ggd = Browser(app)
            try await ggd.login(ggdEmail, ggdPassword)
            let (lezerEmail, lezerPassword) = try await TestApp.user(
                app, role: .lezer, organisation: "provincie-flevoland")
            let lezer = Browser(app)
            try await lezer.login(lezerEmail, lezerPassword)
            for route in routes {
                let foreign = try await ggd.post(route, ["status": "ingediend"])
                XCTAssertEqual(foreign.status, .forbidden, "\(route) as another organisation's editor")
                XCTAssertTrue(foreign.body.contains("Flever"), "names the owner: \(route)")
                let reader = try await lezer.post(route, ["status": "ingediend"])
                XCTAssertEqual(reader.status, .forbidden, "\(route) as lezer")
            }
            let tables = try await BudgetTableRecord.query(on: app.db).filter(\.$key == "matrix").count()
            XCTAssertEqual(tables, 1, "nothing written by the refused requests")
            let owner = try await flever.post("\(table)/matrix/verwijderen")
            XCTAssertEqual(owner.status, .seeOther, owner.body)
        }
    }
}
