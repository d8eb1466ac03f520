import Fluent
import VitaalDomain
import XCTVapor
import XCTest

@testable import AppCore
@testable import PlansFeature

/// Evidence files on realisations: upload with the realisation (multipart form, CSRF in the query),
/// listing on the target page, download for logged-in users only, and refusals that write nothing.
final class PlansAttachmentTests: XCTestCase {
    static let flever = "flever-jaarplan-2025"
    static let formPath = "/plannen/\(flever)/doelstellingen/VVI.t2/realisaties"
    /// A small PDF-like file with bytes that are not valid UTF-8, so a lossy round trip would show.
    static let pdf: [UInt8] =
        Array("%PDF-1.4\n%".utf8) + [0xE2, 0xE3, 0xCF, 0xD3, 0x00, 0xFF, 0x0A]
        + Array("1 0 obj << >> endobj\n%%EOF\n".utf8)

    struct Part {
        var name: String
        var value: [UInt8]
        var filename: String? = nil
        var contentType: String? = nil
    }

    /// Builds a multipart/form-data body by hand and posts it with the CSRF token in the query string.
    static func postMultipart(_ browser: Browser, _ path: String, _ parts: [Part]) async throws -> Browser.Result {
        let boundary = "vitaalbijlage\(UInt32.random(in: 0...UInt32.max))"
        var body = ByteBuffer()
        for part in parts {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(part.name)\"")
            if let filename = part.filename { body.writeString("; filename=\"\(filename)\"") }
            body.writeString("\r\n")
            if let type = part.contentType { body.writeString("Content-Type: \(type)\r\n") }
            body.writeString("\r\n")
            body.writeBytes(part.value)
            body.writeString("\r\n")
        }
        body.writeString("--\(boundary)--\r\n")
        return try await browser.request(
            .POST, "\(path)?csrf=\(browser.csrf!)", body: body,
            contentType: HTTPMediaType(type: "multipart", subType: "form-data", parameters: ["boundary": boundary]))
    }

    static func fields(value: String = "1", date: String = "2025-04-15") -> [Part] {
        [
            Part(name: "value", value: Array(value.utf8)), Part(name: "date", value: Array(date.utf8)),
            Part(name: "period", value: Array("2025-K2".utf8)),
            Part(name: "evidence", value: Array("Verslag van het podium".utf8))
        ]
    }

    /// GET returning the raw bytes (Browser.Result keeps the body as a string).
    static func rawGet(_ app: Application, _ browser: Browser, _ path: String) async throws -> (
        HTTPStatus, HTTPHeaders, [UInt8]
    ) {
        var headers = HTTPHeaders()
        if let cookie = browser.cookie { headers.replaceOrAdd(name: .cookie, value: "vitaal_sessie=\(cookie)") }
        var result: (HTTPStatus, HTTPHeaders, [UInt8])?
        try await app.testable().test(
            .GET, path, headers: headers,
            afterResponse: { res async in
                result = (res.status, res.headers, Array(res.body.readableBytesView))
            })
        return result!
    }

    static func setUp(_ app: Application, organisation: String = "flever") async throws -> Browser {
        try await TestApp.seedFoundation(app)
        try await PlansFeature().loadDemoData(app: app, log: { _ in })
        let (email, password) = try await TestApp.user(app, role: .redacteur, organisation: organisation)
        let browser = Browser(app)
        try await browser.login(email, password)
        return browser
    }

    struct Counts: Equatable { var realisations, attachments, audit: Int }
    static func counts(_ app: Application) async throws -> Counts {
        Counts(
            realisations: try await RealisationRecord.query(on: app.db).count(),
            attachments: try await PlanAttachmentRecord.query(on: app.db).count(),
            audit: try await AuditEntry.query(on: app.db).count())
    }

    func testEditorUploadsEvidenceAReaderDownloadsItAnonymousIsRefused() async throws {
        try await TestApp.with { app in
            let editor = try await Self.setUp(app)
            let page = try await editor.get("/plannen/\(Self.flever)/doelstellingen/VVI.t2")
            XCTAssertTrue(page.body.contains("enctype=\"multipart/form-data\""), "the realisation form uploads files")
            XCTAssertTrue(page.body.contains("/realisaties?csrf="), "CSRF token in the query string for multipart")
            XCTAssertTrue(page.body.contains("name=\"bijlage\""))
            let before = try await Self.counts(app)

            let saved = try await Self.postMultipart(
                editor, Self.formPath,
                Self.fields() + [
                    Part(
                        name: "bijlage", value: Self.pdf, filename: "verslag podium.pdf", contentType: "application/pdf"
                    )
                ])
            XCTAssertEqual(saved.status, .seeOther, saved.body)
            let after = try await Self.counts(app)
            XCTAssertEqual(
                after,
                Counts(
                    realisations: before.realisations + 1, attachments: before.attachments + 1, audit: before.audit + 1)
            )

            let stored = try await PlanAttachmentRecord.query(on: app.db).with(\.$realisation).first()!
            XCTAssertEqual(stored.filename, "verslag podium.pdf")
            XCTAssertEqual(stored.contentType, "application/pdf")
            XCTAssertEqual(stored.size, Self.pdf.count)
            XCTAssertEqual([UInt8](stored.data), Self.pdf)
            XCTAssertEqual(stored.createdBy, stored.realisation.createdBy)
            XCTAssertEqual(stored.realisation.evidence, "Verslag van het podium")
            XCTAssertEqual(stored.realisation.value, 1)
            let audit = try await AuditEntry.query(on: app.db).filter(\.$entity == "realisatie").all()
            XCTAssertTrue(
                audit.contains { $0.summary.contains("met bijlage \"verslag podium.pdf\"") }, "\(audit.map(\.summary))")
            let plan = try await PlanStore.load(key: Self.flever, on: app.db).plan
            XCTAssertEqual(
                plan.targets.first { $0.key == "VVI.t2" }?.status(), .achieved, "the realisation counts as usual")

            let listed = try await editor.get(saved.location ?? "")
            let link = "/plannen/\(Self.flever)/bijlagen/\(stored.id!.uuidString)"
            XCTAssertTrue(listed.body.contains("Realisatie opgeslagen"))
            XCTAssertTrue(listed.body.contains("href=\"\(link)\""), listed.body)
            XCTAssertTrue(listed.body.contains("verslag podium.pdf"))
            XCTAssertTrue(listed.body.contains("(\(Self.pdf.count) bytes)"))

            // A reader of the province downloads the same bytes.
            let (lezerEmail, lezerPassword) = try await TestApp.user(
                app, role: .lezer, organisation: "provincie-flevoland")
            let reader = Browser(app)
            try await reader.login(lezerEmail, lezerPassword)
            let readerPage = try await reader.get("/plannen/\(Self.flever)/doelstellingen/VVI.t2")
            XCTAssertTrue(readerPage.body.contains("href=\"\(link)\""))
            let (status, headers, bytes) = try await Self.rawGet(app, reader, link)
            XCTAssertEqual(status, .ok)
            XCTAssertEqual(bytes, Self.pdf)
            XCTAssertEqual(headers.first(name: .contentType), "application/pdf")
            let disposition = headers.first(name: .contentDisposition) ?? ""
            XCTAssertTrue(disposition.hasPrefix("attachment;"), disposition)
            XCTAssertTrue(disposition.contains("filename=\"verslag podium.pdf\""), disposition)
            let (unknown, _, _) = try await Self.rawGet(
                app, reader, "/plannen/\(Self.flever)/bijlagen/\(UUID().uuidString)")
            XCTAssertEqual(unknown, .notFound)

            // Anonymous visitors: no link on the page, the download sends them to the login page.
            let anonymous = Browser(app)
            let publicPage = try await anonymous.get("/plannen/\(Self.flever)/doelstellingen/VVI.t2")
            XCTAssertEqual(publicPage.status, .ok)
            XCTAssertFalse(publicPage.body.contains("verslag podium.pdf"))
            XCTAssertFalse(publicPage.body.contains("/bijlagen/"))
            let (anonStatus, anonHeaders, anonBytes) = try await Self.rawGet(app, anonymous, link)
            XCTAssertEqual(anonStatus, .seeOther)
            XCTAssertTrue(anonHeaders.first(name: .location)?.hasPrefix("/inloggen?terug=") == true)
            XCTAssertNotEqual(anonBytes, Self.pdf)
        }
    }

    func testWrongTypeAndTooLargeFilesAreRefusedAndNothingIsWritten() async throws {
        try await TestApp.with { app in
            let editor = try await Self.setUp(app)
            _ = try await editor.get("/plannen/\(Self.flever)/doelstellingen/VVI.t2")
            let before = try await Self.counts(app)

            let exe = try await Self.postMultipart(
                editor, Self.formPath,
                Self.fields() + [
                    Part(
                        name: "bijlage", value: Array("MZ".utf8), filename: "rapport.exe",
                        contentType: "application/octet-stream")
                ])
            XCTAssertEqual(exe.status, .unprocessableEntity, exe.body)
            // The message is a text node: its quotes are plain text there (no attribute to break out of).
            XCTAssertTrue(
                exe.body.contains("bijlage: bestandstype \".exe\" van \"rapport.exe\" is niet toegestaan"), exe.body)
            XCTAssertFalse(exe.body.contains("=\"rapport.exe"), "the file name never starts an attribute value")
            XCTAssertTrue(exe.body.contains("pdf, png, jpg, docx, xlsx, txt of csv"))

            XCTAssertEqual(app.planAttachmentLimit, 10 * 1024 * 1024, "10 MB by default")
            let page = try await editor.get("/plannen/\(Self.flever)/doelstellingen/VVI.t2")
            XCTAssertTrue(page.body.contains("hoogstens 10 MB"))
            // A small limit keeps the test fast (parsing 10 MB of multipart in a debug build takes a minute).
            app.planAttachmentLimit = 2000
            let exact = [UInt8](repeating: 0x41, count: 2000)
            let big = exact + [0x41]
            let large = try await Self.postMultipart(
                editor, Self.formPath,
                Self.fields() + [
                    Part(name: "bijlage", value: big, filename: "groot.pdf", contentType: "application/pdf")
                ])
            XCTAssertEqual(large.status, .unprocessableEntity)
            XCTAssertTrue(large.body.contains("bijlage: het bestand"), large.body)
            XCTAssertTrue(large.body.contains("is 2.001 bytes, groter dan de toegestane 2 kB"), large.body)

            let huge = [UInt8](repeating: 0x41, count: 2000 + PlanAttachments.formOverhead + 1)
            let tooMuch = try await Self.postMultipart(
                editor, Self.formPath,
                Self.fields() + [
                    Part(name: "bijlage", value: huge, filename: "nog-groter.pdf", contentType: "application/pdf")
                ])
            XCTAssertEqual(tooMuch.status, .unprocessableEntity)
            XCTAssertTrue(tooMuch.body.contains("bijlage: het bestand is groter dan 2 kB"), tooMuch.body)

            // A good file with a bad value: the realisation is refused, so the file is not stored either.
            let badValue = try await Self.postMultipart(
                editor, Self.formPath,
                Self.fields(value: "veel") + [
                    Part(name: "bijlage", value: Self.pdf, filename: "verslag.pdf", contentType: "application/pdf")
                ])
            XCTAssertEqual(badValue.status, .unprocessableEntity)
            let after = try await Self.counts(app)
            XCTAssertEqual(before, after, "nothing written: no realisation, no attachment, no audit entry")

            // An empty file input (no file chosen) is no attachment; the realisation is saved.
            let none = try await Self.postMultipart(
                editor, Self.formPath,
                Self.fields() + [
                    Part(name: "bijlage", value: [], filename: "", contentType: "application/octet-stream")
                ])
            XCTAssertEqual(none.status, .seeOther, none.body)
            let afterEmpty = try await Self.counts(app)
            XCTAssertEqual(afterEmpty.realisations, before.realisations + 1)
            XCTAssertEqual(afterEmpty.attachments, before.attachments)

            // A file of exactly the limit is accepted.
            let fits = try await Self.postMultipart(
                editor, Self.formPath,
                Self.fields() + [
                    Part(name: "bijlage", value: exact, filename: "precies.txt", contentType: "text/plain")
                ])
            XCTAssertEqual(fits.status, .seeOther, fits.body)
            let afterExact = try await Self.counts(app)
            XCTAssertEqual(afterExact.attachments, before.attachments + 1)
            let stored = try await PlanAttachmentRecord.query(on: app.db).first()
            XCTAssertEqual(
                stored?.contentType, "text/plain; charset=utf-8", "the type follows the extension, not the browser")

            // URL-encoded posts (no file) still work.
            let plain = try await editor.postWithHeader(Self.formPath, ["value": "1", "date": "2025-05-01"])
            XCTAssertEqual(plain.status, .seeOther, plain.body)
        }
    }

    func testAnEditorOfAnotherOrganisationMayNotUpload() async throws {
        try await TestApp.with { app in
            let other = try await Self.setUp(app, organisation: "gemeente-almere")
            let page = try await other.get("/plannen/\(Self.flever)/doelstellingen/VVI.t2")
            XCTAssertFalse(page.body.contains("name=\"bijlage\""), "no upload form for another organisation")
            let before = try await Self.counts(app)
            let r = try await Self.postMultipart(
                other, Self.formPath,
                Self.fields() + [
                    Part(name: "bijlage", value: Self.pdf, filename: "verslag.pdf", contentType: "application/pdf")
                ])
            XCTAssertEqual(r.status, .forbidden)
            XCTAssertTrue(r.body.contains("eigen organisatie"), r.body)
            let after = try await Self.counts(app)
            XCTAssertEqual(before, after)
        }
    }
}
