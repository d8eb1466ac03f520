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
    /// The indicator catalogue: the list (GET, with filters) and a new indicator (POST).
    case catalogue
    case catalogueNew
    /// The edit form of one indicator (GET) and its save (POST).
    case catalogueEdit(Parameter<String>)
    /// Monitors and themes: the list (GET) and a new monitor (POST).
    case structure
    /// One monitor's page of themes and indicators (GET) and its save (POST).
    case structureMonitor(Parameter<String>)
    /// `richting=omhoog|omlaag`.
    case structureMonitorMove(Parameter<String>)
    /// `actie=vervallen|herstellen`.
    case structureMonitorRetire(Parameter<String>)
    case structureThemeNew(Parameter<String>)
    case structureTheme(Parameter<String>)
    case structureThemeMove(Parameter<String>)
    case structureThemeRetire(Parameter<String>)
    /// Puts an indicator in the monitor (POST `indicator`, `theme`).
    case structureItemNew(Parameter<String>)
    case structureItemMove(Parameter<String>)
    case structureItemDelete(Parameter<String>)
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
        case .catalogue: [.constant("monitor"), .constant("indicatoren")]
        case .catalogueNew: [.constant("monitor"), .constant("indicatoren"), .constant("nieuw")]
        case .catalogueEdit(let code):
            [.constant("monitor"), .constant("indicatoren"), .parameter("code", code), .constant("bewerken")]
        case .structure: [.constant("monitor"), .constant("beheer")]
        case .structureMonitor(let slug): [.constant("monitor"), .constant("beheer"), .parameter("slug", slug)]
        case .structureMonitorMove(let slug):
            [.constant("monitor"), .constant("beheer"), .parameter("slug", slug), .constant("volgorde")]
        case .structureMonitorRetire(let slug):
            [.constant("monitor"), .constant("beheer"), .parameter("slug", slug), .constant("status")]
        case .structureThemeNew(let slug):
            [.constant("monitor"), .constant("beheer"), .parameter("slug", slug), .constant("themas")]
        case .structureTheme(let id):
            [.constant("monitor"), .constant("beheer"), .constant("thema"), .parameter("id", id)]
        case .structureThemeMove(let id):
            [.constant("monitor"), .constant("beheer"), .constant("thema"), .parameter("id", id), .constant("volgorde")]
        case .structureThemeRetire(let id):
            [.constant("monitor"), .constant("beheer"), .constant("thema"), .parameter("id", id), .constant("status")]
        case .structureItemNew(let slug):
            [.constant("monitor"), .constant("beheer"), .parameter("slug", slug), .constant("indicatoren")]
        case .structureItemMove(let id):
            [.constant("monitor"), .constant("beheer"), .constant("item"), .parameter("id", id), .constant("volgorde")]
        case .structureItemDelete(let id):
            [
                .constant("monitor"), .constant("beheer"), .constant("item"), .parameter("id", id),
                .constant("verwijderen")
            ]
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
