import Fluent
import VitaalDomain
import XCTVapor
import XCTest

@testable import AppCore
@testable import MonitorFeature

/// Security review #12 for the monitor: hostile query parameters (H1), import scope (M7), one import
/// at a time (M3), stored attribute injection in stories (H3), upload temp files (M12/L6).
final class MonitorHardeningTests: XCTestCase {
    static let hostile = [
        "9999999999999999999", "-1", "1e308", "NaN", "", String(repeating: "x", count: 10_000), "\"'><x y=z"
    ]
    static let boundary = "----vitaalgrens"
    static var multipartType: HTTPMediaType {
        HTTPMediaType(type: "multipart", subType: "form-data", parameters: ["boundary": boundary])
    }

    func testH1PageOverflowIsA422AndTheServerStaysUp() async throws {
        try await TestApp.with { app in
            try await MonitorTestSupport.seedDemo(app)
            let b = Browser(app)
            let overflow = try await b.get("/api/v1/data?page=9999999999999999")
            XCTAssertEqual(overflow.status, .unprocessableEntity, overflow.body)
            XCTAssertTrue(overflow.body.contains("page"), overflow.body)
            let tooLarge = try await b.get("/api/v1/data?page=1000001")
            XCTAssertEqual(tooLarge.status, .unprocessableEntity)
            let lastAllowed = try await b.get("/api/v1/data?page=1000000&pageSize=10000")
            XCTAssertEqual(lastAllowed.status, .ok, lastAllowed.body)
            XCTAssertTrue(lastAllowed.body.contains("\"items\":[]"), String(lastAllowed.body.prefix(200)))
            let pageSize = try await b.get("/api/v1/data?pageSize=10001")
            XCTAssertEqual(pageSize.status, .unprocessableEntity)
            // Code lists are capped (bind limits): 501 codes is a 422 naming the field.
            let codes = (0...500).map { "GM\(1000 + $0)" }.joined(separator: ",")
            let many = try await b.get("/api/v1/data?region=\(codes)")
            XCTAssertEqual(many.status, .unprocessableEntity)
            XCTAssertTrue(many.body.contains("region"), many.body)
            let health = try await b.get("/health")
            XCTAssertEqual(health.status, .ok)
        }
    }

    func testEveryMonitorQueryParameterWithHostileValues() async throws {
        try await TestApp.with { app in
            try await MonitorTestSupport.seedDemo(app)
            let b = Browser(app)
            let paths = [
                "/api/v1/data", "/api/v1/indicators", "/api/v1/monitors", "/monitor", "/monitor/brede-welvaart",
                "/monitor/indicator/tz_werkgevers_vrijwilligersverlof", "/monitor/regio/GM0034", "/monitor/regio/kies"
            ]
            let parameters = [
                "page", "pageSize", "formaat", "regio", "region", "indicator", "period", "from", "to", "monitor", "q"
            ]
            var checked = 0
            for path in paths {
                for name in parameters {
                    for value in Self.hostile {
                        let res = try await b.get("\(path)?\(name)=\(Browser.enc(value))")
                        XCTAssertLessThan(res.status.code, 500, "\(path)?\(name)=\(value.prefix(30)) → \(res.status)")
                        XCTAssertFalse(res.body.contains("\"'><x"), "\(path)?\(name)=… reflects the raw value")
                        checked += 1
                    }
                }
            }
            XCTAssertEqual(checked, paths.count * parameters.count * Self.hostile.count)
            // Some of them must be refused with a field-naming 422 (not silently accepted).
            for (query, field) in [
                ("page=-1", "page"), ("pageSize=1e308", "pageSize"), ("page=NaN", "page"),
                ("period=%22'%3E%3Cx", "period"), ("page=", "page"), ("pageSize=%20", "pageSize")
            ] {
                let res = try await b.get("/api/v1/data?\(query)")
                XCTAssertEqual(res.status, .unprocessableEntity, query)
                XCTAssertTrue(res.body.contains(field), "\(query): \(res.body)")
            }
            // An empty number is refused by the API (its document says integer) but means "not given" on a page.
            let emptyYear = try await b.get("/api/v1/regions/GM0034?jaar=")
            XCTAssertEqual(emptyYear.status, .unprocessableEntity)
            let pageWithEmptyField = try await b.get("/monitor/indicator/tz_welzijn_op_recept?periode=&regio=")
            XCTAssertEqual(pageWithEmptyField.status, .ok)
            let health = try await b.get("/health")
            XCTAssertEqual(health.status, .ok)
        }
    }

    // MARK: M7 import scope

    func upload(_ browser: Browser, _ csv: String, name: String = "data.csv", replace: Bool = false) async throws
        -> Browser.Result
    {
        if browser.csrf == nil { _ = try await browser.get("/monitor/import") }
        let csrf = try XCTUnwrap(browser.csrf)
        return try await browser.request(
            .POST, MonitorURL.importUpload.path(query: [("csrf", csrf)]),
            body: MonitorTestSupport.multipart(
                boundary: Self.boundary, files: [("file", name, Data(csv.utf8))],
                fields: replace ? ["replace": "ja"] : [:]),
            contentType: Self.multipartType)
    }

    func testRedacteurImportsOnlyIndicatorsOfOwnOrganisation() async throws {
        try await TestApp.with { app in
            try await MonitorTestSupport.seedIndicators(app)
            let (floMail, floPass) = try await TestApp.user(app, role: .redacteur, organisation: "flever")
            let flever = Browser(app)
            try await flever.login(floMail, floPass)

            // Own organisation (Flever owns Welzijn op Recept): accepted.
            let own = try await upload(flever, "indicator;regio;periode;waarde\ntz_welzijn_op_recept;GM0034;2024;120\n")
            XCTAssertEqual(own.status, .ok, own.body)
            XCTAssertTrue(own.body.contains("1 waarden opgeslagen"), own.body)

            // Another organisation's indicator on line 3: the whole file is refused, naming code and line.
            let before = try await MonitorTestSupport.valueCount(app)
            let mixed = try await upload(
                flever,
                "indicator;regio;periode;waarde\ntz_welzijn_op_recept;GM0995;2024;80\nbw_ervaren_gezondheid;GM0034;2024;71\n",
                name: "gemengd.csv")
            XCTAssertEqual(mixed.status, .unprocessableEntity, mixed.body)
            XCTAssertTrue(mixed.body.contains("bw_ervaren_gezondheid"), mixed.body)
            XCTAssertTrue(mixed.body.contains("regel 3"), mixed.body)
            XCTAssertTrue(mixed.body.contains("Provincie Flevoland"), mixed.body)
            let afterRefusal = try await MonitorTestSupport.valueCount(app)
            XCTAssertEqual(afterRefusal, before, "nothing stored")

            // Replacing another organisation's values is refused too.
            let (provMail, _) = try await TestApp.user(app, role: .redacteur, organisation: "provincie-flevoland")
            let province = try await MonitorTestSupport.user(app, provMail)
            _ = try await DataImporter.run(
                .data(Data("indicator;regio;periode;waarde\nbw_ervaren_gezondheid;PV24;2024;70\n".utf8), name: "p.csv"),
                replace: false, user: province, actor: provMail, on: app.db)
            let overwrite = try await upload(
                flever, "indicator;regio;periode;waarde\nbw_ervaren_gezondheid;PV24;2024;10\n", replace: true)
            XCTAssertEqual(overwrite.status, .unprocessableEntity)
            let kept = try await MonitorTestSupport.value(app, "bw_ervaren_gezondheid", "PV24", "2024")
            XCTAssertEqual(kept?.value, 70)

            // A beheerder imports for every organisation.
            let (adminMail, adminPass) = try await TestApp.user(app, role: .beheerder)
            let admin = Browser(app)
            try await admin.login(adminMail, adminPass)
            let all = try await upload(
                admin,
                "indicator;regio;periode;waarde\nbw_ervaren_gezondheid;GM0034;2024;71\ntz_welzijn_op_recept;GM0995;2024;80\n"
            )
            XCTAssertEqual(all.status, .ok, all.body)
            XCTAssertTrue(all.body.contains("2 waarden opgeslagen"), all.body)

            // The owner is shown on the indicator page.
            let page = try await admin.get("/monitor/indicator/bw_ervaren_gezondheid")
            XCTAssertTrue(page.body.contains("Eigenaar"))
            XCTAssertTrue(page.body.contains("Provincie Flevoland"))
        }
    }

    // MARK: M3 one import at a time

    func testSecondImportGets409WhileTheLockIsHeld() async throws {
        try await TestApp.with { app in
            try await MonitorTestSupport.seedIndicators(app)
            let (mail, pass) = try await TestApp.user(app, role: .beheerder)
            let browser = Browser(app)
            try await browser.login(mail, pass)
            let csv = "indicator;regio;periode;waarde\nbw_ervaren_gezondheid;GM0034;2024;71\n"

            let lock = try await ImportLocking.acquire(actor: "iemand@provincie.example", at: Date(), on: app.db)
            let busy = try await upload(browser, csv)
            XCTAssertEqual(busy.status, .conflict, busy.body)
            XCTAssertTrue(
                busy.body.contains("Er loopt al een import (gestart door iemand@provincie.example om"), busy.body)
            let undoBusy = try await MonitorTestSupport.valueCount(app)
            XCTAssertEqual(undoBusy, 0)
            await ImportLocking.release(lock, on: app.db)

            // A failing import releases the lock too.
            let bad = try await upload(browser, "indicator;regio;periode;waarde\nbestaat_niet;GM0034;2024;1\n")
            XCTAssertEqual(bad.status, .unprocessableEntity, bad.body)
            let ok = try await upload(browser, csv)
            XCTAssertEqual(ok.status, .ok, ok.body)
            let locks = try await ImportLock.query(on: app.db).count()
            XCTAssertEqual(locks, 0)

            // A stale lock of a crashed process is taken over.
            let stale = ImportLock(actor: "gecrasht", startedAt: Date(timeIntervalSinceNow: -7 * 3600))
            try await stale.create(on: app.db)
            let again = try await upload(browser, csv, replace: true)
            XCTAssertEqual(again.status, .ok, again.body)
        }
    }

    // MARK: H3 stored injection in stories

    func testStoryFieldsAreEscapedOnThePublicPageAndTheEditForm() async throws {
        try await TestApp.with { app in
            try await MonitorTestSupport.seedDemo(app)
            let (mail, pass) = try await TestApp.user(app, role: .redacteur, organisation: "flever")
            let editor = Browser(app)
            try await editor.login(mail, pass)
            let evil = "\"'><x y=z"
            _ = try await editor.get("/monitor/verhalen/nieuw")
            let saved = try await editor.post(
                "/monitor/verhalen",
                [
                    "title": "Titel \(evil)", "text": "Tekst \(evil)", "quote": evil,
                    "personRole": evil, "source": evil, "ind_bw_vrijwilligerswerk": "on"
                ])
            XCTAssertEqual(saved.status, .seeOther, saved.body)
            let found = try await Story.query(on: app.db).filter(\.$title == "Titel \(evil)").first()
            let story = try XCTUnwrap(found)

            let publicPage = try await Browser(app).get("/monitor/indicator/bw_vrijwilligerswerk")
            XCTAssertTrue(publicPage.body.contains("Titel \"'&gt;&lt;x y=z"), "title shown as text")
            XCTAssertFalse(publicPage.body.contains("\"'><x"))

            let form = try await editor.get(MonitorURL.story(.value(try story.requireID().uuidString)).path)
            XCTAssertEqual(form.status, .ok)
            XCTAssertTrue(form.body.contains("&quot;"), "attribute values escaped")
            XCTAssertFalse(form.body.contains("\"'><x"))
            XCTAssertFalse(form.body.contains("value=\"\"'"))
        }
    }

    // MARK: M12 / L6 uploads

    func testUploadFilesLiveInTheDataFolderAndStaleOnesAreSwept() async throws {
        try await TestApp.with { app in
            let dir = StreamedUpload.directory(for: app)
            XCTAssertTrue(dir.path.hasPrefix(URL(fileURLWithPath: app.vitaal.dataDirectory).path), dir.path)
            XCTAssertTrue(dir.path.hasSuffix("tmp-uploads"))
            let sweepDir = FileManager.default.temporaryDirectory.appendingPathComponent(
                "vitaal-sweep-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: sweepDir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: sweepDir) }
            let old = sweepDir.appendingPathComponent("\(StreamedUpload.filePrefix)oud.csv")
            let fresh = sweepDir.appendingPathComponent("\(StreamedUpload.filePrefix)nieuw.csv")
            let other = sweepDir.appendingPathComponent("iets-anders.csv")
            for url in [old, fresh, other] { try Data("a".utf8).write(to: url) }
            try FileManager.default.setAttributes(
                [.modificationDate: Date(timeIntervalSinceNow: -2 * 3600)], ofItemAtPath: old.path)
            try FileManager.default.setAttributes(
                [.modificationDate: Date(timeIntervalSinceNow: -2 * 3600)], ofItemAtPath: other.path)
            XCTAssertEqual(StreamedUpload.sweepStaleFiles(in: sweepDir, now: Date()), 1)
            XCTAssertFalse(FileManager.default.fileExists(atPath: old.path))
            XCTAssertTrue(FileManager.default.fileExists(atPath: fresh.path), "a running upload is left alone")
            XCTAssertTrue(FileManager.default.fileExists(atPath: other.path), "only upload files are swept")
        }
    }

    func testRepeatedPartsCountTowardsTheLimitAndNoFileIsLeft() async throws {
        try await TestApp.with { app in
            try await MonitorTestSupport.seedIndicators(app)
            let (mail, pass) = try await TestApp.user(app, role: .beheerder)
            let browser = Browser(app)
            try await browser.login(mail, pass)
            _ = try await browser.get("/monitor/import")
            let csrf = try XCTUnwrap(browser.csrf)
            var body = ByteBuffer()
            for _ in 0..<30 {
                body.writeString("--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"replace\"\r\n\r\nja\r\n")
            }
            body.writeString(
                "--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\nContent-Type: text/csv\r\n\r\n"
            )
            body.writeString(
                "indicator;regio;periode;waarde\nbw_ervaren_gezondheid;GM0034;2024;71\n\r\n--\(Self.boundary)--\r\n")
            let res = try await browser.request(
                .POST, MonitorURL.importUpload.path(query: [("csrf", csrf)]), body: body,
                contentType: Self.multipartType)
            XCTAssertEqual(res.status, .unprocessableEntity, res.body)
            XCTAssertTrue(res.body.contains("te veel velden"), res.body)
            let count = try await MonitorTestSupport.valueCount(app)
            XCTAssertEqual(count, 0)

            // After a successful upload no temporary file remains in the upload folder.
            let ok = try await upload(browser, "indicator;regio;periode;waarde\nbw_ervaren_gezondheid;GM0034;2024;71\n")
            XCTAssertEqual(ok.status, .ok, ok.body)
            let dir = StreamedUpload.directory(for: app)
            let left = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
            XCTAssertEqual(left.filter { $0.hasPrefix(StreamedUpload.filePrefix) }, [], "no upload file left behind")
        }
    }
}
