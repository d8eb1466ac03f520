import AppCore
import Fluent
import Vapor
import VitaalDomain

/// A new plan as the form sends it (`/plannen/nieuw`), checked as a whole: every problem names its
/// field and nothing is written; an organisation the user may not write for is a 403.
struct NewPlanInput {
    static let fields = ["organisation", "title", "periodStart", "periodEnd", "template", "levels", "basis"]

    var plan: Plan
    var organisation: Organisation
    /// The plan whose structure was taken over, if any.
    var basis: String?

    /// The form's values, for showing a refused form as it was sent (each bounded).
    static func values(_ req: Request) -> [String: String] {
        Dictionary(uniqueKeysWithValues: fields.map { ($0, String(FormInput.text(req, $0).prefix(5000))) })
    }

    init(_ values: [String: String], user: User, on db: any Database) async throws {
        var problems = ProblemCollector()
        let slug = values["organisation"] ?? ""
        let organisation = try await Organisation.query(on: db).filter(\.$slug == slug).first()
        if let organisation {
            guard user.mayWrite(organisationID: organisation.id) else {
                throw VitaalError(
                    .forbidden,
                    "U mag alleen plannen van uw eigen organisatie aanmaken; \(organisation.name) is niet uw "
                        + "organisatie.")
            }
            if organisation.isRetired {
                problems.add("\(organisation.name) is opgeheven", at: SourceLocation(field: "organisation"))
            }
        } else {
            problems.add("kies de organisatie die eigenaar is", at: SourceLocation(field: "organisation"))
        }
        let title = values["title"] ?? ""
        PlanAuthoring.checkText(
            title, label: "Titel", field: "title", max: PlanAuthoring.maxTitleLength, into: &problems)
        let start = problems.collect {
            try FormInput.date(values["periodStart"] ?? "", field: "periodStart", label: "Begin van de periode")
        }
        let end = problems.collect {
            try FormInput.date(values["periodEnd"] ?? "", field: "periodEnd", label: "Einde van de periode")
        }
        for (date, field) in [(start, "periodStart"), (end, "periodEnd")] {
            if let date, !(2000...2100).contains(date.year) {
                problems.add("kies een jaar van 2000 tot en met 2100", at: SourceLocation(field: field))
            }
        }
        if let start, let end { PlanAuthoring.checkPeriod(start: start, end: end, into: &problems) }
        let basisKey = values["basis"].flatMap { $0.isEmpty ? nil : $0 }
        var basis: Plan?
        if let basisKey {
            if let record = try await PlanRecord.query(on: db).filter(\.$key == basisKey).with(\.$organisation).first()
            {
                basis = try await PlanStore.load(record: record, audience: .internal, on: db).plan
            } else {
                problems.add(
                    "plan \"\(BoundedNumber.short(basisKey))\" bestaat niet", at: SourceLocation(field: "basis"))
            }
        }
        let templateText = values["template"] ?? ""
        let template = PlanTemplate(rawValue: templateText)
        var levels: [String] = []
        if basis == nil {
            if let template {
                levels =
                    template == .eigen
                    ? PlanAuthoring.levelNames(values["levels"] ?? "") : template.levels(year: end?.year ?? 2026)
                PlanAuthoring.checkLevels(levels, into: &problems)
            } else {
                problems.add("kies een sjabloon voor de niveaus", at: SourceLocation(field: "template"))
            }
        }
        try problems.throwIfAny("Plan niet aangemaakt")
        let taken = Set(try await PlanRecord.query(on: db).all().map(\.key))
        let key = PlanAuthoring.planKey(slug: Slug.make(title), taken: taken)
        let period = PlanPeriod(start: start!, end: end!)
        let owner = organisation!.name
        let trimmedTitle = title.trimmingCharacters(in: .whitespacesAndNewlines)
        var plan: Plan
        if let basis {
            plan = basis.structureCopy(key: key, title: trimmedTitle, owner: owner, period: period)
            var structure = ProblemCollector()
            for target in plan.targets { target.validate(in: plan, into: &structure) }
            for problem in structure.problems {
                problems.add(
                    "de structuur van \"\(basis.title)\" past niet: \(problem.description)",
                    at: SourceLocation(field: "basis"))
            }
            try problems.throwIfAny("Plan niet aangemaakt")
        } else {
            plan = Plan(
                key: key, title: trimmedTitle, owner: owner, period: period, status: .concept, levels: levels,
                periodColumns: template?.periodColumns ?? [])
        }
        self.plan = plan
        self.organisation = organisation!
        self.basis = basis?.title
    }
}
