import AppCore
import Fluent
import Vapor
import VitaalDomain

/// Reads and writes the social map register. Writing is an upsert by id (the register's `key`):
/// records not named in the input stay as they are, so an HSDS file never deletes anything.
public enum SocialMapStore {
    // MARK: Reading

    /// The whole register as stored. A record whose payload cannot be read is skipped and logged
    /// (`skipped` lists them), so one corrupt row never takes down every social-map page and API.
    public static func load(on db: any Database) async throws -> SocialMap.Register {
        try await loadReporting(on: db).register
    }

    /// As `load`, with the records that were skipped because their payload is corrupt ("dienst x: …").
    public static func loadReporting(on db: any Database) async throws
        -> (register: SocialMap.Register, skipped: [String])
    {
        var reader = PayloadReader(db: db)
        var register = SocialMap.Register()
        register.organisations = try await SocialMapOrganisationRecord.query(on: db).filter(\.$archivedOn == nil).all()
            .sorted { $0.key < $1.key }
            .compactMap { record in
                reader.read("organisatie", record.key) {
                    try Payload.decode(
                        Payload.Organisation.self, record.payload, table: "organisatie",
                        key: record.key
                    ).domain()
                }
            }
        register.services = try await SocialMapServiceRecord.query(on: db).filter(\.$archivedOn == nil).all().sorted {
            $0.key < $1.key
        }
        .compactMap { record in
            reader.read("dienst", record.key) {
                try Payload.decode(Payload.Service.self, record.payload, table: "dienst", key: record.key).domain()
            }
        }
        register.locations = try await SocialMapLocationRecord.query(on: db).filter(\.$archivedOn == nil).all().sorted {
            $0.key < $1.key
        }
        .compactMap { record in
            reader.read("locatie", record.key) {
                try Payload.decode(
                    Payload.Location.self, record.payload, table: "locatie",
                    key: record.key
                ).domain()
            }
        }
        try await readOtherRecords(into: &register, reader: &reader, on: db)
        register.networks = try await readNetworks(reader: &reader, on: db)
        register.collaborations = try await SocialMapCollaborationRecord.query(on: db).all()
            .sorted { ($0.a, $0.b) < ($1.a, $1.b) }
            .compactMap { record in
                try? SocialMap.Collaboration(
                    record.a, record.b, topic: record.topic,
                    since: record.since.flatMap(SocialMap.Day.init(iso:)),
                    isDerived: record.isDerived)
            }
        // References to skipped or archived records would make the register fail validation: drop
        // them too (the stored payloads keep them).
        register = register.withoutDanglingReferences()
        return (register, reader.skipped)
    }

    /// Phones, contact persons and foreign taxonomy terms (one table, by kind).
    private static func readOtherRecords(
        into register: inout SocialMap.Register, reader: inout PayloadReader,
        on db: any Database
    ) async throws {
        for record in try await SocialMapHSDSRecord.query(on: db).filter(\.$archivedOn == nil).all()
            .sorted(by: { $0.key < $1.key })
        {
            let key = record.key
            let payload = record.payload
            switch record.kind {
            case "phone":
                if let phone = reader.read(
                    "telefoon", key,
                    {
                        try Payload.decode(Payload.Phone.self, payload, table: "telefoon", key: key).domain()
                    })
                {
                    register.phones.append(phone)
                }
            case "contact":
                if let contact = reader.read(
                    "contact", key,
                    {
                        try Payload.decode(Payload.Contact.self, payload, table: "contact", key: key).domain()
                    })
                {
                    register.contacts.append(contact)
                }
            case "taxonomy":
                if let term = reader.read(
                    "taxonomie", key,
                    {
                        try Payload.decode(Payload.Term.self, payload, table: "taxonomie", key: key).domain()
                    })
                {
                    register.taxonomyTerms.append(term)
                }
            case "hsds-table":
                if let table = reader.read("HSDS-tabel", key, { try SocialMap.HSDSTable(jsonText: payload) }) {
                    register.otherHSDSTables.append(table)
                }
            default:
                continue
            }
        }
    }

    private static func readNetworks(reader: inout PayloadReader, on db: any Database) async throws
        -> [SocialMap.Network]
    {
        let membershipRecords = try await SocialMapMembershipRecord.query(on: db).sort(\.$position).all()
        let memberships = Dictionary(grouping: membershipRecords, by: \.networkKey)
        return try await SocialMapNetworkRecord.query(on: db).all().sorted { $0.key < $1.key }.compactMap { record in
            reader.read("netwerk", record.key) {
                let members = (memberships[record.key] ?? []).map {
                    SocialMap.Membership(memberID: $0.memberKey, role: $0.role)
                }
                return try Payload.decode(Payload.Network.self, record.payload, table: "netwerk", key: record.key)
                    .domain(memberships: members)
            }
        }
    }

    /// Decodes payloads, collecting (and logging) the ones that cannot be read.
    private struct PayloadReader {
        let db: any Database
        var skipped: [String] = []

        mutating func read<T>(_ table: String, _ key: String, _ make: () throws -> T) -> T? {
            do { return try make() } catch {
                skipped.append("\(table) \(key): \(error)")
                db.logger.error(
                    "sociale kaart: onleesbaar record overgeslagen",
                    metadata: ["tabel": .string(table), "key": .string(key), "fout": .string("\(error)")])
                return nil
            }
        }
    }

    /// Foundation organisation maintaining each organisation, service and network (by key).
    public struct Maintainers: Sendable {
        public var organisations: [String: UUID] = [:]
        public var services: [String: UUID] = [:]
        public var networks: [String: UUID] = [:]
    }

    public static func maintainers(on db: any Database) async throws -> Maintainers {
        var maintainers = Maintainers()
        for record in try await SocialMapOrganisationRecord.query(on: db).all() {
            if let id = record.maintainerID { maintainers.organisations[record.key] = id }
        }
        for record in try await SocialMapServiceRecord.query(on: db).all() {
            if let id = record.maintainerID { maintainers.services[record.key] = id }
        }
        for record in try await SocialMapNetworkRecord.query(on: db).all() {
            if let id = record.maintainerID { maintainers.networks[record.key] = id }
        }
        return maintainers
    }

    // MARK: Merging

    /// `base` with every record of `incoming` replacing the one with the same id (or added).
    /// A contact person without name/e-mail (public exports leave them out) keeps the stored ones.
    public static func merged(_ base: SocialMap.Register, with incoming: SocialMap.Register) -> SocialMap.Register {
        var register = base
        register.organisations = merge(base.organisations, incoming.organisations, id: \.id)
        register.services = merge(base.services, incoming.services, id: \.id)
        register.locations = merge(base.locations, incoming.locations, id: \.id)
        register.phones = merge(base.phones, incoming.phones, id: \.id)
        register.contacts = merge(base.contacts, incoming.contacts, id: \.id) { old, new in
            var contact = new
            if contact.name == nil { contact.name = old.name }
            if contact.email == nil { contact.email = old.email }
            return contact
        }
        register.taxonomyTerms = merge(base.taxonomyTerms, incoming.taxonomyTerms, id: \.id)
        register.networks = merge(base.networks, incoming.networks, id: \.id)
        register.collaborations = merge(base.collaborations, incoming.collaborations, id: { $0.a + "\u{1F}" + $0.b })
        return register
    }

    private static func merge<T>(
        _ base: [T], _ incoming: [T], id: (T) -> String,
        combine: (T, T) -> T = { _, new in new }
    ) -> [T] {
        var result = base
        var index = Dictionary(
            base.enumerated().map { (id($0.element), $0.offset) },
            uniquingKeysWith: { first, _ in first })
        for item in incoming {
            if let position = index[id(item)] {
                result[position] = combine(result[position], item)
            } else {
                index[id(item)] = result.count
                result.append(item)
            }
        }
        return result
    }
}
