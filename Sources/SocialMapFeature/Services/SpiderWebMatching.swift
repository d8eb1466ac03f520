import VitaalDomain

/// Initiatives for a resident's spider web.
enum SpiderWebMatching {
    /// The ten best active initiatives for the scores, focus and place.
    static func matches(
        scores: SpiderWebScores, focus: Set<PositiveHealthDimension>, origin: SocialMap.MatchOrigin,
        register: SocialMap.Register
    ) throws(VitaalError) -> [SocialMap.Match] {
        let active = register.services.filter { $0.status != "inactive" && $0.status != "defunct" }
        let offers = try nearestLocationFirst(active, locations: register.locations, origin: origin)
        return try SocialMap.InitiativeMatcher.match(
            scores: scores, focus: focus, origin: origin, initiatives: offers,
            locations: register.locations, limit: 10)
    }

    /// The matcher measures to an offer's first located location: order each offer's locations
    /// nearest-first from the resident's centroid (an Alzheimer Café in Lelystad is 0 km away for a
    /// Lelystad resident, even when its Almere location is listed first).
    static func nearestLocationFirst(
        _ services: [SocialMap.Service], locations: [SocialMap.Location],
        origin: SocialMap.MatchOrigin
    ) throws(VitaalError) -> [SocialMap.Service] {
        let centre = try origin.centroid()
        let pairs = locations.compactMap { location -> (String, Double)? in
            guard let latitude = location.latitude, let longitude = location.longitude else { return nil }
            return (location.id, SocialMap.haversineKm(centre.latitude, centre.longitude, latitude, longitude))
        }
        let kilometres = Dictionary(pairs, uniquingKeysWith: { first, _ in first })
        return services.map { service in
            var sorted = service
            sorted.locationIDs.sort {
                (kilometres[$0] ?? .infinity, $0) < (kilometres[$1] ?? .infinity, $1)
            }
            return sorted
        }
    }
}
