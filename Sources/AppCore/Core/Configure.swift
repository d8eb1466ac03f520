import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import SQLKit
import Vapor
import VitaalDomain

public enum Vitaal {
    public static let version = "0.2.0"

    /// Configures the whole application: database, sessions, security, foundation routes and the
    /// given features (their migrations, navigation, routes and commands).
    public static func configure(_ app: Application, features: [any VitaalFeature]) async throws {
        // Read once: the getter would otherwise read the environment (and search PATH) per request.
        let config = app.vitaal
        app.vitaal = config
        _ = VitaalMetrics.registry
        if app.environment != .testing { try config.checkForStart() }
        try useDatabase(app, config)
        useSessions(app, config)
        useMiddleware(app, config)
        if let port = config.port { app.http.server.configuration.port = port }
        app.http.server.configuration.hostname = config.host

        // Migrations: foundation first, then each feature's.
        app.migrations.add(FoundationMigrations.all(clock: app.clock))
        for feature in features { app.migrations.add(feature.migrations) }

        app.navigation = features.flatMap(\.navigation)
        app.stylesheets = Stylesheets(features: features.map(\.stylesheet))
        app.regionLinks = features.flatMap(\.regionLinks)
        try FoundationRoutes.register(app)
        for feature in features { try feature.register(routes: app) }

        registerCommands(app, features: features)
        // Registered last, so it shuts down first: requests in flight finish before the databases close.
        app.lifecycle.use(DrainRequests())

        // `serve` migrates automatically and loads demo data into an empty database.
        if app.environment != .testing, isServeInvocation(app.environment.arguments) {
            app.lifecycle.use(ServeBootstrap(features: features))
        }
    }

    /// PostgreSQL when DATABASE_URL is set, else the embedded SQLite file (WAL); tests use memory.
    static func useDatabase(_ app: Application, _ config: VitaalConfiguration) throws {
        if let url = config.databaseURL {
            // TLS follows the URL (`sslmode`, `tlsmode` or `ssl`, as PostgresKit reads them); without
            // one of them PostgresKit's default applies: `prefer` (TLS when the server offers it).
            let postgres: SQLPostgresConfiguration
            do { postgres = try SQLPostgresConfiguration(url: url) } catch {
                throw VitaalError(
                    .invalidInput,
                    "DATABASE_URL is geen geldige PostgreSQL-URL "
                        + "(verwacht: postgres://gebruiker:wachtwoord@host:5432/database).")
            }
            app.databases.use(.postgres(configuration: postgres, maxConnectionsPerEventLoop: 4), as: .psql)
        } else if app.environment == .testing && !config.testsUseSQLiteFile {
            app.databases.use(.sqlite(.memory), as: .sqlite)
        } else {
            try FileManager.default.createDirectory(atPath: config.dataDirectory, withIntermediateDirectories: true)
            app.databases.use(.sqlite(.file(config.sqlitePath), maxConnectionsPerEventLoop: 1), as: .sqlite)
        }
    }

    /// Sessions in the database (shared by every instance), expiring on the server; cookie
    /// HttpOnly, SameSite=Lax, Secure behind https. Password hashes: bcrypt (cheap in tests).
    static func useSessions(_ app: Application, _ config: VitaalConfiguration) {
        let driver = VitaalSessionDriver(idle: config.sessionIdleTimeout, absolute: config.sessionAbsoluteTimeout)
        app.sessions.use { _ in driver }
        let secure = config.secureCookies
        let absolute = config.sessionAbsoluteTimeout
        app.sessions.configuration = SessionsConfiguration(cookieName: "vitaal_sessie") { id in
            // Max-Age rather than Expires: a lifetime, so the cookie needs no clock reading.
            HTTPCookies.Value(
                string: id.string, expires: nil, maxAge: Int(absolute),
                domain: nil, path: "/", isSecure: secure, isHTTPOnly: true, sameSite: .lax)
        }
        app.passwords.use(.bcrypt(cost: app.environment == .testing ? 4 : 12))
    }

    /// Middleware, outermost first: security headers on every response (error pages and failures of
    /// the session layer included); in-flight counting for a clean shutdown; the error middleware
    /// around the session layer, so a database failure while saving a session still becomes a Vitaal
    /// error page; then sessions, a second error layer inside them (so error pages keep the session
    /// and its CSRF token), authentication (an API token on `/api/v1`, else the session), the forced
    /// password change, CSRF.
    static func useMiddleware(_ app: Application, _ config: VitaalConfiguration) {
        app.middleware = .init()
        let errors = VitaalErrorMiddleware(renderPage: { req, status, message, problems in
            let model = ErrorPage.Model(status: status, message: message, problems: problems, requestID: req.id)
            return ErrorPage.view(model, req.pageContext).render(for: req)
        })
        app.middleware.use(SecurityHeadersMiddleware(strictTransport: config.secureCookies))
        app.middleware.use(app.inFlightRequests)
        app.middleware.use(errors)
        app.middleware.use(app.sessions.middleware)
        app.middleware.use(errors)
        app.middleware.use(APITokenAuthenticator())
        app.middleware.use(ActiveUserSessionAuthenticator())
        app.middleware.use(PasswordChangeRequiredMiddleware())
        app.middleware.use(CSRFMiddleware())
        app.routes.defaultMaxBodySize = "2mb"
    }

    static func isServeInvocation(_ arguments: [String]) -> Bool {
        arguments.count < 2 || arguments[1] == "serve" || arguments[1].hasPrefix("-")
    }

    static func registerCommands(_ app: Application, features: [any VitaalFeature]) {
        var groups: [String: [String: any AnyAsyncCommand]] = [
            "import": ["regions": ImportRegionsCommand()],
            "user": ["create": CreateUserCommand(), "list": ListUsersCommand()],
            "organisation": ["create": CreateOrganisationCommand(), "list": ListOrganisationsCommand()],
            "token": ["create": CreateTokenCommand()]
        ]
        app.asyncCommands.use(MigrateNowCommand(), as: "migrate")
        app.asyncCommands.use(DemoCommand(features: features), as: "demo")
        app.asyncCommands.use(BackupCommand(), as: "backup")
        app.asyncCommands.use(RestoreCommand(features: features), as: "restore")
        for feature in features {
            for reg in feature.commands {
                if let group = reg.group {
                    groups[group, default: [:]][reg.name] = reg.command
                } else {
                    app.asyncCommands.use(reg.command, as: reg.name)
                }
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

    /// SQLite answers SQLITE_BUSY at once by default when another connection writes; wait up to
    /// 5 s instead. Every SQLite pool (the default one and a feature's own, such as the monitor's
    /// import pool) has one connection per event loop, so this runs once per pool and loop.
    public static func setBusyTimeout(_ app: Application) async throws {
        guard app.vitaal.databaseURL == nil else { return }
        for id in app.databases.ids() {
            for loop in app.eventLoopGroup.makeIterator() {
                let database = app.databases.database(id, logger: app.logger, on: loop)
                guard let db = database as? any SQLDatabase else { continue }
                try await db.raw("PRAGMA busy_timeout = 5000").run()
            }
        }
    }

    /// Runs all pending migrations.
    public static func migrate(_ app: Application) async throws {
        try await enableWAL(app)
        try await setBusyTimeout(app)
        // Several instances starting together on one PostgreSQL migrate once: the later ones wait
        // for the lock and then find nothing to do.
        try await exclusively(app, key: migrationLockKey) { try await app.autoMigrate() }
    }

    /// Runs `body` while holding a PostgreSQL advisory lock (held by one connection of the pool,
    /// so every instance on the database waits for it); on SQLite, one process owns the file and
    /// `body` simply runs.
    public static func exclusively(
        _ app: Application, key: Int,
        _ body: @escaping @Sendable () async throws -> Void
    ) async throws {
        guard app.vitaal.usesPostgres else { return try await body() }
        try await app.db.withConnection { conn in
            guard let sql = conn as? any SQLDatabase else { return try await body() }
            try await sql.raw("SELECT pg_advisory_lock(\(unsafeRaw: String(key)))").run()
            do {
                try await body()
            } catch {
                try? await sql.raw("SELECT pg_advisory_unlock(\(unsafeRaw: String(key)))").run()
                throw error
            }
            try await sql.raw("SELECT pg_advisory_unlock(\(unsafeRaw: String(key)))").run()
        }
    }

    /// Fixed keys of the advisory locks ("VITAAL" and "VITDEM" in ASCII).
    static let migrationLockKey = 0x56_49_54_41_41_4C
    static let demoLockKey = 0x56_49_54_44_45_4D
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
        do { try await Vitaal.migrate(app) } catch {
            throw app.vitaal.databaseUnavailable(error)
        }
        let config = app.vitaal
        let now = app.clock.now()
        try await VitaalSessionDriver.purgeExpired(
            on: app.db, idle: config.sessionIdleTimeout,
            absolute: config.sessionAbsoluteTimeout, now: now)
        try await app.loginThrottle.purge(on: app.db, now: now)
        for sweep in app.startupSweeps { sweep(app) }
        // Two instances started together with VITAAL_DEMO=1 load the demo once.
        let features = self.features
        try await Vitaal.exclusively(app, key: Vitaal.demoLockKey) {
            guard try await User.query(on: app.db).count() == 0 else { return }
            if config.demoOnEmptyDatabase, try await Region.query(on: app.db).count() == 0 {
                app.logger.notice("Lege database en VITAAL_DEMO=1: demodata worden geladen.")
                try await DemoData.load(app: app, features: features) { print($0) }
            } else {
                print(Self.firstRunHelp)
            }
        }
    }
}

/// Conservative security headers on every response, error responses included: this middleware is
/// the outermost, and an error that escapes everything else still gets them.
struct SecurityHeadersMiddleware: AsyncMiddleware {
    var strictTransport = false
    static let contentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response: Response
        do { response = try await next.respond(to: request) } catch {
            let (status, _, message, _) = VitaalErrorMiddleware.describe(error)
            response = Response(status: status, body: .init(string: message))
        }
        response.headers.replaceOrAdd(name: .xRequestId, value: String(request.id.prefix(64)))
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "same-origin")
        response.headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
        response.headers.replaceOrAdd(name: "Content-Security-Policy", value: Self.contentSecurityPolicy)
        if strictTransport {
            response.headers.replaceOrAdd(name: "Strict-Transport-Security", value: "max-age=31536000")
        }
        return response
    }
}

extension ServeBootstrap {
    /// What `serve` prints on an empty database without demo data: the way to the first login.
    static let firstRunHelp = """
        Vitaal draait op een lege database zonder accounts. Maak zo de eerste beheerder aan:
          vitaal organisation create --name "Provincie Flevoland"
          vitaal user create --email u@provincie.example --role beheerder --organisation provincie-flevoland
        De tweede opdracht toont een eenmalig wachtwoord (24 uur geldig); bij de eerste keer inloggen
        kiest de beheerder een eigen wachtwoord. Demodata: start met VITAAL_DEMO=1.
        """
}
