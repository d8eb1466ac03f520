import AppCore
import Fluent
import Vapor

// Persistence of the social map register (`SocialMap.Register`, VitaalDomain).
//
// Every record keeps its complete domain value as JSON text in `payload` (see Payloads.swift), so
// fields Vitaal does not model (HSDS extra columns) survive a round trip; the other columns are
// copies for queries, sorting and rights. `key` is the register id (the HSDS id).
// `maintainer_id` links an entry to the foundation organisation (`organisations`) whose editors
// may change it; nil = only a beheerder may.

/// An organisation of the social map (not the same as the foundation's `organisations`).
public final class SocialMapOrganisationRecord: Model, @unchecked Sendable {
    public static let schema = "socialmap_organisations"
    @ID(key: .id) public var id: UUID?
    @Field(key: "key") public var key: String
    @Field(key: "name") public var name: String
    @OptionalField(key: "maintainer_id") public var maintainerID: UUID?
    @OptionalField(key: "last_checked") public var lastChecked: String?
    @Field(key: "is_example") public var isExample: Bool
    @Field(key: "payload") public var payload: String
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?
    /// The day it was archived (yyyy-MM-dd); archived entries are left out of every page, the API
    /// and exports (`SocialMapStore.load`).
    @OptionalField(key: "archived_on") public var archivedOn: String?
    public init() {}
}

/// A service or initiative (`SocialMap.Service`, told apart by `kind`).
public final class SocialMapServiceRecord: Model, @unchecked Sendable {
    public static let schema = "socialmap_services"
    @ID(key: .id) public var id: UUID?
    @Field(key: "key") public var key: String
    @Field(key: "organisation_key") public var organisationKey: String
    @Field(key: "name") public var name: String
    @Field(key: "kind") public var kind: String
    @OptionalField(key: "maintainer_id") public var maintainerID: UUID?
    @OptionalField(key: "last_checked") public var lastChecked: String?
    @Field(key: "is_example") public var isExample: Bool
    @Field(key: "payload") public var payload: String
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?
    /// The day it was archived (yyyy-MM-dd); archived entries are left out of every page, the API
    /// and exports (`SocialMapStore.load`).
    @OptionalField(key: "archived_on") public var archivedOn: String?
    public init() {}
}

public final class SocialMapLocationRecord: Model, @unchecked Sendable {
    public static let schema = "socialmap_locations"
    @ID(key: .id) public var id: UUID?
    @Field(key: "key") public var key: String
    @OptionalField(key: "organisation_key") public var organisationKey: String?
    @OptionalField(key: "latitude") public var latitude: Double?
    @OptionalField(key: "longitude") public var longitude: Double?
    @OptionalField(key: "municipality_code") public var municipalityCode: String?
    @Field(key: "position_is_approximate") public var positionIsApproximate: Bool
    @Field(key: "payload") public var payload: String
    @OptionalField(key: "archived_on") public var archivedOn: String?
    public init() {}
}

/// Phones, contact persons and foreign taxonomy terms (HSDS rows Vitaal only carries along).
public final class SocialMapHSDSRecord: Model, @unchecked Sendable {
    public static let schema = "socialmap_hsds_records"
    /// "phone", "contact", "taxonomy"
    @Field(key: "kind") public var kind: String
    @ID(key: .id) public var id: UUID?
    @Field(key: "key") public var key: String
    @Field(key: "payload") public var payload: String
    @OptionalField(key: "archived_on") public var archivedOn: String?
    public init() {}
}

public final class SocialMapNetworkRecord: Model, @unchecked Sendable {
    public static let schema = "socialmap_networks"
    @ID(key: .id) public var id: UUID?
    @Field(key: "key") public var key: String
    @Field(key: "name") public var name: String
    @OptionalField(key: "maintainer_id") public var maintainerID: UUID?
    @OptionalField(key: "last_checked") public var lastChecked: String?
    /// Network without its memberships (those are rows of `socialmap_memberships`).
    @Field(key: "payload") public var payload: String
    public init() {}
}

public final class SocialMapMembershipRecord: Model, @unchecked Sendable {
    public static let schema = "socialmap_memberships"
    @ID(key: .id) public var id: UUID?
    @Field(key: "network_key") public var networkKey: String
    @Field(key: "member_key") public var memberKey: String
    @OptionalField(key: "role") public var role: String?
    @Field(key: "position") public var position: Int
    public init() {}
}

/// An undirected collaboration; `a` < `b`.
public final class SocialMapCollaborationRecord: Model, @unchecked Sendable {
    public static let schema = "socialmap_collaborations"
    @ID(key: .id) public var id: UUID?
    @Field(key: "a") public var a: String
    @Field(key: "b") public var b: String
    @Field(key: "topic") public var topic: String
    @OptionalField(key: "since") public var since: String?
    @Field(key: "is_derived") public var isDerived: Bool
    /// The foundation organisation whose editor entered this record (nil: imported or older than
    /// this column). Only that organisation or a beheerder may replace it (security review L2).
    @OptionalField(key: "entered_by") public var enteredBy: UUID?
    public init() {}
}

/// A spider web a resident chose to share: only the six scores, the municipality and the date.
/// No name, address, postcode, session, IP address or time of day.
public final class SpiderWebRecord: Model, @unchecked Sendable {
    public static let schema = "socialmap_spiderwebs"
    @ID(key: .id) public var id: UUID?
    /// yyyy-MM-dd
    @Field(key: "day") public var day: String
    @Field(key: "municipality_code") public var municipalityCode: String
    @Field(key: "lichaamsfuncties") public var lichaamsfuncties: Double
    @Field(key: "mentaal_welbevinden") public var mentaalWelbevinden: Double
    @Field(key: "zingeving") public var zingeving: Double
    @Field(key: "kwaliteit_van_leven") public var kwaliteitVanLeven: Double
    @Field(key: "meedoen") public var meedoen: Double
    @Field(key: "dagelijks_functioneren") public var dagelijksFunctioneren: Double
    public init() {}
}
