import Foundation
import VitaalDomain

/// Today's date in the Netherlands, for "last checked" flags and stored spider webs.
enum SocialMapDates {
    static func today(_ now: Date = Date()) -> SocialMap.Day {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "Europe/Amsterdam") ?? .gmt
        let c = cal.dateComponents([.year, .month, .day], from: now)
        return SocialMap.Day(year: c.year!, month: c.month!, day: c.day!)!
    }
    /// "12 maart 2025"
    static func dutch(_ d: SocialMap.Day) -> String {
        let months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"]
        return "\(d.day) \(months[d.month - 1]) \(d.year)"
    }
}

/// Filter of the map page and `/api/v1/initiatives`: theme, Positive Health dimension, target
/// group, municipality (CBS code) and kind. Empty fields do not filter. An offer without any
/// municipality (location or tag) works province-wide and passes every municipality filter.
struct OfferFilter: Sendable, Equatable {
    var theme: String?
    var dimension: PositiveHealthDimension?
    var targetGroup: String?
    var municipality: String?
    var kind: SocialMap.OfferKind?

    var isEmpty: Bool { theme == nil && dimension == nil && targetGroup == nil && municipality == nil && kind == nil }

    /// Municipality codes an offer works in: its tags plus the municipalities of its locations.
    static func municipalities(of s: SocialMap.Service, in r: SocialMap.Register) -> [String] {
        Array(Set(s.tags.municipalityCodes + s.locationIDs.compactMap { r.location($0)?.municipalityCode })).sorted()
    }

    func matches(_ s: SocialMap.Service, in r: SocialMap.Register) -> Bool {
        if let theme, !s.tags.themes.contains(theme) { return false }
        if let dimension, !s.tags.dimensions.contains(dimension) { return false }
        if let targetGroup, !s.tags.targetGroups.contains(targetGroup) { return false }
        if let kind, s.kind != kind { return false }
        if let municipality {
            let ms = Self.municipalities(of: s, in: r)
            if !ms.isEmpty && !ms.contains(municipality) { return false }
        }
        return true
    }

    /// Parses raw query values; unknown values are reported in Dutch (field, message).
    static func parse(theme: String?, dimension: String?, targetGroup: String?, municipality: String?, kind: String?) throws -> OfferFilter {
        func clean(_ s: String?) -> String? { s.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 } }
        var f = OfferFilter(theme: clean(theme), targetGroup: clean(targetGroup))
        if let d = clean(dimension) {
            guard let dim = PositiveHealthDimension(key: d) else {
                throw VitaalError.invalid("onbekende dimensie \"\(d)\" (bekend: \(PositiveHealthDimension.allCases.map(\.rawValue).joined(separator: ", ")))",
                                          at: SourceLocation(field: "dimensie"))
            }
            f.dimension = dim
        }
        if let m = clean(municipality) {
            guard let mun = SocialMap.Municipality.byCode(m) ?? SocialMap.Municipality.all.first(where: { $0.name.lowercased() == m.lowercased() }) else {
                throw VitaalError.invalid("onbekende gemeente \"\(m)\" (verwacht een CBS-code van een Flevolandse gemeente, bijv. GM0034)",
                                          at: SourceLocation(field: "gemeente"))
            }
            f.municipality = mun.code
        }
        if let k = clean(kind) {
            guard let kk = SocialMap.OfferKind(rawValue: k) else {
                throw VitaalError.invalid("onbekend soort \"\(k)\" (bekend: \(SocialMap.OfferKind.allCases.map(\.rawValue).joined(separator: ", ")))",
                                          at: SourceLocation(field: "soort"))
            }
            f.kind = kk
        }
        return f
    }
}
