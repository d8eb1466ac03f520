import XCTVapor
import XCTest

@testable import AppCore
@testable import MonitorFeature

/// The monitor's pages as HTML, rendered from their models with the fixed clock: one page of each
/// kind (a chart page, a table page, a form with errors).
final class MonitorSnapshotTests: XCTestCase {
    func testIndicatorPage() async throws {
        try await TestApp.with { app in
            try await MonitorTestSupport.seedDemo(app)
            let model = try await Fixtures.Monitor.indicatorPage(app)
            let context = Fixtures.context(path: model.route.path)
            assertSnapshot(
                Layout.document(page: IndicatorPage.view(model, context), context: context),
                named: "Monitor/indicator")
        }
    }

    func testRegionProfile() async throws {
        try await TestApp.with { app in
            try await MonitorTestSupport.seedDemo(app)
            let model = try await Fixtures.Monitor.regionProfile(app)
            let context = Fixtures.context(path: model.route.path)
            assertSnapshot(
                Layout.document(page: RegionProfilePage.view(model, context), context: context),
                named: "Monitor/region-profile")
        }
    }

    func testStoryFormWithErrors() async throws {
        try await TestApp.with { app in
            try await MonitorTestSupport.seedDemo(app)
            let model = try await Fixtures.Monitor.storyFormWithErrors(app)
            XCTAssertEqual(model.status, .unprocessableEntity)
            XCTAssertEqual(model.error(for: "title"), "de titel ontbreekt")
            let context = Fixtures.context(
                viewer: Fixtures.viewer(.redacteur), path: MonitorURL.stories.path,
                csrfToken: "token")
            let html = Layout.document(page: StoryFormPage.view(model, context), context: context)
            XCTAssertFalse(html.contains("<echt>"), "typed text is escaped")
            assertSnapshot(html, named: "Monitor/story-form-errors")
        }
    }
}
