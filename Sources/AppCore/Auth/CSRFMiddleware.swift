import Vapor
import VitaalDomain

/// Every state-changing request (POST/PUT/PATCH/DELETE) must carry the session's CSRF token:
/// as form field `csrf` (url-encoded forms), header `X-CSRF-Token` (API clients, JS) or — only for
/// uploads that are not url-encoded (multipart, whose body the handler reads) — query parameter `csrf`.
/// A request authenticated by an API token (`APITokenAuthenticator`) needs none: CSRF abuses the
/// cookie a browser sends by itself, and no browser adds an `Authorization: Bearer` header on its own.
public struct CSRFMiddleware: AsyncMiddleware {
    public static let sessionKey = "csrf"
    public init() {}

    public func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        switch request.method {
        case .GET, .HEAD, .OPTIONS: return try await next.respond(to: request)
        default: break
        }
        // Only a request whose bearer token was checked and accepted; a refused token never gets here.
        if request.apiToken != nil { return try await next.respond(to: request) }
        // A method the path has no route for gets its 405/404 from the router, not a CSRF error.
        guard let route = MethodNotAllowed.route(request.method, request.url.path, in: request.application.routes)
        else {
            return try await next.respond(to: request)
        }
        guard let expected = request.session.data[Self.sessionKey], !expected.isEmpty else {
            throw VitaalError(.forbidden, "CSRF-token ontbreekt: laad de pagina opnieuw en probeer het nog eens.")
        }
        // The query carries the token only for uploads (multipart), whose body is read by the
        // handler; an ordinary form must send it in the body, where no access log records it.
        let upload = request.headers.contentType != .urlEncodedForm
        var supplied =
            request.headers.first(name: "X-CSRF-Token")
            ?? (upload ? try? request.query.get(String.self, at: "csrf") : nil)
        // The form is read with the route's own body limit (a collected body is not checked again
        // by the route); a streamed route takes its token from the header or the query only.
        if supplied == nil, request.headers.contentType == .urlEncodedForm,
            let limit = route.userInfo["maxBody"] as? Int
        {
            _ = try await request.body.collect(max: limit).get()
            supplied = try? request.content.get(String.self, at: "csrf")
        }
        guard let supplied, constantTimeEquals(supplied, expected) else {
            throw VitaalError(
                .forbidden, "Ongeldig of ontbrekend CSRF-token: laad de pagina opnieuw en probeer het nog eens.")
        }
        return try await next.respond(to: request)
    }

    private func constantTimeEquals(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var diff: UInt8 = 0
        for i in 0..<x.count { diff |= x[i] ^ y[i] }
        return diff == 0
    }
}
