import Vapor
import Fluent
import Plot
import VitaalDomain

enum FoundationRoutes {
    static func register(_ app: Application) throws {
        // Static assets (embedded, no external fonts or CDNs).
        app.get("static", "vitaal.css") { _ in
            asset(Stylesheet.css, type: HTTPMediaType(type: "text", subType: "css", parameters: ["charset": "utf-8"]))
        }
        app.get("static", "favicon.svg") { _ in asset(Stylesheet.favicon, type: HTTPMediaType(type: "image", subType: "svg+xml")) }

        app.get { req in try await HomeController.home(req) }
        app.get("over") { req in HomeController.about(req) }

        try AuthController().boot(routes: app)
        try AdminController().boot(routes: app)
        try RegionController().boot(routes: app)
        try SystemController().boot(routes: app)
        RegionController.registerOpenAPI(app.openAPI)
    }

    static func asset(_ text: String, type: HTTPMediaType) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = type
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
        return Response(status: .ok, headers: headers, body: .init(string: text))
    }
}

enum ErrorPages {
    /// `requestID` is shown on every error page: support finds the matching log line with it
    /// (every log line of a request carries `request-id`).
    static func page(status: HTTPResponseStatus, message: String, problems: [Problem], requestID: String? = nil) -> Page {
        var page = content(status: status, message: message, problems: problems)
        if let requestID {
            page.content.append(.p(.class("muted"), .text("Referentie voor de helpdesk: " + String(requestID.prefix(64)))))
        }
        return page
    }

    static func content(status: HTTPResponseStatus, message: String, problems: [Problem]) -> Page {
        switch status {
        case .notFound:
            return Page("Pagina niet gevonden", status: status,
                UI.notice("info", "De pagina die u zoekt bestaat niet (meer). Controleer het adres of ga naar de startpagina."),
                .p(.a(.href("/"), .text("Naar de startpagina"))))
        case .forbidden:
            return Page("Geen toegang", status: status, UI.notice("error", message),
                        .p(.a(.href("/"), .text("Naar de startpagina"))))
        case .unauthorized:
            return Page("Inloggen vereist", status: status, UI.notice("info", message),
                        .p(.a(.href("/inloggen"), .text("Inloggen"))))
        case .tooManyRequests:
            return Page("Te veel pogingen", status: status, UI.notice("error", message))
        case .methodNotAllowed:
            return Page("Methode niet toegestaan", status: status, UI.notice("error", message))
        default:
            if status.code >= 500 {
                return Page("Er ging iets mis", status: status, UI.notice("error", message))
            }
            return Page("Ongeldige invoer", status: status, UI.problems(message, problems),
                        .p(.text("Ga terug, pas de invoer aan en probeer het opnieuw.")))
        }
    }
}
