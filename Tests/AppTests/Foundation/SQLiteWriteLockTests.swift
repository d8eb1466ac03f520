import App
import Fluent
import SQLiteNIO
import XCTVapor
import XCTest

@testable import AppCore

/// While another connection holds SQLite's write lock (in practice a long import), pages are still
/// served to signed-in users (their session's idle clock waits), and a request that must write gets
/// 503 with a Dutch message and Retry-After instead of a server error. Afterwards everything works
/// again. SQLite on a database file, as `vitaal serve` runs; PostgreSQL has no database-wide lock.
final class SQLiteWriteLockTests: XCTestCase {
    private var folder: URL!

    override func setUp() {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("vitaal-lock-\(UUID().uuidString)")
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: folder)
    }

    func testReadingGoesOnAndWritesAnswer503WhileTheWriteLockIsHeld() async throws {
        if TestApp.usesPostgres { throw XCTSkip("SQLite's file write lock; PostgreSQL locks rows") }
        let app = try await TestApp.makeOnSQLiteFile(folder: folder.path)
        app.logger.logLevel = .critical
        do {
            try await walkThrough(app)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    private func walkThrough(_ app: Application) async throws {
        let start = Date(timeIntervalSince1970: 1_764_590_400)  // 1 December 2025
        app.clock = .fixed(start)
        try await TestApp.seedFoundation(app)
        let (mail, password) = try await TestApp.user(app, role: .lezer)
        let reader = Browser(app)
        try await reader.login(mail, password)
        let found = try await User.query(on: app.db).filter(\.$email == mail).first()
        let user = try XCTUnwrap(found)
        let (_, token) = try await APITokens.create(
            for: user, name: "script", scope: "lezen", days: 30, actor: nil, on: app.db, now: start)
        let seenBefore = try await lastSeen(app)
        // Two minutes later the session's idle clock and the token's last use are due to be written.
        app.clock = .fixed(start.addingTimeInterval(120))

        // A second connection to the file takes the write lock, as an import's transaction does.
        let lock = try await SQLiteConnection.open(storage: .file(path: app.vitaal.sqlitePath))
        _ = try await lock.query("BEGIN IMMEDIATE")
        do {
            let page = try await reader.get("/monitor")
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.body.contains("Uitloggen"), "still signed in")
            let api = try await Browser(app).request(
                .GET, "/api/v1/monitors", headers: ["Authorization": "Bearer \(token)"])
            XCTAssertEqual(api.status, .ok, api.body)

            // Opening the login page starts a session: a write.
            let login = try await Browser(app).get("/inloggen")
            XCTAssertEqual(login.status, .serviceUnavailable)
            XCTAssertEqual(login.headers.first(name: .retryAfter), "30")
            XCTAssertTrue(login.body.contains(DatabaseBusy.message), login.body)
            let json = try await Browser(app).request(.GET, "/inloggen", headers: ["Accept": "application/json"])
            XCTAssertEqual(json.status, .serviceUnavailable)
            XCTAssertTrue(json.body.contains("\"code\":\"busy\""), json.body)
        } catch {
            _ = try? await lock.query("ROLLBACK")
            try? await lock.close()
            throw error
        }
        _ = try await lock.query("ROLLBACK")
        try await lock.close()
        // The touch waited; it happens now.
        let unchanged = try await lastSeen(app)
        XCTAssertEqual(unchanged, seenBefore)
        let page = try await reader.get("/monitor")
        XCTAssertEqual(page.status, .ok)
        let touched = try await lastSeen(app)
        XCTAssertEqual(touched, start.timeIntervalSince1970 + 120)
        let login = try await Browser(app).get("/inloggen")
        XCTAssertEqual(login.status, .ok)
    }

    private func lastSeen(_ app: Application) async throws -> Double? {
        try await SessionRow.query(on: app.db).all().map(\.lastSeenAt).max()
    }
}
