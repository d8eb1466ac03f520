import AppCore
import Fluent
import Vapor
import VitaalDomain

/// The authored texts of a plan's annual report per year (#16): "Geleerde lessen" and "Evaluatie",
/// written by editors of the owning organisation (or a beheerder) in any status but afgesloten, like
/// realisations. One row per plan and year, saved in one transaction with an audit entry; a refused
/// form is shown again with its values and each message next to its field (422).
struct PlanYearReportController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.requiring(.redacteur).get(PlanURL.yearReportTexts(plan: .key, year: .key), use: form)
        routes.write(.POST, PlanURL.yearReportTexts(plan: .key, year: .key), access: .role(.redacteur), use: save)
    }

    /// The `year` path parameter: one of the plan's years, else 404.
    static func year(_ req: Request, _ loaded: LoadedPlan) throws -> Int {
        let text = req.parameters.get("year") ?? ""
        let years = AnnualReport.years(of: loaded.plan)
        guard text.count <= 4, let year = Int(text), years.contains(year) else {
            throw VitaalError(
                .notFound,
                "Plan \"\(loaded.plan.title)\" loopt van \(years.lowerBound) tot en met \(years.upperBound); "
                    + "\"\(BoundedNumber.short(text))\" is geen jaar van dit plan.")
        }
        return year
    }

    @Sendable func form(_ req: Request) async throws -> SitePage {
        let (loaded, _) = try await PlanWriteController.loadForChange(req)
        let year = try Self.year(req, loaded)
        let stored = try await PlanYearReflectionRecord.find(plan: loaded.id, year: year, on: req.db)
        return YearReportTextsPage.view(YearReportTextsPage.Model(loaded, year: year, stored: stored), req.formContext)
    }

    @Sendable func save(_ req: Request) async throws -> Response {
        let (loaded, user) = try await PlanWriteController.loadForChange(req)
        let year = try Self.year(req, loaded)
        let fields = [YearReportTextsPage.Model.lessonsField, YearReportTextsPage.Model.evaluationField]
        let texts: AnnualReflection
        do {
            texts = try AnnualReflection(
                lessons: FormInput.text(req, fields[0]), evaluation: FormInput.text(req, fields[1]))
        } catch {
            // The values come back as sent (cut at twice the limit, so a huge post is not echoed whole).
            var values: [String: String] = [:]
            for field in fields {
                values[field] = String(FormInput.text(req, field).prefix(2 * AnnualReflection.maxLength))
            }
            let model = YearReportTextsPage.Model(loaded, year: year, form: PlanForm(values: values, refused: error))
            return YearReportTextsPage.view(model, req.formContext).render(for: req)
        }
        let planID = loaded.id
        let planTitle = loaded.plan.title
        let author = user.name
        let now = req.now
        try await req.db.transaction { db in
            let record = try await PlanYearReflectionRecord.find(plan: planID, year: year, on: db)
            let row = record ?? PlanYearReflectionRecord()
            row.$plan.id = planID
            row.year = year
            row.lessons = texts.lessons
            row.evaluation = texts.evaluation
            row.updatedBy = author
            row.updatedAt = now
            try await row.save(on: db)
            try await req.audit(
                on: db, record == nil ? "aangemaakt" : "gewijzigd", entity: "jaarverslag", id: "\(loaded.key)/\(year)",
                summary: "Geleerde lessen en evaluatie \(year) van \(planTitle) opgeslagen")
        }
        return req.redirect(
            to: PlanURL.report(plan: .value(loaded.key)).path(query: [
                ("soort", ReportPage.Kind.jaarverslag.rawValue), ("jaar", "\(year)"),
                ("melding", PlanNotice.yearReportTextsSaved.rawValue)
            ]), redirectType: .normal)
    }
}
