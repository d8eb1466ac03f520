import Fluent
import VitaalDomain
import XCTVapor
import XCTest

@testable import AppCore
@testable import PlansFeature

/// Plans and steering in the app: demo data, pages, the realisation → roll-up path, the
/// dashboard, reports, exports and the API.
final class PlansFeatureTests: XCTestCase {
    static let flever = "flever-jaarplan-2025"

    static func seeded(_ app: Application) async throws {
        try await TestApp.seedFoundation(app)
        try await PlansFeature().loadDemoData(app: app, log: { _ in })
    }

    func testDemoDataLoadsThreePlansOnceWithTheirFigures() async throws {
        try await TestApp.with { app in
            try await Self.seeded(app)
            try await PlansFeature().loadDemoData(app: app, log: { _ in })  // second run skips
            let count = try await PlanRecord.query(on: app.db).count()
            XCTAssertEqual(count, 3)
            let loaded = try await PlanStore.load(key: Self.flever, on: app.db)
            let source = PlansDemoData.fleverJaarplan2025
            XCTAssertEqual(loaded.organisation.slug, "flever")
            XCTAssertEqual(loaded.plan.nodes.map(\.key), source.nodes.map(\.key))
            XCTAssertEqual(loaded.plan.targets.map(\.key), source.targets.map(\.key))
            XCTAssertEqual(
                loaded.plan.levels, ["Visie", "Strategisch doel", "Tactisch doel", "Doel 2025", "Activiteit"])
            // Budgets survive the round trip through the entry rows exactly (integer cents).
            XCTAssertEqual(loaded.plan.budgets, source.budgets)
            XCTAssertEqual(loaded.plan.personnel, source.personnel)
            XCTAssertNoThrow(try loaded.plan.validate())
            let ks = try await PlanStore.load(key: "krachtige-samenleving-2020", on: app.db)
            let activities = ks.plan.nodes.filter { $0.level == 1 }.map(\.key)
            XCTAssertEqual(activities.count, 21)  // K1.1–K1.8, K2.1–K2.2, K3.1–K3.4, K4.1–K4.3, K5.1–K5.4
            XCTAssertEqual(activities.first, "K1.1")
            XCTAssertEqual(activities.last, "K5.4")
            XCTAssertEqual(ks.plan.budgets, PlansDemoData.krachtigeSamenleving2020.budgets)
            XCTAssertEqual(ks.organisation.slug, "provincie-flevoland")
            let iza = try await PlanStore.load(key: "regioplan-iza-flevoland", on: app.db)
            XCTAssertEqual(iza.plan.roots.count, 14)
            XCTAssertEqual(iza.organisation.slug, "netwerkbureau-zorgzaam-flevoland")
            // Example realisations are marked.
            let examples = try await RealisationRecord.query(on: app.db).all()
            XCTAssertFalse(examples.isEmpty)
            XCTAssertTrue(examples.allSatisfy { $0.isExample })
        }
    }

    /// Done when: an editor of Flever opens the 2025 plan, enters a realisation and sees the status roll up.
    func testFleverEditorEntersRealisationAndStatusRollsUp() async throws {
        try await TestApp.with { app in
            try await Self.seeded(app)
            let (email, password) = try await TestApp.user(app, role: .redacteur, organisation: "flever")
            let browser = Browser(app)
            try await browser.login(email, password)
            let page = try await browser.get("/plannen/\(Self.flever)")
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.body.contains("Jaarplan Flever 2025"))
            // VVI.t2: at least one ervaringsdeskundigheid project gets a podium; no data yet.
            let before = try await PlanStore.load(key: Self.flever, on: app.db).plan
            XCTAssertEqual(before.targets.first { $0.key == "VVI.t2" }?.status(), .noData)
            let nodeBefore = before.rollUp("VVI.A6")
            let goalBefore = before.rollUp("VVI.doel2025")
            XCTAssertEqual(nodeBefore.status, .noData)

            let target = try await browser.get("/plannen/\(Self.flever)/doelstellingen/VVI.t2")
            XCTAssertTrue(target.body.contains("Realisatie invoeren"), "editor of the owner sees the form")
            let saved = try await browser.postWithHeader(
                "/plannen/\(Self.flever)/doelstellingen/VVI.t2/realisaties",
                ["value": "1", "date": "2025-04-15", "period": "2025-K2", "evidence": "Podium tijdens de WEL-dag"])
            XCTAssertEqual(saved.status, .seeOther, saved.body)
            let after = try await browser.get(saved.location ?? "")
            XCTAssertTrue(after.body.contains("Realisatie opgeslagen"))
            XCTAssertTrue(after.body.contains("plan-status-achieved"), "the target is behaald")
            XCTAssertTrue(after.body.contains("Podium tijdens de WEL-dag"))

            let plan = try await PlanStore.load(key: Self.flever, on: app.db).plan
            XCTAssertEqual(plan.targets.first { $0.key == "VVI.t2" }?.status(), .achieved)
            XCTAssertEqual(plan.rollUp("VVI.A6").status, .achieved, "activity rolls up")
            let goal = plan.rollUp("VVI.doel2025")
            XCTAssertEqual(goal.counts[.achieved]!, goalBefore.counts[.achieved]! + 1, "goal counts one more behaald")
            XCTAssertEqual(goal.counts[.noData]!, goalBefore.counts[.noData]! - 1)
            // The API shows the same roll-up in the tree.
            let api = try await browser.get("/api/v1/plans/\(Self.flever)")
            let detail = try JSONDecoder().decode(PlanAPIController.PlanDetailDTO.self, from: Data(api.body.utf8))
            func find(_ key: String, in nodes: [PlanAPIController.NodeDTO]) -> PlanAPIController.NodeDTO? {
                for n in nodes {
                    if n.key == key { return n }
                    if let f = find(key, in: n.children) { return f }
                }
                return nil
            }
            XCTAssertEqual(find("VVI.A6", in: detail.tree)?.progress.status, "achieved")
            XCTAssertEqual(find("VVI.visie", in: detail.tree)?.progress.counts["achieved"], goal.counts[.achieved])
            // Audit log: who and what.
            let audit = try await AuditEntry.query(on: app.db).filter(\.$entity == "realisatie").all()
            XCTAssertEqual(audit.count, 1)
            XCTAssertEqual(audit.first?.actor, email)
        }
    }

    func testProvinceReaderSeesTheDashboardAnonymousDoesNot() async throws {
        try await TestApp.with { app in
            try await Self.seeded(app)
            let anonymous = Browser(app)
            let refused = try await anonymous.get("/plannen/dashboard")
            XCTAssertEqual(refused.status, .seeOther, "anonymous is sent to the login page")
            XCTAssertTrue(refused.location?.hasPrefix("/inloggen") == true)

            let (email, password) = try await TestApp.user(app, role: .lezer, organisation: "provincie-flevoland")
            let reader = Browser(app)
            try await reader.login(email, password)
            let page = try await reader.get("/plannen/dashboard")
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.body.contains("Vraagt aandacht"))
            XCTAssertTrue(page.body.contains("Jaarplan Flever 2025"))
            XCTAssertTrue(page.body.contains("Contourenschets Krachtige Samenleving"))
            // The example realisations give: AO.t1 achter, VVI.t4 risico, AO.t2 behaald, VVI.t3/VVI.t6 op koers.
            let plan = try await PlanStore.load(key: Self.flever, on: app.db).plan
            XCTAssertEqual(plan.targets.first { $0.key == "AO.t1" }?.status(), .offTrack)
            XCTAssertEqual(plan.targets.first { $0.key == "VVI.t4" }?.status(), .atRisk)
            XCTAssertEqual(plan.targets.first { $0.key == "AO.t2" }?.status(), .achieved)
            XCTAssertEqual(plan.targets.first { $0.key == "VVI.t3" }?.status(), .onTrack)
            let attention = page.body.components(separatedBy: "Op koers of behaald")[0]
            XCTAssertTrue(attention.contains("Bijeenkomsten lerend netwerk"), "AO.t1 is listed as needing attention")
            XCTAssertFalse(attention.contains("Bijeenkomsten sectortafel"), "AO.t2 (behaald) is not")
        }
    }

    /// Done when: the Flever 2025 report renders as HTML with the year plan's totals (its budget, budget per programme and personnel tables).
    func testFleverReportHTMLHasTheSeedTotals() async throws {
        try await TestApp.with { app in
            try await Self.seeded(app)
            let browser = Browser(app)
            let report = try await browser.get("/plannen/\(Self.flever)/rapport")
            XCTAssertEqual(report.status, .ok)
            let html = report.body
            XCTAssertTrue(html.contains("Voortgangsrapportage: Jaarplan Flever 2025"))
            // Baten and lasten 2025: 3.452 k€; 2023: baten 2.814, lasten 2.757; 2024: 3.156.
            for total in [
                "€ 3.452.000", "€ 2.814.000", "€ 2.757.000", "€ 3.156.000",
                // per programme 2025: A&O 1.325, PG 577, VVI 1.189, BAS 361, BV 0
                "€ 1.325.000", "€ 577.000", "€ 1.189.000", "€ 361.000"
            ] {
                XCTAssertTrue(html.contains(total), "report shows \(total)")
            }
            let table = PlansDemoData.fleverBegrotingPerProgramma2025
            XCTAssertEqual(table.computedGrandTotal(section: "baten"), Money(thousands: 3452))
            XCTAssertEqual(table.computedGrandTotal(section: "lasten"), Money(thousands: 3452))
            XCTAssertTrue(html.contains("Alle regels en kolommen tellen op."), "the per-programme table adds up")
            XCTAssertTrue(html.contains("23,3"), "FTE 2025")
            XCTAssertTrue(html.contains("25.610"), "programme hours 2025")
            // Goal tree, target table with computed status colours, budget vs actual, indicators.
            XCTAssertTrue(html.contains("<details open"))
            XCTAssertTrue(html.contains("status-bad") && html.contains("status-warn") && html.contains("status-good"))
            XCTAssertTrue(html.contains("Begroting en realisatie"))
            XCTAssertTrue(html.contains("<code>az_instroom</code> – Instroom"), "the monitor indicator linked to A&O")
            XCTAssertTrue(html.contains("PDF"), "the page says how to get a PDF")
            let annual = try await browser.get("/plannen/\(Self.flever)/rapport?soort=jaarverslag")
            XCTAssertTrue(annual.body.contains("Jaarverslag 2025: Jaarplan Flever 2025"), "the plan's year by default")
        }
    }

    func testReportPDFThroughChromiumOrAClearMessage() async throws {
        try await TestApp.with { app in
            try await Self.seeded(app)
            let browser = Browser(app)
            let pdf = try await browser.get("/plannen/\(Self.flever)/rapport.pdf")
            if app.vitaal.chromiumPath != nil {
                XCTAssertEqual(pdf.status, .ok, pdf.body.prefix(300).description)
                XCTAssertEqual(pdf.headers.first(name: .contentType), "application/pdf")
                XCTAssertTrue(pdf.body.hasPrefix("%PDF"))
            } else {
                XCTAssertEqual(pdf.status, .serviceUnavailable)
                XCTAssertTrue(pdf.body.contains("PDF niet beschikbaar"))
            }
        }
    }

    func testGoalTreeTargetTableBudgetsAndOverviewPages() async throws {
        try await TestApp.with { app in
            try await Self.seeded(app)
            let browser = Browser(app)
            let overview = try await browser.get("/plannen")
            XCTAssertEqual(overview.status, .ok)
            XCTAssertTrue(overview.body.contains("Regioplan Integraal Zorgakkoord Flevoland"))
            let detail = try await browser.get("/plannen/\(Self.flever)")
            XCTAssertTrue(detail.body.contains("<summary>"), "collapsible tree without JavaScript")
            XCTAssertTrue(detail.body.contains("Strategisch doel"))
            // The source's own words of a target are on the target's page, not in the tree.
            XCTAssertFalse(detail.body.contains("Er zijn ten minste vier momenten"))
            let targetPage = try await browser.get("/plannen/\(Self.flever)/doelstellingen/VVI.t3")
            XCTAssertTrue(targetPage.body.contains("Er zijn ten minste vier momenten"))
            XCTAssertFalse(detail.body.contains("<script"))
            XCTAssertFalse(detail.body.contains("Realisatie invoeren"), "anonymous gets no forms")
            XCTAssertFalse(detail.body.contains("Voorbeelddata: verzonnen"), "evidence text is internal")
            let ks = try await browser.get("/plannen/krachtige-samenleving-2020")
            XCTAssertTrue(ks.body.contains("K5.4") && ks.body.contains("Programmalijn"))
            let budget = try await browser.get("/plannen/krachtige-samenleving-2020/begroting")
            XCTAssertEqual(budget.status, .ok)
            // Contourenschets: € 1.500.000 from the reserve, € 1.000.000 from the coalition agreement, WEL in
            // Flevoland 2020–2023 per year 252.951, 197.803, 116.500 and 39.000.
            for figure in ["1.500.000", "2.500.000", "252.951", "197.803", "116.500", "39.000"] {
                XCTAssertTrue(budget.body.contains("<td class=\"num\">\(figure)</td>"), figure)
            }
            XCTAssertTrue(budget.body.contains("WEL in Flevoland middelen 2020-2023"))
            let flever = try await browser.get("/plannen/\(Self.flever)/begroting")
            // Printed percentages that do not follow from rounding are shown next to the computed ones.
            XCTAssertTrue(flever.body.contains("<td class=\"num plan-diff\">41 (bron 40)</td>"), flever.body)
            let unknown = try await browser.get("/plannen/bestaat-niet")
            XCTAssertEqual(unknown.status, .notFound)
        }
    }

    func testExportsOfTargetsAndBudgets() async throws {
        try await TestApp.with { app in
            try await Self.seeded(app)
            let browser = Browser(app)
            let csv = try await browser.get("/plannen/\(Self.flever)/doelstellingen.csv")
            XCTAssertEqual(csv.status, .ok)
            XCTAssertTrue(csv.body.contains("Sleutel;Niveau;Doel;Maat"))
            XCTAssertTrue(csv.body.contains("VVI.t3;Activiteit;Signaleren en agenderen;Momenten waarop"))
            XCTAssertEqual(
                csv.body.split(whereSeparator: \.isNewline).count, 1 + PlansDemoData.fleverJaarplan2025.targets.count)
            let xlsx = try await browser.get("/plannen/\(Self.flever)/doelstellingen.xlsx")
            XCTAssertTrue(xlsx.body.hasPrefix("PK"))
            let budget = try await browser.get("/plannen/\(Self.flever)/begroting.csv")
            XCTAssertTrue(
                budget.body.contains(
                    "Begroting Flever 2025 per programma;Baten;Subsidie Provincie Flevoland (langlopend);Subsidie provincie;Begroting 2025 A&O;A&O;2025;Begroting;197000"
                ))
            let budgetX = try await browser.get("/plannen/\(Self.flever)/begroting.xlsx")
            XCTAssertTrue(budgetX.body.hasPrefix("PK"))
            XCTAssertEqual(
                budgetX.headers.first(name: .contentType),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        }
    }

    func testAPIListsPublishedPlansAndTargetsWithComputedStatus() async throws {
        try await TestApp.with { app in
            try await Self.seeded(app)
            let browser = Browser(app)
            let list = try await browser.get("/api/v1/plans")
            let plans = try JSONDecoder().decode([PlanAPIController.PlanSummaryDTO].self, from: Data(list.body.utf8))
            XCTAssertEqual(
                Set(plans.map(\.key)), [Self.flever, "krachtige-samenleving-2020", "regioplan-iza-flevoland"])
            let targets = try await browser.get("/api/v1/plans/\(Self.flever)/targets")
            let dto = try JSONDecoder().decode([PlanAPIController.TargetDTO].self, from: Data(targets.body.utf8))
            XCTAssertEqual(dto.count, PlansDemoData.fleverJaarplan2025.targets.count)
            XCTAssertEqual(dto.first { $0.key == "AO.t2" }?.status, "achieved")
            XCTAssertNil(dto.flatMap(\.realisations).first?.evidence, "no evidence text without a session")
            let budgets = try await browser.get("/api/v1/plans/\(Self.flever)/budgets")
            XCTAssertTrue(
                budgets.body.contains("\"lasten\":[132500000,57700000,118900000,36100000,0]"),
                budgets.body.prefix(400).description)
            let openapi = try await browser.get("/api/v1/openapi.json")
            XCTAssertTrue(openapi.body.contains("/api/v1/plans/{plan}/targets"))
        }
    }
}

/// The budget table view flags a line whose programme columns do not add up to its total.
final class PlansBudgetViewTests: XCTestCase {
    func testLineWhoseColumnsDoNotAddUpIsFlagged() throws {
        var table = PlansDemoData.fleverBegrotingPerProgramma2025
        let clean = BudgetTableView.view(table).render()
        XCTAssertFalse(clean.contains("kolommen tellen niet op tot het totaal"))
        // Subsidie Provincie: 197 + 363 + 444 + 243 = 1.247; print 1.250 as the total instead.
        table.sections[0].lines[0].total = .amount(Money(thousands: 1250))
        let html = BudgetTableView.view(table).render()
        XCTAssertTrue(html.contains("kolommen tellen niet op tot het totaal"))
        XCTAssertTrue(html.contains("<tr class=\"flag\">"))
        let check = BudgetViews.check(table).render()
        XCTAssertTrue(check.contains("de kolommen tellen op tot 1247, de kolom Totaal zegt 1250"), check)
    }
}
