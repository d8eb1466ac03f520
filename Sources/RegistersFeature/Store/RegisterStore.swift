import AppCore
import Fluent
import Foundation
import MonitorFeature
import Vapor
import VitaalDomain

/// Loading and saving register entries. Every write saves the entry, appends its version and
/// records the audit entry in one transaction, so a change is either complete or not there.
enum RegisterStore {
    /// An entry as pages, API and export use it.
    struct Stored: Sendable {
        var id: UUID
        var kind: RegisterKind
        var entry: RegisterEntry
        var organisationID: UUID?
        var organisationName: String?
        var version: Int
        var updatedAt: Date
        /// The definition's imported date (a source's "Laatste import") is the import history's,
        /// not the typed one (`RegisterLinks.visible`).
        var importedDate = false
        var title: String { entry.values[kind.definition.titleKey] ?? entry.key }
    }

    struct Version: Sendable {
        var version: Int
        var at: Date
        var actor: String
        var status: String?
        var values: RegisterValues
        var note: String?
    }

    static func all(_ kind: RegisterKind, on db: any Database) async throws -> [Stored] {
        let records = try await RegisterEntryRecord.query(on: db).filter(\.$register == kind.rawValue)
            .with(\.$organisation).all()
        // Sorted here, not in SQL: SQLite and PostgreSQL collate case and accents differently.
        return try records.map { try stored($0, kind) }.sorted { a, b in
            if kind == .commitments || kind == .signals, a.entry.values["date"] != b.entry.values["date"] {
                return (a.entry.values["date"] ?? "") > (b.entry.values["date"] ?? "")  // newest first
            }
            let (x, y) = (RegisterFilter.sortKey(a.title), RegisterFilter.sortKey(b.title))
            return x != y ? x < y : a.entry.key < b.entry.key
        }
    }

    static func find(_ kind: RegisterKind, key: String, on db: any Database) async throws -> Stored {
        guard
            let record = try await RegisterEntryRecord.query(on: db).filter(\.$register == kind.rawValue)
                .filter(\.$key == key).with(\.$organisation).first()
        else {
            throw VitaalError(.notFound, "Deze \(kind.definition.singular) bestaat niet.")
        }
        return try stored(record, kind)
    }

    static func versions(of id: UUID, on db: any Database) async throws -> [Version] {
        try await RegisterVersionRecord.query(on: db).filter(\.$entry.$id == id).sort(\.$version, .descending).all()
            .map {
                Version(
                    version: $0.version, at: $0.at, actor: $0.actor, status: $0.status, values: $0.values, note: $0.note
                )
            }
    }

    private static func stored(_ record: RegisterEntryRecord, _ kind: RegisterKind) throws -> Stored {
        Stored(
            id: try record.requireID(), kind: kind, entry: record.entry, organisationID: record.$organisation.id,
            organisationName: record.organisation?.name, version: record.version, updatedAt: record.updatedAt)
    }

    /// The regions a signal can be about: the province and its municipalities (code, name), in
    /// the regions' own order.
    static func regions(on db: any Database) async throws -> [(code: String, name: String)] {
        try await Region.query(on: db)
            .filter(\.$kind ~~ [RegionKind.provincie.rawValue, RegionKind.gemeente.rawValue])
            .sort(\.$sortOrder).sort(\.$code).all()
            .map { (code: $0.code, name: $0.name) }
    }

    /// The monitor's indicators with their source text, as far as the viewer may see them.
    static func monitorIndicators(loggedIn: Bool, on db: any Database) async throws -> [(
        code: String, name: String, source: String
    )] {
        try await MonitorLookup.indicatorSources(audience: MonitorLookup.audience(loggedIn: loggedIn), on: db)
    }

    /// A key for a new entry: the title as a slug, made unique within the register.
    static func newKey(_ kind: RegisterKind, title: String, on db: any Database) async throws -> String {
        let base = RegisterDemoData.slug(title).isEmpty ? kind.definition.slug : RegisterDemoData.slug(title)
        let taken = Set(
            try await RegisterEntryRecord.query(on: db).filter(\.$register == kind.rawValue).all(\.$key))
        var key = base
        var n = 1
        while taken.contains(key) || RegisterURL.reservedKeys.contains(key) {
            n += 1
            key = "\(base)-\(n)"
        }
        return key
    }

    /// Creates an entry with its first version and audit entry.
    @discardableResult
    static func create(
        _ kind: RegisterKind, key: String, status: String?, values: RegisterValues, organisationID: UUID?,
        isExample: Bool = false, user: User?, actor: String? = nil, note: String? = nil, at now: Date,
        on db: any Database
    ) async throws -> UUID {
        try await db.transaction { db in
            let record = RegisterEntryRecord()
            record.register = kind.rawValue
            record.key = key
            record.title = String((values[kind.definition.titleKey] ?? key).prefix(300))
            record.status = status
            record.$organisation.id = organisationID
            record.payload = RegisterEntryRecord.encode(values)
            record.isExample = isExample
            record.version = 1
            record.createdAt = now
            record.updatedAt = now
            try await record.create(on: db)
            let id = try record.requireID()
            try await addVersion(record, actor: user?.email ?? actor ?? "systeem", note: note ?? "aangemaakt", on: db)
            try await Audit.record(
                on: db, user: user, actor: actor, action: "aangemaakt", entity: kind.auditEntity, entityID: key,
                summary: "\(kind.definition.title): \(record.title) aangemaakt", at: now)
            return id
        }
    }

    /// A write based on another version than the stored one (409): someone else saved in between.
    static let staleVersion = VitaalError(
        .conflict, "Iemand anders heeft dit record intussen gewijzigd; open het opnieuw en probeer het nog eens.")

    /// Saves new values and/or a new status as the next version, with its audit entry. Refused
    /// (`staleVersion`) when the stored entry is no longer at `stored.version`.
    static func update(
        _ stored: Stored, status: String?, values: RegisterValues, user: User, action: String, note: String?,
        at now: Date, on db: any Database
    ) async throws {
        try await db.transaction { db in
            guard let record = try await RegisterEntryRecord.find(stored.id, on: db) else {
                throw VitaalError(.notFound, "Deze \(stored.kind.definition.singular) bestaat niet meer.")
            }
            // Someone else saved in between: refuse rather than overwrite their version.
            guard record.version == stored.version else { throw staleVersion }
            record.title = String((values[stored.kind.definition.titleKey] ?? record.key).prefix(300))
            record.status = status
            record.payload = RegisterEntryRecord.encode(values)
            record.version += 1
            record.updatedAt = now
            try await record.save(on: db)
            try await addVersion(record, actor: user.email, note: note, on: db)
            var summary = "\(stored.kind.definition.title): \(record.title) \(action)"
            if status != stored.entry.status {
                summary += " (status: \(stored.entry.status ?? "geen") → \(status ?? "geen"))"
            }
            if let note, !note.isEmpty { summary += "; reden: \(note.prefix(200))" }
            try await Audit.record(
                on: db, user: user, action: action, entity: stored.kind.auditEntity, entityID: record.key,
                summary: summary, at: now)
        }
    }

    private static func addVersion(_ record: RegisterEntryRecord, actor: String, note: String?, on db: any Database)
        async throws
    {
        let version = RegisterVersionRecord()
        version.$entry.id = try record.requireID()
        version.version = record.version
        version.at = record.updatedAt
        version.actor = actor
        version.status = record.status
        version.payload = record.payload
        version.note = note
        try await version.create(on: db)
    }

    /// Loads the demo entries (once: a register that has entries is left alone).
    static func loadDemo(on db: any Database, now: Date, log: @Sendable (String) -> Void) async throws {
        let organisations = try await Organisation.query(on: db).all()
        let bySlug = Dictionary(organisations.map { ($0.slug, $0.id) }) { a, _ in a }
        for kind in RegisterKind.allCases {
            guard try await RegisterEntryRecord.query(on: db).filter(\.$register == kind.rawValue).count() == 0 else {
                continue
            }
            let items = RegisterDemoData.all.filter { $0.kind == kind }
            for item in items {
                try await create(
                    kind, key: item.key, status: item.status, values: item.values,
                    organisationID: bySlug[item.organisation] ?? nil, isExample: item.isExample, user: nil,
                    actor: "demo", note: "demo", at: now, on: db)
            }
            log("\(kind.definition.title): \(items.count) records")
        }
    }
}

extension RegisterKind {
    /// The entity name in the audit log.
    var auditEntity: String {
        switch self {
        case .funds: "fonds"
        case .commitments: "toezegging"
        case .terms: "begrip"
        case .signals: "signaal"
        case .sources: "bron"
        case .dataGaps: "ontbrekende gegevens"
        }
    }
}
