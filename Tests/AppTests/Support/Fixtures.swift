import Foundation

@testable import AppCore

/// Test data in one namespace: each feature's builders live in `extension Fixtures` (in its own
/// `…Support.swift`), shared values here.
enum Fixtures {
    /// The fixed moment of page snapshots: Monday 1 December 2025, 09:00 in the Netherlands.
    static let now = Date(timeIntervalSince1970: 1_764_576_000)

    /// A page context for rendering a view without an application.
    static func context(viewer: PageContext.Viewer? = nil, path: String = "/", csrfToken: String? = nil) -> PageContext
    {
        PageContext(
            viewer: viewer, navigation: navigation, path: path, csrfToken: csrfToken, now: now,
            stylesheetPath: "/static/vitaal.css")
    }

    /// The main navigation as the assembled app has it.
    static let navigation = [
        NavigationItem(title: "Monitor", path: "/monitor", order: 10),
        NavigationItem(title: "Plannen", path: "/plannen", order: 20),
        NavigationItem(title: "Sociale kaart", path: "/sociale-kaart", order: 30),
        NavigationItem(title: "Modellen", path: "/modellen", order: 40)
    ]

    /// Viewers by role (ids fixed so snapshots are stable).
    static func viewer(_ role: Role, organisationID: UUID? = UUID(uuidString: "00000000-0000-0000-0000-0000000000F1"))
        -> PageContext.Viewer
    {
        PageContext.Viewer(
            id: UUID(uuidString: "00000000-0000-0000-0000-0000000000A1"), name: "Test \(role.label)",
            role: role, organisationID: organisationID)
    }
}
