import Foundation
import VitaalDomain

/// Where an offer is drawn on the map, and the points of the map page.
enum OfferPositions {
    struct Position: Sendable, Equatable {
        var latitude: Double
        var longitude: Double
        /// True for a municipality's centre instead of an address.
        var isApproximate: Bool
        var place: String
    }

    /// An offer's located locations, else the centres of its municipalities (approximate).
    static func positions(of offer: SocialMap.Service, in register: SocialMap.Register) -> [Position] {
        let located = offer.locationIDs.compactMap { register.location($0) }.compactMap { location -> Position? in
            guard let latitude = location.latitude, let longitude = location.longitude else { return nil }
            let place = location.municipalityCode.map(SocialMapText.municipalityName) ?? (location.name ?? "")
            return Position(
                latitude: latitude, longitude: longitude, isApproximate: location.positionIsApproximate,
                place: place)
        }
        if !located.isEmpty { return located }
        return offer.tags.municipalityCodes.compactMap(SocialMap.Municipality.byCode).map {
            Position(latitude: $0.latitude, longitude: $0.longitude, isApproximate: true, place: $0.name)
        }
    }

    /// The map points of `offers`. Points sharing a position (most offers sit at a municipality's
    /// centre) are spread on a small circle around it, so each stays visible and clickable.
    static func mapPoints(_ offers: [SocialMap.Service], in register: SocialMap.Register) -> [PointMap.Point] {
        let placed = offers.flatMap { offer in positions(of: offer, in: register).map { (offer, $0) } }
        let groups = Dictionary(grouping: placed.indices, by: { positionKey(placed[$0].1) })
        return placed.indices.map { index in
            let (offer, position) = placed[index]
            let group = groups[positionKey(position)] ?? [index]
            let spread = spreadOnCircle(position, rank: group.firstIndex(of: index) ?? 0, of: group.count)
            return PointMap.Point(
                location: spread, label: offer.name, category: offer.kind.label,
                link: SocialMapURL.offer(.value(offer.id)).path,
                detail: position.place + (position.isApproximate ? " (positie benaderd)" : ""))
        }
    }

    /// Positions closer than about 10 m count as the same place.
    private static func positionKey(_ position: Position) -> String {
        String(format: "%.4f,%.4f", position.latitude, position.longitude)
    }

    /// Point `rank` of `count` on a circle of about 2.5 km (growing a little with the group) around
    /// the position, starting at the top; a single point stays where it is.
    private static func spreadOnCircle(_ position: Position, rank: Int, of count: Int) -> GeoPoint {
        guard count > 1 else { return GeoPoint(lon: position.longitude, lat: position.latitude) }
        let angle = 2 * Double.pi * Double(rank) / Double(count) - Double.pi / 2
        let radiusKm = 2.5 + 0.15 * Double(count)
        let kmPerDegreeLatitude = 111.2
        let kmPerDegreeLongitude = kmPerDegreeLatitude * cos(position.latitude * .pi / 180)
        return GeoPoint(
            lon: position.longitude + radiusKm / kmPerDegreeLongitude * cos(angle),
            lat: position.latitude - radiusKm / kmPerDegreeLatitude * sin(angle))
    }
}
