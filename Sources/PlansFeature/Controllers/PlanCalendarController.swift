import AppCore
import Vapor
import VitaalDomain

struct PlanCalendarController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {}
}
