import Fluent
import SQLKit
import VitaalDomain
import XCTVapor
import XCTest

@testable import AppCore

/// Login throttling, sessions, one-time passwords and redirects (security review M1, M2, M4, M10).
final class AuthHardeningTests: XCTestCase {
    func testParallelWrongPasswordsAreAllCountedAndTheRealUserGetsInAfterTheDelay() async throws {
        try await TestApp.with { app in
            try await TestApp.seedFoundation(app)
            var policy = LoginThrottle.Policy()
            policy.baseDelay = 1
            app.loginThrottle = LoginThrottle(policy: policy)
            let (email, password) = try await TestApp.user(app, role: .redacteur)

            // Eight wrong passwords at once: five are checked, the rest wait — none slips through.
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        let b = Browser(app)
                        try await b.get("/inloggen")
                        return try await b.post("/inloggen", ["email": email, "password": "verkeerd-wachtwoord"]).status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            XCTAssertEqual(statuses.filter { $0 == .unauthorized }.count, 5, "\(statuses)")
            XCTAssertEqual(statuses.filter { $0 == .tooManyRequests }.count, 3, "\(statuses)")
            let sql = app.db as! any SQLDatabase
            let failures = try await sql.select().column("failures").from("login_throttle")
                .where("key", .equal, LoginThrottle.accountKey(email)).first()?.decode(column: "failures", as: Int.self)
            // Five were checked and counted; how many of the other three were counted before being
            // turned away depends on how the requests interleaved (all at once: 8; one by one: 5).
            XCTAssertTrue((5...8).contains(failures ?? 0), "failures counted: \(failures ?? 0)")

            // The real user right now: delayed, with Retry-After and a Dutch message.
            let real = Browser(app)
            try await real.get("/inloggen")
            let early = try await real.post("/inloggen", ["email": email, "password": password])
            XCTAssertEqual(early.status, .tooManyRequests)
            XCTAssertTrue(early.body.contains("Te veel mislukte inlogpogingen"))
            // …but not locked out: once the delay it names has passed (1 s · 2^(failures − 5), at
            // most 8 s here), the right password works.
            let wait = try XCTUnwrap(early.headers.first(name: .retryAfter).flatMap(Int.init))
            XCTAssertTrue((1...8).contains(wait), "Retry-After \(wait)")
            try await Task.sleep(nanoseconds: UInt64(wait) * 1_000_000_000 + 300_000_000)
            let later = try await real.post("/inloggen", ["email": email, "password": password])
            XCTAssertEqual(later.status, .seeOther)
            let left = try await sql.select().column("key").from("login_throttle")
                .where("key", .equal, LoginThrottle.accountKey(email)).all()
            XCTAssertTrue(left.isEmpty, "a successful login clears the account's count")
        }
    }

    func testAFailedLoginTakesAsLongForUnknownAsForKnownAccounts() async throws {
        try await TestApp.with { app in
            try await TestApp.seedFoundation(app)
            // A real cost, so the hash dominates the time (tests otherwise use cost 4).
            app.passwords.use(.bcrypt(cost: 9))
            var policy = LoginThrottle.Policy()
            policy.freeFailures = 1_000
            app.loginThrottle = LoginThrottle(policy: policy)
            let (email, _) = try await TestApp.user(app, role: .lezer)
            let browser = Browser(app)
            try await browser.get("/inloggen")
            func median(_ address: String) async throws -> Double {
                var times: [Double] = []
                for _ in 0..<9 {
                    let start = DispatchTime.now().uptimeNanoseconds
                    let r = try await browser.post("/inloggen", ["email": address, "password": "niet-het-wachtwoord"])
                    times.append(Double(DispatchTime.now().uptimeNanoseconds - start))
                    XCTAssertEqual(r.status, .unauthorized)
                }
                return times.sorted()[4]
            }
            _ = try await median("opwarmen@test.example")
            let known = try await median(email)
            let unknown = try await median("bestaat-niet@test.example")
            XCTAssertLessThan(
                abs(known - unknown) / known, 0.2, "known \(known / 1e6) ms vs unknown \(unknown / 1e6) ms")
        }
    }

    func testOnlySameSitePathsAreRedirectTargets() {
        for good in ["/", "/monitor", "/plannen/flever-2025?soort=voortgang", "/monitor/indicator/bw_x%20y"] {
            XCTAssertEqual(safeBack(good), good)
        }
        for bad in [
            "//evil.example", "/\t/evil.example", "/\n/evil.example", "/\\evil.example", "/%2F/evil.example",
            "/%2f%2fevil.example", "/\"><x", "https://evil.example", "evil.example", "/%5Cevil", "/a b", "/%0A"
        ] {
            XCTAssertNil(safeBack(bad), bad)
        }
    }

    func testTheLoginFormEscapesTheReturnPath() async throws {
        try await TestApp.with { app in
            let page = try await Browser(app).get("/inloggen?terug=%2F%22%3E%3Cx%20y%3Dz")
            XCTAssertEqual(page.status, .ok)
            XCTAssertFalse(page.body.contains("\"><x"))
            XCTAssertTrue(page.body.contains("name=\"terug\" value=\"/\""), "an unsafe return path falls back to /")
        }
    }

    func testSessionsExpireOnTheServerAndUnknownCookiesStoreNothing() async throws {
        try await TestApp.with { app in
            try await TestApp.seedFoundation(app)
            let (email, password) = try await TestApp.user(app, role: .lezer)

            // A made-up cookie on pages without a form: no session row.
            let before = try await Sessions.count(on: app.db)
            let stranger = Browser(app)
            for i in 0..<5 {
                stranger.cookie = "verzonnen-\(i)"
                let awaited1 = try await stranger.get("/over").status
                XCTAssertEqual(awaited1, .ok)
            }
            let awaited2 = try await Sessions.count(on: app.db)
            XCTAssertEqual(awaited2, before)

            // The stored key is a hash, never the cookie itself.
            let browser = Browser(app)
            let awaited3 = try await browser.login(email, password).status
            XCTAssertEqual(awaited3, .seeOther)
            let cookie = try XCTUnwrap(browser.cookie)
            let awaited4 = try await SessionRow.find(cookie, on: app.db)
            XCTAssertNil(awaited4)
            let awaited5 = try await browser.get("/account/wachtwoord").status
            XCTAssertEqual(awaited5, .ok)

            // Idle for longer than the idle timeout: the session is gone, the user must log in again.
            let idle = app.vitaal.sessionIdleTimeout
            try await SessionRow.query(on: app.db).set(\.$lastSeenAt, to: Date().timeIntervalSince1970 - idle - 1)
                .update()
            let afterIdle = try await browser.get("/account/wachtwoord")
            XCTAssertEqual(afterIdle.status, .seeOther)
            XCTAssertTrue(afterIdle.location?.hasPrefix("/inloggen") == true)

            // Past the absolute lifetime, even while active.
            let awaited6 = try await browser.login(email, password).status
            XCTAssertEqual(awaited6, .seeOther)
            let absolute = app.vitaal.sessionAbsoluteTimeout
            try await SessionRow.query(on: app.db).set(\.$createdAt, to: Date().timeIntervalSince1970 - absolute - 1)
                .update()
            let awaited7 = try await browser.get("/account/wachtwoord").status
            XCTAssertEqual(awaited7, .seeOther)

            // Expired rows are swept.
            let awaited8 = try await browser.login(email, password).status
            XCTAssertEqual(awaited8, .seeOther)
            try await SessionRow.query(on: app.db).set(\.$lastSeenAt, to: 0).update()
            try await VitaalSessionDriver.purgeExpired(on: app.db, idle: idle, absolute: absolute, now: app.clock.now())
            let awaited9 = try await Sessions.count(on: app.db)
            XCTAssertEqual(awaited9, 0)
        }
    }

    func testAPasswordChangeEndsTheUsersOtherSessions() async throws {
        try await TestApp.with { app in
            try await TestApp.seedFoundation(app)
            let (email, password) = try await TestApp.user(app, role: .lezer)
            let laptop = Browser(app)
            let stolen = Browser(app)
            _ = try await laptop.login(email, password)
            _ = try await stolen.login(email, password)
            let awaited10 = try await stolen.get("/account/wachtwoord").status
            XCTAssertEqual(awaited10, .ok)
            try await laptop.get("/account/wachtwoord")
            let changed = try await laptop.post(
                "/account/wachtwoord",
                ["current": password, "new": "een-nieuw-lang-wachtwoord", "repeat": "een-nieuw-lang-wachtwoord"])
            XCTAssertEqual(changed.status, .seeOther)
            let awaited11 = try await laptop.get("/account/wachtwoord").status
            XCTAssertEqual(awaited11, .ok, "the session that changed it stays")
            let awaited12 = try await stolen.get("/account/wachtwoord").status
            XCTAssertEqual(awaited12, .seeOther, "the other session is over")
        }
    }

    func testOneTimePasswordsExpireAndMustBeChangedBeforeAnythingElse() async throws {
        try await TestApp.with { app in
            try await TestApp.seedFoundation(app)
            let (user, oneTime) = try await UserService.create(
                on: app.db, password: app.password.async, email: "nieuw@test.example", name: "Nieuw", role: "redacteur",
                organisationSlug: "flever", actor: nil, now: app.clock.now())
            XCTAssertTrue(user.mustChangePassword)
            let expires = try XCTUnwrap(user.oneTimePasswordExpiresAt)
            XCTAssertEqual(expires.timeIntervalSinceNow, 24 * 3600, accuracy: 60)

            let browser = Browser(app)
            try await browser.get("/inloggen")
            let login = try await browser.post("/inloggen", ["email": "nieuw@test.example", "password": oneTime])
            XCTAssertEqual(login.location, "/account/wachtwoord")
            // Every other route leads back to the password form, or is refused.
            let monitor = try await browser.get("/monitor")
            XCTAssertEqual(monitor.status, .seeOther)
            XCTAssertEqual(monitor.location, "/account/wachtwoord")
            try await browser.get("/account/wachtwoord")
            let write = try await browser.post("/monitor/verhalen", ["titel": "x"])
            XCTAssertEqual(write.status, .forbidden)
            XCTAssertTrue(write.body.contains("eigen wachtwoord"))
            let api = try await browser.get("/api/v1/monitors")
            XCTAssertEqual(api.status, .forbidden)

            // After 24 hours the one-time password no longer works.
            user.oneTimePasswordExpiresAt = Date().addingTimeInterval(-1)
            try await user.save(on: app.db)
            let late = Browser(app)
            try await late.get("/inloggen")
            let expired = try await late.post("/inloggen", ["email": "nieuw@test.example", "password": oneTime])
            XCTAssertEqual(expired.status, .unauthorized)
            XCTAssertTrue(expired.body.contains("verlopen"))
        }
    }
}
