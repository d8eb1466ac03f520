import AppCore
import Foundation
import Vapor
import VitaalDomain

/// The P&C calendar (#16): deadlines per year from `PCCalendar` (days set through `VITAAL_PC_*`, read
/// once at start through `VitaalConfiguration`), plans waiting for adoption and plans of the next year
/// not yet adopted. Logged in (lezer), as it lists concept and submitted plans.
struct PlanCalendarController: RouteCollection {
    let calendar: PCCalendar
    let problems: [String]

    init(days: [String: String]) {
        (calendar, problems) = PCCalendar.configured(days)
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.requiring(.lezer).get(PlanURL.calendar, use: page)
    }

    @Sendable func page(_ req: Request) async throws -> SitePage {
        let context = req.pageContext
        let thisYear =
            Calendar(identifier: .gregorian).dateComponents(
                in: TimeZone(identifier: "Europe/Amsterdam") ?? .gmt, from: context.now
            ).year ?? 2026
        let year = try req.queryInt("jaar", in: CalendarPage.Model.years, label: "Jaar") ?? thisYear
        let model = try await CalendarPage.Model.load(
            year: year, calendar: calendar, problems: problems, now: context.now, on: req.db)
        return CalendarPage.view(model, context)
    }
}
