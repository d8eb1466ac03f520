import Vapor
import Fluent
import AppCore
import VitaalDomain

/// Reads and writes the social map register. Writing is an upsert by id (the register's `key`):
/// records not named in the input stay as they are, so an HSDS file never deletes anything.
public enum SocialMapStore {
    typealias SM = SocialMap

    // MARK: Reading

    /// The whole register as stored. A record whose payload cannot be read is skipped and logged
    /// (`skipped` lists them), so one corrupt row never takes down every social-map page and API.
    public static func load(on db: any Database) async throws -> SocialMap.Register {
        try await loadReporting(on: db).register
    }

    /// As `load`, with the records that were skipped because their payload is corrupt ("dienst x: …").
    public static func loadReporting(on db: any Database) async throws -> (register: SocialMap.Register, skipped: [String]) {
        var r = SM.Register()
        var skipped: [String] = []
        func read<T>(_ table: String, _ key: String, _ make: () throws -> T) -> T? {
            do { return try make() } catch {
                skipped.append("\(table) \(key): \(error)")
                db.logger.error("sociale kaart: onleesbaar record overgeslagen", metadata: ["tabel": .string(table), "key": .string(key), "fout": .string("\(error)")])
                return nil
            }
        }
        r.organisations = try await SocialMapOrganisationRecord.query(on: db).all().sorted { $0.key < $1.key }.compactMap { rec in
            read("organisatie", rec.key) { try Payload.decode(Payload.Organisation.self, rec.payload, table: "organisatie", key: rec.key).domain() }
        }
        r.services = try await SocialMapServiceRecord.query(on: db).all().sorted { $0.key < $1.key }.compactMap { rec in
            read("dienst", rec.key) { try Payload.decode(Payload.Service.self, rec.payload, table: "dienst", key: rec.key).domain() }
        }
        r.locations = try await SocialMapLocationRecord.query(on: db).all().sorted { $0.key < $1.key }.compactMap { rec in
            read("locatie", rec.key) { try Payload.decode(Payload.Location.self, rec.payload, table: "locatie", key: rec.key).domain() }
        }
        for rec in try await SocialMapHSDSRecord.query(on: db).all().sorted(by: { $0.key < $1.key }) {
            switch rec.kind {
            case "phone": if let v = read("telefoon", rec.key, { try Payload.decode(Payload.Phone.self, rec.payload, table: "telefoon", key: rec.key).domain() }) { r.phones.append(v) }
            case "contact": if let v = read("contact", rec.key, { try Payload.decode(Payload.Contact.self, rec.payload, table: "contact", key: rec.key).domain() }) { r.contacts.append(v) }
            case "taxonomy": if let v = read("taxonomie", rec.key, { try Payload.decode(Payload.Term.self, rec.payload, table: "taxonomie", key: rec.key).domain() }) { r.taxonomyTerms.append(v) }
            default: continue
            }
        }
        let memberships = Dictionary(grouping: try await SocialMapMembershipRecord.query(on: db).sort(\.$position).all(), by: \.networkKey)
        r.networks = try await SocialMapNetworkRecord.query(on: db).all().sorted { $0.key < $1.key }.compactMap { rec in
            read("netwerk", rec.key) {
                try Payload.decode(Payload.Network.self, rec.payload, table: "netwerk", key: rec.key)
                    .domain(memberships: (memberships[rec.key] ?? []).map { SM.Membership(memberID: $0.memberKey, role: $0.role) })
            }
        }
        r.collaborations = try await SocialMapCollaborationRecord.query(on: db).all().sorted { ($0.a, $0.b) < ($1.a, $1.b) }.compactMap {
            try? SM.Collaboration($0.a, $0.b, topic: $0.topic, since: $0.since.flatMap(SM.Day.init(iso:)), isDerived: $0.isDerived)
        }
        // References to skipped records would make the register fail validation: drop them too.
        if !skipped.isEmpty { r = r.withoutDanglingReferences() }
        return (r, skipped)
    }

    /// Foundation organisation maintaining each organisation, service and network (by key).
    public struct Maintainers: Sendable {
        public var organisations: [String: UUID] = [:]
        public var services: [String: UUID] = [:]
        public var networks: [String: UUID] = [:]
    }

    public static func maintainers(on db: any Database) async throws -> Maintainers {
        var m = Maintainers()
        for r in try await SocialMapOrganisationRecord.query(on: db).all() { if let id = r.maintainerID { m.organisations[r.key] = id } }
        for r in try await SocialMapServiceRecord.query(on: db).all() { if let id = r.maintainerID { m.services[r.key] = id } }
        for r in try await SocialMapNetworkRecord.query(on: db).all() { if let id = r.maintainerID { m.networks[r.key] = id } }
        return m
    }

    // MARK: Merging

    /// `base` with every record of `incoming` replacing the one with the same id (or added).
    /// A contact person without name/e-mail (public exports leave them out) keeps the stored ones.
    public static func merged(_ base: SocialMap.Register, with incoming: SocialMap.Register) -> SocialMap.Register {
        func merge<T>(_ a: [T], _ b: [T], id: (T) -> String, combine: (T, T) -> T = { _, new in new }) -> [T] {
            var out = a
            var index = Dictionary(a.enumerated().map { (id($0.element), $0.offset) }, uniquingKeysWith: { x, _ in x })
            for item in b {
                if let i = index[id(item)] { out[i] = combine(out[i], item) } else { index[id(item)] = out.count; out.append(item) }
            }
            return out
        }
        var r = base
        r.organisations = merge(base.organisations, incoming.organisations, id: \.id)
        r.services = merge(base.services, incoming.services, id: \.id)
        r.locations = merge(base.locations, incoming.locations, id: \.id)
        r.phones = merge(base.phones, incoming.phones, id: \.id)
        r.contacts = merge(base.contacts, incoming.contacts, id: \.id) { old, new in
            var c = new
            if c.name == nil { c.name = old.name }
            if c.email == nil { c.email = old.email }
            return c
        }
        r.taxonomyTerms = merge(base.taxonomyTerms, incoming.taxonomyTerms, id: \.id)
        r.networks = merge(base.networks, incoming.networks, id: \.id)
        r.collaborations = merge(base.collaborations, incoming.collaborations, id: { $0.a + "\u{1F}" + $0.b })
        return r
    }

    // MARK: Writing

    public struct WriteSummary: Sendable, CustomStringConvertible {
        public var created: [String: Int] = [:]
        public var updated: [String: Int] = [:]
        mutating func count(_ kind: String, created isNew: Bool) {
            if isNew { created[kind, default: 0] += 1 } else { updated[kind, default: 0] += 1 }
        }
        public var description: String {
            let order = ["organisaties", "diensten en initiatieven", "locaties", "telefoonnummers", "contactpersonen", "taxonomietermen",
                         "netwerken", "samenwerkingen"]
            let parts = order.compactMap { kind -> String? in
                let c = created[kind] ?? 0, u = updated[kind] ?? 0
                guard c + u > 0 else { return nil }
                return "\(c + u) \(kind) (\(c) nieuw, \(u) bijgewerkt)"
            }
            return parts.isEmpty ? "niets te doen" : parts.joined(separator: ", ")
        }
    }

    /// Validates `base ∪ incoming` and writes `incoming` in one transaction with an audit entry;
    /// on any problem nothing is written. `maintainer` gives the foundation organisation for
    /// new records (existing records keep theirs unless `overrideMaintainer`).
    @discardableResult
    public static func write(_ incoming: SocialMap.Register, on db: any Database, maintainer: UUID? = nil, overrideMaintainer: Bool = false,
                             maintainerFor: (@Sendable (String) -> UUID?)? = nil,
                             user: User? = nil, actor: String, action: String, summary what: String) async throws -> WriteSummary {
        let base = try await load(on: db)
        try merged(base, with: incoming).validate()
        return try await db.transaction { db in
            var s = WriteSummary()
            func owner(_ key: String, existing: UUID?, isNew: Bool) -> UUID? {
                if let f = maintainerFor, let m = f(key) { return m }
                return (isNew || overrideMaintainer) ? (maintainer ?? existing) : existing
            }
            let orgs = Dictionary(try await SocialMapOrganisationRecord.query(on: db).all().map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
            for o in incoming.organisations {
                let rec = orgs[o.id] ?? SocialMapOrganisationRecord()
                let isNew = rec.id == nil
                rec.key = o.id; rec.name = o.name; rec.lastChecked = o.lastChecked?.iso; rec.isExample = o.isExample
                rec.payload = Payload.encode(Payload.Organisation(o))
                rec.maintainerID = owner(o.id, existing: rec.maintainerID, isNew: isNew)
                try await rec.save(on: db); s.count("organisaties", created: isNew)
            }
            let orgMaintainers = Dictionary(try await SocialMapOrganisationRecord.query(on: db).all().compactMap { r in r.maintainerID.map { (r.key, $0) } },
                                            uniquingKeysWith: { a, _ in a })
            let services = Dictionary(try await SocialMapServiceRecord.query(on: db).all().map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
            for sv in incoming.services {
                let rec = services[sv.id] ?? SocialMapServiceRecord()
                let isNew = rec.id == nil
                rec.key = sv.id; rec.organisationKey = sv.organisationID; rec.name = sv.name; rec.kind = sv.kind.rawValue
                rec.lastChecked = sv.lastChecked?.iso; rec.isExample = sv.isExample; rec.payload = Payload.encode(Payload.Service(sv))
                // A new service is maintained by whoever maintains its organisation, unless told otherwise.
                rec.maintainerID = owner(sv.id, existing: rec.maintainerID, isNew: isNew) ?? (isNew ? orgMaintainers[sv.organisationID] : nil)
                try await rec.save(on: db); s.count("diensten en initiatieven", created: isNew)
            }
            let locations = Dictionary(try await SocialMapLocationRecord.query(on: db).all().map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
            for l in incoming.locations {
                let rec = locations[l.id] ?? SocialMapLocationRecord()
                let isNew = rec.id == nil
                rec.key = l.id; rec.organisationKey = l.organisationID; rec.latitude = l.latitude; rec.longitude = l.longitude
                rec.municipalityCode = l.municipalityCode; rec.positionIsApproximate = l.positionIsApproximate
                rec.payload = Payload.encode(Payload.Location(l))
                try await rec.save(on: db); s.count("locaties", created: isNew)
            }
            let others = Dictionary(try await SocialMapHSDSRecord.query(on: db).all().map { ($0.kind + "/" + $0.key, $0) }, uniquingKeysWith: { a, _ in a })
            func other(_ kind: String, _ key: String, _ payload: String, _ label: String) async throws {
                let rec = others[kind + "/" + key] ?? SocialMapHSDSRecord()
                let isNew = rec.id == nil
                rec.kind = kind; rec.key = key; rec.payload = payload
                try await rec.save(on: db); s.count(label, created: isNew)
            }
            for p in incoming.phones { try await other("phone", p.id, Payload.encode(Payload.Phone(p)), "telefoonnummers") }
            let baseContacts = Dictionary(base.contacts.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            for c in incoming.contacts {
                var c = c
                if let old = baseContacts[c.id] { c.name = c.name ?? old.name; c.email = c.email ?? old.email }
                try await other("contact", c.id, Payload.encode(Payload.Contact(c)), "contactpersonen")
            }
            for t in incoming.taxonomyTerms { try await other("taxonomy", t.id, Payload.encode(Payload.Term(t)), "taxonomietermen") }
            let networks = Dictionary(try await SocialMapNetworkRecord.query(on: db).all().map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
            for n in incoming.networks {
                let rec = networks[n.id] ?? SocialMapNetworkRecord()
                let isNew = rec.id == nil
                rec.key = n.id; rec.name = n.name; rec.lastChecked = n.lastChecked?.iso; rec.payload = Payload.encode(Payload.Network(n))
                rec.maintainerID = owner(n.id, existing: rec.maintainerID, isNew: isNew)
                try await rec.save(on: db); s.count("netwerken", created: isNew)
                try await SocialMapMembershipRecord.query(on: db).filter(\.$networkKey == n.id).delete()
                for (i, m) in n.memberships.enumerated() {
                    let mr = SocialMapMembershipRecord()
                    mr.networkKey = n.id; mr.memberKey = m.memberID; mr.role = m.role; mr.position = i
                    try await mr.create(on: db)
                }
            }
            for c in incoming.collaborations {
                let existing = try await SocialMapCollaborationRecord.query(on: db).filter(\.$a == c.a).filter(\.$b == c.b).all()
                for e in existing { try await e.delete(on: db) }
                let rec = SocialMapCollaborationRecord()
                rec.a = c.a; rec.b = c.b; rec.topic = c.topic; rec.since = c.since?.iso; rec.isDerived = c.isDerived
                rec.enteredBy = user?.$organisation.id ?? maintainer
                try await rec.create(on: db); s.count("samenwerkingen", created: existing.isEmpty)
            }
            try await Audit.record(on: db, user: user, actor: actor, action: action, entity: "sociale kaart", summary: "\(what): \(s)")
            return s
        }
    }
}
