import Fluent
import VitaalDomain
import XCTVapor
import XCTest

@testable import AppCore

final class AuthorizationTests: XCTestCase {
    /// Every write route × every role (anonymous included): below the route's minimum role the
    /// request is refused with 401/403; at or above it, the guard lets it through.
    func testAuthorizationMatrixCoversEveryWriteRoute() async throws {
        try await TestApp.with { app in
            try await TestApp.seedFoundation(app)
            var accounts: [Role: (String, String)] = [:]
            for role in Role.allCases {
                accounts[role] = try await TestApp.user(app, role: role, organisation: "flever")
            }

            let writeRoutes = app.routes.all.filter { ![.GET, .HEAD, .OPTIONS].contains($0.method) }
            XCTAssertFalse(writeRoutes.isEmpty)
            var checked = 0
            for route in writeRoutes {
                let path =
                    "/"
                    + route.path.map { component -> String in
                        switch component {
                        case .parameter: return UUID().uuidString
                        default: return component.description
                        }
                    }.joined(separator: "/")
                guard let access = route.userInfo["access"] as? RouteAccess else {
                    XCTFail("write route \(route.method) \(path) declares no minimum role (use routes.write)")
                    continue
                }
                for role in [nil] + Role.allCases as [Role?] {
                    let browser = Browser(app)
                    if let role, let (email, password) = accounts[role] {
                        let login = try await browser.login(email, password)
                        XCTAssertEqual(login.status, .seeOther, "login as \(role)")
                    } else {
                        try await browser.get("/inloggen")
                    }
                    // Never log the test browser out of its session before the check.
                    if path == "/uitloggen" && role != nil { continue }
                    // A streamed upload reads its own body: its form token is read by nobody, so it is
                    // sent as the header here (a browser sends it in the query of a multipart form).
                    let streamed = route.userInfo["maxBody"] == nil
                    let result = try await browser.request(
                        route.method, path, form: ["csrf": browser.csrf ?? ""],
                        headers: streamed ? ["X-CSRF-Token": browser.csrf ?? ""] : [:])
                    let refused = result.status == .unauthorized || result.status == .forbidden
                    switch access {
                    case .anyone:
                        XCTAssertFalse(
                            result.status == .forbidden && result.body.contains("CSRF"),
                            "\(route.method) \(path) as \(role?.rawValue ?? "anoniem")")
                    case .role(let minimum):
                        if let role, role >= minimum {
                            XCTAssertFalse(
                                refused && !result.body.contains("eigen organisatie"),
                                "\(route.method) \(path) as \(role.rawValue) should pass the role guard, got \(result.status)"
                            )
                        } else {
                            XCTAssertTrue(
                                refused,
                                "\(route.method) \(path) as \(role?.rawValue ?? "anoniem") must be refused, got \(result.status)"
                            )
                            if role == nil {
                                XCTAssertEqual(result.status, .unauthorized)
                            } else {
                                XCTAssertEqual(result.status, .forbidden)
                            }
                        }
                    }
                    checked += 1
                }
            }
            XCTAssertGreaterThanOrEqual(checked, writeRoutes.count * 3)
        }
    }

    func testWriteWithoutCSRFTokenIsRefused() async throws {
        try await TestApp.with { app in
            try await TestApp.seedFoundation(app)
            let (email, password) = try await TestApp.user(app, role: .beheerder)
            let browser = Browser(app)
            _ = try await browser.login(email, password)
            for route in app.routes.all where ![.GET, .HEAD, .OPTIONS].contains(route.method) {
                let path =
                    "/"
                    + route.path.map { c -> String in
                        if case .parameter = c { return UUID().uuidString }
                        return c.description
                    }.joined(separator: "/")
                let noToken = try await browser.request(route.method, path, form: ["x": "1"])
                XCTAssertEqual(noToken.status, .forbidden, "\(route.method) \(path) without token")
                XCTAssertTrue(noToken.body.contains("CSRF"), "\(path): message names the CSRF token")
                let wrong = try await browser.request(route.method, path, form: ["csrf": "verkeerd"])
                XCTAssertEqual(wrong.status, .forbidden, "\(route.method) \(path) with a wrong token")
            }
            // The same form with the right token works.
            let ok = try await browser.post("/beheer/organisaties", ["name": "Testorganisatie", "kind": "welzijn"])
            XCTAssertEqual(ok.status, .seeOther)
        }
    }

    func testLoginRotatesSessionAndLogoutEndsIt() async throws {
        try await TestApp.with { app in
            try await TestApp.seedFoundation(app)
            let (email, password) = try await TestApp.user(app, role: .beheerder)
            let browser = Browser(app)
            try await browser.get("/inloggen")
            let before = try XCTUnwrap(browser.cookie)
            let login = try await browser.post("/inloggen", ["email": email, "password": password])
            XCTAssertEqual(login.status, .seeOther)
            let after = try XCTUnwrap(browser.cookie)
            XCTAssertNotEqual(before, after, "session id must change on login")
            XCTAssertTrue(login.headers[.setCookie].joined().lowercased().contains("httponly"))
            XCTAssertTrue(login.headers[.setCookie].joined().lowercased().contains("samesite=lax"))

            // The pre-login session id does not grant access.
            let attacker = Browser(app)
            attacker.cookie = before
            let stolen = try await attacker.get("/beheer")
            XCTAssertNotEqual(stolen.status, .ok)

            let value1 = try await browser.get("/beheer").status
            XCTAssertEqual(value1, .ok)
            try await browser.get("/")
            let logout = try await browser.post("/uitloggen")
            XCTAssertEqual(logout.status, .seeOther)
            let replay = Browser(app)
            replay.cookie = after
            let value2 = try await replay.get("/beheer").status
            XCTAssertEqual(value2, .seeOther, "old session cookie is dead after logout")
        }
    }

    func testFailedLoginsAreThrottled() async throws {
        try await TestApp.with { app in
            try await TestApp.seedFoundation(app)
            let (email, password) = try await TestApp.user(app, role: .lezer)
            let browser = Browser(app)
            for _ in 0..<LoginThrottle.Policy().freeFailures {
                let r = try await browser.post("/inloggen", ["email": email, "password": "fout-wachtwoord"])
                XCTAssertEqual(r.status, .unauthorized)
                XCTAssertTrue(r.body.contains("Onjuist e-mailadres of wachtwoord"))
            }
            let blocked = try await browser.post("/inloggen", ["email": email, "password": password])
            XCTAssertEqual(blocked.status, .tooManyRequests)
            XCTAssertTrue(blocked.body.contains("Te veel mislukte inlogpogingen"))
        }
    }

    func testRolesSeeOnlyWhatTheyMay() async throws {
        try await TestApp.with { app in
            try await TestApp.seedFoundation(app)
            let (lezer, lezerPW) = try await TestApp.user(app, role: .lezer)
            let anonymous = Browser(app)
            let anonAdmin = try await anonymous.get("/beheer")
            XCTAssertEqual(anonAdmin.status, .seeOther)
            XCTAssertTrue(anonAdmin.location?.hasPrefix("/inloggen") == true)
            let reader = Browser(app)
            _ = try await reader.login(lezer, lezerPW)
            let value3 = try await reader.get("/beheer/audit").status
            XCTAssertEqual(value3, .forbidden)
            let value4 = try await reader.get("/account/wachtwoord").status
            XCTAssertEqual(value4, .ok)
        }
    }

    /// Public pages never show internal data: user e-mail addresses, the audit log.
    func testPublicPagesShowNoInternalData() async throws {
        try await TestApp.with { app in
            try await TestApp.seedFoundation(app)
            let (email, _) = try await TestApp.user(app, role: .redacteur, email: "geheim.persoon@flever.example")
            let browser = Browser(app)
            let publicPaths = app.routes.all.filter {
                $0.method == .GET
                    && !$0.path.contains {
                        if case .parameter = $0 { return true }
                        return false
                    }
            }
            .map { "/" + $0.path.map(\.description).joined(separator: "/") }
            XCTAssertTrue(publicPaths.contains("/"))
            for path in publicPaths where !path.hasPrefix("/metrics") {
                let r = try await browser.get(path)
                XCTAssertFalse(r.body.contains(email), "\(path) shows a user's e-mail address to anonymous visitors")
                XCTAssertFalse(r.body.contains("Test Redacteur"), "\(path) shows a user's name")
            }
        }
    }

    func testEditorWritesOnlyOwnOrganisation() async throws {
        try await TestApp.with { app in
            try await TestApp.seedFoundation(app)
            let flever = try await Organisation.query(on: app.db).filter(\.$slug == "flever").first()!
            let ggd = try await Organisation.query(on: app.db).filter(\.$slug == "ggd-flevoland").first()!
            let (email, _) = try await TestApp.user(app, role: .redacteur)
            let user = try await User.query(on: app.db).filter(\.$email == email).first()!
            XCTAssertTrue(user.mayWrite(organisationID: flever.id))
            XCTAssertFalse(user.mayWrite(organisationID: ggd.id))
            XCTAssertFalse(user.mayWrite(organisationID: nil))
        }
    }
}
