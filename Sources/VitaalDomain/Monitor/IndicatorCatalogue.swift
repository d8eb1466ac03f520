import Foundation

/// An indicator definition as a person typed it in the catalogue form: every field as text, so the
/// form can come back as typed with a message per field. `validated` turns it into the stored
/// definition, or refuses it with every problem (each naming its field).
public struct IndicatorDraft: Sendable, Equatable {
    /// Codes are short, lower case and stable: they are used in files, URLs and the API.
    public static let codePattern = "[a-z0-9_]{2,64}"
    public static let maxName = 200, maxText = 5_000, maxShort = 500
    /// Plausible bounds for norms and valid ranges (anything beyond is a typing error).
    public static let numberBounds: ClosedRange<Double> = -1e12...1e12

    public var code = ""
    public var name = ""
    public var description = ""
    public var unit = ""
    public var decimals = ""
    public var polarity = ""
    public var level = ""
    public var source = ""
    public var licence = ""
    public var normValue = ""
    /// "≥" or "≤" (empty without a norm).
    public var normComparison = ""
    public var normSource = ""
    public var rangeMin = ""
    public var rangeMax = ""
    public var isCount = false
    public var visibility = ""
    public var status = ""
    public var replacesCode = ""

    public init() {}

    /// The form of a stored definition.
    public init(_ d: IndicatorDefinition, status: IndicatorStatus, replacesCode: String?) {
        code = d.code
        name = d.name
        description = d.description
        unit = d.unit
        decimals = String(d.decimals)
        polarity = d.polarity.rawValue
        level = d.level.rawValue
        source = d.source
        licence = d.licence
        normValue = d.norm.map { Self.numberText($0.value) } ?? ""
        normComparison = d.norm?.comparison.rawValue ?? ""
        normSource = d.norm?.source ?? ""
        rangeMin = d.validRange?.min.map(Self.numberText) ?? ""
        rangeMax = d.validRange?.max.map(Self.numberText) ?? ""
        isCount = d.isCount
        visibility = d.visibility.rawValue
        self.status = status.rawValue
        self.replacesCode = replacesCode ?? ""
    }

    /// What is stored: the definition with its catalogue status and "vervangt" link.
    public struct Valid: Sendable, Equatable {
        public var definition: IndicatorDefinition
        public var status: IndicatorStatus
        public var replacesCode: String?
    }

    /// Checks every field. `knownCodes`: the codes already in the catalogue (the draft's own code
    /// excluded when it is being edited), for the duplicate check and the "vervangt" link.
    public func validated(knownCodes: Set<String>) throws(VitaalError) -> Valid {
        var problems = ProblemCollector()
        func add(_ message: String, _ field: String) { problems.add(message, at: SourceLocation(field: field)) }
        if !Self.isValidCode(code) {
            add("de code \"\(BoundedNumber.short(code))\" moet 2 tot 64 tekens a-z, 0-9 of _ zijn", "code")
        } else if knownCodes.contains(code) {
            add("de code \"\(code)\" bestaat al; kies een andere code", "code")
        }
        if name.isEmpty { add("de naam ontbreekt", "name") }
        if name.count > Self.maxName { add("de naam is langer dan \(Self.maxName) tekens", "name") }
        if description.count > Self.maxText { add("de definitie is langer dan \(Self.maxText) tekens", "description") }
        if unit.isEmpty { add("de eenheid ontbreekt (bijv. %, aantal, per 1.000 inwoners)", "unit") }
        for (field, value) in [("unit", unit), ("source", source), ("licence", licence), ("normSource", normSource)]
        where value.count > Self.maxShort {
            add("ten hoogste \(Self.maxShort) tekens", field)
        }
        if source.isEmpty { add("de bron ontbreekt", "source") }
        var decimals: Int?
        do {
            decimals = try BoundedNumber.int(self.decimals, field: "decimals", in: 0...6, label: "Decimalen")
        } catch {
            for problem in error.problems { problems.add(problem.message, at: problem.location) }
        }
        if self.decimals.isEmpty { add("het aantal decimalen ontbreekt (0 tot en met 6)", "decimals") }
        let polarity = Polarity(rawValue: polarity)
        if polarity == nil { add("onbekende richting \"\(BoundedNumber.short(self.polarity))\"", "polarity") }
        let level = IndicatorLevel(rawValue: level)
        if level == nil { add("onbekend niveau \"\(BoundedNumber.short(self.level))\"", "level") }
        let visibility = Visibility(rawValue: visibility)
        if visibility == nil {
            add("onbekende zichtbaarheid \"\(BoundedNumber.short(self.visibility))\"", "visibility")
        }
        let status = IndicatorStatus(rawValue: status)
        if status == nil { add("onbekende status \"\(BoundedNumber.short(self.status))\"", "status") }
        let range = validRange(&problems)
        let norm = norm(&problems, range: range)
        if !replacesCode.isEmpty {
            if replacesCode == code {
                add("een indicator kan zichzelf niet vervangen", "replacesCode")
            } else if !knownCodes.contains(replacesCode) {
                add("onbekende indicator \"\(BoundedNumber.short(replacesCode))\"", "replacesCode")
            }
        }
        do { try problems.throwIfAny("Indicator niet opgeslagen") } catch let error as VitaalError { throw error } catch
        {
            throw VitaalError(.internal, "Indicator niet opgeslagen")
        }
        guard let decimals, let polarity, let level, let visibility, let status else {
            throw VitaalError(.internal, "Indicator niet opgeslagen")
        }
        let definition = IndicatorDefinition(
            code: code, name: name, description: description, unit: unit, decimals: decimals, polarity: polarity,
            source: source, licence: licence, level: level, isCount: isCount, norm: norm, validRange: range,
            visibility: visibility)
        return Valid(definition: definition, status: status, replacesCode: replacesCode.isEmpty ? nil : replacesCode)
    }

    func validRange(_ problems: inout ProblemCollector) -> ValueRange? {
        let min = decimal(rangeMin, "rangeMin", "Ondergrens", &problems)
        let max = decimal(rangeMax, "rangeMax", "Bovengrens", &problems)
        if let min, let max, min > max {
            problems.add("de ondergrens is groter dan de bovengrens", at: SourceLocation(field: "rangeMin"))
        }
        return min == nil && max == nil ? nil : ValueRange(min: min, max: max)
    }

    func norm(_ problems: inout ProblemCollector, range: ValueRange?) -> Norm? {
        let value = decimal(normValue, "normValue", "Norm", &problems)
        let comparison = Norm.Comparison(rawValue: normComparison)
        if !normComparison.isEmpty && comparison == nil {
            problems.add(
                "onbekende vergelijking \"\(BoundedNumber.short(normComparison))\" (≥ of ≤)",
                at: SourceLocation(field: "normComparison"))
        }
        if normValue.isEmpty {
            if !normSource.isEmpty {
                problems.add("een bron van de norm zonder normwaarde", at: SourceLocation(field: "normValue"))
            }
            return nil
        }
        if normComparison.isEmpty {
            problems.add("kies ≥ of ≤ bij de norm", at: SourceLocation(field: "normComparison"))
        }
        guard let value, let comparison else { return nil }
        if let range, !range.contains(value) {
            problems.add(
                "de norm \(Self.numberText(value)) ligt buiten het geldige bereik",
                at: SourceLocation(field: "normValue"))
        }
        return Norm(comparison, value, source: normSource)
    }

    func decimal(_ text: String, _ field: String, _ label: String, _ problems: inout ProblemCollector) -> Double? {
        do {
            return try BoundedNumber.decimal(text, field: field, in: Self.numberBounds, label: label)
        } catch {
            for problem in error.problems { problems.add(problem.message, at: problem.location) }
            return nil
        }
    }

    public static func isValidCode(_ code: String) -> Bool {
        (2...64).contains(code.utf8.count)
            && code.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F }
    }

    /// A number as the form shows it: "12.5", "70", never "70.0".
    public static func numberText(_ value: Double) -> String { JSONWriter.numberText(value) }
}
