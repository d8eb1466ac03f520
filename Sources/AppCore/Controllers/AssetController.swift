import Vapor

/// The compiled-in static files (no external fonts or CDNs): the stylesheet and the favicon.
struct AssetController: RouteCollection {
    let stylesheets: Stylesheets

    static let css = HTTPMediaType(type: "text", subType: "css", parameters: ["charset": "utf-8"])

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.versionedStylesheet(hash: stylesheets.hash), use: versionedStylesheet)
        routes.get(SiteURL.stylesheet, use: stylesheet)
        routes.get(SiteURL.favicon, use: favicon)
    }

    /// The name carries the content's hash, so browsers may keep it for a year.
    @Sendable func versionedStylesheet(_ req: Request) -> Response {
        Self.asset(stylesheets.css, type: Self.css, cache: "public, max-age=31536000, immutable")
    }

    /// The plain name (for bookmarks and old pages) answers with an ETag and may be cached an hour.
    @Sendable func stylesheet(_ req: Request) -> Response {
        if req.headers.first(name: .ifNoneMatch) == stylesheets.etag { return Response(status: .notModified) }
        let response = Self.asset(stylesheets.css, type: Self.css, cache: "public, max-age=3600")
        response.headers.replaceOrAdd(name: .eTag, value: stylesheets.etag)
        return response
    }

    @Sendable func favicon(_ req: Request) -> Response {
        Self.asset(
            Stylesheets.favicon, type: HTTPMediaType(type: "image", subType: "svg+xml"),
            cache: "public, max-age=86400")
    }

    static func asset(_ text: String, type: HTTPMediaType, cache: String) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = type
        headers.replaceOrAdd(name: .cacheControl, value: cache)
        return Response(status: .ok, headers: headers, body: .init(string: text))
    }
}
