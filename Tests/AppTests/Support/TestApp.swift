import App
import Fluent
import SQLKit
import VitaalDomain
import XCTVapor
import XCTest

@testable import AppCore

/// Every test runs against a fresh database: in-memory SQLite by default, or the PostgreSQL
/// database named by `DATABASE_URL` (its `public` schema is dropped and recreated per test).
enum TestApp {
    static var usesPostgres: Bool { VitaalConfiguration.fromEnvironment().usesPostgres }

    static func make() async throws -> Application {
        let app = try await Application.make(.testing)
        app.logger.logLevel = VitaalConfiguration.fromEnvironment().logLevel ?? .warning
        do {
            try await configure(app)
            if usesPostgres, let sql = app.db as? any SQLDatabase {
                try await sql.raw("DROP SCHEMA IF EXISTS public CASCADE").run()
                try await sql.raw("CREATE SCHEMA public").run()
            }
            try await app.autoMigrate()
            return app
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }

    /// An app on a SQLite database file in `folder`, migrated as `vitaal serve` does (WAL, busy
    /// timeout): for tests that need what an in-memory database has not — a second connection to
    /// the same file, or the file itself (backups).
    static func makeOnSQLiteFile(folder: String) async throws -> Application {
        let app = try await Application.make(.testing)
        var config = VitaalConfiguration.fromEnvironment([:])
        config.dataDirectory = folder
        config.testsUseSQLiteFile = true
        app.vitaal = config
        app.logger.logLevel = .warning
        do {
            try await configure(app)
            try await Vitaal.migrate(app)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        return app
    }

    /// Runs `body` with a fresh app and shuts it down afterwards.
    static func with(_ body: (Application) async throws -> Void) async throws {
        let app = try await make()
        do { try await body(app) } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    /// Regions and organisations of the demo, without feature data.
    static func seedFoundation(_ app: Application) async throws {
        try await DemoData.loadRegions(on: app.db)
        try await DemoData.loadOrganisations(on: app.db)
    }

    /// Creates a user and returns (email, password).
    @discardableResult
    static func user(_ app: Application, role: Role, organisation: String = "flever", email: String? = nil) async throws
        -> (String, String)
    {
        let email = email ?? "\(role.rawValue)-\(organisation)@test.example"
        let (user, password) = try await UserService.create(
            on: app.db, password: app.password.async, email: email, name: "Test \(role.label)", role: role.rawValue,
            organisationSlug: organisation, actor: nil, actorName: "test", now: app.clock.now())
        user.mustChangePassword = false
        try await user.save(on: app.db)
        return (email, password)
    }
}

/// A browser-like client: keeps the session cookie and the latest CSRF token from pages.
final class Browser {
    let app: Application
    var cookie: String?
    var csrf: String?

    init(_ app: Application) { self.app = app }

    struct Result {
        let status: HTTPStatus
        let headers: HTTPHeaders
        let body: String
        var location: String? { headers.first(name: .location) }
    }

    @discardableResult
    func request(
        _ method: HTTPMethod, _ path: String, form: [String: String]? = nil, json: String? = nil,
        headers extra: [String: String] = [:], body rawBody: ByteBuffer? = nil, contentType: HTTPMediaType? = nil
    ) async throws -> Result {
        var headers = HTTPHeaders()
        if let cookie { headers.replaceOrAdd(name: .cookie, value: "vitaal_sessie=\(cookie)") }
        for (k, v) in extra { headers.replaceOrAdd(name: k, value: v) }
        var body = ByteBuffer()
        if let form {
            headers.contentType = .urlEncodedForm
            body.writeString(form.map { "\(Self.enc($0.key))=\(Self.enc($0.value))" }.joined(separator: "&"))
        } else if let json {
            headers.contentType = .json
            body.writeString(json)
        } else if let rawBody {
            body = rawBody
            if let contentType { headers.contentType = contentType }
        }
        var result: Result?
        try await app.testable().test(
            method, path, headers: headers, body: body,
            afterResponse: { res async in
                result = Result(status: res.status, headers: res.headers, body: res.body.string)
            })
        let r = result!
        for value in r.headers[.setCookie] where value.hasPrefix("vitaal_sessie=") {
            let v = String(value.dropFirst("vitaal_sessie=".count).prefix { $0 != ";" })
            cookie = v.isEmpty ? nil : v
        }
        if let token = Self.extractCSRF(r.body) { csrf = token }
        return r
    }

    @discardableResult
    func get(_ path: String) async throws -> Result { try await request(.GET, path) }

    /// POST a form with the current CSRF token (fetches a page first when there is none).
    func post(_ path: String, _ form: [String: String] = [:], withCSRF: Bool = true) async throws -> Result {
        var form = form
        if withCSRF {
            if csrf == nil { try await get("/inloggen") }
            form["csrf"] = csrf
        }
        return try await request(.POST, path, form: form)
    }

    @discardableResult
    func login(_ email: String, _ password: String) async throws -> Result {
        try await get("/inloggen")
        let r = try await post("/inloggen", ["email": email, "password": password])
        try await get("/")
        return r
    }

    static func extractCSRF(_ html: String) -> String? {
        guard let range = html.range(of: "name=\"csrf\" value=\"") else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }

    static func enc(_ s: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? s
    }
}
