import Fluent
import VitaalDomain
import XCTVapor
import XCTest

@testable import AppCore
@testable import WorkforceFeature

final class WorkforcePageTests: XCTestCase {
    func testModelsIndexLinksBothModelsAndIsInTheNavigation() async throws {
        try await TestApp.with { app in
            let r = try await Browser(app).get(WorkforceURL.models.path)
            XCTAssertEqual(r.status, .ok)
            XCTAssertTrue(r.body.contains("href=\"/modellen/personeel\""))
            XCTAssertTrue(r.body.contains("href=\"/modellen/acute-zorg\""))
            XCTAssertTrue(
                r.body.contains("<a href=\"/modellen\" aria-current=\"page\">Modellen</a>"),
                "navigation item marked current")
            XCTAssertEqual(app.navigation.first { $0.path == "/modellen" }?.order, 40)
        }
    }

    func testScenarioListShowsBaseAndExampleScenarios() async throws {
        try await TestApp.with { app in
            try await Fixtures.Workforce.loadDemo(app)
            let r = try await Browser(app).get(WorkforceURL.list.path)
            XCTAssertEqual(r.status, .ok)
            XCTAssertTrue(r.body.contains("Basisscenario Flevoland"))
            XCTAssertTrue(r.body.contains("basisscenario"))
            XCTAssertTrue(r.body.contains(WorkforceFeature.demoPolicyName))
            XCTAssertTrue(r.body.contains("voorbeelddata"))
        }
    }

    /// Done-when: open the base scenario, move a lever (extra inflow) and see the 2032 gap change with its uncertainty;
    /// the calibration figures are shown; assumptions are labelled.
    func testMovingALeverChangesThe2032GapWithItsUncertainty() async throws {
        try await TestApp.with { app in
            try await Fixtures.Workforce.loadDemo(app)
            let base = try await Fixtures.Workforce.base(app)
            let path = WorkforceURL.scenario(.value(base.id!.uuidString)).path
            let browser = Browser(app)
            let plain = try await browser.get(path)
            XCTAssertEqual(plain.status, .ok)
            let scenario = try WorkforceScenarioStore.scenario(of: base)
            let before = try WorkforceResults(scenario: scenario, year: 2032)
            XCTAssertTrue(
                plain.body.contains(WorkforceViews.persons(before.yearResult.total.shortagePersons) + " personen"))
            XCTAssertTrue(plain.body.contains("In 2032 tekort van"))
            XCTAssertTrue(plain.body.contains("in de sector"), "summary names a sector")
            XCTAssertFalse(plain.body.contains("Effect van uw hefbomen"))
            // Calibration figures and assumption labels.
            XCTAssertTrue(plain.body.contains("45.000"))
            XCTAssertTrue(plain.body.contains("41.500"))
            XCTAssertTrue(plain.body.contains("binnen 2 %"))
            XCTAssertEqual(
                plain.body.components(separatedBy: "binnen 2 %</td>").count - 1, 5, "five seed figures reproduced")
            XCTAssertTrue(
                plain.body.contains("wijkt af: bronnen tegenstrijdig"),
                "+33 % 2023–2033 cannot hold together with +34 % 2023–2032")
            XCTAssertTrue(plain.body.contains(">aanname</span>"))
            XCTAssertGreaterThanOrEqual(
                plain.body.components(separatedBy: "<svg").count - 1, 4, "line, stacked bar, fan and sensitivity charts"
            )
            XCTAssertTrue(plain.body.contains("200 Monte Carlo-runs op deze pagina"))

            let moved = try await browser.get("\(path)?extraInflow=30&jaar=2032")
            XCTAssertEqual(moved.status, .ok)
            var changed = scenario
            changed.levers.extraInflow = 0.3
            let after = try WorkforceResults(scenario: changed, year: 2032)
            XCTAssertLessThan(after.yearResult.total.shortagePersons, before.yearResult.total.shortagePersons)
            XCTAssertTrue(moved.body.contains("Effect van uw hefbomen"))
            let diff = before.yearResult.total.shortagePersons - after.yearResult.total.shortagePersons
            XCTAssertTrue(moved.body.contains("Tekort \(WorkforceViews.persons(diff)) personen kleiner"))
            let band = try XCTUnwrap(after.band)
            XCTAssertTrue(
                moved.body.contains(
                    "90 %-interval: \(WorkforceViews.persons(band.shortagePersons.p5)) tot \(WorkforceViews.persons(band.shortagePersons.p95)) personen tekort"
                ))
            XCTAssertLessThan(band.shortagePersons.p95, try XCTUnwrap(before.band).shortagePersons.p95)
            XCTAssertTrue(moved.body.contains("Tekort met uw hefbomen"), "fan chart shows both")
            XCTAssertTrue(moved.body.contains("value=\"30\""), "form keeps the value")
            let count = try await Fixtures.Workforce.count(app)
            XCTAssertEqual(count, 2, "bereken saves nothing")
        }
    }

    func testEditorSavesLeversAsNewScenarioAndVersions() async throws {
        try await TestApp.with { app in
            try await Fixtures.Workforce.loadDemo(app)
            let base = try await Fixtures.Workforce.base(app)
            let path = WorkforceURL.scenario(.value(base.id!.uuidString)).path

            let anonymous = Browser(app)
            let anonymousPage = try await anonymous.get(path)
            XCTAssertFalse(anonymousPage.body.contains("/opslaan"))
            let refused = try await anonymous.post("\(path)/opslaan", ["name": "X", "extraInflow": "20"])
            XCTAssertEqual(refused.status, .unauthorized)

            let (email, password) = try await TestApp.user(app, role: .redacteur, organisation: "flever")
            let editor = Browser(app)
            _ = try await editor.login(email, password)
            let page = try await editor.get(path)
            XCTAssertTrue(page.body.contains("action=\"\(path)/opslaan\""))
            let baseName = try await editor.post(
                "\(path)/opslaan", ["name": "Basisscenario Flevoland", "extraInflow": "20"])
            XCTAssertEqual(baseName.status, .unprocessableEntity)
            XCTAssertTrue(baseName.body.contains("andere naam"))

            let saved = try await editor.post(
                "\(path)/opslaan",
                ["name": "Extra instroom", "extraInflow": "20", "note": "20 % meer instroom", "horizon": "2040"])
            XCTAssertEqual(saved.status, .seeOther)
            let location = try XCTUnwrap(saved.location)
            XCTAssertTrue(location.hasSuffix("?melding=opgeslagen"))
            let records = try await WorkforceScenarioRecord.query(on: app.db).filter(\.$name == "Extra instroom").all()
            XCTAssertEqual(records.count, 1)
            let record = try XCTUnwrap(records.first)
            XCTAssertEqual(record.version, 1)
            XCTAssertFalse(record.isBase)
            XCTAssertEqual(record.note, "20 % meer instroom")
            XCTAssertEqual(
                try WorkforceScenarioStore.scenario(of: record).levers.extraInflow.value, 0.2, accuracy: 1e-12)
            let shown = try await editor.get(location)
            XCTAssertTrue(shown.body.contains("Scenario opgeslagen."))

            let own = WorkforceURL.scenario(.value(record.id!.uuidString)).path
            let unchanged = try await editor.post("\(own)/opslaan", ["name": "Extra instroom"])
            XCTAssertTrue(try XCTUnwrap(unchanged.location).hasSuffix("?melding=ongewijzigd"))
            let v2 = try await editor.post("\(own)/opslaan", ["name": "Extra instroom", "outflowReduction": "10"])
            XCTAssertTrue(try XCTUnwrap(v2.location).hasSuffix("?melding=opgeslagen"))
            let versions = try await WorkforceScenarioStore.versions(of: record.lineage, on: app.db)
            XCTAssertEqual(versions.map(\.version), [2, 1])
            let latest = try WorkforceScenarioStore.scenario(of: versions[0])
            XCTAssertEqual(latest.levers.extraInflow.value, 0.2, accuracy: 1e-12)
            XCTAssertEqual(latest.levers.outflowReduction.value, 0.1, accuracy: 1e-12)
            let audits = try await AuditEntry.query(on: app.db).filter(\.$entity == "personeelsscenario").filter(
                \.$actor == email
            ).count()
            XCTAssertEqual(audits, 2)

            // Another organisation's editor may not add a version to Flever's scenario.
            let (otherEmail, otherPassword) = try await TestApp.user(
                app, role: .redacteur, organisation: "ggd-flevoland")
            let other = Browser(app)
            _ = try await other.login(otherEmail, otherPassword)
            _ = try await other.get(own)
            let forbidden = try await other.post("\(own)/opslaan", ["name": "Extra instroom", "productivity": "2"])
            XCTAssertEqual(forbidden.status, .forbidden)
            let total = try await Fixtures.Workforce.count(app)
            XCTAssertEqual(total, 4)
        }
    }

    func testDownloadsReportAndComparison() async throws {
        try await TestApp.with { app in
            try await Fixtures.Workforce.loadDemo(app)
            let base = try await Fixtures.Workforce.base(app)
            let path = WorkforceURL.scenario(.value(base.id!.uuidString)).path
            let browser = Browser(app)
            let csv = try await browser.get("\(path)/download.csv?extraInflow=10")
            XCTAssertEqual(csv.status, .ok)
            XCTAssertTrue(csv.headers.first(name: .contentDisposition)?.contains("-aangepast.csv") ?? false)
            XCTAssertTrue(csv.body.contains("jaar;sector;aanbod_personen;vraag_personen;tekort_personen"))
            XCTAssertEqual(
                csv.body.split(whereSeparator: \.isNewline).filter { $0.hasPrefix("2032;") }.count, 8,
                "total + 7 sectors")
            let xlsx = try await browser.get("\(path)/download.xlsx")
            XCTAssertEqual(xlsx.status, .ok)
            XCTAssertTrue(xlsx.body.hasPrefix("PK"))
            let file = try await browser.get("\(path)/scenario.json?extraInflow=10")
            XCTAssertEqual(try WorkforceScenarioCodec.decode(file.body).levers.extraInflow.value, 0.1, accuracy: 1e-12)
            let bad = try await browser.get("\(path)/download.csv?extraInflow=500")
            XCTAssertEqual(bad.status, .unprocessableEntity)

            let report = try await browser.get("\(path)/rapport")
            XCTAssertEqual(report.status, .ok)
            XCTAssertTrue(report.body.contains("RSPP-rapport"))
            XCTAssertTrue(report.body.contains("Toelichting bij de aannames en bronnen"))

            let mixRecord = try await WorkforceScenarioRecord.query(on: app.db).filter(\.$isBase == false).first()
            let mix = try XCTUnwrap(mixRecord)
            let compare = try await browser.get(
                "/modellen/personeel/vergelijk?a=\(base.id!.uuidString)&b=\(mix.id!.uuidString)")
            XCTAssertEqual(compare.status, .ok)
            XCTAssertTrue(compare.body.contains("Tekort per scenario"))
            let inline = try await browser.get("\(path)?vergelijk=\(mix.id!.uuidString)")
            XCTAssertTrue(inline.body.contains("Tekort per scenario (personen en % van de vraag)"))
        }
    }
}
