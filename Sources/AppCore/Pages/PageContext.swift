import Foundation
import Vapor
import VitaalDomain

/// What every view may know about the request it renders for, made once per request
/// (`req.pageContext`). Views take this instead of the `Request`, so a page can be rendered from its
/// model alone — in a handler, in a snapshot test, or for a PDF — without an application.
public struct PageContext: Sendable {
    /// The logged-in user as views need them (no password hash, no database object).
    public struct Viewer: Sendable, Equatable {
        public var id: UUID?
        public var name: String
        public var role: Role
        public var organisationID: UUID?

        public init(id: UUID?, name: String, role: Role, organisationID: UUID?) {
            self.id = id
            self.name = name
            self.role = role
            self.organisationID = organisationID
        }

        /// Beheerders may write anything; redacteurs only their own organisation's data.
        public func mayWrite(organisationID: UUID?) -> Bool {
            role == .beheerder || (role == .redacteur && organisationID != nil && organisationID == self.organisationID)
        }
    }

    public var viewer: Viewer?
    public var navigation: [NavigationItem]
    /// The request's path, for `aria-current` in the navigation.
    public var path: String
    /// The session's CSRF token. Present when someone is logged in or the handler asked for a form
    /// context (`req.formContext`); an anonymous visitor without a form gets no session at all.
    public var csrfToken: String?
    /// The moment the page is rendered for, by the application's clock.
    public var now: Date
    /// The path of the site stylesheet (with its content hash).
    public var stylesheetPath: String

    public init(
        viewer: Viewer? = nil, navigation: [NavigationItem] = [], path: String = "/", csrfToken: String? = nil,
        now: Date, stylesheetPath: String = "/static/vitaal.css"
    ) {
        self.viewer = viewer
        self.navigation = navigation
        self.path = path
        self.csrfToken = csrfToken
        self.now = now
        self.stylesheetPath = stylesheetPath
    }

    /// At least `role`?
    public func has(_ role: Role) -> Bool { viewer.map { $0.role >= role } ?? false }
}

extension User {
    public var viewer: PageContext.Viewer {
        .init(id: id, name: name, role: role, organisationID: $organisation.id)
    }
}

extension Request {
    private struct PageContextKey: StorageKey { typealias Value = PageContext }

    /// The page context of this request (made on first use). It carries a CSRF token only when the
    /// session already has one or someone is logged in; pages with a form for anonymous visitors use
    /// `formContext`.
    public var pageContext: PageContext {
        if let made = storage[PageContextKey.self] { return made }
        let existing = session.data[CSRFMiddleware.sessionKey].flatMap { $0.isEmpty ? nil : $0 }
        let context = PageContext(
            viewer: user?.viewer, navigation: application.navigation, path: url.path,
            csrfToken: existing ?? (user != nil ? csrfToken : nil), now: now,
            stylesheetPath: application.stylesheets.path)
        storage[PageContextKey.self] = context
        return context
    }

    /// The page context with a CSRF token for the page's forms (creates the session's token).
    public var formContext: PageContext {
        var context = pageContext
        if context.csrfToken == nil {
            context.csrfToken = csrfToken
            storage[PageContextKey.self] = context
        }
        return context
    }
}
