import AppCore
import Fluent
import Vapor
import VitaalDomain

/// The budget structure forms (#16): a new table (title, unit, first year, programme), a new line
/// (section, label, category) and a new column (label, year, programme). Every field is checked and
/// all problems are refused together (422, Dutch, naming the field); nothing is written then.
enum BudgetStructureInput {
    /// A required one-line text of at most `max` characters without control characters.
    static func text(
        _ req: Request, _ field: String, _ label: String, max: Int, required: Bool = true,
        _ problems: inout ProblemCollector
    ) -> String {
        let value = FormInput.text(req, field).trimmingCharacters(in: .whitespacesAndNewlines)
        if value.isEmpty {
            if required { problems.add("\(label) ontbreekt", at: SourceLocation(field: field)) }
        } else if value.count > max {
            problems.add(
                "\(label) is te lang (\(value.count) tekens); ten hoogste \(max)", at: SourceLocation(field: field))
        } else if value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            problems.add("\(label) mag geen regeleinden of stuurtekens bevatten", at: SourceLocation(field: field))
        }
        return value
    }

    static func year(_ req: Request, _ field: String, _ problems: inout ProblemCollector) -> Int? {
        PersonnelInput.integer(req, field, "Jaar", BudgetLimits.years, &problems)
    }

    /// A key for `label` that `taken` does not contain ("opleiding", "opleiding-2", …).
    static func key(for label: String, taken: Set<String>, fallback: String) -> String {
        var base = String(Slug.make(label).prefix(60))
        if base.isEmpty || base == BudgetEntryRecord.totalColumn { base = fallback }
        var key = base
        var n = 2
        while taken.contains(key) {
            key = "\(base)-\(n)"
            n += 1
        }
        return key
    }

    /// The values the form sent, to show a refused form again.
    static func values(_ req: Request, _ fields: [String]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: fields.map { ($0, String(FormInput.text(req, $0).prefix(1000))) })
    }

    struct NewTable {
        static let fields = ["titel", "eenheid", "jaar", "programma"]
        var title: String
        var unit: Money
        var column: BudgetColumn

        init(_ req: Request) throws {
            var problems = ProblemCollector()
            title = BudgetStructureInput.text(req, "titel", "Titel", max: BudgetLimits.titleLength, &problems)
            let unitText = FormInput.text(req, "eenheid")
            switch unitText {
            case "euro": unit = Money(euros: 1)
            case "duizend": unit = Money(thousands: 1)
            default:
                unit = Money(euros: 1)
                problems.add("Eenheid: kies euro of duizend euro", at: SourceLocation(field: "eenheid"))
            }
            let year = BudgetStructureInput.year(req, "jaar", &problems)
            let programme = BudgetStructureInput.text(
                req, "programma", "Programma", max: BudgetLimits.programmeLength, required: false, &problems)
            try problems.throwIfAny("Begrotingstabel niet toegevoegd")
            let label = programme.isEmpty ? "Begroting \(year!)" : "\(programme) \(year!)"
            column = BudgetColumn(
                key: BudgetStructureInput.key(for: label, taken: [], fallback: "kolom"), label: label, year: year,
                kind: .budget, programme: programme.isEmpty ? nil : programme)
        }
    }

    struct NewLine {
        static let fields = ["regel.sectie", "regel.label", "regel.categorie"]
        var section: String
        var label: String
        var category: BudgetCategory

        init(_ req: Request, table: BudgetTable) throws {
            var problems = ProblemCollector()
            section = FormInput.text(req, "regel.sectie")
            if table.section(section) == nil {
                problems.add("Onderdeel: kies baten of lasten", at: SourceLocation(field: "regel.sectie"))
            }
            label = BudgetStructureInput.text(
                req, "regel.label", "Omschrijving", max: BudgetLimits.labelLength, &problems)
            let categoryText = FormInput.text(req, "regel.categorie")
            category = BudgetCategory(rawValue: categoryText) ?? .other
            if BudgetCategory(rawValue: categoryText) == nil {
                problems.add("Categorie: kies een categorie uit de lijst", at: SourceLocation(field: "regel.categorie"))
            }
            let lines = table.sections.reduce(0) { $0 + $1.lines.count }
            if lines >= BudgetLimits.linesPerTable {
                problems.add(
                    "De tabel heeft al \(lines) regels; ten hoogste \(BudgetLimits.linesPerTable)",
                    at: SourceLocation(field: "regel.label"))
            }
            try problems.throwIfAny("Regel niet toegevoegd")
        }
    }

    struct NewColumn {
        static let fields = ["kolom.label", "kolom.jaar", "kolom.programma"]
        var column: BudgetColumn

        init(_ req: Request, table: BudgetTable) throws {
            var problems = ProblemCollector()
            let label = BudgetStructureInput.text(
                req, "kolom.label", "Kolomnaam", max: BudgetLimits.labelLength, &problems)
            let year = BudgetStructureInput.year(req, "kolom.jaar", &problems)
            let programme = BudgetStructureInput.text(
                req, "kolom.programma", "Programma", max: BudgetLimits.programmeLength, required: false, &problems)
            if table.columns.count >= BudgetLimits.columnsPerTable {
                problems.add(
                    "De tabel heeft al \(table.columns.count) kolommen; ten hoogste \(BudgetLimits.columnsPerTable)",
                    at: SourceLocation(field: "kolom.label"))
            }
            if table.columns.contains(where: { $0.label.lowercased() == label.lowercased() }) {
                problems.add("Er is al een kolom \"\(label)\"", at: SourceLocation(field: "kolom.label"))
            }
            try problems.throwIfAny("Kolom niet toegevoegd")
            column = BudgetColumn(
                key: BudgetStructureInput.key(for: label, taken: Set(table.columns.map(\.key)), fallback: "kolom"),
                label: label, year: year, kind: .budget, programme: programme.isEmpty ? nil : programme)
        }
    }
}
