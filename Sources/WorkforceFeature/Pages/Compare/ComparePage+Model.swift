import AppCore
import Fluent
import Foundation
import VitaalDomain

/// Two saved scenarios side by side (`?a=ID&b=ID`).
enum ComparePage {
    struct Model: Sendable {
        var options: [WorkforceScenarioVersion]
        var chosen: [WorkforceScenarioVersion]
        var results: [WorkforceResults]
        var comparison: WorkforceComparison
        /// The year of the summaries and the table.
        static let year = 2032

        init(options: [WorkforceScenarioVersion], chosen: [(WorkforceScenarioVersion, WorkforceScenario)]) throws {
            self.options = options
            self.chosen = chosen.map(\.0)
            comparison = try WorkforceEngine.compare(chosen.map(\.1))
            comparison.scenarioNames = chosen.map(\.0.title)
            results = try chosen.map { try WorkforceResults.cached(scenario: $0.1, year: Self.year, runs: nil) }
        }

        static func load(ids: [String?], on db: any Database) async throws -> Model {
            let records = try await WorkforceScenarioStore.latest(on: db)
            var chosen: [(WorkforceScenarioVersion, WorkforceScenario)] = []
            for id in ids.compactMap({ $0 }) {
                let record = try await WorkforceScenarioStore.find(id, on: db)
                chosen.append((WorkforceScenarioVersion(record), try WorkforceScenarioStore.scenario(of: record)))
            }
            guard chosen.count == 2 else {
                throw VitaalError.invalid("kies twee scenario's (a en b)", at: SourceLocation(field: "a"))
            }
            return try Model(options: records.map(WorkforceScenarioVersion.init), chosen: chosen)
        }
    }
}
