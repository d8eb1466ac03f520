import Foundation

/// One filled-in Positive Health spider web ("spinnenweb", the conversation tool): a score 0–10
/// on each of the six dimensions. All six are required.
public struct SpiderWebScores: Sendable, Hashable, Codable {
    /// Scores in `PositiveHealthDimension.allCases` order.
    public let values: [Double]

    public init(_ scores: [PositiveHealthDimension: Double]) throws(VitaalError) {
        var p = ProblemCollector()
        var values: [Double] = []
        for d in PositiveHealthDimension.allCases {
            guard let v = scores[d] else {
                p.add("score ontbreekt voor '\(d.label)'", at: SourceLocation(field: d.rawValue))
                values.append(0)
                continue
            }
            if !v.isFinite || v < 0 || v > 10 {
                p.add("score \(v) voor '\(d.label)' ligt niet tussen 0 en 10", at: SourceLocation(field: d.rawValue))
            }
            values.append(v)
        }
        if !p.isEmpty {
            throw VitaalError(
                .invalidInput, "Spinnenweb is niet volledig of ongeldig: \(p.totalCount) fout(en)", problems: p.problems
            )
        }
        self.values = values
    }

    /// From API/form input keyed by dimension key or Dutch label; unknown keys are an error.
    public init(keyed: [String: Double]) throws(VitaalError) {
        var map: [PositiveHealthDimension: Double] = [:]
        for (k, v) in keyed {
            guard let d = PositiveHealthDimension(key: k) else {
                throw VitaalError.invalid(
                    "onbekende dimensie \"\(k)\" (bekend: \(PositiveHealthDimension.allCases.map(\.rawValue).joined(separator: ", ")))",
                    at: SourceLocation(field: k))
            }
            map[d] = v
        }
        try self.init(map)
    }

    public subscript(_ d: PositiveHealthDimension) -> Double { values[d.index] }
}

extension SocialMap {
    /// A four-digit postcode range in Flevoland with the municipality it lies in and a centroid.
    public struct PostcodeArea: Sendable, Hashable {
        public let range: ClosedRange<Int>
        public let place: String
        public let municipalityCode: String
        public let latitude: Double
        public let longitude: Double
        /// Always true here: centroids are town centres, rounded, not computed from PC4 polygons.
        public let positionIsApproximate: Bool

        /// PC4 ranges of Flevoland's towns (approximate centroids; ranges as used by PostNL, to be
        /// verified against CBS "postcode-4" data before production use).
        public static let flevoland: [PostcodeArea] = [
            PostcodeArea(
                range: 1300...1379, place: "Almere", municipalityCode: "GM0034", latitude: 52.3702, longitude: 5.2141,
                positionIsApproximate: true),
            PostcodeArea(
                range: 3890...3899, place: "Zeewolde", municipalityCode: "GM0050", latitude: 52.3305, longitude: 5.5414,
                positionIsApproximate: true),
            PostcodeArea(
                range: 8200...8249, place: "Lelystad", municipalityCode: "GM0995", latitude: 52.5185, longitude: 5.4714,
                positionIsApproximate: true),
            PostcodeArea(
                range: 8250...8254, place: "Dronten", municipalityCode: "GM0303", latitude: 52.5250, longitude: 5.7181,
                positionIsApproximate: true),
            PostcodeArea(
                range: 8255...8255, place: "Swifterbant", municipalityCode: "GM0303", latitude: 52.5670,
                longitude: 5.6350, positionIsApproximate: true),
            PostcodeArea(
                range: 8256...8256, place: "Biddinghuizen", municipalityCode: "GM0303", latitude: 52.4550,
                longitude: 5.6930, positionIsApproximate: true),
            PostcodeArea(
                range: 8300...8319, place: "Emmeloord en dorpen (Noordoostpolder)", municipalityCode: "GM0171",
                latitude: 52.7107, longitude: 5.7481, positionIsApproximate: true),
            PostcodeArea(
                range: 8320...8323, place: "Urk", municipalityCode: "GM0184", latitude: 52.6620, longitude: 5.6014,
                positionIsApproximate: true)
        ]

        /// The area of a postcode ("1315", "1315 AB", "1315AB"), or nil outside the table.
        public static func lookup(_ postcode: String) -> PostcodeArea? {
            let digits = postcode.trimmingCharacters(in: .whitespaces).prefix(4)
            guard digits.count == 4, let n = Int(digits) else { return nil }
            return flevoland.first { $0.range.contains(n) }
        }
    }

    /// Where a person lives, for distances: a municipality (CBS code) or a postcode (PC4).
    public enum MatchOrigin: Sendable, Hashable {
        case municipality(String)
        case postcode(String)

        /// Centroid (lat, lon); throws when the code or postcode is not known.
        public func centroid() throws(VitaalError) -> (latitude: Double, longitude: Double) {
            switch self {
            case .municipality(let code):
                guard
                    let m = Municipality.byCode(code)
                        ?? Municipality.all.first(where: { $0.name.lowercased() == code.lowercased() })
                else {
                    throw VitaalError.invalid(
                        "onbekende gemeente \"\(code)\" (verwacht een van de zes Flevolandse gemeenten)",
                        at: SourceLocation(field: "origin"))
                }
                return (m.latitude, m.longitude)
            case .postcode(let pc):
                guard let a = PostcodeArea.lookup(pc) else {
                    throw VitaalError.invalid(
                        "postcode \"\(pc)\" ligt niet in de tabel van Flevolandse postcodegebieden",
                        at: SourceLocation(field: "origin"))
                }
                return (a.latitude, a.longitude)
            }
        }
    }

    /// Great-circle distance in km (haversine, earth radius 6371.0088 km).
    public static func haversineKm(_ lat1: Double, _ lon1: Double, _ lat2: Double, _ lon2: Double) -> Double {
        Geo.haversineKm(GeoPoint(lon: lon1, lat: lat1), GeoPoint(lon: lon2, lat: lat2))
    }

    public struct Match: Sendable, Hashable {
        public let initiativeID: String
        public let name: String
        /// Higher is better: dimension fit divided by (1 + km / 25).
        public let score: Double
        /// Dimension fit before the distance penalty.
        public let dimensionFit: Double
        /// Nil when the initiative has no position and no municipality (works province-wide).
        public let distanceKm: Double?
        /// The focus dimensions the initiative addresses, lowest score first.
        public let matchedDimensions: [PositiveHealthDimension]
        /// Dutch explanation, e.g. "Past bij 'meedoen' (uw score 3) · 4 km".
        public let reason: String
    }

    /// Suggests initiatives that fit a spider web.
    public enum InitiativeMatcher {
        /// Weight of a dimension the person did not choose as focus.
        public static let nonFocusWeight = 0.25
        /// Distance at which the score halves.
        public static let halfScoreKm = 25.0

        /// Ranks `initiatives` (services with dimension tags) for a person.
        ///
        /// fit = Σ over the initiative's dimensions d of w(d)·(10 − score(d))/10, with w = 1 for focus
        /// dimensions and 0.25 otherwise (all 1 when `focus` is empty). With a focus, only initiatives
        /// that address at least one focus dimension are returned. score = fit / (1 + km/25), km =
        /// haversine between the origin centroid and the initiative's first located location, else
        /// its first municipality's centroid, else none (province-wide: no penalty). Ties: name, id.
        public static func match(
            scores: SpiderWebScores, focus: Set<PositiveHealthDimension>, origin: MatchOrigin,
            initiatives: [Service], locations: [Location] = [], limit: Int? = nil
        ) throws(VitaalError) -> [Match] {
            let o = try origin.centroid()
            let locByID = Dictionary(locations.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            var out: [Match] = []
            for s in initiatives {
                let dims = s.tags.dimensions
                if !focus.isEmpty && dims.allSatisfy({ !focus.contains($0) }) { continue }
                var fit = 0.0
                for d in dims {
                    fit += (focus.isEmpty || focus.contains(d) ? 1 : nonFocusWeight) * (10 - scores[d]) / 10
                }
                guard fit > 0 else { continue }
                var km: Double?
                if let l = s.locationIDs.compactMap({ locByID[$0] }).first(where: {
                    $0.latitude != nil && $0.longitude != nil
                }) {
                    km = haversineKm(o.latitude, o.longitude, l.latitude!, l.longitude!)
                } else if let m = s.tags.municipalityCodes.compactMap(Municipality.byCode).first {
                    km = haversineKm(o.latitude, o.longitude, m.latitude, m.longitude)
                }
                let matched = dims.filter { focus.isEmpty || focus.contains($0) }.sorted {
                    (scores[$0], $0.index) < (scores[$1], $1.index)
                }
                let fits = matched.map { "'\($0.label)' (uw score \(formatScore(scores[$0])))" }.joined(separator: ", ")
                let place = km.map { "\(Int($0.rounded())) km" } ?? "in heel Flevoland"
                out.append(
                    Match(
                        initiativeID: s.id, name: s.name, score: fit / (1 + (km ?? 0) / halfScoreKm), dimensionFit: fit,
                        distanceKm: km,
                        matchedDimensions: matched, reason: "Past bij \(fits) · \(place)"))
            }
            out.sort { ($0.score, $1.name, $1.initiativeID) > ($1.score, $0.name, $0.initiativeID) }
            if let limit { return Array(out.prefix(limit)) }
            return out
        }

        static func formatScore(_ v: Double) -> String {
            v == v.rounded() ? String(Int(v)) : String(format: "%.1f", v).replacingOccurrences(of: ".", with: ",")
        }
    }

    /// A mean, or the marker that too few people filled in the web to show it.
    public enum AggregateValue: Sendable, Hashable {
        case mean(Double)
        case suppressed
        /// Dutch display text: the mean with one decimal and a comma, or "minder dan 5".
        public var text: String {
            switch self {
            case .mean(let m): String(format: "%.1f", m).replacingOccurrences(of: ".", with: ",")
            case .suppressed: "minder dan 5"
            }
        }
    }

    public struct MunicipalitySpiderWebStatistics: Sendable, Hashable {
        public let municipalityCode: String
        /// Number of spider webs; shown only as "minder dan 5" when suppressed.
        public let count: Int
        /// Mean per dimension in `PositiveHealthDimension.allCases` order (all `.suppressed` when count < 5).
        public let means: [AggregateValue]
        public var isSuppressed: Bool { count < SpiderWebStatistics.minimumGroupSize }
    }

    /// Anonymous aggregate statistics of spider webs.
    public enum SpiderWebStatistics {
        public static let minimumGroupSize = 5
        /// Published counts are multiples of this.
        public static let countRounding = 5

        /// Mean score per dimension per municipality (sorted by code); suppressed when n < 5.
        /// Exact counts and means: for internal use and tests. Pages publish `publish(_:)`.
        public static func meansByMunicipality(_ webs: [(municipalityCode: String, scores: SpiderWebScores)])
            -> [MunicipalitySpiderWebStatistics]
        {
            let groups = Dictionary(grouping: webs, by: \.municipalityCode)
            return groups.keys.sorted().map { code in
                let g = groups[code]!
                guard g.count >= minimumGroupSize else {
                    return MunicipalitySpiderWebStatistics(
                        municipalityCode: code, count: g.count, means: Array(repeating: .suppressed, count: 6))
                }
                let means = PositiveHealthDimension.allCases.map { d in
                    AggregateValue.mean(g.map { $0.scores[d] }.reduce(0, +) / Double(g.count))
                }
                return MunicipalitySpiderWebStatistics(municipalityCode: code, count: g.count, means: means)
            }
        }

        /// What may be published, by the disclosure rule:
        /// 1. a municipality with fewer than 5 spider webs is hidden (primary suppression);
        /// 2. when municipalities are hidden, the smallest shown ones are hidden too until the hidden
        ///    municipalities hold at least 5 spider webs together (secondary suppression), so the
        ///    Flevoland total minus the shown rows never isolates a group under 5;
        /// 3. published counts are rounded to a multiple of 5 and means to one decimal (the chart
        ///    is drawn from these rounded means), so differences between visits or between the
        ///    total and the rows do not give back single submissions;
        /// 4. the Flevoland total follows rules 1 and 3.
        public static func publish(_ webs: [(municipalityCode: String, scores: SpiderWebScores)])
            -> SpiderWebPublication
        {
            let groups = Dictionary(grouping: webs, by: \.municipalityCode)
            var hidden = Set(groups.filter { $0.value.count < minimumGroupSize }.map(\.key))
            if !hidden.isEmpty {
                var shown = groups.keys.filter { !hidden.contains($0) }.sorted {
                    (groups[$0]!.count, $0) < (groups[$1]!.count, $1)
                }
                while hidden.reduce(0, { $0 + groups[$1]!.count }) < minimumGroupSize, !shown.isEmpty {
                    hidden.insert(shown.removeFirst())
                }
            }
            func group(_ code: String, _ g: [(municipalityCode: String, scores: SpiderWebScores)], hide: Bool)
                -> PublishedSpiderWebGroup
            {
                if hide || g.count < minimumGroupSize {
                    return PublishedSpiderWebGroup(
                        code: code, count: nil, means: Array(repeating: .suppressed, count: 6),
                        reason: g.count < minimumGroupSize ? .tooFew : .protectsOthers)
                }
                let means = PositiveHealthDimension.allCases.map { d in
                    AggregateValue.mean((g.map { $0.scores[d] }.reduce(0, +) / Double(g.count) * 10).rounded() / 10)
                }
                return PublishedSpiderWebGroup(code: code, count: roundedCount(g.count), means: means, reason: nil)
            }
            let rows = groups.keys.sorted().map { group($0, groups[$0]!, hide: hidden.contains($0)) }
            let total = webs.isEmpty ? nil : group("PV24", webs, hide: false)
            return SpiderWebPublication(municipalities: rows, total: total)
        }

        /// n ≥ 5 rounded to the nearest multiple of 5 (never below 5).
        public static func roundedCount(_ n: Int) -> Int {
            max(minimumGroupSize, (n + countRounding / 2) / countRounding * countRounding)
        }
    }

    /// One published row of the spider-web statistics.
    public struct PublishedSpiderWebGroup: Sendable, Hashable {
        public enum Reason: Sendable, Hashable {
            /// Fewer than 5 spider webs.
            case tooFew
            /// Hidden so a smaller hidden group cannot be computed from the total.
            case protectsOthers
        }
        public let code: String
        /// Rounded to a multiple of 5; nil when hidden.
        public let count: Int?
        /// Means rounded to one decimal, or `.suppressed`.
        public let means: [AggregateValue]
        public let reason: Reason?
        public var isSuppressed: Bool { count == nil }
        /// Dutch text for the count column.
        public var countText: String {
            switch reason {
            case .tooFew: "minder dan 5"
            case .protectsOthers: "verborgen"
            case nil: "ongeveer \(count ?? 0)"
            }
        }
    }

    public struct SpiderWebPublication: Sendable, Hashable {
        public let municipalities: [PublishedSpiderWebGroup]
        public let total: PublishedSpiderWebGroup?
    }
}
