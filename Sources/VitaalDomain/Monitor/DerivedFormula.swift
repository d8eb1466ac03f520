import Foundation

// Derived indicators (DHIS2's numerator/denominator indicators): an indicator defined as a formula
// over other indicators of the same region and period, computed when read, never stored. The rules
// are documented in docs/monitor.md ("Derived indicators").
//
//     ratio(a, b) * 1000        a / b × 1000 (per 1,000 inhabitants)
//     sum(a, b, c)              a + b + c
//     difference(a, b)          a − b
//
// Any formula may end in `* factor`. A value is computed only where every input has a stored row for
// the region and period; a missing input gives no value (with the input's reason), division by zero
// gives no value, the status is the least certain of the inputs' (voorbeeld before voorlopig before
// definitief) and a value computed from an input that the public may not see is not shown to the
// public either.

/// A parsed formula of a derived indicator.
public struct DerivedFormula: Sendable, Hashable, CustomStringConvertible {
    public enum Operation: String, Sendable, Hashable, CaseIterable {
        case ratio, sum, difference

        /// How many inputs the operation takes.
        var arity: ClosedRange<Int> {
            switch self {
            case .ratio, .difference: return 2...2
            case .sum: return 2...DerivedFormula.maxInputs
            }
        }
        var dutchName: String {
            switch self {
            case .ratio: return "verhouding"
            case .sum: return "som"
            case .difference: return "verschil"
            }
        }
    }

    public static let maxInputs = 20
    /// Longest accepted formula text.
    public static let maxLength = 1_000
    /// Largest accepted factor (1e9 covers "per miljard"; anything beyond is a typing error).
    public static let maxFactor = 1e9

    public var operation: Operation
    /// Codes of the input indicators, in order (numerator first for a ratio).
    public var inputs: [String]
    /// Multiplier of the result; 1 when the formula has no `* factor`.
    public var factor: Double

    public init(_ operation: Operation, _ inputs: [String], factor: Double = 1) {
        self.operation = operation
        self.inputs = inputs
        self.factor = factor
    }

    /// Canonical text: `ratio(a, b) * 1000`, `sum(a, b)` (no factor when it is 1).
    public var description: String {
        let call = "\(operation.rawValue)(\(inputs.joined(separator: ", ")))"
        return factor == 1 ? call : "\(call) * \(JSONWriter.numberText(factor))"
    }

    /// The formula in Dutch words for the indicator page, with `name` giving each input's name:
    /// "verhouding van A en B × 1.000".
    public func dutchText(name: (String) -> String) -> String {
        let names = inputs.map(name)
        let body: String
        switch operation {
        case .ratio: body = "\(names[0]) gedeeld door \(names[1])"
        case .difference: body = "\(names[0]) min \(names[1])"
        case .sum: body = "som van " + names.joined(separator: ", ")
        }
        return factor == 1 ? body : "(\(body)) × \(ValueFormatter.number(factor, decimals: Self.decimals(of: factor)))"
    }

    static func decimals(of v: Double) -> Int {
        var d = 0
        var x = v
        while d < 6, abs(x - x.rounded()) > 1e-9 {
            x *= 10
            d += 1
        }
        return d
    }

    // MARK: Parsing

    /// A parse error: a Dutch message and the 1-based character position in the formula text.
    public struct ParseError: Error, Sendable, Hashable, CustomStringConvertible {
        public var message: String
        public var position: Int
        public var description: String { "teken \(position): \(message)" }
    }

    /// Parses a formula. Whitespace between the parts is free; function names are case-insensitive;
    /// codes are indicator codes (`a-z`, `0-9`, `_`).
    public static func parse(_ text: String) throws(ParseError) -> DerivedFormula {
        var p = Parser(text)
        return try p.formula()
    }

    /// Parses a formula; an error becomes a `VitaalError` at `location` whose message names the
    /// character ("formule, teken 8: …"); when `location` has no column, the character position is
    /// used as the column (a form or API field).
    public static func parse(_ text: String, at location: SourceLocation) throws(VitaalError) -> DerivedFormula {
        do {
            return try parse(text)
        } catch {
            var place = location
            if place.column == nil { place.column = error.position }
            throw VitaalError.invalid("ongeldige formule (teken \(error.position)): \(error.message)", at: place)
        }
    }

    struct Parser {
        let chars: [Character]
        var i = 0
        init(_ text: String) { chars = Array(text) }

        var position: Int { i + 1 }
        func fail(_ message: String, at pos: Int? = nil) -> ParseError {
            ParseError(message: message, position: pos ?? i + 1)
        }
        mutating func skipSpace() { while i < chars.count, chars[i].isWhitespace { i += 1 } }
        var atEnd: Bool { i >= chars.count }
        var current: String { atEnd ? "het einde" : "\"\(chars[i])\"" }

        mutating func expect(_ c: Character, _ what: String) throws(ParseError) {
            skipSpace()
            guard !atEnd, chars[i] == c else { throw fail("\(what) verwacht, maar \(current) gevonden") }
            i += 1
        }

        mutating func word() -> (text: String, start: Int) {
            skipSpace()
            let start = i
            while i < chars.count, chars[i].isASCII, chars[i].isLetter || chars[i].isNumber || chars[i] == "_" {
                i += 1
            }
            return (String(chars[start..<i]), start + 1)
        }

        mutating func formula() throws(ParseError) -> DerivedFormula {
            guard chars.count <= DerivedFormula.maxLength else {
                throw fail("de formule is langer dan \(DerivedFormula.maxLength) tekens", at: 1)
            }
            skipSpace()
            guard !atEnd else {
                throw fail("de formule is leeg; schrijf bijv. ratio(a, b) * 1000, sum(a, b) of difference(a, b)")
            }
            let name = word()
            guard let op = Operation(rawValue: name.text.lowercased()) else {
                let shown = name.text.isEmpty ? current : "\"\(name.text)\""
                throw fail("onbekende functie \(shown); gebruik ratio, sum of difference", at: name.start)
            }
            try expect("(", "\"(\" na \(op.rawValue)")
            var inputs: [String] = []
            while true {
                let code = word()
                guard !code.text.isEmpty else { throw fail("indicatorcode verwacht, maar \(current) gevonden") }
                guard code.text == code.text.lowercased(), code.text.utf8.count <= 64 else {
                    throw fail(
                        "\"\(code.text)\" is geen indicatorcode (kleine letters, cijfers en _, hoogstens 64)",
                        at: code.start)
                }
                inputs.append(code.text)
                skipSpace()
                if !atEnd, chars[i] == "," {
                    i += 1
                    continue
                }
                try expect(")", "\",\" of \")\"")
                break
            }
            guard op.arity.contains(inputs.count) else {
                let wanted =
                    op.arity.count == 1
                    ? "precies \(op.arity.lowerBound)" : "\(op.arity.lowerBound) tot \(op.arity.upperBound)"
                throw fail(
                    "\(op.rawValue) (\(op.dutchName)) vraagt \(wanted) indicatoren, niet \(inputs.count)", at: 1)
            }
            var factor = 1.0
            skipSpace()
            if !atEnd, chars[i] == "*" {
                i += 1
                factor = try number()
            }
            skipSpace()
            guard atEnd else { throw fail("onverwacht \(current) na de formule") }
            return DerivedFormula(op, inputs, factor: factor)
        }

        /// A positive factor: digits with at most one `.` as decimal mark.
        mutating func number() throws(ParseError) -> Double {
            skipSpace()
            let start = i
            while i < chars.count, chars[i].isASCII, chars[i].isNumber || chars[i] == "." || chars[i] == "," {
                i += 1
            }
            let text = String(chars[start..<i])
            guard !text.isEmpty else { throw fail("getal verwacht na \"*\", maar \(current) gevonden") }
            if text.contains(",") {
                throw fail("schrijf de factor zonder komma (\"\(text)\"): een punt is het decimaalteken", at: start + 1)
            }
            let parts = text.split(separator: ".", omittingEmptySubsequences: false)
            if parts.count == 2, (1...3).contains(parts[0].count), parts[0] != "0", parts[1].count == 3 {
                throw fail(
                    "de factor \"\(text)\" is dubbelzinnig; schrijf \(parts[0])\(parts[1]) zonder scheidingsteken",
                    at: start + 1)
            }
            guard parts.count <= 2, parts.allSatisfy({ !$0.isEmpty }), let v = Double(text) else {
                throw fail("ongeldig getal \"\(text)\"", at: start + 1)
            }
            guard v > 0, v <= DerivedFormula.maxFactor else {
                throw fail(
                    "de factor moet groter dan 0 en hoogstens \(Int(DerivedFormula.maxFactor)) zijn", at: start + 1)
            }
            return v
        }
    }

    // MARK: Evaluation

    /// One cell (region × period) of an input or of the result.
    public struct Cell: Sendable, Hashable {
        /// nil: a documented gap (`missingReason` says why).
        public var value: Double?
        public var missingReason: MissingReason?
        public var status: DataStatus
        /// The public may not see this cell (disclosure control).
        public var hidden: Bool

        public init(value: Double?, missingReason: MissingReason? = nil, status: DataStatus, hidden: Bool = false) {
            self.value = value
            self.missingReason = value == nil ? (missingReason ?? .notAvailable) : nil
            self.status = status
            self.hidden = hidden
        }
    }

    /// The least certain status: voorbeeld (example data) before voorlopig before definitief.
    public static func combinedStatus(_ statuses: [DataStatus]) -> DataStatus {
        if statuses.contains(.voorbeeld) { return .voorbeeld }
        if statuses.contains(.voorlopig) { return .voorlopig }
        return .definitief
    }

    /// The result for one region and period from the inputs' cells (in `inputs` order), or nil when
    /// some input has no row there (then there is no derived row either).
    public func evaluate(_ cells: [Cell?]) -> Cell? {
        guard cells.count == inputs.count else { return nil }
        let present = cells.compactMap { $0 }
        guard present.count == cells.count else { return nil }
        let status = Self.combinedStatus(present.map(\.status))
        let hidden = present.contains { $0.hidden }
        if let gap = present.first(where: { $0.value == nil }) {
            return Cell(value: nil, missingReason: gap.missingReason, status: status, hidden: hidden)
        }
        let values = present.compactMap(\.value)
        var result: Double
        switch operation {
        case .ratio:
            guard values[1] != 0 else {
                return Cell(value: nil, missingReason: .notApplicable, status: status, hidden: hidden)
            }
            result = values[0] / values[1]
        case .sum: result = values.reduce(0, +)
        case .difference: result = values[0] - values[1]
        }
        result *= factor
        guard result.isFinite else {
            return Cell(value: nil, missingReason: .notApplicable, status: status, hidden: hidden)
        }
        return Cell(value: result, status: status, hidden: hidden)
    }

    /// Key of a cell: region code and canonical period.
    public struct Key: Sendable, Hashable, Comparable {
        public var region: String
        public var period: String
        public init(region: String, period: String) {
            self.region = region
            self.period = period
        }
        public static func < (a: Key, b: Key) -> Bool { (a.region, a.period) < (b.region, b.period) }
    }

    /// The result for every region and period where all inputs have a row. `series` holds each
    /// input's cells by code (an input without any cells gives no result).
    public func evaluate(series: [String: [Key: Cell]]) -> [Key: Cell] {
        guard let first = inputs.first, let keys = series[first]?.keys else { return [:] }
        var out: [Key: Cell] = [:]
        for key in keys {
            if let cell = evaluate(inputs.map { series[$0]?[key] }) { out[key] = cell }
        }
        return out
    }
}

// MARK: - Catalogue validation

/// Checks the formulas of a whole catalogue together: every input exists, no formula uses itself
/// through other derived indicators (cycles), units are stated and a sum or difference adds like to
/// like. Also gives the order in which to compute them (inputs before the indicators that use them).
public enum DerivedCatalogue {
    /// What the check needs to know of an indicator.
    public struct Entry: Sendable, Hashable {
        public var code: String
        public var unit: String
        /// nil for an indicator with stored values.
        public var formula: DerivedFormula?
        public init(code: String, unit: String, formula: DerivedFormula?) {
            self.code = code
            self.unit = unit
            self.formula = formula
        }
    }

    /// One problem with the formula of `code` (Dutch, without place).
    public struct Finding: Sendable, Hashable {
        public var code: String
        public var message: String
    }

    /// Every problem of the catalogue's formulas, sorted by code.
    public static func check(_ entries: [Entry]) -> [Finding] {
        let byCode = Dictionary(entries.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        var out: [Finding] = []
        for entry in entries.sorted(by: { $0.code < $1.code }) {
            guard let formula = entry.formula else { continue }
            if entry.unit.trimmingCharacters(in: .whitespaces).isEmpty {
                out.append(
                    Finding(
                        code: entry.code,
                        message: "een berekende indicator moet zijn eenheid noemen (bijv. per 1.000 inwoners)"))
            }
            var unknown: [String] = []
            for input in formula.inputs where byCode[input] == nil && !unknown.contains(input) { unknown.append(input) }
            for input in unknown {
                out.append(Finding(code: entry.code, message: "de formule gebruikt onbekende indicator \"\(input)\""))
            }
            var circular = true
            if formula.inputs.contains(entry.code) {
                out.append(Finding(code: entry.code, message: "de formule gebruikt de indicator zelf"))
            } else if let cycle = cycle(from: entry.code, byCode: byCode) {
                out.append(
                    Finding(
                        code: entry.code,
                        message: "de formule is kringvormig: " + cycle.joined(separator: " → ")))
            } else {
                circular = false
            }
            if formula.operation != .ratio, unknown.isEmpty, !circular {
                let units = Set(formula.inputs.compactMap { byCode[$0]?.unit })
                if units.count > 1 {
                    out.append(
                        Finding(
                            code: entry.code,
                            message: "\(formula.operation.rawValue) telt indicatoren met verschillende eenheden op ("
                                + units.sorted().joined(separator: ", ") + "); gebruik dezelfde eenheid"))
                }
            }
        }
        return out
    }

    /// A path `code → … → code` through formulas, or nil when `code` is not on a cycle.
    static func cycle(from code: String, byCode: [String: Entry]) -> [String]? {
        var visited = Set<String>()
        func walk(_ current: String, _ path: [String]) -> [String]? {
            for input in byCode[current]?.formula?.inputs ?? [] {
                if input == code { return path + [input] }
                guard !visited.contains(input) else { continue }
                visited.insert(input)
                if let found = walk(input, path + [input]) { return found }
            }
            return nil
        }
        return walk(code, [code])
    }

    /// The stored (non-derived) indicators that `codes` need, directly or through other derived
    /// indicators; and the derived ones among them with those they use, in computing order (inputs
    /// first). Unknown codes and cycles are left out.
    public static func plan(for codes: [String], entries: [String: Entry]) -> (stored: [String], derived: [String]) {
        var stored = Set<String>()
        var order: [String] = []
        var state: [String: Bool] = [:]  // false: in progress, true: done
        func visit(_ code: String) {
            guard let entry = entries[code], state[code] == nil else { return }
            guard let formula = entry.formula else {
                stored.insert(code)
                state[code] = true
                return
            }
            state[code] = false
            for input in formula.inputs where state[input] != false { visit(input) }
            state[code] = true
            order.append(code)
        }
        for code in codes { visit(code) }
        return (stored.sorted(), order)
    }
}
