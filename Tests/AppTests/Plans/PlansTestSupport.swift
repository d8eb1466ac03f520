import Fluent
import XCTVapor
import XCTest

@testable import AppCore
@testable import PlansFeature

extension Browser {
    /// POSTs a url-encoded form with the CSRF token both in the form and in the `X-CSRF-Token`
    /// header: the realisation route is streamed (its handler reads the body), so the CSRF check
    /// may not read the token from the body there.
    func postWithHeader(_ path: String, _ form: [String: String]) async throws -> Result {
        if csrf == nil { try await get("/inloggen") }
        var form = form
        form["csrf"] = csrf
        return try await request(.POST, path, form: form, headers: ["X-CSRF-Token": csrf ?? ""])
    }
}

/// Plans test data: the demo plans as the pages load them.
extension Fixtures {
    /// Flever's annual plan 2025 (vastgesteld, with targets, realisations and budgets).
    static let fleverPlan = "flever-jaarplan-2025"

    /// An app with the foundation and the demo plans, and its clock fixed at `Fixtures.now`.
    static func withPlans(_ body: (Application) async throws -> Void) async throws {
        try await TestApp.with { app in
            app.clock = .fixed(now)
            try await TestApp.seedFoundation(app)
            try await PlansFeature().loadDemoData(app: app, log: { _ in })
            try await body(app)
        }
    }

    /// A demo plan as a logged-in reader sees it.
    static func loadedPlan(_ app: Application, key: String = fleverPlan) async throws -> LoadedPlan {
        try await PlanStore.load(key: key, audience: .internal, on: app.db)
    }

    /// A redacteur of the plan's own organisation (so the page shows its editor parts).
    static func editor(of loaded: LoadedPlan) -> PageContext.Viewer {
        viewer(.redacteur, organisationID: loaded.record.$organisation.id)
    }
}
