import Fluent
import NIOConcurrencyHelpers
import VitaalDomain
import XCTVapor
import XCTest

@testable import AppCore
@testable import MonitorFeature

enum MonitorTestSupport {
    /// Foundation regions plus the demo indicators with their demo owners (no monitors, no values).
    static func seedIndicators(_ app: Application) async throws {
        try await TestApp.seedFoundation(app)
        let organisations = try await Organisation.query(on: app.db).all()
        for def in MonitorDemoData.indicators {
            let ind = Indicator(def)
            ind.$owner.id = MonitorDemoLoader.ownerSlug(def.code).flatMap { slug in
                organisations.first { $0.slug == slug }?.id
            }
            try await ind.create(on: app.db)
        }
    }

    static func user(_ app: Application, _ email: String) async throws -> User {
        let found = try await User.query(on: app.db).filter(\.$email == email).first()
        return try XCTUnwrap(found)
    }

    /// Foundation plus the monitor's full demo data.
    static func seedDemo(_ app: Application) async throws {
        try await TestApp.seedFoundation(app)
        try await MonitorFeature().loadDemoData(app: app, log: { _ in })
    }

    static func valueCount(_ app: Application) async throws -> Int { try await DataValue.query(on: app.db).count() }
    static func batchCount(_ app: Application) async throws -> Int { try await DataImport.query(on: app.db).count() }

    static func value(_ app: Application, _ indicator: String, _ region: String, _ period: String) async throws
        -> DataValue?
    {
        try await DataValue.query(on: app.db).filter(\.$indicatorCode == indicator).filter(\.$regionCode == region)
            .filter(\.$period == period).first()
    }

    @discardableResult
    static func importCSV(
        _ app: Application, _ text: String, name: String = "data.csv", mapping: StatLineMapping? = nil,
        replace: Bool = false
    ) async throws -> ImportOutcome {
        try await DataImporter.run(
            .data(Data(text.utf8), name: name), mapping: mapping, replace: replace, user: nil, actor: "test", on: app.db
        )
    }

    /// Runs the import and returns its error (fails the test when it succeeds).
    static func importError(
        _ app: Application, _ data: Data, name: String = "data.csv", replace: Bool = false,
        file: StaticString = #filePath, line: UInt = #line
    ) async -> VitaalError? {
        do {
            _ = try await DataImporter.run(
                .data(data, name: name), replace: replace, user: nil, actor: "test", on: app.db)
            XCTFail("import of \(name) should have failed", file: file, line: line)
            return nil
        } catch let e as VitaalError {
            return e
        } catch {
            XCTFail("unexpected error \(error)", file: file, line: line)
            return nil
        }
    }

    /// A multipart/form-data body.
    static func multipart(
        boundary: String, files: [(name: String, filename: String, data: Data)], fields: [String: String] = [:]
    ) -> ByteBuffer {
        var buffer = ByteBuffer()
        for (k, v) in fields {
            buffer.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(k)\"\r\n\r\n\(v)\r\n")
        }
        for f in files {
            buffer.writeString(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(f.name)\"; filename=\"\(f.filename)\"\r\nContent-Type: text/csv\r\n\r\n"
            )
            buffer.writeBytes(f.data)
            buffer.writeString("\r\n")
        }
        buffer.writeString("--\(boundary)--\r\n")
        return buffer
    }
}

/// A console that records what commands print.
final class MonitorRecordingConsole: Console, @unchecked Sendable {
    private let lock = NIOLock()
    private var text = ""
    var userInfo: [AnySendableHashable: any Sendable] = [:]
    var size: (width: Int, height: Int) { (120, 40) }
    var supportsANSICommands: Bool { false }
    func input(isSecure: Bool) -> String { "" }
    func output(_ text: ConsoleText, newLine: Bool) {
        lock.withLock { self.text += text.description + (newLine ? "\n" : "") }
    }
    func clear(_ type: ConsoleClear) {}
    func report(error: String, newLine: Bool) { lock.withLock { text += error + (newLine ? "\n" : "") } }
    var output: String { lock.withLock { text } }
}

extension Fixtures {
    /// The monitor's test data: page models built from the demo data.
    enum Monitor {
        static let indicator = "bw_ervaren_gezondheid"
        static let municipality = "GM0034"

        static func indicatorPage(_ app: Application) async throws -> IndicatorPage.Model {
            try await IndicatorPage.Model.load(code: indicator, region: municipality, audience: .public, on: app.db)
        }

        static func regionProfile(_ app: Application) async throws -> RegionProfilePage.Model {
            try await RegionProfilePage.Model.load(code: "GM0171", audience: .public, on: app.db)
        }

        /// A new story posted without a title, with an impossible date and without links.
        static func storyFormWithErrors(_ app: Application) async throws -> StoryFormPage.Model {
            var form = StoryFormPage.Form()
            form.text = "Het wijkteam merkt dat ouderen vaker alleen zijn."
            form.quote = "Ik zie soms weken \"niemand\" <echt>"
            form.date = "2025-02-30"
            var refusal: VitaalError?
            do { _ = try form.validated() } catch let error as VitaalError { refusal = error }
            return try await StoryFormPage.Model.load(story: nil, form: form, error: refusal, on: app.db)
        }
    }
}
