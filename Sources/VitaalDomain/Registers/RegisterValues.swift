import Foundation

/// The values of one register entry: field key → text. Dates are `yyyy-mm-dd`, amounts and years
/// whole numbers; empty fields are absent.
public typealias RegisterValues = [String: String]

/// Reading a register entry from a form (field form names → typed values), with one Dutch message
/// per wrong field.
public enum RegisterInput {
    /// Largest amount a field accepts (one billion euro): the registers hold grants, not budgets.
    public static let maxAmount = 1_000_000_000

    /// The values of `definition`'s fields read from `form` (keyed by form name), and the problems
    /// found, each at its form field.
    public static func read(_ form: [String: String], definition: RegisterDefinition) -> (
        values: RegisterValues, problems: [Problem]
    ) {
        var values = RegisterValues()
        var problems = ProblemCollector()
        for field in definition.fields {
            let text = (form[field.formName] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            let at = SourceLocation(field: field.formName)
            guard !text.isEmpty else {
                if field.isRequired { problems.add("\(field.label) is verplicht", at: at) }
                continue
            }
            guard text.count <= field.maxLength else {
                problems.add("\(field.label): ten hoogste \(field.maxLength) tekens (nu \(text.count))", at: at)
                continue
            }
            switch field.kind {
            case .text, .longText:
                values[field.key] = text
            case .references:
                // Whether the items exist is checked where they are (`RegisterReferences.resolve`).
                values[field.key] = text
            case .region:
                // Whether the regions table knows the code is checked where the table is.
                values[field.key] = text.uppercased()
            case .date:
                if let date = try? PlanDate.parse(text, field: field.formName) {
                    values[field.key] = date.description
                } else {
                    problems.add("\(field.label): \"\(text.prefix(40))\" is geen datum (jjjj-mm-dd)", at: at)
                }
            case .amount, .year:
                let range = field.kind == .year ? 1900...2100 : 0...maxAmount
                do {
                    let number = try BoundedNumber.int(
                        normalisedAmount(text), field: field.formName, in: range, label: field.label)
                    if let number { values[field.key] = String(number) }
                } catch {
                    problems.add(
                        error.problems.first?.message ?? "\(field.label) is geen geheel getal", at: at)
                }
            case .choice(let options):
                if options.contains(text) {
                    values[field.key] = text
                } else {
                    problems.add(
                        "\(field.label): kies uit \(options.joined(separator: ", "))", at: at)
                }
            }
        }
        let dateOrder = dateOrderProblem(values, definition: definition)
        if let dateOrder { problems.add(dateOrder.message, at: dateOrder.location) }
        return (values, problems.problems)
    }

    /// "€ 750.000" and "750.000" are read as 750000: people type amounts as they see them. Any
    /// other text stays as it is and is refused by `BoundedNumber`.
    static func normalisedAmount(_ text: String) -> String {
        var t = text
        if t.hasPrefix("€") { t = String(t.dropFirst()).trimmingCharacters(in: .whitespaces) }
        let groups = t.split(separator: ".", omittingEmptySubsequences: false)
        if groups.count > 1, groups.dropFirst().allSatisfy({ $0.count == 3 }), !groups[0].isEmpty,
            groups[0].count <= 3
        {
            t = groups.joined()
        }
        return t
    }

    /// A validity or amount range whose end is before its start.
    static func dateOrderProblem(_ values: RegisterValues, definition: RegisterDefinition) -> Problem? {
        if let from = values["validFrom"], let to = values["validTo"], to < from,
            let field = definition.field("validTo")
        {
            return Problem("\(field.label) ligt vóór de begindatum", at: SourceLocation(field: field.formName))
        }
        if let low = values["amountMin"].flatMap({ Int($0) }), let high = values["amountMax"].flatMap({ Int($0) }),
            high < low, let field = definition.field("amountMax")
        {
            return Problem("\(field.label) is lager dan de ondergrens", at: SourceLocation(field: field.formName))
        }
        return nil
    }
}
