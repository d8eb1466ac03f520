import Vapor

/// Runtime configuration, read from the environment (see README "Configuratie").
public struct VitaalConfiguration: Sendable {
    /// `postgres://…` when set; otherwise the embedded SQLite file is used.
    public var databaseURL: String?
    /// Folder for the SQLite file and uploads (`VITAAL_DATA_DIR`, default `./data`).
    public var dataDirectory: String
    /// Marks the session cookie `Secure` (`VITAAL_SECURE_COOKIES=1`, or a `VITAAL_PUBLIC_URL` on https).
    public var secureCookies: Bool
    /// Loads demo data when `serve` starts on an empty database (`VITAAL_DEMO=0` turns it off).
    public var demoOnEmptyDatabase: Bool

    public var sqlitePath: String { (dataDirectory as NSString).appendingPathComponent("vitaal.sqlite") }
    public var usesPostgres: Bool { databaseURL != nil }

    public static func fromEnvironment() -> VitaalConfiguration {
        let env = ProcessInfo.processInfo.environment
        let url = env["DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
        let publicURL = env["VITAAL_PUBLIC_URL"] ?? ""
        return VitaalConfiguration(
            databaseURL: url,
            dataDirectory: env["VITAAL_DATA_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "./data",
            secureCookies: env["VITAAL_SECURE_COOKIES"] == "1" || publicURL.hasPrefix("https://"),
            demoOnEmptyDatabase: env["VITAAL_DEMO"] != "0"
        )
    }
}

extension Application {
    private struct ConfigurationKey: StorageKey { typealias Value = VitaalConfiguration }
    public var vitaal: VitaalConfiguration {
        get { storage[ConfigurationKey.self] ?? .fromEnvironment() }
        set { storage[ConfigurationKey.self] = newValue }
    }
}
