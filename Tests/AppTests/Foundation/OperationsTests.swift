import XCTest
import XCTVapor
import NIOCore
import Fluent
@testable import AppCore
import VitaalDomain

/// HTTP conformance, security headers, metrics access, safe defaults and the first-run commands.
final class OperationsTests: XCTestCase {
    func testErrorResponsesCarryTheSecurityHeaders() async throws {
        try await TestApp.with { app in
            let browser = Browser(app)
            for path in ["/bestaat-niet", "/api/v1/bestaat-niet", "/beheer"] {
                let r = try await browser.get(path)
                XCTAssertGreaterThanOrEqual(r.status.code, 300, path)
                let csp = try XCTUnwrap(r.headers.first(name: "Content-Security-Policy"), path)
                XCTAssertTrue(csp.contains("base-uri 'none'") && csp.contains("object-src 'none'"), csp)
                XCTAssertEqual(r.headers.first(name: "X-Content-Type-Options"), "nosniff", path)
                XCTAssertEqual(r.headers.first(name: "X-Frame-Options"), "DENY", path)
            }
            // A refused write (CSRF) too.
            let refused = try await browser.request(.POST, "/inloggen", form: ["email": "x"])
            XCTAssertEqual(refused.status, .forbidden)
            XCTAssertNotNil(refused.headers.first(name: "Content-Security-Policy"))
        }
    }

    func testAWrongMethodOnAKnownPathIs405WithAllow() async throws {
        try await TestApp.with { app in
            let browser = Browser(app)
            let post = try await browser.request(.POST, "/api/v1/openapi.json", form: ["x": "1"])
            XCTAssertEqual(post.status, .methodNotAllowed)
            XCTAssertEqual(post.headers.first(name: .allow), "GET, HEAD")
            XCTAssertTrue(post.body.contains("method_not_allowed"))
            let delete = try await browser.request(.DELETE, "/inloggen")
            XCTAssertEqual(delete.status, .methodNotAllowed)
            XCTAssertEqual(delete.headers.first(name: .allow), "GET, HEAD, POST")
            // An unknown path stays 404.
            let awaited1 = try await browser.request(.DELETE, "/bestaat/niet").status
            XCTAssertEqual(awaited1, .notFound)
        }
    }

    func testMetricsNeedTheTokenOrLoopback() async throws {
        try await TestApp.with { app in
            var config = app.vitaal
            config.metricsToken = "geheim-token-123"
            app.vitaal = config
            let browser = Browser(app)
            let anonymous = try await browser.get("/metrics")
            XCTAssertEqual(anonymous.status, .forbidden)
            XCTAssertFalse(anonymous.body.contains("http_requests_total"))
            let wrong = try await browser.request(.GET, "/metrics", headers: ["Authorization": "Bearer fout"])
            XCTAssertEqual(wrong.status, .forbidden)
            let ok = try await browser.request(.GET, "/metrics", headers: ["Authorization": "Bearer geheim-token-123"])
            XCTAssertEqual(ok.status, .ok)
            XCTAssertTrue(ok.body.contains("http_requests_total"))
        }
    }

    func testDemoDataAndItsAccountsOnlyOnRequest() {
        XCTAssertFalse(VitaalConfiguration.fromEnvironment([:]).demoOnEmptyDatabase)
        XCTAssertFalse(VitaalConfiguration.fromEnvironment(["VITAAL_DEMO": "0"]).demoOnEmptyDatabase)
        XCTAssertTrue(VitaalConfiguration.fromEnvironment(["VITAAL_DEMO": "1"]).demoOnEmptyDatabase)
        let c = VitaalConfiguration.fromEnvironment(["VITAAL_SESSION_IDLE_MINUTES": "30", "VITAAL_SESSION_MAX_HOURS": "1e308"])
        XCTAssertEqual(c.sessionIdleTimeout, 30 * 60)
        XCTAssertEqual(c.sessionAbsoluteTimeout, 12 * 3600, "an absurd value falls back to the default")
        XCTAssertTrue(ServeBootstrap.firstRunHelp.contains("vitaal organisation create"))
        XCTAssertTrue(ServeBootstrap.firstRunHelp.contains("vitaal user create"))
    }

    func testTheClientAddressBehindATrustedProxy() async throws {
        try await TestApp.with { app in
            var config = app.vitaal
            config.trustedProxies = ["10.0.0.5"]
            app.vitaal = config
            func address(peer: String, forwarded: String?) throws -> String {
                var headers = HTTPHeaders()
                if let forwarded { headers.replaceOrAdd(name: .xForwardedFor, value: forwarded) }
                let req = Request(application: app, method: .GET, url: "/", headers: headers,
                                  remoteAddress: try SocketAddress(ipAddress: peer, port: 443), on: app.eventLoopGroup.next())
                return req.clientAddress
            }
            XCTAssertEqual(try address(peer: "10.0.0.5", forwarded: "203.0.113.9"), "203.0.113.9")
            XCTAssertEqual(try address(peer: "10.0.0.5", forwarded: "1.1.1.1, 203.0.113.9, 10.0.0.5"), "203.0.113.9",
                           "the right-most address the proxies did not add")
            XCTAssertEqual(try address(peer: "198.51.100.7", forwarded: "203.0.113.9"), "198.51.100.7",
                           "an untrusted peer cannot choose its address")
        }
    }

    func testFirstRunCommandsCreateAnOrganisationAndItsBeheerder() async throws {
        try await TestApp.with { app in
            try await app.execute(command: ["vitaal", "organisation", "create", "--name", "Provincie Flevoland", "--kind", "provincie"])
            let org = try await Organisation.query(on: app.db).filter(\.$slug == "provincie-flevoland").first()
            XCTAssertEqual(org?.name, "Provincie Flevoland")
            try await app.execute(command: ["vitaal", "user", "create", "--email", "it@provincie.example", "--role", "beheerder",
                                            "--organisation", "provincie-flevoland"])
            let user = try await User.query(on: app.db).filter(\.$email == "it@provincie.example").first()
            XCTAssertEqual(user?.role, .beheerder)
            XCTAssertEqual(user?.mustChangePassword, true)

            // Bad input: a clear message, nothing written.
            let count = try await Organisation.query(on: app.db).count()
            for (args, text) in [(["--name", "Provincie Flevoland"], "bestaat al"),
                                 (["--name", "Iets", "--slug", "Niet Goed!"], "geen geldige code"),
                                 (["--name", "Iets anders", "--kind", "bakkerij"], "Onbekende soort"),
                                 (["--name", ""], "Vul een naam in")] {
                do {
                    try await app.execute(command: ["vitaal", "organisation", "create"] + args)
                    XCTFail("\(args) accepted")
                } catch let error as VitaalError {
                    XCTAssertTrue(error.description.contains(text), "\(args): \(error.description)")
                }
            }
            let awaited2 = try await Organisation.query(on: app.db).count()
            XCTAssertEqual(awaited2, count)
            do {
                try await app.execute(command: ["vitaal", "user", "create", "--email", "it@provincie.example", "--role", "lezer",
                                                "--organisation", "provincie-flevoland"])
                XCTFail("second account with the same address accepted")
            } catch let error as VitaalError {
                XCTAssertEqual(error.kind, .conflict)
            }
        }
    }
}
