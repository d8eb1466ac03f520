import Foundation

extension SocialMap {
    /// Where in Flevoland a place is: the municipality of a postcode or a place name, and whether
    /// coordinates lie in the province. Used by the location form (the register itself accepts
    /// places elsewhere in the Netherlands, e.g. from national HSDS files).
    public enum Flevoland {
        /// Postcode ranges (first four digits) of the six municipalities (PostNL numbering).
        static let postcodeRanges: [(ClosedRange<Int>, Municipality)] = [
            (1300...1379, .almere), (3890...3899, .zeewolde), (8200...8249, .lelystad),
            (8250...8259, .dronten), (8300...8319, .noordoostpolder), (8320...8329, .urk)
        ]

        /// Towns and villages (lower case) and their municipality.
        static let places: [String: Municipality] = {
            var map: [String: Municipality] = [:]
            let table: [(Municipality, [String])] = [
                (
                    .almere,
                    [
                        "almere", "almere-haven", "almere haven", "almere-stad", "almere stad", "almere-buiten",
                        "almere buiten", "almere-hout", "almere hout", "almere-poort", "almere poort",
                        "almere-pampus", "almere pampus", "almere duin"
                    ]
                ),
                (.lelystad, ["lelystad"]),
                (.dronten, ["dronten", "biddinghuizen", "swifterbant"]),
                (
                    .noordoostpolder,
                    [
                        "emmeloord", "ens", "marknesse", "kraggenburg", "bant", "rutten", "creil", "espel",
                        "tollebeek", "luttelgeest", "nagele", "schokland", "noordoostpolder"
                    ]
                ),
                (.zeewolde, ["zeewolde"]),
                (.urk, ["urk"])
            ]
            for (municipality, names) in table { for name in names { map[name] = municipality } }
            return map
        }()

        /// The municipality of a Dutch postcode ("8224 AB", "8224AB" or "8224"); nil outside Flevoland
        /// or when it is no postcode.
        public static func municipality(postalCode: String) -> Municipality? {
            let digits = postalCode.trimmingCharacters(in: .whitespaces).prefix(4)
            guard digits.count == 4, digits.allSatisfy(\.isASCII), let number = Int(digits), number >= 1000 else {
                return nil
            }
            return postcodeRanges.first { $0.0.contains(number) }?.1
        }

        /// The municipality of a town or village in Flevoland (case-insensitive); nil elsewhere.
        public static func municipality(place: String) -> Municipality? {
            places[place.trimmingCharacters(in: .whitespaces).lowercased()]
        }

        /// A coarse outline of the province (longitude, latitude), about 1–2 km wide of the coast
        /// and the border lakes; the towns across those lakes (Harderwijk, Elburg, Kampen, Huizen,
        /// Muiden, Lemmer, Enkhuizen) lie outside.
        static let outline: [(lon: Double, lat: Double)] = [
            (5.04, 52.37), (5.12, 52.43), (5.33, 52.50), (5.40, 52.56), (5.56, 52.62), (5.55, 52.66),
            (5.58, 52.72), (5.64, 52.80), (5.72, 52.832), (5.82, 52.80), (5.86, 52.755), (5.93, 52.715),
            (5.92, 52.66), (5.86, 52.62), (5.82, 52.60), (5.84, 52.56), (5.80, 52.50), (5.76, 52.45),
            (5.66, 52.39), (5.58, 52.34), (5.48, 52.27), (5.40, 52.27), (5.30, 52.305), (5.20, 52.318),
            (5.10, 52.33)
        ]

        /// True when the point lies within the province's outline (ray casting).
        public static func contains(latitude: Double, longitude: Double) -> Bool {
            guard latitude.isFinite, longitude.isFinite else { return false }
            var inside = false
            var j = outline.count - 1
            for i in outline.indices {
                let (xi, yi) = outline[i]
                let (xj, yj) = outline[j]
                if (yi > latitude) != (yj > latitude),
                    longitude < (xj - xi) * (latitude - yi) / (yj - yi) + xi
                {
                    inside.toggle()
                }
                j = i
            }
            return inside
        }

        /// The municipality whose centre is nearest to a point in Flevoland (an approximation near
        /// municipal borders; the form lets the user choose).
        public static func nearestMunicipality(latitude: Double, longitude: Double) -> Municipality {
            let scale = cos(latitude * .pi / 180)
            return Municipality.all.min { a, b in
                let da = pow(a.latitude - latitude, 2) + pow((a.longitude - longitude) * scale, 2)
                let db = pow(b.latitude - latitude, 2) + pow((b.longitude - longitude) * scale, 2)
                return da < db
            }!
        }
    }
}

extension SocialMap.Register {
    /// An existing entry a new one may duplicate, and why.
    public struct PossibleDuplicate: Sendable, Hashable {
        public var id: String
        public var name: String
        public var isOffer: Bool
        /// "dezelfde naam", "dezelfde website", "hetzelfde e-mailadres" (joined with " en ").
        public var reason: String
    }

    /// Organisations (or, with `offers`, offers) that have the same name (ignoring case, accents,
    /// spaces and punctuation), the same website (ignoring scheme, "www." and a trailing slash) or
    /// the same e-mail address as the entry about to be made; `excluding` is the entry itself.
    public func possibleDuplicates(
        name: String, url: String?, email: String?, offers: Bool = false, excluding: String? = nil
    ) -> [PossibleDuplicate] {
        let key = Self.nameKey(name)
        let site = url.flatMap(Self.siteKey)
        let mail = email.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.flatMap { $0.isEmpty ? nil : $0 }
        let entries: [(String, String, String?, String?)] =
            offers
            ? services.map { ($0.id, $0.name, $0.url, $0.email) }
            : organisations.map { ($0.id, $0.name, $0.url, $0.email) }
        return entries.compactMap { id, otherName, otherURL, otherEmail in
            guard id != excluding else { return nil }
            var reasons: [String] = []
            if !key.isEmpty && Self.nameKey(otherName) == key { reasons.append("dezelfde naam") }
            if let site, otherURL.flatMap(Self.siteKey) == site { reasons.append("dezelfde website") }
            if let mail, otherEmail?.lowercased() == mail { reasons.append("hetzelfde e-mailadres") }
            guard !reasons.isEmpty else { return nil }
            return PossibleDuplicate(
                id: id, name: otherName, isOffer: offers, reason: reasons.joined(separator: " en "))
        }
    }

    /// Lower-case letters and digits only, accents removed: "Welzijn  Lelystad!" → "welzijnlelystad".
    static func nameKey(_ name: String) -> String {
        let folded = name.folding(
            options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "nl_NL"))
        return String(folded.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init))
    }

    /// Host (without "www.") and path (without trailing slashes) of a web address, lower case.
    static func siteKey(_ url: String) -> String? {
        guard let address = SocialMap.webAddress(url), let c = URLComponents(string: address), var host = c.host
        else { return nil }
        host = host.lowercased()
        if host.hasPrefix("www.") { host.removeFirst(4) }
        var path = c.path.lowercased()
        while path.hasSuffix("/") { path.removeLast() }
        return host + path
    }
}
