import VitaalDomain
import XCTVapor
import XCTest

@testable import AppCore
@testable import WorkforceFeature

final class WorkforceCLITests: XCTestCase {
    func file(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "vitaal-workforce-\(UUID().uuidString).json")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// `vitaal workforce project FILE --json` prints the same projection as the API.
    func testJSONOutputMatchesTheAPIProjection() async throws {
        var s = WorkforceScenario.flevolandBase
        s.name = "Basisscenario Flevoland"
        s.id = "basisscenario-flevoland"
        let url = try file(WorkforceScenarioCodec.encode(s))
        defer { try? FileManager.default.removeItem(at: url) }
        let text = try WorkforceProjectCommand.output(file: url.path, json: true, year: nil, runs: nil)
        let cli = try Fixtures.Workforce.projection(text)
        XCTAssertNil(cli.id)
        XCTAssertEqual(cli.years.count, 21)
        try await TestApp.with { app in
            try await Fixtures.Workforce.loadDemo(app)
            let base = try await Fixtures.Workforce.base(app)
            let api = try Fixtures.Workforce.projection(
                try await Browser(app).get(WorkforceURL.apiProjection(.value(base.id!.uuidString)).path).body)
            XCTAssertEqual(api.years, cli.years)
            XCTAssertEqual(api.summary, cli.summary)
        }
    }

    func testHumanTableAndUncertainty() throws {
        let url = try file(Fixtures.Workforce.baseFile)
        defer { try? FileManager.default.removeItem(at: url) }
        let text = try WorkforceProjectCommand.output(file: url.path, json: false, year: 2032, runs: 50)
        let p = try WorkforceEngine.project(WorkforceScenario.flevolandBase)
        let y = try XCTUnwrap(p.year(2032))
        XCTAssertTrue(text.contains("Jaar"))
        XCTAssertTrue(text.contains("Tekort p95"))
        let line = try XCTUnwrap(text.split(separator: "\n").first { $0.hasPrefix("2032 ") })
        XCTAssertTrue(line.contains(WorkforceSummary.number(y.total.supplyPersons)), String(line))
        XCTAssertTrue(line.contains(WorkforceSummary.number(y.total.demandPersons)), String(line))
        XCTAssertTrue(text.contains("Per sector in 2032:"))
        XCTAssertTrue(text.contains("50 Monte Carlo-runs"))
        XCTAssertTrue(text.contains(WorkforceSummary.text(p, year: 2032)))
        XCTAssertThrowsError(try WorkforceProjectCommand.output(file: url.path, json: false, year: 1999, runs: nil))
    }
}
