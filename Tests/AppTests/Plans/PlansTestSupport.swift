import XCTest
import XCTVapor
import Fluent
@testable import AppCore

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
