import Foundation

/// The bounds of every number a person may give the acute-care model (what-if form, API, stored
/// scenarios). Inside these bounds one evaluation stays well under a second of CPU; outside them
/// the input is refused with a Dutch message that names the field and the limit (HTTP 422).
/// Documented in docs/acute-care-model.md ("Bounds").
public enum AcuteCareLimits {
    /// Ambulance rides per year in the region (Flevoland today: about 30,000).
    public static let ridesPerYear: ClosedRange<Double> = 0...10_000_000
    /// Residents of one new district, and residents of the region in the target year.
    public static let population: ClosedRange<Double> = 0...10_000_000
    /// Growth to the target year in percent, per municipality or for all (−99 % … +500 %).
    public static let growthPercent: ClosedRange<Double> = -99...500
    /// The same as a factor (0.01 … 6).
    public static let growthFactor: ClosedRange<Double> = 0.01...6
    /// Factor per age band (0 … 6; 0 = the band disappears).
    public static let bandFactor: ClosedRange<Double> = 0...6
    /// Target years of a growth scenario.
    public static let years: ClosedRange<Int> = 2024...2060
    /// Norm in minutes (response time including dispatch).
    public static let normMinutes: ClosedRange<Double> = 0...240
    /// Latitude and longitude as typed (the model then checks "within the Netherlands").
    public static let latitude: ClosedRange<Double> = -90...90
    public static let longitude: ClosedRange<Double> = -180...180
    /// Added, moved and removed posts and new districts per scenario.
    public static let maxListItems = 50
    /// Length of ids and names inside a scenario.
    public static let maxTextLength = 200
    /// How far past the norm the response-time search runs, in minutes: every point on the road
    /// network within this time gets its time and nearest post (a longer norm raises it to the norm).
    /// The bucket queue then holds at most 3,600 one-second buckets.
    public static let searchCapMinutes = 60.0
    /// Candidate sites for the "best next post" (beste volgende post): at most this many (the demand
    /// points' road nodes, largest population first) ...
    public static let maxCandidateSites = 250
    /// ... and at most this many candidate × demand point evaluations, so no request hangs.
    public static let maxCandidateEvaluations = 2_000_000
}
