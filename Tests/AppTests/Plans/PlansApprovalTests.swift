import Fluent
import VitaalDomain
import XCTVapor
import XCTest

@testable import AppCore
@testable import PlansFeature

/// Four-eyes approval (#16): a partner submits, a vaststeller of the steering organisation (the
/// province) rejects with a reason or adopts; the submitter, an editor of the same organisation and a
/// province editor without the vaststeller flag cannot adopt. Everything through the real forms.
final class PlansApprovalTests: XCTestCase {
    static let next = PlansInputTests.next

    /// A logged-in browser for a new user.
    static func browser(
        _ app: Application, _ role: Role, _ organisation: String, _ email: String
    ) async throws -> (Browser, User) {
        let (email, password) = try await TestApp.user(app, role: role, organisation: organisation, email: email)
        let browser = Browser(app)
        try await browser.login(email, password)
        return (browser, try await User.query(on: app.db).filter(\.$email == email).first()!)
    }

    static func status(_ app: Application, _ key: String) async throws -> PlanRecord {
        try await PlanRecord.query(on: app.db).filter(\.$key == key).first()!
    }

    func testSubmitRejectWithReasonResubmitAndAdoptionByAProvinceVaststeller() async throws {
        try await TestApp.with { app in
            let flever = try await PlansInputTests.setUp(app)
            let approval = "/plannen/\(Self.next)/vaststelling"
            let status = "/plannen/\(Self.next)/status"

            // The beheerder makes a province editor vaststeller through the admin page's form.
            let (admin, _) = try await Self.browser(app, .beheerder, "provincie-flevoland", "beheer@provincie.example")
            let (province, provinceUser) = try await Self.browser(
                app, .redacteur, "provincie-flevoland", "vaststeller@provincie.example")
            let (provinceEditor, _) = try await Self.browser(
                app, .redacteur, "provincie-flevoland", "redacteur@provincie.example")
            let userPage = try await admin.get("/beheer/gebruikers/\(provinceUser.id!.uuidString)")
            XCTAssertTrue(userPage.body.contains("Mag plannen vaststellen (vaststeller)"), userPage.body)
            let flagged = try await admin.post(
                "/beheer/gebruikers/\(provinceUser.id!.uuidString)/vaststeller", ["approver": "ja"])
            XCTAssertEqual(flagged.status, .seeOther, flagged.body)
            let fleverUser = try await User.query(on: app.db).filter(\.$email == "redacteur-flever@test.example")
                .first()!
            let notSteering = try await admin.post(
                "/beheer/gebruikers/\(fleverUser.id!.uuidString)/vaststeller", ["approver": "ja"])
            XCTAssertEqual(notSteering.status, .conflict)
            XCTAssertTrue(
                notSteering.body.contains("Alleen een gebruiker van de sturende organisatie kan vaststeller zijn"),
                notSteering.body)
            let fleverAfter = try await User.find(fleverUser.id, on: app.db)
            XCTAssertEqual(fleverAfter?.mayApprove, false, "nothing written")

            // Submit through the approval page's form.
            let page = try await flever.get(approval)
            XCTAssertTrue(page.body.contains("Indienen ter vaststelling"), page.body)
            let submitted = try await flever.post(status, ["status": "ingediend"])
            XCTAssertEqual(submitted.status, .seeOther, submitted.body)

            // The P&C calendar lists it as waiting for adoption; its year is bounded.
            let calendar = try await province.get("/plannen/kalender?jaar=2025")
            XCTAssertEqual(calendar.status, .ok)
            XCTAssertTrue(calendar.body.contains("Ter vaststelling"), calendar.body)
            XCTAssertTrue(calendar.body.contains("\(approval)\">Jaarplan Flever 2026</a>"), calendar.body)
            XCTAssertTrue(calendar.body.contains("2025-11-01"), "the jaarplan deadline for 2026")
            let badYear = try await province.get("/plannen/kalender?jaar=99999")
            XCTAssertEqual(badYear.status.code / 100, 4)
            let anonymousCalendar = try await Browser(app).get("/plannen/kalender")
            XCTAssertNotEqual(anonymousCalendar.status, .ok)

            // Neither the submitter, nor a second Flever editor, nor a province editor without the flag adopts.
            let own = try await flever.post(status, ["status": "vastgesteld"])
            XCTAssertEqual(own.status, .forbidden)
            XCTAssertTrue(own.body.contains("Vier-ogenprincipe"), own.body)
            let (secondFlever, _) = try await Self.browser(app, .redacteur, "flever", "tweede@flever.example")
            let second = try await secondFlever.post(status, ["status": "vastgesteld"])
            XCTAssertEqual(second.status, .forbidden)
            XCTAssertTrue(second.body.contains("U bent geen vaststeller"), second.body)
            let provinceNoFlag = try await provinceEditor.post(status, ["status": "vastgesteld"])
            XCTAssertEqual(provinceNoFlag.status, .forbidden)
            XCTAssertTrue(
                provinceNoFlag.body.contains("een vaststeller van Provincie Flevoland of een beheerder"),
                provinceNoFlag.body)
            let stillSubmitted = try await Self.status(app, Self.next)
            XCTAssertEqual(stillSubmitted.status, "ingediend")

            // A rejection without a reason: 422, the message next to the field, nothing written.
            let auditBefore = try await AuditEntry.query(on: app.db).filter(\.$action == "status").count()
            let review = try await province.get(approval)
            XCTAssertTrue(review.body.contains("Afwijzen (terug naar concept)"), review.body)
            XCTAssertTrue(review.body.contains(">Vaststellen<"), review.body)
            let noReason = try await province.post(status, ["status": "concept", "reden": "   "])
            XCTAssertEqual(noReason.status, .unprocessableEntity)
            XCTAssertTrue(noReason.body.contains("id=\"f-reden-error\""), noReason.body)
            XCTAssertTrue(noReason.body.contains("Reden ontbreekt"), noReason.body)
            let tooLong = try await province.post(
                status, ["status": "concept", "reden": String(repeating: "x", count: TransitionInput.maxReason + 1)])
            XCTAssertEqual(tooLong.status, .unprocessableEntity)
            XCTAssertTrue(tooLong.body.contains("Reden is te lang"), tooLong.body)
            let unchanged = try await Self.status(app, Self.next)
            XCTAssertEqual(unchanged.status, "ingediend")
            XCTAssertNil(unchanged.rejectionReason)
            let auditAfter = try await AuditEntry.query(on: app.db).filter(\.$action == "status").count()
            XCTAssertEqual(auditBefore, auditAfter)

            // Rejected with a reason: back to concept, the reason visible to the owner and in the history.
            let reason = "De begroting voor 2026 ontbreekt nog."
            let rejected = try await province.post(status, ["status": "concept", "reden": reason])
            XCTAssertEqual(rejected.status, .seeOther, rejected.body)
            let concept = try await Self.status(app, Self.next)
            XCTAssertEqual(concept.status, "concept")
            XCTAssertEqual(concept.rejectionReason, reason)
            XCTAssertEqual(concept.rejectedBy, "vaststeller@provincie.example")
            XCTAssertNil(concept.submittedByID)
            let seen = try await flever.get(approval)
            XCTAssertTrue(seen.body.contains("Reden: \(reason)"), seen.body)
            XCTAssertTrue(seen.body.contains("afgewezen door vaststeller@provincie.example"), seen.body)

            // Resubmitted by Flever, adopted by the province's vaststeller.
            let resubmitted = try await flever.post(status, ["status": "ingediend"])
            XCTAssertEqual(resubmitted.status, .seeOther, resubmitted.body)
            let adopted = try await province.post(status, ["status": "vastgesteld"])
            XCTAssertEqual(adopted.status, .seeOther, adopted.body)
            let final = try await Self.status(app, Self.next)
            XCTAssertEqual(final.status, "vastgesteld")
            XCTAssertEqual(final.adoptedBy, "vaststeller@provincie.example")
            XCTAssertNil(final.rejectionReason, "the rejection is settled by the adoption")
            let history = try await AuditEntry.query(on: app.db).filter(\.$action == "status")
                .filter(\.$entityID == Self.next).sort(\.$at).all()
            XCTAssertEqual(
                history.map(\.actor),
                [
                    "redacteur-flever@test.example", "vaststeller@provincie.example", "redacteur-flever@test.example",
                    "vaststeller@provincie.example"
                ])
            XCTAssertTrue(history[1].summary.contains("Reden: \(reason)"), history[1].summary)
            let publicPage = try await Browser(app).get(approval)
            XCTAssertTrue(publicPage.body.contains("vastgesteld door vaststeller@provincie.example"), publicPage.body)

            // Self-approval: the vaststeller submits a province plan and may not adopt it.
            let copy = try await province.post("/plannen/krachtige-samenleving-2020/kopie")
            XCTAssertEqual(copy.status, .seeOther, copy.body)
            let copyKey = String(copy.location!.dropFirst("/plannen/".count).prefix { $0 != "?" })
            let ownSubmission = try await province.post("/plannen/\(copyKey)/status", ["status": "ingediend"])
            XCTAssertEqual(ownSubmission.status, .seeOther, ownSubmission.body)
            let selfApproval = try await province.post("/plannen/\(copyKey)/status", ["status": "vastgesteld"])
            XCTAssertEqual(selfApproval.status, .forbidden)
            XCTAssertTrue(
                selfApproval.body.contains("Vier-ogenprincipe: u hebt dit plan zelf ingediend"), selfApproval.body)
            let copyStatus = try await Self.status(app, copyKey)
            XCTAssertEqual(copyStatus.status, "ingediend")

            // When the beheerder makes another organisation the steering one, the province's flag stops counting.
            let moved = try await admin.post("/beheer/organisaties/ggd-flevoland/sturend", ["steering": "ja"])
            XCTAssertEqual(moved.status, .seeOther, moved.body)
            let steering = try await Organisation.query(on: app.db).filter(\.$isSteering == true).all().map(\.slug)
            XCTAssertEqual(steering, ["ggd-flevoland"])
            let withdrawn = try await province.post(
                "/plannen/\(copyKey)/status", ["status": "concept", "reden": "Nog niet af."])
            XCTAssertEqual(withdrawn.status, .seeOther, "the owner may still withdraw")
            let entry = try await AuditEntry.query(on: app.db).filter(\.$entityID == copyKey)
                .filter(\.$action == "status").sort(\.$at, .descending).first()
            XCTAssertTrue(entry?.summary.contains("teruggetrokken door") == true, entry?.summary ?? "")
            _ = try await provinceEditor.post("/plannen/\(copyKey)/status", ["status": "ingediend"])
            let notSteeringAnyMore = try await province.post("/plannen/\(copyKey)/status", ["status": "vastgesteld"])
            XCTAssertEqual(notSteeringAnyMore.status, .forbidden)
            XCTAssertTrue(notSteeringAnyMore.body.contains("U bent geen vaststeller"), notSteeringAnyMore.body)
        }
    }
}
