import Vapor
import Fluent
import VitaalDomain

/// `vitaal migrate`: runs pending migrations without asking (Vapor's own asks for confirmation).
struct MigrateNowCommand: AsyncCommand {
    struct Signature: CommandSignature { init() {} }
    var help: String { "Voert alle openstaande databasemigraties uit." }
    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await Vitaal.migrate(app)
        context.console.print("Database bijgewerkt (\(app.vitaal.usesPostgres ? "PostgreSQL" : app.vitaal.sqlitePath)).")
    }
}

/// `vitaal demo`: loads regions, organisations, one user per role and each feature's demo data.
struct DemoCommand: AsyncCommand {
    let features: [any VitaalFeature]
    struct Signature: CommandSignature { init() {} }
    var help: String { "Laadt de demodata (regio's, organisaties, demogebruikers en de gegevens van elke module)." }
    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await Vitaal.migrate(app)
        let console = context.console
        try await DemoData.load(app: app, features: features) { console.print($0) }
    }
}

/// `vitaal user create --email … --role … --organisation …`: prints a one-time password.
struct CreateUserCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "email", help: "E-mailadres") var email: String?
        @Option(name: "role", help: "beheerder, redacteur of lezer") var role: String?
        @Option(name: "organisation", help: "Naam of code (slug) van de organisatie") var organisation: String?
        @Option(name: "name", help: "Naam (standaard het e-mailadres)") var name: String?
        init() {}
    }
    var help: String { "Maakt een gebruiker aan en toont een eenmalig wachtwoord." }
    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await Vitaal.migrate(app)
        let email = signature.email ?? ""
        let (user, password) = try await UserService.create(on: app.db, password: app.password.async, email: email,
                                                            name: signature.name ?? email, role: signature.role ?? "",
                                                            organisationSlug: signature.organisation ?? "", actor: nil, actorName: "cli")
        context.console.print("Gebruiker \(user.email) aangemaakt (\(user.role.label.lowercased())).")
        context.console.print("Eenmalig wachtwoord: \(password)")
        context.console.print("Bij de eerste keer inloggen kiest de gebruiker een eigen wachtwoord.")
    }
}

/// `vitaal import regions FILE.geojson`
struct ImportRegionsCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "GeoJSON FeatureCollection (PDOK/CBS: statcode, statnaam)") var file: String
        init() {}
    }
    var help: String { "Importeert regiogrenzen uit GeoJSON (alles of niets)." }
    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await Vitaal.migrate(app)
        let url = URL(fileURLWithPath: signature.file)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw VitaalError.invalid("bestand niet gevonden of niet leesbaar", at: SourceLocation(file: signature.file))
        }
        let summary = try await RegionImporter.importGeoJSON(data, fileName: url.lastPathComponent, on: app.db, user: nil, actor: "cli")
        context.console.print(summary)
    }
}
