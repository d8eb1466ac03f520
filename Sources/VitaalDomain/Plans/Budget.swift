import Foundation

/// Budget (begroting) or actual (realisatie / werkelijk).
public enum BudgetKind: String, Sendable, Hashable, Codable {
    case budget, actual
    public var label: String { self == .budget ? "Begroting" : "Werkelijk" }
}

/// Standard line categories of a budget table. `other` covers lines specific to one table.
public enum BudgetCategory: String, Sendable, Hashable, Codable, CaseIterable {
    // baten
    case subsidieProvincie, subsidieVWS, overigeBaten
    // lasten
    case directeKosten, personeel, afschrijvingen, huisvesting, overigeOrganisatiekosten, overheadToerekening
    case other
    public var label: String {
        switch self {
        case .subsidieProvincie: "Subsidie provincie"
        case .subsidieVWS: "Subsidie VWS"
        case .overigeBaten: "Overige baten"
        case .directeKosten: "Directe kosten"
        case .personeel: "Personele lasten"
        case .afschrijvingen: "Afschrijvingen"
        case .huisvesting: "Huisvestingskosten"
        case .overigeOrganisatiekosten: "Overige organisatiekosten"
        case .overheadToerekening: "Overhead (toerekening)"
        case .other: "Overig"
        }
    }
}

/// A column of a budget table: a programme and/or a year, budget or actual. The total column is
/// not a column: it is `BudgetLine.total`.
public struct BudgetColumn: Sendable, Hashable, Codable {
    public var key: String
    public var label: String
    public var year: Int?
    public var kind: BudgetKind
    /// Programme code, e.g. "A&O"; nil for a whole-organisation column.
    public var programme: String?
    public init(key: String, label: String, year: Int? = nil, kind: BudgetKind = .budget, programme: String? = nil) {
        self.key = key
        self.label = label
        self.year = year
        self.kind = kind
        self.programme = programme
    }
}

/// One cell as the source prints it.
public enum BudgetCell: Sendable, Hashable, Codable, CustomStringConvertible {
    case amount(Money)
    /// "–", "-" or blank: nothing (counts as zero).
    case empty
    /// "PM" (pro memorie): a post without an amount yet (counts as zero).
    case pm
    /// An amount marked "gereserveerd" (counts with its amount).
    case reserved(Money)
    /// Text instead of an amount, e.g. "Gedekt uit diverse posten lopende begr." (counts as zero).
    case note(String)

    /// The amount this cell contributes to sums.
    public var value: Money {
        switch self {
        case .amount(let m), .reserved(let m): m
        case .empty, .pm, .note: .zero
        }
    }
    public var description: String {
        switch self {
        case .amount(let m): m.formatted
        case .empty: "–"
        case .pm: "PM"
        case .reserved(let m): "\(m.formatted) (gereserveerd)"
        case .note(let t): t
        }
    }

    /// Parses a cell as printed in a Dutch table. `unit` is what one printed unit is worth
    /// (`Money(euros: 1)` or `Money(thousands: 1)` for "* In duizend euro").
    /// Accepts "1.247", "1.247,5", "-1.069", "−1.069", "€ 121.236", "–"/"-"/"" (empty), "PM",
    /// "50.000 (gereserveerd)". Anything else is refused naming `location`.
    public static func parse(
        _ text: String, unit: Money = Money(euros: 1), at location: SourceLocation = SourceLocation()
    ) throws -> BudgetCell {
        var s = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if s.isEmpty || ["-", "–", "—", "−"].contains(s) { return .empty }
        if s.uppercased() == "PM" || s.uppercased() == "P.M." { return .pm }
        var reserved = false
        if let range = s.range(of: "(gereserveerd)", options: .caseInsensitive) {
            reserved = true
            s.removeSubrange(range)
            s = s.trimmingCharacters(in: .whitespaces)
        }
        let money = try parseAmount(s, unit: unit, original: text, at: location)
        return reserved ? .reserved(money) : .amount(money)
    }

    /// The amount of `raw` in cents, exact, rounded half up to a cent. `maxCents` bounds the
    /// result (default `Money.maxCents`, € 10^12); a larger amount is refused with a Dutch message
    /// naming `location` and the limit (`limitText`, default the limit in euros and, for a table
    /// counted in another unit, in that unit). Nothing here can overflow.
    static func parseAmount(
        _ raw: String, unit: Money, original: String, at location: SourceLocation,
        maxCents: Int = Money.maxCents, limitText: String? = nil
    ) throws -> Money {
        func refuse() -> VitaalError {
            VitaalError.invalid(
                "\"\(BoundedNumber.short(original))\" is geen bedrag (verwacht bijv. 1.247, 1.247,5 of –)", at: location
            )
        }
        func tooLarge() -> VitaalError {
            let limit: String
            if let limitText {
                limit = limitText
            } else if unit.cents > 100, maxCents % unit.cents == 0 {
                limit =
                    "\(Money(cents: maxCents).formatted) (in deze tabel \(Money.grouped(UInt(maxCents / unit.cents))) × \(unit.formatted))"
            } else {
                limit = Money(cents: maxCents).formatted
            }
            let name = location.field.map { "\($0): " } ?? ""
            return VitaalError.invalid(
                "\(name)\"\(BoundedNumber.short(original))\" is te groot; een bedrag is ten hoogste \(limit)",
                at: location)
        }
        var s = raw.replacingOccurrences(of: "€", with: "").replacingOccurrences(of: "\u{00A0}", with: "")
            .trimmingCharacters(in: .whitespaces)
        var negative = false
        if let first = s.first, first == "-" || first == "−" || first == "–" {
            negative = true
            s.removeFirst()
            s = s.trimmingCharacters(in: .whitespaces)
        }
        if s.hasSuffix(",-") { s.removeLast(2) }
        let parts = s.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count <= 2, let intPart = parts.first, !intPart.isEmpty else { throw refuse() }
        let groups = intPart.split(separator: ".", omittingEmptySubsequences: false)
        guard groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else {
            throw refuse()
        }
        if groups.count > 1 {
            guard groups[0].count <= 3, groups.dropFirst().allSatisfy({ $0.count == 3 }) else { throw refuse() }
        }
        let fraction = parts.count == 2 ? String(parts[1]) : ""
        guard fraction.allSatisfy({ $0.isASCII && $0.isNumber }), parts.count == 1 || !fraction.isEmpty else {
            throw refuse()
        }
        guard fraction.count <= 6 else { throw refuse() }
        // Leading zeros do not count towards the size; a number of more than 30 digits is too large anyway.
        let digits = groups.joined().drop { $0 == "0" }
        guard digits.count <= 30, unit.cents > 0 else { throw tooLarge() }
        // value = (whole + fraction) × unit, exact in 128-bit cents, rounded half up to a cent.
        guard let whole = Int128(digits.isEmpty ? "0" : String(digits)) else { throw refuse() }
        var cents = whole * Int128(unit.cents)
        if !fraction.isEmpty {
            guard let f = Int128(fraction) else { throw refuse() }
            var scale: Int128 = 1
            for _ in 0..<fraction.count { scale *= 10 }
            cents += (f * Int128(unit.cents) * 2 + scale) / (2 * scale)
        }
        guard cents <= Int128(maxCents), let value = Int(exactly: cents) else { throw tooLarge() }
        return Money(cents: negative ? -value : value)
    }
}

/// One line of a budget table.
public struct BudgetLine: Sendable, Hashable, Codable {
    public var key: String
    public var label: String
    public var category: BudgetCategory
    /// One cell per `BudgetTable.columns`.
    public var cells: [BudgetCell]
    /// The total column as printed; nil when the table has no total column.
    public var total: BudgetCell?
    /// Percentages as printed ("% baten"), one per column (nil where none is printed).
    public var statedPercents: [Int?]
    public init(
        key: String, label: String, category: BudgetCategory = .other, cells: [BudgetCell],
        total: BudgetCell? = nil, statedPercents: [Int?] = []
    ) {
        self.key = key
        self.label = label
        self.category = category
        self.cells = cells
        self.total = total
        self.statedPercents = statedPercents
    }
}

/// A block of lines with a printed total row, e.g. Baten or Lasten.
public struct BudgetSection: Sendable, Hashable, Codable {
    public var key: String
    public var label: String
    public var lines: [BudgetLine]
    /// The printed total row, one cell per column; nil when the source prints none.
    public var statedTotals: [BudgetCell]?
    /// The printed total of the total column.
    public var statedGrandTotal: BudgetCell?
    public init(
        key: String, label: String, lines: [BudgetLine], statedTotals: [BudgetCell]? = nil,
        statedGrandTotal: BudgetCell? = nil
    ) {
        self.key = key
        self.label = label
        self.lines = lines
        self.statedTotals = statedTotals
        self.statedGrandTotal = statedGrandTotal
    }
}

/// A difference found by `BudgetTable.check()`.
public struct BudgetDiscrepancy: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// Programme/year columns of a line do not add up to its total column.
        case lineTotal
        /// Lines of a section do not add up to the section's printed total.
        case sectionTotal
        /// A printed percentage differs from the computed one.
        case percentage
        /// A line has another number of cells than the table has columns.
        case shape
    }
    public var kind: Kind
    public var section: String
    /// Line label; nil for a section-total difference.
    public var line: String?
    /// Column label ("Totaal" for the total column).
    public var column: String
    public var computed: Int
    public var stated: Int
    public var message: String
    public var description: String { message }
}

/// A budget table: sections (baten, lasten, …) of lines × columns (programmes or years,
/// budget or actual), with an optional total column. Amounts are `Money`; `unit` says how the
/// source prints them (whole euros or thousands).
public struct BudgetTable: Sendable, Hashable, Codable, Identifiable {
    public var key: String
    public var title: String
    /// What one printed unit is worth: `Money(thousands: 1)` for "* In duizend euro".
    public var unit: Money
    public var columns: [BudgetColumn]
    public var hasTotalColumn: Bool
    public var sections: [BudgetSection]
    public var sourceRef: String?
    /// Free notes, e.g. how a table was reconstructed.
    public var notes: [String]
    public var isExample: Bool
    public var id: String { key }

    public init(
        key: String, title: String, unit: Money = Money(euros: 1), columns: [BudgetColumn], hasTotalColumn: Bool,
        sections: [BudgetSection], sourceRef: String? = nil, notes: [String] = [], isExample: Bool = false
    ) {
        self.key = key
        self.title = title
        self.unit = unit
        self.columns = columns
        self.hasTotalColumn = hasTotalColumn
        self.sections = sections
        self.sourceRef = sourceRef
        self.notes = notes
        self.isExample = isExample
    }

    public func section(_ key: String) -> BudgetSection? { sections.first { $0.key == key } }
    public func columnIndex(_ key: String) -> Int? { columns.firstIndex { $0.key == key } }

    /// Sum of the section's lines in column `index` (saturating; `checkArithmetic()` tells whether
    /// every sum of the table fits, and pages show a message instead of the table when not).
    public func computedTotal(section key: String, column index: Int) -> Money {
        guard let s = section(key) else { return .zero }
        return s.lines.reduce(.zero) { $0 + ($1.cells.indices.contains(index) ? $1.cells[index].value : .zero) }
    }
    /// Sum of the section's lines in the total column (saturating, see `computedTotal`).
    public func computedGrandTotal(section key: String) -> Money {
        guard let s = section(key) else { return .zero }
        return s.lines.reduce(.zero) { $0 + ($1.total?.value ?? .zero) }
    }
    /// Sum of a line's columns (saturating, see `computedTotal`).
    public func computedLineTotal(_ line: BudgetLine) -> Money { line.cells.reduce(.zero) { $0 + $1.value } }

    /// Computed baten minus computed lasten in column `index` (sums of lines, not printed totals).
    public func balance(column index: Int, income: String = "baten", expenses: String = "lasten") -> Money {
        computedTotal(section: income, column: index) - computedTotal(section: expenses, column: index)
    }

    /// Throws a `VitaalError` (422, Dutch, naming the line and column) when an amount of the table is
    /// outside ±`Money.maxCents` or a sum or difference that the pages compute (line totals, section
    /// totals per column and in the total column, the sum over columns, the differences with the
    /// printed totals, baten − lasten) does not fit. Amounts stored before the input bound existed
    /// can be that large; pages then show this message instead of wrong sums, and nothing traps.
    public func checkArithmetic() throws(VitaalError) {
        func place(_ section: BudgetSection, _ line: BudgetLine?, _ column: String) -> SourceLocation {
            SourceLocation(
                field: column, element: "\(title), \(section.label)" + (line.map { ", regel \"\($0.label)\"" } ?? ""))
        }
        func bounded(_ cell: BudgetCell?, _ section: BudgetSection, _ line: BudgetLine?, _ column: String)
            throws(VitaalError)
        {
            guard let cell, !cell.value.isWithinInputBounds else { return }
            let where_ = "\(section.label)" + (line.map { ", regel \"\($0.label)\"" } ?? "") + ", kolom \"\(column)\""
            throw VitaalError(
                .invalidInput,
                "Begroting \"\(title)\" kan niet worden berekend: \(where_) bevat een bedrag boven \(Money.maxText); corrigeer dat bedrag.",
                problems: [Problem("bedrag boven \(Money.maxText)", at: place(section, line, column))])
        }
        let what = "som van begroting \"\(title)\""
        var sectionTotals: [String: [Money]] = [:]
        for section in sections {
            var columnTotals = Array(repeating: Money.zero, count: columns.count)
            var grand = Money.zero
            for line in section.lines {
                for (i, cell) in line.cells.enumerated() {
                    try bounded(cell, section, line, columns.indices.contains(i) ? columns[i].label : "\(i + 1)")
                    if columns.indices.contains(i) {
                        columnTotals[i] = try columnTotals[i].adding(cell.value, what: what)
                    }
                }
                try bounded(line.total, section, line, "Totaal")
                let lineSum = try Money.sum(line.cells.map(\.value), what: what)
                if let total = line.total { _ = try total.value.subtracting(lineSum, what: what) }
                grand = try grand.adding(line.total?.value ?? .zero, what: what)
            }
            for (i, stated) in (section.statedTotals ?? []).enumerated() {
                try bounded(stated, section, nil, columns.indices.contains(i) ? columns[i].label : "\(i + 1)")
                if columnTotals.indices.contains(i) { _ = try stated.value.subtracting(columnTotals[i], what: what) }
            }
            try bounded(section.statedGrandTotal, section, nil, "Totaal")
            let sumOfColumns = try Money.sum(columnTotals, what: what)
            _ = try grand.subtracting(sumOfColumns, what: what)
            if let stated = section.statedGrandTotal { _ = try stated.value.subtracting(grand, what: what) }
            sectionTotals[section.key] = columnTotals
        }
        if let income = sectionTotals["baten"], let expenses = sectionTotals["lasten"] {
            for (a, b) in zip(income, expenses) { _ = try a.subtracting(b, what: what) }
        }
    }

    /// `checkArithmetic()` as an optional error, for views.
    public var arithmeticError: VitaalError? {
        do {
            try checkArithmetic()
            return nil
        } catch { return error }
    }

    /// Whole-number percentage of a line in its section total for a column, rounded half up.
    public func percent(of line: BudgetLine, inSection key: String, column index: Int) -> Int? {
        guard line.cells.indices.contains(index) else { return nil }
        return line.cells[index].value.percent(of: computedTotal(section: key, column: index))
    }

    /// The amount in the table's unit, rounded half away from zero (integer arithmetic, no trap).
    func units(_ money: Money) -> Int {
        guard unit.cents > 0 else { return money.cents }
        let u = Int128(unit.cents)
        let c = Int128(money.cents)
        let q = (2 * c.magnitude + u.magnitude) / (2 * u.magnitude)
        let v = Int(exactly: q) ?? Int.max
        return c < 0 ? -v : v
    }

    /// Every difference: line columns vs total column, lines vs printed section totals (per
    /// column and in the total column), and printed percentages that differ from the computed
    /// ones by more than `percentTolerance` points. Amounts in the messages are in the table's unit.
    public func check(percentTolerance: Int = 0) -> [BudgetDiscrepancy] {
        var out: [BudgetDiscrepancy] = []
        for section in sections {
            for line in section.lines {
                if line.cells.count != columns.count {
                    out.append(
                        BudgetDiscrepancy(
                            kind: .shape, section: section.label, line: line.label, column: "",
                            computed: line.cells.count, stated: columns.count,
                            message:
                                "\(section.label), regel \"\(line.label)\": \(line.cells.count) cellen, de tabel heeft \(columns.count) kolommen"
                        ))
                }
                if hasTotalColumn, let total = line.total {
                    let sum = computedLineTotal(line)
                    if sum != total.value {
                        out.append(
                            BudgetDiscrepancy(
                                kind: .lineTotal, section: section.label, line: line.label, column: "Totaal",
                                computed: units(sum), stated: units(total.value),
                                message:
                                    "\(section.label), regel \"\(line.label)\": de kolommen tellen op tot \(units(sum)), de kolom Totaal zegt \(units(total.value))"
                            ))
                    }
                }
                for (i, stated) in line.statedPercents.enumerated() where i < columns.count {
                    guard let stated, let computed = percent(of: line, inSection: section.key, column: i) else {
                        continue
                    }
                    let (gap, overflow) = computed.subtractingReportingOverflow(stated)
                    if overflow || gap.magnitude > UInt(max(0, percentTolerance)) {
                        out.append(
                            BudgetDiscrepancy(
                                kind: .percentage, section: section.label, line: line.label, column: columns[i].label,
                                computed: computed, stated: stated,
                                message:
                                    "\(section.label), regel \"\(line.label)\", kolom \"\(columns[i].label)\": berekend \(computed)%, vermeld \(stated)%"
                            ))
                    }
                }
            }
            if let totals = section.statedTotals {
                for (i, stated) in totals.enumerated() where i < columns.count {
                    let sum = computedTotal(section: section.key, column: i)
                    if sum != stated.value {
                        out.append(
                            BudgetDiscrepancy(
                                kind: .sectionTotal, section: section.label, line: nil, column: columns[i].label,
                                computed: units(sum), stated: units(stated.value),
                                message:
                                    "\(section.label), kolom \"\(columns[i].label)\": de regels tellen op tot \(units(sum)), het totaal zegt \(units(stated.value))"
                            ))
                    }
                }
            }
            if hasTotalColumn, let stated = section.statedGrandTotal {
                let sum = computedGrandTotal(section: section.key)
                if sum != stated.value {
                    out.append(
                        BudgetDiscrepancy(
                            kind: .sectionTotal, section: section.label, line: nil, column: "Totaal",
                            computed: units(sum), stated: units(stated.value),
                            message:
                                "\(section.label), kolom \"Totaal\": de regels tellen op tot \(units(sum)), het totaal zegt \(units(stated.value))"
                        ))
                }
            }
        }
        return out
    }

    /// Throws a `VitaalError` naming every line/column that does not add up (percentages within
    /// `percentTolerance` points are accepted).
    public func validate(percentTolerance: Int = 1) throws {
        var collector = ProblemCollector()
        for d in check(percentTolerance: percentTolerance) {
            collector.add(
                d.message,
                at: SourceLocation(
                    field: d.column.isEmpty ? nil : d.column,
                    element: "\(title), \(d.section)" + (d.line.map { ", regel \"\($0)\"" } ?? "")))
        }
        try collector.throwIfAny("Begroting \"\(title)\" telt niet op")
    }
}

/// Personnel figures of one year.
public struct PersonnelFigures: Sendable, Hashable, Codable {
    public var year: Int
    public var kind: BudgetKind
    public var employees: Int
    /// FTE in hundredths (23,3 FTE = 2330), exact.
    public var fteHundredths: Int
    public var programmeHours: Int
    public var indirectHours: Int
    /// Shares as printed in the source (percent), if any.
    public var statedProgrammeShare: Int?
    public var statedIndirectShare: Int?

    /// Bounds of personnel figures: at most 10^7 employees, 10^6 FTE and 10^7 hours per kind.
    public static let maxEmployees = 10_000_000
    public static let maxFTEHundredths = 100_000_000
    public static let maxHours = 10_000_000

    /// Refuses negative or too large employees, FTE or hours, naming the field and the limit.
    public init(
        year: Int, kind: BudgetKind = .budget, employees: Int, fte: String, programmeHours: Int, indirectHours: Int,
        statedProgrammeShare: Int? = nil, statedIndirectShare: Int? = nil
    ) throws {
        let element = "personeel \(year)"
        func range(_ value: Int, _ max: Int, _ field: String, _ label: String) throws {
            guard value >= 0 else {
                throw VitaalError.invalid(
                    "\(label) mag niet negatief zijn (\(value))", at: SourceLocation(field: field, element: element))
            }
            guard value <= max else {
                throw VitaalError.invalid(
                    "\(label) is te groot (\(value)); ten hoogste \(Money.grouped(UInt(max)))",
                    at: SourceLocation(field: field, element: element))
            }
        }
        try range(employees, Self.maxEmployees, "employees", "aantal medewerkers")
        let fteMoney: Money
        do {
            fteMoney = try BudgetCell.parseAmount(
                fte, unit: Money(cents: 100), original: fte, at: SourceLocation(field: "fte", element: element),
                maxCents: Self.maxFTEHundredths, limitText: "1.000.000 FTE")
        }
        guard fteMoney.cents >= 0 else {
            throw VitaalError.invalid(
                "FTE mag niet negatief zijn (\(fte))", at: SourceLocation(field: "fte", element: element))
        }
        try range(programmeHours, Self.maxHours, "programmeHours", "programma-uren")
        try range(indirectHours, Self.maxHours, "indirectHours", "indirecte uren")
        self.year = year
        self.kind = kind
        self.employees = employees
        self.fteHundredths = fteMoney.cents
        self.programmeHours = programmeHours
        self.indirectHours = indirectHours
        self.statedProgrammeShare = statedProgrammeShare
        self.statedIndirectShare = statedIndirectShare
    }

    public var fte: Double { Double(fteHundredths) / 100 }
    /// "23,3" / "24,25".
    public var fteFormatted: String {
        let whole = fteHundredths / 100
        let rest = fteHundredths % 100
        if rest == 0 { return "\(whole)" }
        return rest % 10 == 0 ? "\(whole),\(rest / 10)" : "\(whole),\(rest < 10 ? "0" : "")\(rest)"
    }
    /// Programme plus indirect hours (bounded by `init`, so this cannot overflow; saturating anyway).
    public var totalHours: Int { Money.saturating(programmeHours, plus: indirectHours) }
    /// Programme hours as a whole percentage of all hours, rounded half up.
    public var programmeShare: Int? { Money(cents: programmeHours).percent(of: Money(cents: totalHours)) }
    /// Indirect hours as a whole percentage of all hours, rounded half up.
    public var indirectShare: Int? { Money(cents: indirectHours).percent(of: Money(cents: totalHours)) }
}
