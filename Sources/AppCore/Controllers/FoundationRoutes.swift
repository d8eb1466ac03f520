import Vapor

/// AppCore's routes, each controller a `RouteCollection`; the features register theirs after these.
enum FoundationRoutes {
    static func register(_ app: Application) throws {
        try app.register(collection: AssetController(stylesheets: app.stylesheets))
        try app.register(collection: HomeController())
        try app.register(collection: AuthController())
        try app.register(collection: AdminController())
        try app.register(collection: AccountTokensController())
        try app.register(collection: RegionController())
        try app.register(collection: RegionAPIController())
        try app.register(collection: SystemController())
        RegionAPIController.registerOpenAPI(app.openAPI)
    }
}
