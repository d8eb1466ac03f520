import AppCore
import Fluent
import Vapor
import VitaalDomain

/// Saving and finding scenario versions. Every save is validated first (nothing is written for a
/// refused scenario) and recorded in the audit log in the same transaction.
public enum WorkforceScenarioStore {
    public static let baseName = "Basisscenario Flevoland"
    static let entity = "personeelsscenario"

    public struct SaveResult: Sendable {
        public var record: WorkforceScenarioRecord
        /// False when the scenario equals the latest version (nothing saved).
        public var created: Bool
    }

    /// The newest version of every scenario, base first, then by name.
    public static func latest(on db: any Database) async throws -> [WorkforceScenarioRecord] {
        let all = try await WorkforceScenarioRecord.query(on: db).with(\.$organisation).all()
        var newest: [UUID: WorkforceScenarioRecord] = [:]
        for r in all where (newest[r.lineage]?.version ?? 0) < r.version { newest[r.lineage] = r }
        return newest.values.sorted { a, b in
            a.isBase != b.isBase ? a.isBase : a.name.localizedCaseInsensitiveCompare(b.name) == .orderedAscending
        }
    }

    public static func versions(of lineage: UUID, on db: any Database) async throws -> [WorkforceScenarioRecord] {
        try await WorkforceScenarioRecord.query(on: db).filter(\.$lineage == lineage).with(\.$organisation).sort(
            \.$version, .descending
        ).all()
    }

    public static func find(_ idText: String?, on db: any Database) async throws -> WorkforceScenarioRecord {
        guard let idText, let id = UUID(uuidString: idText),
            let record = try await WorkforceScenarioRecord.query(on: db).filter(\.$id == id).with(\.$organisation)
                .first()
        else {
            throw VitaalError(.notFound, "Scenario niet gevonden.")
        }
        return record
    }

    public static func base(on db: any Database) async throws -> WorkforceScenarioRecord? {
        try await WorkforceScenarioRecord.query(on: db).filter(\.$isBase == true).sort(\.$version, .descending).first()
    }

    /// Decodes a stored scenario (stored text was validated when saved).
    public static func scenario(of record: WorkforceScenarioRecord) throws -> WorkforceScenario {
        try WorkforceScenarioCodec.decode(record.scenarioJSON, file: "scenario \(record.name) v\(record.version)")
    }

    /// Saves `scenario` under `name`. Same name as an existing scenario (case-insensitive) → a new
    /// version of it when the content changed (nothing saved when unchanged); a new name → version 1,
    /// owned by the user's organisation. The base scenario cannot get new versions from users.
    public static func save(
        _ scenario: WorkforceScenario, name rawName: String, note: String?, isExample: Bool,
        user: User?, actor: String, organisationID: UUID?, isBase: Bool = false,
        clock: VitaalClock = .system, on db: any Database
    ) async throws -> SaveResult {
        let name = rawName.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else {
            throw VitaalError.invalid("geef het scenario een naam", at: SourceLocation(field: "name"))
        }
        guard name.count <= 120 else {
            throw VitaalError.invalid("de naam is te lang (maximaal 120 tekens)", at: SourceLocation(field: "name"))
        }
        var scenario = scenario
        scenario.name = name
        if scenario.id.trimmingCharacters(in: .whitespaces).isEmpty { scenario.id = Slug.make(name) }
        try WorkforceScenarioCodec.validate(scenario)
        let json = WorkforceScenarioCodec.encode(scenario)
        let trimmedNote = note?.trimmingCharacters(in: .whitespacesAndNewlines)
        let cleanNote = (trimmedNote?.isEmpty ?? true) ? nil : String(trimmedNote!.prefix(500))

        return try await db.transaction { db in
            let existing = try await latest(on: db).first { $0.name.lowercased() == name.lowercased() }
            if let existing {
                if existing.isBase && !isBase {
                    throw VitaalError.invalid(
                        "het basisscenario is de kalibratie en wordt niet gewijzigd; sla uw wijzigingen op onder een andere naam",
                        at: SourceLocation(field: "name"))
                }
                if let user, !user.mayWrite(organisationID: existing.$organisation.id) {
                    throw VitaalError(
                        .forbidden,
                        "Het scenario \"\(existing.name)\" is van een andere organisatie; kies een andere naam om een eigen scenario op te slaan."
                    )
                }
                if existing.scenarioJSON == json { return SaveResult(record: existing, created: false) }
                let record = WorkforceScenarioRecord(
                    lineage: existing.lineage, name: name, version: existing.version + 1, scenarioJSON: json,
                    isBase: existing.isBase, isExample: isExample, organisationID: existing.$organisation.id,
                    author: user?.email ?? actor, note: cleanNote)
                try await record.create(on: db)
                try await Audit.record(
                    on: db, user: user, actor: actor, action: "gewijzigd", entity: entity,
                    entityID: record.id?.uuidString,
                    summary: "Scenario \"\(name)\" versie \(record.version) opgeslagen", at: clock.now())
                return SaveResult(record: record, created: true)
            }
            let record = WorkforceScenarioRecord(
                lineage: UUID(), name: name, version: 1, scenarioJSON: json, isBase: isBase,
                isExample: isExample, organisationID: organisationID, author: user?.email ?? actor, note: cleanNote)
            try await record.create(on: db)
            try await Audit.record(
                on: db, user: user, actor: actor, action: "aangemaakt", entity: entity, entityID: record.id?.uuidString,
                summary: "Scenario \"\(name)\" versie 1 opgeslagen\(isBase ? " (basisscenario)" : "")",
                at: clock.now())
            return SaveResult(record: record, created: true)
        }
    }
}
