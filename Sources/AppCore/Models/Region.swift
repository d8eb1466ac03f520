import Fluent
import Vapor

/// A region with its CBS code: NL01 (land), PV24 (provincie), GM0034 (gemeente), WK003401 (wijk),
/// BU00340101 (buurt), a CBS service region (GG2209, VR25, ZK07, AM11) or a custom grouping (code
/// starting with "GR", e.g. subregions).
public final class Region: Model, Content, @unchecked Sendable {
    public static let schema = "regions"

    @ID(key: .id) public var id: UUID?
    @Field(key: "code") public var code: String
    @Field(key: "name") public var name: String
    @Field(key: "kind") public var kind: String
    @OptionalParent(key: "parent_id") public var parent: Region?
    /// GeoJSON geometry (Polygon or MultiPolygon, WGS84) as text.
    @OptionalField(key: "geometry") public var geometry: String?
    /// True for outlines drawn by hand (not an official boundary).
    @Field(key: "geometry_schematic") public var geometrySchematic: Bool
    @Field(key: "sort_order") public var sortOrder: Int
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}
    public init(code: String, name: String, kind: RegionKind, parentID: UUID?, sortOrder: Int = 0) {
        self.code = code
        self.name = name
        self.kind = kind.rawValue
        self.$parent.id = parentID
        self.geometrySchematic = false
        self.sortOrder = sortOrder
    }
    public var regionKind: RegionKind { RegionKind(rawValue: kind) ?? .groep }
}

/// Members of a custom grouping (e.g. the subregion "Lelystad/Dronten").
public final class RegionGroupMember: Model, @unchecked Sendable {
    public static let schema = "region_group_members"
    @ID(key: .id) public var id: UUID?
    @Parent(key: "group_id") public var group: Region
    @Parent(key: "member_id") public var member: Region
    public init() {}
    public init(groupID: UUID, memberID: UUID) {
        self.$group.id = groupID
        self.$member.id = memberID
    }
}

public enum RegionKind: String, Codable, Sendable, CaseIterable {
    case land, provincie, gemeente, wijk, buurt, groep

    /// Dutch label for pages.
    public var label: String {
        switch self {
        case .land: "Land"
        case .provincie: "Provincie"
        case .gemeente: "Gemeente"
        case .wijk: "Wijk"
        case .buurt: "Buurt"
        case .groep: "Regio-indeling"
        }
    }

    /// Kind from the code's CBS prefix; nil when the code fits no known pattern.
    public static func from(code: String) -> RegionKind? {
        func digits(_ s: Substring, _ n: Int) -> Bool {
            s.count == n && s.allSatisfy(\.isASCII) && s.allSatisfy(\.isNumber)
        }
        let rest = code.dropFirst(2)
        switch code.prefix(2) {
        case "NL": return digits(rest, 2) ? .land : nil
        case "PV": return digits(rest, 2) ? .provincie : nil
        case "GM": return digits(rest, 4) ? .gemeente : nil
        case "WK": return digits(rest, 6) ? .wijk : nil
        case "BU": return digits(rest, 8) ? .buurt : nil
        // CBS service regions: GGD-regio GG2209, veiligheidsregio VR25, zorgkantoorregio ZK07,
        // arbeidsmarktregio AM11.
        case "GG": return digits(rest, 4) ? .groep : nil
        case "VR", "ZK", "AM": return digits(rest, 2) ? .groep : nil
        case "GR":
            let ok =
                rest.count >= 2 && rest.count <= 40
                && rest.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
            return ok ? .groep : nil
        default: return nil
        }
    }

    /// The parent code implied by a CBS code: a buurt's wijk, a wijk's gemeente.
    public static func impliedParent(of code: String) -> String? {
        switch from(code: code) {
        case .wijk: return "GM" + code.dropFirst(2).prefix(4)
        case .buurt: return "WK" + code.dropFirst(2).prefix(6)
        default: return nil
        }
    }
}
