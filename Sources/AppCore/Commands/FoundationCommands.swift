import Fluent
import Vapor
import VitaalDomain

/// `vitaal migrate`: runs pending migrations without asking (Vapor's own asks for confirmation).
struct MigrateNowCommand: AsyncCommand {
    struct Signature: CommandSignature { init() {} }
    var help: String { "Voert alle openstaande databasemigraties uit." }
    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await Vitaal.migrate(app)
        let database = app.vitaal.usesPostgres ? "PostgreSQL" : app.vitaal.sqlitePath
        context.console.print("Database bijgewerkt (\(database)).")
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
        let (user, password) = try await UserService.create(
            on: app.db, password: app.password.async, email: email, name: signature.name ?? email,
            role: signature.role ?? "", organisationSlug: signature.organisation ?? "", actor: nil, actorName: "cli",
            now: app.clock.now())
        context.console.print("Gebruiker \(user.email) aangemaakt (\(user.role.label.lowercased())).")
        context.console.print("Eenmalig wachtwoord: \(password)")
        context.console.print("Bij de eerste keer inloggen kiest de gebruiker een eigen wachtwoord.")
    }
}

/// `vitaal import regions FILE.geojson [--jaar N [--volledig]]`
struct ImportRegionsCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "GeoJSON FeatureCollection (PDOK/CBS: statcode, statnaam)") var file: String
        @Option(
            name: "jaar",
            help:
                "Grenzen geldig vanaf dit jaar (1900–2100): een nieuwe grensversie; zonder: de huidige grens vervangen")
        var jaar: String?
        @Flag(
            name: "volledig",
            help:
                "Met --jaar: het bestand bevat alle regio's van zijn soort voor dat jaar; codes die ontbreken "
                + "(bijv. na een herindeling) eindigen het jaar ervoor")
        var volledig: Bool
        init() {}
    }
    var help: String { "Importeert regiogrenzen uit GeoJSON (alles of niets)." }
    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await Vitaal.migrate(app)
        let url = URL(fileURLWithPath: signature.file)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw VitaalError.invalid(
                "bestand niet gevonden of niet leesbaar",
                at: SourceLocation(file: signature.file))
        }
        var year: Int?
        if let text = signature.jaar {
            guard let parsed = Int(text.trimmingCharacters(in: .whitespaces)), RegionImporter.years.contains(parsed)
            else {
                throw VitaalError.invalid(
                    "--jaar moet een jaartal van 1900 tot en met 2100 zijn, gevonden \"\(text)\"",
                    at: SourceLocation(file: signature.file, field: "--jaar"))
            }
            year = parsed
        }
        let summary = try await RegionImporter.importGeoJSON(
            data, fileName: url.lastPathComponent, year: year, complete: signature.volledig, on: app.db,
            user: nil, actor: "cli", now: app.clock.now())
        context.console.print(summary)
    }
}

/// `vitaal organisation create --name "Provincie Flevoland" [--slug …] [--kind …]`: the first step
/// on an empty database (a user belongs to an organisation).
struct CreateOrganisationCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "name", help: "Naam, bijv. \"Provincie Flevoland\"") var name: String?
        @Option(name: "slug", help: "Code (kleine letters, cijfers, streepjes); standaard afgeleid van de naam")
        var slug: String?
        @Option(name: "kind", help: "Soort: \(OrganisationService.kinds.joined(separator: ", "))") var kind: String?
        @Option(name: "region", help: "CBS-regiocode, bijv. PV24 of GM0034") var region: String?
        @Option(name: "website", help: "https://…") var website: String?
        init() {}
    }
    var help: String { "Maakt een organisatie aan (nodig voor de eerste gebruiker)." }
    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await Vitaal.migrate(app)
        let organisation = try await OrganisationService.create(
            on: app.db, name: signature.name ?? "", slug: signature.slug, kind: signature.kind,
            region: signature.region, website: signature.website, actor: nil, actorName: "cli", now: app.clock.now())
        context.console.print("Organisatie \(organisation.name) aangemaakt (code \(organisation.slug)).")
    }
}

/// `vitaal organisation list`
struct ListOrganisationsCommand: AsyncCommand {
    struct Signature: CommandSignature { init() {} }
    var help: String { "Toont alle organisaties met hun code." }
    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await Vitaal.migrate(app)
        let organisations = try await Organisation.query(on: app.db).sort(\.$slug).all()
        if organisations.isEmpty {
            context.console.print("Geen organisaties.")
            return
        }
        let width = organisations.map(\.slug.count).max() ?? 0
        for organisation in organisations {
            let slug = organisation.slug.padding(toLength: width, withPad: " ", startingAt: 0)
            let retired = organisation.isRetired ? "  (opgeheven)" : ""
            context.console.print(slug + "  " + organisation.name + " (" + organisation.kind + ")" + retired)
        }
    }
}

/// `vitaal user list`
struct ListUsersCommand: AsyncCommand {
    struct Signature: CommandSignature { init() {} }
    var help: String { "Toont alle gebruikers met rol en organisatie." }
    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await Vitaal.migrate(app)
        let users = try await User.query(on: app.db).with(\.$organisation).sort(\.$email).all()
        if users.isEmpty {
            context.console.print("Geen gebruikers.")
            return
        }
        let width = users.map(\.email.count).max() ?? 0
        for user in users {
            let pending =
                !user.isActive
                ? "  (gedeactiveerd)" : user.mustChangePassword ? "  (eenmalig wachtwoord nog niet vervangen)" : ""
            let email = user.email.padding(toLength: width, withPad: " ", startingAt: 0)
            context.console.print(email + "  " + user.role.rawValue + "  " + user.organisation.slug + pending)
        }
    }
}
