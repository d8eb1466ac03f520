import Fluent
import VitaalDomain
import XCTVapor
import XCTest

@testable import AppCore
@testable import MonitorFeature

/// The indicator catalogue in and out (#15): `vitaal import|export indicators`, the same through
/// `POST /api/v1/indicators/import`, and the write API's rights.
final class MonitorCatalogueIOTests: XCTestCase {
    static func run(_ app: Application, _ command: any AsyncCommand, _ args: [String]) async throws -> String {
        let console = MonitorRecordingConsole()
        var context = CommandContext(console: console, input: CommandInput(arguments: ["vitaal"] + args))
        context.application = app
        try await command.run(using: &context)
        return console.output
    }

    static func tempDir() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("catalogus-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// A derived indicator added to the demo, so the round trip covers formulas too.
    static func addDerived(_ app: Application) async throws {
        let i = Indicator(
            IndicatorDefinition(
                code: "tz_verhouding", name: "Verhouding", description: "Laag inkomen per werkloze; \"test\", ok",
                unit: "ratio", decimals: 2, polarity: .neutral, source: "Berekend", level: .output,
                norm: Norm(.atMost, 4.5, source: "voorbeeld"), validRange: ValueRange(min: 0, max: 10)))
        i.formula = "ratio(bw_laag_inkomen, bw_werkloosheid) * 100"
        i.status = IndicatorStatus.concept.rawValue
        i.replacesCode = "bw_laag_inkomen"
        try await i.create(on: app.db)
    }

    func testExportImportIntoAnEmptyInstanceExportIsByteIdentical() async throws {
        let dir = try Self.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let json1 = dir.appendingPathComponent("catalogus.json")
        let csv1 = dir.appendingPathComponent("indicatoren.csv")
        try await TestApp.with { app in
            try await MonitorTestSupport.seedDemo(app)
            try await Self.addDerived(app)
            let out = try await Self.run(app, ExportIndicatorsCommand(), [json1.path])
            XCTAssertTrue(out.contains("geschreven naar catalogus.json"), out)
            _ = try await Self.run(app, ExportIndicatorsCommand(), [csv1.path])
        }
        let firstJSON = try Data(contentsOf: json1)
        let firstCSV = try Data(contentsOf: csv1)
        XCTAssertTrue(String(decoding: firstCSV, as: UTF8.self).hasPrefix("code;name;description;unit;decimals;"))
        XCTAssertTrue(String(decoding: firstJSON, as: UTF8.self).contains("\"slug\": \"brede-welvaart\""))
        // JSON (with monitors) into an empty instance.
        try await TestApp.with { app in
            try await TestApp.seedFoundation(app)
            let out = try await Self.run(app, ImportIndicatorsCommand(), [json1.path])
            XCTAssertTrue(out.contains("aangemaakt"), out)
            let json2 = dir.appendingPathComponent("catalogus2.json")
            let csv2 = dir.appendingPathComponent("indicatoren2.csv")
            _ = try await Self.run(app, ExportIndicatorsCommand(), [json2.path])
            _ = try await Self.run(app, ExportIndicatorsCommand(), [csv2.path])
            XCTAssertEqual(try Data(contentsOf: json2), firstJSON)
            XCTAssertEqual(try Data(contentsOf: csv2), firstCSV)
            // Importing the same file again changes nothing and writes no revision.
            let revisions = try await IndicatorRevision.query(on: app.db).count()
            let again = try await Self.run(app, ImportIndicatorsCommand(), [json1.path])
            XCTAssertTrue(again.contains("0 indicator(en) aangemaakt, 0 gewijzigd"), again)
            let after = try await IndicatorRevision.query(on: app.db).count()
            XCTAssertEqual(after, revisions)
        }
        // The CSV alone into an empty instance gives the same CSV back.
        try await TestApp.with { app in
            try await TestApp.seedFoundation(app)
            _ = try await Self.run(app, ImportIndicatorsCommand(), [csv1.path])
            let csv3 = dir.appendingPathComponent("indicatoren3.csv")
            _ = try await Self.run(app, ExportIndicatorsCommand(), [csv3.path])
            XCTAssertEqual(try Data(contentsOf: csv3), firstCSV)
        }
    }

    static let header =
        "code;name;description;unit;decimals;polarity;level;source;licence;is_count;norm_comparison;norm_value;"
        + "norm_source;range_min;range_max;visibility;owner;status;replaces;formula\n"
    static func row(
        code: String = "ggd_eenzaam", unit: String = "%", decimals: String = "1", polarity: String = "lowerIsBetter",
        level: String = "outcome", norm: String = "≤;10;RIVM", range: String = "0;100", formula: String = ""
    ) -> String {
        "\(code);Eenzaamheid;;\(unit);\(decimals);\(polarity);\(level);GGD;CC BY 4.0;nee;\(norm);\(range);public;"
            + "ggd-flevoland;actief;;\(formula)\n"
    }

    func testEachBadInputGivesADutchMessageWithLineColumnAndFieldAndWritesNothing() async throws {
        try await TestApp.with { app in
            try await MonitorTestSupport.seedIndicators(app)
            let before = try await Indicator.query(on: app.db).count()
            // (file text, line, column, field, message part)
            let cases: [(String, Int, Int, String, String)] = [
                (Self.header + Self.row() + Self.row(), 3, 1, "code", "staat twee keer in het bestand (ook op"),
                (Self.header + Self.row(unit: ""), 2, 4, "unit", "de eenheid ontbreekt"),
                (Self.header + Self.row(polarity: "omhoog"), 2, 6, "polarity", "onbekende richting \"omhoog\""),
                (Self.header + Self.row(level: "resultaat"), 2, 7, "level", "onbekend niveau \"resultaat\""),
                (Self.header + Self.row(decimals: "7"), 2, 5, "decimals", "Decimalen"),
                (Self.header + Self.row(norm: "≤;120;RIVM"), 2, 12, "norm_value", "buiten het geldige bereik"),
                (
                    Self.header + Self.row(code: "ggd_x", formula: "ratio(bw_werkloosheid, onbekend)"), 2, 20,
                    "formula",
                    "onbekende indicator \"onbekend\""
                ),
                (
                    Self.header + Self.row(code: "ggd_a", formula: "sum(ggd_b, bw_werkloosheid)")
                        + Self.row(code: "ggd_b", formula: "sum(ggd_a, bw_werkloosheid)"), 2, 20, "formula",
                    "kringvormig: ggd_a → ggd_b → ggd_a"
                ),
                (Self.header + Self.row(formula: "ratio(a b)"), 2, 20, "formula", "ongeldige formule (teken 9)")
            ]
            for (text, line, column, field, message) in cases {
                let file = try IndicatorCatalogueIO.parse(Data(text.utf8), fileName: "fout.csv")
                do {
                    _ = try await IndicatorCatalogueIO.run(
                        file, user: nil, actor: "test", usage: app.indicatorUsage, now: app.clock.now(), on: app.db)
                    XCTFail("accepted: \(message)")
                } catch let error as VitaalError {
                    XCTAssertEqual(error.kind, .invalidInput)
                    XCTAssertTrue(error.message.contains("er is niets opgeslagen"), error.message)
                    let problem = try XCTUnwrap(
                        error.problems.first { $0.message.contains(message) }, error.description)
                    XCTAssertEqual(problem.location.file, "fout.csv", message)
                    XCTAssertEqual(problem.location.line, line, message)
                    XCTAssertEqual(problem.location.column, column, message)
                    XCTAssertEqual(problem.location.field, field, message)
                    XCTAssertTrue(
                        problem.description.hasPrefix("fout.csv, regel \(line), kolom \(column)"), problem.description)
                }
            }
            let after = try await Indicator.query(on: app.db).count()
            XCTAssertEqual(after, before)
            let revisions = try await IndicatorRevision.query(on: app.db).count()
            XCTAssertEqual(revisions, 0)

            // JSON: the place is line and column of the value, the field its name.
            let json = """
                {"indicators": [
                  {"code": "ggd_eenzaam", "name": "E", "unit": "%", "polarity": "neutral", "source": "GGD",
                   "decimals": "twee"}
                ]}
                """
            do {
                _ = try IndicatorCatalogueIO.parse(Data(json.utf8), fileName: "fout.json")
                XCTFail("accepted")
            } catch let error as VitaalError {
                let problem = try XCTUnwrap(error.problems.first)
                XCTAssertEqual(problem.location.line, 3)
                XCTAssertEqual(problem.location.column, 16)
                XCTAssertEqual(problem.location.field, "decimals")
                XCTAssertTrue(problem.message.contains("verwacht een getal, maar een tekst gevonden"), problem.message)
            }
            // A good file is written, with a revision per indicator.
            let file = try IndicatorCatalogueIO.parse(Data((Self.header + Self.row()).utf8), fileName: "goed.csv")
            let (outcome, _) = try await IndicatorCatalogueIO.run(
                file, user: nil, actor: "cli", usage: app.indicatorUsage, now: app.clock.now(), on: app.db)
            XCTAssertEqual(outcome.created, ["ggd_eenzaam"])
            let revision = try await IndicatorRevision.query(on: app.db).filter(\.$indicatorCode == "ggd_eenzaam")
                .first()
            XCTAssertTrue(
                revision?.changes.contains("{\"field\":\"name\",\"old\":\"\",\"new\":\"Eenzaamheid\"}") ?? false)
        }
    }

    // MARK: The write API: rights

    static func browser(_ app: Application, role: Role?, organisation: String = "flever") async throws -> Browser {
        let b = Browser(app)
        if let role {
            let (email, password) = try await TestApp.user(app, role: role, organisation: organisation)
            try await b.login(email, password)
        }
        try await b.get("/inloggen")
        return b
    }

    func testRoleAndOrganisationMatrixForEveryWriteRoute() async throws {
        try await TestApp.with { app in
            try await MonitorTestSupport.seedIndicators(app)
            // tz_welzijn_op_recept belongs to Flever; the editors below are of GGD Flevoland.
            let body = """
                {"code": "tz_nieuw", "name": "Nieuw", "unit": "aantal", "polarity": "neutral", "source": "Flever",
                 "owner": "flever"}
                """
            let update = """
                {"name": "Andere naam", "unit": "aantal", "polarity": "neutral", "source": "Flever", "owner": "flever"}
                """
            let catalogue =
                Self.header
                + "tz_welzijn_op_recept;Welzijn;;aantal;0;higherIsBetter;output;Flever;;ja;;;;0;;public;flever;actief;;\n"
            let values = "indicator;regio;periode;waarde\ntz_welzijn_op_recept;GM0034;2024;12\n"
            let routes: [(HTTPMethod, String, String, HTTPMediaType)] = [
                (.POST, "/api/v1/indicators", body, .json),
                (.PUT, "/api/v1/indicators/tz_welzijn_op_recept", update, .json),
                (.DELETE, "/api/v1/indicators/tz_welzijn_op_recept", "", .json),
                (.POST, "/api/v1/indicators/import", catalogue, HTTPMediaType(type: "text", subType: "csv")),
                (.POST, "/api/v1/data", values, HTTPMediaType(type: "text", subType: "csv"))
            ]
            let anonymous = try await Self.browser(app, role: nil)
            let lezer = try await Self.browser(app, role: .lezer, organisation: "flever")
            let other = try await Self.browser(app, role: .redacteur, organisation: "ggd-flevoland")
            let expected: [(Browser, HTTPStatus, String)] = [
                (anonymous, .unauthorized, "anoniem"), (lezer, .forbidden, "lezer"),
                (other, .forbidden, "andere organisatie")
            ]
            for (method, path, text, type) in routes {
                for (browser, status, who) in expected {
                    var buffer = ByteBuffer()
                    buffer.writeString(text)
                    let r = try await browser.request(
                        method, path, headers: ["X-CSRF-Token": browser.csrf ?? ""], body: buffer, contentType: type)
                    XCTAssertEqual(r.status, status, "\(method) \(path) as \(who): \(r.body)")
                    XCTAssertTrue(r.body.contains("\"error\""), r.body)
                }
            }
            // Nothing was written.
            let created = try await Indicator.query(on: app.db).filter(\.$code == "tz_nieuw").count()
            XCTAssertEqual(created, 0)
            let kept = try await Indicator.query(on: app.db).filter(\.$code == "tz_welzijn_op_recept").first()
            XCTAssertEqual(kept?.name, "Deelnemers Welzijn op Recept")
            let valueCount = try await MonitorTestSupport.valueCount(app)
            XCTAssertEqual(valueCount, 0)
            let revisionCount = try await IndicatorRevision.query(on: app.db).count()
            XCTAssertEqual(revisionCount, 0)

            // A redacteur of the owner's organisation may do all of it.
            let own = try await Self.browser(app, role: .redacteur, organisation: "flever")
            func send(_ method: HTTPMethod, _ path: String, _ text: String, _ type: HTTPMediaType) async throws
                -> Browser.Result
            {
                var buffer = ByteBuffer()
                buffer.writeString(text)
                return try await own.request(
                    method, path, headers: ["X-CSRF-Token": own.csrf ?? ""], body: buffer, contentType: type)
            }
            let c = try await send(.POST, "/api/v1/indicators", body, .json)
            XCTAssertEqual(c.status, .created, c.body)
            let u = try await send(.PUT, "/api/v1/indicators/tz_nieuw", update, .json)
            XCTAssertEqual(u.status, .ok, u.body)
            XCTAssertTrue(u.body.contains("\"name\":\"Andere naam\""), u.body)
            let history = try await IndicatorRevision.query(on: app.db).filter(\.$indicatorCode == "tz_nieuw").all()
            XCTAssertEqual(history.count, 2)
            XCTAssertTrue(
                history.contains {
                    IndicatorChange.parse(json: $0.changes).contains { $0.field == "name" && $0.new == "Andere naam" }
                })
            let imported = try await send(
                .POST, "/api/v1/indicators/import", catalogue, HTTPMediaType(type: "text", subType: "csv"))
            XCTAssertEqual(imported.status, .ok, imported.body)
            let data = try await send(.POST, "/api/v1/data", values, HTTPMediaType(type: "text", subType: "csv"))
            XCTAssertEqual(data.status, .created, data.body)
            XCTAssertTrue(data.body.contains("\"values\":1"), data.body)
            // The code is fixed once values exist, and such an indicator cannot be deleted.
            let rename = try await send(
                .PUT, "/api/v1/indicators/tz_welzijn_op_recept",
                """
                {"code": "tz_ander", "name": "W", "unit": "aantal", "polarity": "neutral", "source": "F", "owner": "flever"}
                """, .json)
            XCTAssertEqual(rename.status, .unprocessableEntity, rename.body)
            XCTAssertTrue(rename.body.contains("de code kan niet meer veranderen"), rename.body)
            let refused = try await send(.DELETE, "/api/v1/indicators/tz_welzijn_op_recept", "", .json)
            XCTAssertEqual(refused.status, .conflict, refused.body)
            XCTAssertTrue(refused.body.contains("waarde(n) opgeslagen"), refused.body)
            let deleted = try await send(.DELETE, "/api/v1/indicators/tz_nieuw", "", .json)
            XCTAssertEqual(deleted.status, .ok, deleted.body)
            // `/api/v1/indicators/import` is the import (POST), not an indicator's address.
            let put = try await send(.PUT, "/api/v1/indicators/import", update, .json)
            XCTAssertEqual(put.status, .methodNotAllowed, put.body)
            XCTAssertEqual(put.headers.first(name: .allow), "POST")
            let options = try await send(.OPTIONS, "/api/v1/indicators/import", "", .json)
            XCTAssertEqual(options.headers.first(name: .allow), "POST")
            // Monitors in a JSON catalogue are for beheerders only.
            let monitors = try await send(
                .POST, "/api/v1/indicators/import",
                #"{"indicators": [], "monitors": [{"slug": "ggd", "name": "GGD"}]}"#, .json)
            XCTAssertEqual(monitors.status, .forbidden, monitors.body)
        }
    }

    /// The researcher's script: a write token creates an indicator, sends its values and reads them back.
    func testAScriptWithAWriteTokenCreatesAnIndicatorAndImportsItsValues() async throws {
        try await TestApp.with { app in
            try await MonitorTestSupport.seedIndicators(app)
            let (email, _) = try await TestApp.user(app, role: .redacteur, organisation: "ggd-flevoland")
            let user = try await MonitorTestSupport.user(app, email)
            func token(_ scope: APITokenScope) async throws -> String {
                try await APITokens.create(
                    for: user, name: "script", scope: scope.rawValue, days: 30, actor: nil, actorName: "test",
                    on: app.db, now: app.clock.now()
                ).1
            }
            let write = try await token(.schrijven)
            let read = try await token(.lezen)
            func send(_ method: HTTPMethod, _ path: String, _ text: String, _ type: HTTPMediaType, _ token: String)
                async throws -> Browser.Result
            {
                var buffer = ByteBuffer()
                buffer.writeString(text)
                return try await Browser(app).request(
                    method, path, headers: ["Authorization": "Bearer \(token)"], body: buffer, contentType: type)
            }
            let body = """
                {"code": "ggd_eenzaam", "name": "Ernstig eenzaam", "unit": "%", "decimals": 1,
                 "polarity": "lowerIsBetter", "source": "GGD Gezondheidsmonitor", "owner": "ggd-flevoland",
                 "validRange": {"min": 0, "max": 100}}
                """
            let refused = try await send(.POST, "/api/v1/indicators", body, .json, read)
            XCTAssertEqual(refused.status, .forbidden, refused.body)
            let created = try await send(.POST, "/api/v1/indicators", body, .json, write)
            XCTAssertEqual(created.status, .created, created.body)
            let csv = HTTPMediaType(type: "text", subType: "csv")
            let values = try await send(
                .POST, "/api/v1/data?name=eenzaam.csv",
                "indicator;regio;periode;waarde\nggd_eenzaam;GM0034;2024;11,5\nggd_eenzaam;PV24;2024;10,2\n", csv,
                write)
            XCTAssertEqual(values.status, .created, values.body)
            XCTAssertTrue(values.body.contains("\"values\":2"), values.body)
            let bad = try await send(
                .POST, "/api/v1/data", "indicator;regio;periode;waarde\nggd_eenzaam;GM0034;2023;140\n", csv, write)
            XCTAssertEqual(bad.status, .unprocessableEntity, bad.body)
            XCTAssertTrue(bad.body.contains("\"line\":2"), bad.body)
            let data = try await Browser(app).get("/api/v1/data?indicator=ggd_eenzaam&region=GM0034")
            XCTAssertTrue(data.body.contains("\"value\":11.5"), data.body)
            let page = try await Browser(app).get("/monitor/indicator/ggd_eenzaam?regio=GM0034")
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.body.contains("<svg"), "chart and map")
        }
    }

    func testOpenAPIDocumentsTheWriteRoutes() async throws {
        try await TestApp.with { app in
            let doc = try await Browser(app).get("/api/v1/openapi.json")
            XCTAssertEqual(doc.status, .ok)
            for text in [
                "\"/api/v1/indicators/{code}\"", "\"/api/v1/indicators/import\"", "\"IndicatorInput\"", "\"text/csv\"",
                "\"postIndicators\"", "\"putIndicatorsCode\"", "\"deleteIndicatorsCode\"", "\"postData\""
            ] {
                XCTAssertTrue(doc.body.contains(text), text)
            }
        }
    }
}
