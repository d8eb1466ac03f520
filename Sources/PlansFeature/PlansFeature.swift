import AppCore
import Fluent
import Vapor
import VitaalDomain

/// Plans and steering: goal trees with SMART targets and realisations, logic model and indicator
/// links, budgets per programme and funding source, personnel, the planning & control cycle, a
/// cross-plan dashboard, reports (HTML/PDF) and exports (CSV/xlsx). See docs/plans-and-steering.md.
public struct PlansFeature: VitaalFeature {
    public init() {}

    public var migrations: [any Migration] {
        [
            CreatePlanTables(), CreatePlanAttachments(), AddPlanSubmitter(), AddPlanIndexes(), AddPlanReview(),
            CreatePlanTreeVersions(), AddTargetAssessmentsArchiveAndPlanLinks(),
            CreatePlanYearReflections()
        ]
    }

    public var navigation: [NavigationItem] { [NavigationItem(title: "Plannen", path: PlanURL.plans.path, order: 20)] }

    /// The rules of the plan pages (goal tree, budget tables, lifecycle), added to the site stylesheet.
    public var stylesheet: String { String(decoding: PackageResources.plans_css, as: UTF8.self) }

    public var commands: [CommandRegistration] {
        [
            CommandRegistration(group: "plans", name: "list", command: PlansListCommand()),
            CommandRegistration(group: "plans", name: "report", command: PlansReportCommand()),
            CommandRegistration(group: "export", name: "plan", command: PlansExportCommand())
        ]
    }

    public func register(routes app: Application) throws {
        try app.register(collection: PlanPagesController())
        try app.register(collection: PlanWriteController())
        try app.register(collection: PlanNodeEditController())
        try app.register(collection: PlanAuthoringController())
        try app.register(collection: RealisationCorrectionController())
        try app.register(collection: TargetEditController())
        try app.register(collection: PlanReportController())
        try app.register(collection: PlanDownloadController())
        try app.register(collection: PlanAttachmentController())
        try app.register(collection: PlanAPIController())
        try app.register(collection: PlanApprovalController())
        try app.register(collection: PlanBudgetController())
        try app.register(collection: PlanCalendarController(days: app.vitaal.planningCalendarDays))
        try app.register(collection: TargetAssessmentController())
        try app.register(collection: PlanLinkController())
        try app.register(collection: PlanYearReportController())
        try app.register(collection: PlanContributionsController())
        PlanAPIController.registerOpenAPI(app.openAPI)
        PlanContributionsController.registerOpenAPI(app.openAPI)
        app.indicatorUsage.register(Self.targetsUsing)
        app.registerLinkTargets.planGoals = { db in try await PlanGoalTargets.all(on: db) }
    }

    /// The plan targets that read a monitor indicator: the monitor refuses to retire it while they do.
    @Sendable static func targetsUsing(_ code: String, on db: any Database) async throws -> [String] {
        let targets = try await TargetRecord.query(on: db).filter(\.$indicatorCode == code).with(\.$plan)
            .sort(\.$sortOrder).all()
        return targets.sorted { ($0.plan.title, $0.sortOrder) < ($1.plan.title, $1.sortOrder) }
            .map { "Plan ‘\($0.plan.title)’, doel ‘\($0.measure)’" }
    }

    public func loadDemoData(app: Application, log: @escaping @Sendable (String) -> Void) async throws {
        try await PlansDemoLoader.load(on: app.db, now: app.clock.now(), log: log)
    }
}
