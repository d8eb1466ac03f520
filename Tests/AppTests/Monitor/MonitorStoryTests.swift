import Fluent
import VitaalDomain
import XCTVapor
import XCTest

@testable import AppCore
@testable import MonitorFeature

/// Editors write stories next to the figures; they show on the linked indicator and region pages;
/// only the writer's organisation (or a beheerder) changes them; bad input writes nothing.
final class MonitorStoryTests: XCTestCase {
    static let indicator = "tz_meldingen_onbegrepen_gedrag"

    func testEditorWritesEditsAndDeletesAStoryShownOnIndicatorAndRegionPages() async throws {
        try await TestApp.with { app in
            try await MonitorTestSupport.seedDemo(app)
            let demoStories = try await Story.query(on: app.db).count()
            let (email, password) = try await TestApp.user(app, role: .redacteur, organisation: "ggd-flevoland")
            let editor = Browser(app)
            try await editor.login(email, password)
            let form = try await editor.get("/monitor/verhalen/nieuw")
            XCTAssertEqual(form.status, .ok, form.body)
            XCTAssertTrue(form.body.contains("name=\"ind_\(Self.indicator)\""))

            // Bad input: nothing written, fields named.
            let bad = try await editor.post("/monitor/verhalen", ["title": "", "text": "Tekst", "date": "2025-02-30"])
            XCTAssertEqual(bad.status, .unprocessableEntity)
            XCTAssertTrue(bad.body.contains("de titel ontbreekt"), bad.body)
            XCTAssertTrue(bad.body.contains("\"2025-02-30\" is geen datum"))
            XCTAssertTrue(bad.body.contains("koppel het verhaal aan ten minste één indicator of regio"))
            let afterBad = try await Story.query(on: app.db).count()
            XCTAssertEqual(afterBad, demoStories)

            let created = try await editor.post(
                "/monitor/verhalen",
                [
                    "title": "Wijkteam ziet meer eenzaamheid",
                    "text": "Het wijkteam in Lelystad-Zuid merkt dat ouderen vaker alleen zijn.",
                    "quote": "Ik zie soms weken niemand", "personRole": "inwoner (82)",
                    "source": "Wijkteam, casusoverleg",
                    "date": "2025-03-14", "ind_\(Self.indicator)": "on", "reg_GM0995": "on"
                ])
            XCTAssertEqual(created.status, .seeOther, created.body)
            let found = try await Story.query(on: app.db).filter(\.$title == "Wijkteam ziet meer eenzaamheid").first()
            let story = try XCTUnwrap(found)
            XCTAssertFalse(story.isExample)
            XCTAssertEqual(StoryFormPage.Form.isoDate(try XCTUnwrap(story.date)), "2025-03-14")
            let ggd = try await Organisation.query(on: app.db).filter(\.$slug == "ggd-flevoland").first()
            XCTAssertEqual(story.organisationID, ggd?.id)

            let anonymous = Browser(app)
            let indicatorPage = try await anonymous.get(MonitorURL.indicator(.value(Self.indicator)).path)
            XCTAssertTrue(indicatorPage.body.contains("Wijkteam ziet meer eenzaamheid"))
            XCTAssertTrue(indicatorPage.body.contains("Ik zie soms weken niemand"))
            let region = try await anonymous.get("/monitor/regio/GM0995")
            XCTAssertTrue(region.body.contains("Wijkteam ziet meer eenzaamheid"))
            let otherRegion = try await anonymous.get("/monitor/regio/GM0034")
            XCTAssertFalse(otherRegion.body.contains("Wijkteam ziet meer eenzaamheid"))
            let publicList = try await anonymous.get("/monitor/verhalen")
            XCTAssertNotEqual(publicList.status, .ok, "the editor list needs a login")

            // Edit: the region moves to Almere.
            let id = try story.requireID().uuidString
            let edit = try await editor.get(MonitorURL.story(.value(id)).path)
            XCTAssertTrue(edit.body.contains("value=\"2025-03-14\""))
            let updated = try await editor.post(
                MonitorURL.story(.value(id)).path,
                [
                    "title": "Wijkteam ziet meer eenzaamheid", "text": "Nu in Almere.", "reg_GM0034": "on"
                ])
            XCTAssertEqual(updated.status, .seeOther, updated.body)
            let moved = try await anonymous.get("/monitor/regio/GM0034")
            XCTAssertTrue(moved.body.contains("Nu in Almere."))
            let gone = try await anonymous.get(MonitorURL.indicator(.value(Self.indicator)).path)
            XCTAssertFalse(gone.body.contains("Wijkteam ziet meer eenzaamheid"))

            // Another organisation's editor can neither open nor change it; the writer deletes it.
            let (otherEmail, otherPassword) = try await TestApp.user(app, role: .redacteur, organisation: "flever")
            let other = Browser(app)
            try await other.login(otherEmail, otherPassword)
            let refused = try await other.post(MonitorURL.storyDelete(.value(id)).path)
            XCTAssertEqual(refused.status, .forbidden)
            XCTAssertTrue(refused.body.contains("eigen organisatie"))
            let deleted = try await editor.post(MonitorURL.storyDelete(.value(id)).path)
            XCTAssertEqual(deleted.status, .seeOther)
            let remaining = try await Story.query(on: app.db).count()
            XCTAssertEqual(remaining, demoStories)
            let links = try await StoryRegion.query(on: app.db).filter(\.$story.$id == story.requireID()).count()
            XCTAssertEqual(links, 0)
            let audit = try await AuditEntry.query(on: app.db).filter(\.$entity == "verhaal").all().map(\.action)
                .sorted()
            XCTAssertEqual(audit, ["aangemaakt", "gewijzigd", "verwijderd"])
        }
    }

    func testDemoStoriesAreChangedOnlyByABeheerder() async throws {
        try await TestApp.with { app in
            try await MonitorTestSupport.seedDemo(app)
            let first = try await Story.query(on: app.db).first()
            let demo = try XCTUnwrap(first)
            let id = try demo.requireID().uuidString
            let (email, password) = try await TestApp.user(app, role: .redacteur, organisation: "ggd-flevoland")
            let editor = Browser(app)
            try await editor.login(email, password)
            let page = try await editor.get(MonitorURL.story(.value(id)).path)
            XCTAssertEqual(page.status, .forbidden)
            let (aEmail, aPassword) = try await TestApp.user(app, role: .beheerder, organisation: "provincie-flevoland")
            let admin = Browser(app)
            try await admin.login(aEmail, aPassword)
            let adminPage = try await admin.get(MonitorURL.story(.value(id)).path)
            XCTAssertEqual(adminPage.status, .ok)
            XCTAssertEqual(demo.isExample, adminPage.body.contains("voorbeeldverhaal"))
        }
    }
}
