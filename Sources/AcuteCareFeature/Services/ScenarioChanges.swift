import Foundation
import VitaalDomain

/// The changes of a scenario as stored (JSON column) and as accepted by the API: the parts of the
/// domain's `AcuteCareScenario` plus an optional yearly ride volume for the region. Every part is
/// optional; an empty value equals the base situation.
public struct ScenarioChanges: Sendable, Hashable, Codable {
    public var addedPosts: [AmbulancePost]
    public var movedPosts: [PostMove]
    public var removedPostIds: [String]
    /// New districts (growth locations) with their residents in the target year.
    public var newDistricts: [DemandPoint]
    /// Population growth per municipality to a target year.
    public var growth: PopulationGrowth?
    public var normMinutes: Double?
    public var dispatchMinutes: Double?
    /// Ambulance rides per year in the region in the base situation (nil: the demo's example volume).
    public var ridesPerYear: Double?

    public init(
        addedPosts: [AmbulancePost] = [], movedPosts: [PostMove] = [], removedPostIds: [String] = [],
        newDistricts: [DemandPoint] = [], growth: PopulationGrowth? = nil, normMinutes: Double? = nil,
        dispatchMinutes: Double? = nil, ridesPerYear: Double? = nil
    ) {
        self.addedPosts = addedPosts
        self.movedPosts = movedPosts
        self.removedPostIds = removedPostIds
        self.newDistricts = newDistricts
        self.growth = growth
        self.normMinutes = normMinutes
        self.dispatchMinutes = dispatchMinutes
        self.ridesPerYear = ridesPerYear
    }

    public init(_ s: AcuteCareScenario) {
        self.init(
            addedPosts: s.addedPosts, movedPosts: s.movedPosts, removedPostIds: s.removedPostIds,
            newDistricts: s.newDistricts, growth: s.growth, normMinutes: s.normMinutes,
            dispatchMinutes: s.dispatchMinutes)
    }

    enum CodingKeys: String, CodingKey {
        case addedPosts, movedPosts, removedPostIds, newDistricts, growth, normMinutes, dispatchMinutes, ridesPerYear
    }

    /// Missing arrays decode as empty.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        addedPosts = try (c.decodeIfPresent([PostInput].self, forKey: .addedPosts) ?? []).map {
            AmbulancePost(
                id: $0.id, name: $0.name, location: $0.location, isSchematic: $0.isSchematic ?? true, note: $0.note)
        }
        movedPosts = try c.decodeIfPresent([PostMove].self, forKey: .movedPosts) ?? []
        removedPostIds = try c.decodeIfPresent([String].self, forKey: .removedPostIds) ?? []
        newDistricts = try (c.decodeIfPresent([DistrictInput].self, forKey: .newDistricts) ?? []).map {
            DemandPoint(
                id: $0.id, location: $0.location, population: $0.population, municipality: $0.municipality,
                name: $0.name, isSchematic: $0.isSchematic ?? true, note: $0.note)
        }
        growth = try c.decodeIfPresent(PopulationGrowth.self, forKey: .growth)
        normMinutes = try c.decodeIfPresent(Double.self, forKey: .normMinutes)
        dispatchMinutes = try c.decodeIfPresent(Double.self, forKey: .dispatchMinutes)
        ridesPerYear = try c.decodeIfPresent(Double.self, forKey: .ridesPerYear)
    }

    /// Posts and districts as accepted from users: name and the schematic flag are optional.
    private struct PostInput: Decodable {
        var id: String
        var name: String?
        var location: GeoPoint
        var isSchematic: Bool?
        var note: String?
    }
    private struct DistrictInput: Decodable {
        var id: String
        var name: String?
        var municipality: String?
        var location: GeoPoint
        var population: Double
        var isSchematic: Bool?
        var note: String?
    }

    public var isEmpty: Bool { self == ScenarioChanges() }

    public func scenario(id: String, name: String, description: String? = nil) -> AcuteCareScenario {
        AcuteCareScenario(
            id: id, name: name, description: description, addedPosts: addedPosts, movedPosts: movedPosts,
            removedPostIds: removedPostIds, newDistricts: newDistricts, growth: growth,
            normMinutes: normMinutes, dispatchMinutes: dispatchMinutes,
            isSchematic: !addedPosts.isEmpty || !newDistricts.isEmpty || growth != nil)
    }

    public func json() throws -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return String(decoding: try e.encode(self), as: UTF8.self)
    }

    /// Checks what the domain model does not check itself (positions of new posts and districts,
    /// ride volume), so the user sees the place of each problem.
    public func validate() throws {
        typealias L = AcuteCareLimits
        var p = ProblemCollector()
        let maxRides = AcuteCareFormat.number(L.ridesPerYear.upperBound)
        let maxPop = AcuteCareFormat.number(L.population.upperBound)
        if let r = ridesPerYear, !L.ridesPerYear.contains(r) {
            p.add(
                "het aantal ritten per jaar moet tussen 0 en \(maxRides) liggen (is \(AcuteCareFormat.number(r, decimals: 1)))",
                at: SourceLocation(field: "ridesPerYear"))
        }
        if let n = normMinutes, !(n > 0) || !n.isFinite || n > L.normMinutes.upperBound {
            p.add(
                "de norm moet groter zijn dan 0 en hoogstens 240 minuten (is \(AcuteCareFormat.number(n, decimals: 1)))",
                at: SourceLocation(field: "normMinutes"))
        }
        if let d = dispatchMinutes, !(d >= 0) || !d.isFinite || d > L.normMinutes.upperBound {
            p.add(
                "meldings- en uitruktijd moet tussen 0 en 240 minuten liggen (is \(AcuteCareFormat.number(d, decimals: 1)))",
                at: SourceLocation(field: "dispatchMinutes"))
        }
        for (name, count) in [
            ("addedPosts", addedPosts.count), ("movedPosts", movedPosts.count),
            ("removedPostIds", removedPostIds.count),
            ("newDistricts", newDistricts.count)
        ] where count > L.maxListItems {
            p.add("hoogstens \(L.maxListItems) elementen (zijn er \(count))", at: SourceLocation(field: name))
        }
        func text(_ t: String?, _ field: String) {
            if let t, t.count > L.maxTextLength {
                p.add("hoogstens \(L.maxTextLength) tekens (zijn er \(t.count))", at: SourceLocation(field: field))
            }
        }
        for (i, post) in addedPosts.enumerated() {
            if post.id.trimmingCharacters(in: .whitespaces).isEmpty {
                p.add("id van de nieuwe post ontbreekt", at: SourceLocation(field: "addedPosts[\(i)].id"))
            }
            text(post.id, "addedPosts[\(i)].id")
            text(post.name, "addedPosts[\(i)].name")
            text(post.note, "addedPosts[\(i)].note")
            if !AcuteGeo.isInNetherlands(post.location) {
                p.add(
                    "nieuwe post \"\(post.name.prefix(40))\" ligt buiten Nederland (\(post.location.lat), \(post.location.lon))",
                    at: SourceLocation(field: "addedPosts[\(i)]", element: "post \(post.id.prefix(40))"))
            }
        }
        for (i, m) in movedPosts.enumerated() where !AcuteGeo.isInNetherlands(m.location) {
            p.add(
                "nieuwe plek van post \"\(m.postId.prefix(40))\" ligt buiten Nederland (\(m.location.lat), \(m.location.lon))",
                at: SourceLocation(field: "movedPosts[\(i)]", element: "post \(m.postId.prefix(40))"))
        }
        for (i, id) in removedPostIds.enumerated() { text(id, "removedPostIds[\(i)]") }
        for (i, d) in newDistricts.enumerated() {
            if d.id.trimmingCharacters(in: .whitespaces).isEmpty {
                p.add("id van de nieuwe wijk ontbreekt", at: SourceLocation(field: "newDistricts[\(i)].id"))
            }
            text(d.id, "newDistricts[\(i)].id")
            text(d.name, "newDistricts[\(i)].name")
            text(d.municipality, "newDistricts[\(i)].municipality")
            text(d.note, "newDistricts[\(i)].note")
            if !L.population.contains(d.population) {
                p.add(
                    "inwonertal van wijk \"\((d.name ?? d.id).prefix(40))\" moet tussen 0 en \(maxPop) liggen (is \(AcuteCareFormat.number(d.population, decimals: 1)))",
                    at: SourceLocation(field: "newDistricts[\(i)].population", element: "wijk \(d.id.prefix(40))"))
            }
            if !AcuteGeo.isInNetherlands(d.location) {
                p.add(
                    "wijk \"\((d.name ?? d.id).prefix(40))\" ligt buiten Nederland (\(d.location.lat), \(d.location.lon))",
                    at: SourceLocation(field: "newDistricts[\(i)]", element: "wijk \(d.id.prefix(40))"))
            }
        }
        if let g = growth {
            if g.baseYear != L.years.lowerBound {
                p.add(
                    "het basisjaar van de groei is \(L.years.lowerBound) (is \(g.baseYear))",
                    at: SourceLocation(field: "growth.baseYear"))
            }
            if !L.years.contains(g.targetYear) {
                p.add(
                    "kies een doeljaar van \(L.years.lowerBound) tot en met \(L.years.upperBound) (is \(g.targetYear))",
                    at: SourceLocation(field: "growth.targetYear"))
            }
            if g.factorByMunicipality.count > L.maxListItems || g.bandFactors.count > L.maxListItems {
                p.add("hoogstens \(L.maxListItems) gemeenten en leeftijdsgroepen", at: SourceLocation(field: "growth"))
            }
            // Factors themselves (0.01…6) are checked by the model (PopulationGrowth.validate).
        }
        try p.throwIfAny("Het scenario is ongeldig")
    }

    /// A stable text of the changes (sorted keys), for cache keys.
    public var cacheKey: String { (try? json()) ?? "" }
}

/// Dutch number formatting shortcuts for this module.
public enum AcuteCareFormat {
    public static func number(_ x: Double, decimals: Int = 0) -> String {
        DutchNumberFormat.format(x, decimals: decimals)
    }
    public static func percent(_ share: Double) -> String {
        DutchNumberFormat.percent(share, decimals: 1, fromFraction: true)
    }
    public static func minutes(seconds: Int) -> String { DutchNumberFormat.format(Double(seconds) / 60, decimals: 1) }
    /// Residents for public display: 1–4 are suppressed ("< 5"), as all public aggregates under 5
    /// persons; from 1,000 on rounded to hundreds (model outputs of growth are not exact to the person).
    public static func residents(_ x: Double) -> String {
        let r = x.rounded()
        if r > 0 && r < 5 { return "< 5" }
        return number(r >= 1000 ? (r / 100).rounded() * 100 : r)
    }

    /// Two shares for "now → scenario": one decimal, or two when one decimal hides a difference.
    public static func percents(_ a: Double, _ b: Double) -> (String, String) {
        let x = percent(a)
        let y = percent(b)
        if x == y && abs(a - b) > 1e-9 {
            return (
                DutchNumberFormat.percent(a, decimals: 2, fromFraction: true),
                DutchNumberFormat.percent(b, decimals: 2, fromFraction: true)
            )
        }
        return (x, y)
    }
}
