import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// One sheet of an xlsx workbook as import records: the first non-empty row is the header, each
/// further non-empty row a record. The parts (sheet XML, shared strings) are read from the zip by
/// the app (which limits how far it may expand); this type only reads XML.
///
/// Refused, each with the cell reference: formulas (a value the sheet computes is not a figure the
/// supplier published — paste the values), merged cells (a merged header hides which column is
/// which), error cells (`#N/A`), cells right of the header, and a second header row (the first
/// row under the header that holds only text where the next row holds numbers).
public final class XLSXSheetSource: ImportRecordSource {
    public let fileName: String
    public let sheetName: String
    public var separator: CSVSeparator? { nil }
    public private(set) var bytesRead = 0
    public let totalBytes: Int?
    public var fixedDecimalMark: DecimalMark? { .point }

    private var records: [CSVRecord] = []
    private var nextIndex = 0

    /// Largest sheet read: rows × columns.
    public static let maxCells = 5_000_000

    public init(sheet: Data, sharedStrings: Data?, fileName: String, sheetName: String) throws {
        self.fileName = fileName
        self.sheetName = sheetName
        self.totalBytes = sheet.count
        let strings = try sharedStrings.map { try Self.readSharedStrings($0, fileName: fileName) } ?? []
        let parsed = try SheetParser.parse(sheet, strings: strings, fileName: fileName, sheetName: sheetName)
        var problems = ProblemCollector()
        let place = { (ref: String) in Self.location(fileName, sheetName, ref) }
        for range in parsed.merged {
            problems.add(
                "samengevoegde cellen \(range): maak de cellen los en geef elke kolom een eigen kopcel",
                at: place(range))
        }
        for (ref, formula) in parsed.formulas.prefix(20) {
            problems.add(
                "cel bevat een formule (=\(formula.prefix(40))): importeer alleen vaste waarden (kopieer en plak als waarden)",
                at: place(ref))
        }
        for (ref, error) in parsed.errors.prefix(20) {
            problems.add("cel bevat een foutwaarde (\(error.prefix(20)))", at: place(ref))
        }
        try problems.throwIfAny("blad \"\(sheetName)\" van \(fileName) kan niet worden gelezen, er is niets opgeslagen")

        let rows = parsed.rows.filter { !$0.cells.isEmpty }.sorted { $0.number < $1.number }
        guard let header = rows.first else {
            throw VitaalError.invalid(
                "blad \"\(sheetName)\" is leeg", at: SourceLocation(file: fileName, element: "blad \"\(sheetName)\""))
        }
        let width = (header.cells.keys.max() ?? 0) + 1
        for row in rows.dropFirst() {
            if let beyond = row.cells.keys.filter({ $0 >= width }).min() {
                problems.add(
                    "cel ligt rechts van de kopregel (die heeft \(width) kolommen): geef de kolom een kop of maak de cel leeg",
                    at: place(Self.reference(column: beyond, row: row.number)))
            }
        }
        // A second header row: text-only where the row after it has numbers in the same column.
        if rows.count >= 3 {
            let first = rows[1]
            let second = rows[2]
            let textOnly = !first.cells.values.contains { $0.isNumber }
            let numericBelow = first.cells.contains { column, cell in
                !cell.isNumber && second.cells[column]?.isNumber == true
            }
            if textOnly, numericBelow {
                problems.add(
                    "rij \(first.number) lijkt een tweede kopregel (alleen tekst boven rijen met getallen): gebruik één kopregel en zet toelichting in een apart blad",
                    at: place(Self.reference(column: first.cells.keys.min() ?? 0, row: first.number)))
            }
        }
        try problems.throwIfAny("blad \"\(sheetName)\" van \(fileName) kan niet worden gelezen, er is niets opgeslagen")
        records = rows.map { row in
            CSVRecord(
                fields: (0..<width).map { row.cells[$0]?.text ?? "" }, line: row.number,
                positions: (0..<width).map { CSVPosition(line: row.number, column: $0 + 1) })
        }
    }

    public func next() throws -> CSVRecord? {
        guard nextIndex < records.count else {
            bytesRead = totalBytes ?? 0
            return nil
        }
        defer { nextIndex += 1 }
        return records[nextIndex]
    }

    public func location(of record: CSVRecord, field index: Int, name: String?) -> SourceLocation {
        var location = Self.location(fileName, sheetName, Self.reference(column: index, row: record.line))
        location.field = name
        return location
    }

    static func location(_ file: String, _ sheet: String, _ reference: String) -> SourceLocation {
        SourceLocation(file: file, element: "blad \"\(sheet)\", cel \(reference)")
    }

    /// "B17" for column index 1 (0-based), row 17.
    public static func reference(column: Int, row: Int) -> String {
        var n = column + 1
        var letters = ""
        while n > 0 {
            let r = (n - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + r))) + letters
            n = (n - 1) / 26
        }
        return letters + String(row)
    }

    /// 0-based column index and row of "AB12"; nil for anything else.
    public static func parseReference(_ text: String) -> (column: Int, row: Int)? {
        var column = 0
        var digits = ""
        for ch in text.uppercased() {
            if digits.isEmpty, let a = ch.asciiValue, (65...90).contains(a) {
                column = column * 26 + Int(a - 64)
                if column > 16_384 { return nil }
            } else if ch.isASCII, ch.isNumber {
                digits.append(ch)
            } else {
                return nil
            }
        }
        guard column > 0, let row = Int(digits), (1...1_048_576).contains(row) else { return nil }
        return (column - 1, row)
    }

    // MARK: XML

    struct Cell {
        var text: String
        var isNumber: Bool
    }
    struct Row {
        var number: Int
        var cells: [Int: Cell]
    }

    static func readSharedStrings(_ data: Data, fileName: String) throws -> [String] {
        let delegate = SharedStringsDelegate()
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        guard parser.parse() else {
            throw VitaalError.invalid(
                "xl/sharedStrings.xml is geen geldige XML (regel \(parser.lineNumber))",
                at: SourceLocation(file: fileName))
        }
        return delegate.strings
    }

    private final class SharedStringsDelegate: NSObject, XMLParserDelegate {
        var strings: [String] = []
        private var current: String?
        private var inText = false
        private var depthInPhonetic = 0
        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            switch name {
            case "si": current = ""
            case "rPh": depthInPhonetic += 1
            case "t": inText = depthInPhonetic == 0
            default: break
            }
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inText { current? += string }
        }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            switch name {
            case "si":
                strings.append(current ?? "")
                current = nil
            case "rPh": depthInPhonetic -= 1
            case "t": inText = false
            default: break
            }
        }
    }

    struct ParsedSheet {
        var rows: [Row] = []
        var merged: [String] = []
        var formulas: [(String, String)] = []
        var errors: [(String, String)] = []
    }

    private final class SheetParser: NSObject, XMLParserDelegate {
        let strings: [String]
        var result = ParsedSheet()
        var problem: String?
        private var cells = 0
        private var row: Row?
        private var nextRow = 1
        private var ref: (column: Int, row: Int)?
        private var refText = ""
        private var type = "n"
        private var value = ""
        private var formula = ""
        private var inValue = false
        private var inFormula = false
        private var inInline = false
        private var hasFormula = false
        private var nextColumn = 0

        init(strings: [String]) { self.strings = strings }

        static func parse(_ data: Data, strings: [String], fileName: String, sheetName: String) throws -> ParsedSheet {
            let delegate = SheetParser(strings: strings)
            let parser = XMLParser(data: data)
            parser.delegate = delegate
            let ok = parser.parse()
            if let problem = delegate.problem {
                throw VitaalError.invalid(problem, at: SourceLocation(file: fileName, element: "blad \"\(sheetName)\""))
            }
            guard ok else {
                throw VitaalError.invalid(
                    "blad \"\(sheetName)\" is geen geldige XML (regel \(parser.lineNumber))",
                    at: SourceLocation(file: fileName))
            }
            return delegate.result
        }

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            switch name {
            case "row":
                let number = attributes["r"].flatMap(Int.init) ?? nextRow
                row = Row(number: number, cells: [:])
                nextRow = number + 1
                nextColumn = 0
            case "c":
                let parsed = attributes["r"].flatMap(XLSXSheetSource.parseReference)
                ref = parsed ?? (nextColumn, row?.number ?? nextRow)
                refText = XLSXSheetSource.reference(column: ref!.column, row: ref!.row)
                nextColumn = (ref?.column ?? nextColumn) + 1
                type = attributes["t"] ?? "n"
                value = ""
                formula = ""
                hasFormula = false
                cells += 1
                if cells > XLSXSheetSource.maxCells {
                    problem = "het blad heeft meer dan \(XLSXSheetSource.maxCells) cellen"
                    parser.abortParsing()
                }
            case "v": inValue = true
            case "f":
                inFormula = true
                hasFormula = true
            case "is": inInline = true
            case "t": if inInline { inValue = true }
            case "mergeCell": if let r = attributes["ref"] { result.merged.append(String(r.prefix(20))) }
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inFormula {
                formula += string
            } else if inValue {
                value += string
            }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            switch name {
            case "v": inValue = false
            case "f": inFormula = false
            case "t": if inInline { inValue = false }
            case "is": inInline = false
            case "c":
                defer { ref = nil }
                guard let ref else { return }
                if hasFormula {
                    result.formulas.append((refText, formula.isEmpty ? "…" : formula))
                    return
                }
                let cell: Cell?
                switch type {
                case "s":
                    if let i = Int(value), strings.indices.contains(i) {
                        cell = Cell(text: strings[i], isNumber: false)
                    } else {
                        cell = nil
                    }
                case "inlineStr", "str": cell = Cell(text: value, isNumber: false)
                case "b": cell = Cell(text: value == "1" ? "1" : "0", isNumber: true)
                case "e":
                    result.errors.append((refText, value))
                    cell = nil
                default:
                    // Excel writes very small or large numbers with an exponent ("1E-3"), which the
                    // number reader does not take: written out in full.
                    let text =
                        value.contains(where: { $0 == "E" || $0 == "e" })
                        ? Double(value).map(ODataObservationSource.plain) ?? value : value
                    cell = text.isEmpty ? nil : Cell(text: text, isNumber: true)
                }
                if let cell, !cell.text.trimmingCharacters(in: .whitespaces).isEmpty {
                    row?.cells[ref.column] = cell
                }
            case "row":
                if let row { result.rows.append(row) }
                row = nil
            default: break
            }
        }
    }
}

/// The sheets of a workbook (`xl/workbook.xml` with its relationships), in workbook order.
public enum XLSXWorkbook {
    public struct Sheet: Sendable, Hashable {
        public var name: String
        /// Path of the sheet's XML inside the zip, e.g. "xl/worksheets/sheet1.xml".
        public var path: String
    }

    public static func sheets(workbook: Data, relationships: Data, fileName: String) throws -> [Sheet] {
        let book = NamesDelegate(element: "sheet", keys: ["name", "r:id", "id"])
        let rels = NamesDelegate(element: "Relationship", keys: ["Id", "Target"])
        for (data, delegate, part) in [
            (workbook, book, "xl/workbook.xml"), (relationships, rels, "xl/_rels/workbook.xml.rels")
        ] {
            let parser = XMLParser(data: data)
            parser.delegate = delegate
            guard parser.parse() else {
                throw VitaalError.invalid("\(part) is geen geldige XML", at: SourceLocation(file: fileName))
            }
        }
        let targets = Dictionary(
            rels.items.compactMap { a in a["Id"].flatMap { id in a["Target"].map { (id, $0) } } },
            uniquingKeysWith: { a, _ in a })
        return book.items.compactMap { a in
            guard let name = a["name"], let id = a["r:id"] ?? a["id"], let target = targets[id] else { return nil }
            let path = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            return Sheet(name: name, path: path)
        }
    }

    private final class NamesDelegate: NSObject, XMLParserDelegate {
        let element: String
        let keys: [String]
        var items: [[String: String]] = []
        init(element: String, keys: [String]) {
            self.element = element
            self.keys = keys
        }
        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            guard name == element || qualifiedName == element else { return }
            var item: [String: String] = [:]
            for key in keys { if let v = attributes[key] { item[key] = v } }
            items.append(item)
        }
    }
}
