import AppCore
import VitaalDomain

/// The form of a plan's annual report texts for one year
/// (`/plannen/<key>/jaarverslag/<jaar>`, #16): "Geleerde lessen" and "Evaluatie" (`AnnualReflection`).
enum YearReportTextsPage {
    struct Model {
        /// The form's field names.
        static let lessonsField = "geleerde_lessen"
        static let evaluationField = "evaluatie"

        var planKey: String
        var planTitle: String
        var year: Int
        var form: PlanForm

        var action: String { PlanURL.yearReportTexts(plan: .value(planKey), year: .value("\(year)")).path }
        /// The annual report of the year, where the texts appear.
        var reportLink: String {
            PlanURL.report(plan: .value(planKey)).path(query: [
                ("soort", ReportPage.Kind.jaarverslag.rawValue), ("jaar", "\(year)")
            ])
        }

        /// The form with the stored texts (empty when none are written yet).
        init(_ loaded: LoadedPlan, year: Int, stored: PlanYearReflectionRecord?) {
            self.init(
                loaded, year: year,
                form: PlanForm(values: [
                    Self.lessonsField: stored?.lessons ?? "", Self.evaluationField: stored?.evaluation ?? ""
                ]))
        }

        init(_ loaded: LoadedPlan, year: Int, form: PlanForm) {
            planKey = loaded.key
            planTitle = loaded.plan.title
            self.year = year
            self.form = form
        }
    }
}
