import Fluent
import Vapor
import VitaalDomain
import XCTVapor
import XCTest

@testable import AppCore

/// Users and organisations managed by a beheerder (#15): role and organisation, deactivation and
/// reactivation, editing, retiring and reinstating organisations; each audited, with the rules that
/// keep an active beheerder and keep organisations with active users.
final class AdminUsersTests: XCTestCase {
    static func user(_ app: Application, _ email: String) async throws -> User {
        let user = try await User.query(on: app.db).filter(\.$email == email).first()
        return try XCTUnwrap(user)
    }

    static func id(_ app: Application, _ email: String) async throws -> String {
        try await user(app, email).requireID().uuidString
    }

    static func organisation(_ app: Application, _ slug: String) async throws -> Organisation {
        let organisation = try await Organisation.query(on: app.db).filter(\.$slug == slug).first()
        return try XCTUnwrap(organisation)
    }

    /// A logged-in beheerder of the province.
    static func admin(_ app: Application) async throws -> (Browser, String) {
        let (email, password) = try await TestApp.user(app, role: .beheerder, organisation: "provincie-flevoland")
        let browser = Browser(app)
        try await browser.login(email, password)
        return (browser, email)
    }

    func testBeheerderChangesRoleAndOrganisation() async throws {
        try await TestApp.with { app in
            try await TestApp.seedFoundation(app)
            let (browser, adminEmail) = try await Self.admin(app)
            let (editor, _) = try await TestApp.user(app, role: .redacteur)
            let id = try await Self.id(app, editor)
            let page = try await browser.get(SiteURL.adminUser(.value(id)).path)
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.body.contains("Account deactiveren"))

            let bad = try await browser.post(
                SiteURL.adminUser(.value(id)).path, ["role": "baas", "organisation": "bestaat-niet"])
            XCTAssertEqual(bad.status, .unprocessableEntity)
            XCTAssertTrue(bad.body.contains("Onbekende rol"))
            XCTAssertTrue(bad.body.contains("Onbekende organisatie"))
            let unchanged = try await Self.user(app, editor)
            XCTAssertEqual(unchanged.role, .redacteur)

            let ok = try await browser.post(
                SiteURL.adminUser(.value(id)).path, ["role": "lezer", "organisation": "ggd-flevoland"])
            XCTAssertEqual(ok.status, .seeOther)
            XCTAssertEqual(ok.location, SiteURL.adminUser(.value(id)).path + "?melding=opgeslagen")
            let changed = try await Self.user(app, editor)
            XCTAssertEqual(changed.role, .lezer)
            let ggd = try await Self.organisation(app, "ggd-flevoland")
            XCTAssertEqual(changed.$organisation.id, ggd.id)
            let audit = try await AuditEntry.query(on: app.db).filter(\.$entityID == id)
                .filter(\.$action == "gewijzigd").first()
            XCTAssertEqual(audit?.actor, adminEmail)
            XCTAssertEqual(audit?.summary.contains("rol redacteur → lezer"), true, audit?.summary ?? "")
            XCTAssertEqual(audit?.summary.contains("Flever → GGD Flevoland"), true, audit?.summary ?? "")
            let shown = try await browser.get(SiteURL.adminUser(.value(id)).path + "?melding=opgeslagen")
            XCTAssertTrue(shown.body.contains("De wijziging is opgeslagen."))
            XCTAssertTrue(shown.body.contains("rol redacteur → lezer"), "the history is on the page")
        }
    }

    /// Deactivated: the login is refused (the state said only to whoever knows the password), the
    /// running session ends at once, the tokens stop working; the history stays. Reactivated: the
    /// password works again; the revoked tokens stay revoked.
    func testDeactivatedUserCannotLogInLosesSessionsAndTokens() async throws {
        try await TestApp.with { app in
            try await TestApp.seedFoundation(app)
            let (admin, _) = try await Self.admin(app)
            let (email, password) = try await TestApp.user(app, role: .redacteur)
            let id = try await Self.id(app, email)
            let session = Browser(app)
            try await session.login(email, password)
            let before = try await session.get(SiteURL.accountTokens.path)
            XCTAssertEqual(before.status, .ok)
            let made = try await session.post(
                SiteURL.accountTokens.path, ["name": "script", "scope": "schrijven", "days": "30"])
            let token = try XCTUnwrap(APITokenTests.token(in: made.body))
            let auditBefore = try await AuditEntry.query(on: app.db).filter(\.$userID == UUID(uuidString: id))
                .count()
            XCTAssertGreaterThan(auditBefore, 0)

            let off = try await admin.post(SiteURL.adminUserDeactivate(.value(id)).path)
            XCTAssertEqual(off.status, .seeOther)
            let user = try await Self.user(app, email)
            XCTAssertFalse(user.isActive)
            XCTAssertNotNil(user.deactivatedAt)
            let sessions = try await SessionRow.query(on: app.db).filter(\.$userID == UUID(uuidString: id)).count()
            XCTAssertEqual(sessions, 0)

            let after = try await session.get(SiteURL.accountTokens.path)
            XCTAssertEqual(after.status, .seeOther, "the running session has ended")
            XCTAssertTrue(after.location?.hasPrefix(SiteURL.login.path) ?? false)
            let api = try await Browser(app).request(
                .GET, "/api/v1/regions", headers: APITokenTests.bearer(token))
            XCTAssertEqual(api.status, .unauthorized)

            let refused = try await Browser(app).login(email, password)
            XCTAssertEqual(refused.status, .unauthorized)
            XCTAssertTrue(refused.body.contains("Dit account is gedeactiveerd."))
            let wrong = try await Browser(app).login(email, "niet-het-wachtwoord")
            XCTAssertTrue(wrong.body.contains("Onjuist e-mailadres of wachtwoord."))
            XCTAssertFalse(wrong.body.contains("gedeactiveerd"), "a wrong password learns nothing of the state")

            let auditAfter = try await AuditEntry.query(on: app.db).filter(\.$userID == UUID(uuidString: id)).count()
            XCTAssertEqual(auditAfter, auditBefore, "the history stays")
            let list = try await admin.get(SiteURL.adminUsers.path)
            XCTAssertTrue(list.body.contains("gedeactiveerd"))

            let on = try await admin.post(SiteURL.adminUserReactivate(.value(id)).path)
            XCTAssertEqual(on.status, .seeOther)
            let back = Browser(app)
            let login = try await back.login(email, password)
            XCTAssertEqual(login.status, .seeOther)
            let stillRevoked = try await Browser(app).request(
                .GET, "/api/v1/regions", headers: APITokenTests.bearer(token))
            XCTAssertEqual(stillRevoked.status, .unauthorized)
            let actions = try await AuditEntry.query(on: app.db).filter(\.$entityID == id).all().map(\.action)
            XCTAssertTrue(actions.contains("gedeactiveerd"))
            XCTAssertTrue(actions.contains("geactiveerd"))
        }
    }

    /// A beheerder cannot deactivate or demote themself; the last active beheerder stays one.
    func testBeheerderCannotDeactivateOrDemoteThemselfAndTheLastBeheerderStays() async throws {
        try await TestApp.with { app in
            try await TestApp.seedFoundation(app)
            let (admin, adminEmail) = try await Self.admin(app)
            let adminID = try await Self.id(app, adminEmail)
            let audit = try await AuditEntry.query(on: app.db).count()

            let deactivateSelf = try await admin.post(SiteURL.adminUserDeactivate(.value(adminID)).path)
            XCTAssertEqual(deactivateSelf.status, .conflict)
            XCTAssertTrue(deactivateSelf.body.contains("U kunt uw eigen account niet deactiveren"))
            let demoteSelf = try await admin.post(
                SiteURL.adminUser(.value(adminID)).path, ["role": "lezer", "organisation": "provincie-flevoland"])
            XCTAssertEqual(demoteSelf.status, .conflict)
            XCTAssertTrue(demoteSelf.body.contains("U kunt uw eigen rol niet verlagen"))
            let me = try await Self.user(app, adminEmail)
            XCTAssertTrue(me.isActive)
            XCTAssertEqual(me.role, .beheerder)
            let auditAfter = try await AuditEntry.query(on: app.db).count()
            XCTAssertEqual(auditAfter, audit, "nothing written")

            // The rule itself: with one active beheerder, that one can be neither demoted nor deactivated.
            let meID = try me.requireID()
            do {
                try await UserService.requireAnotherActiveBeheerder(
                    than: meID, email: adminEmail, doing: "niet gedeactiveerd worden", on: app.db)
                XCTFail("the last active beheerder")
            } catch let error as VitaalError {
                XCTAssertEqual(error.kind, .conflict)
                XCTAssertTrue(error.message.contains("laatste actieve beheerder"))
            }
            // A second beheerder, deactivated, does not count; an active one does.
            let (second, _) = try await TestApp.user(app, role: .beheerder, organisation: "flever")
            let secondID = try await Self.id(app, second)
            let off = try await admin.post(SiteURL.adminUserDeactivate(.value(secondID)).path)
            XCTAssertEqual(off.status, .seeOther)
            do {
                try await UserService.requireAnotherActiveBeheerder(
                    than: meID, email: adminEmail, doing: "geen andere rol krijgen", on: app.db)
                XCTFail("a deactivated beheerder does not count")
            } catch let error as VitaalError { XCTAssertEqual(error.kind, .conflict) }
            let reactivated = try await admin.post(SiteURL.adminUserReactivate(.value(secondID)).path)
            XCTAssertEqual(reactivated.status, .seeOther)
            try await UserService.requireAnotherActiveBeheerder(
                than: meID, email: adminEmail, doing: "geen andere rol krijgen", on: app.db)

            // The other beheerder can be demoted now (one remains).
            let demote = try await admin.post(
                SiteURL.adminUser(.value(secondID)).path, ["role": "redacteur", "organisation": "flever"])
            XCTAssertEqual(demote.status, .seeOther)
            let demoted = try await Self.user(app, second)
            XCTAssertEqual(demoted.role, .redacteur)
        }
    }

    /// An organisation with active users cannot be retired (the message names how many); once it
    /// has none it can, and it leaves the pickers for new accounts; reinstated, it is back.
    func testOrganisationWithActiveUsersCannotBeRetired() async throws {
        try await TestApp.with { app in
            try await TestApp.seedFoundation(app)
            let (admin, _) = try await Self.admin(app)
            let (editor, _) = try await TestApp.user(app, role: .redacteur, organisation: "medrie")
            try await TestApp.user(app, role: .lezer, organisation: "medrie")
            let retire = SiteURL.adminOrganisationRetire(.value("medrie")).path

            let refused = try await admin.post(retire)
            XCTAssertEqual(refused.status, .conflict)
            XCTAssertTrue(refused.body.contains("Medrie heeft nog 2 actieve gebruikers"), refused.body)
            let notRetired = try await Self.organisation(app, "medrie")
            XCTAssertNil(notRetired.retiredAt)

            for email in [editor, "lezer-medrie@test.example"] {
                let off = try await admin.post(SiteURL.adminUserDeactivate(.value(try await Self.id(app, email))).path)
                XCTAssertEqual(off.status, .seeOther)
            }
            let ok = try await admin.post(retire)
            XCTAssertEqual(ok.status, .seeOther)
            let retired = try await Self.organisation(app, "medrie")
            XCTAssertNotNil(retired.retiredAt)
            let users = try await admin.get(SiteURL.adminUsers.path)
            XCTAssertFalse(users.body.contains("value=\"medrie\""), "not offered for a new account")
            let create = try await admin.post(
                SiteURL.adminUsers.path,
                ["email": "nieuw@medrie.example", "name": "Nieuw", "role": "lezer", "organisation": "medrie"])
            XCTAssertEqual(create.status, .unprocessableEntity)
            XCTAssertTrue(create.body.contains("De organisatie Medrie is opgeheven"))
            let list = try await admin.get(SiteURL.adminOrganisations.path)
            XCTAssertTrue(list.body.contains("opgeheven"))

            // A deactivated user of a retired organisation is reactivated only after a move.
            let editorID = try await Self.id(app, editor)
            let blocked = try await admin.post(SiteURL.adminUserReactivate(.value(editorID)).path)
            XCTAssertEqual(blocked.status, .conflict)
            XCTAssertTrue(blocked.body.contains("is opgeheven"))
            let stillOff = try await Self.user(app, editor)
            XCTAssertFalse(stillOff.isActive)

            let reinstate = try await admin.post(SiteURL.adminOrganisationReinstate(.value("medrie")).path)
            XCTAssertEqual(reinstate.status, .seeOther)
            let back = try await admin.get(SiteURL.adminUsers.path)
            XCTAssertTrue(back.body.contains("value=\"medrie\""))
            let actions = try await AuditEntry.query(on: app.db).filter(\.$entity == "organisatie").all().map(\.action)
            XCTAssertTrue(actions.contains("opgeheven"))
            XCTAssertTrue(actions.contains("hersteld"))
        }
    }

    /// `vitaal user list` and `vitaal organisation list` say which accounts and organisations are out of use.
    func testListsMarkDeactivatedUsersAndRetiredOrganisations() async throws {
        try await TestApp.with { app in
            try await TestApp.seedFoundation(app)
            let (admin, _) = try await Self.admin(app)
            let (lezer, _) = try await TestApp.user(app, role: .lezer, organisation: "medrie")
            let off = try await admin.post(SiteURL.adminUserDeactivate(.value(try await Self.id(app, lezer))).path)
            XCTAssertEqual(off.status, .seeOther)
            let retired = try await admin.post(SiteURL.adminOrganisationRetire(.value("medrie")).path)
            XCTAssertEqual(retired.status, .seeOther)
            func run(_ arguments: [String]) async throws -> String {
                let console = MonitorRecordingConsole()
                var context = CommandContext(console: console, input: CommandInput(arguments: ["vitaal"] + arguments))
                context.application = app
                try await console.run(app.asyncCommands.group(), with: context)
                return console.output
            }
            let users = try await run(["user", "list"])
            XCTAssertTrue(users.contains("lezer  medrie  (gedeactiveerd)"), users)
            let organisations = try await run(["organisation", "list"])
            XCTAssertTrue(organisations.contains("Medrie (zorg)  (opgeheven)"), organisations)
        }
    }

    func testEditingAnOrganisation() async throws {
        try await TestApp.with { app in
            try await TestApp.seedFoundation(app)
            let (admin, adminEmail) = try await Self.admin(app)
            let path = SiteURL.adminOrganisation(.value("proscoop")).path
            let page = try await admin.get(path)
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.body.contains("Organisatie opheffen"))

            let bad = try await admin.post(
                path, ["name": "", "kind": "club", "region": "XX99", "website": "geen adres"])
            XCTAssertEqual(bad.status, .unprocessableEntity)
            for message in ["Vul een naam in.", "Onbekende soort", "Onbekende regiocode XX99", "begint met https://"] {
                XCTAssertTrue(bad.body.contains(message), message)
            }
            let taken = try await admin.post(path, ["name": "Medrie", "kind": "welzijn"])
            XCTAssertEqual(taken.status, .conflict)
            XCTAssertTrue(taken.body.contains("Er bestaat al een organisatie met de naam Medrie."))
            let unchanged = try await Self.organisation(app, "proscoop")
            XCTAssertEqual(unchanged.name, "Proscoop")

            let ok = try await admin.post(
                path,
                [
                    "name": "Proscoop Welzijn", "kind": "welzijn", "region": "pv24",
                    "website": "https://proscoop.example",
                    "description": "Welzijnsorganisatie in Flevoland."
                ])
            XCTAssertEqual(ok.status, .seeOther)
            let saved = try await Self.organisation(app, "proscoop")
            XCTAssertEqual(saved.name, "Proscoop Welzijn")
            XCTAssertEqual(saved.regionCode, "PV24")
            XCTAssertEqual(saved.website, "https://proscoop.example")
            XCTAssertEqual(saved.summary, "Welzijnsorganisatie in Flevoland.")
            let audit = try await AuditEntry.query(on: app.db).filter(\.$entity == "organisatie")
                .filter(\.$action == "gewijzigd").first()
            XCTAssertEqual(audit?.actor, adminEmail)
            XCTAssertEqual(audit?.summary.contains("naam Proscoop → Proscoop Welzijn"), true, audit?.summary ?? "")
        }
    }

    /// Every new admin write: anonymous, lezer and redacteur are refused (403, or 401 for anonymous
    /// visitors) and nothing is written.
    func testRoleMatrixOfTheNewAdminWrites() async throws {
        try await TestApp.with { app in
            try await TestApp.seedFoundation(app)
            let (target, _) = try await TestApp.user(app, role: .redacteur, organisation: "medrie")
            let id = try await Self.id(app, target)
            let writes: [(String, [String: String])] = [
                (SiteURL.adminUser(.value(id)).path, ["role": "beheerder", "organisation": "flever"]),
                (SiteURL.adminUserDeactivate(.value(id)).path, [:]),
                (SiteURL.adminUserReactivate(.value(id)).path, [:]),
                (SiteURL.adminOrganisation(.value("medrie")).path, ["name": "Overgenomen", "kind": "zorg"]),
                (SiteURL.adminOrganisationRetire(.value("medrie")).path, [:]),
                (SiteURL.adminOrganisationReinstate(.value("medrie")).path, [:])
            ]
            var clients: [(String, Browser)] = [("anoniem", Browser(app))]
            for role in [Role.lezer, .redacteur] {
                let (email, password) = try await TestApp.user(app, role: role, organisation: "flever")
                let browser = Browser(app)
                try await browser.login(email, password)
                clients.append((role.rawValue, browser))
            }
            let audit = try await AuditEntry.query(on: app.db).count()
            for (who, browser) in clients {
                for (path, form) in writes {
                    let r = try await browser.post(path, form)
                    let expected: [HTTPStatus] = who == "anoniem" ? [.unauthorized, .forbidden] : [.forbidden]
                    XCTAssertTrue(expected.contains(r.status), "\(who) \(path): \(r.status)")
                }
            }
            let user = try await Self.user(app, target)
            XCTAssertEqual(user.role, .redacteur)
            XCTAssertTrue(user.isActive)
            let medrie = try await Self.organisation(app, "medrie")
            XCTAssertEqual(medrie.name, "Medrie")
            XCTAssertNil(medrie.retiredAt)
            let after = try await AuditEntry.query(on: app.db).count()
            XCTAssertEqual(after, audit, "nothing written")
            for (path, _) in [
                (SiteURL.adminUser(.value(id)).path, ()), (SiteURL.adminOrganisation(.value("medrie")).path, ())
            ] {
                let page = try await clients[2].1.get(path)
                XCTAssertEqual(page.status, .forbidden, path)
            }
        }
    }
}
