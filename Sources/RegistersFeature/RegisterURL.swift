import AppCore
import VitaalDomain

/// Every route of the registers (#18), for registration, links, redirects, the OpenAPI document
/// and tests. Pages live under the register's Dutch slug (`/fondsen`), the API under its English
/// name (`/api/v1/funds`).
public enum RegisterURL: SiteRoute {
    /// The overview of all registers.
    case index
    case list(RegisterKind)
    case new(RegisterKind)
    case entry(RegisterKind, Parameter<String>)
    case edit(RegisterKind, Parameter<String>)
    case status(RegisterKind, Parameter<String>)
    case exportCSV(RegisterKind)
    case exportXLSX(RegisterKind)
    case apiList(RegisterKind)
    case apiEntry(RegisterKind, Parameter<String>)
    /// The public counts of the signals per theme and region.
    case apiSignalSummary

    public var segments: [URLSegment] {
        switch self {
        case .index: [.constant("registers")]
        case .list(let kind): [.constant(kind.definition.slug)]
        case .new(let kind): [.constant(kind.definition.slug), .constant("nieuw")]
        case .entry(let kind, let key): [.constant(kind.definition.slug), .parameter("key", key)]
        case .edit(let kind, let key): Self.entry(kind, key).segments + [.constant("bewerken")]
        case .status(let kind, let key): Self.entry(kind, key).segments + [.constant("status")]
        case .exportCSV(let kind): [.constant(kind.definition.slug), .constant("export.csv")]
        case .exportXLSX(let kind): [.constant(kind.definition.slug), .constant("export.xlsx")]
        case .apiList(let kind): Self.api + [.constant(kind.definition.apiName)]
        case .apiEntry(let kind, let key): Self.api + [.constant(kind.definition.apiName), .parameter("key", key)]
        case .apiSignalSummary: Self.api + [.constant(RegisterKind.signals.definition.apiName), .constant("summary")]
        }
    }

    private static let api: [URLSegment] = [.constant("api"), .constant("v1")]

    /// Path segments an entry's key may not take (they are routes of their own).
    static let reservedKeys: Set<String> = ["nieuw", "export", "summary"]
}
