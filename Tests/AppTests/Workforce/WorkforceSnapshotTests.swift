import VitaalDomain
import XCTest

@testable import AcuteCareFeature
@testable import AppCore
@testable import WorkforceFeature

/// The workforce pages rendered from their models with a fixed clock (no database, no app).
final class WorkforceSnapshotTests: XCTestCase {
    func testResultPageForAnEditor() throws {
        let model = try Fixtures.Workforce.scenarioPage()
        let url = WorkforceURL.scenario(.value(Fixtures.Workforce.baseID))
        let context = Fixtures.context(viewer: Fixtures.viewer(.redacteur), path: url.path, csrfToken: "token")
        XCTAssertEqual(model.status, .ok)
        assertSnapshot(
            Layout.document(page: ScenarioPage.view(model, context), context: context),
            named: "Workforce/result")
    }

    func testLeverFormWithAnError() throws {
        let model = try Fixtures.Workforce.scenarioPage(input: ["extraInflow": "500", "jaar": "2032"])
        let url = WorkforceURL.scenario(.value(Fixtures.Workforce.baseID))
        let context = Fixtures.context(path: url.path(query: [("extraInflow", "500")]))
        XCTAssertEqual(model.status, .unprocessableEntity)
        assertSnapshot(
            Layout.document(page: ScenarioPage.view(model, context), context: context),
            named: "Workforce/lever-form-error")
    }

    /// The index links the acute-care page by its own path (this module cannot see `AcuteCareURL`).
    func testModelLinksAgreeBetweenTheFeatures() {
        XCTAssertEqual(WorkforceURL.acuteCareModel.path, AcuteCareURL.index.path)
        XCTAssertEqual(AcuteCareURL.models.path, WorkforceURL.models.path)
        XCTAssertEqual(WorkforceURL.apiProjection(.key).openAPIPath, "/api/v1/workforce/scenarios/{id}/projection")
    }
}
