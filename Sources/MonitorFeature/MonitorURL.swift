import AppCore

/// Every route of the monitor, as one typed value each: used to register the route, to link to it,
/// to redirect to it, in the OpenAPI document and in tests. Public, so that other features link to
/// indicator pages and region profiles through it.
public enum MonitorURL: SiteRoute {
    /// The list of monitors.
    case overview
    /// One monitor (`slug`), answering `?regio=` and `?formaat=`.
    case monitor(Parameter<String>)
    case indicator(Parameter<String>)
    case region(Parameter<String>)
    /// The form of the region profile page posts its choice here (`?regio=`); it redirects.
    case regionChoice
    case importUpload
    case importHistory
    case importUndo(Parameter<String>)
    case stories
    case storyNew
    case story(Parameter<String>)
    case storyDelete(Parameter<String>)
    case apiMonitors
    case apiIndicators
    case apiData
    /// One indicator of the write API (PUT updates, DELETE removes) and the catalogue import (#15).
    case apiIndicator(Parameter<String>)
    case apiIndicatorsImport

    public var segments: [URLSegment] {
        switch self {
        case .overview: [.constant("monitor")]
        case .monitor(let slug): [.constant("monitor"), .parameter("slug", slug)]
        case .indicator(let code): [.constant("monitor"), .constant("indicator"), .parameter("code", code)]
        case .region(let code): [.constant("monitor"), .constant("regio"), .parameter("code", code)]
        case .regionChoice: [.constant("monitor"), .constant("regio"), .constant("kies")]
        case .importUpload: [.constant("monitor"), .constant("import")]
        case .importHistory: [.constant("monitor"), .constant("import"), .constant("geschiedenis")]
        case .importUndo(let id):
            [.constant("monitor"), .constant("import"), .parameter("id", id), .constant("ongedaan-maken")]
        case .stories: [.constant("monitor"), .constant("verhalen")]
        case .storyNew: [.constant("monitor"), .constant("verhalen"), .constant("nieuw")]
        case .story(let id): [.constant("monitor"), .constant("verhalen"), .parameter("id", id)]
        case .storyDelete(let id):
            [.constant("monitor"), .constant("verhalen"), .parameter("id", id), .constant("verwijderen")]
        case .apiMonitors: [.constant("api"), .constant("v1"), .constant("monitors")]
        case .apiIndicators: [.constant("api"), .constant("v1"), .constant("indicators")]
        case .apiData: [.constant("api"), .constant("v1"), .constant("data")]
        case .apiIndicator(let code):
            [.constant("api"), .constant("v1"), .constant("indicators"), .parameter("code", code)]
        case .apiIndicatorsImport: [.constant("api"), .constant("v1"), .constant("indicators"), .constant("import")]
        }
    }

    /// A page's link with the chosen region (`?regio=CODE`).
    public func path(region: String) -> String { path(query: [("regio", region)]) }

    /// The breadcrumb trail of every monitor page.
    static let crumbs: [(String, String)] = [("Home", SiteURL.home.path), ("Monitor", MonitorURL.overview.path)]
}
