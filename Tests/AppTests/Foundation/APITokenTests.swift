import Fluent
import NIOConcurrencyHelpers
import Vapor
import VitaalDomain
import XCTVapor
import XCTest

@testable import AcuteCareFeature
@testable import AppCore

/// Personal API tokens (#15): made on `/account/tokens` or with `vitaal token create`, shown once,
/// stored as a hash; `Authorization: Bearer` on `/api/v1` with scope, expiry and revocation.
final class APITokenTests: XCTestCase {
    static let scenario =
        #"{"name":"Post in Rutten","description":"Test","changes":{"addedPosts":[{"id":"rutten","name":"Rutten","location":{"lat":52.808,"lon":5.728},"isSchematic":true}]}}"#

    /// A clock the test moves forward.
    final class TestClock: Sendable {
        let box = NIOLockedValueBox(Date(timeIntervalSince1970: 1_764_576_000))
        var clock: VitaalClock { VitaalClock { [box] in box.withLockedValue { $0 } } }
        func advance(_ seconds: TimeInterval) { box.withLockedValue { $0 += seconds } }
    }

    static func token(in body: String) -> String? {
        guard let range = body.range(of: #"vit_[A-Za-z0-9_-]{43}"#, options: .regularExpression) else { return nil }
        return String(body[range])
    }

    static func bearer(_ token: String) -> [String: String] { ["Authorization": "Bearer \(token)"] }

    static func user(_ app: Application, _ email: String) async throws -> User {
        let user = try await User.query(on: app.db).filter(\.$email == email).first()
        return try XCTUnwrap(user)
    }

    static func makeToken(
        _ app: Application, _ email: String, scope: APITokenScope, days: Int = 30
    ) async throws -> String {
        let user = try await user(app, email)
        return try await APITokens.create(
            for: user, name: "test", scope: scope.rawValue, days: days, actor: nil, actorName: "test",
            on: app.db, now: app.clock.now()
        ).1
    }

    static func seedAcuteCare(_ app: Application) async throws {
        try await TestApp.seedFoundation(app)
        try await AcuteCareFeature().loadDemoData(app: app, log: { _ in })
    }

    static func scenarioCount(_ app: Application) async throws -> Int {
        try await AcuteCareScenarioRecord.query(on: app.db).filter(\.$slug == "post-in-rutten").count()
    }

    /// The page shows a new token once; it reads internal indicators as its user; only its hash is
    /// stored; using it makes no session; `last_used_at` is written at most once a minute.
    func testTokenFromThePageIsShownOnceStoredHashedAndReadsAsItsUser() async throws {
        try await TestApp.with { app in
            let clock = TestClock()
            app.clock = clock.clock
            try await MonitorTestSupport.seedDemo(app)
            let (email, password) = try await TestApp.user(app, role: .lezer)
            let browser = Browser(app)
            try await browser.login(email, password)
            let empty = try await browser.get(SiteURL.accountTokens.path)
            XCTAssertEqual(empty.status, .ok)
            XCTAssertTrue(empty.body.contains("U heeft nog geen API-tokens."))
            XCTAssertFalse(empty.body.contains("value=\"schrijven\""), "a lezer is not offered write tokens")

            let made = try await browser.post(
                SiteURL.accountTokens.path, ["name": "Dashboard GGD", "scope": "lezen", "days": "30"])
            XCTAssertEqual(made.status, .ok)
            XCTAssertEqual(made.headers.first(name: .cacheControl), "no-store")
            let token = try XCTUnwrap(Self.token(in: made.body), made.body)
            XCTAssertTrue(made.body.contains("het wordt niet opnieuw getoond"))
            let again = try await browser.get(SiteURL.accountTokens.path)
            XCTAssertFalse(again.body.contains(token), "the token is shown once")
            XCTAssertTrue(again.body.contains("Dashboard GGD"))

            let rows = try await APIToken.query(on: app.db).all()
            XCTAssertEqual(rows.count, 1)
            XCTAssertEqual(rows.first?.tokenHash, APITokens.hash(token))
            XCTAssertNotEqual(rows.first?.tokenHash, token)
            XCTAssertFalse(rows.first?.tokenHash.contains(String(token.dropFirst(4).prefix(16))) ?? true)
            XCTAssertEqual(rows.first?.expiresAt, clock.clock.now().addingTimeInterval(30 * 24 * 3600))
            let audit = try await AuditEntry.query(on: app.db).filter(\.$entity == "api-token").first()
            XCTAssertEqual(audit?.actor, email)
            XCTAssertFalse(audit?.summary.contains(token) ?? true)

            let machine = Browser(app)
            let anonymous = try await machine.get("/api/v1/indicators")
            XCTAssertFalse(anonymous.body.contains("tz_mijlpalen"))
            let internalData = try await machine.request(.GET, "/api/v1/indicators", headers: Self.bearer(token))
            XCTAssertEqual(internalData.status, .ok)
            XCTAssertTrue(internalData.body.contains("tz_mijlpalen"), "the token reads what its user may read")
            XCTAssertNil(internalData.headers.first(name: .setCookie), "a token request makes no session")
            XCTAssertNil(machine.cookie)
            let used = try await APIToken.query(on: app.db).first()?.lastUsedAt
            XCTAssertEqual(used, clock.clock.now())

            clock.advance(30)
            try await machine.request(.GET, "/api/v1/indicators", headers: Self.bearer(token))
            let unchanged = try await APIToken.query(on: app.db).first()?.lastUsedAt
            XCTAssertEqual(unchanged, used, "not written again within a minute")
            clock.advance(31)
            try await machine.request(.HEAD, "/api/v1/indicators", headers: Self.bearer(token))
            let later = try await APIToken.query(on: app.db).first()?.lastUsedAt
            XCTAssertEqual(later, clock.clock.now())
        }
    }

    /// A read token may only GET/HEAD: a write with it is 403 and writes nothing. A write token writes
    /// without a CSRF token; a cookie session still needs one, also when it sends a bearer header
    /// outside the API.
    func testReadTokenCannotWriteAndWriteTokenNeedsNoCSRF() async throws {
        try await TestApp.with { app in
            try await Self.seedAcuteCare(app)
            let (email, password) = try await TestApp.user(app, role: .redacteur)
            let readToken = try await Self.makeToken(app, email, scope: .lezen)
            let writeToken = try await Self.makeToken(app, email, scope: .schrijven)
            let client = Browser(app)
            let path = AcuteCareURL.apiScenarios.path

            let refused = try await client.request(.POST, path, json: Self.scenario, headers: Self.bearer(readToken))
            XCTAssertEqual(refused.status, .forbidden)
            XCTAssertTrue(refused.body.contains("\"code\":\"forbidden\""), refused.body)
            XCTAssertTrue(refused.body.contains("mag alleen lezen"), refused.body)
            for method in [HTTPMethod.PUT, .DELETE, .PATCH] {
                let other = try await client.request(method, path, json: "{}", headers: Self.bearer(readToken))
                XCTAssertEqual(other.status, .forbidden, "\(method)")
            }
            let afterRefusals = try await Self.scenarioCount(app)
            XCTAssertEqual(afterRefusals, 0)

            // A session without the CSRF token is still refused, and so is a bearer header outside /api/v1.
            let browser = Browser(app)
            try await browser.login(email, password)
            let noCSRF = try await browser.request(.POST, path, json: Self.scenario)
            XCTAssertEqual(noCSRF.status, .forbidden)
            let outside = try await browser.request(
                .POST, SiteURL.accountTokens.path, form: ["name": "x", "scope": "lezen"],
                headers: Self.bearer(writeToken))
            XCTAssertEqual(outside.status, .forbidden)
            XCTAssertTrue(outside.body.contains("CSRF"))
            let stillNone = try await Self.scenarioCount(app)
            XCTAssertEqual(stillNone, 0)

            let created = try await client.request(.POST, path, json: Self.scenario, headers: Self.bearer(writeToken))
            XCTAssertEqual(created.status, .created, created.body)
            let saved = try await AcuteCareScenarioRecord.query(on: app.db).filter(\.$slug == "post-in-rutten")
                .first()
            XCTAssertEqual(saved?.author, email)
            let audit = try await AuditEntry.query(on: app.db).filter(\.$entity == "ambulancescenario")
                .filter(\.$entityID == "post-in-rutten").first()
            XCTAssertEqual(audit?.actor, email)
        }
    }

    /// A lezer's write token would be refused at creation; a token made for a lezer by other means
    /// still cannot pass the routes' role guard.
    func testWriteTokenOfALezerIsRefusedAndTheRoleStillCounts() async throws {
        try await TestApp.with { app in
            try await Self.seedAcuteCare(app)
            let (email, password) = try await TestApp.user(app, role: .lezer)
            let browser = Browser(app)
            try await browser.login(email, password)
            try await browser.get(SiteURL.accountTokens.path)
            let refused = try await browser.post(
                SiteURL.accountTokens.path, ["name": "schrijver", "scope": "schrijven", "days": "30"])
            XCTAssertEqual(refused.status, .unprocessableEntity)
            XCTAssertTrue(refused.body.contains("alleen een token met bereik lezen"))
            let none = try await APIToken.query(on: app.db).count()
            XCTAssertEqual(none, 0)

            // Demoted after making a write token: the route's role guard decides.
            let (editor, _) = try await TestApp.user(app, role: .redacteur)
            let token = try await Self.makeToken(app, editor, scope: .schrijven)
            let user = try await Self.user(app, editor)
            user.role = .lezer
            try await user.save(on: app.db)
            let write = try await Browser(app).request(
                .POST, AcuteCareURL.apiScenarios.path, json: Self.scenario, headers: Self.bearer(token))
            XCTAssertEqual(write.status, .forbidden)
            let count = try await Self.scenarioCount(app)
            XCTAssertEqual(count, 0)
        }
    }

    /// Revoked, expired, unknown and malformed tokens are refused with 401 and the API's error body.
    func testRevokedExpiredAndUnknownTokensAreRefused() async throws {
        try await TestApp.with { app in
            let clock = TestClock()
            app.clock = clock.clock
            try await TestApp.seedFoundation(app)
            let (email, password) = try await TestApp.user(app, role: .redacteur)
            let browser = Browser(app)
            try await browser.login(email, password)
            try await browser.get(SiteURL.accountTokens.path)
            let made = try await browser.post(
                SiteURL.accountTokens.path, ["name": "kort", "scope": "lezen", "days": "1"])
            let token = try XCTUnwrap(Self.token(in: made.body))
            let client = Browser(app)
            let ok = try await client.request(.GET, "/api/v1/regions", headers: Self.bearer(token))
            XCTAssertEqual(ok.status, .ok)

            clock.advance(24 * 3600 + 1)
            let expired = try await client.request(.GET, "/api/v1/regions", headers: Self.bearer(token))
            XCTAssertEqual(expired.status, .unauthorized)
            XCTAssertTrue(expired.body.contains("\"code\":\"unauthorized\""), expired.body)
            XCTAssertTrue(expired.body.contains("verlopen"), expired.body)
            try await browser.login(email, password)  // the session itself has expired meanwhile
            let page = try await browser.get(SiteURL.accountTokens.path)
            XCTAssertTrue(page.body.contains("verlopen"))

            let second = try await browser.post(
                SiteURL.accountTokens.path, ["name": "lang", "scope": "lezen", "days": "90"])
            let other = try XCTUnwrap(Self.token(in: second.body))
            let found = try await APIToken.query(on: app.db).filter(\.$tokenHash == APITokens.hash(other)).first()
            let row = try XCTUnwrap(found)
            let revokePath = SiteURL.accountTokenRevoke(.value(try row.requireID().uuidString)).path

            // Someone else cannot revoke it.
            let (stranger, strangerPassword) = try await TestApp.user(app, role: .beheerder)
            let strangerBrowser = Browser(app)
            try await strangerBrowser.login(stranger, strangerPassword)
            let notTheirs = try await strangerBrowser.post(revokePath)
            XCTAssertEqual(notTheirs.status, .notFound)
            let stillWorks = try await client.request(.GET, "/api/v1/regions", headers: Self.bearer(other))
            XCTAssertEqual(stillWorks.status, .ok)

            let revoked = try await browser.post(revokePath)
            XCTAssertEqual(revoked.status, .seeOther)
            XCTAssertEqual(revoked.location, SiteURL.accountTokens.path + "?melding=ingetrokken")
            let refused = try await client.request(.GET, "/api/v1/regions", headers: Self.bearer(other))
            XCTAssertEqual(refused.status, .unauthorized)
            XCTAssertTrue(refused.body.contains("ingetrokken"), refused.body)
            let audit = try await AuditEntry.query(on: app.db).filter(\.$action == "ingetrokken").count()
            XCTAssertEqual(audit, 1)

            for header in ["Bearer vit_" + String(repeating: "A", count: 43), "Bearer onzin", "Bearer "] {
                let r = try await client.request(.GET, "/api/v1/regions", headers: ["Authorization": header])
                XCTAssertEqual(r.status, .unauthorized, header)
                XCTAssertTrue(r.body.contains("Onbekend API-token"), r.body)
            }
        }
    }

    /// The account decides too: a deactivated user's token is refused even if it was not revoked; a
    /// one-time password still to be replaced does not hold a token back (the CLI flow for a new account).
    func testTheTokensAccountDecides() async throws {
        try await TestApp.with { app in
            try await TestApp.seedFoundation(app)
            let (email, _) = try await TestApp.user(app, role: .lezer)
            let token = try await Self.makeToken(app, email, scope: .lezen)
            let user = try await Self.user(app, email)
            user.mustChangePassword = true
            try await user.save(on: app.db)
            let client = Browser(app)
            let allowed = try await client.request(.GET, "/api/v1/regions", headers: Self.bearer(token))
            XCTAssertEqual(allowed.status, .ok, allowed.body)

            user.isActive = false
            try await user.save(on: app.db)
            let refused = try await client.request(.GET, "/api/v1/regions", headers: Self.bearer(token))
            XCTAssertEqual(refused.status, .unauthorized)
            XCTAssertTrue(refused.body.contains("gedeactiveerd"), refused.body)
        }
    }

    /// Bad input on the form: 422 naming the field, nothing written.
    func testBadTokenFormsAreRefused() async throws {
        try await TestApp.with { app in
            try await TestApp.seedFoundation(app)
            let (email, password) = try await TestApp.user(app, role: .redacteur)
            let browser = Browser(app)
            try await browser.login(email, password)
            try await browser.get(SiteURL.accountTokens.path)
            let cases: [([String: String], String)] = [
                (["name": "", "scope": "lezen", "days": "30"], "Geef het token een naam"),
                (["name": "x", "scope": "alles", "days": "30"], "Kies het bereik lezen of schrijven"),
                (["name": "x", "scope": "lezen", "days": "0"], "De geldigheid (dagen) moet tussen 1 en 365 liggen"),
                (["name": "x", "scope": "lezen", "days": "366"], "De geldigheid (dagen) moet tussen 1 en 365 liggen"),
                (["name": "x", "scope": "lezen", "days": "1e3"], "is geen geheel getal"),
                (["name": String(repeating: "n", count: 101), "scope": "lezen", "days": "3"], "De naam is te lang")
            ]
            for (form, message) in cases {
                let r = try await browser.post(SiteURL.accountTokens.path, form)
                XCTAssertEqual(r.status, .unprocessableEntity, message)
                XCTAssertTrue(r.body.contains(message), "\(message): \(r.body)")
                XCTAssertTrue(r.body.contains("field field-error"), message)
                XCTAssertNil(Self.token(in: r.body))
            }
            let count = try await APIToken.query(on: app.db).count()
            XCTAssertEqual(count, 0)
            let anonymous = try await Browser(app).post(SiteURL.accountTokens.path, ["name": "x", "scope": "lezen"])
            XCTAssertTrue([.unauthorized, .forbidden].contains(anonymous.status))
            let stillNone = try await APIToken.query(on: app.db).count()
            XCTAssertEqual(stillNone, 0)
        }
    }

    /// `vitaal token create` prints a working token once and audits it as the CLI.
    func testTokenCreateCommand() async throws {
        try await TestApp.with { app in
            try await Self.seedAcuteCare(app)
            let (email, _) = try await TestApp.user(app, role: .redacteur)
            let console = MonitorRecordingConsole()
            var context = CommandContext(
                console: console,
                input: CommandInput(arguments: [
                    "vitaal", "token", "create", "--user", email, "--scope", "schrijven", "--days", "30", "--name",
                    "nachtelijke import"
                ]))
            context.application = app
            try await console.run(app.asyncCommands.group(), with: context)
            let token = try XCTUnwrap(Self.token(in: console.output), console.output)
            let row = try await APIToken.query(on: app.db).first()
            XCTAssertEqual(row?.name, "nachtelijke import")
            XCTAssertEqual(row?.tokenScope, .schrijven)
            XCTAssertEqual(row?.tokenHash, APITokens.hash(token))
            let audit = try await AuditEntry.query(on: app.db).filter(\.$entity == "api-token").first()
            XCTAssertEqual(audit?.actor, "cli")
            let created = try await Browser(app).request(
                .POST, AcuteCareURL.apiScenarios.path, json: Self.scenario, headers: Self.bearer(token))
            XCTAssertEqual(created.status, .created, created.body)

            let badConsole = MonitorRecordingConsole()
            var bad = CommandContext(
                console: badConsole,
                input: CommandInput(arguments: [
                    "vitaal", "token", "create", "--user", "onbekend@x.example", "--name", "x"
                ]))
            bad.application = app
            do {
                try await badConsole.run(app.asyncCommands.group(), with: bad)
                XCTFail("an unknown user is refused")
            } catch let error as VitaalError {
                XCTAssertTrue(error.description.contains("Onbekende gebruiker"), error.description)
            }
        }
    }

    /// The OpenAPI document describes the bearer scheme next to the session, on every non-public operation.
    func testOpenAPIDocumentsTheBearerScheme() async throws {
        try await TestApp.with { app in
            let doc = try await Browser(app).get(SiteURL.openAPI.path)
            let json = try JSONSerialization.jsonObject(with: Data(doc.body.utf8)) as? [String: Any]
            let components = json?["components"] as? [String: Any]
            let schemes = components?["securitySchemes"] as? [String: Any]
            let bearer = schemes?["bearer"] as? [String: Any]
            XCTAssertEqual(bearer?["type"] as? String, "http")
            XCTAssertEqual(bearer?["scheme"] as? String, "bearer")
            XCTAssertNotNil(schemes?["session"])
            let paths = json?["paths"] as? [String: [String: Any]] ?? [:]
            var secured = 0
            for (_, operations) in paths {
                for (_, operation) in operations {
                    guard let security = (operation as? [String: Any])?["security"] as? [[String: Any]] else {
                        continue
                    }
                    secured += 1
                    XCTAssertEqual(Set(security.flatMap(\.keys)), ["session", "bearer"])
                }
            }
            XCTAssertGreaterThan(secured, 0)
        }
    }

    /// The tokens page with a token just made, an active, an expired and a revoked one.
    func testAccountTokensPageSnapshot() {
        let context = Fixtures.context(
            viewer: Fixtures.viewer(.redacteur), path: SiteURL.accountTokens.path, csrfToken: "token")
        let day: TimeInterval = 24 * 3600
        let model = AccountTokensPage.Model(
            tokens: [
                .init(
                    id: UUID(uuidString: "00000000-0000-0000-0000-0000000000C1")!, name: "Import GGD-cijfers",
                    scope: .schrijven, createdAt: Fixtures.now, expiresAt: Fixtures.now + 30 * day,
                    lastUsedAt: nil, revokedAt: nil),
                .init(
                    id: UUID(uuidString: "00000000-0000-0000-0000-0000000000C2")!, name: "Dashboard",
                    scope: .lezen, createdAt: Fixtures.now - 100 * day, expiresAt: Fixtures.now + 10 * day,
                    lastUsedAt: Fixtures.now - 3600, revokedAt: nil),
                .init(
                    id: UUID(uuidString: "00000000-0000-0000-0000-0000000000C3")!, name: "Oud script",
                    scope: .lezen, createdAt: Fixtures.now - 200 * day, expiresAt: Fixtures.now - 110 * day,
                    lastUsedAt: Fixtures.now - 120 * day, revokedAt: nil),
                .init(
                    id: UUID(uuidString: "00000000-0000-0000-0000-0000000000C4")!, name: "Gelekt <token>",
                    scope: .schrijven, createdAt: Fixtures.now - 20 * day, expiresAt: Fixtures.now + 70 * day,
                    lastUsedAt: nil, revokedAt: Fixtures.now - day)
            ],
            mayWrite: true,
            issued: .init(name: "Import GGD-cijfers", token: "vit_" + String(repeating: "x", count: 43)))
        let page = AccountTokensPage.view(model, context)
        let html = Layout.document(page: page, context: context)
        XCTAssertTrue(html.contains("Gelekt &lt;token&gt;"))
        XCTAssertEqual(html.components(separatedBy: ">Intrekken<").count - 1, 2, "only usable tokens can be revoked")
        assertSnapshot(html, named: "Foundation/account-tokens")
    }
}
