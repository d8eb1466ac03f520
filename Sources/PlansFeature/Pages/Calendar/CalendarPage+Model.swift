import AppCore
import Fluent
import Foundation
import VitaalDomain

/// The P&C calendar (`/plannen/kalender?jaar=2026`, #16): the deadlines that fall in the year (kaderbrief
/// and jaarplan for the next plan year, the voortgangsrapportage of this year, the jaarverslag of last
/// year) with how far away they are, the plans waiting for adoption, and the plans of the next plan year
/// that are not adopted yet.
enum CalendarPage {
    struct Model {
        struct Row {
            var deadline: PCCalendar.Deadline
            /// "verstreken", "vandaag", "over 12 dagen".
            var state: String
            var overdue: Bool
            /// For a voortgangsrapportage or jaarverslag: the matching report of each plan that covers the
            /// plan year (title, link).
            var reports: [(title: String, path: String)] = []
        }
        struct PlanRow {
            var key: String
            var title: String
            var organisation: String
            var status: PlanStatus
            var todo: String
        }

        static let years: ClosedRange<Int> = 2000...2100

        var year: Int
        var rows: [Row]
        var settingProblems: [String]
        /// Ingediend plans: the vaststellers' to-do list.
        var awaitingAdoption: [PlanRow]
        /// Plans that cover the next plan year and are not adopted yet.
        var nextYearOpen: [PlanRow]

        /// The reports a voortgangsrapportage or jaarverslag deadline asks for: per plan that covers the
        /// plan year, its report of that kind for that year.
        static func reports(_ deadline: PCCalendar.Deadline, plans: [PlanRecord]) -> [(title: String, path: String)] {
            let kind: ReportPage.Kind
            switch deadline.document {
            case .voortgangsrapportage: kind = .voortgang
            case .jaarverslag: kind = .jaarverslag
            case .kaderbrief, .jaarplan: return []
            }
            return plans.filter { plan in
                guard let start = Int(plan.periodStart.prefix(4)), let end = Int(plan.periodEnd.prefix(4)) else {
                    return false
                }
                return start <= deadline.planYear && deadline.planYear <= end
            }.map { plan in
                let query = kind == .jaarverslag ? [("soort", kind.rawValue), ("jaar", "\(deadline.planYear)")] : []
                return (plan.title, PlanURL.report(plan: .value(plan.key)).path(query: query))
            }
        }

        static func load(year: Int, calendar: PCCalendar, problems: [String], now: Date, on db: any Database)
            async throws -> Self
        {
            let parts = Calendar(identifier: .gregorian).dateComponents(
                in: TimeZone(identifier: "Europe/Amsterdam") ?? .gmt, from: now)
            let today = PlanDate(parts.year ?? 2026, parts.month ?? 1, parts.day ?? 1) ?? PlanDate(2026, 1, 1)!
            let rows = calendar.deadlines(inCalendarYear: year).map { deadline in
                let days = today.days(to: deadline.due)
                let state = days < 0 ? "verstreken" : days == 0 ? "vandaag" : "over \(days) dag\(days == 1 ? "" : "en")"
                return Row(deadline: deadline, state: state, overdue: days < 0)
            }
            let plans = try await PlanRecord.query(on: db).with(\.$organisation).sort(\.$title).all()
            let reportRows = rows.map { row in
                var row = row
                row.reports = Self.reports(row.deadline, plans: plans)
                return row
            }
            func row(_ plan: PlanRecord, _ todo: String) -> PlanRow {
                PlanRow(
                    key: plan.key, title: plan.title, organisation: plan.organisation.name, status: plan.planStatus,
                    todo: todo)
            }
            let awaiting = plans.filter { $0.planStatus == .ingediend }.map {
                row($0, "vaststellen of afwijzen door een vaststeller van de sturende organisatie")
            }
            let next = year + 1
            let open = plans.filter { plan in
                guard let start = Int(plan.periodStart.prefix(4)), let end = Int(plan.periodEnd.prefix(4)) else {
                    return false
                }
                return start <= next && next <= end && [.concept, .ingediend].contains(plan.planStatus)
            }.map { row($0, $0.planStatus == .concept ? "indienen" : "vaststellen") }
            return Model(
                year: year, rows: reportRows, settingProblems: problems, awaitingAdoption: awaiting, nextYearOpen: open)
        }
    }
}
