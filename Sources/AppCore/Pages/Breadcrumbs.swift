/// The breadcrumb trails of AppCore's pages (label, path); the current page's title ends each trail.
enum Breadcrumbs {
    static let home = [("Home", SiteURL.home.path)]
    static let admin = home + [("Beheer", SiteURL.admin.path)]
    static let regions = home + [("Regio's", SiteURL.regions.path)]
}
