import Foundation

/// Rijksdriehoeksmeting (RD New, EPSG:28992) ↔ WGS84, with the standard polynomial approximation
/// (Schreutelaar; also published by F.H. Schreutelaar and G.L. Strang van Hees). Accurate to
/// about a metre within the Netherlands, which is far better than any chart needs.
public enum RDNew {
    /// Amersfoort, the origin of the RD grid.
    public static let referenceX = 155_000.0
    public static let referenceY = 463_000.0
    public static let referenceLat = 52.155_174_40
    public static let referenceLon = 5.387_206_21

    /// Valid RD New extent (metres) with a margin around the Netherlands; outside it a
    /// coordinate is not an RD coordinate.
    public static let validX = -10_000.0...310_000.0
    public static let validY = 280_000.0...640_000.0

    // (p, q, coefficient): dX^p * dY^q, seconds of arc.
    private static let latTerms: [(Int, Int, Double)] = [
        (0, 1, 3235.653_89), (2, 0, -32.582_97), (0, 2, -0.247_50), (2, 1, -0.849_78),
        (0, 3, -0.065_50), (2, 2, -0.017_09), (1, 0, -0.007_38), (4, 0, 0.005_30),
        (2, 3, -0.000_39), (4, 1, 0.000_33), (1, 1, -0.000_12)
    ]
    private static let lonTerms: [(Int, Int, Double)] = [
        (1, 0, 5260.529_16), (1, 1, 105.946_84), (1, 2, 2.456_56), (3, 0, -0.818_85),
        (1, 3, 0.055_94), (3, 1, -0.056_07), (0, 1, 0.011_99), (3, 2, -0.002_56),
        (1, 4, 0.001_28), (0, 2, 0.000_22), (2, 0, -0.000_22), (5, 0, 0.000_26)
    ]

    /// Converts RD New metres (x east, y north) to a WGS84 point.
    public static func toWGS84(x: Double, y: Double) -> GeoPoint {
        let dX = (x - referenceX) * 1e-5
        let dY = (y - referenceY) * 1e-5
        func sum(_ terms: [(Int, Int, Double)]) -> Double {
            terms.reduce(0) { $0 + $1.2 * pow(dX, Double($1.0)) * pow(dY, Double($1.1)) }
        }
        return GeoPoint(lon: referenceLon + sum(lonTerms) / 3600, lat: referenceLat + sum(latTerms) / 3600)
    }

    /// Converts a WGS84 point to RD New metres (the inverse polynomial of the same publication).
    public static func fromWGS84(_ g: GeoPoint) -> (x: Double, y: Double) {
        let df = 0.36 * (g.lat - referenceLat)
        let dl = 0.36 * (g.lon - referenceLon)
        let df2 = df * df
        let dl2 = dl * dl
        let sumX =
            190094.945 * dl - 11832.228 * df * dl - 114.221 * df2 * dl - 32.391 * dl2 * dl
            - 0.705 * df - 2.340 * df2 * df * dl - 0.608 * df * dl2 * dl - 0.008 * dl2
            + 0.148 * df2 * dl2 * dl
        let sumY =
            309056.544 * df + 3638.893 * dl2 + 73.077 * df2 - 157.984 * df * dl2
            + 59.788 * df2 * df + 0.433 * dl - 6.439 * df2 * dl2 - 0.032 * df * dl
            + 0.092 * dl2 * dl2 - 0.054 * df * dl2 * dl2
        return (referenceX + sumX, referenceY + sumY)
    }

    public static func isPlausible(x: Double, y: Double) -> Bool { validX.contains(x) && validY.contains(y) }
}
