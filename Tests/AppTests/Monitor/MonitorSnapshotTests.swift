import VitaalDomain
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

    /// The import history while an import runs (#20): the progress above the table.
    func testImportHistoryWithARunningImport() {
        let started = Fixtures.now.addingTimeInterval(-90)
        let progress = RunningImport(
            fileName: "waarden-flevoland.csv", actor: "redacteur@flever.example", startedAt: started,
            bytesRead: 12_845_056, totalBytes: 31_790_448, records: 120_000, values: 118_000,
            updatedAt: Fixtures.now.addingTimeInterval(-1))
        let row = ImportHistoryPage.Model.Row(
            createdAt: "01-12-2025 09:00", fileName: "gezondheidsmonitor.csv", actor: "redacteur@flever.example",
            format: "lang", records: "1.803", inserted: "1.803", replaced: "0", undone: nil, action: .none)
        let model = ImportHistoryPage.Model(
            running: ImportHistoryPage.Model.running(progress, now: Fixtures.now), rows: [row])
        XCTAssertEqual(model.running?.percent, 40)
        let context = Fixtures.context(
            viewer: Fixtures.viewer(.redacteur), path: MonitorURL.importHistory.path, csrfToken: "token")
        assertSnapshot(
            Layout.document(page: ImportHistoryPage.view(model, context), context: context),
            named: "Monitor/import-history-running")
    }
}
