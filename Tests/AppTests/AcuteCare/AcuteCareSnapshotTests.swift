import VitaalDomain
import XCTest

@testable import AcuteCareFeature
@testable import AppCore

/// The acute-care page rendered from its model with a fixed clock (no database, no app).
final class AcuteCareSnapshotTests: XCTestCase {
    func testMapPage() throws {
        let model = try Fixtures.AcuteCare.coveragePage()
        let context = Fixtures.context(path: AcuteCareURL.index.path)
        XCTAssertEqual(model.status, .ok)
        assertSnapshot(
            Layout.document(page: CoveragePage.view(model, context), context: context),
            named: "AcuteCare/map")
    }

    func testWhatIfFormWithErrors() throws {
        let form = WhatIfForm(
            norm: "0", post_lat: "52,4", post_naam: "Noordpost", wijk_inwoners: "-5",
            groei_pct: "veel", naam: "Fout")
        let viewer = Fixtures.viewer(.redacteur)
        let model = try Fixtures.AcuteCare.coveragePage(form, viewer: viewer)
        let context = Fixtures.context(viewer: viewer, path: AcuteCareURL.index.path, csrfToken: "token")
        XCTAssertEqual(model.status, .unprocessableEntity)
        XCTAssertEqual(model.fieldErrors["norm"], "Norm: de norm moet groter zijn dan 0 minuten (is 0,0)")
        assertSnapshot(
            Layout.document(page: CoveragePage.view(model, context), context: context),
            named: "AcuteCare/what-if-errors")
    }
}
