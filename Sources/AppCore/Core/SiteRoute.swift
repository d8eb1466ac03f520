import Foundation
import Vapor

/// A route parameter in a typed URL (as in SwiftPackageIndex-Server's `SiteURL`): `.key` when the
/// route is registered (it becomes `:name`), `.value(x)` when a link or redirect is made.
public enum Parameter<Value: Sendable>: Sendable {
    case key
    case value(Value)
}

/// One piece of a route's path.
public enum URLSegment: Sendable, Equatable {
    case constant(String)
    /// A parameter: its name, and its value when a link is made (nil when the route is registered).
    case parameter(String, String?)

    public static func parameter(_ name: String, _ value: Parameter<String>) -> URLSegment {
        switch value {
        case .key: .parameter(name, nil)
        case .value(let v): .parameter(name, v)
        }
    }

    /// The one percent-encoding rule for path segments: everything but RFC 3986's unreserved
    /// characters (letters, digits, `-._~`) is encoded, so a value can never add a segment, a
    /// query or a fragment to a link.
    public static func encode(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    private static let unreserved = CharacterSet(
        charactersIn:
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
}

/// A typed URL of the site: one value per route, used for route registration (`pathComponents`),
/// links and redirects (`path`), and the OpenAPI document (`openAPIPath`). Each feature has one
/// enum conforming to it (`MonitorURL`, `PlanURL`, …); AppCore's own routes are `SiteURL`.
public protocol SiteRoute: Sendable {
    var segments: [URLSegment] { get }
}

extension SiteRoute {
    /// For `routes.get(…)`: constants as they are, parameters as `:name`.
    public var pathComponents: [PathComponent] {
        segments.map {
            switch $0 {
            case .constant(let c): .constant(c)
            case .parameter(let name, _): .parameter(name)
            }
        }
    }

    /// The link: `/a/b/<encoded value>`. A parameter without a value is written `:name`.
    public var path: String {
        "/"
            + segments.map {
                switch $0 {
                case .constant(let c): c
                case .parameter(let name, let value): value.map(URLSegment.encode) ?? ":\(name)"
                }
            }.joined(separator: "/")
    }

    /// The link with a query string (names and values encoded; pairs kept in order, empty values dropped).
    public func path(query: [(String, String?)]) -> String {
        let pairs = query.compactMap { name, value -> String? in
            guard let value, !value.isEmpty else { return nil }
            return URLSegment.encode(name) + "=" + URLSegment.encode(value)
        }
        return pairs.isEmpty ? path : path + "?" + pairs.joined(separator: "&")
    }

    /// The path template of the OpenAPI document: `/api/v1/plans/{plan}`.
    public var openAPIPath: String {
        "/"
            + segments.map {
                switch $0 {
                case .constant(let c): c
                case .parameter(let name, _): "{\(name)}"
                }
            }.joined(separator: "/")
    }
}

extension RoutesBuilder {
    /// Registers a GET route at a typed URL.
    @discardableResult
    public func get<R: AsyncResponseEncodable>(
        _ route: some SiteRoute, use handler: @escaping @Sendable (Request) async throws -> R
    ) -> Route {
        on(.GET, route.pathComponents, use: handler)
    }

    /// Registers a write route at a typed URL, guarded by `access` (see `write(_:_:access:body:use:)`).
    @discardableResult
    public func write<R: AsyncResponseEncodable>(
        _ method: HTTPMethod, _ route: some SiteRoute, access: RouteAccess,
        body: HTTPBodyStreamStrategy = .collect,
        use handler: @escaping @Sendable (Request) async throws -> R
    ) -> Route {
        write(method, route.pathComponents, access: access, body: body, use: handler)
    }
}

/// Short confirmations after a write, passed in the redirect's query as a code (`?melding=opgeslagen`)
/// and turned into Dutch text by the page — never user-supplied text.
extension Request {
    /// A 303 redirect to a typed URL, optionally with a notice code.
    public func redirect(to route: some SiteRoute, notice: String? = nil) -> Response {
        redirect(to: route.path(query: [("melding", notice)]), redirectType: .normal)
    }
}

/// AppCore's own routes.
public enum SiteURL: SiteRoute {
    case home, about, accessibility, login, logout, account, accountPassword
    case admin, adminUsers
    case adminUserPassword(Parameter<String>)
    case adminOrganisations, adminAudit
    case regions
    case region(Parameter<String>)
    case regionImport
    case health, ready, metrics, openAPI
    case stylesheet, favicon
    /// The stylesheet under its content hash (`Stylesheets.path`), cached for a year.
    case versionedStylesheet(hash: String)
    /// `/api/v1` (redirects to the OpenAPI document) and the region API.
    case apiRoot, apiRegions
    case apiRegion(Parameter<String>)
    /// Personal API tokens (#15): the list and form, and revoking one (by id).
    case accountTokens
    case accountTokenRevoke(Parameter<String>)
    /// One account (by id) and one organisation (by slug) in the admin pages (#15).
    case adminUser(Parameter<String>)
    case adminUserDeactivate(Parameter<String>)
    case adminUserReactivate(Parameter<String>)
    case adminOrganisation(Parameter<String>)
    case adminOrganisationRetire(Parameter<String>)
    case adminOrganisationReinstate(Parameter<String>)
    /// The vaststeller flag of an account and the steering organisation flag (#16).
    case adminUserApprover(Parameter<String>)
    case adminOrganisationSteering(Parameter<String>)

    public var segments: [URLSegment] {
        switch self {
        case .home: []
        case .about: [.constant("over")]
        case .accessibility: [.constant("toegankelijkheid")]
        case .login: [.constant("inloggen")]
        case .logout: [.constant("uitloggen")]
        case .account: [.constant("account")]
        case .accountPassword: [.constant("account"), .constant("wachtwoord")]
        case .admin: [.constant("beheer")]
        case .adminUsers: [.constant("beheer"), .constant("gebruikers")]
        case .adminUserPassword(let id):
            [.constant("beheer"), .constant("gebruikers"), .parameter("id", id), .constant("wachtwoord")]
        case .adminOrganisations: [.constant("beheer"), .constant("organisaties")]
        case .adminAudit: [.constant("beheer"), .constant("audit")]
        case .regions: [.constant("regios")]
        case .region(let code): [.constant("regios"), .parameter("code", code)]
        case .regionImport: [.constant("beheer"), .constant("regios"), .constant("import")]
        case .health: [.constant("health")]
        case .ready: [.constant("ready")]
        case .metrics: [.constant("metrics")]
        case .openAPI: [.constant("api"), .constant("v1"), .constant("openapi.json")]
        case .stylesheet: [.constant("static"), .constant("vitaal.css")]
        case .favicon: [.constant("static"), .constant("favicon.svg")]
        case .versionedStylesheet(let hash): [.constant("static"), .constant("vitaal-\(hash).css")]
        case .apiRoot: [.constant("api"), .constant("v1")]
        case .apiRegions: [.constant("api"), .constant("v1"), .constant("regions")]
        case .apiRegion(let code): [.constant("api"), .constant("v1"), .constant("regions"), .parameter("code", code)]
        case .accountTokens: [.constant("account"), .constant("tokens")]
        case .accountTokenRevoke(let id):
            [.constant("account"), .constant("tokens"), .parameter("id", id), .constant("intrekken")]
        case .adminUser(let id): [.constant("beheer"), .constant("gebruikers"), .parameter("id", id)]
        case .adminUserDeactivate(let id):
            [.constant("beheer"), .constant("gebruikers"), .parameter("id", id), .constant("deactiveren")]
        case .adminUserReactivate(let id):
            [.constant("beheer"), .constant("gebruikers"), .parameter("id", id), .constant("activeren")]
        case .adminOrganisation(let slug): [.constant("beheer"), .constant("organisaties"), .parameter("slug", slug)]
        case .adminOrganisationRetire(let slug):
            [.constant("beheer"), .constant("organisaties"), .parameter("slug", slug), .constant("opheffen")]
        case .adminOrganisationReinstate(let slug):
            [.constant("beheer"), .constant("organisaties"), .parameter("slug", slug), .constant("herstellen")]
        case .adminUserApprover(let id):
            [.constant("beheer"), .constant("gebruikers"), .parameter("id", id), .constant("vaststeller")]
        case .adminOrganisationSteering(let slug):
            [.constant("beheer"), .constant("organisaties"), .parameter("slug", slug), .constant("sturend")]
        }
    }
}
