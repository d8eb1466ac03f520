import Fluent
import VitaalDomain
import XCTVapor
import XCTest

@testable import AppCore
@testable import PlansFeature

/// Bad input is refused with a clear message and nothing is written; the lifecycle and the copy
/// to next year's version; who may write.
final class PlansInputTests: XCTestCase {
    static let flever = "flever-jaarplan-2025"
    static let next = "flever-jaarplan-2026"

    /// Demo data, a Flever editor logged in, and a concept copy for 2026 (structure edits need a concept).
    static func setUp(_ app: Application) async throws -> Browser {
        try await TestApp.seedFoundation(app)
        try await PlansFeature().loadDemoData(app: app, log: { _ in })
        let (email, password) = try await TestApp.user(app, role: .redacteur, organisation: "flever")
        let browser = Browser(app)
        try await browser.login(email, password)
        let copy = try await browser.post("/plannen/\(flever)/kopie")
        XCTAssertEqual(copy.status, .seeOther, copy.body)
        XCTAssertTrue(copy.location?.hasPrefix("/plannen/\(next)") == true)
        return browser
    }

    struct Counts: Equatable {
        var targets, nodes, realisations, personnel, plans: Int
        var entries: [Int?]
    }
    static func counts(_ app: Application) async throws -> Counts {
        Counts(
            targets: try await TargetRecord.query(on: app.db).count(),
            nodes: try await GoalNodeRecord.query(on: app.db).count(),
            realisations: try await RealisationRecord.query(on: app.db).count(),
            personnel: try await PersonnelRecord.query(on: app.db).count(),
            plans: try await PlanRecord.query(on: app.db).count(),
            entries: try await BudgetEntryRecord.query(on: app.db).sort(\.$id).all().map(\.actualCents))
    }

    func testCopyToNextYearMakesAConceptVersion() async throws {
        try await TestApp.with { app in
            _ = try await Self.setUp(app)
            let copy = try await PlanStore.load(key: Self.next, on: app.db)
            XCTAssertEqual(copy.plan.status, .concept)
            XCTAssertEqual(copy.plan.version, 2)
            XCTAssertEqual(copy.plan.title, "Jaarplan Flever 2026")
            XCTAssertEqual(copy.plan.previousVersionKey, Self.flever)
            XCTAssertEqual(copy.plan.period, .year(2026))
            XCTAssertEqual(copy.plan.targets.count, PlansDemoData.fleverJaarplan2025.targets.count)
            XCTAssertTrue(copy.plan.targets.allSatisfy { $0.realisations.isEmpty })
            XCTAssertEqual(
                copy.plan.targets.map(\.targetDate),
                PlansDemoData.fleverJaarplan2025.targets.map { $0.targetDate?.addingYears(1) })
            let original = try await PlanStore.load(key: Self.flever, on: app.db)
            XCTAssertEqual(copy.record.$organisation.id, original.record.$organisation.id)
        }
    }

    func testTargetWithoutMeasureOrDateOrWithDateBeforeBaselineIsRefused() async throws {
        try await TestApp.with { app in
            let browser = try await Self.setUp(app)
            let before = try await Self.counts(app)
            let base = [
                "node": "VVI.A1", "unit": "projecten", "direction": "count", "baselineValue": "0",
                "baselineDate": "2026-01-01", "targetValue": "3", "targetDate": "2026-12-31"
            ]
            var noMeasure = base
            noMeasure["measure"] = ""
            let r1 = try await browser.post("/plannen/\(Self.next)/doelstellingen", noMeasure)
            XCTAssertEqual(r1.status, .unprocessableEntity)
            XCTAssertTrue(r1.body.contains("de maat (wat wordt gemeten) ontbreekt"), r1.body)
            XCTAssertTrue(r1.body.contains("measure"), "names the field")

            var noDate = base
            noDate["measure"] = "Projecten"
            noDate["targetDate"] = ""
            let r2 = try await browser.post("/plannen/\(Self.next)/doelstellingen", noDate)
            XCTAssertEqual(r2.status, .unprocessableEntity)
            XCTAssertTrue(r2.body.contains("de streefdatum ontbreekt"))

            var early = base
            early["measure"] = "Projecten"
            early["targetDate"] = "2025-06-30"
            let r3 = try await browser.post("/plannen/\(Self.next)/doelstellingen", early)
            XCTAssertEqual(r3.status, .unprocessableEntity)
            XCTAssertTrue(r3.body.contains("ligt vóór de datum van de nulmeting"), r3.body)
            let after = try await Self.counts(app)
            XCTAssertEqual(before, after, "nothing written")

            var good = base
            good["measure"] = "Projecten"
            let ok = try await browser.post("/plannen/\(Self.next)/doelstellingen", good)
            XCTAssertEqual(ok.status, .seeOther, ok.body)
            let added = try await Self.counts(app)
            XCTAssertEqual(added.targets, before.targets + 1)
            // A vastgesteld plan's targets are fixed: copy it instead.
            let locked = try await browser.post("/plannen/\(Self.flever)/doelstellingen", good)
            XCTAssertEqual(locked.status, .conflict)
        }
    }

    func testRealisationOutsideThePlanPeriodIsRefused() async throws {
        try await TestApp.with { app in
            let browser = try await Self.setUp(app)
            let before = try await Self.counts(app)
            let r = try await browser.postWithHeader(
                "/plannen/\(Self.flever)/doelstellingen/VVI.t1/realisaties", ["value": "1", "date": "2026-02-01"])
            XCTAssertEqual(r.status, .unprocessableEntity)
            XCTAssertTrue(r.body.contains("valt buiten de planperiode"), r.body)
            let notNumber = try await browser.postWithHeader(
                "/plannen/\(Self.flever)/doelstellingen/VVI.t1/realisaties", ["value": "veel", "date": "2025-02-01"])
            XCTAssertEqual(notNumber.status, .unprocessableEntity)
            XCTAssertTrue(notNumber.body.contains("is geen getal"))
            let after = try await Self.counts(app)
            XCTAssertEqual(before, after)
        }
    }

    func testNegativeFTEIsRefused() async throws {
        try await TestApp.with { app in
            let browser = try await Self.setUp(app)
            let before = try await Self.counts(app)
            let r = try await browser.post(
                "/plannen/\(Self.flever)/personeel",
                ["year": "2025", "employees": "39", "fte": "-1", "programmeHours": "25610", "indirectHours": "8876"])
            XCTAssertEqual(r.status, .unprocessableEntity)
            XCTAssertTrue(r.body.contains("FTE mag niet negatief zijn"), r.body)
            let after = try await Self.counts(app)
            XCTAssertEqual(before, after)
            let stored = try await PlanStore.load(key: Self.flever, on: app.db).plan.personnel.first { $0.year == 2025 }
            XCTAssertEqual(stored?.fteHundredths, 2330)
            let ok = try await browser.post(
                "/plannen/\(Self.flever)/personeel",
                ["year": "2025", "employees": "40", "fte": "24,5", "programmeHours": "26000", "indirectHours": "8000"])
            XCTAssertEqual(ok.status, .seeOther)
            let updated = try await PlanStore.load(key: Self.flever, on: app.db).plan.personnel.first {
                $0.year == 2025
            }
            XCTAssertEqual(updated?.fteHundredths, 2450)
        }
    }

    func testBudgetCellThatIsNotANumberIsRefused() async throws {
        try await TestApp.with { app in
            let browser = try await Self.setUp(app)
            let before = try await Self.counts(app)
            let path = "/plannen/\(Self.flever)/begroting/flever-2025-programma/personeel"
            let form = try await browser.get(path)
            XCTAssertEqual(form.status, .ok)
            let r = try await browser.post(path, ["werkelijk.A&O": "veel", "werkelijk.PG": "300"])
            XCTAssertEqual(r.status, .unprocessableEntity)
            XCTAssertTrue(r.body.contains("\"veel\" is geen bedrag"), r.body)
            XCTAssertTrue(r.body.contains("werkelijk.A&amp;O") || r.body.contains("werkelijk.A&O"), "names the field")
            let after = try await Self.counts(app)
            XCTAssertEqual(before, after, "no cell written, not even the valid one")
            // A valid actual is stored in cents and shown against the budget.
            let ok = try await browser.post(path, ["werkelijk.A&O": "600", "werkelijk.PG": "300,5"])
            XCTAssertEqual(ok.status, .seeOther)
            let loaded = try await PlanStore.load(key: Self.flever, on: app.db)
            let record = loaded.budgetTables.first { $0.key == "flever-2025-programma" }!
            XCTAssertEqual(loaded.actuals(table: record)["personeel"]?["A&O"], Money(thousands: 600))
            XCTAssertEqual(loaded.actuals(table: record)["personeel"]?["PG"], Money(euros: 300_500))
            let page = try await browser.get("/plannen/\(Self.flever)/begroting")
            XCTAssertTrue(page.body.contains("werkelijk 600"))
        }
    }

    func testACycleInTheGoalTreeIsRefused() async throws {
        try await TestApp.with { app in
            let browser = try await Self.setUp(app)
            let before = try await Self.counts(app)
            // Move the VVI vision under one of its own activities (the tree editor's edit form).
            let r = try await browser.post(
                PlanURL.editNode(plan: .value(Self.next), node: .value("VVI.visie")).path,
                ["parent": "VVI.A1", "level": "0", "title": "Visie VVI"])
            XCTAssertEqual(r.status, .unprocessableEntity)
            XCTAssertTrue(r.body.contains("kan niet onder een van zijn eigen onderliggende doelen vallen"), r.body)
            let after = try await Self.counts(app)
            XCTAssertEqual(before, after)
            let node = try await PlanStore.load(key: Self.next, on: app.db).plan.node("VVI.visie")
            XCTAssertNil(node?.parentKey)
            // A new activity is fine.
            let ok = try await browser.post(
                PlanURL.newNode(plan: .value(Self.next)).path,
                ["parent": "VVI.doel2025", "level": "4", "title": "Nieuwe activiteit"])
            XCTAssertEqual(ok.status, .seeOther, ok.body)
        }
    }

    func testTransitionsStepByStepWithAuditAndNoSkipping() async throws {
        try await TestApp.with { app in
            let browser = try await Self.setUp(app)
            let skip = try await browser.post("/plannen/\(Self.next)/status", ["status": "vastgesteld"])
            XCTAssertEqual(skip.status, .conflict)
            XCTAssertTrue(skip.body.contains("slaat \"Ingediend\" over"), skip.body)
            let none = try await AuditEntry.query(on: app.db).filter(\.$action == "status").count()
            XCTAssertEqual(none, 0)
            let status0 = try await PlanStore.load(key: Self.next, on: app.db).plan.status
            XCTAssertEqual(status0, .concept)
            // Four eyes: a vaststeller of the province adopts the submitted plan; a second editor of
            // Flever closes it.
            let (approverEmail, approverPassword) = try await TestApp.user(
                app, role: .redacteur, organisation: "provincie-flevoland", email: "vaststeller@provincie.example")
            let approverUser = try await User.query(on: app.db).filter(\.$email == approverEmail).first()!
            approverUser.mayApprove = true
            try await approverUser.save(on: app.db)
            let approver = Browser(app)
            try await approver.login(approverEmail, approverPassword)
            let (email, password) = try await TestApp.user(
                app, role: .redacteur, organisation: "flever", email: "tweede@flever.example")
            let second = Browser(app)
            try await second.login(email, password)
            for (who, step) in [(browser, "ingediend"), (approver, "vastgesteld"), (second, "afgesloten")] {
                let r = try await who.post("/plannen/\(Self.next)/status", ["status": step])
                XCTAssertEqual(r.status, .seeOther, r.body)
            }
            let status = try await PlanStore.load(key: Self.next, on: app.db).plan.status
            XCTAssertEqual(status, .afgesloten)
            let audit = try await AuditEntry.query(on: app.db).filter(\.$action == "status").sort(\.$at).all()
            XCTAssertEqual(
                audit.map(\.summary),
                [
                    "Status van \"Jaarplan Flever 2026\": Concept → Ingediend (ingediend door redacteur-flever@test.example)",
                    "Status van \"Jaarplan Flever 2026\": Ingediend → Vastgesteld (vastgesteld door vaststeller@provincie.example)",
                    "Status van \"Jaarplan Flever 2026\": Vastgesteld → Afgesloten (afgesloten door tweede@flever.example)"
                ])
            XCTAssertEqual(
                audit.map(\.actor),
                ["redacteur-flever@test.example", "vaststeller@provincie.example", "tweede@flever.example"])
            XCTAssertTrue(audit.allSatisfy { $0.userID != nil && abs($0.at.timeIntervalSinceNow) < 600 })
            let closed = try await browser.post("/plannen/\(Self.next)/status", ["status": "concept"])
            XCTAssertEqual(closed.status, .conflict)
            let unknown = try await browser.post("/plannen/\(Self.flever)/status", ["status": "klaar"])
            XCTAssertEqual(unknown.status, .unprocessableEntity)
        }
    }

    func testAnEditorOfAnotherOrganisationMayNotWriteTheFleverPlanABeheerderMay() async throws {
        try await TestApp.with { app in
            try await TestApp.seedFoundation(app)
            try await PlansFeature().loadDemoData(app: app, log: { _ in })
            let (email, password) = try await TestApp.user(app, role: .redacteur, organisation: "gemeente-almere")
            let other = Browser(app)
            try await other.login(email, password)
            let page = try await other.get("/plannen/\(Self.flever)/doelstellingen/VVI.t1")
            XCTAssertFalse(page.body.contains("Realisatie invoeren"), "no form for another organisation")
            let before = try await Self.counts(app)
            let paths: [(String, [String: String])] = [
                ("/plannen/\(Self.flever)/doelstellingen/VVI.t1/realisaties", ["value": "1", "date": "2025-03-01"]),
                ("/plannen/\(Self.flever)/status", ["status": "afgesloten"]),
                ("/plannen/\(Self.flever)/kopie", [:]),
                (
                    "/plannen/\(Self.flever)/personeel",
                    ["year": "2025", "employees": "1", "fte": "1", "programmeHours": "1", "indirectHours": "1"]
                ),
                ("/plannen/\(Self.flever)/begroting/flever-2025-programma/personeel", ["werkelijk.A&O": "1"])
            ]
            for (path, form) in paths {
                let r = try await other.postWithHeader(path, form)
                XCTAssertEqual(r.status, .forbidden, path)
                XCTAssertTrue(r.body.contains("eigen organisatie"), path)
            }
            let after = try await Self.counts(app)
            XCTAssertEqual(before, after)

            let (adminEmail, adminPassword) = try await TestApp.user(
                app, role: .beheerder, organisation: "provincie-flevoland")
            let admin = Browser(app)
            try await admin.login(adminEmail, adminPassword)
            let ok = try await admin.postWithHeader(
                "/plannen/\(Self.flever)/doelstellingen/VVI.t1/realisaties", ["value": "1", "date": "2025-03-01"])
            XCTAssertEqual(ok.status, .seeOther)
            let lezer = try await TestApp.user(app, role: .lezer, organisation: "flever")
            let reader = Browser(app)
            try await reader.login(lezer.0, lezer.1)
            let refused = try await reader.postWithHeader(
                "/plannen/\(Self.flever)/doelstellingen/VVI.t1/realisaties", ["value": "1", "date": "2025-03-01"])
            XCTAssertEqual(refused.status, .forbidden)
        }
    }

    func testConceptPlansAreHiddenFromAnonymousVisitors() async throws {
        try await TestApp.with { app in
            _ = try await Self.setUp(app)
            let anonymous = Browser(app)
            let page = try await anonymous.get("/plannen/\(Self.next)")
            XCTAssertEqual(page.status, .notFound)
            let api = try await anonymous.get("/api/v1/plans")
            XCTAssertFalse(api.body.contains(Self.next))
            let overview = try await anonymous.get("/plannen")
            XCTAssertFalse(overview.body.contains("Jaarplan Flever 2026"))
        }
    }
}
