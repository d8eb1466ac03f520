import AppCore

/// Every route of the social map, for registration, links, redirects, the OpenAPI document and
/// tests (modelled on SwiftPackageIndex-Server's `SiteURL`). Paths are Dutch for pages and English
/// for the open-data API, as documented in docs/social-map.md.
public enum SocialMapURL: SiteRoute {
    // Pages
    case map
    case offer(Parameter<String>)
    case offerEdit(Parameter<String>)
    case offerChecked(Parameter<String>)
    case organisation(Parameter<String>)
    case organisationChecked(Parameter<String>)
    case organisationCollaborations(Parameter<String>)
    case organisationNew
    case organisationEdit(Parameter<String>)
    case organisationArchive(Parameter<String>)
    case offerNew(Parameter<String>)
    case offerArchive(Parameter<String>)
    case locationNew(Parameter<String>)
    case locationEdit(Parameter<String>)
    case locationArchive(Parameter<String>)
    case contactNew(Parameter<String>)
    case contactEdit(Parameter<String>)
    case contactArchive(Parameter<String>)
    case networks
    case network(Parameter<String>)
    case networkNew
    case networkEdit(Parameter<String>)
    case networkChecked(Parameter<String>)
    case networkMembers(Parameter<String>)
    case networkMemberRemove(Parameter<String>)
    case spiderWeb
    case spiderWebStatistics
    // Open-data API
    case apiOrganizations
    case apiInitiatives
    case apiNetworks
    case apiNetworkGraph(Parameter<String>)
    case apiNetworkAnalysis(Parameter<String>)

    public var segments: [URLSegment] {
        switch self {
        case .map: Self.root
        case .offer(let id): Self.root + [.constant("aanbod"), .parameter("id", id)]
        case .offerEdit(let id): Self.offer(id).segments + [.constant("bewerken")]
        case .offerChecked(let id): Self.offer(id).segments + [.constant("gecontroleerd")]
        case .organisation(let id): Self.root + [.constant("organisaties"), .parameter("id", id)]
        case .organisationChecked(let id): Self.organisation(id).segments + [.constant("gecontroleerd")]
        case .organisationCollaborations(let id): Self.organisation(id).segments + [.constant("samenwerkingen")]
        case .organisationNew: Self.root + [.constant("organisaties"), .constant("nieuw")]
        case .organisationEdit(let id): Self.organisation(id).segments + [.constant("bewerken")]
        case .organisationArchive(let id): Self.organisation(id).segments + [.constant("archiveren")]
        case .offerNew(let id): Self.organisation(id).segments + [.constant("aanbod"), .constant("nieuw")]
        case .offerArchive(let id): Self.offer(id).segments + [.constant("archiveren")]
        case .locationNew(let id): Self.organisation(id).segments + [.constant("locaties"), .constant("nieuw")]
        case .locationEdit(let id): Self.root + [.constant("locaties"), .parameter("id", id), .constant("bewerken")]
        case .locationArchive(let id):
            Self.root + [.constant("locaties"), .parameter("id", id), .constant("archiveren")]
        case .contactNew(let id): Self.organisation(id).segments + [.constant("contactpersonen"), .constant("nieuw")]
        case .contactEdit(let id):
            Self.root + [.constant("contactpersonen"), .parameter("id", id), .constant("bewerken")]
        case .contactArchive(let id):
            Self.root + [.constant("contactpersonen"), .parameter("id", id), .constant("archiveren")]
        case .networks: Self.root + [.constant("netwerken")]
        case .network(let id): Self.root + [.constant("netwerken"), .parameter("id", id)]
        case .networkNew: Self.root + [.constant("netwerken"), .constant("nieuw")]
        case .networkEdit(let id): Self.network(id).segments + [.constant("bewerken")]
        case .networkChecked(let id): Self.network(id).segments + [.constant("gecontroleerd")]
        case .networkMembers(let id): Self.network(id).segments + [.constant("deelnemers")]
        case .networkMemberRemove(let id):
            Self.network(id).segments + [.constant("deelnemers"), .constant("verwijderen")]
        case .spiderWeb: Self.root + [.constant("spinnenweb")]
        case .spiderWebStatistics: Self.root + [.constant("spinnenweb"), .constant("statistiek")]
        case .apiOrganizations: Self.api + [.constant("organizations")]
        case .apiInitiatives: Self.api + [.constant("initiatives")]
        case .apiNetworks: Self.api + [.constant("networks")]
        case .apiNetworkGraph(let id): Self.api + [.constant("networks"), .parameter("id", id), .constant("graph")]
        case .apiNetworkAnalysis(let id):
            Self.api + [.constant("networks"), .parameter("id", id), .constant("analysis")]
        }
    }

    private static let root: [URLSegment] = [.constant("sociale-kaart")]
    private static let api: [URLSegment] = [.constant("api"), .constant("v1")]

    /// The page of an organisation or an offer, whichever `id` names.
    static func entry(_ id: String, isOffer: Bool) -> SocialMapURL {
        isOffer ? .offer(.value(id)) : .organisation(.value(id))
    }
}
