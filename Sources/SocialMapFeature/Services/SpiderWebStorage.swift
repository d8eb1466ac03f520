import Fluent
import Foundation
import Vapor
import VitaalDomain

/// Stores a resident's spider web when they consent: only the six scores, the municipality and the
/// month (no postcode, no name, no day, no session link), at most once per session per hour.
enum SpiderWebStorage {
    enum Outcome: Sendable, Equatable {
        case notAsked
        case stored
        /// Consent given, but this session stored one less than an hour ago.
        case limited
    }

    /// Session key of the time (Unix seconds) of this session's last stored spider web.
    static let storedKey = "spinnenweb_bewaard"
    /// One stored spider web per session per this many seconds: a re-post (back button, double
    /// click, "submit again") stores no duplicate, and one visitor cannot pad a group.
    static let storeInterval: Double = 3600

    static func store(
        _ scores: SpiderWebScores, municipality: String, consent: Bool,
        for req: Request
    ) async throws -> Outcome {
        guard consent else { return .notAsked }
        let now = req.now.timeIntervalSince1970
        if let last = req.session.data[storedKey].flatMap(Double.init), now - last < storeInterval, now >= last {
            return .limited
        }
        let record = SpiderWebRecord()
        record.day = month(SocialMapDates.today(at: req.now))
        record.municipalityCode = municipality
        record.lichaamsfuncties = scores[.lichaamsfuncties]
        record.mentaalWelbevinden = scores[.mentaalWelbevinden]
        record.zingeving = scores[.zingeving]
        record.kwaliteitVanLeven = scores[.kwaliteitVanLeven]
        record.meedoen = scores[.meedoen]
        record.dagelijksFunctioneren = scores[.dagelijksFunctioneren]
        try await record.create(on: req.db)
        req.session.data[storedKey] = String(Int(now))
        return .stored
    }

    /// Only the month is stored ("2026-12"), never the day: with few submissions a day can link a
    /// record to a visit.
    static func month(_ day: SocialMap.Day) -> String { String(day.iso.prefix(7)) }
}
