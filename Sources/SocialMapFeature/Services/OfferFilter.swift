import Foundation
import VitaalDomain

/// Filter of the map page and `/api/v1/initiatives`: theme, Positive Health dimension, target
/// group, municipality (CBS code) and kind. Empty fields do not filter. An offer without any
/// municipality (location or tag) works province-wide and passes every municipality filter.
struct OfferFilter: Sendable, Equatable {
    var theme: String?
    var dimension: PositiveHealthDimension?
    var targetGroup: String?
    var municipality: String?
    var kind: SocialMap.OfferKind?

    var isEmpty: Bool {
        theme == nil && dimension == nil && targetGroup == nil && municipality == nil && kind == nil
    }

    /// Municipality codes an offer works in: its tags plus the municipalities of its locations.
    static func municipalities(of offer: SocialMap.Service, in register: SocialMap.Register) -> [String] {
        let located = offer.locationIDs.compactMap { register.location($0)?.municipalityCode }
        return Array(Set(offer.tags.municipalityCodes + located)).sorted()
    }

    func matches(_ offer: SocialMap.Service, in register: SocialMap.Register) -> Bool {
        if let theme, !offer.tags.themes.contains(theme) { return false }
        if let dimension, !offer.tags.dimensions.contains(dimension) { return false }
        if let targetGroup, !offer.tags.targetGroups.contains(targetGroup) { return false }
        if let kind, offer.kind != kind { return false }
        if let municipality {
            let codes = Self.municipalities(of: offer, in: register)
            if !codes.isEmpty && !codes.contains(municipality) { return false }
        }
        return true
    }

    /// Parses raw query values; unknown values are reported in Dutch (field, message).
    static func parse(
        theme: String?, dimension: String?, targetGroup: String?, municipality: String?,
        kind: String?
    ) throws(VitaalError) -> OfferFilter {
        var filter = OfferFilter(theme: clean(theme), targetGroup: clean(targetGroup))
        if let key = clean(dimension) {
            guard let known = PositiveHealthDimension(key: key) else {
                let names = PositiveHealthDimension.allCases.map(\.rawValue).joined(separator: ", ")
                throw VitaalError.invalid(
                    "onbekende dimensie \"\(key)\" (bekend: \(names))",
                    at: SourceLocation(field: "dimensie"))
            }
            filter.dimension = known
        }
        if let text = clean(municipality) {
            let byName = SocialMap.Municipality.all.first { $0.name.lowercased() == text.lowercased() }
            guard let known = SocialMap.Municipality.byCode(text) ?? byName else {
                throw VitaalError.invalid(
                    "onbekende gemeente \"\(text)\" (verwacht een CBS-code van een "
                        + "Flevolandse gemeente, bijv. GM0034)",
                    at: SourceLocation(field: "gemeente"))
            }
            filter.municipality = known.code
        }
        if let text = clean(kind) {
            guard let known = SocialMap.OfferKind(rawValue: text) else {
                let names = SocialMap.OfferKind.allCases.map(\.rawValue).joined(separator: ", ")
                throw VitaalError.invalid(
                    "onbekend soort \"\(text)\" (bekend: \(names))",
                    at: SourceLocation(field: "soort"))
            }
            filter.kind = known
        }
        return filter
    }

    /// Trimmed; nil when empty.
    private static func clean(_ text: String?) -> String? {
        guard let trimmed = text?.trimmingCharacters(in: .whitespaces), !trimmed.isEmpty else { return nil }
        return trimmed
    }
}
