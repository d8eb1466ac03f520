import Fluent
import VitaalDomain
import XCTVapor
import XCTest

@testable import AppCore
@testable import WorkforceFeature

/// Test data of the workforce feature.
extension Fixtures {
    enum Workforce {
        static func loadDemo(_ app: Application) async throws {
            try await TestApp.seedFoundation(app)
            try await WorkforceFeature().loadDemoData(app: app, log: { _ in })
        }

        static func base(_ app: Application) async throws -> WorkforceScenarioRecord {
            let base = try await WorkforceScenarioStore.base(on: app.db)
            return try XCTUnwrap(base)
        }

        static func count(_ app: Application) async throws -> Int {
            try await WorkforceScenarioRecord.query(on: app.db).count()
        }

        static func auditCount(_ app: Application) async throws -> Int {
            try await AuditEntry.query(on: app.db).filter(\.$entity == "personeelsscenario").count()
        }

        static var baseFile: String {
            var s = WorkforceScenario.flevolandBase
            s.id = "test"
            return WorkforceScenarioCodec.encode(s)
        }

        /// Bad scenario files: (description, file text, field/element fragment expected in a problem).
        static var badFiles: [(String, String, String)] {
            var out: [(String, String, String)] = []
            func encoded(_ change: (inout WorkforceScenario) -> Void) -> String {
                var s = WorkforceScenario.flevolandBase
                change(&s)
                return WorkforceScenarioCodec.encode(s)
            }
            out.append(("rate outside 0-1", encoded { $0.sectors[1].vacancyRate = 1.5 }, "vacancyRate"))
            out.append(("negative stock", encoded { $0.stock[0].persons = -10 }, "persons"))
            out.append(("horizon before base year", encoded { $0.horizon = 2010 }, "horizon"))
            out.append(("empty sector list", encoded { $0.sectors = [] }, "sectors"))
            out.append(
                (
                    "range low above high",
                    encoded { $0.ageBands[0].outflowRate = WorkforceParameter(0.1, range: .init(0.12, 0.08)) },
                    "outflowRate"
                ))
            let text = baseFile
            precondition(text.hasPrefix("{"))
            out.append(("unknown key", "{\n  \"onbekendeSleutel\": 1," + text.dropFirst(), "onbekendeSleutel"))
            precondition(text.contains("\"baseYear\": 2020"))
            out.append(
                (
                    "wrong type", text.replacingOccurrences(of: "\"baseYear\": 2020", with: "\"baseYear\": \"2020\""),
                    "baseYear"
                ))
            return out
        }

        static func json(_ body: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(body.utf8)) }

        static func projection(_ body: String) throws -> WorkforceProjectionDTO {
            try JSONDecoder().decode(WorkforceProjectionDTO.self, from: Data(body.utf8))
        }
    }
}

/// Page models of the workforce pages without a database (snapshot tests).
extension Fixtures.Workforce {
    static let baseID = "00000000-0000-0000-0000-0000000000B1"

    static var baseVersion: WorkforceScenarioVersion {
        WorkforceScenarioVersion(
            id: baseID, name: WorkforceScenarioStore.baseName, version: 1, isBase: true,
            isExample: true, organisationName: "Provincie Flevoland", author: "systeem",
            note: "Gekalibreerd op het Regioplan IZA Flevoland.", createdAt: Fixtures.now)
    }

    static var mixVersion: WorkforceScenarioVersion {
        WorkforceScenarioVersion(
            id: "00000000-0000-0000-0000-0000000000B2", name: WorkforceFeature.demoPolicyName,
            version: 2, isBase: false, isExample: true, organisationName: "Flever",
            author: "redacteur@flever.example", note: nil, createdAt: Fixtures.now)
    }

    /// The scenario page of the base scenario with the lever `input` (a what-if).
    static func scenarioPage(input: [String: String] = [:]) throws -> ScenarioPage.Model {
        var saved = WorkforceScenario.flevolandBase
        saved.id = "basisscenario-flevoland"
        let whatIf = WorkforceWhatIf(saved: saved, input: input, monitorValues: [:])
        return try ScenarioPage.Model(
            version: baseVersion, whatIf: whatIf, versions: [baseVersion],
            others: [baseVersion, mixVersion], compareWith: nil,
            save: .init(for: baseVersion), notice: nil)
    }
}
