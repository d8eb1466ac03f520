import Fluent
import Vapor
import VitaalDomain

/// `vitaal token create --user EMAIL --scope schrijven --days 30 --name NAME`: prints a personal API
/// token of that user once, so that a script can get one without the browser.
struct CreateTokenCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "user", help: "E-mailadres van de gebruiker") var user: String?
        @Option(name: "scope", help: "lezen (standaard) of schrijven (redacteur en beheerder)") var scope: String?
        @Option(name: "days", help: "Geldigheid in dagen, 1–365 (standaard 90)") var days: String?
        @Option(name: "name", help: "Waarvoor het token is, bijv. \"import GGD-cijfers\"") var name: String?
        init() {}
    }
    var help: String { "Maakt een persoonlijk API-token voor een gebruiker en toont het eenmalig." }
    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await Vitaal.migrate(app)
        let email = (signature.user ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        guard !email.isEmpty, let user = try await User.query(on: app.db).filter(\.$email == email).first() else {
            throw VitaalError.invalid(
                "Onbekende gebruiker \"\(email)\" (geef het e-mailadres met --user).", at: SourceLocation(field: "user")
            )
        }
        let days = try BoundedNumber.int(
            signature.days, field: "days", in: APITokens.days, label: "De geldigheid (--days)")
        let (token, text) = try await APITokens.create(
            for: user, name: signature.name ?? "", scope: signature.scope ?? APITokenScope.lezen.rawValue,
            days: days, actor: nil, actorName: "cli", on: app.db, now: app.clock.now())
        context.console.print(
            "API-token \"\(token.name)\" voor \(user.email) (\(token.scope), geldig tot "
                + "\(DutchDate.date(token.expiresAt))):")
        context.console.print(text)
        context.console.print("Het token wordt niet opnieuw getoond; gebruik het als: Authorization: Bearer <token>")
    }
}
