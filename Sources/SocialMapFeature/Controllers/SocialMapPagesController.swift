import Vapor
import AppCore

struct SocialMapPagesController {
    func register(_ app: Application) {}
}
