import AppCore
import Fluent
import Vapor
import VitaalDomain

/// Acute-care coverage model: ambulance response within the norm (15 minutes) and ambulances
/// needed per post, today and in scenarios (growth to 2035, new posts, new districts).
/// Pages under /modellen/acute-zorg (linked from the "Modellen" index of the workforce feature),
/// API under /api/v1/acute-care, CLI `vitaal acute-care coverage`.
public struct AcuteCareFeature: VitaalFeature {
    public init() {}

    public var migrations: [any Migration] { [CreateAcuteCareScenarios()] }

    public var stylesheet: String { String(decoding: PackageResources.acutecare_css, as: UTF8.self) }

    public var commands: [CommandRegistration] {
        [CommandRegistration(group: "acute-care", name: "coverage", command: AcuteCareCoverageCommand())]
    }

    public func register(routes app: Application) throws {
        try app.register(collection: AcuteCarePageController())
        try app.register(collection: AcuteCareAPIController())
        AcuteCareAPIController.registerOpenAPI(app.openAPI)
    }

    public func loadDemoData(app: Application, log: @escaping @Sendable (String) -> Void) async throws {
        let added = try await AcuteCareDemoData.load(on: app.db, now: app.clock.now())
        log(
            added > 0
                ? "Acute zorg: \(added) schematische scenario's geladen." : "Acute zorg: scenario's waren al geladen.")
    }
}

/// The demo scenarios (all schematic), owned by the province.
public enum AcuteCareDemoData {
    /// 2035 growth plus an extra post in Almere Poort.
    public static var growthWithExtraPost: AcuteCareScenario {
        var s = AcuteCareDemo.growth2035
        s.id = "groei-2035-extra-post-poort"
        s.name = "Groei 2035 met extra post Almere Poort"
        s.description =
            "Groei naar 540.000 inwoners in 2035 (inclusief groeilocatie Pampus) en een extra ambulancepost in Almere Poort. Schematisch."
        s.addedPosts = AcuteCareDemo.extraPostAlmerePoort.addedPosts
        return s
    }

    public static var scenarios: [AcuteCareScenario] {
        var base = AcuteCareScenario.base
        base.description = "De huidige situatie: zeven posten, inwonertallen rond 2024 (schematisch)."
        base.isSchematic = true
        var extra = AcuteCareDemo.extraPostAlmerePoort
        extra.description = "Een extra ambulancepost in Almere Poort, bij de huidige inwonertallen. Schematisch."
        return [base, AcuteCareDemo.growth2035, growthWithExtraPost, AcuteCareDemo.growthIZA2035, extra]
    }

    /// Adds the demo scenarios that are missing; returns how many were added.
    @discardableResult
    public static func load(on db: any Database, now: Date) async throws -> Int {
        let org = try await Organisation.query(on: db).filter(\.$slug == "provincie-flevoland").first()
        return try await db.transaction { db in
            var added = 0
            for s in scenarios {
                if try await AcuteCareScenarioRecord.query(on: db).filter(\.$slug == s.id).first() != nil { continue }
                let record = try AcuteCareScenarioRecord(
                    slug: s.id, name: s.name, summary: s.description, changes: ScenarioChanges(s),
                    isSchematic: true, organisationID: org?.id, author: "systeem")
                try await record.create(on: db)
                try await Audit.record(
                    on: db, user: nil, actor: "systeem", action: "aangemaakt", entity: "ambulancescenario",
                    entityID: s.id, summary: "Schematisch scenario \"\(s.name)\" (demodata)", at: now)
                added += 1
            }
            return added
        }
    }
}
