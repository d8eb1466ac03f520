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
    static let orgKeysJSON: Set<String> = ["id", "name", "alternate_name", "description", "email", "website", "url", "year_incorporated",
                                           "x_last_checked", "x_is_example", "attributes", "contacts", "phones", "locations", "services"]
    static let serviceKeysJSON: Set<String> = ["id", "organization_id", "organization", "name", "alternate_name", "description", "url", "email",
                                               "status", "x_kind", "x_last_checked", "x_is_example", "attributes", "contacts", "phones",
                                               "service_at_locations"]
    static let locationKeysJSON: Set<String> = ["id", "organization_id", "name", "description", "latitude", "longitude", "x_municipality_code",
                                                "x_position_is_approximate", "addresses", "phones"]
    static let addressKeysJSON: Set<String> = ["id", "location_id", "address_type", "address_1", "address_2", "city", "state_province",
                                               "postal_code", "country"]
    static let phoneKeys: Set<String> = ["id", "organization_id", "service_id", "location_id", "contact_id", "number", "type", "description"]
    static let contactKeysJSON: Set<String> = ["id", "organization_id", "service_id", "title", "name", "email", "phones"]
    static let termKeysJSON: Set<String> = ["id", "name", "parent_id", "taxonomy"]

    // MARK: Export

    /// HSDS 3.0 JSON: an array of organization objects, each with nested `services`
    /// (with `service_at_locations`, `attributes`, `phones`, `contacts`), `locations`, `phones`,
    /// `contacts` and `attributes`. Deterministic: sorted by id, fixed key order, 2-space indent, final newline.
    public static func exportJSON(_ register: SocialMap.Register, options: ExportOptions = .public) -> Data {
        let r = sorted(register)
        let orgIDs = Set(r.organisations.map(\.id))
        let contactIDs = Set(r.contacts.map(\.id)), serviceIDs = Set(r.services.map(\.id)), locationIDs = Set(r.locations.map(\.id))
        let termByID = Dictionary(r.taxonomyTerms.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })

        func opt(_ pairs: inout [(key: String, value: OrderedJSON)], _ key: String, _ value: String?) {
            if let value { pairs.append((key, .string(value))) }
        }
        func extras(_ pairs: inout [(key: String, value: OrderedJSON)], _ extra: [SocialMap.ExtraField]) {
            for e in extra where !pairs.contains(where: { $0.key == e.key }) { pairs.append((e.key, e.value)) }
        }
        func termJSON(_ t: TaxonomyTerm) -> OrderedJSON {
            var p: [(key: String, value: OrderedJSON)] = [("id", .string(t.id)), ("name", .string(t.name))]
            opt(&p, "parent_id", t.parentID); opt(&p, "taxonomy", t.vocabulary); extras(&p, t.extra)
            return .object(p)
        }
        func attributes(owner: String, tags: SocialMap.Tags, other: [String]) -> OrderedJSON? {
            let terms = (terms(for: tags) + other.compactMap { termByID[$0] }).sorted { $0.id < $1.id }
            guard !terms.isEmpty else { return nil }
            return .array(terms.map { .object([("id", .string("\(owner)/\($0.id)")), ("taxonomy_term_id", .string($0.id)), ("taxonomy_term", termJSON($0))]) })
        }
        func phoneJSON(_ ph: Phone) -> OrderedJSON {
            var p: [(key: String, value: OrderedJSON)] = [("id", .string(ph.id))]
            opt(&p, "organization_id", ph.organisationID); opt(&p, "service_id", ph.serviceID)
            opt(&p, "location_id", ph.locationID); opt(&p, "contact_id", ph.contactID)
            p.append(("number", .string(ph.number))); opt(&p, "type", ph.type); opt(&p, "description", ph.description)
            extras(&p, ph.extra)
            return .object(p)
        }
        // Each phone sits under its most specific owner: contact > service > location > organisation.
        func phones(where owner: (Phone) -> Bool) -> [OrderedJSON] {
            r.phones.filter(owner).map(phoneJSON)
        }
        let publicPhones = r.phones.filter { options.includeInternalContactData || $0.contactID == nil }
        func ownerIsContact(_ ph: Phone) -> Bool { ph.contactID.map(contactIDs.contains) ?? false }
        func ownerIsService(_ ph: Phone) -> Bool { !ownerIsContact(ph) && (ph.serviceID.map(serviceIDs.contains) ?? false) }
        func ownerIsLocation(_ ph: Phone) -> Bool { !ownerIsContact(ph) && !ownerIsService(ph) && (ph.locationID.map(locationIDs.contains) ?? false) }
        func contactJSON(_ c: ContactPerson) -> OrderedJSON {
            var p: [(key: String, value: OrderedJSON)] = [("id", .string(c.id))]
            opt(&p, "organization_id", c.organisationID); opt(&p, "service_id", c.serviceID)
            p.append(("title", .string(c.role)))
            if options.includeInternalContactData { opt(&p, "name", c.name); opt(&p, "email", c.email) }
            extras(&p, c.extra)
            let ph = publicPhones.filter { $0.contactID == c.id }.map(phoneJSON)
            if !ph.isEmpty { p.append(("phones", .array(ph))) }
            return .object(p)
        }
        func locationJSON(_ l: Location) -> OrderedJSON {
            var p: [(key: String, value: OrderedJSON)] = [("id", .string(l.id))]
            opt(&p, "organization_id", l.organisationID); opt(&p, "name", l.name); opt(&p, "description", l.description)
            if let lat = l.latitude { p.append(("latitude", .number(number(lat)))) }
            if let lon = l.longitude { p.append(("longitude", .number(number(lon)))) }
            opt(&p, "x_municipality_code", l.municipalityCode)
            if l.positionIsApproximate { p.append(("x_position_is_approximate", .bool(true))) }
            extras(&p, l.extra)
            if let a = l.address {
                var q: [(key: String, value: OrderedJSON)] = [("id", .string(a.id)), ("location_id", .string(l.id)), ("address_type", .string("physical"))]
                opt(&q, "address_1", a.address1); opt(&q, "address_2", a.address2); opt(&q, "city", a.city)
                opt(&q, "state_province", a.stateProvince); opt(&q, "postal_code", a.postalCode); opt(&q, "country", a.country)
                extras(&q, a.extra)
                p.append(("addresses", .array([.object(q)])))
            }
            let ph = publicPhones.filter { ownerIsLocation($0) && $0.locationID == l.id }.map(phoneJSON)
            if !ph.isEmpty { p.append(("phones", .array(ph))) }
            return .object(p)
        }
        let locationsWithOrg = Set(r.locations.filter { $0.organisationID.map(orgIDs.contains) ?? false }.map(\.id))
        var orphanWritten = Set<String>()

        var orgs: [OrderedJSON] = []
        for o in r.organisations {
            var p: [(key: String, value: OrderedJSON)] = [("id", .string(o.id)), ("name", .string(o.name))]
            opt(&p, "alternate_name", o.alternateName); opt(&p, "description", o.description); opt(&p, "email", o.email)
            opt(&p, "website", o.url)
            if let y = o.yearIncorporated { p.append(("year_incorporated", .number(String(y)))) }
            opt(&p, "x_last_checked", o.lastChecked?.iso)
            if o.isExample { p.append(("x_is_example", .bool(true))) }
            extras(&p, o.extra)
            if let a = attributes(owner: o.id, tags: o.tags, other: []) { p.append(("attributes", a)) }
            let contacts = r.contacts.filter { $0.organisationID == o.id && !($0.serviceID.map(serviceIDs.contains) ?? false) }
            if !contacts.isEmpty { p.append(("contacts", .array(contacts.map(contactJSON)))) }
            let ph = publicPhones.filter { !ownerIsContact($0) && !ownerIsService($0) && !ownerIsLocation($0) && $0.organisationID == o.id }
            if !ph.isEmpty { p.append(("phones", .array(ph.map(phoneJSON)))) }
            let locs = r.locations.filter { $0.organisationID == o.id }
            if !locs.isEmpty { p.append(("locations", .array(locs.map(locationJSON)))) }
            var services: [OrderedJSON] = []
            for s in r.services where s.organisationID == o.id {
                var q: [(key: String, value: OrderedJSON)] = [("id", .string(s.id)), ("organization_id", .string(s.organisationID)), ("name", .string(s.name))]
                opt(&q, "alternate_name", s.alternateName); opt(&q, "description", s.description); opt(&q, "url", s.url)
                opt(&q, "email", s.email); opt(&q, "status", s.status)
                q.append(("x_kind", .string(s.kind.rawValue)))
                opt(&q, "x_last_checked", s.lastChecked?.iso)
                if s.isExample { q.append(("x_is_example", .bool(true))) }
                extras(&q, s.extra)
                if let a = attributes(owner: s.id, tags: s.tags, other: s.otherTaxonomyTermIDs) { q.append(("attributes", a)) }
                let sc = r.contacts.filter { $0.serviceID == s.id }
                if !sc.isEmpty { q.append(("contacts", .array(sc.map(contactJSON)))) }
                let sp = publicPhones.filter { ownerIsService($0) && $0.serviceID == s.id }
                if !sp.isEmpty { q.append(("phones", .array(sp.map(phoneJSON)))) }
                if !s.locationIDs.isEmpty {
                    q.append(("service_at_locations", .array(s.locationIDs.map { lid in
                        var sal: [(key: String, value: OrderedJSON)] = [("id", .string("\(s.id)@\(lid)")), ("location_id", .string(lid))]
                        // A location without (known) organisation travels inline, once.
                        if !locationsWithOrg.contains(lid), !orphanWritten.contains(lid), let l = r.locations.first(where: { $0.id == lid }) {
                            orphanWritten.insert(lid); sal.append(("location", locationJSON(l)))
                        }
                        return .object(sal)
                    })))
                }
                services.append(.object(q))
            }
            if !services.isEmpty { p.append(("services", .array(services))) }
            orgs.append(.object(p))
        }
        return Data((OrderedJSON.array(orgs).serialized(pretty: true) + "\n").utf8)
    }

    // MARK: Import

    /// Reads HSDS 3.0 JSON. Accepted shapes (see docs/social-map.md):
    /// a single object or an array of objects; each object is an **organization** (with optional
    /// nested `services`, `locations`, `phones`, `contacts`, `attributes`) or a **service**
    /// (recognised by `organization` or `organization_id`; with nested `organization`,
    /// `service_at_locations[].location` or `.location_id`, `phones`, `contacts`, `attributes`).
    /// Throws a `VitaalError` listing every problem with its JSON path.
    public static func importJSON(_ data: Data, fileName: String = "hsds.json") throws(VitaalError) -> SocialMap.Register {
        let root = try OrderedJSON.parse(data, fileName: fileName)
        var reader = Reader()
        var orgIDs = IDRegistry(), serviceIDs = IDRegistry(), locationIDs = IDRegistry(), phoneIDs = IDRegistry(), contactIDs = IDRegistry()
        var reg = Register()
        var termsByID: [String: TaxonomyTerm] = [:]
        var orgRefs: [(String, Record, String)] = [], locRefs: [(String, Record, String)] = []

        func record(_ value: OrderedJSON, _ path: String) -> Record? {
            guard case let .object(pairs) = value else {
                reader.problems.add("object verwacht", at: SourceLocation(file: fileName, element: path)); return nil
            }
            return Record(pairs: pairs, place: SourceLocation(file: fileName, element: path))
        }
        func list(_ r: Record, _ key: String) -> [(OrderedJSON, String)] {
            guard let v = r.raw(key) else { return [] }
            if case .null = v { return [] }
            guard case let .array(items) = v else { reader.problems.add("lijst verwacht", at: r.at(key)); return [] }
            return items.enumerated().map { ($1, "\(r.place.element ?? "$").\(key)[\($0)]") }
        }
        func readTags(_ r: Record) -> (SocialMap.Tags, [String]) {
            var b = TagBuilder()
            for (item, path) in list(r, "attributes") {
                guard let a = record(item, path) else { continue }
                var term: TaxonomyTerm?
                if case let .object(tp)? = a.raw("taxonomy_term") {
                    let t = Record(pairs: tp, place: SourceLocation(file: fileName, element: path + ".taxonomy_term"))
                    if let id = reader.text(t, "id", required: true), let name = reader.text(t, "name", required: true) {
                        term = TaxonomyTerm(id: id, name: name, parentID: reader.text(t, "parent_id"), vocabulary: reader.text(t, "taxonomy"),
                                            extra: t.extras(known: termKeysJSON))
                    }
                } else if let id = reader.text(a, "taxonomy_term_id", required: true) {
                    term = termsByID[id] ?? builtInTerm(id: id)
                    if term == nil { reader.problems.add("onbekende taxonomieterm \"\(id)\"", at: a.at("taxonomy_term_id")); continue }
                }
                guard let term else { continue }
                if let known = termsByID[term.id], known != term, builtInTerm(id: term.id) == nil {
                    reader.problems.add("taxonomieterm \"\(term.id)\" is elders anders gedefinieerd", at: a.at("taxonomy_term"))
                }
                if let reason = b.add(term) { reader.problems.add(reason, at: a.at("taxonomy_term")); continue }
                if !Vocabulary.all.contains(term.vocabulary ?? ""), termsByID[term.id] == nil {
                    termsByID[term.id] = term; reg.taxonomyTerms.append(term)
                } else { termsByID[term.id] = termsByID[term.id] ?? term }
            }
            return (b.tags, b.foreign)
        }
        func readPhones(_ r: Record, org: String? = nil, service: String? = nil, location: String? = nil, contact: String? = nil) {
            for (item, path) in list(r, "phones") {
                guard let p = record(item, path) else { continue }
                let id = reader.text(p, "id", required: true), number = reader.text(p, "number", required: true)
                guard phoneIDs.add(id, p, &reader), let id, let number else { continue }
                reg.phones.append(Phone(id: id, number: number, organisationID: reader.text(p, "organization_id") ?? (service == nil && location == nil && contact == nil ? org : nil),
                                        serviceID: reader.text(p, "service_id") ?? (contact == nil ? service : nil),
                                        locationID: reader.text(p, "location_id") ?? location, contactID: reader.text(p, "contact_id") ?? contact,
                                        type: reader.text(p, "type"), description: reader.text(p, "description"), extra: p.extras(known: phoneKeys)))
            }
        }
        func readContacts(_ r: Record, org: String?, service: String?) {
            for (item, path) in list(r, "contacts") {
                guard let c = record(item, path) else { continue }
                let id = reader.text(c, "id", required: true), role = reader.text(c, "title", required: true)
                guard contactIDs.add(id, c, &reader), let id, let role else { continue }
                reg.contacts.append(ContactPerson(id: id, organisationID: reader.text(c, "organization_id") ?? (service == nil ? org : nil),
                                                  serviceID: reader.text(c, "service_id") ?? service, role: role, name: reader.text(c, "name"),
                                                  email: reader.email(c, "email"), extra: c.extras(known: contactKeysJSON)))
                readPhones(c, contact: id)
            }
        }
        func readLocation(_ l: Record, org: String?) -> String? {
            let id = reader.text(l, "id", required: true)
            guard locationIDs.add(id, l, &reader), let id else { return id }
            let (lat, lon) = reader.coordinates(l)
            var address: PhysicalAddress?
            for (item, path) in list(l, "addresses") {
                guard let a = record(item, path) else { continue }
                if let type = reader.text(a, "address_type"), type != "physical" { continue }
                if address != nil { reader.problems.add("meer dan één bezoekadres per locatie wordt niet ondersteund", at: a.at("id")); continue }
                guard let aid = reader.text(a, "id", required: true) else { continue }
                address = PhysicalAddress(id: aid, address1: reader.text(a, "address_1"), address2: reader.text(a, "address_2"),
                                          city: reader.text(a, "city"), stateProvince: reader.text(a, "state_province"),
                                          postalCode: reader.text(a, "postal_code"), country: reader.text(a, "country"),
                                          extra: a.extras(known: addressKeysJSON))
            }
            let orgID = reader.text(l, "organization_id") ?? org
            if let orgID { orgRefs.append((orgID, l, "organization_id")) }
            reg.locations.append(Location(id: id, organisationID: orgID, name: reader.text(l, "name"), description: reader.text(l, "description"),
                                          latitude: lat, longitude: lon, positionIsApproximate: reader.bool(l, "x_position_is_approximate"),
                                          municipalityCode: reader.municipalityCode(l, "x_municipality_code"), address: address,
                                          extra: l.extras(known: locationKeysJSON)))
            readPhones(l, location: id)
            return id
        }
        func readService(_ s: Record, org: String?) {
            let id = reader.text(s, "id", required: true), name = reader.text(s, "name", required: true)
            var orgID = reader.text(s, "organization_id") ?? org
            if case .object? = s.raw("organization"), let o = record(s.raw("organization")!, "\(s.place.element ?? "$").organization") {
                let nestedID = reader.text(o, "id")
                if let nestedID, !orgIDs.contains(nestedID) { readOrganisation(o) }
                orgID = orgID ?? nestedID
            }
            if orgID == nil { reader.problems.add("verplicht veld ontbreekt", at: s.at("organization_id")) }
            let isNew = serviceIDs.add(id, s, &reader)
            if let orgID { orgRefs.append((orgID, s, "organization_id")) }
            // Nested parts are checked even when the service itself is incomplete.
            var lids: [String] = []
            for (item, path) in list(s, "service_at_locations") {
                guard let sal = record(item, path) else { continue }
                if case .object? = sal.raw("location"), let l = record(sal.raw("location")!, path + ".location") {
                    let lid = reader.text(l, "id")
                    if let lid, locationIDs.contains(lid) { lids.append(lid) } else if let lid = readLocation(l, org: nil) { lids.append(lid) }
                } else if let lid = reader.text(sal, "location_id", required: true) {
                    lids.append(lid); locRefs.append((lid, sal, "location_id"))
                }
            }
            let (tags, other) = readTags(s)
            guard isNew, let id, let name, let orgID else { return }
            reg.services.append(Service(id: id, organisationID: orgID, name: name, kind: reader.kind(s), alternateName: reader.text(s, "alternate_name"),
                                        description: reader.text(s, "description"), url: reader.url(s, "url"), email: reader.email(s, "email"),
                                        status: reader.text(s, "status"), locationIDs: lids, tags: tags, otherTaxonomyTermIDs: other,
                                        lastChecked: reader.day(s, "x_last_checked"), isExample: reader.bool(s, "x_is_example"),
                                        extra: s.extras(known: serviceKeysJSON)))
            readContacts(s, org: nil, service: id)
            readPhones(s, service: id)
        }
        func readOrganisation(_ o: Record) {
            let id = reader.text(o, "id", required: true), name = reader.text(o, "name", required: true)
            guard orgIDs.add(id, o, &reader), let id, let name else { return }
            let (tags, _) = readTags(o)
            var urlKey = "website"
            if !o.has("website") && o.has("url") { urlKey = "url" }
            reg.organisations.append(Organisation(id: id, name: name, alternateName: reader.text(o, "alternate_name"),
                                                  description: reader.text(o, "description"), email: reader.email(o, "email"),
                                                  url: reader.url(o, urlKey), yearIncorporated: reader.int(o, "year_incorporated"), tags: tags,
                                                  lastChecked: reader.day(o, "x_last_checked"), isExample: reader.bool(o, "x_is_example"),
                                                  extra: o.extras(known: orgKeysJSON)))
            readContacts(o, org: id, service: nil)
            readPhones(o, org: id)
            for (item, path) in list(o, "locations") { if let l = record(item, path) { _ = readLocation(l, org: id) } }
            for (item, path) in list(o, "services") { if let s = record(item, path) { readService(s, org: id) } }
        }

        let items: [(OrderedJSON, String)]
        switch root {
        case let .array(a): items = a.enumerated().map { ($1, "$[\($0)]") }
        case .object: items = [(root, "$")]
        default: throw VitaalError.invalid("een lijst van organisaties of diensten verwacht", at: SourceLocation(file: fileName, element: "$"))
        }
        for (item, path) in items {
            guard let r = record(item, path) else { continue }
            if (r.has("organization") || r.has("organization_id")) && !r.has("services") { readService(r, org: nil) } else { readOrganisation(r) }
        }
        for (id, r, field) in orgRefs where !orgIDs.contains(id) {
            reader.problems.add("verwijst naar onbekende organisatie \"\(id)\"", at: r.at(field))
        }
        for (id, r, field) in locRefs where !locationIDs.contains(id) {
            reader.problems.add("verwijst naar onbekende locatie \"\(id)\"", at: r.at(field))
        }
        try throwIfAny(reader, "HSDS-bestand \(fileName) bevat fouten")
        return sorted(reg)
    }
}
