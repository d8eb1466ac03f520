import Fluent
import Logging
import NIOConcurrencyHelpers
import NIOCore
import VitaalDomain
import XCTVapor
import XCTest

@testable import AppCore

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
        let c = VitaalConfiguration.fromEnvironment([
            "VITAAL_SESSION_IDLE_MINUTES": "30", "VITAAL_SESSION_MAX_HOURS": "1e308"
        ])
        XCTAssertEqual(c.sessionIdleTimeout, 30 * 60)
        XCTAssertEqual(c.sessionAbsoluteTimeout, 12 * 3600, "an absurd value falls back to the default")
        XCTAssertEqual(
            VitaalConfiguration.fromEnvironment(["VITAAL_CONTACT_EMAIL": " a11y@flevoland.example "]).contactEmail,
            "a11y@flevoland.example")
        // The P&C calendar's days come through the configuration too (the plans feature checks them).
        XCTAssertEqual(
            VitaalConfiguration.fromEnvironment(["VITAAL_PC_JAARPLAN": "10-15", "VITAAL_DEMO": "1"])
                .planningCalendarDays,
            ["VITAAL_PC_JAARPLAN": "10-15"])
        XCTAssertNil(
            VitaalConfiguration.fromEnvironment(["VITAAL_CONTACT_EMAIL": "geen adres"]).contactEmail,
            "a value without @ is not an address")
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
                let req = Request(
                    application: app, method: .GET, url: "/", headers: headers,
                    remoteAddress: try SocketAddress(ipAddress: peer, port: 443), on: app.eventLoopGroup.next())
                return req.clientAddress
            }
            XCTAssertEqual(try address(peer: "10.0.0.5", forwarded: "203.0.113.9"), "203.0.113.9")
            XCTAssertEqual(
                try address(peer: "10.0.0.5", forwarded: "1.1.1.1, 203.0.113.9, 10.0.0.5"), "203.0.113.9",
                "the right-most address the proxies did not add")
            XCTAssertEqual(
                try address(peer: "198.51.100.7", forwarded: "203.0.113.9"), "198.51.100.7",
                "an untrusted peer cannot choose its address")
        }
    }

    func testFirstRunCommandsCreateAnOrganisationAndItsBeheerder() async throws {
        try await TestApp.with { app in
            try await app.execute(command: [
                "vitaal", "organisation", "create", "--name", "Provincie Flevoland", "--kind", "provincie"
            ])
            let org = try await Organisation.query(on: app.db).filter(\.$slug == "provincie-flevoland").first()
            XCTAssertEqual(org?.name, "Provincie Flevoland")
            try await app.execute(command: [
                "vitaal", "user", "create", "--email", "it@provincie.example", "--role", "beheerder",
                "--organisation", "provincie-flevoland"
            ])
            let user = try await User.query(on: app.db).filter(\.$email == "it@provincie.example").first()
            XCTAssertEqual(user?.role, .beheerder)
            XCTAssertEqual(user?.mustChangePassword, true)

            // Bad input: a clear message, nothing written.
            let count = try await Organisation.query(on: app.db).count()
            for (args, text) in [
                (["--name", "Provincie Flevoland"], "bestaat al"),
                (["--name", "Iets", "--slug", "Niet Goed!"], "geen geldige code"),
                (["--name", "Iets anders", "--kind", "bakkerij"], "Onbekende soort"),
                (["--name", ""], "Vul een naam in")
            ] {
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
                try await app.execute(command: [
                    "vitaal", "user", "create", "--email", "it@provincie.example", "--role", "lezer",
                    "--organisation", "provincie-flevoland"
                ])
                XCTFail("second account with the same address accepted")
            } catch let error as VitaalError {
                XCTAssertEqual(error.kind, .conflict)
            }
        }
    }
}

/// Running Vitaal for real: readiness, request ids, start-up checks, JSON logs.
final class ProductionReadinessTests: XCTestCase {
    func testReadyIsFalseWhileAMigrationIsPending() async throws {
        try await TestApp.with { app in
            let browser = Browser(app)
            let ready = try await browser.get("/ready")
            XCTAssertEqual(ready.status, .ok)
            let body = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(ready.body.utf8)) as? [String: String])
            XCTAssertEqual(body, ["status": "ok", "version": Vitaal.version], "status and version only, no detail")
            try await app.migrator.revertLastBatch().get()  // undo the last batch: a migration is pending
            let notReady = try await browser.get("/ready")
            XCTAssertEqual(notReady.status, .serviceUnavailable)
            XCTAssertTrue(notReady.body.contains("niet gereed"))
            let health = try await browser.get("/health")
            XCTAssertEqual(health.status, .ok, "the process is alive all the same")
            try await app.autoMigrate()
        }
    }

    func testErrorPagesShowTheRequestIDThatTheLogCarries() async throws {
        try await TestApp.with { app in
            let browser = Browser(app)
            let r = try await browser.request(.GET, "/bestaat-niet", headers: ["X-Request-Id": "verzoek-123"])
            XCTAssertEqual(r.status, .notFound)
            XCTAssertTrue(r.body.contains("Referentie voor de helpdesk: verzoek-123"))
            XCTAssertEqual(r.headers.first(name: .xRequestId), "verzoek-123")
            let generated = try await browser.get("/bestaat-niet")
            let id = try XCTUnwrap(generated.headers.first(name: .xRequestId))
            XCTAssertTrue(generated.body.contains(id))
        }
    }

    func testStartupChecksNameTheVariable() throws {
        func message(_ env: [String: String]) -> String? {
            do {
                try VitaalConfiguration.fromEnvironment(env).checkForStart()
                return nil
            } catch let e as VitaalError { return e.message } catch { return "\(error)" }
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vitaal-check-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        XCTAssertNil(message(["VITAAL_DATA_DIR": dir]))
        XCTAssertTrue(message(["DATABASE_URL": "niet-een-url"])?.hasPrefix("DATABASE_URL") == true)
        XCTAssertTrue(message(["DATABASE_URL": "mysql://u:p@h/db"])?.hasPrefix("DATABASE_URL") == true)
        XCTAssertNil(message(["DATABASE_URL": "postgres://u:p@db.example:5432/vitaal?sslmode=require"]))
        let file = dir + "-bestand"
        _ = FileManager.default.createFile(atPath: file, contents: Data("x".utf8))
        defer { try? FileManager.default.removeItem(atPath: file) }
        XCTAssertTrue(message(["VITAAL_DATA_DIR": file])?.hasPrefix("VITAAL_DATA_DIR") == true)
        XCTAssertTrue(
            message(["VITAAL_DATA_DIR": dir, "VITAAL_ENV": "production"])?.contains("VITAAL_SECURE_COOKIES") == true)
        XCTAssertNil(message(["VITAAL_DATA_DIR": dir, "VITAAL_ENV": "production", "VITAAL_SECURE_COOKIES": "1"]))
        XCTAssertTrue(
            message([
                "VITAAL_DATA_DIR": dir, "VITAAL_ENV": "production", "VITAAL_SECURE_COOKIES": "1", "VITAAL_DEMO": "1"
            ])?
            .contains("VITAAL_DEMO") == true)
        let unreachable = VitaalConfiguration.fromEnvironment([
            "DATABASE_URL": "postgres://vitaal:geheim@db.example:5432/vitaal"
        ])
        .databaseUnavailable(VitaalError(.internal, "connection refused"))
        XCTAssertTrue(unreachable.message.contains("DATABASE_URL=postgres://vitaal:***@db.example:5432/vitaal"))
        XCTAssertFalse(unreachable.message.contains("geheim"))
    }

    func testJSONLogLinesCarryTheMetadata() throws {
        let lines = NIOLockedValueBox<[String]>([])
        var handler = JSONLogHandler(label: "test", level: .info) { line in lines.withLockedValue { $0.append(line) } }
        handler[metadataKey: "request-id"] = "abc"
        handler.log(
            event: LogEvent(
                level: .error, message: "mislukt \"x\"", metadata: ["path": "/monitor"], source: "t",
                file: #file, function: #function, line: #line))
        let line = try XCTUnwrap(lines.withLockedValue { $0.first })
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        XCTAssertEqual(object["message"] as? String, "mislukt \"x\"")
        XCTAssertEqual(object["request-id"] as? String, "abc")
        XCTAssertEqual(object["path"] as? String, "/monitor")
        XCTAssertEqual(object["level"] as? String, "error")
    }
}
