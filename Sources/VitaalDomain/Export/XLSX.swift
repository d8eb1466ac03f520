import Foundation

/// A minimal xlsx (OOXML SpreadsheetML) writer. It produces the parts of a workbook as
/// `(path, data)` pairs; the app zips them (ZIPFoundation) into a `.xlsx` file.
/// Text goes in as inline strings (no shared-strings part); numbers as numbers.
public enum XLSX {
    /// One cell.
    public enum Cell: Sendable, Hashable {
        case text(String)
        case number(Double)
        /// A number shown with thousands separators and no decimals (style "#,##0").
        case amount(Double)
        /// A fraction shown as a percentage (style "0%"): 0.36 → 36%.
        case percent(Double)
        case empty

        public init(_ money: Money) { self = .amount(Double(money.cents) / 100) }
    }

    /// One worksheet. With `boldHeader`, the first row is bold.
    public struct Sheet: Sendable, Hashable {
        public var name: String
        public var rows: [[Cell]]
        public var boldHeader: Bool
        public init(name: String, rows: [[Cell]], boldHeader: Bool = true) {
            self.name = name
            self.rows = rows
            self.boldHeader = boldHeader
        }
    }

    /// Style indexes in xl/styles.xml (`cellXfs`).
    enum Style: Int {
        case plain = 0
        case bold = 1
        case amount = 2
        case percent = 3
        case boldAmount = 4
        case boldPercent = 5
    }

    /// Column letters for a zero-based index: 0 → "A", 25 → "Z", 26 → "AA", 701 → "ZZ", 702 → "AAA".
    public static func columnName(_ index: Int) -> String {
        precondition(index >= 0, "column index must not be negative")
        var n = index + 1
        var letters: [Character] = []
        while n > 0 {
            let r = (n - 1) % 26
            letters.append(Character(UnicodeScalar(UInt8(65 + r))))
            n = (n - 1) / 26
        }
        return String(letters.reversed())
    }

    /// Cell reference for zero-based row and column: (0, 0) → "A1", (9, 26) → "AA10".
    public static func reference(row: Int, column: Int) -> String { "\(columnName(column))\(row + 1)" }

    /// The workbook's parts. Sheet names are checked: 1–31 characters, none of `[ ] : * ? / \`,
    /// unique (case-insensitive); at least one sheet.
    public static func parts(_ sheets: [Sheet]) throws -> [(path: String, data: Data)] {
        guard !sheets.isEmpty else {
            throw VitaalError.invalid(
                "een werkmap heeft ten minste één werkblad nodig", at: SourceLocation(field: "sheets"))
        }
        var seen: Set<String> = []
        for (i, sheet) in sheets.enumerated() {
            let place = SourceLocation(field: "name", element: "werkblad \(i + 1)")
            if sheet.name.isEmpty || sheet.name.count > 31 {
                throw VitaalError.invalid(
                    "de naam van een werkblad moet 1 tot 31 tekens hebben (\"\(sheet.name)\")", at: place)
            }
            if sheet.name.contains(where: { "[]:*?/\\".contains($0) }) {
                throw VitaalError.invalid(
                    "de naam \"\(sheet.name)\" bevat een teken dat niet mag: [ ] : * ? / \\", at: place)
            }
            if !seen.insert(sheet.name.lowercased()).inserted {
                throw VitaalError.invalid("de naam \"\(sheet.name)\" komt twee keer voor", at: place)
            }
        }
        var parts: [(path: String, data: Data)] = []
        func add(_ path: String, _ xml: String) { parts.append((path, Data(xml.utf8))) }
        let header = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"

        var types = header + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        types += #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        types += #"<Default Extension="xml" ContentType="application/xml"/>"#
        types +=
            #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
        types +=
            #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
        for i in sheets.indices {
            types +=
                #"<Override PartName="/xl/worksheets/sheet\#(i + 1).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        }
        types += "</Types>"
        add("[Content_Types].xml", types)

        add(
            "_rels/.rels",
            header
                + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
        )

        var workbook =
            header
            + #"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>"#
        for (i, sheet) in sheets.enumerated() {
            workbook += #"<sheet name="\#(escape(sheet.name))" sheetId="\#(i + 1)" r:id="rId\#(i + 1)"/>"#
        }
        workbook += "</sheets></workbook>"
        add("xl/workbook.xml", workbook)

        var rels = header + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        for i in sheets.indices {
            rels +=
                #"<Relationship Id="rId\#(i + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet\#(i + 1).xml"/>"#
        }
        rels +=
            #"<Relationship Id="rId\#(sheets.count + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#
        rels += "</Relationships>"
        add("xl/_rels/workbook.xml.rels", rels)

        for (i, sheet) in sheets.enumerated() {
            add("xl/worksheets/sheet\(i + 1).xml", header + worksheetXML(sheet))
        }
        add("xl/styles.xml", header + stylesXML)
        return parts
    }

    static func worksheetXML(_ sheet: Sheet) -> String {
        var xml = #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
        for (r, row) in sheet.rows.enumerated() {
            xml += #"<row r="\#(r + 1)">"#
            let bold = sheet.boldHeader && r == 0
            for (c, cell) in row.enumerated() {
                let ref = reference(row: r, column: c)
                switch cell {
                case .empty:
                    if bold { xml += #"<c r="\#(ref)" s="\#(Style.bold.rawValue)"/>"# }
                case .text(let text):
                    let s = bold ? #" s="\#(Style.bold.rawValue)""# : ""
                    xml +=
                        #"<c r="\#(ref)" t="inlineStr"\#(s)><is><t xml:space="preserve">\#(escape(text))</t></is></c>"#
                case .number(let v), .amount(let v), .percent(let v):
                    let style: Style
                    switch cell {
                    case .amount: style = bold ? .boldAmount : .amount
                    case .percent: style = bold ? .boldPercent : .percent
                    default: style = bold ? .bold : .plain
                    }
                    let s = style == .plain ? "" : #" s="\#(style.rawValue)""#
                    if v.isFinite {
                        xml += #"<c r="\#(ref)"\#(s)><v>\#(numberText(v))</v></c>"#
                    } else {
                        xml +=
                            #"<c r="\#(ref)" t="inlineStr"\#(s)><is><t>\#(v.isNaN ? "NaN" : (v > 0 ? "∞" : "-∞"))</t></is></c>"#
                    }
                }
            }
            xml += "</row>"
        }
        xml += "</sheetData></worksheet>"
        return xml
    }

    /// Shortest round-tripping text of a number; integers without ".0".
    static func numberText(_ v: Double) -> String {
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        return "\(v)"
    }

    static let stylesXML =
        #"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
        + ##"<numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0"/></numFmts>"##
        + #"<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>"#
        + #"<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>"#
        + #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
        + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
        + #"<cellXfs count="6">"#
        + #"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#
        + #"<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>"#
        + #"<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
        + #"<xf numFmtId="9" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
        + #"<xf numFmtId="164" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyNumberFormat="1"/>"#
        + #"<xf numFmtId="9" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyNumberFormat="1"/>"#
        + #"</cellXfs>"#
        + #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
        + #"</styleSheet>"#

    /// XML-escapes text and drops characters XML 1.0 forbids (control characters except tab, LF, CR).
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

extension XLSX.Sheet {
    /// A budget table as a sheet: header row (Regel, columns…, Totaal, % per column if any are
    /// printed), one row per line, a total row per section. Amounts in euros.
    public init(budget table: BudgetTable, name: String? = nil) {
        var header: [XLSX.Cell] = [.text("Regel")] + table.columns.map { .text($0.label) }
        if table.hasTotalColumn { header.append(.text("Totaal")) }
        var rows: [[XLSX.Cell]] = [header]
        for section in table.sections {
            rows.append([.text(section.label)])
            for line in section.lines {
                var row: [XLSX.Cell] = [.text(line.label)]
                for cell in line.cells {
                    switch cell {
                    case .empty: row.append(.empty)
                    case .pm: row.append(.text("PM"))
                    case .note(let t): row.append(.text(t))
                    case .amount(let m), .reserved(let m): row.append(XLSX.Cell(m))
                    }
                }
                if table.hasTotalColumn { row.append(line.total.map { XLSX.Cell($0.value) } ?? .empty) }
                rows.append(row)
            }
            var total: [XLSX.Cell] = [.text("Totaal \(section.label.lowercased())")]
            for i in table.columns.indices {
                total.append(XLSX.Cell(table.computedTotal(section: section.key, column: i)))
            }
            if table.hasTotalColumn { total.append(XLSX.Cell(table.computedGrandTotal(section: section.key))) }
            rows.append(total)
        }
        let raw = name ?? table.title
        let cleaned = String(raw.filter { !"[]:*?/\\".contains($0) }.prefix(31))
        self.init(name: cleaned.isEmpty ? "Begroting" : cleaned, rows: rows, boldHeader: true)
    }
}
