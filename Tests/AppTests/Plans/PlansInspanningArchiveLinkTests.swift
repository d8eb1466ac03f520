import Fluent
import VitaalDomain
import XCTVapor
import XCTest

@testable import AppCore
@testable import PlansFeature

/// #16: inspanningsdoelen with qualitative assessments, archiving a target with realisations, and plan
/// links — one app, walked through the real forms with CSRF, with bad input and the role matrix.
final class PlansInspanningArchiveLinkTests: XCTestCase {
    static let flever = PlansInputTests.flever
    static let next = PlansInputTests.next
    static let regioplan = "regioplan-iza-flevoland"

    func testInspanningsdoelArchiveAndPlanLinksThroughTheForms() async throws {
        try await TestApp.with { app in
            let editor = try await PlansInputTests.setUp(app)  // Flever editor, concept copy for 2026
            let (lezerEmail, lezerPassword) = try await TestApp.user(
                app, role: .lezer, organisation: "provincie-flevoland")
            let lezer = Browser(app)
            try await lezer.login(lezerEmail, lezerPassword)
            let (otherEmail, otherPassword) = try await TestApp.user(
                app, role: .redacteur, organisation: "gemeente-almere")
            let other = Browser(app)
            try await other.login(otherEmail, otherPassword)

            let target = try await Self.inspanningsdoel(app, editor, lezer, other)
            try await Self.archive(app, editor, lezer, other)
            try await Self.planLinks(app, editor, lezer, other)
            _ = target
        }
    }

    /// A niet-SMART target is added without streefwaarde, assessed with a required explanation, and
    /// shown as such on the plan page, the target page, the API and the CSV export.
    static func inspanningsdoel(_ app: Application, _ editor: Browser, _ lezer: Browser, _ other: Browser)
        async throws -> String
    {
        let plan = Parameter.value(next)
        // Both problems of a SMART target are named at once: no measure and an unreadable value.
        let both = try await editor.post(
            PlanURL.targets(plan: plan).path,
            ["kind": "smart", "node": "VVI.A1", "measure": "", "targetValue": "veel", "targetDate": "2026-12-31"])
        XCTAssertEqual(both.status, .unprocessableEntity)
        XCTAssertTrue(both.body.contains("de maat (wat wordt gemeten) ontbreekt"), both.body)
        XCTAssertTrue(both.body.contains("Streefwaarde: \"veel\" is geen getal"), both.body)
        let edit = try await editor.post(
            PlanURL.editTarget(plan: plan, target: .value("VVI.t1")).path,
            [
                "kind": "smart", "node": "VVI.A1", "measure": "", "unit": "x", "direction": "count",
                "targetValue": "veel", "targetDate": "2026-12-31"
            ])
        XCTAssertEqual(edit.status, .unprocessableEntity)
        XCTAssertTrue(edit.body.contains("de maat (wat wordt gemeten) ontbreekt"), edit.body)
        XCTAssertTrue(edit.body.contains("Streefwaarde: \"veel\" is geen getal"), edit.body)

        let added = try await editor.post(
            PlanURL.targets(plan: plan).path,
            [
                "kind": "inspanning", "node": "VVI.A1", "measure": "We streven naar meer inwonerbetrokkenheid",
                "targetValue": "", "targetDate": ""
            ])
        XCTAssertEqual(added.status, .seeOther, added.body)
        let key = try XCTUnwrap(added.location?.components(separatedBy: "/").last)
        let found = try await TargetRecord.query(on: app.db).filter(\.$key == key).first()
        let record = try XCTUnwrap(found)
        XCTAssertFalse(record.isSmart)
        XCTAssertNil(record.targetDate)
        let assess = PlanURL.assessments(plan: plan, target: .value(key)).path

        // No explanation: the form again with its values and the message next to the field; nothing stored.
        let empty = try await editor.post(
            assess, ["judgement": "needsAttention", "date": "2026-06-30", "period": "2026-T1", "explanation": " "])
        XCTAssertEqual(empty.status, .unprocessableEntity)
        XCTAssertTrue(empty.body.contains("de toelichting ontbreekt"), empty.body)
        XCTAssertTrue(empty.body.contains("value=\"needsAttention\" selected"), empty.body)
        XCTAssertTrue(empty.body.contains("value=\"2026-T1\""), empty.body)
        let outside = try await editor.post(
            assess, ["judgement": "onCourse", "date": "2027-01-15", "explanation": "loopt"])
        XCTAssertEqual(outside.status, .unprocessableEntity)
        XCTAssertTrue(outside.body.contains("buiten de planperiode"), outside.body)
        for browser in [lezer, other] {
            let refused = try await browser.post(
                assess, ["judgement": "onCourse", "date": "2026-06-30", "explanation": "loopt"])
            XCTAssertEqual(refused.status, .forbidden)
        }
        let otherRefused = try await other.post(
            assess, ["judgement": "onCourse", "date": "2026-06-30", "explanation": "loopt"])
        XCTAssertTrue(otherRefused.body.contains("eigen organisatie"), otherRefused.body)
        let none = try await TargetAssessmentRecord.query(on: app.db).filter(\.$target.$id == record.requireID())
            .count()
        XCTAssertEqual(none, 0)
        let smart = try await editor.post(
            PlanURL.assessments(plan: plan, target: .value("VVI.t1")).path,
            ["judgement": "onCourse", "date": "2026-06-30", "explanation": "loopt"])
        XCTAssertEqual(smart.status, .conflict, "a SMART target's status is computed")

        let saved = try await editor.post(
            assess,
            [
                "judgement": "needsAttention", "date": "2026-06-30", "period": "2026-T1",
                "explanation": "Twee wijken gestart, de derde wacht op een trekker."
            ])
        XCTAssertEqual(saved.status, .seeOther, saved.body)
        let stored = try await TargetAssessmentRecord.query(on: app.db).filter(\.$target.$id == record.requireID())
            .all()
        XCTAssertEqual(stored.map(\.judgement), ["needsAttention"])
        XCTAssertEqual(stored.first?.assessedBy, "redacteur-flever@test.example")
        let audit = try await AuditEntry.query(on: app.db).filter(\.$action == "beoordeeld").all()
        XCTAssertEqual(audit.count, 1)
        XCTAssertTrue(audit[0].summary.contains("aandacht nodig"), audit[0].summary)

        let page = try await lezer.get(PlanURL.target(plan: plan, target: .value(key)).path)
        XCTAssertEqual(page.status, .ok)
        XCTAssertTrue(page.body.contains("beoordeeld: aandacht nodig"), page.body)
        XCTAssertTrue(page.body.contains("Twee wijken gestart"))
        XCTAssertFalse(page.body.contains("Realisatie invoeren"), "no realisation form for a lezer")
        let planPage = try await lezer.get(PlanURL.plan(plan).path)
        XCTAssertTrue(planPage.body.contains("inspanningsdoel"))
        XCTAssertTrue(planPage.body.contains("kwalitatief beoordeeld"))
        let loaded = try await PlanStore.load(key: next, audience: .internal, on: app.db)
        XCTAssertEqual(loaded.plan.rollUp().counts[.atRisk], 1)
        XCTAssertEqual(loaded.plan.rollUp().qualitativeCount, 3, "the copied AO.t4 and AO.t10, and the new one")

        let api = try await lezer.get(PlanURL.apiTargets(plan: plan).path)
        let targets = try JSONSerialization.jsonObject(with: Data(api.body.utf8)) as? [[String: Any]] ?? []
        let json = try XCTUnwrap(targets.first { $0["key"] as? String == key })
        XCTAssertEqual(json["isSmart"] as? Bool, false)
        XCTAssertEqual(json["status"] as? String, "atRisk")
        XCTAssertEqual((json["assessments"] as? [[String: Any]])?.first?["label"] as? String, "aandacht nodig")
        let csv = try await lezer.get(PlanURL.targetsCSV(plan: plan).path)
        let line = try XCTUnwrap(csv.body.split(separator: "\n").first { $0.contains(key) }, csv.body)
        XCTAssertTrue(line.contains("beoordeeld: aandacht nodig"), String(line))
        XCTAssertTrue(line.contains("inspanningsdoel"), String(line))
        return key
    }

    /// A target with a realisation is archived (reason required) instead of deleted, leaves the counts,
    /// is listed under "Gearchiveerde doelen" with its realisation, and is restored.
    static func archive(_ app: Application, _ editor: Browser, _ lezer: Browser, _ other: Browser) async throws {
        let plan = Parameter.value(next)
        let target = Parameter.value("VVI.t1")
        let realised = try await editor.postWithHeader(
            PlanURL.realisations(plan: plan, target: target).path,
            ["value": "2", "date": "2026-03-31", "period": "2026-K1", "evidence": "verslag"])
        XCTAssertEqual(realised.status, .seeOther, realised.body)
        let before = try await PlanStore.load(key: next, audience: .internal, on: app.db).plan.rollUp().targetCount
        let form = try await editor.get(PlanURL.editTarget(plan: plan, target: target).path)
        XCTAssertTrue(form.body.contains("Doelstelling archiveren"), form.body)
        let deleted = try await editor.post(PlanURL.deleteTarget(plan: plan, target: target).path)
        XCTAssertEqual(deleted.status, .conflict)
        XCTAssertTrue(deleted.body.contains("Archiveer haar met een reden"), deleted.body)

        let archive = PlanURL.archiveTarget(plan: plan, target: target).path
        let noReason = try await editor.post(archive, ["reason": "  "])
        XCTAssertEqual(noReason.status, .unprocessableEntity)
        XCTAssertTrue(noReason.body.contains("de reden ontbreekt"), noReason.body)
        for browser in [lezer, other] {
            let refused = try await browser.post(archive, ["reason": "weg"])
            XCTAssertEqual(refused.status, .forbidden)
        }
        let nextID = try await Self.planID(app, next)
        let found = try await TargetRecord.query(on: app.db).filter(\.$key == "VVI.t1").filter(\.$plan.$id == nextID)
            .first()
        let record = try XCTUnwrap(found)
        XCTAssertNil(record.archivedAt, "refused archiving writes nothing")

        let archived = try await editor.post(archive, ["reason": "Vervallen na heroverweging"])
        XCTAssertEqual(archived.status, .seeOther, archived.body)
        let loaded = try await PlanStore.load(key: next, audience: .internal, on: app.db)
        XCTAssertEqual(loaded.plan.rollUp().targetCount, before - 1)
        XCTAssertEqual(loaded.plan.archivedTargets.map(\.key), ["VVI.t1"])
        XCTAssertEqual(loaded.plan.archivedTargets.first?.realisations.map(\.value), [2])
        let page = try await lezer.get(PlanURL.plan(plan).path)
        XCTAssertTrue(page.body.contains("Gearchiveerde doelen"))
        XCTAssertTrue(page.body.contains("Vervallen na heroverweging"))
        XCTAssertTrue(page.body.contains("door redacteur-flever@test.example"))
        XCTAssertFalse(page.body.contains("Herstellen"), "a lezer cannot restore")
        let gone = try await lezer.get(PlanURL.target(plan: plan, target: target).path)
        XCTAssertEqual(gone.status, .notFound)
        let api = try await lezer.get(PlanURL.apiTargets(plan: plan).path)
        let targets = try JSONSerialization.jsonObject(with: Data(api.body.utf8)) as? [[String: Any]] ?? []
        let json = try XCTUnwrap(targets.first { $0["key"] as? String == "VVI.t1" })
        XCTAssertEqual((json["archived"] as? [String: Any])?["reason"] as? String, "Vervallen na heroverweging")
        let audit = try await AuditEntry.query(on: app.db).filter(\.$action == "gearchiveerd").count()
        XCTAssertEqual(audit, 1)

        let restored = try await editor.post(PlanURL.restoreTarget(plan: plan, target: target).path)
        XCTAssertEqual(restored.status, .seeOther, restored.body)
        let back = try await PlanStore.load(key: next, audience: .internal, on: app.db)
        XCTAssertEqual(back.plan.rollUp().targetCount, before)
        XCTAssertTrue(back.plan.archivedTargets.isEmpty)
        let restoredAudit = try await AuditEntry.query(on: app.db).filter(\.$action == "hersteld").count()
        XCTAssertEqual(restoredAudit, 1)
    }

    /// A goal of the 2026 concept contributes to a Regioplan goal; the Regioplan goal page lists its
    /// contributors (anonymous visitors only those of published plans); own plan and duplicates refused.
    static func planLinks(_ app: Application, _ editor: Browser, _ lezer: Browser, _ other: Browser) async throws {
        let plan = Parameter.value(next)
        let node = Parameter.value("VVI.doel2025")
        let action = PlanURL.planLinks(plan: plan, node: node).path
        let goalPage = try await editor.get(PlanURL.node(plan: plan, node: node).path)
        XCTAssertEqual(goalPage.status, .ok)
        XCTAssertTrue(goalPage.body.contains("Bijdrage aan een doel van een ander plan toevoegen"))
        let iza = try await Self.nodeID(app, plan: regioplan, key: "B1.doel")
        XCTAssertTrue(goalPage.body.contains("value=\"\(iza.uuidString)\""), "the Regioplan goal is offered")
        let own = try await Self.nodeID(app, plan: next, key: "VVI.A1")
        XCTAssertFalse(goalPage.body.contains("value=\"\(own.uuidString)\""), "own goals are not offered")

        let toOwn = try await editor.post(action, ["goal": own.uuidString])
        XCTAssertEqual(toOwn.status, .unprocessableEntity)
        XCTAssertTrue(toOwn.body.contains("draagt bij aan een doel van een ander plan"), toOwn.body)
        let nothing = try await editor.post(action, ["goal": ""])
        XCTAssertEqual(nothing.status, .unprocessableEntity)
        XCTAssertTrue(nothing.body.contains("kies een doel van een ander plan"), nothing.body)
        for browser in [lezer, other] {
            let refused = try await browser.post(action, ["goal": iza.uuidString])
            XCTAssertEqual(refused.status, .forbidden)
        }
        // The concept copy for 2026 carries the links of Flever 2025's goals (kopiëren naar volgend jaar).
        let copied = PlansDemoData.planLinks.filter { $0.fromPlan == flever }
        XCTAssertFalse(copied.isEmpty)
        let demoLinks = try await PlanLinkRecord.query(on: app.db).count()
        XCTAssertEqual(demoLinks, PlansDemoData.planLinks.count + copied.count)
        for link in copied {
            let from = try await Self.nodeID(app, plan: next, key: link.fromNode)
            let to = try await Self.nodeID(app, plan: link.toPlan, key: link.toNode)
            let stored = try await PlanLinkRecord.query(on: app.db).filter(\.$from.$id == from)
                .filter(\.$to.$id == to).first()
            XCTAssertEqual(stored?.note, link.note, "\(link.fromNode) → \(link.toNode)")
        }

        let linked = try await editor.post(action, ["goal": iza.uuidString, "note": "Inwoners denken mee."])
        XCTAssertEqual(linked.status, .seeOther, linked.body)
        let twice = try await editor.post(action, ["goal": iza.uuidString])
        XCTAssertEqual(twice.status, .unprocessableEntity)
        XCTAssertTrue(twice.body.contains("dit doel draagt al bij aan"), twice.body)
        let count = try await PlanLinkRecord.query(on: app.db).count()
        XCTAssertEqual(count, demoLinks + 1)

        // The Regioplan goal page: contributors with plan, organisation, goal and status.
        let regio = PlanURL.node(plan: .value(regioplan), node: .value("B1.doel")).path
        let forReader = try await lezer.get(regio)
        XCTAssertEqual(forReader.status, .ok)
        XCTAssertTrue(forReader.body.contains("Bijdragen uit andere plannen"))
        XCTAssertTrue(forReader.body.contains("Jaarplan Flever 2026"), "a reader sees the concept's contribution")
        XCTAssertTrue(forReader.body.contains("Contourenschets Krachtige Samenleving"))
        XCTAssertTrue(forReader.body.contains("Doel 2025: Doelstelling PG 2025 (afbouwjaar)"), forReader.body)
        XCTAssertFalse(forReader.body.contains("Bijdrage vastleggen"), "a lezer gets no form")
        let anonymous = try await Browser(app).get(regio)
        XCTAssertEqual(anonymous.status, .ok)
        XCTAssertTrue(anonymous.body.contains("Jaarplan Flever 2025"))
        XCTAssertFalse(anonymous.body.contains("Jaarplan Flever 2026"), "no concept plan for the public")
        let contributing = try await lezer.get(PlanURL.node(plan: plan, node: node).path)
        XCTAssertTrue(contributing.body.contains("Draagt bij aan"))
        XCTAssertTrue(contributing.body.contains("Regioplan Integraal Zorgakkoord Flevoland"))
        let api = try await lezer.get(PlanURL.apiPlan(.value(regioplan)).path)
        XCTAssertTrue(api.body.contains("\"contributors\":[{"), api.body)
        XCTAssertTrue(api.body.contains("\"plan\":\"\(next)\""))

        let ownGoal = try await Self.nodeID(app, plan: next, key: "VVI.doel2025")
        let made = try await PlanLinkRecord.query(on: app.db).filter(\.$to.$id == iza).filter(\.$from.$id == ownGoal)
            .first()
        let link = try XCTUnwrap(made)
        let remove = PlanURL.removePlanLink(plan: plan, node: node, link: .value(try link.requireID().uuidString)).path
        let otherRemove = try await other.post(remove)
        XCTAssertEqual(otherRemove.status, .forbidden)
        let removed = try await editor.post(remove)
        XCTAssertEqual(removed.status, .seeOther, removed.body)
        let after = try await PlanLinkRecord.query(on: app.db).count()
        XCTAssertEqual(after, demoLinks)
        let audit = try await AuditEntry.query(on: app.db).filter(\.$entity == "plankoppeling").count()
        XCTAssertEqual(audit, 2)
    }

    static func planID(_ app: Application, _ key: String) async throws -> UUID {
        let plan = try await PlanRecord.query(on: app.db).filter(\.$key == key).first()
        return try XCTUnwrap(plan?.id)
    }

    static func nodeID(_ app: Application, plan key: String, key nodeKey: String) async throws -> UUID {
        let planID = try await planID(app, key)
        let node = try await GoalNodeRecord.query(on: app.db).filter(\.$plan.$id == planID)
            .filter(\.$key == nodeKey).first()
        return try XCTUnwrap(node?.id)
    }
}
