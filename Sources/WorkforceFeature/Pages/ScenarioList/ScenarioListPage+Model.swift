import AppCore
import Fluent
import Foundation
import VitaalDomain

/// The list of saved scenarios (newest version of each) with their 2032 shortage.
enum ScenarioListPage {
    struct Model: Sendable {
        struct Row: Sendable {
            var version: WorkforceScenarioVersion
            /// The shortage in 2032 (or the horizon), nil when the scenario cannot be computed.
            var year: WorkforceYearResult?
        }
        var rows: [Row]
        var canWrite: Bool

        /// Projects every scenario once (the list shows each one's shortage).
        init(versions: [(WorkforceScenarioVersion, WorkforceScenario?)], viewer: PageContext.Viewer?) {
            rows = versions.map { version, scenario in
                let projection = scenario.flatMap { try? WorkforceEngine.project($0) }
                return Row(version: version, year: projection?.year(2032) ?? projection?.years.last)
            }
            canWrite = (viewer?.role ?? .lezer) >= .redacteur
        }

        static func load(viewer: PageContext.Viewer?, on db: any Database) async throws -> Model {
            let records = try await WorkforceScenarioStore.latest(on: db)
            return Model(
                versions: records.map { (WorkforceScenarioVersion($0), try? WorkforceScenarioStore.scenario(of: $0)) },
                viewer: viewer)
        }

        var compareOptions: [WorkforceScenarioVersion] { rows.map(\.version) }
    }
}
