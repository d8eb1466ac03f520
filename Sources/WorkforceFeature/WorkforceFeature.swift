import AppCore
import Fluent
import Vapor
import VitaalDomain

/// Workforce planning model (regionale strategische personeelsplanning, RSPP) and the "Modellen" section.
public struct WorkforceFeature: VitaalFeature {
    public init() {}

    public var migrations: [any Migration] { [CreateWorkforceScenarios()] }

    public var navigation: [NavigationItem] {
        [NavigationItem(title: "Modellen", path: WorkforceURL.models.path, order: 40)]
    }

    public var stylesheet: String { String(decoding: PackageResources.workforce_css, as: UTF8.self) }

    public func register(routes app: Application) throws {
        try app.register(collection: WorkforceAPIController())
        try app.register(collection: WorkforcePageController())
        try app.register(collection: WorkforceDownloadController())
        WorkforceAPIController.registerOpenAPI(app.openAPI)
    }

    public var commands: [CommandRegistration] {
        [
            CommandRegistration(group: "workforce", name: "project", command: WorkforceProjectCommand()),
            CommandRegistration(group: "workforce", name: "base", command: WorkforceBaseCommand())
        ]
    }

    public static let demoPolicyName = "Beleidsmix IZA (voorbeeld)"

    /// The calibrated base scenario ("Basisscenario Flevoland", base) and one example policy mix.
    /// Skipped when a base exists.
    public func loadDemoData(app: Application, log: @escaping @Sendable (String) -> Void) async throws {
        if try await WorkforceScenarioStore.base(on: app.db) != nil {
            log("Personeelsplanning: basisscenario bestaat al, overgeslagen.")
            return
        }
        let province = try await Organisation.query(on: app.db).filter(\.$slug == "provincie-flevoland").first()
        let flever = try await Organisation.query(on: app.db).filter(\.$slug == "flever").first()
        var base = WorkforceScenario.flevolandBase
        base.id = "basisscenario-flevoland"
        _ = try await WorkforceScenarioStore.save(
            base, name: WorkforceScenarioStore.baseName,
            note:
                "Gekalibreerd op het Regioplan IZA Flevoland (45.000 nodig, 41.500 beschikbaar in 2032; tekort 4 % in "
                + "2020, 11 % in 2032). Overige waarden zijn aannames.",
            isExample: true, user: nil, actor: "systeem", organisationID: province?.id, isBase: true, on: app.db)
        var mix = base
        mix.id = "beleidsmix-iza"
        mix.description =
            "Voorbeeld van een beleidsmix: 1 % productiviteitswinst per jaar, 10 % minder uitstroom, "
            + "10 % extra instroom en 0,5 %-punt taakherschikking per jaar."
        mix.levers.productivity.value = 0.01
        mix.levers.outflowReduction.value = 0.1
        mix.levers.extraInflow.value = 0.1
        mix.levers.taskShifting.value = 0.005
        _ = try await WorkforceScenarioStore.save(
            mix, name: Self.demoPolicyName, note: "Voorbeelddata: hefboomwaarden verzonnen ter illustratie.",
            isExample: true, user: nil, actor: "systeem", organisationID: flever?.id, on: app.db)
        log("Personeelsplanning: basisscenario Flevoland en een voorbeeld-beleidsmix geladen.")
    }
}
