import Foundation

extension SocialMap {
    /// The whole social map as flat lists (the shape persistence and HSDS tables use).
    public struct Register: Sendable, Hashable {
        public var organisations: [Organisation]
        public var services: [Service]
        public var locations: [Location]
        public var phones: [Phone]
        public var contacts: [ContactPerson]
        /// Terms of foreign taxonomies only; Vitaal's own vocabularies live in `Tags`.
        public var taxonomyTerms: [TaxonomyTerm]
        public var networks: [Network]
        public var collaborations: [Collaboration]
        /// HSDS tables that belong to no record (see `HSDSTable`), kept for the HSDS round trip.
        public var otherHSDSTables: [HSDSTable] = []

        public init(
            organisations: [Organisation] = [], services: [Service] = [], locations: [Location] = [],
            phones: [Phone] = [],
            contacts: [ContactPerson] = [], taxonomyTerms: [TaxonomyTerm] = [], networks: [Network] = [],
            collaborations: [Collaboration] = []
        ) {
            self.organisations = organisations
            self.services = services
            self.locations = locations
            self.phones = phones
            self.contacts = contacts
            self.taxonomyTerms = taxonomyTerms
            self.networks = networks
            self.collaborations = collaborations
        }

        public func organisation(_ id: String) -> Organisation? { organisations.first { $0.id == id } }
        public func service(_ id: String) -> Service? { services.first { $0.id == id } }
        public func location(_ id: String) -> Location? { locations.first { $0.id == id } }
        /// Display name of an organisation or service id (the id itself when unknown).
        public func name(of id: String) -> String { organisation(id)?.name ?? service(id)?.name ?? id }

        /// Checks ids are unique per kind, organisation and service ids don't clash (they share the
        /// collaboration graph), references resolve, and coordinates are valid. Throws all problems at once.
        public func validate() throws(VitaalError) {
            var p = ProblemCollector()
            checkIDs(&p)
            checkReferences(&p)
            if !p.isEmpty {
                throw VitaalError(
                    .invalidInput, "Sociale kaart klopt niet: \(p.totalCount) fout(en)", problems: p.problems)
            }
        }

        /// Ids unique per kind; organisation and service ids distinct.
        func checkIDs(_ p: inout ProblemCollector) {
            func unique(_ ids: [String], _ kind: String) {
                var seen = Set<String>()
                for id in ids {
                    if id.isEmpty {
                        p.add("\(kind) zonder id", at: SourceLocation(field: "id", element: kind))
                    } else if !seen.insert(id).inserted {
                        p.add(
                            "id \"\(id)\" komt meer dan eens voor",
                            at: SourceLocation(field: "id", element: "\(kind) \(id)"))
                    }
                }
            }
            unique(organisations.map(\.id), "organisatie")
            unique(services.map(\.id), "dienst/initiatief")
            unique(locations.map(\.id), "locatie")
            unique(phones.map(\.id), "telefoon")
            unique(contacts.map(\.id), "contactpersoon")
            unique(networks.map(\.id), "netwerk")
            unique(taxonomyTerms.map(\.id), "taxonomieterm")
            let orgIDs = Set(organisations.map(\.id))
            let serviceIDs = Set(services.map(\.id))
            for clash in orgIDs.intersection(serviceIDs).sorted() {
                p.add(
                    "id \"\(clash)\" is zowel organisatie als dienst/initiatief",
                    at: SourceLocation(field: "id", element: "dienst \(clash)"))
            }
        }

        /// Every reference resolves; coordinates are valid.
        func checkReferences(_ p: inout ProblemCollector) {
            let orgIDs = Set(organisations.map(\.id))
            let serviceIDs = Set(services.map(\.id))
            let locationIDs = Set(locations.map(\.id))
            let contactIDs = Set(contacts.map(\.id))
            let termIDs = Set(taxonomyTerms.map(\.id))
            func ref(_ id: String?, in set: Set<String>, _ what: String, _ element: String, _ field: String) {
                if let id, !set.contains(id) {
                    p.add(
                        "verwijst naar onbekende \(what) \"\(id)\"", at: SourceLocation(field: field, element: element))
                }
            }
            for s in services {
                ref(s.organisationID, in: orgIDs, "organisatie", "dienst \(s.id)", "organization_id")
                for l in s.locationIDs { ref(l, in: locationIDs, "locatie", "dienst \(s.id)", "location_id") }
                for t in s.otherTaxonomyTermIDs {
                    ref(t, in: termIDs, "taxonomieterm", "dienst \(s.id)", "taxonomy_id")
                }
            }
            for l in locations {
                ref(l.organisationID, in: orgIDs, "organisatie", "locatie \(l.id)", "organization_id")
                if let problem = SocialMap.coordinateProblem(latitude: l.latitude, longitude: l.longitude) {
                    p.add(problem.message, at: SourceLocation(field: problem.field, element: "locatie \(l.id)"))
                }
            }
            for ph in phones {
                ref(ph.organisationID, in: orgIDs, "organisatie", "telefoon \(ph.id)", "organization_id")
                ref(ph.serviceID, in: serviceIDs, "dienst", "telefoon \(ph.id)", "service_id")
                ref(ph.locationID, in: locationIDs, "locatie", "telefoon \(ph.id)", "location_id")
                ref(ph.contactID, in: contactIDs, "contactpersoon", "telefoon \(ph.id)", "contact_id")
            }
            for c in contacts {
                ref(c.organisationID, in: orgIDs, "organisatie", "contactpersoon \(c.id)", "organization_id")
                ref(c.serviceID, in: serviceIDs, "dienst", "contactpersoon \(c.id)", "service_id")
            }
            let members = orgIDs.union(serviceIDs)
            for n in networks {
                for m in n.memberships { ref(m.memberID, in: members, "deelnemer", "netwerk \(n.id)", "memberID") }
            }
            for c in collaborations {
                ref(c.a, in: members, "partij", "samenwerking \(c.a)–\(c.b)", "a")
                ref(c.b, in: members, "partij", "samenwerking \(c.a)–\(c.b)", "b")
            }
        }

        /// Collaboration edges derived from co-membership: every two members of the same listed
        /// network are linked, topic = network name, `isDerived = true`. When a pair shares several
        /// networks the topics are joined with " · " (sorted by network name).
        public static func coMembershipCollaborations(of networks: [Network]) -> [Collaboration] {
            var topics: [String: (a: String, b: String, names: Set<String>)] = [:]
            for n in networks {
                let ids = Array(Set(n.memberships.map(\.memberID))).sorted()
                for i in ids.indices {
                    for j in ids.indices where j > i {
                        let key = ids[i] + "\u{1F}" + ids[j]
                        topics[key, default: (ids[i], ids[j], [])].names.insert(n.name)
                    }
                }
            }
            return topics.keys.sorted().compactMap { key in
                let t = topics[key]!
                return try? Collaboration(t.a, t.b, topic: t.names.sorted().joined(separator: " · "), isDerived: true)
            }
        }

        /// The collaboration graph: nodes are all organisations and services that take part in at
        /// least one collaboration, sorted by id; edges are unique (a, b) pairs with a < b, sorted.
        public func collaborationGraph() -> (nodeIDs: [String], edges: [(String, String)]) {
            var pairs = Set<[String]>()
            for c in collaborations { pairs.insert([c.a, c.b]) }
            let edges = pairs.sorted { ($0[0], $0[1]) < ($1[0], $1[1]) }.map { ($0[0], $0[1]) }
            let nodes = Set(edges.flatMap { [$0.0, $0.1] }).sorted()
            return (nodes, edges)
        }

        /// The strength of each link: the number of networks the two share plus one for each collaboration
        /// reported between them; keyed by the pair's ids in order (`a < b`), joined by U+001F.
        public func linkWeights() -> [String: Double] {
            var weight: [String: Double] = [:]
            for network in networks {
                let members = Array(Set(network.memberships.map(\.memberID))).sorted()
                for i in members.indices {
                    for j in members.indices where j > i {
                        weight[Self.pairKey(members[i], members[j]), default: 0] += 1
                    }
                }
            }
            for c in collaborations where !c.isDerived { weight[Self.pairKey(c.a, c.b), default: 0] += 1 }
            return weight
        }

        /// The key of an unordered pair in `linkWeights()`.
        public static func pairKey(_ a: String, _ b: String) -> String {
            a < b ? a + "\u{1F}" + b : b + "\u{1F}" + a
        }

        /// The collaboration graph with the strength of each link (`linkWeights()`, at least 1); same
        /// nodes and edge order as `collaborationGraph()`.
        public func weightedCollaborationGraph() -> (nodeIDs: [String], edges: [(String, String, Double)]) {
            let g = collaborationGraph()
            let weight = linkWeights()
            return (g.nodeIDs, g.edges.map { ($0.0, $0.1, max(1, weight[Self.pairKey($0.0, $0.1)] ?? 1)) })
        }

        /// The collaboration graph as JSON `{"nodes": [{"id","name"}…], "edges": [[a,b]…]}`
        /// (deterministic; used by bench/socialmap/demo_network_fixtures.py).
        public func collaborationGraphJSON() -> String {
            let g = collaborationGraph()
            let nodes: [JSONNode] = g.nodeIDs.map { ["id": .string($0), "name": .string(name(of: $0))] }
            let edges: [JSONNode] = g.edges.map { [.string($0.0), .string($0.1)] }
            return JSONWriter.text(["nodes": .array(nodes), "edges": .array(edges)], style: .pretty) + "\n"
        }
    }

    /// Nil when the pair is valid: both or neither given, within range, not (0, 0), and within a
    /// generous box around the Netherlands (lat 50.5–54, lon 3–7.5); otherwise a Dutch reason and the field.
    public static func coordinateProblem(latitude: Double?, longitude: Double?) -> (message: String, field: String)? {
        switch (latitude, longitude) {
        case (nil, nil): return nil
        case (nil, _): return ("lengtegraad zonder breedtegraad", "latitude")
        case (_, nil): return ("breedtegraad zonder lengtegraad", "longitude")
        case (let lat?, let lon?):
            if !lat.isFinite || !(-90...90).contains(lat) {
                return ("breedtegraad \(lat) ligt niet tussen -90 en 90", "latitude")
            }
            if !lon.isFinite || !(-180...180).contains(lon) {
                return ("lengtegraad \(lon) ligt niet tussen -180 en 180", "longitude")
            }
            if lat == 0 && lon == 0 { return ("coördinaten 0,0 zijn geen echte plek", "latitude") }
            if !isInNetherlands(latitude: lat, longitude: lon) {
                let hint =
                    isSwappedDutchPosition(latitude: lat, longitude: lon) ? "; breedte en lengte lijken verwisseld" : ""
                return ("coördinaten \(lat), \(lon) liggen buiten Nederland\(hint)", "latitude")
            }
            return nil
        }
    }

    /// The box around the Netherlands that positions on the social map must lie in.
    static func isInNetherlands(latitude: Double, longitude: Double) -> Bool {
        (50.5...54).contains(latitude) && (3...7.5).contains(longitude)
    }

    /// True when the pair lies outside the Netherlands but would lie inside with latitude and longitude
    /// swapped — the usual mistake in a Dutch file (5.47, 52.5 instead of 52.5, 5.47).
    public static func isSwappedDutchPosition(latitude: Double, longitude: Double) -> Bool {
        !isInNetherlands(latitude: latitude, longitude: longitude)
            && isInNetherlands(latitude: longitude, longitude: latitude)
    }
}

extension SocialMap.Register {
    /// The register without records that point at records it does not hold (after a corrupt
    /// record was skipped while reading): services of a missing organisation are left out, other
    /// references to missing records are dropped. The result passes `validate()` for references.
    public func withoutDanglingReferences() -> SocialMap.Register {
        var r = self
        let orgIDs = Set(organisations.map(\.id))
        r.services = services.filter { orgIDs.contains($0.organisationID) }
        let serviceIDs = Set(r.services.map(\.id))
        r.locations = locations.map { l in
            var l = l
            if let o = l.organisationID, !orgIDs.contains(o) { l.organisationID = nil }
            return l
        }
        let locationIDs = Set(r.locations.map(\.id))
        let termIDs = Set(taxonomyTerms.map(\.id))
        r.services = r.services.map { s in
            var s = s
            s.locationIDs = s.locationIDs.filter(locationIDs.contains)
            s.otherTaxonomyTermIDs = s.otherTaxonomyTermIDs.filter(termIDs.contains)
            return s
        }
        r.contacts = contacts.filter { c in
            c.organisationID.map(orgIDs.contains) ?? true && (c.serviceID.map(serviceIDs.contains) ?? true)
        }
        let contactIDs = Set(r.contacts.map(\.id))
        r.phones = phones.filter { p in
            (p.organisationID.map(orgIDs.contains) ?? true) && (p.serviceID.map(serviceIDs.contains) ?? true)
                && (p.locationID.map(locationIDs.contains) ?? true) && (p.contactID.map(contactIDs.contains) ?? true)
        }
        let members = orgIDs.union(serviceIDs)
        r.networks = networks.map { n in
            var n = n
            n.memberships = n.memberships.filter { members.contains($0.memberID) }
            return n
        }
        r.collaborations = collaborations.filter { members.contains($0.a) && members.contains($0.b) }
        return r
    }
}
