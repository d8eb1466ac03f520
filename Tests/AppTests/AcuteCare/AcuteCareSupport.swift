import Foundation
import VitaalDomain

@testable import AcuteCareFeature
@testable import AppCore

/// Page models of the acute-care pages without a database (snapshot tests).
extension Fixtures {
    enum AcuteCare {
        /// The demo scenarios as the page lists them.
        static var savedScenarios: [CoveragePage.SavedScenario] {
            AcuteCareDemoData.scenarios.map { scenario in
                CoveragePage.SavedScenario(
                    slug: scenario.id, name: scenario.name, summary: scenario.description,
                    organisationName: "Provincie Flevoland", organisationID: nil,
                    isSchematic: true, changes: ScenarioChanges(scenario))
            }
        }

        /// The coverage page for `form` (no municipality outlines: they come from the database).
        static func coveragePage(_ form: WhatIfForm = WhatIfForm(), viewer: PageContext.Viewer? = nil) throws
            -> CoveragePage.Model
        {
            try CoveragePage.Model(
                form: form, scenario: nil, saveError: nil, viewer: viewer, outlines: [],
                scenarios: savedScenarios)
        }
    }
}
