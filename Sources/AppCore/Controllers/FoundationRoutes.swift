import Vapor
import Fluent
import Plot
import VitaalDomain

enum FoundationRoutes {
    static func register(_ app: Application) throws {
        // Static assets (compiled in; no external fonts or CDNs). The stylesheet's name carries its
        // content hash, so it may be cached for a year; the plain name answers with an ETag.
        let css = HTTPMediaType(type: "text", subType: "css", parameters: ["charset": "utf-8"])
        let stylesheets = app.stylesheets
        app.get("static", .constant("vitaal-\(stylesheets.hash).css")) { _ in
            asset(stylesheets.css, type: css, cache: "public, max-age=31536000, immutable")
        }
        app.get(SiteURL.stylesheet) { req in
            if req.headers.first(name: .ifNoneMatch) == stylesheets.etag { return Response(status: .notModified) }
            var response = asset(stylesheets.css, type: css, cache: "public, max-age=3600")
            response.headers.replaceOrAdd(name: .eTag, value: stylesheets.etag)
            return response
        }
        app.get(SiteURL.favicon) { _ in
            asset(Stylesheets.favicon, type: HTTPMediaType(type: "image", subType: "svg+xml"), cache: "public, max-age=86400")
        }

        app.get { req in try await HomeController.home(req) }
        app.get("over") { req in HomeController.about(req) }

        try AuthController().boot(routes: app)
        try AdminController().boot(routes: app)
        try RegionController().boot(routes: app)
        try SystemController().boot(routes: app)
        RegionController.registerOpenAPI(app.openAPI)
    }

    static func asset(_ text: String, type: HTTPMediaType, cache: String) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = type
        headers.replaceOrAdd(name: .cacheControl, value: cache)
        return Response(status: .ok, headers: headers, body: .init(string: text))
    }
}

enum ErrorPages {
    /// `requestID` is shown on every error page: support finds the matching log line with it
    /// (every log line of a request carries `request-id`).
    static func page(status: HTTPResponseStatus, message: String, problems: [Problem], requestID: String? = nil) -> SitePage {
        var page = content(status: status, message: message, problems: problems)
        if let requestID {
            page.content.append(.p(.class("muted"), .text("Referentie voor de helpdesk: " + String(requestID.prefix(64)))))
        }
        return page
    }

    static func content(status: HTTPResponseStatus, message: String, problems: [Problem]) -> SitePage {
        switch status {
        case .notFound:
            return SitePage("Pagina niet gevonden", status: status,
                UI.notice("info", "De pagina die u zoekt bestaat niet (meer). Controleer het adres of ga naar de startpagina."),
                .p(.a(.href("/"), .text("Naar de startpagina"))))
        case .forbidden:
            return SitePage("Geen toegang", status: status, UI.notice("error", message),
                        .p(.a(.href("/"), .text("Naar de startpagina"))))
        case .unauthorized:
            return SitePage("Inloggen vereist", status: status, UI.notice("info", message),
                        .p(.a(.href("/inloggen"), .text("Inloggen"))))
        case .tooManyRequests:
            return SitePage("Te veel pogingen", status: status, UI.notice("error", message))
        case .methodNotAllowed:
            return SitePage("Methode niet toegestaan", status: status, UI.notice("error", message))
        default:
            if status.code >= 500 {
                return SitePage("Er ging iets mis", status: status, UI.notice("error", message))
            }
            return SitePage("Ongeldige invoer", status: status, UI.problems(message, problems),
                        .p(.text("Ga terug, pas de invoer aan en probeer het opnieuw.")))
        }
    }
}
