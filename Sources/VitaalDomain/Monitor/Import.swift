import Foundation

// Import of indicator values from CSV: the long format (indicator, region, period, value[, status,
// note, reason]) and CBS StatLine wide CSV with a JSON mapping. Pure and streaming: records are
// validated while valid rows are emitted in batches to a sink (the app's DB transaction). If any
// problem is found, no further batches are emitted and the run throws — the app rolls back.
// Formats: docs/import-formats.md.

/// Where an import's records come from: a CSV file (`CSVReader`), a CBS OData v4 `Observations`
/// document (`ODataObservationSource`) or one sheet of an xlsx workbook (`XLSXSheetSource`). All
/// go through the same `ImportSession` — one pipeline, one set of rules and messages; only the
/// first record (the header) and how a place in the source is named differ.
public protocol ImportRecordSource: AnyObject {
    /// File name used in error locations.
    var fileName: String { get }
    /// The CSV separator (nil for sources that have none).
    var separator: CSVSeparator? { get }
    var bytesRead: Int { get }
    var totalBytes: Int? { get }
    /// The next record; the first is the header.
    func next() throws -> CSVRecord?
    /// How field `index` (0-based) of `record` is named in messages: "regel 12, kolom 3" in a CSV,
    /// the JSON line and column in an OData file, "cel B17" in a sheet.
    func location(of record: CSVRecord, field index: Int, name: String?) -> SourceLocation
    /// The decimal mark every number in the source uses, when the format fixes it (JSON, xlsx).
    var fixedDecimalMark: DecimalMark? { get }
}

extension CSVReader: ImportRecordSource {
    public func location(of record: CSVRecord, field index: Int, name: String?) -> SourceLocation {
        SourceLocation(
            file: fileName,
            line: record.positions.indices.contains(index) ? record.positions[index].line : record.line,
            column: index + 1, field: name)
    }
    public var fixedDecimalMark: DecimalMark? { nil }
}

/// Lookups the app provides for validation.
public protocol ImportCatalog {
    /// The definition of an indicator code, or nil if unknown.
    func indicator(_ code: String) -> IndicatorDefinition?
    /// Whether a region code (e.g. "GM0034", "PV24", "NL01") is known.
    func regionExists(_ code: String) -> Bool
    /// Which of `keys` already have a stored value. Asked once per batch, only when `replace` is off.
    /// Default: none.
    func existingKeys(_ keys: [ObservationKey]) throws -> Set<ObservationKey>
}

extension ImportCatalog {
    public func existingKeys(_ keys: [ObservationKey]) throws -> Set<ObservationKey> { [] }
}

/// A catalog from fixed lists (tests, bench, CLI dry runs).
public struct StaticImportCatalog: ImportCatalog, Sendable {
    public var indicators: [String: IndicatorDefinition]
    public var regions: Set<String>
    public var existing: Set<ObservationKey>
    public init(indicators: [IndicatorDefinition], regions: some Sequence<String>, existing: Set<ObservationKey> = []) {
        self.indicators = Dictionary(indicators.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        self.regions = Set(regions)
        self.existing = existing
    }
    public func indicator(_ code: String) -> IndicatorDefinition? { indicators[code] }
    public func regionExists(_ code: String) -> Bool { regions.contains(code) }
    public func existingKeys(_ keys: [ObservationKey]) throws -> Set<ObservationKey> {
        existing.isEmpty ? [] : Set(keys.filter { existing.contains($0) })
    }
}

/// Maps the measure columns of a CBS StatLine CSV to indicator codes.
///
/// JSON: `{"measures": {"Bevolkingsdichtheid_57": "bevolkingsdichtheid"}, "regionColumn": "RegioS",
/// "periodColumn": "Perioden", "status": "definitief"}` — only `measures` is required.
public struct StatLineMapping: Sendable, Codable, Hashable {
    public var measures: [String: String]
    public var regionColumn: String?
    public var periodColumn: String?
    public var status: DataStatus?
    /// Measure codes of an OData file that are deliberately not imported. Any other measure that is
    /// not in `measures` is refused, so a renamed or new CBS measure is never dropped silently.
    public var skip: [String]?
    public init(
        measures: [String: String], regionColumn: String? = nil, periodColumn: String? = nil, status: DataStatus? = nil,
        skip: [String]? = nil
    ) {
        self.measures = measures
        self.regionColumn = regionColumn
        self.periodColumn = periodColumn
        self.status = status
        self.skip = skip
    }
    public static func parse(data: Data, fileName: String = "mapping.json") throws -> StatLineMapping {
        let mapping: StatLineMapping
        do { mapping = try JSONDecoder().decode(StatLineMapping.self, from: data) } catch let DecodingError.keyNotFound(
            key, _)
        {
            throw VitaalError.invalid(
                "verplicht veld ontbreekt in de mapping", at: SourceLocation(file: fileName, field: key.stringValue))
        } catch let DecodingError.dataCorrupted(ctx) {
            throw VitaalError.invalid(
                "mapping is geen geldige JSON: \(ctx.debugDescription)", at: SourceLocation(file: fileName))
        } catch {
            throw VitaalError.invalid(
                "mapping kan niet worden gelezen: verwacht {\"measures\": {\"kolom\": \"indicatorcode\"}}",
                at: SourceLocation(file: fileName))
        }
        if mapping.measures.isEmpty {
            throw VitaalError.invalid(
                "mapping bevat geen kolommen", at: SourceLocation(file: fileName, field: "measures"))
        }
        return mapping
    }
}

public enum ImportFormat: String, Sendable, Codable, Hashable {
    /// Detect from the header: StatLine if it has a region column "RegioS"/"Regio's" and "Perioden"
    /// and no value column; otherwise long.
    case auto
    case long
    case statLine
    /// CBS StatLine OData v4 `Observations` (one row per measure, region and period; `ValueAttribute`).
    case odata
}

public enum DecimalMark: String, Sendable, Codable, Hashable {
    case comma, point
    var byte: UInt8 { self == .comma ? 0x2C : 0x2E }
    var dutchName: String { self == .comma ? "komma" : "punt" }
}

public struct ImportOptions: Sendable {
    public var format: ImportFormat
    public var mapping: StatLineMapping?
    /// Replace existing values instead of reporting them as problems.
    public var replace: Bool
    /// Status for rows without a status column/value.
    public var defaultStatus: DataStatus
    /// Separator; nil = detect from the header.
    public var separator: CSVSeparator?
    /// Decimal mark; nil = detect (see docs/import-formats.md).
    public var decimalMark: DecimalMark?
    public var batchSize: Int
    public init(
        format: ImportFormat = .auto, mapping: StatLineMapping? = nil, replace: Bool = false,
        defaultStatus: DataStatus = .definitief, separator: CSVSeparator? = nil, decimalMark: DecimalMark? = nil,
        batchSize: Int = 5000
    ) {
        self.format = format
        self.mapping = mapping
        self.replace = replace
        self.defaultStatus = defaultStatus
        self.separator = separator
        self.decimalMark = decimalMark
        self.batchSize = max(1, batchSize)
    }
}

/// One validated value and the line it came from.
public struct ImportRow: Sendable, Hashable {
    public var observation: Observation
    public var line: Int
}

public struct ImportBatch: Sendable {
    /// 0-based batch number.
    public var index: Int
    public var rows: [ImportRow]
    public var keys: [ObservationKey] { rows.map(\.observation.key) }
}

public struct ImportProgress: Sendable, Hashable {
    public var bytesRead: Int
    public var totalBytes: Int?
    public var records: Int
}

public struct ImportSummary: Sendable, Hashable {
    public var fileName: String
    public var format: ImportFormat
    public var separator: CSVSeparator
    /// Decimal mark seen in the file (nil if only integers).
    public var decimalMark: DecimalMark?
    /// Data records read (excluding the header).
    public var records: Int
    /// Values emitted (including documented gaps).
    public var values: Int
    /// Of `values`, how many are missing with a reason.
    public var missing: Int
    public var indicatorCodes: [String]
    public var regionCount: Int
    public var firstPeriod: Period?
    public var lastPeriod: Period?
    public var batches: Int
}

/// A streaming import: read `nextBatch()` until nil, then `finish()`.
/// Use `ImportPipeline.run` unless you need to drive it yourself (e.g. from async code).
public final class ImportSession {
    public let fileName: String
    public let format: ImportFormat
    public var separator: CSVSeparator { reader.separator ?? .comma }
    /// Decimal mark for the summary: the source's own (JSON, xlsx) or the one seen in the CSV.
    private var summaryMark: DecimalMark? { reader.fixedDecimalMark ?? numbers.mark }
    public private(set) var problems = ProblemCollector()

    private let reader: any ImportRecordSource
    private let catalog: any ImportCatalog
    private let options: ImportOptions
    // Read per row: copied out of `options`, whose mapping would be retained on every access.
    private let batchSize: Int
    private let defaultStatus: DataStatus
    private let header: [String]

    // Long format columns.
    private var colIndicator = 0, colRegion = 1, colPeriod = 2, colValue = 3
    private var colStatus: Int?, colNote: Int?, colReason: Int?
    // StatLine columns: (column index, indicator code).
    private var measureColumns: [(Int, String)] = []
    // OData columns: measure and value attribute (region, period and value use the long ones).
    private var colMeasure = 0, colAttribute = 4
    private var skippedMeasures: Set<String> = []
    /// The status of StatLine and OData rows: the mapping's, else the default.
    private let mappingStatus: DataStatus

    // Caches and interning for duplicate detection.
    private var indicatorCache: [String: IndicatorDefinition?] = [:]
    private var regionCache: [String: Bool] = [:]
    private var periodCache: [String: Period?] = [:]
    private var indicatorIds: [String: UInt64] = [:]
    private var regionIds: [String: UInt64] = [:]
    private var periodIds: [Period: UInt64] = [:]
    private var seen = KeyLineTable()
    private var numbers: NumberReader

    // The byte-level path for long-format CSV, the large files: codes, periods and statuses are
    // looked up by their bytes and numbers read from bytes; a `String` is made once per distinct
    // code and for notes. Other layouts and sources go through `CSVRecord`.
    private var fastCSV: CSVReader?
    private var raw = CSVRawRecord()
    /// The record a sheet gave, for naming places in it ("cel B17").
    private var currentRecord: CSVRecord?
    /// A class: a definition is large, and a row should cost one retain, not a copy of it.
    private final class IndicatorSlot {
        let code: String
        let definition: IndicatorDefinition?
        /// The definition's own code: what is stored.
        let storedCode: String
        /// Whether the catalogue knows the code (testing `definition` for nil copies it).
        let known: Bool
        let range: ValueRange?
        let id: UInt64
        init(code: String, definition: IndicatorDefinition?, id: UInt64) {
            self.code = code
            self.definition = definition
            self.storedCode = definition?.code ?? code
            self.known = definition != nil
            self.range = definition?.validRange
            self.id = id
        }
    }
    // Classes as well: the lookup hands one out per row, and a retain is cheaper than a copy.
    private final class RegionSlot {
        let code: String
        let known: Bool
        let id: UInt64
        init(code: String, known: Bool, id: UInt64) {
            self.code = code
            self.known = known
            self.id = id
        }
    }
    private final class PeriodSlot {
        let text: String
        let period: Period?
        let id: UInt64
        init(text: String, period: Period?, id: UInt64) {
            self.text = text
            self.period = period
            self.id = id
        }
    }
    private var indicatorSlots = ByteLookup<IndicatorSlot>()
    private var regionSlots = ByteLookup<RegionSlot>()
    private var periodSlots = ByteLookup<PeriodSlot>()
    private var statusSlots = ByteLookup<DataStatus?>()

    private var records = 0
    private var values = 0
    private var missing = 0
    private var batchIndex = 0
    private var firstPeriod: Period?
    private var lastPeriod: Period?
    private var done = false

    /// Reads and checks the header. Throws for an empty file, a one-column file, missing columns,
    /// a missing StatLine mapping, invalid UTF-8 in the header.
    public init(
        reader: any ImportRecordSource, catalog: any ImportCatalog, options: ImportOptions = ImportOptions()
    ) throws {
        self.reader = reader
        self.catalog = catalog
        self.options = options
        self.batchSize = options.batchSize
        self.defaultStatus = options.defaultStatus
        self.fileName = reader.fileName
        self.mappingStatus = options.mapping?.status ?? options.defaultStatus
        let file = reader.fileName
        if reader.totalBytes == 0 {
            throw VitaalError.invalid("bestand is leeg (0 bytes)", at: SourceLocation(file: file))
        }
        guard let head = try reader.next() else {
            throw VitaalError.invalid("bestand bevat geen kopregel en geen gegevens", at: SourceLocation(file: file))
        }
        let headerLine = head.line
        let header = head.fields.map { $0.trimmedFast }
        self.header = header
        numbers = NumberReader(
            given: reader.fixedDecimalMark ?? options.decimalMark, separator: reader.separator ?? .comma)
        // A CSV header is named by its line; a sheet's by its first cell ("blad …, cel A1").
        let isCSV = reader is CSVReader
        var loc = isCSV ? SourceLocation(file: file, line: headerLine) : reader.location(of: head, field: 0, name: nil)
        loc.field = nil
        if header.count == 1 {
            throw VitaalError.invalid(
                isCSV
                    ? "het bestand heeft maar één kolom (\"\(header[0].prefix(40))\"): gebruik puntkomma (;), komma (,) of tab als scheidingsteken"
                    : "de tabel heeft maar één kolom (\"\(header[0].prefix(40))\"): verwacht een kopregel met indicator, regio, periode en waarde (of kies het juiste blad)",
                at: loc)
        }
        let find = { (names: [String]) in CSVTable.columnIndex(ofAny: names, in: header) }
        let regionNames = [options.mapping?.regionColumn ?? "RegioS", "Regio's", "RegioS", "regios"]
        let periodNames = [options.mapping?.periodColumn ?? "Perioden", "Perioden"]
        let valueNames = ["value", "waarde"]
        var fmt = reader is ODataObservationSource ? .odata : options.format
        if fmt == .auto {
            fmt = (find(regionNames) != nil && find(periodNames) != nil && find(valueNames) == nil) ? .statLine : .long
        }
        format = fmt
        var headerProblems = ProblemCollector()
        func looksLikeData() -> Bool {
            head.fields.contains { f in
                let t = f.trimmedFast
                return Period(t) != nil || Double(t.replacingOccurrences(of: ",", with: ".")) != nil
            }
        }
        switch fmt {
        case .long, .auto:
            let required: [(String, [String])] = [
                ("indicator", ["indicator", "indicatorcode", "indicator_code", "code"]),
                ("regio", ["region", "regio", "regiocode", "region_code", "gebied", "gebiedcode", "regios", "regio's"]),
                ("periode", ["period", "periode", "perioden", "jaar", "year"]),
                ("waarde", valueNames)
            ]
            var found: [Int] = []
            for (name, aliases) in required {
                if let i = find(aliases) {
                    found.append(i)
                } else {
                    headerProblems.add(
                        "kolom \"\(name)\" ontbreekt in de kopregel (verwacht: indicator;regio;periode;waarde)", at: loc
                    )
                }
            }
            if found.count == 4 {
                colIndicator = found[0]
                colRegion = found[1]
                colPeriod = found[2]
                colValue = found[3]
            }
            colStatus = find(["status"])
            colNote = find(["note", "opmerking", "toelichting", "notitie"])
            colReason = find(["reason", "reden", "missing_reason", "reden_ontbreken"])
        case .statLine:
            guard let mapping = options.mapping else {
                throw VitaalError.invalid(
                    "dit lijkt een CBS StatLine-bestand (kolommen RegioS en Perioden): geef een mapping-bestand op (--mapping) dat de kolommen aan indicatorcodes koppelt",
                    at: loc)
            }
            if let r = find(regionNames) {
                colRegion = r
            } else {
                headerProblems.add("kolom \"\(regionNames[0])\" ontbreekt in de kopregel", at: loc)
            }
            if let p = find(periodNames) {
                colPeriod = p
            } else {
                headerProblems.add("kolom \"\(periodNames[0])\" ontbreekt in de kopregel", at: loc)
            }
            for (column, code) in mapping.measures.sorted(by: { $0.key < $1.key }) {
                if let i = find([column]) {
                    measureColumns.append((i, code))
                } else {
                    headerProblems.add("kolom \"\(column)\" uit de mapping ontbreekt in de kopregel", at: loc)
                }
                if catalog.indicator(code) == nil {
                    headerProblems.add(
                        "mapping verwijst naar onbekende indicator \"\(code)\"",
                        at: SourceLocation(file: file, field: column))
                }
            }
            measureColumns.sort { $0.0 < $1.0 }
        case .odata:
            guard let mapping = options.mapping else {
                throw VitaalError.invalid(
                    "een CBS OData-bestand heeft een mapping-bestand nodig (--mapping) dat de Measure-codes aan indicatorcodes koppelt",
                    at: SourceLocation(file: file))
            }
            // The source writes the header itself: Measure, region, period, Value, ValueAttribute.
            colMeasure = 0
            colRegion = 1
            colPeriod = 2
            colValue = 3
            colAttribute = 4
            skippedMeasures = Set(mapping.skip ?? [])
            for (measure, code) in mapping.measures.sorted(by: { $0.key < $1.key }) where catalog.indicator(code) == nil
            {
                headerProblems.add(
                    "mapping verwijst naar onbekende indicator \"\(code)\"",
                    at: SourceLocation(file: file, field: "measures.\(measure)"))
            }
        }
        if !headerProblems.isEmpty, looksLikeData() {
            headerProblems.add(
                "de eerste regel lijkt gegevens te bevatten: voeg een kopregel toe, bijvoorbeeld indicator;regio;periode;waarde",
                at: loc)
        }
        try headerProblems.throwIfAny("kopregel van \(file) is niet bruikbaar")
        if fmt == .long || fmt == .auto { fastCSV = reader as? CSVReader }
    }

    public convenience init(
        url: URL, fileName: String? = nil, catalog: any ImportCatalog, options: ImportOptions = ImportOptions()
    ) throws {
        let reader = try CSVReader(url: url, fileName: fileName, separator: options.separator)
        try self.init(reader: reader, catalog: catalog, options: options)
    }

    public convenience init(
        data: Data, fileName: String, catalog: any ImportCatalog, options: ImportOptions = ImportOptions()
    ) throws {
        let reader = CSVReader(data: data, fileName: fileName, separator: options.separator)
        try self.init(reader: reader, catalog: catalog, options: options)
    }

    public var progress: ImportProgress {
        ImportProgress(bytesRead: reader.bytesRead, totalBytes: reader.totalBytes, records: records)
    }

    /// The next batch of valid rows, or nil when the input is exhausted. After the first problem no
    /// more batches are returned, but the rest of the file is still validated (to list up to 50
    /// problems and count all); `finish()` then throws.
    public func nextBatch() throws -> ImportBatch? {
        guard !done else { return nil }
        var rows: [ImportRow] = []
        rows.reserveCapacity(batchSize)
        while rows.count < batchSize || !problems.isEmpty {
            do {
                if let fastCSV {
                    guard try fastCSV.next(into: &raw) else {
                        done = true
                        break
                    }
                    records += 1
                    readLong(raw: raw, into: &rows)
                } else {
                    guard let record = try reader.next() else {
                        done = true
                        break
                    }
                    records += 1
                    switch format {
                    case .statLine: readStatLine(record, into: &rows)
                    case .odata: readOData(record, into: &rows)
                    case .long, .auto:
                        currentRecord = record
                        readLong(raw: CSVRawRecord(record), into: &rows)
                    }
                }
            } catch let error as VitaalError {
                for p in error.problems { problems.add(p.message, at: p.location) }
                if error.problems.isEmpty { problems.add(error.message, at: SourceLocation(file: fileName)) }
                done = true
                return nil
            }
            if !problems.isEmpty, !rows.isEmpty { rows.removeAll(keepingCapacity: true) }
        }
        guard problems.isEmpty, !rows.isEmpty else { return nil }
        if !options.replace {
            let existing = try catalog.existingKeys(rows.map(\.observation.key))
            if !existing.isEmpty {
                for row in rows where existing.contains(row.observation.key) {
                    let o = row.observation
                    problems.add(
                        "er is al een waarde opgeslagen voor indicator \(o.indicator), regio \(o.region), periode \(o.period): gebruik --replace om bestaande waarden te vervangen",
                        at: SourceLocation(file: fileName, line: row.line))
                }
                // Keep validating the rest of the file for a complete problem list.
                _ = try nextBatch()
                return nil
            }
        }
        values += rows.count
        batchIndex += 1
        if batchIndex == 1, let total = reader.totalBytes, reader.bytesRead > 0, records > 0 {
            // Size the duplicate table once from the first batch's bytes per record (at most 20M keys).
            let estimate = Double(total) / (Double(reader.bytesRead) / Double(records))
            seen.reserve(Int(min(estimate * 1.05, 20_000_000)))
        }
        return ImportBatch(index: batchIndex - 1, rows: rows)
    }

    /// Throws the collected problems, or returns the summary.
    public func finish() throws -> ImportSummary {
        while try nextBatch() != nil {}
        try problems.throwIfAny("import van \(fileName) afgebroken, er is niets opgeslagen")
        return ImportSummary(
            fileName: fileName, format: format, separator: separator, decimalMark: summaryMark,
            records: records, values: values, missing: missing,
            indicatorCodes: indicatorIds.keys.sorted(), regionCount: regionIds.count,
            firstPeriod: firstPeriod, lastPeriod: lastPeriod, batches: batchIndex)
    }

    // MARK: Row validation

    private func loc(_ record: CSVRecord, _ column: Int) -> SourceLocation {
        reader.location(of: record, field: column, name: column < header.count ? header[column] : nil)
    }

    private func checkWidth(_ record: CSVRecord) -> Bool { checkWidth(count: record.count, line: record.line) }

    private func checkWidth(count: Int, line: Int) -> Bool {
        guard count == header.count else {
            problems.add(
                "regel heeft \(count) velden, de kopregel \(header.count) (controleer scheidingstekens en aanhalingstekens)",
                at: SourceLocation(file: fileName, line: line))
            return false
        }
        return true
    }

    /// Where field `column` of a raw record is: as the source names it (`CSVReader.location(of:field:name:)`
    /// for a CSV file, without making a `CSVRecord`).
    private func loc(_ record: CSVRawRecord, _ column: Int) -> SourceLocation {
        if fastCSV == nil, let currentRecord { return loc(currentRecord, column) }
        return SourceLocation(
            file: fileName, line: record.positions[column].line, column: column + 1,
            field: column < header.count ? header[column] : nil)
    }

    private func lookupIndicator(_ record: CSVRecord, _ column: Int, code: String) -> IndicatorDefinition? {
        let def: IndicatorDefinition?
        if let cached = indicatorCache[code] {
            def = cached
        } else {
            def = catalog.indicator(code)
            indicatorCache[code] = .some(def)
        }
        if def == nil {
            problems.add(Self.unknownIndicator(code), at: loc(record, column))
        }
        return def
    }

    private func lookupRegion(_ record: CSVRecord, _ column: Int, code: String) -> Bool {
        let ok: Bool
        if let cached = regionCache[code] {
            ok = cached
        } else {
            ok = catalog.regionExists(code)
            regionCache[code] = ok
        }
        if !ok {
            problems.add(Self.unknownRegion(code), at: loc(record, column))
        }
        return ok
    }

    private func parsePeriod(_ record: CSVRecord, _ column: Int, text: String) -> Period? {
        let p: Period?
        if let cached = periodCache[text] {
            p = cached
        } else {
            p = Period(text)
            periodCache[text] = .some(p)
        }
        if p == nil { problems.add(Self.invalidPeriod(text), at: loc(record, column)) }
        return p
    }

    // One wording for a code the catalogue lacks, whichever layout or path read it.
    private static func unknownIndicator(_ code: String) -> String {
        code.isEmpty ? "indicatorcode ontbreekt" : "onbekende indicator \"\(code)\""
    }
    private static func unknownRegion(_ code: String) -> String {
        code.isEmpty ? "regiocode ontbreekt" : "onbekende regio \"\(code)\""
    }
    private static func invalidPeriod(_ text: String) -> String {
        "ongeldige periode \"\(text)\" (gebruik 2024, 2024Q3, 2024-05 of CBS-codes 2024JJ00, 2024KW03, 2024MM05)"
    }

    private enum Cell {
        case value(Double)
        case missing(MissingReason)
        case invalid
    }

    /// Parses a value cell: number, "." (not available), "x" (confidential) or empty.
    private func parseValue(
        _ record: CSVRecord, _ column: Int, emptyReason: MissingReason?, indicator: IndicatorDefinition?
    ) -> Cell {
        parseValue(
            ArraySlice(record.fields[column].trimmedFast.utf8), line: record.positions[column].line, column: column,
            place: loc(record, column), emptyReason: emptyReason, range: indicator?.validRange, indicator: indicator)
    }

    /// Parses the trimmed bytes of a value cell in `column` (0-based) starting on `line`; `range` is
    /// the indicator's valid range (the indicator itself is needed only for a message).
    private func parseValue(
        _ bytes: ArraySlice<UInt8>, line: Int, column: Int, place: @autoclosure () -> SourceLocation,
        emptyReason: MissingReason?, range: ValueRange?, indicator: @autoclosure () -> IndicatorDefinition?
    ) -> Cell {
        if bytes.isEmpty {
            if let emptyReason { return .missing(emptyReason) }
            problems.add("waarde ontbreekt: vul een getal in, of \".\" of een reden in kolom \"reden\"", at: place())
            return .invalid
        }
        if bytes.count == 1 {
            switch bytes.first {
            case 0x2E: return .missing(.notAvailable)
            case 0x78, 0x58: return .missing(.confidential)
            default: break
            }
        }
        var text: String { String(decoding: bytes, as: UTF8.self) }
        switch numbers.read(bytes, line: line, column: column + 1) {
        case .number(let v):
            // A few hundred digits parse as infinity; no stored value may be that large (charts,
            // sums and conversions downstream stay finite and exact).
            guard v.isFinite, abs(v) < ImportLimits.maxAbsoluteValue else {
                problems.add("waarde \(text.prefix(40)) is te groot: hoogstens 15 cijfers voor de komma", at: place())
                return .invalid
            }
            if let range, !range.contains(v), let indicator = indicator() {
                let lo = range.min.map { ValueFormatter.number($0, decimals: indicator.decimals) } ?? "…"
                let hi = range.max.map { ValueFormatter.number($0, decimals: indicator.decimals) } ?? "…"
                problems.add(
                    "waarde \(text) ligt buiten het toegestane bereik \(lo) – \(hi) van indicator \(indicator.code)",
                    at: place())
                return .invalid
            }
            return .value(v)
        case .invalid:
            problems.add("\"\(text.prefix(40))\" is geen getal", at: place())
            return .invalid
        case .conflict(let message, let place):
            problems.add(
                message,
                at: SourceLocation(
                    file: fileName, line: place.line, column: place.column,
                    field: place.column - 1 < header.count ? header[place.column - 1] : nil))
            return .invalid
        }
    }

    private func intern(_ s: String, _ table: inout [String: UInt64]) -> UInt64 {
        if let id = table[s] { return id }
        let id = UInt64(table.count)
        table[s] = id
        return id
    }

    /// Registers the key; reports a duplicate naming both lines. Returns false for a duplicate.
    private func register(indicator: String, region: String, period: Period, record: CSVRecord, column: Int) -> Bool {
        register(
            ids: (intern(indicator, &indicatorIds), intern(region, &regionIds), periodID(period)),
            indicator: indicator, region: region, period: period, line: record.line, place: loc(record, column))
    }

    /// The id of a period of a stored value; a new period may widen the summary's span. (The
    /// byte path asks once per distinct valid period, the general path per stored value: on a
    /// successful import, where every row is stored, both give the same span.)
    private func periodID(_ period: Period) -> UInt64 {
        if let id = periodIds[period] { return id }
        let id = UInt64(periodIds.count)
        periodIds[period] = id
        if firstPeriod.map({ period < $0 }) ?? true { firstPeriod = period }
        if lastPeriod.map({ period > $0 }) ?? true { lastPeriod = period }
        return id
    }

    /// Registers a key by its interned ids; reports a duplicate naming both lines.
    private func register(
        ids: (i: UInt64, r: UInt64, p: UInt64), indicator: String, region: String, period: Period, line: Int,
        place: @autoclosure () -> SourceLocation
    ) -> Bool {
        let (i, r, p) = ids
        // 21 bits each: up to 2,097,152 distinct indicators, regions and periods per file.
        let key = (i & 0x1F_FFFF) << 42 | (r & 0x1F_FFFF) << 21 | (p & 0x1F_FFFF)
        if let first = seen.insert(key, line: Int32(clamping: line)) {
            problems.add(
                "dubbele waarde voor indicator \(indicator), regio \(region), periode \(period): staat ook op regel \(first)",
                at: place())
            return false
        }
        return true
    }

    /// One long-format record, from its bytes (a sheet's record is converted to bytes first, so
    /// there is one set of checks and messages).
    private func readLong(raw r: CSVRawRecord, into rows: inout [ImportRow]) {
        guard checkWidth(count: r.count, line: r.line) else { return }
        let indicator = indicatorSlots.value(for: Self.trimmed(r, colIndicator)) { bytes in
            let code = String(decoding: bytes, as: UTF8.self)
            let def = catalog.indicator(code)
            return IndicatorSlot(code: code, definition: def, id: def.map { intern($0.code, &indicatorIds) } ?? 0)
        }
        if !indicator.known { problems.add(Self.unknownIndicator(indicator.code), at: loc(r, colIndicator)) }
        let region = regionSlots.value(for: Self.trimmed(r, colRegion)) { bytes in
            let code = String(decoding: bytes, as: UTF8.self)
            let known = catalog.regionExists(code)
            return RegionSlot(code: code, known: known, id: known ? intern(code, &regionIds) : 0)
        }
        if !region.known { problems.add(Self.unknownRegion(region.code), at: loc(r, colRegion)) }
        let period = periodSlots.value(for: Self.trimmed(r, colPeriod)) { bytes in
            let text = String(decoding: bytes, as: UTF8.self)
            let period = Period(text)
            return PeriodSlot(text: text, period: period, id: period.map(periodID) ?? 0)
        }
        if period.period == nil { problems.add(Self.invalidPeriod(period.text), at: loc(r, colPeriod)) }
        var reason: MissingReason?
        var ok = true
        if let colReason {
            let bytes = Self.trimmed(r, colReason)
            if !bytes.isEmpty {
                let text = String(decoding: bytes, as: UTF8.self)
                reason = MissingReason(parsing: text)
                if reason == nil {
                    problems.add(
                        "onbekende reden \"\(text)\" (gebruik nb, geheim, nvt of weinig)", at: loc(r, colReason))
                    ok = false
                }
            }
        }
        var status = defaultStatus
        if let colStatus {
            let bytes = Self.trimmed(r, colStatus)
            if !bytes.isEmpty {
                if let s = statusSlots.value(
                    for: bytes, make: { DataStatus(parsing: String(decoding: $0, as: UTF8.self)) })
                {
                    status = s
                } else {
                    problems.add(
                        "onbekende status \"\(String(decoding: bytes, as: UTF8.self))\" (gebruik voorlopig, definitief of voorbeeld)",
                        at: loc(r, colStatus))
                    ok = false
                }
            }
        }
        let cell = parseValue(
            Self.trimmed(r, colValue), line: r.positions[colValue].line, column: colValue, place: loc(r, colValue),
            emptyReason: reason, range: indicator.range, indicator: indicator.definition)
        // The definition stays in its slot (copying it per row cost more than the rest of the row).
        guard ok, indicator.known, region.known, let p = period.period else { return }
        guard
            register(
                ids: (indicator.id, region.id, period.id), indicator: indicator.storedCode, region: region.code,
                period: p, line: r.line, place: loc(r, colIndicator))
        else { return }
        let note = colNote.map { Self.trimmed(r, $0) }.flatMap {
            $0.isEmpty ? nil : String(decoding: $0, as: UTF8.self)
        }
        append(cell, indicator.storedCode, region.code, p, status: status, note: note, line: r.line, into: &rows)
    }

    /// Field `index` without the spaces and tabs around it, as `trimmedFast` trims a `String`; a field
    /// with a non-ASCII byte at an end (a no-break space?) is trimmed through `String`.
    private static func trimmed(_ record: CSVRawRecord, _ index: Int) -> ArraySlice<UInt8> {
        let field = record.field(index)
        var bytes = field
        while let b = bytes.first, b == 0x20 || b == 0x09 { bytes = bytes.dropFirst() }
        while let b = bytes.last, b == 0x20 || b == 0x09 { bytes = bytes.dropLast() }
        if let first = bytes.first, let last = bytes.last, first >= 0x80 || last >= 0x80 {
            return ArraySlice(String(decoding: field, as: UTF8.self).trimmedFast.utf8)
        }
        return bytes
    }

    private func readStatLine(_ record: CSVRecord, into rows: inout [ImportRow]) {
        guard checkWidth(record) else { return }
        let region = record.fields[colRegion].trimmedFast
        let periodText = record.fields[colPeriod].trimmedFast
        let regionOK = lookupRegion(record, colRegion, code: region)
        let period = parsePeriod(record, colPeriod, text: periodText)
        for (column, code) in measureColumns {
            let def = lookupIndicator(record, column, code: code)
            let cell = parseValue(record, column, emptyReason: .notAvailable, indicator: def)
            guard let def, regionOK, let period else { continue }
            guard register(indicator: def.code, region: region, period: period, record: record, column: column) else {
                continue
            }
            append(cell, def.code, region, period, status: mappingStatus, line: record.line, into: &rows)
        }
    }

    private func readOData(_ record: CSVRecord, into rows: inout [ImportRow]) {
        let measure = record.fields[colMeasure].trimmedFast
        let regionText = record.fields[colRegion].trimmedFast
        let periodText = record.fields[colPeriod].trimmedFast
        if let lists = (reader as? ODataObservationSource)?.codeLists {
            // Codes the table's own code lists do not have: CBS does not use them here.
            var unknown = false
            for (list, text, column, name) in [
                (lists.measures, measure, colMeasure, "MeasureCodes"),
                (lists.regions, regionText, colRegion, "codelijst van \(header[colRegion])"),
                (lists.periods, periodText, colPeriod, "PeriodenCodes")
            ] {
                if let list, !list.contains(text) {
                    problems.add(
                        "code \"\(text.prefix(40))\" komt niet voor in de \(name) van deze CBS-tabel",
                        at: loc(record, column))
                    unknown = true
                }
            }
            if unknown { return }
        }
        if skippedMeasures.contains(measure) { return }
        guard let code = options.mapping?.measures[measure] else {
            problems.add(
                measure.isEmpty
                    ? "Measure ontbreekt"
                    : "Measure \"\(measure)\" staat niet in de mapping: koppel hem aan een indicator onder \"measures\" of zet hem onder \"skip\"",
                at: loc(record, colMeasure))
            return
        }
        let region = regionText
        let def = lookupIndicator(record, colMeasure, code: code)
        let regionOK = lookupRegion(record, colRegion, code: region)
        let period = parsePeriod(record, colPeriod, text: periodText)
        let attribute = record.fields[colAttribute].trimmedFast
        guard let reason = Self.missingReason(odataAttribute: attribute) else {
            problems.add(
                "onbekend ValueAttribute \"\(attribute.prefix(40))\" (bekend: None, Impossible, Confidential, NotAvailable, Unknown, Missing, TooFewObservations, Unreliable)",
                at: loc(record, colAttribute))
            return
        }
        let valueText = record.fields[colValue].trimmedFast
        let cell: Cell
        if let reason {
            // A reason: whatever Value holds (CBS writes null) is not a figure.
            cell = .missing(reason)
        } else if valueText.isEmpty {
            // "None" without a value: CBS has no figure; never a 0.
            cell = .missing(.notAvailable)
        } else {
            cell = parseValue(record, colValue, emptyReason: .notAvailable, indicator: def)
        }
        guard let def, regionOK, let period else { return }
        guard register(indicator: def.code, region: region, period: period, record: record, column: colMeasure) else {
            return
        }
        append(cell, def.code, region, period, status: mappingStatus, line: record.line, into: &rows)
    }

    /// The row of one parsed cell, whatever the layout: a value, or no value with its reason (counted
    /// as missing). An invalid cell has already been reported and gives no row.
    private func append(
        _ cell: Cell, _ indicator: String, _ region: String, _ period: Period, status: DataStatus,
        note: String? = nil, line: Int, into rows: inout [ImportRow]
    ) {
        let value: Double?
        let reason: MissingReason?
        switch cell {
        case .value(let v): (value, reason) = (v, nil)
        case .missing(let r): (value, reason) = (nil, r)
        case .invalid: return
        }
        if value == nil { missing += 1 }
        rows.append(
            ImportRow(
                observation: Observation(
                    indicator: indicator, region: region, period: period, value: value, missingReason: reason,
                    status: status, note: note), line: line))
    }
}

extension ImportSession {
    /// What CBS's `ValueAttribute` says about a value: "None" means an ordinary value; the others
    /// say why there is none. A value is never read as 0 because it is missing.
    static func missingReason(odataAttribute text: String) -> MissingReason?? {
        switch text {
        case "None", "": return .some(nil)
        case "Impossible": return .some(.notApplicable)
        case "Confidential": return .some(.confidential)
        case "NotAvailable", "Unknown", "Missing": return .some(.notAvailable)
        case "TooFewObservations", "Unreliable": return .some(.tooFewObservations)
        default: return nil
        }
    }
}

/// Reads numbers with a decimal comma or point and optional thousands separators, keeping the
/// decimal mark consistent within one file. Rules in docs/import-formats.md.
struct NumberReader {
    enum Result {
        case number(Double)
        case invalid
        case conflict(String, (line: Int, column: Int))
    }
    private(set) var mark: DecimalMark?
    private var evidence: (line: Int, column: Int)?
    private let fixed: Bool
    private let assumed: DecimalMark
    private var ambiguous: (line: Int, column: Int, text: String)?

    init(given: DecimalMark?, separator: CSVSeparator) {
        if let given {
            mark = given
            fixed = true
            assumed = given
        } else if separator == .comma {
            mark = .point
            fixed = true
            assumed = .point
        } else {
            mark = nil
            fixed = false
            assumed = .comma
        }
    }

    /// Records the decimal mark a value proves; a conflict with the mark seen before (or fixed), or
    /// an earlier ambiguous value read the other way, is returned as the result for this value.
    private mutating func prove(
        _ proven: DecimalMark, line: Int, column: Int, text: @autoclosure () -> String
    ) -> Result? {
        if let mark, mark != proven {
            let reason: String
            if fixed, evidence == nil {
                reason =
                    "het decimaalteken in dit bestand is een \(mark.dutchName)"
                    + (assumed == .point ? " (komma is het scheidingsteken)" : "")
            } else {
                reason = "regel \(evidence?.line ?? 0) gebruikt een \(mark.dutchName) als decimaalteken"
            }
            return .conflict(
                "\"\(text())\" gebruikt een \(proven.dutchName) als decimaalteken, maar \(reason): gebruik één decimaalteken per bestand",
                (line, column))
        }
        if mark == nil {
            mark = proven
            evidence = (line, column)
            if let amb = ambiguous, proven != assumed {
                ambiguous = nil
                return .conflict(
                    "\"\(amb.text)\" is dubbelzinnig: gelezen met een \(assumed.dutchName) als decimaalteken, maar regel \(line) gebruikt een \(proven.dutchName); schrijf het getal zonder scheidingsteken voor duizendtallen",
                    (amb.line, amb.column))
            }
        }
        return nil
    }

    /// The common case without allocating: an optional sign, digits and at most one decimal mark,
    /// 15 digits or fewer, and not "1.234" / "1,234" (which may be a thousands group and needs the
    /// general rules). Then `m / 10^k` is exactly what `Double("…")` gives: m < 2^53 and 10^k ≤ 10^22
    /// are exact, so the one division is correctly rounded. Anything else returns nil.
    private mutating func readSimple(_ bytes: ArraySlice<UInt8>, line: Int, column: Int) -> Result? {
        var negative = false
        var mantissa: UInt64 = 0
        var intDigits = 0
        var fractionDigits = 0
        var markByte: UInt8 = 0
        var firstDigit: UInt8 = 0
        var index = bytes.startIndex
        if index < bytes.endIndex, bytes[index] == 0x2D || bytes[index] == 0x2B {
            negative = bytes[index] == 0x2D
            index += 1
        }
        while index < bytes.endIndex {
            let b = bytes[index]
            if b >= 0x30, b <= 0x39 {
                if intDigits + fractionDigits == 15 { return nil }
                mantissa = mantissa * 10 + UInt64(b - 0x30)
                if markByte == 0 {
                    if intDigits == 0 { firstDigit = b }
                    intDigits += 1
                } else {
                    fractionDigits += 1
                }
            } else if b == 0x2E || b == 0x2C, markByte == 0 {
                markByte = b
            } else {
                return nil
            }
            index += 1
        }
        guard intDigits + fractionDigits > 0 else { return nil }
        if markByte == 0 { return .number(negative ? -Double(mantissa) : Double(mantissa)) }
        if (1...3).contains(intDigits), fractionDigits == 3, firstDigit != 0x30 { return nil }
        if let conflict = prove(
            markByte == 0x2C ? .comma : .point, line: line, column: column,
            text: String(decoding: bytes, as: UTF8.self))
        {
            return conflict
        }
        let value = Double(mantissa) / Self.powersOfTen[fractionDigits]
        return .number(negative ? -value : value)
    }

    private static func validGroups(_ groups: [ArraySlice<UInt8>]) -> Bool {
        guard let first = groups.first, (1...3).contains(first.count), first.first != 0x30 else { return false }
        return groups.dropFirst().allSatisfy { $0.count == 3 }
    }

    private static func value(negative: Bool, intDigits: [UInt8], fraction: ArraySlice<UInt8>?) -> Double? {
        var s = negative ? "-" : ""
        s += String(decoding: intDigits.isEmpty ? [0x30] : intDigits, as: UTF8.self)
        if let fraction { s += "." + String(decoding: fraction.isEmpty ? [0x30] : Array(fraction), as: UTF8.self) }
        return Double(s)
    }

    /// Exact powers of ten as doubles (10^0 … 10^22 are exact).
    private static let powersOfTen: [Double] = (0...22).map { pow(10, Double($0)) }

    mutating func read(_ text: String, line: Int, column: Int) -> Result {
        read(ArraySlice(text.utf8), line: line, column: column)
    }

    mutating func read(_ input: ArraySlice<UInt8>, line: Int, column: Int) -> Result {
        readSimple(input, line: line, column: column) ?? readGeneral(input, line: line, column: column)
    }

    /// Every form the rules allow (thousands separators, ambiguity between "1.234" and 1,234).
    mutating func readGeneral(_ input: ArraySlice<UInt8>, line: Int, column: Int) -> Result {
        var text: String { String(decoding: input, as: UTF8.self) }
        var negative = false
        var bytes = input
        if let f = bytes.first, f == 0x2D || f == 0x2B {
            negative = f == 0x2D
            bytes = bytes.dropFirst()
        }
        guard !bytes.isEmpty else { return .invalid }
        var dots = 0
        var commas = 0
        var lastMark: UInt8 = 0
        for b in bytes {
            switch b {
            case 0x30...0x39: continue
            case 0x2E:
                dots += 1
                lastMark = b
            case 0x2C:
                commas += 1
                lastMark = b
            default: return .invalid
            }
        }
        if dots == 0 && commas == 0 { return Double(text).map { .number($0) } ?? .invalid }

        // Decide which byte is the decimal mark for this value, and whether that is certain.
        let decimalByte: UInt8?  // nil = integer with thousands separators
        let certain: Bool
        if dots > 0 && commas > 0 {
            decimalByte = lastMark
            certain = true
        } else {
            let markByte: UInt8 = dots > 0 ? 0x2E : 0x2C
            let groups = bytes.split(separator: markByte, omittingEmptySubsequences: false)
            if groups.count > 2 {
                decimalByte = nil
                certain = true  // "1.234.567": thousands separators only
            } else if Self.validGroups(groups) {
                // "1.234" / "1,234": decimal mark or thousands separator.
                let current = mark ?? assumed
                decimalByte = current.byte == markByte ? markByte : nil
                certain = false
                if mark == nil, ambiguous == nil { ambiguous = (line, column, text) }
            } else {
                decimalByte = markByte
                certain = true
            }
        }
        // The decimal mark this value proves (for "1.234.567": the other mark).
        let proven: DecimalMark? = {
            guard certain else { return nil }
            if let decimalByte { return decimalByte == 0x2C ? .comma : .point }
            return dots > 0 ? .comma : .point
        }()
        if let proven, let conflict = prove(proven, line: line, column: column, text: text) { return conflict }
        // Build the value.
        guard let decimalByte else {
            let digits = bytes.filter { $0 != 0x2E && $0 != 0x2C }
            let sepByte: UInt8 = dots > 0 ? 0x2E : 0x2C
            guard Self.validGroups(bytes.split(separator: sepByte, omittingEmptySubsequences: false)) else {
                return .invalid
            }
            return Self.value(negative: negative, intDigits: digits, fraction: nil).map { .number($0) } ?? .invalid
        }
        guard let d = bytes.lastIndex(of: decimalByte), bytes.filter({ $0 == decimalByte }).count == 1 else {
            return .invalid
        }
        let intPart = bytes[..<d]
        let fraction = bytes[(d + 1)...]
        let thousands: UInt8 = decimalByte == 0x2E ? 0x2C : 0x2E
        if fraction.contains(thousands) { return .invalid }
        var digits: [UInt8] = []
        if intPart.contains(thousands) {
            guard Self.validGroups(intPart.split(separator: thousands, omittingEmptySubsequences: false)) else {
                return .invalid
            }
            digits = intPart.filter { $0 != thousands }
        } else {
            digits = Array(intPart)
        }
        if digits.isEmpty && fraction.isEmpty { return .invalid }
        return Self.value(negative: negative, intDigits: digits, fraction: fraction).map { .number($0) } ?? .invalid
    }
}

/// Runs an import in one call. Call it inside one DB transaction: `sink` stores each batch; any
/// thrown error (problems in the file, or from the sink) means the app must roll back.
public enum ImportPipeline {
    public static func run(
        session: ImportSession, sink: (ImportBatch) throws -> Void,
        progress: (ImportProgress) -> Void = { _ in }
    ) throws -> ImportSummary {
        while let batch = try session.nextBatch() {
            try sink(batch)
            progress(session.progress)
        }
        let summary = try session.finish()
        progress(session.progress)
        return summary
    }

    public static func run(
        url: URL, fileName: String? = nil, catalog: any ImportCatalog, options: ImportOptions = ImportOptions(),
        sink: (ImportBatch) throws -> Void, progress: (ImportProgress) -> Void = { _ in }
    ) throws -> ImportSummary {
        try run(
            session: ImportSession(url: url, fileName: fileName, catalog: catalog, options: options), sink: sink,
            progress: progress)
    }

    public static func run(
        data: Data, fileName: String, catalog: any ImportCatalog, options: ImportOptions = ImportOptions(),
        sink: (ImportBatch) throws -> Void, progress: (ImportProgress) -> Void = { _ in }
    ) throws -> ImportSummary {
        try run(
            session: ImportSession(data: data, fileName: fileName, catalog: catalog, options: options), sink: sink,
            progress: progress)
    }

    /// Async sink variant (e.g. a Fluent transaction). File reading itself is blocking.
    public static func run(
        session: ImportSession, sink: (ImportBatch) async throws -> Void,
        progress: (ImportProgress) -> Void = { _ in }
    ) async throws -> ImportSummary {
        while let batch = try session.nextBatch() {
            try await sink(batch)
            progress(session.progress)
        }
        let summary = try session.finish()
        progress(session.progress)
        return summary
    }
}

extension String {
    /// Trims spaces and tabs; returns `self` without Foundation work when there is nothing to trim.
    var trimmedFast: String {
        guard let f = utf8.first, let l = utf8.last else { return self }
        if f != 0x20, f != 0x09, l != 0x20, l != 0x09, f != 0xC2, l != 0xA0 { return self }
        return trimmingCharacters(in: .whitespaces)
    }
}

/// Bounds of imported values.
public enum ImportLimits {
    /// Values must be smaller than 10^15 in absolute value (exact in a Double, safe to convert).
    public static let maxAbsoluteValue = 1e15
}

/// What the import knows about a code, found by the code's bytes without making a `String` per
/// row: the previous hit first (files repeat an indicator or a period row after row), then a table
/// keyed by a hash of the bytes. `make` runs once per distinct code.
struct ByteLookup<Value> {
    private var lastKey: [UInt8] = []
    private var lastValue: Value?
    private var table: [UInt64: [(key: [UInt8], value: Value)]] = [:]

    mutating func value(for bytes: ArraySlice<UInt8>, make: (ArraySlice<UInt8>) -> Value) -> Value {
        if let lastValue, Self.equal(bytes, lastKey[...]) { return lastValue }
        // FNV-1a: cheap, and the entries compare the bytes themselves.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { hash = (hash ^ UInt64(b)) &* 0x100_0000_01b3 }
        let value: Value
        if let found = table[hash]?.first(where: { Self.equal(bytes, $0.key[...]) }) {
            value = found.value
        } else {
            value = make(bytes)
            table[hash, default: []].append((Array(bytes), value))
        }
        lastKey.removeAll(keepingCapacity: true)
        lastKey.append(contentsOf: bytes)
        lastValue = value
        return value
    }

    private static func equal(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        if a.isEmpty { return true }
        return a.withUnsafeBytes { x in b.withUnsafeBytes { y in memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 }
        }
    }
}

/// The keys of one import (indicator, region and period ids packed into 63 bits) with the line each
/// first appeared on: open addressing with linear probing and a multiplicative hash, 12 bytes a
/// slot, at most three quarters full. Faster than a `Dictionary` for a million keys, same memory.
struct KeyLineTable {
    /// key + 1 per slot; 0 = empty.
    private var keys = [UInt64](repeating: 0, count: 1 << 12)
    private var lines = [Int32](repeating: 0, count: 1 << 12)
    private var shift = 64 - 12
    private(set) var count = 0

    /// Stores `key` first seen on `line`; returns the earlier line instead when the key is there.
    mutating func insert(_ key: UInt64, line: Int32) -> Int32? {
        if (count + 1) * 4 > keys.count * 3 { grow() }
        let stored = key &+ 1
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: (stored &* 0x9E37_79B9_7F4A_7C15) >> UInt64(shift))
        while true {
            let k = keys[slot]
            if k == 0 {
                keys[slot] = stored
                lines[slot] = line
                count += 1
                return nil
            }
            if k == stored { return lines[slot] }
            slot = (slot + 1) & mask
        }
    }

    /// Makes room for `expected` keys at once (growing step by step re-inserts every key each time).
    mutating func reserve(_ expected: Int) {
        var doublings = 0
        while expected * 4 > (keys.count << doublings) * 3 { doublings += 1 }
        if doublings > 0 { grow(doublings: doublings) }
    }

    private mutating func grow(doublings: Int = 1) {
        let oldKeys = keys
        let oldLines = lines
        keys = [UInt64](repeating: 0, count: oldKeys.count << doublings)
        lines = [Int32](repeating: 0, count: oldKeys.count << doublings)
        shift -= doublings
        count = 0
        for (k, line) in zip(oldKeys, oldLines) where k != 0 { _ = insert(k &- 1, line: line) }
    }
}
