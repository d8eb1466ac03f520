import AppCore
import Fluent
import SQLKit
import Vapor
import VitaalDomain

/// Where an import reads from: a file on disk (streamed in 64 KiB chunks) or bytes in memory.
public enum ImportInput: Sendable {
    case file(URL, name: String)
    case data(Data, name: String)
    /// An xlsx workbook: the named sheet, or the first.
    case xlsx(Data, name: String, sheet: String?)
    /// A CBS OData v4 `Observations` document with the table's code lists (when given).
    case odata(Data, name: String, codeLists: ODataCodeLists)
    var name: String {
        switch self {
        case .file(_, let n), .data(_, let n), .xlsx(_, let n, _), .odata(_, let n, _): return n
        }
    }
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
        let span =
            periods.isEmpty
            ? ""
            : ", periode \(periods.first!)"
                + (periods.count == 2 && periods[0] != periods[1] ? " t/m \(periods[1])" : "")
        func n(_ x: Int) -> String { ValueFormatter.number(Double(x), decimals: 0) }
        return
            "\(summary.fileName): \(n(summary.values)) waarden opgeslagen (\(n(inserted)) nieuw, \(n(replaced)) vervangen, \(n(summary.missing)) ontbrekend met reden) "
            + "voor \(summary.indicatorCodes.count) indicator(en) en \(summary.regionCount) regio('s)\(span)."
    }
}

/// The catalog the domain pipeline validates against: all indicators and regions, read once.
/// Existing values are checked by the importer itself per batch (the query is async).
struct DatabaseImportCatalog: ImportCatalog {
    let indicators: [String: IndicatorDefinition]
    let regions: Set<String>
    /// Owning organisation per indicator code (nil: no owner, beheerders only).
    var owners: [String: UUID] = [:]
    /// Formula per derived indicator: computed when read, never imported.
    var formulas: [String: String] = [:]
    func indicator(_ code: String) -> IndicatorDefinition? { indicators[code] }
    func regionExists(_ code: String) -> Bool { regions.contains(code) }

    static func load(on db: any Database) async throws -> DatabaseImportCatalog {
        let inds = try await Indicator.query(on: db).all()
        let regions = try await Region.query(on: db).all().map(\.code)
        var catalog = DatabaseImportCatalog(
            indicators: Dictionary(inds.map { ($0.code, $0.definition) }, uniquingKeysWith: { a, _ in a }),
            regions: Set(regions))
        for ind in inds { if let owner = ind.$owner.id { catalog.owners[ind.code] = owner } }
        for ind in inds { if let formula = ind.formula { catalog.formulas[ind.code] = formula } }
        return catalog
    }
}

/// Import scope: a redacteur may write (import, replace, undo) values only of indicators owned by
/// their organisation; a beheerder and the command line (no user) may write all.
struct ImportScope {
    let user: User?
    let owners: [String: UUID]
    var organisationNames: [UUID: String] = [:]

    func allows(_ indicator: String) -> Bool {
        guard let user, user.role != .beheerder else { return true }
        return owners[indicator] != nil && owners[indicator] == user.$organisation.id
    }

    /// How every refusal starts (the write API answers 403 when all problems are refusals).
    static let refusalPrefix = "u mag geen waarden van indicator "

    func refusal(_ indicator: String) -> String {
        let owner = owners[indicator].flatMap { organisationNames[$0] }
        return Self.refusalPrefix + "\(indicator) importeren: die indicator is van "
            + (owner ?? "geen organisatie (alleen een beheerder mag hem vullen)")
            + (owner == nil ? "" : " (alleen redacteuren van die organisatie en beheerders mogen hem vullen)")
    }

    static func load(user: User?, owners: [String: UUID], on db: any Database) async throws -> ImportScope {
        var scope = ImportScope(user: user, owners: owners)
        if let user, user.role != .beheerder {
            for org in try await Organisation.query(on: db).all() {
                if let id = org.id { scope.organisationNames[id] = org.name }
            }
        }
        return scope
    }
}

/// Hands the import session into the transaction closure. `@unchecked`: `ImportSession` is a
/// reader with mutable state and not `Sendable`; it is made before the transaction and used only
/// inside it, by one task, never concurrently.
private final class SessionBox: @unchecked Sendable {
    let session: ImportSession
    init(_ session: ImportSession) { self.session = session }
    /// The next batch, read while the previous one is written (the session itself is used by this task only).
    func nextBatch() async throws -> ImportBatch? { try session.nextBatch() }
}

/// How an import writes its values: SQLite's C API with one prepared statement, or PostgreSQL's `COPY`.
enum ValueWriter {
    case sqlite(SQLiteValueWriter)
    case postgres(PostgresValueWriter)

    static func make(on db: any Database, batchID: UUID, at date: Date) async throws -> ValueWriter {
        if let lite = try await SQLiteValueWriter.make(on: db, batchID: batchID, at: date) { return .sqlite(lite) }
        if let pg = try await PostgresValueWriter.make(on: db, batchID: batchID, at: date) { return .postgres(pg) }
        throw VitaalError(.internal, "De import vraagt SQLite of PostgreSQL.")
    }

    func insert(_ observations: [Observation]) async throws {
        switch self {
        case .sqlite(let writer): try writer.insert(observations)
        case .postgres(let writer): try await writer.insert(observations)
        }
    }
}

/// Runs the domain import pipeline inside one database transaction: all values or none.
public enum DataImporter {
    /// Imports a long or StatLine CSV. Throws a `VitaalError` listing up to 50 problems (file, line,
    /// column, reason) and writes nothing when anything is wrong.
    public static func run(
        _ input: ImportInput, mapping: StatLineMapping? = nil, replace: Bool, user: User?, actor: String,
        clock: VitaalClock = .system, on db: any Database,
        reporter: ImportProgressReporter? = nil,
        progress: @escaping @Sendable (ImportProgress) -> Void = { _ in }
    ) async throws -> ImportOutcome {
        let catalog = try await DatabaseImportCatalog.load(on: db)
        let scope = try await ImportScope.load(user: user, owners: catalog.owners, on: db)
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
        case .xlsx(let data, let name, let sheet):
            let source = try SpreadsheetUpload.sheetSource(data, fileName: name, sheet: sheet)
            session = try ImportSession(reader: source, catalog: catalog, options: options)
        case .odata(let data, let name, let codeLists):
            let source = try ODataObservationSource(
                data: data, fileName: name, regionDimension: mapping?.regionColumn,
                periodDimension: mapping?.periodColumn, codeLists: codeLists)
            session = try ImportSession(reader: source, catalog: catalog, options: options)
        }
        let box = SessionBox(session)
        // The progress is published while the transaction runs and removed when it ends, either way.
        do {
            let outcome = try await write(
                input, box: box, catalog: catalog, scope: scope, replace: replace, user: user, actor: actor,
                clock: clock, on: db, reporter: reporter, progress: progress)
            await reporter?.clear()
            return outcome
        } catch {
            await reporter?.clear()
            throw error
        }
    }

    /// The import's transaction: validates and writes batch by batch, then records batch and audit entry.
    private static func write(
        _ input: ImportInput, box: SessionBox, catalog: DatabaseImportCatalog, scope: ImportScope, replace: Bool,
        user: User?, actor: String, clock: VitaalClock, on db: any Database, reporter: ImportProgressReporter?,
        progress: @escaping @Sendable (ImportProgress) -> Void
    ) async throws -> ImportOutcome {
        try await db.transaction { tx in
            guard let sql = tx as? any SQLDatabase else {
                throw VitaalError(.internal, "De import vraagt een SQL-database.")
            }
            return try await withLargeCache(sql) {
                let session = box.session
                let now = clock.now()
                let batch = DataImport(
                    fileName: input.name, format: session.format.rawValue, userID: user?.id,
                    actor: user?.email ?? actor, replaceMode: replace, createdAt: now)
                try await batch.create(on: tx)
                let batchID = try batch.requireID()
                let writer = try await ValueWriter.make(on: tx, batchID: batchID, at: now)
                var conflicts = ProblemCollector()
                var inserted = 0
                var replaced = 0
                var pending = try session.nextBatch()
                while let rows = pending?.rows {
                    // The next batch is read and validated on the other core while this one is written.
                    async let next = box.nextBatch()
                    for row in rows {
                        guard let formula = catalog.formulas[row.observation.indicator] else { continue }
                        conflicts.add(
                            "indicator \(row.observation.indicator) wordt berekend (\(formula)) en heeft geen eigen "
                                + "waarden: importeer de waarden van de indicatoren in de formule",
                            at: SourceLocation(file: input.name, line: row.line, field: "indicator"))
                    }
                    for row in rows where !scope.allows(row.observation.indicator) {
                        conflicts.add(
                            scope.refusal(row.observation.indicator),
                            at: SourceLocation(file: input.name, line: row.line))
                    }
                    if !conflicts.isEmpty {
                        pending = try await next
                        progress(session.progress)
                        await reporter?.report(fileName: input.name, session.progress, values: inserted + replaced)
                        continue
                    }  // keep validating, write nothing more
                    let existing = try await existingKeys(for: rows.map(\.observation.key), on: sql)
                    if !replace {
                        for row in rows where existing.contains(row.observation.key) {
                            let o = row.observation
                            conflicts.add(
                                "er is al een waarde opgeslagen voor indicator \(o.indicator), regio \(o.region), periode \(o.period): kies ‘vervangen’ (--replace) om bestaande waarden te vervangen",
                                at: SourceLocation(file: input.name, line: row.line))
                        }
                    }
                    if !conflicts.isEmpty {
                        pending = try await next
                        progress(session.progress)
                        await reporter?.report(fileName: input.name, session.progress, values: inserted + replaced)
                        continue
                    }  // keep validating, write nothing more
                    // Replaced values: keep the old version for undo, delete the row, insert the new one (all in bulk).
                    let oldKeys = rows.map(\.observation.key).filter { existing.contains($0) }
                    if !oldKeys.isEmpty {
                        let old = try await values(for: oldKeys, on: tx)
                        try await createInChunks(old.map { ReplacedValue(batchID: batchID, old: $0) }, on: tx)
                        try await delete(oldKeys, on: sql)
                    }
                    try await writer.insert(rows.map(\.observation))
                    replaced += oldKeys.count
                    inserted += rows.count - oldKeys.count
                    pending = try await next
                    progress(session.progress)
                    await reporter?.report(fileName: input.name, session.progress, values: inserted + replaced)
                }
                let summary: ImportSummary
                do {
                    summary = try session.finish()
                } catch let error as VitaalError {
                    let all = (error.problems + conflicts.problems).sorted {
                        ($0.location.line ?? 0) < ($1.location.line ?? 0)
                    }
                    let total = error.problems.count + conflicts.totalCount
                    throw VitaalError(
                        .invalidInput,
                        "import van \(input.name) afgebroken, er is niets opgeslagen: \(total) fout(en)"
                            + (total > VitaalError.maxProblems ? " (eerste \(VitaalError.maxProblems) getoond)" : ""),
                        problems: all)
                }
                try conflicts.throwIfAny("import van \(input.name) afgebroken, er is niets opgeslagen")
                if summary.values == 0 {
                    throw VitaalError.invalid(
                        "het bestand bevat een kopregel maar geen waarden", at: SourceLocation(file: input.name))
                }
                try await recordBatchIndicators(batchID, codes: summary.indicatorCodes, on: sql)
                batch.records = summary.records
                batch.inserted = inserted
                batch.replaced = replaced
                batch.missing = summary.missing
                try await batch.save(on: tx)
                let outcome = ImportOutcome(batchID: batchID, summary: summary, inserted: inserted, replaced: replaced)
                try await Audit.record(
                    on: tx, user: user, actor: actor, action: "import", entity: "monitor-import",
                    entityID: batchID.uuidString, summary: outcome.message, at: now)
                let publicChanged = summary.indicatorCodes.contains { catalog.indicators[$0]?.visibility != .internal }
                try await DataVersion.bump(on: tx, publicData: publicChanged, at: now)
                return outcome
            }
        }
    }

    /// SQLite's default page cache (2 MB) spills to the WAL again and again while one transaction
    /// grows the value table; during an import the connection may use up to 32 MB (bench/README.md,
    /// P2: 64 MB was no faster and put a 1M-value import at 157 MiB instead of 126), then the default
    /// is set back. No-op on PostgreSQL.
    static func withLargeCache<T>(_ sql: any SQLDatabase, _ body: () async throws -> T) async throws -> T {
        guard sql.dialect.name == "sqlite" else { return try await body() }
        try await sql.raw("PRAGMA cache_size = -32768").run()
        do {
            let result = try await body()
            try await sql.raw("PRAGMA cache_size = -2000").run()
            return result
        } catch {
            try? await sql.raw("PRAGMA cache_size = -2000").run()
            throw error
        }
    }

    static func createInChunks<M: Model>(_ models: [M], on db: any Database) async throws {
        // 500 rows × ≤ 12 columns stays under SQLite's and PostgreSQL's bind limits.
        for start in stride(from: 0, to: models.count, by: 500) {
            try await Array(models[start..<min(start + 500, models.count)]).create(on: db)
        }
    }

    /// Deletes the values with these keys, 300 keys per statement (900 binds).
    static func delete(_ keys: [ObservationKey], on sql: any SQLDatabase) async throws {
        for start in stride(from: 0, to: keys.count, by: 300) {
            let tuples = keys[start..<min(start + 300, keys.count)].map { k -> SQLQueryString in
                "(\(bind: k.indicator), \(bind: k.region), \(bind: k.period.sortKey))"
            }
            var query: SQLQueryString =
                "DELETE FROM monitor_values WHERE (indicator_code, region_code, period_sort) IN ("
            query += tuples.joined(separator: ", ") + ")"
            try await sql.raw(query).run()
        }
    }

    /// The value columns the import writes, in order.
    static let valueColumns = [
        "id", "indicator_code", "region_code", "period", "period_sort", "value", "missing_reason",
        "status", "note", "batch_id", "updated_at"
    ]

    /// `n` random (version 4) UUIDs from one read of the system's random source. `UUID()` opens and
    /// reads /dev/urandom per id on Linux, which cost ~8 % of an import's CPU (bench/README.md, P2).
    static func randomUUIDs(_ n: Int) -> [UUID] {
        var bytes = [UInt8](repeating: 0, count: n * 16)
        if let handle = FileHandle(forReadingAtPath: "/dev/urandom"),
            let data = try? handle.read(upToCount: bytes.count),
            data.count == bytes.count
        {
            bytes = [UInt8](data)
        } else {
            var rng = SystemRandomNumberGenerator()
            for i in bytes.indices { bytes[i] = rng.next() }
        }
        return (0..<n).map { i in
            let b = i * 16
            return UUID(
                uuid: (
                    bytes[b], bytes[b + 1], bytes[b + 2], bytes[b + 3], bytes[b + 4], bytes[b + 5],
                    bytes[b + 6] & 0x0F | 0x40, bytes[b + 7], bytes[b + 8] & 0x3F | 0x80, bytes[b + 9],
                    bytes[b + 10], bytes[b + 11], bytes[b + 12], bytes[b + 13], bytes[b + 14], bytes[b + 15]
                ))
        }
    }

    /// Which of the given keys have a stored value (only the key columns are read, along the table's key).
    static func existingKeys(for keys: [ObservationKey], on sql: any SQLDatabase) async throws -> Set<ObservationKey> {
        guard !keys.isEmpty else { return [] }
        let indicators = Array(Set(keys.map(\.indicator)))
        let regions = Array(Set(keys.map(\.region)))
        let periods = Array(Set(keys.map(\.period.sortKey)))
        let wanted = Set(keys)
        var out: Set<ObservationKey> = []
        // Chunk the region list so no IN list gets too long (bind limits).
        for start in stride(from: 0, to: regions.count, by: 400) {
            let part = Array(regions[start..<min(start + 400, regions.count)])
            let query: SQLQueryString =
                "SELECT indicator_code AS ic, region_code AS rc, period AS p FROM monitor_values WHERE indicator_code IN (\(binds: indicators)) AND region_code IN (\(binds: part)) AND period_sort IN (\(binds: periods))"
            for row in try await sql.raw(query).all() {
                guard let p = Period(try row.decode(column: "p", as: String.self)) else { continue }
                let key = ObservationKey(
                    indicator: try row.decode(column: "ic", as: String.self),
                    region: try row.decode(column: "rc", as: String.self), period: p)
                if wanted.contains(key) { out.insert(key) }
            }
        }
        return out
    }

    /// The stored values with these keys (for keeping replaced versions).
    static func values(for keys: [ObservationKey], on db: any Database) async throws -> [DataValue] {
        let wanted = Set(keys)
        var out: [DataValue] = []
        for (indicator, group) in Dictionary(grouping: keys, by: \.indicator) {
            let regions = Array(Set(group.map(\.region)))
            let periods = Array(Set(group.map(\.period.sortKey)))
            for start in stride(from: 0, to: regions.count, by: 400) {
                let part = Array(regions[start..<min(start + 400, regions.count)])
                out += try await DataValue.query(on: db).filter(\.$indicatorCode == indicator)
                    .filter(\.$regionCode ~~ part).filter(\.$periodSort ~~ periods).all()
                    .filter { v in
                        Period(v.period).map {
                            wanted.contains(.init(indicator: indicator, region: v.regionCode, period: $0))
                        } ?? false
                    }
            }
        }
        return out
    }

    /// Notes which indicators a batch wrote values for: undo finds the batch's values through them
    /// (values carry their batch without an index, see `KeyValuesByIndicatorRegionPeriod`).
    static func recordBatchIndicators(_ batchID: UUID, codes: some Collection<String>, on sql: any SQLDatabase)
        async throws
    {
        guard !codes.isEmpty else { return }
        var insert = sql.insert(into: MonitorMigrations.KeyValuesByIndicatorRegionPeriod.batchIndicators)
            .columns("batch_id", "indicator_code")
        for code in Set(codes).sorted() { insert = insert.values(batchID, code) }
        try await insert.run()
    }

    /// The indicator codes of the values a batch wrote or replaced.
    static func batchIndicatorCodes(_ batchID: UUID, replaced: [ReplacedValue], on db: any Database) async throws
        -> Set<String>
    {
        var codes = Set(replaced.map(\.indicatorCode))
        if let sql = db as? any SQLDatabase {
            for row in try await sql.raw(
                "SELECT indicator_code AS ic FROM \(unsafeRaw: MonitorMigrations.KeyValuesByIndicatorRegionPeriod.batchIndicators) WHERE batch_id = \(bind: batchID)"
            ).all() {
                codes.insert(try row.decode(column: "ic", as: String.self))
            }
        }
        return codes
    }

    /// Undoes an import: values it added are deleted, values it replaced are restored. Refused when a
    /// later import replaced values of this one (undo that first) or when already undone.
    public static func undo(
        batchID: UUID, user: User?, actor: String, clock: VitaalClock = .system,
        on db: any Database
    ) async throws -> String {
        try await db.transaction { tx in
            guard let batch = try await DataImport.find(batchID, on: tx) else {
                throw VitaalError(.notFound, "Onbekende import.")
            }
            if batch.undoneAt != nil { throw VitaalError(.conflict, "Deze import is al ongedaan gemaakt.") }
            let later = try await ReplacedValue.query(on: tx).filter(\.$previousBatchID == batchID).with(\.$batch).all()
                .filter { $0.batch.undoneAt == nil }
            if let first = later.first {
                throw VitaalError(
                    .conflict,
                    "Waarden uit deze import zijn later vervangen door de import van \(first.batch.fileName) (\(MonitorText.dateTime(first.batch.createdAt))); maak die eerst ongedaan."
                )
            }
            // Every value this batch wrote goes; the versions it replaced come back.
            let replacedRows = try await ReplacedValue.query(on: tx).filter(\.$batch.$id == batchID).all()
            let codes = try await batchIndicatorCodes(batchID, replaced: replacedRows, on: tx)
            let indicators = try await Indicator.query(on: tx).filter(\.$code ~~ Array(codes)).all()
            var owners: [String: UUID] = [:]
            for ind in indicators { if let o = ind.$owner.id { owners[ind.code] = o } }
            let scope = try await ImportScope.load(user: user, owners: owners, on: tx)
            if let refused = codes.sorted().first(where: { !scope.allows($0) }) {
                throw VitaalError(
                    .forbidden, "Deze import kan niet ongedaan worden gemaakt: " + scope.refusal(refused) + ".")
            }
            // Values carry their batch without an index: read along the key, indicator by indicator.
            let written = try await DataValue.query(on: tx).filter(\.$indicatorCode ~~ Array(codes))
                .filter(\.$batch.$id == batchID).count()
            try await DataValue.query(on: tx).filter(\.$indicatorCode ~~ Array(codes)).filter(\.$batch.$id == batchID)
                .delete()
            try await createInChunks(
                replacedRows.map { old -> DataValue in
                    let row = DataValue()
                    row.indicatorCode = old.indicatorCode
                    row.regionCode = old.regionCode
                    row.period = old.period
                    row.periodSort = old.periodSort
                    row.value = old.value
                    row.missingReason = old.missingReason
                    row.status = old.status
                    row.note = old.note
                    row.$batch.id = old.previousBatchID
                    row.updatedAt = old.previousUpdatedAt
                    return row
                }, on: tx)
            let restored = replacedRows.count
            let removed = written - restored
            let now = clock.now()
            batch.undoneAt = now
            batch.undoneBy = user?.email ?? actor
            try await batch.save(on: tx)
            let message =
                "Import \(batch.fileName) ongedaan gemaakt: \(removed) waarden verwijderd, \(restored) vorige waarden hersteld."
            try await Audit.record(
                on: tx, user: user, actor: actor, action: "import ongedaan", entity: "monitor-import",
                entityID: batchID.uuidString, summary: message, at: now)
            try await DataVersion.bump(
                on: tx, publicData: indicators.contains { $0.isPublic } || indicators.count < codes.count,
                at: now)
            return message
        }
    }
}
