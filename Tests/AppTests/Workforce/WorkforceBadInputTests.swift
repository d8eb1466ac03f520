import Fluent
import VitaalDomain
import XCTVapor
import XCTest

@testable import AppCore
@testable import WorkforceFeature

/// Bad input through the API, the forms and the CLI: refused with field (and line for files); nothing saved.
final class WorkforceBadInputTests: XCTestCase {
    func testBadScenarioFilesAreRefusedByTheAPIWithFieldAndLine() async throws {
        try await TestApp.with { app in
            try await Fixtures.Workforce.loadDemo(app)
            let (email, password) = try await TestApp.user(app, role: .redacteur, organisation: "flever")
            let browser = Browser(app)
            _ = try await browser.login(email, password)
            for (what, text, field) in Fixtures.Workforce.badFiles {
                let r = try await browser.request(
                    .POST, WorkforceURL.apiScenarios.path, json: text, headers: ["X-CSRF-Token": browser.csrf ?? ""])
                XCTAssertEqual(r.status, .unprocessableEntity, what)
                let body = try XCTUnwrap(try Fixtures.Workforce.json(r.body) as? [String: Any], what)
                let error = try XCTUnwrap(body["error"] as? [String: Any], what)
                XCTAssertEqual(error["code"] as? String, "invalid_input", what)
                let details = try XCTUnwrap(error["details"] as? [[String: Any]], what)
                XCTAssertTrue(
                    details.contains { d in
                        ((d["field"] as? String ?? "") + (d["element"] as? String ?? "")).contains(field)
                            && (d["line"] as? Int ?? 0) > 0
                    }, "\(what): \(details)")
            }
            let count = try await Fixtures.Workforce.count(app)
            XCTAssertEqual(count, 2, "nothing saved")
            let audits = try await Fixtures.Workforce.auditCount(app)
            XCTAssertEqual(audits, 2)
        }
    }

    func testBadScenarioFilesAreRefusedByThePasteForm() async throws {
        try await TestApp.with { app in
            try await Fixtures.Workforce.loadDemo(app)
            let (email, password) = try await TestApp.user(app, role: .redacteur, organisation: "flever")
            let browser = Browser(app)
            _ = try await browser.login(email, password)
            let formPage = try await browser.get(WorkforceURL.newScenario.path)
            XCTAssertEqual(formPage.status, .ok)
            for (what, text, field) in Fixtures.Workforce.badFiles {
                let r = try await browser.post(WorkforceURL.newScenario.path, ["scenario": text, "name": "Fout"])
                XCTAssertEqual(r.status, .unprocessableEntity, what)
                XCTAssertTrue(r.body.contains("er is niets opgeslagen"), what)
                XCTAssertTrue(r.body.contains("regel "), what)
                XCTAssertTrue(r.body.contains(field), "\(what) names \(field)")
            }
            let empty = try await browser.post(WorkforceURL.newScenario.path, ["scenario": " "])
            XCTAssertEqual(empty.status, .unprocessableEntity)
            let count = try await Fixtures.Workforce.count(app)
            XCTAssertEqual(count, 2, "nothing saved")

            let ok = try await browser.post(
                WorkforceURL.newScenario.path, ["scenario": Fixtures.Workforce.baseFile, "name": "Geplakt"])
            XCTAssertEqual(ok.status, .seeOther)
            let after = try await Fixtures.Workforce.count(app)
            XCTAssertEqual(after, 3)
        }
    }

    func testBadLeverValuesAreRefusedInTheFormAndNotSaved() async throws {
        try await TestApp.with { app in
            try await Fixtures.Workforce.loadDemo(app)
            let base = try await Fixtures.Workforce.base(app)
            let path = WorkforceURL.scenario(.value(base.id!.uuidString)).path
            let anonymous = Browser(app)
            let cases: [(String, String)] = [
                ("extraInflow=150", "extraInflow"), ("outflowReduction=-5", "outflowReduction"),
                ("productivity=abc", "productivity"), ("horizon=2010", "horizon"), ("jaar=2050", "jaar")
            ]
            for (query, field) in cases {
                let r = try await anonymous.get("\(path)?\(query)")
                XCTAssertEqual(r.status, .unprocessableEntity, query)
                XCTAssertTrue(r.body.contains("veld \"\(field)\""), "\(query): names \(field)")
                XCTAssertTrue(r.body.contains("aria-invalid=\"true\""), query)
            }
            let noMonitor = try await anonymous.get("\(path)?monitor=1")
            XCTAssertEqual(noMonitor.status, .unprocessableEntity, "monitor option without monitor figures")
            XCTAssertTrue(noMonitor.body.contains("az_instroom"))
            let horizon = try await anonymous.get("\(path)?horizon=2010")
            XCTAssertTrue(horizon.body.contains("vóór het basisjaar 2020"))

            let (email, password) = try await TestApp.user(app, role: .redacteur, organisation: "flever")
            let editor = Browser(app)
            _ = try await editor.login(email, password)
            _ = try await editor.get(path)
            for (form, field) in [
                (["extraInflow": "150", "name": "X"], "extraInflow"), (["horizon": "2010", "name": "X"], "horizon"),
                (["taskShifting": "6", "name": "X"], "taskShifting"), (["extraInflow": "20", "name": " "], "name")
            ] {
                let r = try await editor.post("\(path)/opslaan", form)
                XCTAssertEqual(r.status, .unprocessableEntity, "\(form)")
                XCTAssertTrue(r.body.contains("veld \"\(field)\""), "\(form) names \(field)")
            }
            let count = try await Fixtures.Workforce.count(app)
            XCTAssertEqual(count, 2, "nothing saved")
            let audits = try await Fixtures.Workforce.auditCount(app)
            XCTAssertEqual(audits, 2)
        }
    }

    func testBadScenarioFilesAreRefusedByTheCLIWithFieldAndLine() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vitaal-workforce-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for (i, (what, text, field)) in Fixtures.Workforce.badFiles.enumerated() {
            let file = dir.appendingPathComponent("fout\(i).json")
            try text.write(to: file, atomically: true, encoding: .utf8)
            XCTAssertThrowsError(
                try WorkforceProjectCommand.output(file: file.path, json: true, year: nil, runs: nil), what
            ) { error in
                guard let e = error as? VitaalError else { return XCTFail("\(what): \(error)") }
                XCTAssertEqual(e.kind, .invalidInput)
                XCTAssertTrue(
                    e.problems.contains { p in
                        p.location.file == "fout\(i).json" && (p.location.line ?? 0) > 0
                            && p.description.contains(field)
                    }, "\(what): \(e.description)")
                XCTAssertTrue(e.description.contains("fout\(i).json, regel "), what)
            }
        }
        XCTAssertThrowsError(
            try WorkforceProjectCommand.output(
                file: dir.appendingPathComponent("bestaat-niet.json").path, json: false, year: nil, runs: nil))
    }
}
