import AppCore
import Fluent
import Vapor
import VitaalDomain

/// The personnel figures of one year as the form sends them: the whole numbers within their bounds
/// (all problems together, 422), then the figures themselves (FTE) are checked; nothing is written.
struct PersonnelInput {
    var figures: PersonnelFigures

    init(_ req: Request) throws {
        var problems = ProblemCollector()
        let year = Self.integer(req, "year", "Jaar", 1900...2200, &problems)
        let employees = Self.integer(req, "employees", "Medewerkers", 0...PersonnelFigures.maxEmployees, &problems)
        let programme = Self.integer(req, "programmeHours", "Programma-uren", 0...PersonnelFigures.maxHours, &problems)
        let indirect = Self.integer(req, "indirectHours", "Indirecte uren", 0...PersonnelFigures.maxHours, &problems)
        try problems.throwIfAny("Personeelsgegevens niet opgeslagen")
        figures = try PersonnelFigures(
            year: year!, employees: employees!, fte: FormInput.text(req, "fte"),
            programmeHours: programme!, indirectHours: indirect!)
    }

    /// A whole number within `range`; a problem is collected and gives nil.
    static func integer(
        _ req: Request, _ name: String, _ label: String, _ range: ClosedRange<Int>,
        _ problems: inout ProblemCollector
    ) -> Int? {
        do {
            return try FormInput.integer(FormInput.text(req, name), field: name, label: label, in: range)
        } catch let e as VitaalError {
            problems.add(e.problems)
            return nil
        } catch { return nil }
    }

    /// Stores the figures (replacing the plan's row for that year and kind) in one transaction, with an
    /// audit entry.
    func save(_ loaded: LoadedPlan, _ req: Request) async throws {
        try await req.db.transaction { db in
            let record =
                try await PersonnelRecord.query(on: db).filter(\.$plan.$id == loaded.id).filter(\.$year == figures.year)
                .filter(\.$kind == figures.kind.rawValue).first() ?? PersonnelRecord()
            record.$plan.id = loaded.id
            record.year = figures.year
            record.kind = figures.kind.rawValue
            record.employees = figures.employees
            record.fteHundredths = figures.fteHundredths
            record.programmeHours = figures.programmeHours
            record.indirectHours = figures.indirectHours
            try await record.save(on: db)
            try await req.audit(
                on: db, "gewijzigd", entity: "personeel", id: "\(loaded.key)/\(figures.year)",
                summary: "Personeel \(figures.year): \(figures.employees) medewerkers, \(figures.fteFormatted) FTE "
                    + "(\(loaded.plan.title))")
        }
    }
}
