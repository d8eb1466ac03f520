import App
import Fluent
import NIOConcurrencyHelpers
import VitaalDomain
import XCTVapor
import XCTest

@testable import AppCore
@testable import MonitorFeature

/// #20: an import never blocks the site, and its progress shows on the import history while it runs.
final class MonitorImportProgressTests: XCTestCase {
    private var folder: URL!

    override func setUp() {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("vitaal-progress-\(UUID().uuidString)")
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: folder)
    }

    /// PostgreSQL as every test uses it; SQLite on a database file (WAL and the import's own pool, as
    /// `vitaal serve` runs), because an in-memory database has no second connection that reads while
    /// the import writes.
    private func makeApp() async throws -> Application {
        if TestApp.usesPostgres { return try await TestApp.make() }
        return try await TestApp.makeOnSQLiteFile(folder: folder.path)
    }

    /// 2 indicators × 7 regions × 360 months = 5,040 rows of invented values (status `voorbeeld`): three
    /// batches of at most 2,000, ~0.5 MB, so the first two batches (read when the first progress is
    /// published) end well before the file's last 64 KiB chunk.
    private var csv: String {
        var lines = ["indicator;regio;periode;waarde;status;opmerking"]
        let note = "voorbeelddata voor de voortgangstest van de import (issue 20), niet echt gemeten"
        for indicator in ["bw_ervaren_gezondheid", "bw_fijnstof"] {
            for region in ["PV24", "GM0034", "GM0050", "GM0171", "GM0184", "GM0303", "GM0995"] {
                for year in 1995..<2025 {
                    for month in 1...12 {
                        lines.append(
                            "\(indicator);\(region);\(year)-\(month < 10 ? "0" : "")\(month);12,5;voorbeeld;\(note)")
                    }
                }
            }
        }
        return lines.joined(separator: "\n")
    }

    func testPagesAnswerWhileAnImportRunsAndShowItsProgress() async throws {
        let app = try await makeApp()
        do {
            try await walkThroughARunningImport(app)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    private func walkThroughARunningImport(_ app: Application) async throws {
        try await MonitorTestSupport.seedIndicators(app)
        let gate = ImportGate()
        app.storage[MonitorImportProgressObserver.self] = { await gate.hold($0) }
        // Both log in before the import: on SQLite a login writes, and writes wait for the import.
        let (mail, pass) = try await TestApp.user(app, role: .beheerder)
        let uploader = Browser(app)
        try await uploader.login(mail, pass)
        try await uploader.get(MonitorURL.importUpload.path)
        let csrf = try XCTUnwrap(uploader.csrf)
        let (otherMail, otherPass) = try await TestApp.user(app, role: .redacteur, organisation: "ggd-flevoland")
        let viewer = Browser(app)
        try await viewer.login(otherMail, otherPass)
        let before = try await viewer.get(MonitorURL.importHistory.path)
        XCTAssertEqual(before.status, .ok)
        XCTAssertFalse(before.body.contains("Import loopt"), before.body)

        let boundary = "----vitaalvoortgang"
        let body = MonitorTestSupport.multipart(
            boundary: boundary, files: [("file", "voortgang.csv", Data(csv.utf8))])
        let upload = Task {
            defer { gate.finishWaiting() }
            return try await uploader.request(
                .POST, MonitorURL.importUpload.path(query: [("csrf", csrf)]), body: body,
                contentType: HTTPMediaType(type: "multipart", subType: "form-data", parameters: ["boundary": boundary]))
        }
        guard let held = await gate.firstHeld() else {
            let result = try await upload.value
            return XCTFail("the import ended without publishing progress: \(result.status) \(result.body)")
        }
        do {
            // The import holds its transaction open after its first batch.
            XCTAssertEqual(held.fileName, "voortgang.csv")
            XCTAssertEqual(held.actor, mail)
            XCTAssertGreaterThanOrEqual(held.records, 2000)
            XCTAssertEqual(held.values, 2000)
            let total = try XCTUnwrap(held.totalBytes)
            XCTAssertLessThan(held.bytesRead, total)
            let percent = try XCTUnwrap(held.percentRead)

            let monitor = try await viewer.get(MonitorURL.overview.path)
            XCTAssertEqual(monitor.status, .ok)
            let page = try await viewer.get(MonitorURL.importHistory.path)
            XCTAssertEqual(page.status, .ok)
            let records = ValueFormatter.number(Double(held.records), decimals: 0)
            XCTAssertTrue(page.body.contains("Import loopt: voortgang.csv, gestart door \(mail) om "), page.body)
            XCTAssertTrue(page.body.contains("MB gelezen (\(percent)%), \(records) regels."), page.body)
            XCTAssertTrue(page.body.contains("<progress id=\"import-voortgang\" max=\"100\" value=\"\(percent)\">"))
            XCTAssertTrue(page.body.contains("<label for=\"import-voortgang\">"))
            XCTAssertTrue(page.body.contains("Deze pagina ververst zichzelf niet."))
            XCTAssertFalse(page.body.contains("Onderbroken?"))
            // Nothing of the import is visible before it commits.
            let stored = try await MonitorTestSupport.valueCount(app)
            XCTAssertEqual(stored, 0)
        } catch {
            gate.open()
            _ = try? await upload.value
            throw error
        }
        gate.open()
        let done = try await upload.value
        XCTAssertEqual(done.status, .ok)
        XCTAssertTrue(done.body.contains("5.040 waarden opgeslagen"), done.body)

        let after = try await viewer.get(MonitorURL.importHistory.path)
        XCTAssertEqual(after.status, .ok)
        XCTAssertFalse(after.body.contains("Import loopt"), after.body)
        XCTAssertTrue(after.body.contains("<td>voortgang.csv</td>"), after.body)
        let progressLeft = try await app.importProgressBoard.current()
        XCTAssertNil(progressLeft)
        if !TestApp.usesPostgres {
            let file = ImportProgressBoard.fileURL(besideDatabase: app.vitaal.sqlitePath)
            XCTAssertFalse(FileManager.default.fileExists(atPath: file.path))
        }

        // An import sent to the write API shows up the same way.
        let apiGate = ImportGate()
        app.storage[MonitorImportProgressObserver.self] = { await apiGate.hold($0) }
        let user = try await MonitorTestSupport.user(app, mail)
        let token = try await APITokens.create(
            for: user, name: "script", scope: APITokenScope.schrijven.rawValue, days: 30, actor: nil,
            actorName: "test", on: app.db, now: app.clock.now()
        ).1
        var buffer = ByteBuffer()
        buffer.writeString(csv)
        let apiImport = Task { [buffer] in
            defer { apiGate.finishWaiting() }
            return try await Browser(app).request(
                .POST, MonitorURL.apiData.path(query: [("replace", "true")]),
                headers: ["Authorization": "Bearer \(token)"], body: buffer,
                contentType: HTTPMediaType(type: "text", subType: "csv"))
        }
        guard let heldAPI = await apiGate.firstHeld() else {
            let result = try await apiImport.value
            return XCTFail("the API import ended without publishing progress: \(result.status) \(result.body)")
        }
        let apiPage = try await viewer.get(MonitorURL.importHistory.path)
        apiGate.open()
        let apiDone = try await apiImport.value
        XCTAssertEqual(apiDone.status, .created, apiDone.body)
        XCTAssertTrue(apiDone.body.contains("\"replaced\":5040"), apiDone.body)
        XCTAssertEqual(heldAPI.fileName, "data.csv")
        XCTAssertEqual(heldAPI.actor, mail)
        XCTAssertEqual(heldAPI.values, 2000)
        XCTAssertTrue(apiPage.body.contains("Import loopt: data.csv, gestart door \(mail) om "), apiPage.body)
        let apiProgressLeft = try await app.importProgressBoard.current()
        XCTAssertNil(apiProgressLeft)

        // A progress not updated for five minutes is shown as "onderbroken?"; on SQLite a progress
        // file whose process has gone is not shown at all.
        let lock = try await ImportLocking.acquire(actor: "cli", at: app.clock.now(), on: app.db)
        var stalled = held
        stalled.fileName = "vastgelopen.csv"
        stalled.updatedAt = app.clock.now().addingTimeInterval(-RunningImport.stalledAfter - 60)
        await app.importProgressBoard.publish(stalled, lock: lock.id)
        let stalledPage = try await viewer.get(MonitorURL.importHistory.path)
        XCTAssertTrue(stalledPage.body.contains("Import loopt: vastgelopen.csv"), stalledPage.body)
        XCTAssertTrue(stalledPage.body.contains("Onderbroken? Deze import meldt sinds "), stalledPage.body)
        if !TestApp.usesPostgres {
            stalled.processID = Int32.max  // above Linux's largest process id
            await app.importProgressBoard.publish(stalled, lock: lock.id)
            let gone = try await viewer.get(MonitorURL.importHistory.path)
            XCTAssertFalse(gone.body.contains("vastgelopen.csv"), gone.body)
        }
        await app.importProgressBoard.clear(lock: lock.id)
        await ImportLocking.release(lock, on: app.db)
    }
}

/// Holds a running import at its first published progress until the test opens the gate (no sleeps:
/// the test waits for `firstHeld`, the import for `open`).
private final class ImportGate: Sendable {
    private let held: AsyncStream<RunningImport>
    private let heldContinuation: AsyncStream<RunningImport>.Continuation
    private let opened: AsyncStream<Void>
    private let openedContinuation: AsyncStream<Void>.Continuation
    private let first = NIOLockedValueBox(true)

    init() {
        (held, heldContinuation) = AsyncStream.makeStream()
        (opened, openedContinuation) = AsyncStream.makeStream()
    }

    /// The import's observer: the first call waits until `open()`.
    func hold(_ running: RunningImport) async {
        let isFirst = first.withLockedValue { first in
            defer { first = false }
            return first
        }
        guard isFirst else { return }
        heldContinuation.yield(running)
        for await _ in opened { break }
    }

    /// The progress the import is held at; nil when it ended without publishing any.
    func firstHeld() async -> RunningImport? {
        for await running in held { return running }
        return nil
    }

    func finishWaiting() { heldContinuation.finish() }

    func open() {
        openedContinuation.yield()
        openedContinuation.finish()
    }
}
