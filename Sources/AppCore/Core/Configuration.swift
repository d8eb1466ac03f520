import Vapor
import VitaalDomain

/// Runtime configuration, read from the environment (see the README's "Configuration" table). Every
/// environment variable Vitaal reads is read here and nowhere else, so the table and this type are
/// the whole list.
public struct VitaalConfiguration: Sendable {
    /// `postgres://…` when set; otherwise the embedded SQLite file is used.
    public var databaseURL: String?
    /// Folder for the SQLite file and uploads (`VITAAL_DATA_DIR`, default `./data`).
    public var dataDirectory: String
    /// Marks the session cookie `Secure` (`VITAAL_SECURE_COOKIES=1`, or a `VITAAL_PUBLIC_URL` on https).
    public var secureCookies: Bool
    /// Loads demo data (with demo accounts) when `serve` starts on an empty database. Off unless
    /// `VITAAL_DEMO=1`: a production database must never get accounts with printed passwords.
    /// `./scripts/run-demo` sets it.
    public var demoOnEmptyDatabase: Bool
    /// A session ends after this long without a request (`VITAAL_SESSION_IDLE_MINUTES`, default 120).
    public var sessionIdleTimeout: TimeInterval
    /// …and at the latest this long after login (`VITAAL_SESSION_MAX_HOURS`, default 12).
    public var sessionAbsoluteTimeout: TimeInterval
    /// Addresses of reverse proxies whose `X-Forwarded-For` is believed (`VITAAL_TRUSTED_PROXIES`,
    /// comma-separated IP addresses). Without it the peer address is the client.
    public var trustedProxies: Set<String>
    /// `/metrics` answers only on loopback, or to `Authorization: Bearer <token>` when
    /// `VITAAL_METRICS_TOKEN` is set.
    public var metricsToken: String?
    /// Path of the Chromium binary for PDF reports (`VITAAL_CHROMIUM`, default: searched on PATH).
    public var chromiumPath: String?
    /// Where visitors report accessibility problems and ask for information in another form
    /// (`VITAAL_CONTACT_EMAIL`); the accessibility statement names it. Without it the statement
    /// points to the organisation running this installation.
    public var contactEmail: String?
    /// Where `serve` listens (`PORT`, `HOST`; the `--port`/`--hostname` flags win).
    public var port: Int?
    public var host: String
    /// The demo accounts' password (`VITAAL_DEMO_PASSWORD`, at least 12 characters; random otherwise).
    public var demoPassword: String?
    /// `VITAAL_ENV=production`: start-up refuses an insecure set-up.
    public var isProduction: Bool
    /// One JSON object per log line (`VITAAL_LOG_FORMAT=json`).
    public var jsonLogs: Bool
    /// The log level asked for (`LOG_LEVEL`); nil when unset or not a level.
    public var logLevel: Logger.Level?
    /// Tests on a SQLite file instead of in memory (`VITAAL_TEST_SQLITE_FILE=1`), for the code paths
    /// that only a file has (a second connection pool, WAL).
    public var testsUseSQLiteFile: Bool
    /// The days of the planning & control calendar (`VITAAL_PC_KADERBRIEF=04-01`, …) as set, by variable name;
    /// the plans feature checks them (an invalid day keeps its default and is reported on the calendar page).
    public var planningCalendarDays: [String: String] = [:]

    public var sqlitePath: String { (dataDirectory as NSString).appendingPathComponent("vitaal.sqlite") }
    public var usesPostgres: Bool { databaseURL != nil }

    public static func fromEnvironment() -> VitaalConfiguration {
        fromEnvironment(ProcessInfo.processInfo.environment)
    }

    public static func fromEnvironment(_ env: [String: String]) -> VitaalConfiguration {
        func nonEmpty(_ key: String) -> String? {
            env[key].flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        }
        func positive(_ key: String, default value: Double) -> Double {
            guard let text = nonEmpty(key), let v = Double(text), v.isFinite, v > 0, v <= 100_000 else { return value }
            return v
        }
        let publicURL = env["VITAAL_PUBLIC_URL"] ?? ""
        return VitaalConfiguration(
            databaseURL: nonEmpty("DATABASE_URL"),
            dataDirectory: nonEmpty("VITAAL_DATA_DIR") ?? "./data",
            secureCookies: env["VITAAL_SECURE_COOKIES"] == "1" || publicURL.hasPrefix("https://"),
            demoOnEmptyDatabase: env["VITAAL_DEMO"] == "1",
            sessionIdleTimeout: positive("VITAAL_SESSION_IDLE_MINUTES", default: 120) * 60,
            sessionAbsoluteTimeout: positive("VITAAL_SESSION_MAX_HOURS", default: 12) * 3600,
            trustedProxies: Set(
                (nonEmpty("VITAAL_TRUSTED_PROXIES") ?? "").split(separator: ",")
                    .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }),
            metricsToken: nonEmpty("VITAAL_METRICS_TOKEN"),
            chromiumPath: nonEmpty("VITAAL_CHROMIUM") ?? executable("chromium", onPath: nonEmpty("PATH")),
            contactEmail: nonEmpty("VITAAL_CONTACT_EMAIL").map { $0.trimmingCharacters(in: .whitespaces) }
                .flatMap { $0.contains("@") && !$0.contains(" ") ? $0 : nil },
            port: nonEmpty("PORT").flatMap { Int($0.trimmingCharacters(in: .whitespaces)) },
            host: nonEmpty("HOST") ?? "127.0.0.1",
            demoPassword: nonEmpty("VITAAL_DEMO_PASSWORD").flatMap { $0.count >= 12 ? $0 : nil },
            isProduction: env["VITAAL_ENV"] == "production",
            jsonLogs: env["VITAAL_LOG_FORMAT"] == "json",
            logLevel: nonEmpty("LOG_LEVEL").flatMap { Logger.Level(rawValue: $0.lowercased()) },
            testsUseSQLiteFile: env["VITAAL_TEST_SQLITE_FILE"] != nil,
            planningCalendarDays: env.filter { $0.key.hasPrefix("VITAAL_PC_") }
        )
    }
}

extension VitaalConfiguration {
    /// The first executable `name` in the folders of `PATH` (default `/usr/local/bin:/usr/bin:/bin`).
    static func executable(_ name: String, onPath path: String?) -> String? {
        for dir in (path ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Checks what can be checked before start-up; one clear line naming the variable instead of
    /// a stack trace or a half-working server.
    public func checkForStart() throws {
        if let url = databaseURL {
            guard let c = URLComponents(string: url), ["postgres", "postgresql"].contains(c.scheme?.lowercased() ?? ""),
                let host = c.host, !host.isEmpty, c.path.count > 1
            else {
                throw VitaalError(
                    .invalidInput,
                    "DATABASE_URL is geen geldige PostgreSQL-URL; verwacht "
                        + "postgres://gebruiker:wachtwoord@host:5432/database.")
            }
        } else {
            var isDir: ObjCBool = false
            let fm = FileManager.default
            if fm.fileExists(atPath: dataDirectory, isDirectory: &isDir) {
                guard isDir.boolValue, fm.isWritableFile(atPath: dataDirectory) else {
                    throw VitaalError(
                        .invalidInput,
                        "VITAAL_DATA_DIR (\(dataDirectory)) is geen map waarin Vitaal kan schrijven.")
                }
            } else if (try? fm.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)) == nil {
                throw VitaalError(
                    .invalidInput,
                    "VITAAL_DATA_DIR (\(dataDirectory)) bestaat niet en kan niet worden aangemaakt.")
            }
        }
        if isProduction, !secureCookies {
            throw VitaalError(
                .invalidInput,
                "VITAAL_ENV=production vereist VITAAL_SECURE_COOKIES=1 (of een "
                    + "VITAAL_PUBLIC_URL met https://): "
                    + "het sessiecookie mag alleen over HTTPS gaan.")
        }
        if isProduction, demoOnEmptyDatabase {
            throw VitaalError(
                .invalidInput,
                "VITAAL_ENV=production en VITAAL_DEMO=1 gaan niet samen: demodata maken "
                    + "accounts met bekende wachtwoorden.")
        }
    }

    /// The database did not answer at start-up: say which one (without its password).
    func databaseUnavailable(_ error: any Error) -> VitaalError {
        let which: String
        if let url = databaseURL, var c = URLComponents(string: url) {
            if c.password != nil { c.password = "***" }
            which = "DATABASE_URL=" + (c.string ?? "postgres://…")
        } else {
            which = "SQLite-bestand " + sqlitePath + " (VITAAL_DATA_DIR)"
        }
        // PostgresNIO hides details from `description`; name the usual causes in words.
        let detail = String(reflecting: error)
        let reason: String
        if detail.contains("Connection refused") || detail.contains("connectionError") {
            reason = "geen verbinding (draait de databaseserver, kloppen host en poort?)"
        } else if detail.contains("28P01") || detail.contains("28000")
            || detail.lowercased().contains("password authentication")
        {
            reason = "inloggen geweigerd (kloppen gebruiker en wachtwoord?)"
        } else if detail.contains("3D000") {
            reason = "de database bestaat niet"
        } else {
            reason = String(String(describing: error).prefix(200))
        }
        return VitaalError(.internal, "De database is niet bereikbaar of niet bij te werken (\(which)): \(reason)")
    }
}

extension Application {
    private struct ConfigurationKey: StorageKey { typealias Value = VitaalConfiguration }
    /// Set once by `configure` (tests may replace it); read from the environment until then.
    public var vitaal: VitaalConfiguration {
        get { storage[ConfigurationKey.self] ?? .fromEnvironment() }
        set { storage[ConfigurationKey.self] = newValue }
    }
}

extension Request {
    /// The client's address: the peer, or — when the peer is a configured trusted proxy — the
    /// right-most address in `X-Forwarded-For` that is not itself a trusted proxy.
    public var clientAddress: String {
        let peer = remoteAddress?.ipAddress ?? "onbekend"
        let trusted = application.vitaal.trustedProxies
        guard trusted.contains(peer) else { return peer }
        let forwarded = headers[.xForwardedFor].flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        for address in forwarded.reversed() where !trusted.contains(address) {
            return String(address.prefix(64))
        }
        return peer
    }
}
