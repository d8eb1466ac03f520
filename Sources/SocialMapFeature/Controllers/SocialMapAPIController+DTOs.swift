import Vapor
import VitaalDomain

/// The JSON shapes of the social map's open-data API (described in `SocialMapOpenAPI`).
extension SocialMapAPIController {

    struct TagsDTO: Content {
        var themes: [String], dimensions: [String], targetGroups: [String], municipalities: [String]
        init(_ tags: SocialMap.Tags) {
            themes = tags.themes
            dimensions = tags.dimensions.map(\.rawValue)
            targetGroups = tags.targetGroups
            municipalities = tags.municipalityCodes
        }
    }

    struct OrganizationDTO: Content {
        var id: String, name: String, alternateName: String?, description: String?, url: String?, email: String?
        var tags: TagsDTO, offers: [String], lastChecked: String?, stale: Bool, isExample: Bool
    }

    struct LocationDTO: Content {
        var id: String, name: String?, latitude: Double?, longitude: Double?, positionIsApproximate: Bool
        var municipality: String?
        var address: String?
    }

    struct InitiativeDTO: Content {
        var id: String, organizationId: String, organizationName: String, name: String, kind: String
        var description: String?
        var url: String?, status: String?, tags: TagsDTO, municipalities: [String], locations: [LocationDTO]
        var lastChecked: String?, stale: Bool, isExample: Bool
    }

    struct MemberDTO: Content { var id: String, name: String, role: String? }

    struct NetworkDTO: Content {
        var id: String, name: String, goal: String, fleverRole: String?, referenceDate: String?, participantCount: Int?
        var members: [MemberDTO], participantsDescription: String?, size: Int?, sizeUnit: String?, source: String?
        var lastChecked: String?, stale: Bool
    }

    struct NodeDTO: Content { var id: String, name: String, kind: String, degree: Int }
    struct EdgeDTO: Content { var source: String, target: String, topic: String, derived: Bool, weight: Double }
    struct GraphDTO: Content { var id: String, name: String, nodes: [NodeDTO], edges: [EdgeDTO] }

    struct RemovalDTO: Content { var node: String, cutOff: [String], explanation: String }
    struct AnalysisDTO: Content {
        var id: String, name: String, nodes: [String]
        var degree: [String: Double], betweenness: [String: Double], closeness: [String: Double]
        var components: [[String]], articulationPoints: [String], bridges: [[String]]
        var removalImpact: [RemovalDTO], central: [String], explanations: [String]
        var communities: [[String]], modularity: Double
    }
}
