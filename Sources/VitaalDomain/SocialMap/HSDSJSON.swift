import Foundation

extension SocialMap.HSDS {
    typealias Register = SocialMap.Register
    typealias Organisation = SocialMap.Organisation
    typealias Service = SocialMap.Service
    typealias Location = SocialMap.Location
    typealias Phone = SocialMap.Phone
    typealias ContactPerson = SocialMap.ContactPerson
    typealias TaxonomyTerm = SocialMap.TaxonomyTerm
    typealias PhysicalAddress = SocialMap.PhysicalAddress

    // Known JSON keys per object (everything else is kept in `extra`).
    static let orgKeysJSON: Set<String> = [
        "id", "name", "alternate_name", "description", "email", "website", "url", "year_incorporated",
        "x_last_checked", "x_is_example", "attributes", "contacts", "phones", "locations", "services"
    ]
    static let serviceKeysJSON: Set<String> = [
        "id", "organization_id", "organization", "name", "alternate_name", "description", "url", "email",
        "status", "x_kind", "x_last_checked", "x_is_example", "attributes", "contacts", "phones",
        "service_at_locations"
    ]
    static let locationKeysJSON: Set<String> = [
        "id", "organization_id", "name", "description", "latitude", "longitude", "x_municipality_code",
        "x_position_is_approximate", "addresses", "phones"
    ]
    static let addressKeysJSON: Set<String> = [
        "id", "location_id", "address_type", "address_1", "address_2", "city", "state_province",
        "postal_code", "country"
    ]
    static let phoneKeys: Set<String> = [
        "id", "organization_id", "service_id", "location_id", "contact_id", "number", "type", "description"
    ]
    static let contactKeysJSON: Set<String> = [
        "id", "organization_id", "service_id", "title", "name", "email", "phones"
    ]
    static let termKeysJSON: Set<String> = ["id", "name", "parent_id", "taxonomy"]

    // MARK: Export

    /// HSDS 3.0 JSON: an array of organization objects, each with nested `services`
    /// (with `service_at_locations`, `attributes`, `phones`, `contacts`), `locations`, `phones`,
    /// `contacts` and `attributes`. Deterministic: sorted by id, fixed key order, 2-space indent, final newline.
    public static func exportJSON(_ register: SocialMap.Register, options: ExportOptions = .public) -> Data {
        let r = sorted(register)
        var exporter = JSONExporter(r, options: options)
        var orgs: [JSONNode] = []
        for o in r.organisations { orgs.append(exporter.organisation(o)) }
        return Data((JSONWriter.text(.array(orgs), style: .pretty) + "\n").utf8)
    }

    // MARK: Import

    /// Reads HSDS 3.0 JSON. Accepted shapes (see docs/social-map.md):
    /// a single object or an array of objects; each object is an **organization** (with optional
    /// nested `services`, `locations`, `phones`, `contacts`, `attributes`) or a **service**
    /// (recognised by `organization` or `organization_id`; with nested `organization`,
    /// `service_at_locations[].location` or `.location_id`, `phones`, `contacts`, `attributes`).
    /// A page of an HSDS API list (`{"total_items": …, "contents": [ … ]}`) is read as its records. An
    /// object that appears at several places of the tree with the same id and the same fields (the
    /// specification's examples repeat a phone under its contact, service and location) is one record.
    /// Throws a `VitaalError` listing every problem with its JSON path.
    public static func readJSON(_ data: Data, fileName: String = "hsds.json") throws(VitaalError) -> ImportResult {
        let root = try JSONParser.parse(data, file: fileName)
        let items: [(JSONNode, String)]
        switch root.value {
        case .array(let a): items = a.enumerated().map { ($1, "$[\($0)]") }
        case .object where root["contents"]?.array != nil && root["total_items"] != nil:
            // A page of an HSDS API list (`/services`, `/organizations`): the records are its `contents`.
            items = (root["contents"]?.array ?? []).enumerated().map { ($1, "$.contents[\($0)]") }
        case .object: items = [(root, "$")]
        default:
            throw VitaalError.invalid(
                "een lijst van organisaties of diensten verwacht", at: SourceLocation(file: fileName, element: "$"))
        }
        var importer = JSONImporter(fileName: fileName)
        for (item, path) in items {
            guard let r = importer.record(item, path) else { continue }
            if (r.has("organization") || r.has("organization_id")) && !r.has("services") {
                importer.readService(r, org: nil)
            } else {
                importer.readOrganisation(r)
            }
        }
        importer.checkReferences()
        try throwIfAny(importer.reader, "HSDS-bestand \(fileName) bevat fouten")
        return ImportResult(register: sorted(importer.register), notes: importer.reader.notes)
    }

    /// The register of `readJSON`, without its notes.
    public static func importJSON(
        _ data: Data, fileName: String = "hsds.json"
    ) throws(VitaalError) -> SocialMap.Register {
        try readJSON(data, fileName: fileName).register
    }
}

// MARK: - Export, part by part

extension SocialMap.HSDS {
    typealias Pairs = [(String, JSONNode)]

    /// Builds the HSDS 3.0 JSON tree of a sorted register. Each phone sits under its most specific
    /// owner: contact > service > location > organisation.
    struct JSONExporter {
        let register: Register
        let options: ExportOptions
        let orgIDs: Set<String>, contactIDs: Set<String>, serviceIDs: Set<String>, locationIDs: Set<String>
        let termByID: [String: TaxonomyTerm]
        /// Phones that may be written (contact persons' phones only in internal exports).
        let publicPhones: [Phone]
        /// Locations of a known organisation; the others travel inline in `service_at_locations`, once.
        let locationsWithOrg: Set<String>
        var orphanWritten = Set<String>()

        init(_ r: Register, options: ExportOptions) {
            register = r
            self.options = options
            let orgIDs = Set(r.organisations.map(\.id))
            self.orgIDs = orgIDs
            contactIDs = Set(r.contacts.map(\.id))
            serviceIDs = Set(r.services.map(\.id))
            locationIDs = Set(r.locations.map(\.id))
            termByID = Dictionary(r.taxonomyTerms.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            publicPhones = r.phones.filter { options.includeInternalContactData || $0.contactID == nil }
            locationsWithOrg = Set(r.locations.filter { $0.organisationID.map(orgIDs.contains) ?? false }.map(\.id))
        }

        func opt(_ pairs: inout Pairs, _ key: String, _ value: String?) {
            if let value { pairs.append((key, .string(value))) }
        }
        func extras(_ pairs: inout Pairs, _ extra: [SocialMap.ExtraField]) {
            for e in extra where !pairs.contains(where: { $0.0 == e.key }) { pairs.append((e.key, e.value)) }
        }
        func list(_ pairs: inout Pairs, _ key: String, _ items: [JSONNode]) {
            if !items.isEmpty { pairs.append((key, .array(items))) }
        }

        func ownerIsContact(_ ph: Phone) -> Bool { ph.contactID.map(contactIDs.contains) ?? false }
        func ownerIsService(_ ph: Phone) -> Bool {
            !ownerIsContact(ph) && (ph.serviceID.map(serviceIDs.contains) ?? false)
        }
        func ownerIsLocation(_ ph: Phone) -> Bool {
            !ownerIsContact(ph) && !ownerIsService(ph) && (ph.locationID.map(locationIDs.contains) ?? false)
        }

        func term(_ t: TaxonomyTerm) -> JSONNode {
            var p: Pairs = [("id", .string(t.id)), ("name", .string(t.name))]
            opt(&p, "parent_id", t.parentID)
            opt(&p, "taxonomy", t.vocabulary)
            extras(&p, t.extra)
            return .object(p)
        }

        func attributes(owner: String, tags: SocialMap.Tags, other: [String]) -> JSONNode? {
            let terms = (SocialMap.HSDS.terms(for: tags) + other.compactMap { termByID[$0] }).sorted { $0.id < $1.id }
            guard !terms.isEmpty else { return nil }
            return .array(
                terms.map {
                    ["id": .string("\(owner)/\($0.id)"), "taxonomy_term_id": .string($0.id), "taxonomy_term": term($0)]
                })
        }

        func phone(_ ph: Phone) -> JSONNode {
            var p: Pairs = [("id", .string(ph.id))]
            opt(&p, "organization_id", ph.organisationID)
            opt(&p, "service_id", ph.serviceID)
            opt(&p, "location_id", ph.locationID)
            opt(&p, "contact_id", ph.contactID)
            p.append(("number", .string(ph.number)))
            opt(&p, "type", ph.type)
            opt(&p, "description", ph.description)
            extras(&p, ph.extra)
            return .object(p)
        }

        func contact(_ c: ContactPerson) -> JSONNode {
            var p: Pairs = [("id", .string(c.id))]
            opt(&p, "organization_id", c.organisationID)
            opt(&p, "service_id", c.serviceID)
            p.append(("title", .string(c.role)))
            if options.includeInternalContactData {
                opt(&p, "name", c.name)
                opt(&p, "email", c.email)
            }
            extras(&p, c.extra)
            list(&p, "phones", publicPhones.filter { $0.contactID == c.id }.map(phone))
            return .object(p)
        }

        func location(_ l: Location) -> JSONNode {
            var p: Pairs = [("id", .string(l.id))]
            opt(&p, "organization_id", l.organisationID)
            opt(&p, "name", l.name)
            opt(&p, "description", l.description)
            if let lat = l.latitude { p.append(("latitude", .number(lat))) }
            if let lon = l.longitude { p.append(("longitude", .number(lon))) }
            opt(&p, "x_municipality_code", l.municipalityCode)
            if l.positionIsApproximate { p.append(("x_position_is_approximate", true)) }
            extras(&p, l.extra.filter { $0.key != postalAddressesKey })
            // HSDS 3 puts every address of a location in `addresses`; other types than physical (postal,
            // virtual) are kept as the location's rows of HSDS 2.0's `postal_addresses`.
            let others = l.extra.first { $0.key == postalAddressesKey }?.value.array ?? []
            var addresses = l.address.map { [address($0, locationID: l.id)] } ?? []
            addresses += others.map { a in
                var members = a.members ?? []
                if !members.contains(where: { $0.key == "address_type" }) {
                    members.append(JSONNode.Member("address_type", "postal"))
                }
                return .object(members: members)
            }
            if !addresses.isEmpty { p.append(("addresses", .array(addresses))) }
            list(&p, "phones", publicPhones.filter { ownerIsLocation($0) && $0.locationID == l.id }.map(phone))
            return .object(p)
        }

        func address(_ a: PhysicalAddress, locationID: String) -> JSONNode {
            var q: Pairs = [("id", .string(a.id)), ("location_id", .string(locationID)), ("address_type", "physical")]
            opt(&q, "address_1", a.address1)
            opt(&q, "address_2", a.address2)
            opt(&q, "city", a.city)
            opt(&q, "state_province", a.stateProvince)
            opt(&q, "postal_code", a.postalCode)
            opt(&q, "country", a.country)
            extras(&q, a.extra)
            return .object(q)
        }

        mutating func organisation(_ o: Organisation) -> JSONNode {
            var p: Pairs = [("id", .string(o.id)), ("name", .string(o.name))]
            opt(&p, "alternate_name", o.alternateName)
            opt(&p, "description", o.description)
            opt(&p, "email", o.email)
            opt(&p, "website", o.url)
            if let y = o.yearIncorporated { p.append(("year_incorporated", .number(y))) }
            opt(&p, "x_last_checked", o.lastChecked?.iso)
            if o.isExample { p.append(("x_is_example", true)) }
            extras(&p, o.extra)
            if let a = attributes(owner: o.id, tags: o.tags, other: []) { p.append(("attributes", a)) }
            let contacts = register.contacts.filter {
                $0.organisationID == o.id && !($0.serviceID.map(serviceIDs.contains) ?? false)
            }
            list(&p, "contacts", contacts.map(contact))
            list(
                &p, "phones",
                publicPhones.filter {
                    !ownerIsContact($0) && !ownerIsService($0) && !ownerIsLocation($0) && $0.organisationID == o.id
                }.map(phone))
            list(&p, "locations", register.locations.filter { $0.organisationID == o.id }.map(location))
            var services: [JSONNode] = []
            for s in register.services where s.organisationID == o.id { services.append(service(s)) }
            list(&p, "services", services)
            return .object(p)
        }

        mutating func service(_ s: Service) -> JSONNode {
            var q: Pairs = [
                ("id", .string(s.id)), ("organization_id", .string(s.organisationID)), ("name", .string(s.name))
            ]
            opt(&q, "alternate_name", s.alternateName)
            opt(&q, "description", s.description)
            opt(&q, "url", s.url)
            opt(&q, "email", s.email)
            opt(&q, "status", s.status)
            q.append(("x_kind", .string(s.kind.rawValue)))
            opt(&q, "x_last_checked", s.lastChecked?.iso)
            if s.isExample { q.append(("x_is_example", true)) }
            extras(&q, s.extra.filter { $0.key != keptServiceAtLocationsKey })
            if let a = attributes(owner: s.id, tags: s.tags, other: s.otherTaxonomyTermIDs) {
                q.append(("attributes", a))
            }
            list(&q, "contacts", register.contacts.filter { $0.serviceID == s.id }.map(contact))
            list(&q, "phones", publicPhones.filter { ownerIsService($0) && $0.serviceID == s.id }.map(phone))
            var atLocations: [JSONNode] = []
            for lid in s.locationIDs { atLocations.append(serviceAtLocation(s, lid)) }
            list(&q, "service_at_locations", atLocations)
            return .object(q)
        }

        /// A location without (known) organisation travels inline, once.
        mutating func serviceAtLocation(_ s: Service, _ lid: String) -> JSONNode {
            var sal: Pairs = [("id", .string("\(s.id)@\(lid)")), ("location_id", .string(lid))]
            if let kept = SocialMap.HSDS.keptServiceAtLocation(s, lid) { sal = kept.map { ($0.key, $0.value) } }
            if !locationsWithOrg.contains(lid), !orphanWritten.contains(lid),
                let l = register.locations.first(where: { $0.id == lid })
            {
                orphanWritten.insert(lid)
                sal.append(("location", location(l)))
            }
            return .object(sal)
        }
    }
}

// MARK: - Import, part by part

extension SocialMap.HSDS {
    /// Reads HSDS 3.0 objects into a register, collecting problems and references to check at the end.
    struct JSONImporter {
        let fileName: String
        var reader = Reader()
        var register = Register()
        var orgIDs = IDRegistry(sameRecordMayRepeat: true), serviceIDs = IDRegistry(sameRecordMayRepeat: true)
        var locationIDs = IDRegistry(sameRecordMayRepeat: true), phoneIDs = IDRegistry(sameRecordMayRepeat: true)
        var contactIDs = IDRegistry(sameRecordMayRepeat: true)
        var termsByID: [String: TaxonomyTerm] = [:]
        /// The kept service-at-location records of the service being read (see `keptServiceAtLocationsKey`).
        var keptServiceAtLocations: [JSONNode] = []
        /// The addresses other than physical of the location being read.
        var otherAddresses: [JSONNode] = []
        /// (id, record, field) of references to organisations and locations, checked by `checkReferences`.
        var orgRefs: [(String, Record, String)] = [], locRefs: [(String, Record, String)] = []

        init(fileName: String) { self.fileName = fileName }

        mutating func record(_ value: JSONNode, _ path: String) -> Record? {
            guard let members = value.members else {
                reader.problems.add("object verwacht", at: SourceLocation(file: fileName, element: path))
                return nil
            }
            return Record(pairs: members, place: SourceLocation(file: fileName, element: path))
        }

        /// The items of the list `key` with their paths; null or absent is an empty list.
        mutating func list(_ r: Record, _ key: String) -> [(JSONNode, String)] {
            guard let v = r.raw(key), !v.isNull else { return [] }
            guard let items = v.array else {
                reader.problems.add("lijst verwacht", at: r.at(key))
                return []
            }
            return items.enumerated().map { ($1, "\(r.place.element ?? "$").\(key)[\($0)]") }
        }

        mutating func readTags(_ r: Record) -> (SocialMap.Tags, [String]) {
            var b = TagBuilder()
            for (item, path) in list(r, "attributes") {
                guard let a = record(item, path), let term = attributeTerm(a, path) else { continue }
                if let known = termsByID[term.id], known != term, builtInTerm(id: term.id) == nil {
                    reader.problems.add(
                        "taxonomieterm \"\(term.id)\" is elders anders gedefinieerd", at: a.at("taxonomy_term"))
                }
                if let reason = b.add(term) {
                    reader.problems.add(reason, at: a.at("taxonomy_term"))
                    continue
                }
                if !Vocabulary.all.contains(term.vocabulary ?? ""), termsByID[term.id] == nil {
                    termsByID[term.id] = term
                    register.taxonomyTerms.append(term)
                } else {
                    termsByID[term.id] = termsByID[term.id] ?? term
                }
            }
            return (b.tags, b.foreign)
        }

        /// The term of an attribute: defined inline (`taxonomy_term`) or referenced (`taxonomy_term_id`).
        mutating func attributeTerm(_ a: Record, _ path: String) -> TaxonomyTerm? {
            if let members = a.raw("taxonomy_term")?.members {
                let t = Record(pairs: members, place: SourceLocation(file: fileName, element: path + ".taxonomy_term"))
                guard let id = reader.text(t, "id", required: true), let name = reader.text(t, "name", required: true)
                else {
                    return nil
                }
                return TaxonomyTerm(
                    id: id, name: name, parentID: reader.text(t, "parent_id"),
                    vocabulary: reader.text(t, "taxonomy"), extra: t.extras(known: termKeysJSON))
            }
            guard let id = reader.text(a, "taxonomy_term_id", required: true) else { return nil }
            guard let term = termsByID[id] ?? builtInTerm(id: id) else {
                reader.problems.add("onbekende taxonomieterm \"\(id)\"", at: a.at("taxonomy_term_id"))
                return nil
            }
            return term
        }

        /// Phones under `r`; a phone without its own owner ids belongs to the most specific owner given.
        mutating func readPhones(
            _ r: Record, org: String? = nil, service: String? = nil, location: String? = nil,
            contact: String? = nil
        ) {
            for (item, path) in list(r, "phones") {
                guard let p = record(item, path) else { continue }
                let id = reader.text(p, "id", required: true)
                let number = reader.text(p, "number", required: true)
                guard phoneIDs.add(id, p, &reader), let id, let number else { continue }
                let orgOwner = service == nil && location == nil && contact == nil ? org : nil
                register.phones.append(
                    Phone(
                        id: id, number: number, organisationID: reader.text(p, "organization_id") ?? orgOwner,
                        serviceID: reader.text(p, "service_id") ?? (contact == nil ? service : nil),
                        locationID: reader.text(p, "location_id") ?? location,
                        contactID: reader.text(p, "contact_id") ?? contact,
                        type: reader.text(p, "type"), description: reader.text(p, "description"),
                        extra: p.extras(known: phoneKeys)))
            }
        }

        mutating func readContacts(_ r: Record, org: String?, service: String?) {
            for (item, path) in list(r, "contacts") {
                guard let c = record(item, path) else { continue }
                let id = reader.text(c, "id", required: true)
                let role = reader.text(c, "title", required: true)
                guard contactIDs.add(id, c, &reader), let id, let role else { continue }
                register.contacts.append(
                    ContactPerson(
                        id: id, organisationID: reader.text(c, "organization_id") ?? (service == nil ? org : nil),
                        serviceID: reader.text(c, "service_id") ?? service, role: role, name: reader.text(c, "name"),
                        email: reader.email(c, "email"), extra: c.extras(known: contactKeysJSON)))
                readPhones(c, contact: id)
            }
        }

        /// Reads a location and returns its id (also when the id was seen before).
        mutating func readLocation(_ l: Record, org: String?) -> String? {
            let id = reader.text(l, "id", required: true)
            guard locationIDs.add(id, l, &reader), let id else { return id }
            let (lat, lon) = reader.coordinates(l)
            let address = readAddress(l)
            let orgID = reader.text(l, "organization_id") ?? org
            if let orgID { orgRefs.append((orgID, l, "organization_id")) }
            register.locations.append(
                Location(
                    id: id, organisationID: orgID, name: reader.text(l, "name"),
                    description: reader.text(l, "description"),
                    latitude: lat, longitude: lon, positionIsApproximate: reader.bool(l, "x_position_is_approximate"),
                    municipalityCode: reader.municipalityCode(l, "x_municipality_code"), address: address,
                    extra: l.extras(known: locationKeysJSON.union([postalAddressesKey]))
                        + (otherAddresses.isEmpty
                            ? [] : [SocialMap.ExtraField(postalAddressesKey, .array(otherAddresses))])
                ))
            readPhones(l, location: id)
            return id
        }

        /// The one physical address of a location; addresses of other types (postal, virtual) go to
        /// `otherAddresses`, kept whole as the location's `postal_addresses` rows.
        mutating func readAddress(_ l: Record) -> PhysicalAddress? {
            var address: PhysicalAddress?
            otherAddresses = []
            for (item, path) in list(l, "addresses") {
                guard let a = record(item, path) else { continue }
                if let type = reader.text(a, "address_type"), type != "physical" {
                    otherAddresses.append(item)
                    continue
                }
                if address != nil {
                    reader.problems.add("meer dan één bezoekadres per locatie wordt niet ondersteund", at: a.at("id"))
                    continue
                }
                guard let aid = reader.text(a, "id", required: true) else { continue }
                address = PhysicalAddress(
                    id: aid, address1: reader.text(a, "address_1"), address2: reader.text(a, "address_2"),
                    city: reader.text(a, "city"), stateProvince: reader.text(a, "state_province"),
                    postalCode: reader.text(a, "postal_code"), country: reader.text(a, "country"),
                    extra: a.extras(known: addressKeysJSON))
            }
            return address
        }

        mutating func readService(_ s: Record, org: String?) {
            let id = reader.text(s, "id", required: true)
            let name = reader.text(s, "name", required: true)
            var orgID = reader.text(s, "organization_id") ?? org
            if let nested = s.raw("organization"), nested.isObject,
                let o = record(nested, "\(s.place.element ?? "$").organization")
            {
                let nestedID = reader.text(o, "id")
                if let nestedID, !orgIDs.contains(nestedID) { readOrganisation(o) }
                orgID = orgID ?? nestedID
            }
            if orgID == nil { reader.problems.add("verplicht veld ontbreekt", at: s.at("organization_id")) }
            let isNew = serviceIDs.add(id, s, &reader)
            if let orgID { orgRefs.append((orgID, s, "organization_id")) }
            // Nested parts are checked even when the service itself is incomplete.
            let lids = serviceLocations(s)
            let (tags, other) = readTags(s)
            guard isNew, let id, let name, let orgID else { return }
            register.services.append(
                Service(
                    id: id, organisationID: orgID, name: name, kind: reader.kind(s),
                    alternateName: reader.text(s, "alternate_name"),
                    description: reader.text(s, "description"), url: reader.url(s, "url"),
                    email: reader.email(s, "email"),
                    status: reader.text(s, "status"), locationIDs: lids, tags: tags, otherTaxonomyTermIDs: other,
                    lastChecked: reader.day(s, "x_last_checked"), isExample: reader.bool(s, "x_is_example"),
                    extra: s.extras(known: serviceKeysJSON.union([keptServiceAtLocationsKey]))
                        + keptServiceAtLocationsField(keptServiceAtLocations)))
            readContacts(s, org: nil, service: id)
            readPhones(s, service: id)
        }

        /// The location ids of `service_at_locations`: inline locations are read, references checked later.
        mutating func serviceLocations(_ s: Record) -> [String] {
            var lids: [String] = []
            keptServiceAtLocations = []
            for (item, path) in list(s, "service_at_locations") {
                guard let sal = record(item, path) else { continue }
                var locationID: String?
                if let nested = sal.raw("location"), nested.isObject, let l = record(nested, path + ".location") {
                    let lid = reader.text(l, "id")
                    if let lid, locationIDs.contains(lid) {
                        locationID = lid
                    } else if let lid = readLocation(l, org: nil) {
                        locationID = lid
                    }
                } else if let lid = reader.text(sal, "location_id", required: true) {
                    locationID = lid
                    locRefs.append((lid, sal, "location_id"))
                }
                guard let lid = locationID else { continue }
                lids.append(lid)
                var kept = sal.pairs.filter {
                    $0.key != "service_id" && $0.key != "location" && $0.key != "location_id"
                }
                kept.insert(JSONNode.Member("location_id", .string(lid)), at: min(1, kept.count))
                if let sid = reader.text(s, "id"), keepsServiceAtLocation(kept, serviceID: sid, locationID: lid) {
                    keptServiceAtLocations.append(.object(members: kept))
                }
            }
            return lids
        }

        mutating func readOrganisation(_ o: Record) {
            let id = reader.text(o, "id", required: true)
            let name = reader.text(o, "name", required: true)
            guard orgIDs.add(id, o, &reader), let id, let name else { return }
            let (tags, _) = readTags(o)
            let urlKey = !o.has("website") && o.has("url") ? "url" : "website"
            register.organisations.append(
                Organisation(
                    id: id, name: name, alternateName: reader.text(o, "alternate_name"),
                    description: reader.text(o, "description"), email: reader.email(o, "email"),
                    url: reader.url(o, urlKey), yearIncorporated: reader.int(o, "year_incorporated"), tags: tags,
                    lastChecked: reader.day(o, "x_last_checked"), isExample: reader.bool(o, "x_is_example"),
                    extra: o.extras(known: orgKeysJSON)))
            readContacts(o, org: id, service: nil)
            readPhones(o, org: id)
            for (item, path) in list(o, "locations") { if let l = record(item, path) { _ = readLocation(l, org: id) } }
            for (item, path) in list(o, "services") { if let s = record(item, path) { readService(s, org: id) } }
        }

        /// References to organisations and locations that the file does not contain.
        mutating func checkReferences() {
            for (id, r, field) in orgRefs where !orgIDs.contains(id) {
                reader.problems.add("verwijst naar onbekende organisatie \"\(id)\"", at: r.at(field))
            }
            for (id, r, field) in locRefs where !locationIDs.contains(id) {
                reader.problems.add("verwijst naar onbekende locatie \"\(id)\"", at: r.at(field))
            }
        }
    }
}
