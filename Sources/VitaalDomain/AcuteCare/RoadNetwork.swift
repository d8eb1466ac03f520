import Foundation

/// Where a road of the acute-care network comes from: the map draws the two differently.
public enum RoadOrigin: String, Sendable, Hashable, Codable {
    /// Provincie Flevoland's provincial roads (real geometry, exported 23-10-2018).
    case provincialRoad
    /// A schematic link drawn by hand where no real road data is at hand (motorways, roads to villages).
    case schematic
}

/// One road of the network as drawn on the map and fed to the graph builder.
public struct RoadLine: Sendable, Hashable {
    public var name: String
    public var roadClass: RoadClass
    public var origin: RoadOrigin
    public var points: [GeoPoint]

    public init(name: String, roadClass: RoadClass, origin: RoadOrigin, points: [GeoPoint]) {
        self.name = name
        self.roadClass = roadClass
        self.origin = origin
        self.points = points
    }
}
