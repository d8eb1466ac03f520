import AppCore
import Fluent
import Foundation
import Vapor
import VitaalDomain

/// The page of one saved scenario: outcome, lever form (what-if), save form, charts, comparison,
/// monitor inputs, calibration, downloads, versions and parameters.
enum ScenarioPage {
    struct Model: Sendable {
        var version: WorkforceScenarioVersion
        var whatIf: WorkforceWhatIf
        var results: WorkforceResults
        /// The saved scenario's results, when the form changes it (the "effect of your levers").
        var savedResults: WorkforceResults?
        var versions: [WorkforceScenarioVersion]
        /// The other scenarios one may compare with.
        var others: [WorkforceScenarioVersion]
        var compareWith: WorkforceScenarioVersion?
        var comparison: WorkforceComparison?
        var save: SaveForm
        var notice: WorkforceNotice?

        var form: WorkforceLeverForm { whatIf.form }
        var status: HTTPResponseStatus { form.isValid && save.errors.isEmpty ? .ok : .unprocessableEntity }
        var problems: [Problem] {
            whatIf.problems
                + save.errors.sorted { $0.key < $1.key }.map { Problem($0.value, at: SourceLocation(field: $0.key)) }
        }
        /// The lever values as a query (links to downloads and the report keep the what-if).
        var query: [(String, String?)] { form.isValid ? form.queryItems.map { ($0.0, $0.1) } : [] }

        /// `compareWith`: another version and its scenario (the `vergelijk` choice).
        init(
            version: WorkforceScenarioVersion, whatIf: WorkforceWhatIf, versions: [WorkforceScenarioVersion],
            others: [WorkforceScenarioVersion], compareWith: (WorkforceScenarioVersion, WorkforceScenario)?,
            save: SaveForm, notice: WorkforceNotice?
        ) throws {
            self.version = version
            self.whatIf = whatIf
            self.versions = versions
            self.others = others.filter { $0.id != version.id }
            self.save = save
            self.notice = notice
            let form = whatIf.form
            results = try WorkforceResults.cached(scenario: whatIf.scenario, year: form.year)
            if form.isValid && form.changesScenario {
                savedResults = try WorkforceResults.cached(scenario: whatIf.saved, year: form.year)
            }
            if let (other, scenario) = compareWith {
                self.compareWith = other
                var comparison = try WorkforceEngine.compare([whatIf.scenario, scenario])
                let own = form.changesScenario ? "\(version.name) (met uw hefbomen)" : version.name
                comparison.scenarioNames = [own, other.title]
                self.comparison = comparison
            }
        }

        /// Loads the versions, the scenarios to compare with and the chosen one (`compareID`).
        static func load(
            record: WorkforceScenarioRecord, whatIf: WorkforceWhatIf, compareID: String?,
            save: SaveForm, notice: WorkforceNotice?, on db: any Database
        ) async throws -> Model {
            let versions = try await WorkforceScenarioStore.versions(of: record.lineage, on: db)
            let all = try await WorkforceScenarioStore.latest(on: db)
            var compareWith: (WorkforceScenarioVersion, WorkforceScenario)?
            if let compareID, !compareID.isEmpty, let other = try? await WorkforceScenarioStore.find(compareID, on: db)
            {
                compareWith = (WorkforceScenarioVersion(other), try WorkforceScenarioStore.scenario(of: other))
            }
            return try Model(
                version: WorkforceScenarioVersion(record), whatIf: whatIf,
                versions: versions.map(WorkforceScenarioVersion.init), others: all.map(WorkforceScenarioVersion.init),
                compareWith: compareWith, save: save, notice: notice)
        }
    }

    /// The save form's values and errors (name and note; the levers travel as hidden fields).
    struct SaveForm: Sendable {
        var name: String
        var note: String
        var errors: [String: String] = [:]

        /// The form as first shown: the version's own name (none for the base scenario, which is not
        /// changed by users).
        init(for version: WorkforceScenarioVersion) {
            name = version.isBase ? "" : version.name
            note = ""
        }

        /// The form after a refused save: what was posted, with the errors.
        init(for version: WorkforceScenarioVersion, posted: [String: String], errors: [String: String]) {
            self.init(for: version)
            self.errors = errors
            if !errors.isEmpty { name = posted["name"] ?? name }
            note = posted["note"] ?? ""
        }
    }
}

/// Confirmations after a write, passed as a code in the redirect (`?melding=…`).
enum WorkforceNotice: String, Sendable {
    case saved = "opgeslagen"
    case unchanged = "ongewijzigd"

    init?(code: String?) {
        guard let code else { return nil }
        self.init(rawValue: code)
    }

    static func after(created: Bool) -> WorkforceNotice { created ? .saved : .unchanged }
}
