import AppCore
import Fluent
import Foundation
import Vapor
import VitaalDomain

/// The acute-care page: coverage now and in a scenario (a what-if from the form or a saved
/// scenario), the maps, the tables, the what-if and save forms and the saved scenarios.
enum CoveragePage {
    /// A saved scenario as the page shows it (a plain value from the database record).
    struct SavedScenario: Sendable {
        var slug: String
        var name: String
        var summary: String?
        var organisationName: String?
        var organisationID: UUID?
        var isSchematic: Bool
        /// Nil when the stored changes cannot be read (the page then reports it and shows the base).
        var changes: ScenarioChanges?

        var url: AcuteCareURL { .scenario(.value(slug)) }
    }

    /// One map: the base or the scenario, with its caption.
    struct MapFigure: Sendable {
        var map: PointMap
        var caption: String
    }

    struct Model: Sendable {
        /// The what-if form as filled in (empty when a saved scenario is shown).
        var form: WhatIfForm
        /// Field → first problem, next to the field.
        var fieldErrors: [String: String]
        var evaluation: AcuteCareService.Evaluation
        /// Problems of the what-if or of a refused save (the page then shows the base).
        var problems: VitaalError?
        var saveError: VitaalError?
        var scenario: SavedScenario?
        var scenarios: [SavedScenario]
        var maps: [MapFigure]
        var municipalities: [MunicipalityRow]
        var canSave: Bool
        var canDelete: Bool

        var status: HTTPResponseStatus { problems == nil ? .ok : .unprocessableEntity }
        var showsSaveForm: Bool { canSave && scenario == nil && !form.isEmpty }

        init(
            form: WhatIfForm, scenario: SavedScenario?, saveError: VitaalError?, viewer: PageContext.Viewer?,
            outlines: [RegionFeature], scenarios: [SavedScenario]
        ) throws {
            self.form = scenario == nil ? form : WhatIfForm()
            self.scenario = scenario
            self.scenarios = scenarios
            self.saveError = saveError
            problems = saveError
            do {
                evaluation = try Self.evaluate(form: form, scenario: scenario)
            } catch let error as VitaalError where error.kind == .invalidInput {
                problems = error
                evaluation = try AcuteCareService.evaluate(ScenarioChanges())
            }
            fieldErrors = WhatIfForm.fieldErrors(problems)
            maps = CoverageMaps.figures(evaluation, outlines: outlines)
            municipalities = MunicipalityRow.rows(evaluation)
            canSave = (viewer?.role ?? .lezer) >= .redacteur
            canDelete = scenario.map { viewer?.mayWrite(organisationID: $0.organisationID) ?? false } ?? false
        }

        static func evaluate(form: WhatIfForm, scenario: SavedScenario?) throws -> AcuteCareService.Evaluation {
            guard let scenario else {
                return try AcuteCareService.evaluate(try form.changes(), name: form.value("naam") ?? "Wat-als-scenario")
            }
            guard let changes = scenario.changes else {
                throw VitaalError(.internal, "Scenario \"\(scenario.name)\" bevat onleesbare wijzigingen.")
            }
            return try AcuteCareService.evaluate(
                changes, id: scenario.slug, name: scenario.name,
                description: scenario.summary, isSchematic: scenario.isSchematic)
        }

        /// Loads the municipality outlines and the saved scenarios.
        static func load(
            form: WhatIfForm, scenario: AcuteCareScenarioRecord?, saveError: VitaalError?,
            viewer: PageContext.Viewer?, on db: any Database
        ) async throws -> Model {
            let regions = try await Region.query(on: db).filter(\.$kind == RegionKind.gemeente.rawValue).all()
            let outlines = RegionMaps.features(
                regions.filter { region in
                    WhatIfForm.municipalityFields.contains { $0.name == region.name }
                })
            let records = try await AcuteCareScenarioRecord.query(on: db).with(\.$organisation)
                .sort(\.$createdAt).sort(\.$name).all()
            return try Model(
                form: form, scenario: scenario.map(SavedScenario.init), saveError: saveError,
                viewer: viewer, outlines: outlines, scenarios: records.map(SavedScenario.init))
        }
    }
}

extension CoveragePage.SavedScenario {
    init(_ record: AcuteCareScenarioRecord) {
        self.init(
            slug: record.slug, name: record.name, summary: record.summary,
            organisationName: (record.$organisation.value ?? nil)?.name, organisationID: record.$organisation.id,
            isSchematic: record.isSchematic, changes: try? record.changes())
    }
}
