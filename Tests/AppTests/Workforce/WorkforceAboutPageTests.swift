import Fluent
import MonitorFeature
import VitaalDomain
import XCTVapor
import XCTest

@testable import AppCore
@testable import WorkforceFeature

/// "Over dit model" (`/modellen/personeel/over`), the pages pointing to it instead of a source file, and the
/// monitor's stock of staff (`az_werkzame_personen`) next to the model's on the scenario page.
final class WorkforceAboutPageTests: XCTestCase {
    /// The `<tr>…</tr>` of `html` that contains `marker`, or nil.
    func row(_ html: String, containing marker: String) -> String? {
        html.components(separatedBy: "<tr>").first { $0.contains(marker) }?.components(separatedBy: "</tr>").first
    }

    func testAnonymousVisitorReadsTheFormatWithTheParsersBoundsAndTheMonitorLinks() async throws {
        try await TestApp.with { app in
            let page = try await Browser(app).get(WorkforceURL.about.path)
            XCTAssertEqual(page.status, .ok)
            XCTAssertEqual(WorkforceURL.about.path, "/modellen/personeel/over")
            XCTAssertTrue(page.body.contains("Over het model personeelsplanning"))
            // Every field of the file, with the bounds the parser checks.
            let fields = WorkforceScenarioFormat.fields
            XCTAssertGreaterThan(fields.count, 50)
            for field in fields {
                let cells = try XCTUnwrap(
                    row(page.body, containing: "<code>\(field.path)</code>"), "row for \(field.path)")
                XCTAssertTrue(cells.contains("<td>\(field.bounds)</td>"), "\(field.path): \(field.bounds)")
            }
            // A lever's bounds are the lever catalogue's (the form's) bounds.
            let productivity = try XCTUnwrap(row(page.body, containing: "<code>levers.productivity</code>"))
            XCTAssertTrue(productivity.contains("<td>0 t/m 0.05</td>"))
            XCTAssertTrue(
                try XCTUnwrap(row(page.body, containing: "<code>sectors[].fteFactor</code>"))
                    .contains("<td>groter dan 0, t/m 1</td>"))
            // The four monitor inputs and the population projection link to their indicator pages.
            for code in WorkforceMonitorInputs.codes + ["prognose_inwoners"] {
                XCTAssertTrue(
                    page.body.contains("href=\"\(MonitorURL.indicator(.value(code)).path)\""), "link to \(code)")
            }
            // Calibration figures with their documents, by title and section.
            XCTAssertTrue(page.body.contains("45.000"))
            XCTAssertTrue(page.body.contains("41.500"))
            XCTAssertTrue(page.body.contains("Regioplan IZA Flevoland, hoofdstuk 5"))
            XCTAssertTrue(page.body.contains("Flever jaarplan 2025, Arbeidsmarkt &amp; Onderwijs in 2025"))
            XCTAssertTrue(page.body.contains("tekort van 11 % in 2032 als tekort in fte"))
            XCTAssertTrue(page.body.contains("voorbeelddata"))
            XCTAssertTrue(page.body.contains("aanname"))
            XCTAssertFalse(page.body.contains("<script"))
        }
    }

    /// The indicator pages the about page links to exist once the monitor's demo data is loaded.
    func testTheLinkedIndicatorPagesExist() async throws {
        try await TestApp.with { app in
            try await TestApp.seedFoundation(app)
            try await MonitorFeature().loadDemoData(app: app, log: { _ in })
            let browser = Browser(app)
            for code in WorkforceMonitorInputs.codes {
                let page = try await browser.get(MonitorURL.indicator(.value(code)).path)
                XCTAssertEqual(page.status, .ok, code)
            }
            let stock = try await browser.get(MonitorURL.indicator(.value(WorkforceMonitorInputs.stockCode)).path)
            XCTAssertTrue(stock.body.contains("Werkzame personen in zorg en welzijn"))
            XCTAssertTrue(stock.body.contains("voorbeeld"))
        }
    }

    /// No page of the feature, nor the OpenAPI text, sends a reader to a file in the source repository.
    func testNoPageOrAPIDescriptionPointsToTheDocsFolder() async throws {
        try await TestApp.with { app in
            try await Fixtures.Workforce.loadDemo(app)
            let base = try await Fixtures.Workforce.base(app)
            let id = Parameter<String>.value(base.id!.uuidString)
            let anonymous = Browser(app)
            let (email, password) = try await TestApp.user(app, role: .redacteur, organisation: "flever")
            let editor = Browser(app)
            _ = try await editor.login(email, password)
            let ids = try await WorkforceScenarioStore.latest(on: app.db).compactMap { $0.id?.uuidString }
            XCTAssertEqual(ids.count, 2)
            let paths = [
                WorkforceURL.models.path, WorkforceURL.list.path, WorkforceURL.about.path,
                WorkforceURL.scenario(id).path,
                WorkforceURL.report(id).path, WorkforceURL.compare.path(query: [("a", ids[0]), ("b", ids[1])])
            ]
            for browser in [anonymous, editor] {
                for path in paths {
                    let page = try await browser.get(path)
                    XCTAssertEqual(page.status, .ok, path)
                    XCTAssertFalse(page.body.contains("docs/"), path)
                }
            }
            // The workforce part of the OpenAPI document (other features are not this test's business).
            let openapi = try await anonymous.get("/api/v1/openapi.json")
            let doc = try XCTUnwrap(
                try JSONSerialization.jsonObject(with: Data(openapi.body.utf8)) as? [String: Any])
            let apiPaths = try XCTUnwrap(doc["paths"] as? [String: Any]).filter {
                $0.key.hasPrefix("/api/v1/workforce")
            }
            let schemas = try XCTUnwrap((doc["components"] as? [String: Any])?["schemas"] as? [String: Any])
                .filter { $0.key.hasPrefix("Workforce") }
            XCTAssertEqual(apiPaths.count, 4)
            XCTAssertFalse(schemas.isEmpty)
            for part in [apiPaths, schemas] {
                let text = String(decoding: try JSONSerialization.data(withJSONObject: part), as: UTF8.self)
                XCTAssertFalse(text.contains("docs/"), text)
                XCTAssertFalse(text.contains("docs\\/"), "escaped slash")
            }
            XCTAssertTrue(
                String(decoding: try JSONSerialization.data(withJSONObject: apiPaths), as: UTF8.self)
                    .replacingOccurrences(of: "\\/", with: "/").contains(WorkforceURL.about.path))
            let new = try await editor.get(WorkforceURL.newScenario.path)
            XCTAssertEqual(new.status, .ok)
            XCTAssertFalse(new.body.contains("docs/"))
            XCTAssertTrue(new.body.contains("href=\"\(WorkforceURL.about.path)\""))
            for path in [WorkforceURL.list.path, WorkforceURL.scenario(id).path, WorkforceURL.report(id).path] {
                let page = try await anonymous.get(path)
                XCTAssertTrue(page.body.contains("href=\"\(WorkforceURL.about.path)\""), "\(path) links the about page")
            }
            let help = WorkforceProjectCommand.Signature().$file.help
            XCTAssertFalse(help.contains("docs/"))
            XCTAssertTrue(help.contains(WorkforceURL.about.path))
        }
    }

    /// The monitor's stock of staff stands next to the model's on the scenario page, and with the monitor
    /// option ticked it scales the base-year stock.
    func testScenarioPageShowsTheMonitorsStockOfStaff() async throws {
        try await TestApp.with { app in
            try await Fixtures.Workforce.loadDemo(app)
            try await MonitorFeature().loadDemoData(app: app, log: { _ in })
            let base = try await Fixtures.Workforce.base(app)
            let scenario = try WorkforceScenarioStore.scenario(of: base)
            let code = WorkforceMonitorInputs.stockCode
            let series = try await MonitorLookup.series(indicator: code, region: "PV24", audience: .public, on: app.db)
            let monitor = try XCTUnwrap(series.first { $0.period == String(scenario.baseYear) }?.value)
            let model = scenario.stock.reduce(0) { $0 + $1.persons.value }
            XCTAssertEqual(monitor / model, 1, accuracy: 0.05, "example values agree with the model's base-year stock")

            let path = WorkforceURL.scenario(.value(base.id!.uuidString)).path
            let page = try await Browser(app).get(path)
            XCTAssertEqual(page.status, .ok)
            let cells = try XCTUnwrap(row(page.body, containing: "(\(code))"), "monitor row for \(code)")
            XCTAssertTrue(cells.contains("Werkzame personen in zorg en welzijn"))
            XCTAssertTrue(cells.contains("<td class=\"num\">\(DutchNumberFormat.format(monitor, decimals: 0))</td>"))
            XCTAssertTrue(cells.contains("<td class=\"num\">\(DutchNumberFormat.format(model, decimals: 0))</td>"))
            XCTAssertTrue(cells.contains("voorbeelddata"))
            XCTAssertTrue(cells.contains("Niet toegepast"))

            let applied = try await Browser(app).get("\(path)?monitor=1")
            XCTAssertEqual(applied.status, .ok)
            let used = try XCTUnwrap(row(applied.body, containing: "(\(code))"))
            XCTAssertTrue(used.contains("Personeelsbestand \(scenario.baseYear) geschaald met factor"))
        }
    }
}
