import AppCore
import Foundation
import VitaalDomain

/// The printable RSPP report of a scenario (with the visitor's levers when valid).
enum ReportPage {
    struct Model: Sendable {
        var version: WorkforceScenarioVersion
        var scenario: WorkforceScenario
        var changesScenario: Bool
        var results: WorkforceResults

        /// Refuses an invalid lever form (the report shows only computed scenarios).
        init(version: WorkforceScenarioVersion, whatIf: WorkforceWhatIf) throws {
            guard whatIf.form.isValid else {
                throw VitaalError.invalid("ongeldige hefboomwaarden", problems: whatIf.problems)
            }
            self.version = version
            scenario = whatIf.scenario
            changesScenario = whatIf.form.changesScenario
            results = try WorkforceResults.cached(scenario: whatIf.scenario, year: whatIf.form.year)
        }
    }
}
