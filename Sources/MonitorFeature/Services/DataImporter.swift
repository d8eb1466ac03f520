import Vapor
import Fluent
import AppCore
import VitaalDomain

/// Where an import reads from: a file on disk (streamed in 64 KiB chunks) or bytes in memory.
public enum ImportInput: Sendable {
    case file(URL, name: String)
    case data(Data, name: String)
    var name: String { switch self { case .file(_, let n), .data(_, let n): return n } }
}

/// Counts of a finished import.
public struct ImportOutcome: Sendable {
    public var batchID: UUID
    public var summary: ImportSummary
    public var inserted: Int
    public var replaced: Int
    /// One Dutch sentence for the CLI and the upload page.
    public var message: String {
        let periods = [summary.firstPeriod, summary.lastPeriod].compactMap { $0?.dutchLabel }
        let span = periods.isEmpty ? "" : ", periode \(periods.first!)" + (periods.count == 2 && periods[0] != periods[1] ? " t/m \(periods[1])" : "")
        func n(_ x: Int) -> String { ValueFormatter.number(Double(x), decimals: 0) }
        return "\(summary.fileName): \(n(summary.values)) waarden opgeslagen (\(n(inserted)) nieuw, \(n(replaced)) vervangen, \(n(summary.missing)) ontbrekend met reden) "
            + "voor \(summary.indicatorCodes.count) indicator(en) en \(summary.regionCount) regio('s)\(span)."
    }
}

/// The catalog the domain pipeline validates against: all indicators and regions, read once.
/// Existing values are checked by the importer itself per batch (the query is async).
struct DatabaseImportCatalog: ImportCatalog {
    let indicators: [String: IndicatorDefinition]
    let regions: Set<String>
    func indicator(_ code: String) -> IndicatorDefinition? { indicators[code] }
    func regionExists(_ code: String) -> Bool { regions.contains(code) }

    static func load(on db: any Database) async throws -> DatabaseImportCatalog {
        let inds = try await Indicator.query(on: db).all()
        let regions = try await Region.query(on: db).all().map(\.code)
        return DatabaseImportCatalog(indicators: Dictionary(inds.map { ($0.code, $0.definition) }, uniquingKeysWith: { a, _ in a }),
                                     regions: Set(regions))
    }
}

/// Hands the (single-threaded) import session into the transaction closure.
private final class SessionBox: @unchecked Sendable {
    let session: ImportSession
    init(_ session: ImportSession) { self.session = session }
}

/// Runs the domain import pipeline inside one database transaction: all values or none.
public enum DataImporter {
    /// Imports a long or StatLine CSV. Throws a `VitaalError` listing up to 50 problems (file, line,
    /// column, reason) and writes nothing when anything is wrong.
    public static func run(_ input: ImportInput, mapping: StatLineMapping? = nil, replace: Bool, user: User?, actor: String,
                           on db: any Database, progress: @escaping (ImportProgress) -> Void = { _ in }) async throws -> ImportOutcome {
        let catalog = try await DatabaseImportCatalog.load(on: db)
        let options = ImportOptions(mapping: mapping, replace: replace, batchSize: 2000)
        let session: ImportSession
        switch input {
        case .file(let url, let name):
            guard FileManager.default.isReadableFile(atPath: url.path) else {
                throw VitaalError.invalid("bestand niet gevonden of niet leesbaar", at: SourceLocation(file: name))
            }
            session = try ImportSession(url: url, fileName: name, catalog: catalog, options: options)
        case .data(let data, let name):
            session = try ImportSession(data: data, fileName: name, catalog: catalog, options: options)
        }
        let box = SessionBox(session)
        return try await db.transaction { tx in
            let session = box.session
            let batch = DataImport(fileName: input.name, format: session.format.rawValue, userID: user?.id, actor: user?.email ?? actor,
                                   replaceMode: replace)
            try await batch.create(on: tx)
            let batchID = try batch.requireID()
            var conflicts = ProblemCollector()
            var inserted = 0, replaced = 0
            let now = Date()
            while true {
                guard let rows = try session.nextBatch()?.rows else { break }
                let existing = try await existingValues(for: rows.map(\.observation.key), on: tx)
                if !replace {
                    for row in rows where existing[row.observation.key] != nil {
                        let o = row.observation
                        conflicts.add("er is al een waarde opgeslagen voor indicator \(o.indicator), regio \(o.region), periode \(o.period): kies ‘vervangen’ (--replace) om bestaande waarden te vervangen",
                                      at: SourceLocation(file: input.name, line: row.line))
                    }
                }
                if !conflicts.isEmpty { progress(session.progress); continue }   // keep validating, write nothing more
                // Replaced values: keep the old version for undo, delete the row, insert the new one (all in bulk).
                let old = rows.compactMap { existing[$0.observation.key] }
                try await createInChunks(old.map { ReplacedValue(batchID: batchID, old: $0) }, on: tx)
                try await deleteInChunks(old.compactMap(\.id), on: tx)
                try await createInChunks(rows.map { DataValue($0.observation, batchID: batchID, at: now) }, on: tx)
                replaced += old.count
                inserted += rows.count - old.count
                progress(session.progress)
            }
            let summary: ImportSummary
            do {
                summary = try session.finish()
            } catch let error as VitaalError {
                let all = (error.problems + conflicts.problems).sorted { ($0.location.line ?? 0) < ($1.location.line ?? 0) }
                let total = error.problems.count + conflicts.totalCount
                throw VitaalError(.invalidInput, "import van \(input.name) afgebroken, er is niets opgeslagen: \(total) fout(en)"
                                  + (total > VitaalError.maxProblems ? " (eerste \(VitaalError.maxProblems) getoond)" : ""), problems: all)
            }
            try conflicts.throwIfAny("import van \(input.name) afgebroken, er is niets opgeslagen")
            if summary.values == 0 {
                throw VitaalError.invalid("het bestand bevat een kopregel maar geen waarden", at: SourceLocation(file: input.name))
            }
            batch.records = summary.records; batch.inserted = inserted; batch.replaced = replaced; batch.missing = summary.missing
            try await batch.save(on: tx)
            let outcome = ImportOutcome(batchID: batchID, summary: summary, inserted: inserted, replaced: replaced)
            try await Audit.record(on: tx, user: user, actor: actor, action: "import", entity: "monitor-import",
                                   entityID: batchID.uuidString, summary: outcome.message)
            try await DataVersion.bump(on: tx)
            return outcome
        }
    }

    static func createInChunks<M: Model>(_ models: [M], on db: any Database) async throws {
        // 500 rows × ≤ 12 columns stays under SQLite's and PostgreSQL's bind limits.
        for start in stride(from: 0, to: models.count, by: 500) {
            try await Array(models[start..<min(start + 500, models.count)]).create(on: db)
        }
    }

    static func deleteInChunks(_ ids: [UUID], on db: any Database) async throws {
        for start in stride(from: 0, to: ids.count, by: 1000) {
            try await DataValue.query(on: db).filter(\.$id ~~ Array(ids[start..<min(start + 1000, ids.count)])).delete()
        }
    }

    /// Stored values for the given keys.
    static func existingValues(for keys: [ObservationKey], on db: any Database) async throws -> [ObservationKey: DataValue] {
        guard !keys.isEmpty else { return [:] }
        let indicators = Array(Set(keys.map(\.indicator)))
        let regions = Array(Set(keys.map(\.region)))
        let periods = Array(Set(keys.map(\.period.canonical)))
        let wanted = Set(keys)
        var out: [ObservationKey: DataValue] = [:]
        // Chunk the region list so no IN list gets too long (SQLite bind limit).
        for start in stride(from: 0, to: regions.count, by: 400) {
            let part = Array(regions[start..<min(start + 400, regions.count)])
            let rows = try await DataValue.query(on: db)
                .filter(\.$indicatorCode ~~ indicators).filter(\.$regionCode ~~ part).filter(\.$period ~~ periods).all()
            for row in rows {
                guard let p = Period(row.period) else { continue }
                let key = ObservationKey(indicator: row.indicatorCode, region: row.regionCode, period: p)
                if wanted.contains(key) { out[key] = row }
            }
        }
        return out
    }

    /// Undoes an import: values it added are deleted, values it replaced are restored. Refused when a
    /// later import replaced values of this one (undo that first) or when already undone.
    public static func undo(batchID: UUID, user: User?, actor: String, on db: any Database) async throws -> String {
        try await db.transaction { tx in
            guard let batch = try await DataImport.find(batchID, on: tx) else {
                throw VitaalError(.notFound, "Onbekende import.")
            }
            if batch.undoneAt != nil { throw VitaalError(.conflict, "Deze import is al ongedaan gemaakt.") }
            let later = try await ReplacedValue.query(on: tx).filter(\.$previousBatchID == batchID).with(\.$batch).all()
                .filter { $0.batch.undoneAt == nil }
            if let first = later.first {
                throw VitaalError(.conflict, "Waarden uit deze import zijn later vervangen door de import van \(first.batch.fileName) (\(MonitorText.dateTime(first.batch.createdAt))); maak die eerst ongedaan.")
            }
            // Every value this batch wrote goes; the versions it replaced come back.
            let replacedRows = try await ReplacedValue.query(on: tx).filter(\.$batch.$id == batchID).all()
            let written = try await DataValue.query(on: tx).filter(\.$batch.$id == batchID).count()
            try await DataValue.query(on: tx).filter(\.$batch.$id == batchID).delete()
            try await createInChunks(replacedRows.map { old -> DataValue in
                let row = DataValue()
                row.indicatorCode = old.indicatorCode; row.regionCode = old.regionCode; row.period = old.period
                row.periodSort = old.periodSort; row.value = old.value; row.missingReason = old.missingReason
                row.status = old.status; row.note = old.note; row.$batch.id = old.previousBatchID; row.updatedAt = old.previousUpdatedAt
                return row
            }, on: tx)
            let restored = replacedRows.count
            let removed = written - restored
            batch.undoneAt = Date(); batch.undoneBy = user?.email ?? actor
            try await batch.save(on: tx)
            let message = "Import \(batch.fileName) ongedaan gemaakt: \(removed) waarden verwijderd, \(restored) vorige waarden hersteld."
            try await Audit.record(on: tx, user: user, actor: actor, action: "import ongedaan", entity: "monitor-import",
                                   entityID: batchID.uuidString, summary: message)
            try await DataVersion.bump(on: tx)
            return message
        }
    }
}
