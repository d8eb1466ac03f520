import Foundation

/// Namespace for the social map ("sociale kaart"): organisations, initiatives and services,
/// locations, contact persons, networks and collaborations, with Open Referral HSDS import/export,
/// the Positive Health spider-web matcher and Flever's demo data. See docs/social-map.md.
public enum SocialMap {}

/// The six dimensions of Positive Health (Huber), as used on the spider web ("spinnenweb").
/// Raw values are stable keys used in HSDS taxonomy terms and the JSON API.
public enum PositiveHealthDimension: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case lichaamsfuncties
    case mentaalWelbevinden = "mentaal-welbevinden"
    case zingeving
    case kwaliteitVanLeven = "kwaliteit-van-leven"
    case meedoen
    case dagelijksFunctioneren = "dagelijks-functioneren"

    /// Dutch label, lower case as used in running text.
    public var label: String {
        switch self {
        case .lichaamsfuncties: "lichaamsfuncties"
        case .mentaalWelbevinden: "mentaal welbevinden"
        case .zingeving: "zingeving"
        case .kwaliteitVanLeven: "kwaliteit van leven"
        case .meedoen: "meedoen"
        case .dagelijksFunctioneren: "dagelijks functioneren"
        }
    }
    /// Position on the spider web (0…5), the order used everywhere.
    public var index: Int { Self.allCases.firstIndex(of: self)! }
    public static func < (a: Self, b: Self) -> Bool { a.index < b.index }
    /// Accepts the raw key or the Dutch label (case-insensitive).
    public init?(key: String) {
        let k = key.trimmingCharacters(in: .whitespaces).lowercased()
        guard let d = Self.allCases.first(where: { $0.rawValue == k || $0.label == k }) else { return nil }
        self = d
    }
}

extension SocialMap {
    /// A calendar day (no time zone), ISO text `yyyy-MM-dd`.
    public struct Day: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
        public let year: Int, month: Int, day: Int
        public init?(year: Int, month: Int, day: Int) {
            guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
                day <= Self.daysIn(month: month, year: year)
            else { return nil }
            self.year = year
            self.month = month
            self.day = day
        }
        /// Parses `yyyy-MM-dd` strictly.
        public init?(iso: String) {
            let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
                let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
            else { return nil }
            self.init(year: y, month: m, day: d)
        }
        public var iso: String { String(format: "%04d-%02d-%02d", year, month, day) }
        public var description: String { iso }
        public static func < (a: Day, b: Day) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }
        static func daysIn(month: Int, year: Int) -> Int {
            switch month {
            case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
            case 4, 6, 9, 11: 30
            default: 31
            }
        }
        /// The same day one year later (29 February → 28 February).
        public var oneYearLater: Day {
            Day(year: year + 1, month: month, day: min(day, Self.daysIn(month: month, year: year + 1)))!
        }
        public init(from decoder: Decoder) throws {
            let text = try decoder.singleValueContainer().decode(String.self)
            guard let d = Day(iso: text) else {
                throw DecodingError.dataCorrupted(
                    .init(codingPath: decoder.codingPath, debugDescription: "geen datum jjjj-mm-dd: \(text)"))
            }
            self = d
        }
        public func encode(to encoder: Encoder) throws {
            var c = encoder.singleValueContainer()
            try c.encode(iso)
        }
    }

    /// One of the six municipalities of Flevoland, with its CBS code and an approximate centroid
    /// (centre of the main town, rounded; good for distances of a few km, not for addresses).
    public struct Municipality: Sendable, Hashable, Codable {
        public let code: String
        public let name: String
        public let latitude: Double
        public let longitude: Double

        public static let almere = Municipality(code: "GM0034", name: "Almere", latitude: 52.3702, longitude: 5.2141)
        public static let lelystad = Municipality(
            code: "GM0995", name: "Lelystad", latitude: 52.5185, longitude: 5.4714)
        public static let dronten = Municipality(code: "GM0303", name: "Dronten", latitude: 52.5250, longitude: 5.7181)
        public static let noordoostpolder = Municipality(
            code: "GM0171", name: "Noordoostpolder", latitude: 52.7107, longitude: 5.7481)
        public static let zeewolde = Municipality(
            code: "GM0050", name: "Zeewolde", latitude: 52.3305, longitude: 5.5414)
        public static let urk = Municipality(code: "GM0184", name: "Urk", latitude: 52.6620, longitude: 5.6014)
        public static let all: [Municipality] = [almere, lelystad, dronten, noordoostpolder, zeewolde, urk]

        public static func byCode(_ code: String) -> Municipality? { all.first { $0.code == code } }
    }

    /// Free tags plus the fixed Positive Health dimensions; kept sorted and free of duplicates.
    public struct Tags: Sendable, Hashable, Codable {
        public var themes: [String]
        public var dimensions: [PositiveHealthDimension]
        public var targetGroups: [String]
        /// CBS municipality codes (GM….) the record works in.
        public var municipalityCodes: [String]
        public init(
            themes: [String] = [], dimensions: [PositiveHealthDimension] = [], targetGroups: [String] = [],
            municipalityCodes: [String] = []
        ) {
            self.themes = Array(Set(themes)).sorted()
            self.dimensions = Array(Set(dimensions)).sorted()
            self.targetGroups = Array(Set(targetGroups)).sorted()
            self.municipalityCodes = Array(Set(municipalityCodes)).sorted()
        }
        public var isEmpty: Bool {
            themes.isEmpty && dimensions.isEmpty && targetGroups.isEmpty && municipalityCodes.isEmpty
        }
    }

    /// A field Vitaal does not know, kept verbatim (in its original order) so a re-export loses nothing.
    public struct ExtraField: Sendable, Hashable {
        public var key: String
        /// The value as read (a CSV cell is a string); numbers keep their text, objects their key order.
        public var value: JSONNode
        public init(_ key: String, _ value: JSONNode) {
            self.key = key
            self.value = value
        }
    }

    /// How fresh a record is: older than one year counts as stale.
    public protocol Checkable {
        var lastChecked: Day? { get }
    }

    public struct Organisation: Sendable, Hashable, Checkable {
        public var id: String
        public var name: String
        public var alternateName: String?
        public var description: String?
        public var email: String?
        public var url: String?
        public var yearIncorporated: Int?
        public var tags: Tags
        public var lastChecked: Day?
        /// Invented or illustrative record (demo data); the UI labels it.
        public var isExample: Bool
        public var extra: [ExtraField]
        public init(
            id: String, name: String, alternateName: String? = nil, description: String? = nil, email: String? = nil,
            url: String? = nil, yearIncorporated: Int? = nil, tags: Tags = Tags(), lastChecked: Day? = nil,
            isExample: Bool = false, extra: [ExtraField] = []
        ) {
            self.id = id
            self.name = name
            self.alternateName = alternateName
            self.description = description
            self.email = email
            self.url = url
            self.yearIncorporated = yearIncorporated
            self.tags = tags
            self.lastChecked = lastChecked
            self.isExample = isExample
            self.extra = extra
        }
    }

    /// What kind of offer a `Service` is. Stored in HSDS as the service column `x_kind`.
    public enum OfferKind: String, Sendable, Hashable, Codable, CaseIterable {
        case service = "dienst"
        case residentsInitiative = "inwonersinitiatief"
        case professionalInitiative = "professioneel-initiatief"
        public var label: String {
            switch self {
            case .service: "Dienst"
            case .residentsInitiative: "Inwonersinitiatief"
            case .professionalInitiative: "Professioneel initiatief"
            }
        }
    }

    /// A service or an initiative (residents' or professional) — one type, told apart by `kind`;
    /// maps to an HSDS service.
    public struct Service: Sendable, Hashable, Checkable {
        public var id: String
        public var organisationID: String
        public var name: String
        public var kind: OfferKind
        public var alternateName: String?
        public var description: String?
        public var url: String?
        public var email: String?
        /// HSDS status: active, inactive, defunct, temporarily closed.
        public var status: String?
        public var locationIDs: [String]
        public var tags: Tags
        /// Taxonomy terms outside Vitaal's own vocabularies (ids into `SocialMapRegister.taxonomyTerms`).
        public var otherTaxonomyTermIDs: [String]
        public var lastChecked: Day?
        public var isExample: Bool
        public var extra: [ExtraField]
        public init(
            id: String, organisationID: String, name: String, kind: OfferKind = .service, alternateName: String? = nil,
            description: String? = nil, url: String? = nil, email: String? = nil, status: String? = nil,
            locationIDs: [String] = [], tags: Tags = Tags(), otherTaxonomyTermIDs: [String] = [],
            lastChecked: Day? = nil, isExample: Bool = false, extra: [ExtraField] = []
        ) {
            self.id = id
            self.organisationID = organisationID
            self.name = name
            self.kind = kind
            self.alternateName = alternateName
            self.description = description
            self.url = url
            self.email = email
            self.status = status
            self.locationIDs = locationIDs
            self.tags = tags
            self.otherTaxonomyTermIDs = otherTaxonomyTermIDs
            self.lastChecked = lastChecked
            self.isExample = isExample
            self.extra = extra
        }
        public var isInitiative: Bool { kind != .service }
    }
    /// Initiatives are services whose `kind` is an initiative kind.
    public typealias Initiative = Service

    public struct PhysicalAddress: Sendable, Hashable {
        public var id: String
        public var address1: String?
        public var address2: String?
        public var city: String?
        public var stateProvince: String?
        public var postalCode: String?
        public var country: String?
        public var extra: [ExtraField]
        public init(
            id: String, address1: String? = nil, address2: String? = nil, city: String? = nil,
            stateProvince: String? = nil,
            postalCode: String? = nil, country: String? = nil, extra: [ExtraField] = []
        ) {
            self.id = id
            self.address1 = address1
            self.address2 = address2
            self.city = city
            self.stateProvince = stateProvince
            self.postalCode = postalCode
            self.country = country
            self.extra = extra
        }
    }

    public struct Location: Sendable, Hashable {
        public var id: String
        public var organisationID: String?
        public var name: String?
        public var description: String?
        public var latitude: Double?
        public var longitude: Double?
        /// True when the position is a municipality centroid or otherwise not the real address.
        public var positionIsApproximate: Bool
        /// CBS code (GM….) of the municipality the location lies in.
        public var municipalityCode: String?
        public var address: PhysicalAddress?
        public var extra: [ExtraField]
        public init(
            id: String, organisationID: String? = nil, name: String? = nil, description: String? = nil,
            latitude: Double? = nil, longitude: Double? = nil, positionIsApproximate: Bool = false,
            municipalityCode: String? = nil, address: PhysicalAddress? = nil, extra: [ExtraField] = []
        ) {
            self.id = id
            self.organisationID = organisationID
            self.name = name
            self.description = description
            self.latitude = latitude
            self.longitude = longitude
            self.positionIsApproximate = positionIsApproximate
            self.municipalityCode = municipalityCode
            self.address = address
            self.extra = extra
        }
    }

    /// A phone number of an organisation, service, location or contact person (exactly the owners set).
    public struct Phone: Sendable, Hashable {
        public var id: String
        public var number: String
        public var organisationID: String?
        public var serviceID: String?
        public var locationID: String?
        public var contactID: String?
        public var type: String?
        public var description: String?
        public var extra: [ExtraField]
        public init(
            id: String, number: String, organisationID: String? = nil, serviceID: String? = nil,
            locationID: String? = nil,
            contactID: String? = nil, type: String? = nil, description: String? = nil, extra: [ExtraField] = []
        ) {
            self.id = id
            self.number = number
            self.organisationID = organisationID
            self.serviceID = serviceID
            self.locationID = locationID
            self.contactID = contactID
            self.type = type
            self.description = description
            self.extra = extra
        }
    }

    /// A contact person. Only `role` is public; `name`, `email` and the contact's phones are
    /// internal and left out of public exports (`HSDSExportOptions.includeInternalContactData`).
    public struct ContactPerson: Sendable, Hashable {
        public var id: String
        public var organisationID: String?
        public var serviceID: String?
        /// Public role, e.g. "coördinator vrijwilligers". HSDS `title`.
        public var role: String
        public var name: String?
        public var email: String?
        public var extra: [ExtraField]
        public init(
            id: String, organisationID: String? = nil, serviceID: String? = nil, role: String, name: String? = nil,
            email: String? = nil, extra: [ExtraField] = []
        ) {
            self.id = id
            self.organisationID = organisationID
            self.serviceID = serviceID
            self.role = role
            self.name = name
            self.email = email
            self.extra = extra
        }
    }

    /// A term of a taxonomy outside Vitaal's own vocabularies, kept for round trips.
    public struct TaxonomyTerm: Sendable, Hashable {
        public var id: String
        public var name: String
        public var parentID: String?
        public var vocabulary: String?
        public var extra: [ExtraField]
        public init(
            id: String, name: String, parentID: String? = nil, vocabulary: String? = nil, extra: [ExtraField] = []
        ) {
            self.id = id
            self.name = name
            self.parentID = parentID
            self.vocabulary = vocabulary
            self.extra = extra
        }
    }

    /// One participant of a network: an organisation or a service/initiative.
    public struct Membership: Sendable, Hashable, Codable {
        public var memberID: String
        /// Optional role in the network, e.g. "trekker", "deelnemer".
        public var role: String?
        public init(memberID: String, role: String? = nil) {
            self.memberID = memberID
            self.role = role
        }
    }

    public struct Network: Sendable, Hashable, Checkable {
        public var id: String
        public var name: String
        public var goal: String
        /// Flever's role in the network, e.g. "faciliterend", "initiatiefnemer", "deelnemer".
        public var fleverRole: String?
        /// The date the participant list describes (Bijlage 1: 1 January 2025).
        public var referenceDate: Day?
        public var memberships: [Membership]
        /// Participants described only in words ("Gemeenten, onderwijs, …") when not listed one by one.
        public var participantsDescription: String?
        /// Number of participants when the members are not listed (e.g. 35 organisations).
        public var size: Int?
        /// What `size` counts, e.g. "organisaties", "HR-managers".
        public var sizeUnit: String?
        public var tags: Tags
        /// Where the data comes from, e.g. "Flever jaarplan 2025, Bijlage 1".
        public var source: String?
        public var lastChecked: Day?
        public init(
            id: String, name: String, goal: String, fleverRole: String? = nil, referenceDate: Day? = nil,
            memberships: [Membership] = [], participantsDescription: String? = nil, size: Int? = nil,
            sizeUnit: String? = nil,
            tags: Tags = Tags(), source: String? = nil, lastChecked: Day? = nil
        ) {
            self.id = id
            self.name = name
            self.goal = goal
            self.fleverRole = fleverRole
            self.referenceDate = referenceDate
            self.memberships = memberships
            self.participantsDescription = participantsDescription
            self.size = size
            self.sizeUnit = sizeUnit
            self.tags = tags
            self.source = source
            self.lastChecked = lastChecked
        }
        /// Listed members, or the stated size when members are not listed.
        /// The stated size when there is one (a network described by its size may name only a few members),
        /// otherwise the named members.
        public var participantCount: Int? {
            if let size { return max(size, memberships.count) }
            return memberships.isEmpty ? nil : memberships.count
        }
    }

    /// A collaboration between two organisations/initiatives (an undirected edge of the network map).
    public struct Collaboration: Sendable, Hashable {
        public let a: String
        public let b: String
        public var topic: String
        public var since: Day?
        /// True when derived automatically (co-membership of a listed network), not reported.
        public var isDerived: Bool
        /// Stores the pair ordered (a < b). Throws when both ends are the same.
        public init(
            _ first: String, _ second: String, topic: String, since: Day? = nil, isDerived: Bool = false
        ) throws(VitaalError) {
            guard first != second else {
                throw VitaalError.invalid(
                    "een samenwerking van \"\(first)\" met zichzelf is niet mogelijk", at: SourceLocation(field: "b"))
            }
            guard !first.isEmpty, !second.isEmpty else {
                throw VitaalError.invalid(
                    "een samenwerking heeft twee partijen nodig", at: SourceLocation(field: first.isEmpty ? "a" : "b"))
            }
            a = min(first, second)
            b = max(first, second)
            self.topic = topic
            self.since = since
            self.isDerived = isDerived
        }
    }
}

extension SocialMap.Checkable {
    /// True when never checked or last checked more than a year before `asOf`.
    public func isStale(asOf: SocialMap.Day) -> Bool {
        guard let lastChecked else { return true }
        return lastChecked.oneYearLater < asOf
    }
}
