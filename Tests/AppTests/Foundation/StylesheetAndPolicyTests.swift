import App
import VitaalDomain
import XCTVapor
import XCTest

@testable import AppCore

/// The stylesheet is one cached file, and no page needs `'unsafe-inline'` styles.
final class StylesheetAndPolicyTests: XCTestCase {
    func testTheContentSecurityPolicyAllowsNoInlineStyles() async throws {
        try await TestApp.with { app in
            let home = try await Browser(app).get(SiteURL.home.path)
            let policy = try XCTUnwrap(home.headers.first(name: "Content-Security-Policy"))
            XCTAssertFalse(policy.contains("'unsafe-inline'"), policy)
            XCTAssertTrue(policy.contains("style-src 'self'"), policy)
        }
    }

    func testTheVersionedStylesheetIsCachedForAYearAndThePlainOneAnswers304() async throws {
        try await TestApp.with { app in
            let browser = Browser(app)
            let versioned = try await browser.get(app.stylesheets.path)
            XCTAssertEqual(versioned.status, .ok)
            XCTAssertEqual(versioned.headers.first(name: .cacheControl), "public, max-age=31536000, immutable")
            XCTAssertTrue(versioned.headers.first(name: .contentType)?.hasPrefix("text/css") == true)
            XCTAssertTrue(versioned.body.contains(":root{"))
            let home = try await browser.get(SiteURL.home.path)
            XCTAssertTrue(home.body.contains("href=\"\(app.stylesheets.path)\""), "pages link the versioned name")

            let plain = try await browser.get(SiteURL.stylesheet.path)
            XCTAssertEqual(plain.status, .ok)
            let etag = try XCTUnwrap(plain.headers.first(name: .eTag))
            let again = try await browser.request(.GET, SiteURL.stylesheet.path, headers: ["If-None-Match": etag])
            XCTAssertEqual(again.status, .notModified)
            XCTAssertTrue(again.body.isEmpty)
        }
    }

    /// Every colour of the base stylesheet is a variable of its `:root`.
    func testTheBaseStylesheetTakesItsColoursFromItsVariables() throws {
        let css = Stylesheets.base
        let root = try XCTUnwrap(
            css.range(of: ":root{").flatMap { start in
                css[start.lowerBound...].firstIndex(of: "}").map { start.lowerBound...$0 }
            })
        var outside = css
        outside.removeSubrange(root)
        let colour = try NSRegularExpression(pattern: "#[0-9a-fA-F]{3,8}\\b|rgba?\\(|hsla?\\(")
        let found = colour.matches(in: outside, range: NSRange(outside.startIndex..., in: outside))
            .map { String(outside[Range($0.range, in: outside)!]) }
        XCTAssertEqual(found, [], "colours outside :root")
    }

    /// A walk over the demo: no page carries a `<style>` block or a `style=` attribute (the CSP
    /// would block them).
    func testNoPageOfTheDemoHasInlineStyles() async throws {
        try await TestApp.with { app in
            try await DemoData.load(app: app, features: vitaalFeatures) { _ in }
            let browser = Browser(app)
            let paths = [
                SiteURL.home.path, SiteURL.about.path, SiteURL.accessibility.path, SiteURL.login.path,
                SiteURL.regions.path,
                SiteURL.region(.value("GM0034")).path, "/monitor", "/plannen", "/sociale-kaart", "/modellen"
            ]
            for path in paths {
                let page = try await browser.get(path)
                XCTAssertEqual(page.status, .ok, path)
                XCTAssertFalse(page.body.contains("<style"), "\(path) has a <style> block")
                XCTAssertFalse(page.body.contains(" style="), "\(path) has a style attribute")
            }
        }
    }
}
