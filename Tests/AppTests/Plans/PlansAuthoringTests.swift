import Fluent
import VitaalDomain
import XCTVapor
import XCTest

@testable import AppCore
@testable import PlansFeature

/// A municipality's programme manager writes a whole year plan in the browser through the real
/// forms (each GET first, its CSRF token in the POST): a new plan, a goal tree of four levels,
/// targets and a realisation; nodes edited, moved, reordered, deleted and the change undone; a
/// plan from an existing one. Bad input is refused naming the field, with nothing written; other
/// organisations, readers and anonymous visitors write nothing.
final class PlansAuthoringTests: XCTestCase {
    static let key = "jaarplan-sociaal-domein-almere-2026"

    static func plan(_ app: Application, _ key: String = key) async throws -> Plan {
        try await PlanStore.load(key: key, audience: .internal, on: app.db).plan
    }

    static func newPlanForm(_ title: String, organisation: String = "gemeente-almere") -> [String: String] {
        [
            "organisation": organisation, "title": title, "periodStart": "2026-01-01", "periodEnd": "2026-12-31",
            "template": "eigen", "levels": "Ambitie\nDoel\nResultaat\nActiviteit", "basis": ""
        ]
    }

    /// Adds a node through the form (GET first, with `?onder=`), returns the generated key.
    static func addNode(
        _ browser: Browser, _ app: Application, title: String, under parent: String?, level: Int,
        key: String = key
    ) async throws -> String {
        let query = parent.map { "?onder=\($0)" } ?? ""
        let form = try await browser.get("/plannen/\(key)/nieuw-doel\(query)")
        XCTAssertEqual(form.status, .ok, form.body)
        if let parent { XCTAssertTrue(form.body.contains("value=\"\(parent)\" selected"), "the parent is chosen") }
        let before = Set(try await plan(app, key).nodes.map(\.key))
        let saved = try await browser.post(
            "/plannen/\(key)/nieuw-doel",
            [
                "parent": parent ?? "", "level": "\(level)", "title": title, "owner": "Team Sociaal",
                "partners": "GGD, Flever"
            ])
        XCTAssertEqual(saved.status, .seeOther, saved.body)
        let added = Set(try await plan(app, key).nodes.map(\.key)).subtracting(before)
        XCTAssertEqual(added.count, 1)
        return try XCTUnwrap(added.first)
    }

    func testProgrammeManagerWritesAYearPlanThroughTheForms() async throws {
        try await TestApp.with { app in
            try await TestApp.seedFoundation(app)
            let (email, password) = try await TestApp.user(app, role: .redacteur, organisation: "gemeente-almere")
            let browser = Browser(app)
            try await browser.login(email, password)

            // New plan: the list links to the form; bad input comes back next to its field.
            let list = try await browser.get("/plannen")
            XCTAssertTrue(list.body.contains("href=\"/plannen/nieuw\""), "the list offers a new plan")
            let page = try await browser.get("/plannen/nieuw")
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.body.contains("Regioplan IZA"))
            var bad = Self.newPlanForm("")
            bad["periodEnd"] = "2025-06-30"
            bad["levels"] = ""
            let refused = try await browser.post("/plannen/nieuw", bad)
            XCTAssertEqual(refused.status, .unprocessableEntity)
            XCTAssertTrue(refused.body.contains("id=\"f-title-error\">Titel ontbreekt<"), refused.body)
            XCTAssertTrue(
                refused.body.contains(
                    "id=\"f-periodEnd-error\">de periode eindigt (30-06-2025) vóór ze begint (01-01-2026)"))
            XCTAssertTrue(refused.body.contains("id=\"f-levels-error\">geef ten minste één niveau op"))
            XCTAssertTrue(refused.body.contains("aria-describedby=\"f-title-error\""), "the error is linked")
            let long = try await browser.post("/plannen/nieuw", Self.newPlanForm(String(repeating: "x", count: 201)))
            XCTAssertEqual(long.status, .unprocessableEntity)
            XCTAssertTrue(long.body.contains("Titel: ten hoogste 200 tekens (nu 201)"))
            let other = try await browser.post(
                "/plannen/nieuw", Self.newPlanForm("Van een ander", organisation: "flever"))
            XCTAssertEqual(other.status, .forbidden)
            let noPlans = try await PlanRecord.query(on: app.db).count()
            XCTAssertEqual(noPlans, 0, "nothing written")

            let created = try await browser.post(
                "/plannen/nieuw", Self.newPlanForm("Jaarplan Sociaal Domein Almere 2026"))
            XCTAssertEqual(created.status, .seeOther, created.body)
            XCTAssertEqual(created.location, "/plannen/\(Self.key)?melding=plan-aangemaakt")
            var plan = try await Self.plan(app)
            XCTAssertEqual(plan.status, .concept)
            XCTAssertEqual(plan.levels, ["Ambitie", "Doel", "Resultaat", "Activiteit"])
            XCTAssertEqual(plan.owner, "Gemeente Almere")
            let shown = try await browser.get("/plannen/\(Self.key)?melding=plan-aangemaakt")
            XCTAssertTrue(shown.body.contains("Plan aangemaakt als concept"))
            XCTAssertTrue(shown.body.contains("/plannen/\(Self.key)/nieuw-doel"))

            // A tree of four levels with generated keys.
            let ambition = try await Self.addNode(browser, app, title: "Iedereen doet mee", under: nil, level: 0)
            XCTAssertEqual(ambition, "D1")
            let goal = try await Self.addNode(browser, app, title: "Minder eenzaamheid", under: ambition, level: 1)
            let result = try await Self.addNode(browser, app, title: "Ontmoetingsplekken", under: goal, level: 2)
            let activity = try await Self.addNode(browser, app, title: "Buurtkamers openen", under: result, level: 3)
            XCTAssertEqual([goal, result, activity], ["D1.1", "D1.1.1", "D1.1.1.1"])
            plan = try await Self.plan(app)
            XCTAssertEqual(plan.node(activity)?.partners, ["GGD", "Flever"])
            XCTAssertEqual(plan.subtreeKeys(of: ambition), [ambition, goal, result, activity])

            // Bad nodes: empty title, a level not below the parent, an over-long text.
            let nodesBefore = try await GoalNodeRecord.query(on: app.db).count()
            let empty = try await browser.post(
                "/plannen/\(Self.key)/nieuw-doel", ["parent": goal, "level": "2", "title": "  "])
            XCTAssertEqual(empty.status, .unprocessableEntity)
            XCTAssertTrue(empty.body.contains("id=\"f-title-error\">Titel ontbreekt<"), empty.body)
            let shallow = try await browser.post(
                "/plannen/\(Self.key)/nieuw-doel", ["parent": goal, "level": "1", "title": "Te hoog"])
            XCTAssertEqual(shallow.status, .unprocessableEntity)
            XCTAssertTrue(shallow.body.contains("id=\"f-level-error\">het niveau Doel ligt niet dieper"), shallow.body)
            let longText = try await browser.post(
                "/plannen/\(Self.key)/nieuw-doel",
                ["parent": goal, "level": "2", "title": "x", "text": String(repeating: "y", count: 4001)])
            XCTAssertEqual(longText.status, .unprocessableEntity)
            XCTAssertTrue(longText.body.contains("Omschrijving: ten hoogste 4000 tekens"))
            let nodesAfter = try await GoalNodeRecord.query(on: app.db).count()
            XCTAssertEqual(nodesBefore, nodesAfter)

            // A target on the activity (the existing form) and a realisation.
            _ = try await browser.get("/plannen/\(Self.key)")
            let target = try await browser.post(
                "/plannen/\(Self.key)/doelstellingen",
                [
                    "node": activity, "measure": "Buurtkamers open", "unit": "buurtkamers", "direction": "count",
                    "baselineValue": "0", "baselineDate": "2026-01-01", "targetValue": "6", "targetDate": "2026-12-31"
                ])
            XCTAssertEqual(target.status, .seeOther, target.body)
            let targetKey = "\(activity).t1"
            // Edit the target through its form: a bad value names the field, a good one is stored.
            let targetPath = "/plannen/\(Self.key)/doelstellingen/\(targetKey)"
            let targetEdit = try await browser.get(targetPath + "/bewerken")
            XCTAssertEqual(targetEdit.status, .ok, targetEdit.body)
            XCTAssertTrue(targetEdit.body.contains("value=\"Buurtkamers open\""))
            let stored = try await Self.plan(app).targets.first
            var targetForm = TargetEditController.values(try XCTUnwrap(stored))
            targetForm["targetValue"] = "veel"
            let badTarget = try await browser.post(targetPath + "/bewerken", targetForm)
            XCTAssertEqual(badTarget.status, .unprocessableEntity)
            XCTAssertTrue(badTarget.body.contains("id=\"f-targetValue-error\">Streefwaarde: \"veel\" is geen getal"))
            targetForm["targetValue"] = "8"
            let savedTarget = try await browser.post(targetPath + "/bewerken", targetForm)
            XCTAssertEqual(savedTarget.status, .seeOther, savedTarget.body)
            plan = try await Self.plan(app)
            XCTAssertEqual(plan.targets.map(\.targetValue), [8])
            XCTAssertEqual(plan.targets.map(\.key), [targetKey], "the key stays")
            _ = try await browser.get("/plannen/\(Self.key)/doelstellingen/\(targetKey)")
            let realisation = try await browser.postWithHeader(
                "/plannen/\(Self.key)/doelstellingen/\(targetKey)/realisaties", ["value": "2", "date": "2026-04-01"])
            XCTAssertEqual(realisation.status, .seeOther, realisation.body)
            let refusedDelete = try await browser.post(targetPath + "/verwijderen")
            XCTAssertEqual(refusedDelete.status, .conflict, "a target with realisations stays")

            // Edit and move: never under itself or a descendant; the key stays.
            let edit = try await browser.get("/plannen/\(Self.key)/doelen/\(result)/bewerken")
            XCTAssertEqual(edit.status, .ok)
            XCTAssertFalse(edit.body.contains("<option value=\"\(activity)\""), "descendants are not offered")
            for parent in [result, activity] {
                let cycle = try await browser.post(
                    "/plannen/\(Self.key)/doelen/\(result)/bewerken",
                    ["parent": parent, "level": "2", "title": "Ontmoetingsplekken"])
                XCTAssertEqual(cycle.status, .unprocessableEntity)
                XCTAssertTrue(cycle.body.contains("id=\"f-parent-error\">een doel kan niet onder"), cycle.body)
            }
            let second = try await Self.addNode(
                browser, app, title: "Meer mantelzorgondersteuning", under: ambition, level: 1)
            XCTAssertEqual(second, "D1.2")
            let renamed = try await browser.post(
                "/plannen/\(Self.key)/doelen/\(result)/bewerken",
                [
                    "parent": second, "level": "2", "title": "Ontmoetingsplekken in elke wijk",
                    "text": "Samen met de wijkteams"
                ])
            XCTAssertEqual(renamed.status, .seeOther, renamed.body)
            plan = try await Self.plan(app)
            XCTAssertEqual(plan.node(result)?.parentKey, second)
            XCTAssertEqual(plan.node(result)?.title, "Ontmoetingsplekken in elke wijk")
            XCTAssertEqual(plan.node(activity)?.parentKey, result, "the subtree moves along")

            // Reorder: the second goal goes up.
            _ = try await browser.get("/plannen/\(Self.key)/doelen/\(second)/bewerken")
            let up = try await browser.post("/plannen/\(Self.key)/doelen/\(second)/volgorde", ["direction": "omhoog"])
            XCTAssertEqual(up.status, .seeOther)
            plan = try await Self.plan(app)
            XCTAssertEqual(plan.children(of: ambition).map(\.key), [second, goal])

            // Delete: the page shows what goes; a target with realisations keeps its node.
            let confirm = try await browser.get("/plannen/\(Self.key)/doelen/\(second)/verwijderen")
            XCTAssertEqual(confirm.status, .ok)
            XCTAssertTrue(confirm.body.contains("Buurtkamers openen"), "descendants are listed")
            XCTAssertTrue(confirm.body.contains("Mee verwijderen kan niet"), "the realisation blocks it")
            let blocked = try await browser.post(
                "/plannen/\(Self.key)/doelen/\(second)/verwijderen", ["children": "mee"])
            XCTAssertEqual(blocked.status, .conflict)
            let kept = try await GoalNodeRecord.query(on: app.db).count()
            XCTAssertEqual(kept, 5)
            // Without a choice for the children nothing goes; moving them up keeps them.
            _ = try await browser.get("/plannen/\(Self.key)/doelen/\(goal)/verwijderen")
            let leaf = try await browser.post("/plannen/\(Self.key)/doelen/\(goal)/verwijderen", [:])
            XCTAssertEqual(leaf.status, .seeOther, "the node has no children: nothing to choose")
            plan = try await Self.plan(app)
            XCTAssertNil(plan.node(goal))
            _ = try await browser.get("/plannen/\(Self.key)/doelen/\(second)/verwijderen")
            let choose = try await browser.post(
                "/plannen/\(Self.key)/doelen/\(second)/verwijderen", ["children": "iets"])
            XCTAssertEqual(choose.status, .unprocessableEntity)
            let up2 = try await browser.post(
                "/plannen/\(Self.key)/doelen/\(second)/verwijderen", ["children": "omhoog"])
            XCTAssertEqual(up2.status, .seeOther, up2.body)
            plan = try await Self.plan(app)
            XCTAssertNil(plan.node(second))
            XCTAssertEqual(plan.node(result)?.parentKey, ambition)
            XCTAssertEqual(plan.targets.map(\.key), [targetKey], "the target stays with its node")

            // Undo twice: the second goal is back with its subtree, then the first goal.
            let history = try await browser.get("/plannen/\(Self.key)/versies")
            XCTAssertTrue(history.body.contains("Meer mantelzorgondersteuning"), history.body)
            let undo = try await browser.post("/plannen/\(Self.key)/ongedaan-maken")
            XCTAssertEqual(undo.status, .seeOther, undo.body)
            plan = try await Self.plan(app)
            XCTAssertEqual(plan.node(result)?.parentKey, second)
            _ = try await browser.post("/plannen/\(Self.key)/ongedaan-maken")
            plan = try await Self.plan(app)
            XCTAssertEqual(plan.children(of: ambition).map(\.key), [second, goal])
            let realisations = try await RealisationRecord.query(on: app.db).count()
            XCTAssertEqual(realisations, 1, "undo never touches realisations")
            let audit = try await AuditEntry.query(on: app.db).filter(\.$entity ~~ ["plan", "doel", "doelenboom"]).all()
            XCTAssertEqual(audit.filter { $0.entity == "doel" }.count, 9)
            XCTAssertEqual(audit.filter { $0.entity == "doelenboom" }.count, 2)

            // A new plan from this one: its structure and targets, no realisations.
            _ = try await browser.get("/plannen/nieuw?basis=\(Self.key)")
            var copy = Self.newPlanForm("Jaarplan Sociaal Domein Almere 2027")
            copy["basis"] = Self.key
            copy["periodStart"] = "2027-01-01"
            copy["periodEnd"] = "2027-12-31"
            let copied = try await browser.post("/plannen/nieuw", copy)
            XCTAssertEqual(copied.status, .seeOther, copied.body)
            let next = try await Self.plan(app, "jaarplan-sociaal-domein-almere-2027")
            XCTAssertEqual(next.nodes.map(\.key), plan.nodes.map(\.key))
            XCTAssertEqual(next.targets.map(\.key), [targetKey])
            XCTAssertEqual(next.targets.first?.targetDate, PlanDate(2027, 12, 31))
            XCTAssertEqual(next.targets.first?.realisations, [])
            XCTAssertEqual(next.status, .concept)
        }
    }

    func testOnlyTheOwnOrganisationsEditorsAuthorAndOnlyInConcepts() async throws {
        try await TestApp.with { app in
            try await TestApp.seedFoundation(app)
            try await PlansFeature().loadDemoData(app: app, log: { _ in })
            let (email, password) = try await TestApp.user(app, role: .redacteur, organisation: "gemeente-almere")
            let owner = Browser(app)
            try await owner.login(email, password)
            _ = try await owner.get("/plannen/nieuw")
            let created = try await owner.post(
                "/plannen/nieuw", Self.newPlanForm("Jaarplan Sociaal Domein Almere 2026"))
            XCTAssertEqual(created.status, .seeOther, created.body)
            let node = try await Self.addNode(owner, app, title: "Iedereen doet mee", under: nil, level: 0)

            let writes: [(String, [String: String])] = [
                ("/plannen/\(Self.key)/nieuw-doel", ["level": "0", "title": "Van een ander"]),
                ("/plannen/\(Self.key)/doelen/\(node)/bewerken", ["level": "0", "title": "Van een ander"]),
                ("/plannen/\(Self.key)/doelen/\(node)/volgorde", ["direction": "omlaag"]),
                ("/plannen/\(Self.key)/doelen/\(node)/verwijderen", ["children": "mee"]),
                ("/plannen/\(Self.key)/ongedaan-maken", [:])
            ]
            let before = try await Self.plan(app)
            let flever = try await TestApp.user(app, role: .redacteur, organisation: "flever")
            let lezer = try await TestApp.user(app, role: .lezer, organisation: "gemeente-almere")
            for (account, expected) in [(flever, HTTPStatus.forbidden), (lezer, .forbidden)] {
                let browser = Browser(app)
                try await browser.login(account.0, account.1)
                for (path, form) in writes {
                    let result = try await browser.post(path, form)
                    XCTAssertEqual(result.status, expected, "\(path) as \(account.0)")
                }
                let page = try await browser.get("/plannen/\(Self.key)/doelen/\(node)/bewerken")
                XCTAssertEqual(page.status, .forbidden)
                let plan = try await browser.post("/plannen/nieuw", Self.newPlanForm("X"))
                XCTAssertEqual(plan.status, .forbidden)
            }
            let anonymous = Browser(app)
            for (path, form) in writes {
                let result = try await anonymous.post(path, form)
                XCTAssertEqual(result.status, .unauthorized, path)
            }
            let after = try await Self.plan(app)
            XCTAssertEqual(before, after, "nothing written")
            let stray = try await PlanRecord.query(on: app.db).filter(\.$key == "x").first()
            XCTAssertNil(stray)

            // A beheerder writes for every organisation.
            let admin = try await TestApp.user(app, role: .beheerder, organisation: "provincie-flevoland")
            let beheerder = Browser(app)
            try await beheerder.login(admin.0, admin.1)
            _ = try await beheerder.get("/plannen/nieuw")
            let forFlever = try await beheerder.post(
                "/plannen/nieuw",
                Self.newPlanForm("Regioplan voor Flever", organisation: "flever").merging(
                    ["template": "regioplan-iza"], uniquingKeysWith: { $1 }))
            XCTAssertEqual(forFlever.status, .seeOther, forFlever.body)
            let regio = try await Self.plan(app, "regioplan-voor-flever")
            XCTAssertEqual(regio.levels, ["Bouwsteen / Fundament", "Doel", "Actie"])
            _ = try await Self.addNode(
                beheerder, app, title: "Bouwsteen", under: nil, level: 0, key: "regioplan-voor-flever")

            // A vastgesteld plan's structure is not changed in place (409).
            let fixed = try await owner.post(
                "/plannen/\(Fixtures.fleverPlan)/nieuw-doel", ["level": "0", "title": "Iets"])
            XCTAssertEqual(fixed.status, .forbidden, "another organisation's plan")
            _ = try await beheerder.get("/plannen/\(Fixtures.fleverPlan)")
            let fixedByAdmin = try await beheerder.post(
                "/plannen/\(Fixtures.fleverPlan)/nieuw-doel", ["level": "0", "title": "Iets"])
            XCTAssertEqual(fixedByAdmin.status, .conflict)
            let unknown = try await owner.get("/plannen/\(Self.key)/doelen/GEEN/bewerken")
            XCTAssertEqual(unknown.status, .notFound)
        }
    }

    /// After vaststelling (the demo's Flever plan is vastgesteld) a realisation is corrected and
    /// deleted only with a reason, both in the audit log; another organisation and readers cannot.
    func testRealisationsAreCorrectedAndDeletedWithAReasonAfterVaststelling() async throws {
        try await TestApp.with { app in
            try await TestApp.seedFoundation(app)
            try await PlansFeature().loadDemoData(app: app, log: { _ in })
            let plan = Fixtures.fleverPlan
            let loaded = try await PlanStore.load(key: plan, audience: .internal, on: app.db)
            XCTAssertEqual(loaded.plan.status, .vastgesteld)
            let (targetKey, rows) = try XCTUnwrap(
                loaded.realisations.first { $0.value.contains { $0.id != nil } })
            let row = try XCTUnwrap(rows.first { $0.id != nil })
            let id = try XCTUnwrap(row.id).uuidString
            let target = try XCTUnwrap(loaded.plan.targets.first { $0.key == targetKey })
            let path = "/plannen/\(plan)/doelstellingen/\(targetKey)/realisaties/\(id)"

            let (email, password) = try await TestApp.user(app, role: .redacteur, organisation: "flever")
            let editor = Browser(app)
            try await editor.login(email, password)
            let targetPage = try await editor.get("/plannen/\(plan)/doelstellingen/\(targetKey)")
            XCTAssertTrue(
                targetPage.body.contains("href=\"\(path)\""), "each stored realisation links to its correction")
            let form = try await editor.get(path)
            XCTAssertEqual(form.status, .ok, form.body)
            let newValue = target.direction == .count ? "3" : "\(Int(row.value) + 1)"
            let noReason = try await editor.post(path, ["value": newValue, "date": row.date])
            XCTAssertEqual(noReason.status, .unprocessableEntity)
            XCTAssertTrue(noReason.body.contains("id=\"f-reden-error\">geef een reden"), noReason.body)
            let badDate = try await editor.post(path, ["value": newValue, "date": "2031-01-01", "reden": "typfout"])
            XCTAssertEqual(badDate.status, .unprocessableEntity)
            XCTAssertTrue(badDate.body.contains("id=\"f-date-error\">de datum 01-01-2031 valt buiten de planperiode"))
            var stored = try await RealisationRecord.find(row.id, on: app.db)
            XCTAssertEqual(stored?.value, row.value, "nothing written")

            // Another organisation and a reader cannot.
            let almere = try await TestApp.user(app, role: .redacteur, organisation: "gemeente-almere")
            let lezer = try await TestApp.user(app, role: .lezer, organisation: "flever")
            for account in [almere, lezer] {
                let other = Browser(app)
                try await other.login(account.0, account.1)
                let refused = try await other.post(path, ["value": newValue, "date": row.date, "reden": "x"])
                XCTAssertEqual(refused.status, .forbidden)
                let gone = try await other.post(path + "/verwijderen", ["reden": "x"])
                XCTAssertEqual(gone.status, .forbidden)
            }

            let corrected = try await editor.post(
                path,
                [
                    "value": newValue, "date": row.date, "evidence": "telling gecontroleerd",
                    "reden": "typfout in de telling"
                ])
            XCTAssertEqual(corrected.status, .seeOther, corrected.body)
            stored = try await RealisationRecord.find(row.id, on: app.db)
            XCTAssertEqual(stored.map { PlanViews.number($0.value) }, newValue)
            XCTAssertEqual(stored?.evidence, "telling gecontroleerd")
            let audit = try await AuditEntry.query(on: app.db).filter(\.$entity == "realisatie").all()
            XCTAssertEqual(audit.map(\.action), ["gecorrigeerd"])
            XCTAssertTrue(audit.first?.summary.contains("reden: typfout in de telling") == true)

            _ = try await editor.get(path)
            let deleteWithoutReason = try await editor.post(path + "/verwijderen", [:])
            XCTAssertEqual(deleteWithoutReason.status, .unprocessableEntity)
            XCTAssertTrue(deleteWithoutReason.body.contains("id=\"f-reden-verwijderen-error\">geef een reden"))
            let deleted = try await editor.post(path + "/verwijderen", ["reden": "dubbel ingevoerd"])
            XCTAssertEqual(deleted.status, .seeOther, deleted.body)
            let after = try await RealisationRecord.find(row.id, on: app.db)
            XCTAssertNil(after)
            let all = try await AuditEntry.query(on: app.db).filter(\.$entity == "realisatie").all()
            XCTAssertEqual(Set(all.map(\.action)), ["gecorrigeerd", "verwijderd"])
            XCTAssertTrue(all.contains { $0.summary.contains("reden: dubbel ingevoerd") })
        }
    }
}
