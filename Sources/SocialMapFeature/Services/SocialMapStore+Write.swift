import AppCore
import Fluent
import Vapor
import VitaalDomain

extension SocialMapStore {
    /// How many records of each kind a write created and updated.
    public struct WriteSummary: Sendable, CustomStringConvertible {
        public var created: [String: Int] = [:]
        public var updated: [String: Int] = [:]

        mutating func count(_ kind: String, created isNew: Bool) {
            if isNew { created[kind, default: 0] += 1 } else { updated[kind, default: 0] += 1 }
        }

        public var description: String {
            let order = [
                "organisaties", "diensten en initiatieven", "locaties", "telefoonnummers", "contactpersonen",
                "taxonomietermen", "HSDS-tabellen", "netwerken", "samenwerkingen"
            ]
            let parts = order.compactMap { kind -> String? in
                let new = created[kind] ?? 0
                let changed = updated[kind] ?? 0
                guard new + changed > 0 else { return nil }
                return "\(new + changed) \(kind) (\(new) nieuw, \(changed) bijgewerkt)"
            }
            return parts.isEmpty ? "niets te doen" : parts.joined(separator: ", ")
        }
    }

    /// Who maintains written records: `maintainer` gives the foundation organisation for new
    /// records (existing records keep theirs unless `overrideMaintainer`); `maintainerFor` wins.
    struct MaintainerRule: Sendable {
        var maintainer: UUID?
        var overrideMaintainer: Bool
        var maintainerFor: (@Sendable (String) -> UUID?)?

        func owner(_ key: String, existing: UUID?, isNew: Bool) -> UUID? {
            if let maintainerFor, let chosen = maintainerFor(key) { return chosen }
            return (isNew || overrideMaintainer) ? (maintainer ?? existing) : existing
        }
    }

    /// Validates `base ∪ incoming` and writes `incoming` in one transaction with an audit entry;
    /// on any problem nothing is written.
    @discardableResult
    public static func write(
        _ incoming: SocialMap.Register, on db: any Database, maintainer: UUID? = nil,
        overrideMaintainer: Bool = false, maintainerFor: (@Sendable (String) -> UUID?)? = nil,
        user: User? = nil, actor: String, action: String,
        summary what: String, at now: Date, refreshDerivedCollaborations: Bool = false
    ) async throws -> WriteSummary {
        try incoming.validateFields()
        let base = try await load(on: db)
        let after = merged(base, with: incoming)
        try after.validate()
        let rule = MaintainerRule(
            maintainer: maintainer, overrideMaintainer: overrideMaintainer,
            maintainerFor: maintainerFor)
        let enteredBy = user?.$organisation.id ?? maintainer
        return try await db.transaction { db in
            var summary = WriteSummary()
            try await writeOrganisations(incoming.organisations, rule, &summary, on: db)
            try await writeServices(incoming.services, rule, &summary, on: db)
            try await writeLocations(incoming.locations, &summary, on: db)
            try await writeOtherRecords(incoming, base: base, &summary, on: db)
            try await writeNetworks(incoming.networks, rule, &summary, on: db)
            try await writeCollaborations(incoming.collaborations, enteredBy: enteredBy, &summary, on: db)
            if refreshDerivedCollaborations { try await refreshDerived(after.networks, on: db) }
            try await Audit.record(
                on: db, user: user, actor: actor, action: action, entity: "sociale kaart",
                summary: "\(what): \(summary)", at: now)
            return summary
        }
    }

    /// The organisations, services and networks of `incoming` that are stored already and maintained
    /// by another organisation than `organisation`, as problems naming the record and its maintainer.
    static func maintainedByOthers(
        _ incoming: SocialMap.Register, than organisation: Organisation, on db: any Database
    ) async throws -> [Problem] {
        let names = Dictionary(
            try await Organisation.query(on: db).all().compactMap { org in org.id.map { ($0, org.name) } },
            uniquingKeysWith: { first, _ in first })
        let mine = organisation.id
        var problems: [Problem] = []
        func check(_ label: String, _ keys: [String], _ stored: [(key: String, maintainer: UUID?)]) {
            let byKey = Dictionary(stored.map { ($0.key, $0.maintainer) }, uniquingKeysWith: { first, _ in first })
            for key in keys {
                guard let other = byKey[key] ?? nil, other != mine else { continue }
                problems.append(
                    Problem(
                        "\(label) ‘\(key)’ wordt bijgehouden door \(names[other] ?? "een andere organisatie")",
                        at: SourceLocation(field: "id", element: key)))
            }
        }
        // Whole tables, as the writers below read them (no IN list that a large package could overflow).
        let organisations = incoming.organisations.map(\.id)
        if !organisations.isEmpty {
            let stored = try await SocialMapOrganisationRecord.query(on: db).all()
            check("organisatie", organisations, stored.map { ($0.key, $0.maintainerID) })
        }
        let services = incoming.services.map(\.id)
        if !services.isEmpty {
            let stored = try await SocialMapServiceRecord.query(on: db).all()
            check("dienst", services, stored.map { ($0.key, $0.maintainerID) })
        }
        let networks = incoming.networks.map(\.id)
        if !networks.isEmpty {
            let stored = try await SocialMapNetworkRecord.query(on: db).all()
            check("netwerk", networks, stored.map { ($0.key, $0.maintainerID) })
        }
        return problems
    }

    private static func byKey<Record>(_ records: [Record], _ key: (Record) -> String) -> [String: Record] {
        Dictionary(records.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
    }

    private static func writeOrganisations(
        _ organisations: [SocialMap.Organisation], _ rule: MaintainerRule,
        _ summary: inout WriteSummary, on db: any Database
    ) async throws {
        let stored = byKey(try await SocialMapOrganisationRecord.query(on: db).all(), \.key)
        for organisation in organisations {
            let record = stored[organisation.id] ?? SocialMapOrganisationRecord()
            let isNew = record.id == nil
            record.key = organisation.id
            record.name = organisation.name
            record.lastChecked = organisation.lastChecked?.iso
            record.isExample = organisation.isExample
            record.payload = Payload.encode(Payload.Organisation(organisation))
            record.maintainerID = rule.owner(organisation.id, existing: record.maintainerID, isNew: isNew)
            try await record.save(on: db)
            summary.count("organisaties", created: isNew)
        }
    }

    private static func writeServices(
        _ services: [SocialMap.Service], _ rule: MaintainerRule,
        _ summary: inout WriteSummary, on db: any Database
    ) async throws {
        let organisationMaintainers = Dictionary(
            try await SocialMapOrganisationRecord.query(on: db).all().compactMap { record in
                record.maintainerID.map { (record.key, $0) }
            }, uniquingKeysWith: { first, _ in first })
        let stored = byKey(try await SocialMapServiceRecord.query(on: db).all(), \.key)
        for service in services {
            let record = stored[service.id] ?? SocialMapServiceRecord()
            let isNew = record.id == nil
            record.key = service.id
            record.organisationKey = service.organisationID
            record.name = service.name
            record.kind = service.kind.rawValue
            record.lastChecked = service.lastChecked?.iso
            record.isExample = service.isExample
            record.payload = Payload.encode(Payload.Service(service))
            // A new service is maintained by whoever maintains its organisation, unless told otherwise.
            record.maintainerID =
                rule.owner(service.id, existing: record.maintainerID, isNew: isNew)
                ?? (isNew ? organisationMaintainers[service.organisationID] : nil)
            try await record.save(on: db)
            summary.count("diensten en initiatieven", created: isNew)
        }
    }

    private static func writeLocations(
        _ locations: [SocialMap.Location], _ summary: inout WriteSummary,
        on db: any Database
    ) async throws {
        let stored = byKey(try await SocialMapLocationRecord.query(on: db).all(), \.key)
        for location in locations {
            let record = stored[location.id] ?? SocialMapLocationRecord()
            let isNew = record.id == nil
            record.key = location.id
            record.organisationKey = location.organisationID
            record.latitude = location.latitude
            record.longitude = location.longitude
            record.municipalityCode = location.municipalityCode
            record.positionIsApproximate = location.positionIsApproximate
            record.payload = Payload.encode(Payload.Location(location))
            try await record.save(on: db)
            summary.count("locaties", created: isNew)
        }
    }

    /// Phones, contact persons and taxonomy terms. A contact person without name or e-mail (public
    /// exports leave them out) keeps the stored ones.
    private static func writeOtherRecords(
        _ incoming: SocialMap.Register, base: SocialMap.Register,
        _ summary: inout WriteSummary, on db: any Database
    ) async throws {
        let stored = byKey(try await SocialMapHSDSRecord.query(on: db).all()) { $0.kind + "/" + $0.key }
        func save(_ kind: String, _ key: String, _ payload: String, _ label: String) async throws {
            let record = stored[kind + "/" + key] ?? SocialMapHSDSRecord()
            let isNew = record.id == nil
            record.kind = kind
            record.key = key
            record.payload = payload
            try await record.save(on: db)
            summary.count(label, created: isNew)
        }
        for phone in incoming.phones {
            try await save("phone", phone.id, Payload.encode(Payload.Phone(phone)), "telefoonnummers")
        }
        let storedContacts = byKey(base.contacts, \.id)
        for incomingContact in incoming.contacts {
            var contact = incomingContact
            if let old = storedContacts[contact.id] {
                contact.name = contact.name ?? old.name
                contact.email = contact.email ?? old.email
            }
            try await save("contact", contact.id, Payload.encode(Payload.Contact(contact)), "contactpersonen")
        }
        for term in incoming.taxonomyTerms {
            try await save("taxonomy", term.id, Payload.encode(Payload.Term(term)), "taxonomietermen")
        }
        // HSDS tables without records of their own (meta_table_descriptions, unknown tables): one row per table.
        for table in incoming.otherHSDSTables {
            try await save("hsds-table", table.name, table.jsonText, "HSDS-tabellen")
        }
    }

    private static func writeNetworks(
        _ networks: [SocialMap.Network], _ rule: MaintainerRule,
        _ summary: inout WriteSummary, on db: any Database
    ) async throws {
        let stored = byKey(try await SocialMapNetworkRecord.query(on: db).all(), \.key)
        for network in networks {
            let record = stored[network.id] ?? SocialMapNetworkRecord()
            let isNew = record.id == nil
            record.key = network.id
            record.name = network.name
            record.lastChecked = network.lastChecked?.iso
            record.payload = Payload.encode(Payload.Network(network))
            record.maintainerID = rule.owner(network.id, existing: record.maintainerID, isNew: isNew)
            try await record.save(on: db)
            summary.count("netwerken", created: isNew)
            // Memberships are replaced as a whole, in the order given.
            try await SocialMapMembershipRecord.query(on: db).filter(\.$networkKey == network.id).delete()
            for (position, membership) in network.memberships.enumerated() {
                let member = SocialMapMembershipRecord()
                member.networkKey = network.id
                member.memberKey = membership.memberID
                member.role = membership.role
                member.position = position
                try await member.create(on: db)
            }
        }
    }

    private static func writeCollaborations(
        _ collaborations: [SocialMap.Collaboration], enteredBy: UUID?,
        _ summary: inout WriteSummary, on db: any Database
    ) async throws {
        for collaboration in collaborations {
            let existing = try await SocialMapCollaborationRecord.query(on: db)
                .filter(\.$a == collaboration.a).filter(\.$b == collaboration.b).all()
            for record in existing { try await record.delete(on: db) }
            let record = SocialMapCollaborationRecord()
            record.a = collaboration.a
            record.b = collaboration.b
            record.topic = collaboration.topic
            record.since = collaboration.since?.iso
            record.isDerived = collaboration.isDerived
            record.enteredBy = enteredBy
            try await record.create(on: db)
            summary.count("samenwerkingen", created: existing.isEmpty)
        }
    }

    /// Replaces the derived collaborations (co-membership of a listed network) by those of
    /// `networks`, so the network pages and analyses follow a change of memberships at once. A pair
    /// with a reported collaboration keeps only that one.
    private static func refreshDerived(_ networks: [SocialMap.Network], on db: any Database) async throws {
        try await SocialMapCollaborationRecord.query(on: db).filter(\.$isDerived == true).delete()
        let reported = Set(
            try await SocialMapCollaborationRecord.query(on: db).all().map { $0.a + "\u{1F}" + $0.b })
        for collaboration in SocialMap.Register.coMembershipCollaborations(of: networks)
        where !reported.contains(collaboration.a + "\u{1F}" + collaboration.b) {
            let record = SocialMapCollaborationRecord()
            record.a = collaboration.a
            record.b = collaboration.b
            record.topic = collaboration.topic
            record.isDerived = true
            try await record.create(on: db)
        }
    }

    /// Entries to archive together (by key).
    struct ArchiveSet: Sendable, Equatable {
        var organisations: [String] = []
        var services: [String] = []
        var locations: [String] = []
        var contacts: [String] = []
    }

    /// Marks the entries archived on `day` in one transaction with an audit entry. Archived
    /// entries stay in the database but vanish from `load` (pages, API, exports).
    static func archive(
        _ set: ArchiveSet, day: SocialMap.Day, user: User, summary: String, at now: Date,
        on db: any Database
    ) async throws {
        try await db.transaction { db in
            if !set.organisations.isEmpty {
                try await SocialMapOrganisationRecord.query(on: db).filter(\.$key ~~ set.organisations)
                    .set(\.$archivedOn, to: day.iso).update()
            }
            if !set.services.isEmpty {
                try await SocialMapServiceRecord.query(on: db).filter(\.$key ~~ set.services)
                    .set(\.$archivedOn, to: day.iso).update()
            }
            if !set.locations.isEmpty {
                try await SocialMapLocationRecord.query(on: db).filter(\.$key ~~ set.locations)
                    .set(\.$archivedOn, to: day.iso).update()
            }
            if !set.contacts.isEmpty {
                try await SocialMapHSDSRecord.query(on: db).filter(\.$kind == "contact")
                    .filter(\.$key ~~ set.contacts).set(\.$archivedOn, to: day.iso).update()
            }
            try await Audit.record(
                on: db, user: user, actor: user.email, action: "gearchiveerd", entity: "sociale kaart",
                summary: summary, at: now)
        }
    }

    /// Every key in use by an organisation, offer, location, contact person or network, archived
    /// ones included (a new entry never reuses one).
    static func usedKeys(on db: any Database) async throws -> Set<String> {
        var keys = Set(try await SocialMapOrganisationRecord.query(on: db).all().map(\.key))
        keys.formUnion(try await SocialMapServiceRecord.query(on: db).all().map(\.key))
        keys.formUnion(try await SocialMapLocationRecord.query(on: db).all().map(\.key))
        keys.formUnion(try await SocialMapHSDSRecord.query(on: db).all().map(\.key))
        keys.formUnion(try await SocialMapNetworkRecord.query(on: db).all().map(\.key))
        return keys
    }

    /// A new key from `name`: its slug (at most 60 characters), with "-2", "-3", … when taken;
    /// never a word the routes use ("nieuw").
    static func newKey(_ name: String, prefix: String = "", on db: any Database) async throws -> String {
        let taken = try await usedKeys(on: db).union(["nieuw", CollaborationNetwork.allID])
        var base = prefix + String(Slug.make(name).prefix(60))
        while base.hasSuffix("-") { base.removeLast() }
        if base.isEmpty || base == prefix { base = prefix + "item" }
        var key = base
        var n = 2
        while taken.contains(key) {
            key = "\(base)-\(n)"
            n += 1
        }
        return key
    }
}
