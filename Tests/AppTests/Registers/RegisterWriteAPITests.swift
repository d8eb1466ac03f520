import Fluent
import VitaalDomain
import XCTVapor
import XCTest

@testable import AppCore
@testable import RegistersFeature

/// Writing the registers through the JSON API (#18 item 6), on SQLite and PostgreSQL: create,
/// replace with the version read, a stale version refused, status steps with the forms' path rule,
/// read back through the read API and the export; who may write; bad bodies refused with the
/// problem at the member, nothing written; every write in the audit log.
final class RegisterWriteAPITests: XCTestCase {
    typealias Flow = RegistersFlowTests

    static func bearer(_ token: String) -> [String: String] { ["Authorization": "Bearer \(token)"] }

    /// A session's JSON write with its CSRF token.
    static func send(_ browser: Browser, _ method: HTTPMethod, _ path: String, _ json: String) async throws
        -> Browser.Result
    {
        try await browser.request(method, path, json: json, headers: ["X-CSRF-Token": browser.csrf ?? ""])
    }

    static func object(_ body: String) throws -> [String: Any] {
        try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any], body)
    }

    /// The error's details as (field, message).
    static func details(_ body: String) throws -> [(String, String)] {
        let error = try XCTUnwrap(try object(body)["error"] as? [String: Any], body)
        return (error["details"] as? [[String: Any]] ?? []).map {
            ($0["field"] as? String ?? "", $0["message"] as? String ?? "")
        }
    }

    static func token(_ app: Application, _ email: String, _ scope: APITokenScope) async throws -> String {
        let found = try await User.query(on: app.db).filter(\.$email == email).first()
        let user = try XCTUnwrap(found)
        return try await APITokens.create(
            for: user, name: "script", scope: scope.rawValue, days: 30, actor: nil, actorName: "test", on: app.db,
            now: app.clock.now()
        ).1
    }

    static let fund = """
        {"values": {"name": "Impulsregeling Mantelzorg", "funder": "VWS", "year": 2026, "amountRequested": 120000,
         "deadline": "2026-03-01", "owner": "J. de Vries"}, "status": "in verkenning"}
        """

    func testFundCreateReplaceStaleStatusReadBackAndAudit() async throws {
        try await TestApp.with { app in
            try await Flow.seed(app)
            let flever = try await Flow.browser(app, .redacteur, "flever")
            let before = try await Flow.count(.funds, app.db)

            let created = try await Self.send(flever, .POST, "/api/v1/funds", Self.fund)
            XCTAssertEqual(created.status, .created, created.body)
            XCTAssertEqual(created.location, "/api/v1/funds/impulsregeling-mantelzorg")
            var entry = try Self.object(created.body)
            XCTAssertEqual(entry["key"] as? String, "impulsregeling-mantelzorg")
            XCTAssertEqual(entry["status"] as? String, "in verkenning")
            XCTAssertEqual(entry["version"] as? Int, 1)
            XCTAssertEqual(entry["organisation"] as? String, "Flever")
            XCTAssertEqual((entry["values"] as? [String: Any])?["amountRequested"] as? Int, 120_000)
            let afterCreate = try await Flow.count(.funds, app.db)
            XCTAssertEqual(afterCreate, before + 1)
            let path = "/api/v1/funds/impulsregeling-mantelzorg"

            // Replace with the version read: every field, the missing ones become empty.
            let replaced = try await Self.send(
                flever, .PUT, path,
                #"{"version": 1, "values": {"name": "Impulsregeling Mantelzorg", "funder": "Ministerie van VWS", "year": 2026, "amountRequested": 150000}}"#
            )
            XCTAssertEqual(replaced.status, .ok, replaced.body)
            entry = try Self.object(replaced.body)
            XCTAssertEqual(entry["version"] as? Int, 2)
            XCTAssertEqual(entry["status"] as? String, "in verkenning", "a PUT keeps the status")
            XCTAssertEqual((entry["values"] as? [String: Any])?["funder"] as? String, "Ministerie van VWS")
            XCTAssertNil((entry["values"] as? [String: Any])?["owner"], "left out: emptied")

            // The same version again is stale: 409 with the forms' message, nothing changed.
            let stale = try await Self.send(
                flever, .PUT, path, #"{"version": 1, "values": {"name": "Oude naam", "funder": "Iemand"}}"#)
            XCTAssertEqual(stale.status, .conflict)
            XCTAssertTrue(stale.body.contains("Iemand anders heeft dit record intussen gewijzigd"), stale.body)
            var stored = try await RegisterStore.find(.funds, key: "impulsregeling-mantelzorg", on: app.db)
            XCTAssertEqual(stored.version, 2)
            XCTAssertEqual(stored.entry.values["funder"], "Ministerie van VWS")

            // A status skip without a reason: 422 at the reason; with a reason it is allowed.
            let skip = try await Self.send(flever, .POST, path + "/status", #"{"status": "ingediend", "version": 2}"#)
            XCTAssertEqual(skip.status, .unprocessableEntity)
            let skipProblems = try Self.details(skip.body)
            XCTAssertEqual(skipProblems.map(\.0), ["reason"])
            XCTAssertTrue(
                skipProblems[0].1.contains(
                    "van ‘in verkenning’ naar ‘ingediend’ slaat ‘in onderzoek’ en ‘aanvraag in voorbereiding’ over"),
                skip.body)
            stored = try await RegisterStore.find(.funds, key: "impulsregeling-mantelzorg", on: app.db)
            XCTAssertEqual(stored.entry.status, "in verkenning")
            XCTAssertEqual(stored.version, 2)
            let staleStatus = try await Self.send(
                flever, .POST, path + "/status", #"{"status": "in onderzoek", "version": 1}"#)
            XCTAssertEqual(staleStatus.status, .conflict)
            let withReason = try await Self.send(
                flever, .POST, path + "/status",
                #"{"status": "ingediend", "reason": "Aanvraag in één keer ingediend", "version": 2}"#)
            XCTAssertEqual(withReason.status, .ok, withReason.body)
            XCTAssertEqual(try Self.object(withReason.body)["version"] as? Int, 3)

            // Read back through the read API and the export.
            let read = try await Flow.object(flever, path)
            XCTAssertEqual(read["status"] as? String, "ingediend")
            XCTAssertEqual(read["version"] as? Int, 3)
            XCTAssertEqual((read["values"] as? [String: Any])?["amountRequested"] as? Int, 150_000)
            let csv = try await flever.get("/fondsen/export.csv?status=ingediend").body
            XCTAssertTrue(
                csv.contains("impulsregeling-mantelzorg;ingediend;Impulsregeling Mantelzorg;Ministerie van VWS;"), csv)
            XCTAssertTrue(csv.contains(";150000;"))

            // Every write in the audit log, with the reason.
            let audit = try await AuditEntry.query(on: app.db).filter(\.$entity == "fonds")
                .filter(\.$entityID == "impulsregeling-mantelzorg").sort(\.$at).all()
            XCTAssertEqual(audit.map(\.action), ["aangemaakt", "gewijzigd", "status gewijzigd"])
            XCTAssertTrue(audit[2].summary.contains("reden: Aanvraag in één keer ingediend"), audit[2].summary)
            XCTAssertTrue(audit.allSatisfy { $0.actor == "redacteur-flever@test.example" }, "\(audit.map(\.actor))")
            let versions = try await RegisterStore.versions(of: stored.id, on: app.db)
            XCTAssertEqual(versions.map(\.version), [3, 2, 1])
        }
    }

    func testWhoMayWriteAndBadBodies() async throws {
        try await TestApp.with { app in
            try await Flow.seed(app)
            let flever = try await Flow.browser(app, .redacteur, "flever")
            let created = try await Self.send(flever, .POST, "/api/v1/funds", Self.fund)
            XCTAssertEqual(created.status, .created, created.body)
            let path = "/api/v1/funds/impulsregeling-mantelzorg"
            let before = try await Flow.count(.funds, app.db)
            let audited = try await AuditEntry.query(on: app.db).filter(\.$entity == "fonds").count()

            // A redacteur of another organisation: not their entry, not their organisation.
            let ggd = try await Flow.browser(app, .redacteur, "ggd-flevoland")
            let r1 = try await Self.send(ggd, .PUT, path, #"{"version": 1, "values": {"name": "Gekaapt"}}"#).status
            XCTAssertEqual(r1, .forbidden)
            let r2 = try await Self.send(
                ggd, .POST, path + "/status", #"{"status": "afgewezen", "reason": "x", "version": 1}"#
            ).status
            XCTAssertEqual(r2, .forbidden)
            let r3 = try await Self.send(
                ggd, .POST, "/api/v1/funds", #"{"values": {"name": "Andermans regeling"}, "organisation": "flever"}"#
            ).status
            XCTAssertEqual(r3, .forbidden)
            // A lezer's session, a read token and an anonymous caller.
            let lezer = try await Flow.browser(app, .lezer, "flever")
            let r4 = try await Self.send(lezer, .POST, "/api/v1/funds", #"{"values": {"name": "Van een lezer"}}"#)
                .status
            XCTAssertEqual(r4, .forbidden)
            let readToken = try await Self.token(app, "redacteur-flever@test.example", .lezen)
            let r5 = try await Browser(app).request(
                .POST, "/api/v1/funds", json: #"{"values": {"name": "Met een leestoken"}}"#,
                headers: Self.bearer(readToken)
            ).status
            XCTAssertEqual(r5, .forbidden)
            // Anonymous with the CSRF token of a page (without any session the CSRF check answers
            // 403 first), and with an unknown token.
            let anonymous = Browser(app)
            try await anonymous.get("/inloggen")
            let r6 = try await Self.send(anonymous, .POST, "/api/v1/funds", #"{"values": {"name": "Anoniem"}}"#)
                .status
            XCTAssertEqual(r6, .unauthorized)
            let r7 = try await Browser(app).request(
                .POST, "/api/v1/funds", json: #"{"values": {"name": "Onbekend token"}}"#,
                headers: Self.bearer("vit_" + String(repeating: "x", count: 43))
            ).status
            XCTAssertEqual(r7, .unauthorized)

            // Bad bodies: each refused with the member named, nothing written.
            let bad: [(String, HTTPStatus, String, String)] = [
                (
                    #"{"values": {"name": "X", "amountRequested": "veel geld"}}"#, .unprocessableEntity,
                    "values.amountRequested", "Aangevraagd bedrag in euro moet een geheel getal zijn"
                ),
                (#"{"values": {"name": "X", "year": 1850}}"#, .unprocessableEntity, "values.year", "Jaar"),
                (
                    #"{"values": {"name": "X", "colour": "rood"}}"#, .unprocessableEntity, "values.colour",
                    "onbekend veld \"values.colour\""
                ),
                (#"{"values": {"name": "X"}, "key": "eigen-sleutel"}"#, .unprocessableEntity, "key", "onbekend veld"),
                (#"{"values": {"funder": "VWS"}}"#, .unprocessableEntity, "values.name", "Regeling is verplicht"),
                (
                    #"{"values": {"name": "X", "deadline": "1 maart"}}"#, .unprocessableEntity, "values.deadline",
                    "is geen datum (jjjj-mm-dd)"
                ),
                (#"{"values": {"name": "X"}, "status": "gewonnen"}"#, .unprocessableEntity, "status", "kies uit"),
                (
                    #"{"values": {"name": "X", "planGoals": "flever-jaarplan-2025/ZZ.99"}}"#, .unprocessableEntity,
                    "values.planGoals", "Plandoel ‘flever-jaarplan-2025/ZZ.99’ bestaat niet"
                ),
                (
                    #"{"values": {"name": "X"}, "organisation": "bestaat-niet"}"#, .unprocessableEntity, "organisation",
                    "organisatie ‘bestaat-niet’ bestaat niet"
                ),
                (#"[{"values": {"name": "X"}}]"#, .unprocessableEntity, "", "de body moet een JSON-object zijn"),
                (#"{"values": "#, .unprocessableEntity, "", "ongeldige JSON"),
                ("", .unprocessableEntity, "", "de body is leeg")
            ]
            for (body, status, field, message) in bad {
                let answer = try await Self.send(flever, .POST, "/api/v1/funds", body)
                XCTAssertEqual(answer.status, status, body)
                let error = try Self.object(answer.body)["error"] as? [String: Any]
                let details = try Self.details(answer.body)
                let text = (error?["message"] as? String ?? "") + details.map(\.1).joined(separator: " | ")
                XCTAssertTrue(text.contains(message), "\(body): \(answer.body)")
                if !field.isEmpty { XCTAssertTrue(details.contains { $0.0 == field }, "\(body): \(answer.body)") }
            }
            let tooBig = String(repeating: "a", count: RegisterWriteAPIController.maxBody + 10)
            let big = try await Self.send(flever, .POST, "/api/v1/funds", #"{"values": {"name": "\#(tooBig)"}}"#)
            XCTAssertEqual(big.status, .payloadTooLarge)
            XCTAssertTrue(big.body.contains("De body is groter dan 256 kB"), big.body)
            let badPut = try await Self.send(flever, .PUT, path, #"{"values": {"name": "Zonder versie"}}"#)
            XCTAssertEqual(badPut.status, .unprocessableEntity)
            XCTAssertEqual(try Self.details(badPut.body).map(\.0), ["version"])
            let unknown = try await Self.send(
                flever, .PUT, "/api/v1/funds/bestaat-niet", #"{"version": 1, "values": {"name": "X"}}"#)
            XCTAssertEqual(unknown.status, .notFound)

            let after = try await Flow.count(.funds, app.db)
            XCTAssertEqual(after, before, "nothing written")
            let stored = try await RegisterStore.find(.funds, key: "impulsregeling-mantelzorg", on: app.db)
            XCTAssertEqual(stored.version, 1)
            XCTAssertEqual(stored.title, "Impulsregeling Mantelzorg")
            let auditedAfter = try await AuditEntry.query(on: app.db).filter(\.$entity == "fonds").count()
            XCTAssertEqual(auditedAfter, audited)

            // A write token writes without a CSRF token, as its user (and a beheerder may name any
            // organisation).
            let writeToken = try await Self.token(app, "redacteur-flever@test.example", .schrijven)
            let scripted = try await Browser(app).request(
                .POST, "/api/v1/data-gaps", json: #"{"values": {"wish": "Wachttijden jeugdzorg per gemeente"}}"#,
                headers: Self.bearer(writeToken))
            XCTAssertEqual(scripted.status, .created, scripted.body)
            XCTAssertEqual(try Self.object(scripted.body)["organisation"] as? String, "Flever")
            let admin = try await Flow.browser(app, .beheerder, "provincie-flevoland")
            let forGGD = try await Self.send(
                admin, .POST, "/api/v1/sources",
                #"{"values": {"dataset": "Gezondheidsmonitor 2024", "publisher": "GGD"}, "organisation": "ggd-flevoland"}"#
            )
            XCTAssertEqual(forGGD.status, .created, forGGD.body)
            XCTAssertEqual(try Self.object(forGGD.body)["organisation"] as? String, "GGD Flevoland")
        }
    }

    func testSignalRegionStatusFieldsAndTermOverlap() async throws {
        try await TestApp.with { app in
            try await Flow.seed(app)
            let flever = try await Flow.browser(app, .redacteur, "flever")
            let signals = try await Flow.count(.signals, app.db)
            let signal = """
                {"values": {"signal": "Wachtlijst dagbesteding", "region": "GM9999", "theme": "wonen en zorg",
                 "noticedBy": "Wijkteam Lelystad", "date": "2025-11-20"}, "status": "nieuw"}
                """
            let outside = try await Self.send(flever, .POST, "/api/v1/signals", signal)
            XCTAssertEqual(outside.status, .unprocessableEntity)
            XCTAssertEqual(try Self.details(outside.body).map(\.0), ["values.region"])
            XCTAssertTrue(
                outside.body.contains(
                    "Regio (waar): onbekende regio \\\"GM9999\\\"; kies Flevoland of een van de gemeenten"),
                outside.body)
            let r1 = try await Flow.count(.signals, app.db)
            XCTAssertEqual(r1, signals)

            let created = try await Self.send(
                flever, .POST, "/api/v1/signals", signal.replacingOccurrences(of: "GM9999", with: "GM0995"))
            XCTAssertEqual(created.status, .created, created.body)
            let path = "/api/v1/signals/wachtlijst-dagbesteding"
            // geagendeerd needs the agenda, named by its key.
            let noAgenda = try await Self.send(
                flever, .POST, path + "/status", #"{"status": "geagendeerd", "version": 1}"#)
            XCTAssertEqual(noAgenda.status, .unprocessableEntity)
            XCTAssertEqual(try Self.details(noAgenda.body).map(\.0), ["agenda"])
            XCTAssertTrue(noAgenda.body.contains("Geagendeerd bij (agenda of netwerk) is verplicht om ‘geagendeerd’"))
            let agenda = try await Self.send(
                flever, .POST, path + "/status",
                #"{"status": "geagendeerd", "agenda": "Netwerk Ouderen Lelystad", "version": 1}"#)
            XCTAssertEqual(agenda.status, .ok, agenda.body)
            let values = try Self.object(agenda.body)["values"] as? [String: Any]
            XCTAssertEqual(values?["agenda"] as? String, "Netwerk Ouderen Lelystad")
            let audit = try await AuditEntry.query(on: app.db).filter(\.$entity == "signaal")
                .filter(\.$entityID == "wachtlijst-dagbesteding").sort(\.$at).all()
            XCTAssertEqual(audit.map(\.action), ["aangemaakt", "status gewijzigd"])

            // A term whose validity overlaps the same meaning (the demo's MDT has no end date).
            let terms = try await Flow.count(.terms, app.db)
            let overlap = try await Self.send(
                flever, .POST, "/api/v1/terms",
                #"{"values": {"term": "MDT", "meaning": "Maatschappelijke Diensttijd", "validFrom": "2026-01-01"}}"#)
            XCTAssertEqual(overlap.status, .unprocessableEntity)
            XCTAssertEqual(try Self.details(overlap.body).map(\.0), ["values.validFrom"])
            XCTAssertTrue(overlap.body.contains("dit begrip heeft met deze betekenis al een geldige versie"))
            let r2 = try await Flow.count(.terms, app.db)
            XCTAssertEqual(r2, terms)
            // Terms have no status: no status operation.
            let noStatus = try await Self.send(flever, .POST, "/api/v1/terms/mdt-2/status", #"{"status": "x"}"#)
            XCTAssertEqual(noStatus.status, .notFound)
        }
    }
}
