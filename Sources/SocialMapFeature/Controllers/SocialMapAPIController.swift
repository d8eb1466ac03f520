import AppCore
import Vapor
import VitaalDomain

/// Public JSON API of the social map (no contact persons, no spider webs). The routes are
/// described in the OpenAPI document by `SocialMapOpenAPI`.
struct SocialMapAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SocialMapURL.apiOrganizations, use: organizations)
        routes.get(SocialMapURL.apiInitiatives, use: initiatives)
        routes.get(SocialMapURL.apiNetworks, use: networks)
        routes.get(SocialMapURL.apiNetworkGraph(.key), use: graph)
        routes.get(SocialMapURL.apiNetworkAnalysis(.key), use: analysis)
    }

    @Sendable func organizations(req: Request) async throws -> [OrganizationDTO] {
        let register = try await SocialMapStore.load(on: req.db)
        let today = req.socialMapToday
        let offers = Dictionary(grouping: register.services, by: \.organisationID)
        return register.organisations.map { organisation in
            OrganizationDTO(
                id: organisation.id, name: organisation.name, alternateName: organisation.alternateName,
                description: organisation.description, url: organisation.url, email: organisation.email,
                tags: TagsDTO(organisation.tags), offers: (offers[organisation.id] ?? []).map(\.id),
                lastChecked: organisation.lastChecked?.iso, stale: organisation.isStale(asOf: today),
                isExample: organisation.isExample)
        }
    }

    /// The filter takes the map page's Dutch names and their English equivalents.
    @Sendable func initiatives(req: Request) async throws -> [InitiativeDTO] {
        let query = req.query
        let filter = try OfferFilter.parse(
            theme: query["thema"] ?? query["theme"],
            dimension: query["dimensie"] ?? query["dimension"],
            targetGroup: query["doelgroep"] ?? query["targetGroup"],
            municipality: query["gemeente"] ?? query["municipality"],
            kind: query["soort"] ?? query["kind"])
        let register = try await SocialMapStore.load(on: req.db)
        let today = req.socialMapToday
        return register.services.filter { filter.matches($0, in: register) }
            .map { Self.initiative($0, register, today) }
    }

    static func initiative(
        _ offer: SocialMap.Service, _ register: SocialMap.Register,
        _ today: SocialMap.Day
    ) -> InitiativeDTO {
        let locations = offer.locationIDs.compactMap { register.location($0) }.map { location in
            LocationDTO(
                id: location.id, name: location.name, latitude: location.latitude,
                longitude: location.longitude, positionIsApproximate: location.positionIsApproximate,
                municipality: location.municipalityCode,
                address: location.address.map(SocialMapText.address))
        }
        return InitiativeDTO(
            id: offer.id, organizationId: offer.organisationID,
            organizationName: register.name(of: offer.organisationID), name: offer.name,
            kind: offer.kind.rawValue, description: offer.description, url: offer.url,
            status: offer.status, tags: TagsDTO(offer.tags),
            municipalities: OfferFilter.municipalities(of: offer, in: register), locations: locations,
            lastChecked: offer.lastChecked?.iso, stale: offer.isStale(asOf: today),
            isExample: offer.isExample)
    }

    @Sendable func networks(req: Request) async throws -> [NetworkDTO] {
        let register = try await SocialMapStore.load(on: req.db)
        let today = req.socialMapToday
        return register.networks.map { network in
            NetworkDTO(
                id: network.id, name: network.name, goal: network.goal, fleverRole: network.fleverRole,
                referenceDate: network.referenceDate?.iso, participantCount: network.participantCount,
                members: network.memberships.map {
                    MemberDTO(id: $0.memberID, name: register.name(of: $0.memberID), role: $0.role)
                },
                participantsDescription: network.participantsDescription, size: network.size,
                sizeUnit: network.sizeUnit, source: network.source, lastChecked: network.lastChecked?.iso,
                stale: network.isStale(asOf: today))
        }
    }

    static func network(_ req: Request) async throws -> CollaborationNetwork {
        let id = req.socialMapID
        let register = try await SocialMapStore.load(on: req.db)
        guard let network = try CollaborationNetwork.build(id: id, register: register) else {
            throw VitaalError(
                .notFound,
                "Netwerk \"\(id)\" bestaat niet (gebruik \"\(CollaborationNetwork.allID)\" "
                    + "voor alle samenwerkingen).")
        }
        return network
    }

    @Sendable func graph(req: Request) async throws -> GraphDTO {
        let network = try await Self.network(req)
        let nodes = network.nodeIDs.indices.map { index in
            NodeDTO(
                id: network.nodeIDs[index], name: network.names[index], kind: network.nodeKinds[index],
                degree: network.graph.degree(of: index))
        }
        return GraphDTO(
            id: network.id, name: network.title, nodes: nodes,
            edges: network.edges.map {
                EdgeDTO(
                    source: $0.a, target: $0.b, topic: $0.topic,
                    derived: $0.isDerived, weight: $0.weight)
            })
    }

    @Sendable func analysis(req: Request) async throws -> AnalysisDTO {
        let network = try await Self.network(req)
        let analysis = network.analysis
        let ids = network.nodeIDs
        func byID(_ values: [Double]) -> [String: Double] { Dictionary(uniqueKeysWithValues: zip(ids, values)) }
        let removals = analysis.removalImpact.map { impact in
            RemovalDTO(
                node: ids[impact.node], cutOff: impact.cutOff.map { ids[$0] },
                explanation: analysis.explanation(of: impact, names: network.names))
        }
        return AnalysisDTO(
            id: network.id, name: network.title, nodes: ids, degree: byID(analysis.degree),
            betweenness: byID(analysis.betweenness), closeness: byID(analysis.closeness),
            components: analysis.components.map { $0.map { ids[$0] } },
            articulationPoints: analysis.articulationPoints.map { ids[$0] },
            bridges: analysis.bridges.map { [ids[$0.0], ids[$0.1]] }, removalImpact: removals,
            central: network.centralNodes.map { ids[$0] }, explanations: network.explanations,
            communities: network.communities.communities.map { $0.map { ids[$0] } },
            modularity: network.communities.modularity)
    }
}
