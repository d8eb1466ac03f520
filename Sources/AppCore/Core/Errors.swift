import Vapor
import VitaalDomain

extension VitaalError.Kind {
    public var status: HTTPResponseStatus {
        switch self {
        case .invalidInput: .unprocessableEntity
        case .notFound: .notFound
        case .conflict: .conflict
        case .forbidden: .forbidden
        case .unauthorized: .unauthorized
        case .internal: .internalServerError
        }
    }
}

extension VitaalError: AbortError {
    public var status: HTTPResponseStatus { kind.status }
    public var reason: String { message }
}

/// The JSON error body of the API: `{"error": {"code", "message", "details"}}`.
public struct APIErrorBody: Content {
    public struct Detail: Content {
        public var message: String
        public var file: String?, line: Int?, column: Int?, field: String?, element: String?
    }
    public struct Body: Content {
        public var code: String
        public var message: String
        public var details: [Detail]
    }
    public var error: Body
}

/// Turns every error into a Dutch HTML page or the API's JSON error body, and logs server errors.
public struct VitaalErrorMiddleware: AsyncMiddleware {
    let renderPage: @Sendable (Request, HTTPResponseStatus, String, [Problem]) -> Response
    public init(renderPage: @escaping @Sendable (Request, HTTPResponseStatus, String, [Problem]) -> Response) {
        self.renderPage = renderPage
    }

    public func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            var (status, code, message, problems) = Self.describe(error)
            var allow: [String] = []
            if error is RouteNotFound {
                allow = MethodNotAllowed.allowedMethods(for: request.url.path, in: request.application.routes)
                if !allow.isEmpty {
                    (status, code) = (.methodNotAllowed, "method_not_allowed")
                    message =
                        "Methode \(request.method.rawValue) is hier niet toegestaan; wel: \(allow.joined(separator: ", "))."
                }
            }
            if status.code >= 500 {
                request.logger.error(
                    "request failed",
                    metadata: ["path": .string(request.url.path), "error": .string(String(reflecting: error))])
            }
            let response = try render(request, status, code, message, problems)
            if !allow.isEmpty { response.headers.replaceOrAdd(name: .allow, value: allow.joined(separator: ", ")) }
            if code == "busy" {
                response.headers.replaceOrAdd(name: .retryAfter, value: String(DatabaseBusy.retryAfterSeconds))
            }
            return response
        }
    }

    private func render(
        _ request: Request, _ status: HTTPResponseStatus, _ code: String, _ message: String,
        _ problems: [Problem]
    ) throws -> Response {
        do {
            if request.isAPI || request.headers.accept.first?.mediaType == .json {
                let body = APIErrorBody(
                    error: .init(
                        code: code, message: message,
                        details: problems.map {
                            .init(
                                message: $0.message, file: $0.location.file, line: $0.location.line,
                                column: $0.location.column,
                                field: $0.location.field, element: $0.location.element)
                        }))
                let response = Response(status: status)
                try response.content.encode(body, as: .json)
                return response
            }
            if status == .unauthorized, request.method == .GET {
                let next = request.url.path + (request.url.query.map { "?" + $0 } ?? "")
                return request.redirect(to: SiteURL.login.path(query: [("terug", next)]), redirectType: .normal)
            }
            return renderPage(request, status, message, problems)
        }
    }

    static func describe(_ error: any Error) -> (HTTPResponseStatus, String, String, [Problem]) {
        switch error {
        case let e as VitaalError:
            return (e.kind.status, e.kind.rawValue, e.message, e.problems)
        case let e as any AbortError:
            let code: String
            switch e.status {
            case .notFound: code = "not_found"
            case .unauthorized: code = "unauthorized"
            case .forbidden: code = "forbidden"
            case .payloadTooLarge: code = "payload_too_large"
            case .tooManyRequests: code = "too_many_requests"
            default: code = e.status.code < 500 ? "bad_request" : "internal"
            }
            let message = e.status == .notFound ? "Niet gevonden." : e.reason
            return (e.status, code, message, [])
        case let e as DecodingError:
            return (.badRequest, "bad_request", "Ongeldige invoer: \(e.dutchDescription)", [])
        case let e where DatabaseBusy.isBusy(e):
            return (.serviceUnavailable, "busy", DatabaseBusy.message, [])
        default:
            return (.internalServerError, "internal", "Er ging iets mis aan onze kant. Probeer het later opnieuw.", [])
        }
    }
}

extension DecodingError {
    var dutchDescription: String {
        switch self {
        case .keyNotFound(let key, _): return "veld \"\(key.stringValue)\" ontbreekt"
        case .typeMismatch(_, let ctx), .valueNotFound(_, let ctx), .dataCorrupted(let ctx):
            let path = ctx.codingPath.map(\.stringValue).joined(separator: ".")
            return path.isEmpty ? ctx.debugDescription : "veld \"\(path)\" heeft een ongeldige waarde"
        @unknown default: return "onbekende fout"
        }
    }
}
