import AppCore

/// Every route of the workforce feature and the "Modellen" index: used to register the routes,
/// to make links and redirects, for the OpenAPI paths and in the tests.
public enum WorkforceURL: SiteRoute {
    /// The "Modellen" index (both models).
    case models
    case list, compare, newScenario
    /// "Over dit model": what the model computes, its inputs, calibration and the scenario file format.
    case about
    case scenario(Parameter<String>)
    case save(Parameter<String>)
    case report(Parameter<String>)
    case downloadCSV(Parameter<String>)
    case downloadXLSX(Parameter<String>)
    case scenarioFile(Parameter<String>)
    /// The acute-care model's page, linked from the index. This module does not depend on
    /// AcuteCareFeature, so the path is repeated here; a test checks it equals `AcuteCareURL.index`.
    case acuteCareModel
    case apiScenarios
    case apiScenario(Parameter<String>)
    case apiProjection(Parameter<String>)
    case apiScenarioFile(Parameter<String>)

    public var segments: [URLSegment] {
        switch self {
        case .models: [.constant("modellen")]
        case .list: Self.pages
        case .compare: Self.pages + [.constant("vergelijk")]
        case .newScenario: Self.pages + [.constant("nieuw")]
        case .about: Self.pages + [.constant("over")]
        case .scenario(let id): Self.pages + [.parameter("id", id)]
        case .save(let id): Self.pages + [.parameter("id", id), .constant("opslaan")]
        case .report(let id): Self.pages + [.parameter("id", id), .constant("rapport")]
        case .downloadCSV(let id): Self.pages + [.parameter("id", id), .constant("download.csv")]
        case .downloadXLSX(let id): Self.pages + [.parameter("id", id), .constant("download.xlsx")]
        case .scenarioFile(let id): Self.pages + [.parameter("id", id), .constant("scenario.json")]
        case .acuteCareModel: [.constant("modellen"), .constant("acute-zorg")]
        case .apiScenarios: Self.api
        case .apiScenario(let id): Self.api + [.parameter("id", id)]
        case .apiProjection(let id): Self.api + [.parameter("id", id), .constant("projection")]
        case .apiScenarioFile(let id): Self.api + [.parameter("id", id), .constant("file")]
        }
    }

    private static let pages: [URLSegment] = [.constant("modellen"), .constant("personeel")]
    private static let api: [URLSegment] = [
        .constant("api"), .constant("v1"), .constant("workforce"), .constant("scenarios")
    ]
}
