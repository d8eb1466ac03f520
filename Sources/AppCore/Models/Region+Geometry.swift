import Foundation
import VitaalDomain

extension Region {
    /// The stored boundary, decoded.
    public var multiPolygon: GeoMultiPolygon? {
        guard let geometry, let data = geometry.data(using: .utf8) else { return nil }
        return try? JSONDecoder().decode(GeoMultiPolygon.self, from: data)
    }

    public func setGeometry(_ geometry: GeoMultiPolygon?, schematic: Bool) throws {
        self.geometry = try geometry.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) }
        geometrySchematic = geometry != nil && schematic
    }
}

public enum RegionGeometry {
    /// GeoJSON MultiPolygon object for a geometry (coordinates rounded to 6 decimals, about 10 cm).
    public static func geoJSON(_ geometry: GeoMultiPolygon) -> JSONValue {
        func rounded(_ degrees: Double) -> Double { (degrees * 1e6).rounded() / 1e6 }
        func ring(_ points: [GeoPoint]) -> JSONValue {
            var closed = points
            if let first = closed.first, first != closed.last { closed.append(first) }
            return .array(closed.map { [.number(rounded($0.lon)), .number(rounded($0.lat))] })
        }
        return [
            "type": "MultiPolygon",
            "coordinates": .array(geometry.polygons.map { .array([ring($0.outer)] + $0.holes.map(ring)) })
        ]
    }
}
