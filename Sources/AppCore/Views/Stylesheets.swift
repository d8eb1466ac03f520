import Foundation
import Vapor
import VitaalDomain

/// The site stylesheet: `Resources/base.css` followed by each feature's own CSS file, served as one
/// file under a name that carries a hash of its content (`/static/vitaal-<hash>.css`), so browsers may
/// keep it for a year and a new release is fetched at once. No page carries a `<style>` block or a
/// `style=` attribute, which is what lets the Content-Security-Policy drop `'unsafe-inline'`.
public struct Stylesheets: Sendable {
    /// The base stylesheet alone (the PDF report inlines it; Chromium reads no files there).
    public static let base = String(decoding: PackageResources.base_css, as: UTF8.self)
    public static let favicon = String(decoding: PackageResources.favicon_svg, as: UTF8.self)

    /// The whole stylesheet: base first, then the features' files in registration order.
    public let css: String
    /// First 12 hex digits of the SHA-256 of `css`.
    public let hash: String

    public init(features: [String]) {
        let css = ([Self.base] + features.filter { !$0.isEmpty }).joined(separator: "\n")
        self.css = css
        self.hash = SHA256.hash(data: Data(css.utf8)).prefix(6).map { String(format: "%02x", $0) }.joined()
    }

    /// The path pages link to.
    public var path: String { "/static/vitaal-\(hash).css" }
    /// The ETag of the stylesheet (for the unversioned path `/static/vitaal.css`).
    public var etag: String { "\"\(hash)\"" }
}

extension Application {
    private struct StylesheetsKey: StorageKey { typealias Value = Stylesheets }
    /// Set by `configure` from the base stylesheet and every feature's `stylesheet`.
    public var stylesheets: Stylesheets {
        get { storage[StylesheetsKey.self] ?? Stylesheets(features: []) }
        set { storage[StylesheetsKey.self] = newValue }
    }
}
