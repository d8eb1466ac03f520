import Vapor
import Fluent
import FluentSQLiteDriver
import FluentPostgresDriver
import SQLKit
import VitaalDomain

public enum Vitaal {
    /// Configures the whole application: database, sessions, security, foundation routes and the
    /// given features (their migrations, navigation, routes and commands).
    public static func configure(_ app: Application, features: [any VitaalFeature]) async throws {
        let config = app.vitaal
        _ = VitaalMetrics.registry

        // Database: PostgreSQL when DATABASE_URL is set, else the embedded SQLite file (WAL).
        if let url = config.databaseURL {
            var pg = try SQLPostgresConfiguration(url: url)
            if !url.contains("sslmode=") || url.contains("sslmode=disable") { pg.coreConfiguration.tls = .disable }
            app.databases.use(.postgres(configuration: pg, maxConnectionsPerEventLoop: 4), as: .psql)
        } else if app.environment == .testing && ProcessInfo.processInfo.environment["VITAAL_TEST_SQLITE_FILE"] == nil {
            app.databases.use(.sqlite(.memory), as: .sqlite)
        } else {
            try FileManager.default.createDirectory(atPath: config.dataDirectory, withIntermediateDirectories: true)
            app.databases.use(.sqlite(.file(config.sqlitePath), maxConnectionsPerEventLoop: 1), as: .sqlite)
        }

        // Sessions in the database; cookie HttpOnly, SameSite=Lax, Secure behind https.
        app.sessions.use(.fluent)
        let secure = config.secureCookies
        app.sessions.configuration = SessionsConfiguration(cookieName: "vitaal_sessie") { id in
            HTTPCookies.Value(string: id.string, expires: Date(timeIntervalSinceNow: 60 * 60 * 10), maxAge: nil,
                              domain: nil, path: "/", isSecure: secure, isHTTPOnly: true, sameSite: .lax)
        }
        if app.environment == .testing {
            app.passwords.use(.bcrypt(cost: 4))
        } else {
            app.passwords.use(.bcrypt(cost: 12))
        }

        // Middleware: sessions outermost so error pages keep the session; then errors, auth, CSRF.
        app.middleware = .init()
        app.middleware.use(app.sessions.middleware)
        app.middleware.use(VitaalErrorMiddleware(renderPage: { req, status, message, problems in
            ErrorPages.page(status: status, message: message, problems: problems).render(for: req)
        }))
        app.middleware.use(User.sessionAuthenticator())
        app.middleware.use(SecurityHeadersMiddleware())
        app.middleware.use(CSRFMiddleware())
        app.routes.defaultMaxBodySize = "2mb"

        if let port = Environment.get("PORT").flatMap(Int.init) { app.http.server.configuration.port = port }
        app.http.server.configuration.hostname = Environment.get("HOST") ?? "127.0.0.1"

        // Migrations: foundation first, then each feature's.
        app.migrations.add(FoundationMigrations.all)
        for feature in features { app.migrations.add(feature.migrations) }

        app.navigation = features.flatMap(\.navigation)
        try FoundationRoutes.register(app)
        for feature in features { try feature.register(routes: app) }

        registerCommands(app, features: features)

        // `serve` migrates automatically and loads demo data into an empty database.
        if app.environment != .testing, isServeInvocation(app.environment.arguments) {
            app.lifecycle.use(ServeBootstrap(features: features))
        }
    }

    static func isServeInvocation(_ arguments: [String]) -> Bool {
        arguments.count < 2 || arguments[1] == "serve" || arguments[1].hasPrefix("-")
    }

    static func registerCommands(_ app: Application, features: [any VitaalFeature]) {
        var groups: [String: [String: any AnyAsyncCommand]] = [
            "import": ["regions": ImportRegionsCommand()],
            "user": ["create": CreateUserCommand()],
        ]
        app.asyncCommands.use(MigrateNowCommand(), as: "migrate")
        app.asyncCommands.use(DemoCommand(features: features), as: "demo")
        for feature in features {
            for reg in feature.commands {
                if let group = reg.group { groups[group, default: [:]][reg.name] = reg.command }
                else { app.asyncCommands.use(reg.command, as: reg.name) }
            }
        }
        for (name, commands) in groups {
            app.asyncCommands.use(VitaalCommandGroup(name: name, commands: commands), as: name)
        }
    }

    /// Enables WAL mode on the SQLite file (no-op on PostgreSQL and in-memory SQLite).
    public static func enableWAL(_ app: Application) async throws {
        guard app.vitaal.databaseURL == nil, let sql = app.db as? any SQLDatabase else { return }
        try await sql.raw("PRAGMA journal_mode=WAL").run()
    }

    /// Runs all pending migrations.
    public static func migrate(_ app: Application) async throws {
        try await enableWAL(app)
        try await app.autoMigrate()
    }
}

/// A named group of subcommands, e.g. `vitaal import regions FILE`.
struct VitaalCommandGroup: AsyncCommandGroup {
    let name: String
    let commands: [String: any AnyAsyncCommand]
    var help: String { "\(name): " + commands.keys.sorted().joined(separator: ", ") }
}

struct ServeBootstrap: LifecycleHandler {
    let features: [any VitaalFeature]
    func willBootAsync(_ app: Application) async throws {
        try await Vitaal.migrate(app)
        if app.vitaal.demoOnEmptyDatabase, try await Region.query(on: app.db).count() == 0 {
            app.logger.notice("Lege database: demodata worden geladen (zet VITAAL_DEMO=0 om dit over te slaan).")
            try await DemoData.load(app: app, features: features) { print($0) }
        }
    }
}

/// Conservative security headers on every response.
struct SecurityHeadersMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "same-origin")
        response.headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
        response.headers.replaceOrAdd(name: "Content-Security-Policy",
            value: "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'; form-action 'self'")
        return response
    }
}
