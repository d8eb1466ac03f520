import AppCore

/// Every route of the acute-care model: registration, links, redirects, OpenAPI paths and tests.
public enum AcuteCareURL: SiteRoute {
    /// The coverage page with the what-if form.
    case index
    /// A saved scenario, by slug.
    case scenario(Parameter<String>)
    case saveScenario
    case deleteScenario(Parameter<String>)
    case apiScenarios
    /// One scenario, by slug or UUID.
    case apiScenario(Parameter<String>)
    case apiCoverage(Parameter<String>)
    /// The "Modellen" index, in the breadcrumbs. It belongs to WorkforceFeature (`WorkforceURL.models`),
    /// which this module does not depend on; a test checks the two agree.
    case models

    public var segments: [URLSegment] {
        switch self {
        case .index: Self.pages
        case .scenario(let slug): Self.pages + [.constant("scenario"), .parameter("slug", slug)]
        case .saveScenario: Self.pages + [.constant("scenarios")]
        case .deleteScenario(let slug):
            Self.pages + [.constant("scenario"), .parameter("slug", slug), .constant("verwijderen")]
        case .apiScenarios: Self.api
        case .apiScenario(let id): Self.api + [.parameter("id", id)]
        case .apiCoverage(let id): Self.api + [.parameter("id", id), .constant("coverage")]
        case .models: [.constant("modellen")]
        }
    }

    private static let pages: [URLSegment] = [.constant("modellen"), .constant("acute-zorg")]
    private static let api: [URLSegment] = [
        .constant("api"), .constant("v1"), .constant("acute-care"), .constant("scenarios")
    ]
}
