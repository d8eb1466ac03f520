import Foundation

/// Response-time band of a demand point (aanrijtijdklasse): how late the ambulance is, in the
/// classes a council reads. Fixed minute bounds, independent of the norm a scenario uses; a point
/// exactly on a bound belongs to the lower band (15:00 is "≤ 15 min").
public enum ResponseBand: String, Sendable, Hashable, Codable, CaseIterable {
    /// ≤ 15 minutes.
    case upTo15 = "le15"
    /// More than 15, at most 20 minutes.
    case from15To20 = "15-20"
    /// More than 20, at most 30 minutes.
    case from20To30 = "20-30"
    /// More than 30 minutes, also beyond the search cap.
    case over30 = "gt30"
    /// No road within the snap distance: the only "not reachable" case.
    case noRoad

    /// The band of a response time in seconds (including dispatch).
    public init(seconds: Int) {
        switch seconds {
        case ...900: self = .upTo15
        case ...1200: self = .from15To20
        case ...1800: self = .from20To30
        default: self = .over30
        }
    }

    /// Dutch label for tables, legends and the API.
    public var label: String {
        switch self {
        case .upTo15: "≤ 15 min"
        case .from15To20: "15–20 min"
        case .from20To30: "20–30 min"
        case .over30: "> 30 min"
        case .noRoad: "geen weg"
        }
    }

    /// The bands with a time, in order (without `.noRoad`).
    public static let timed: [ResponseBand] = [.upTo15, .from15To20, .from20To30, .over30]
}

/// Points and residents in one response-time band.
public struct BandTally: Sendable, Hashable, Codable {
    public var band: ResponseBand
    public var pointCount: Int
    public var population: Double

    public init(band: ResponseBand, pointCount: Int = 0, population: Double = 0) {
        self.band = band
        self.pointCount = pointCount
        self.population = population
    }

    /// One zero tally per band, in `ResponseBand.allCases` order.
    public static var empty: [BandTally] { ResponseBand.allCases.map { BandTally(band: $0) } }
}
