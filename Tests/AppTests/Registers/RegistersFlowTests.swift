import Fluent
import VitaalDomain
import XCTVapor
import XCTest

@testable import AppCore
@testable import MonitorFeature
@testable import PlansFeature
@testable import RegistersFeature

/// The registers (#18) through the real forms with CSRF, on SQLite and PostgreSQL: create with
/// refused input, status steps (a skip without reason refused), export, API, and who sees and
/// writes what.
final class RegistersFlowTests: XCTestCase {
    static func seed(_ app: Application) async throws {
        app.clock = .fixed(Fixtures.now)  // Monday 1 December 2025
        try await TestApp.seedFoundation(app)
        try await RegistersFeature().loadDemoData(app: app, log: { _ in })
    }

    static func count(_ kind: RegisterKind, _ db: any Database) async throws -> Int {
        try await RegisterEntryRecord.query(on: db).filter(\.$register == kind.rawValue).count()
    }

    static func browser(_ app: Application, _ role: Role, _ organisation: String) async throws -> Browser {
        let (email, password) = try await TestApp.user(app, role: role, organisation: organisation)
        let browser = Browser(app)
        try await browser.login(email, password)
        return browser
    }

    static func list(_ browser: Browser, _ path: String) async throws -> [[String: Any]] {
        let body = try await browser.get(path).body
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [[String: Any]], body)
    }

    static func object(_ browser: Browser, _ path: String) async throws -> [String: Any] {
        let body = try await browser.get(path).body
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any], body)
    }

    func testFundFlowCreateStatusStepsExportAndRoles() async throws {
        try await TestApp.with { app in
            try await Self.seed(app)
            let flever = try await Self.browser(app, .redacteur, "flever")
            let r1 = try await flever.get("/fondsen/nieuw").status
            XCTAssertEqual(r1, .ok)
            let before = try await Self.count(.funds, app.db)

            // Text in a number field and a missing name: 422, messages next to the fields, nothing written.
            let bad = try await flever.post(
                "/fondsen/nieuw", ["regeling": "", "aangevraagd": "veel geld", "jaar": "2026", "status": "ingediend"])
            XCTAssertEqual(bad.status, .unprocessableEntity)
            XCTAssertTrue(bad.body.contains("Regeling is verplicht"))
            XCTAssertTrue(bad.body.contains("Aangevraagd bedrag in euro: \"veel geld\" is geen geheel getal"))
            XCTAssertTrue(bad.body.contains("value=\"2026\""), "the form keeps what was typed")
            let r2 = try await Self.count(.funds, app.db)
            XCTAssertEqual(r2, before)

            // A deadline in the past is a warning: nothing written until it is confirmed.
            let form = [
                "regeling": "Impulsregeling Mantelzorg", "financier": "VWS", "jaar": "2026", "status": "in verkenning",
                "deadline": "2025-11-15", "aangevraagd": "€ 120.000", "eigenaar": "J. de Vries",
                "omvang": "maximaal € 150.000"
            ]
            let warned = try await flever.post("/fondsen/nieuw", form)
            XCTAssertEqual(warned.status, .unprocessableEntity)
            XCTAssertTrue(warned.body.contains("De deadline 15-11-2025 ligt in het verleden"))
            let r3 = try await Self.count(.funds, app.db)
            XCTAssertEqual(r3, before)
            var confirmed = form
            confirmed["toch-opslaan"] = "1"
            let created = try await flever.post("/fondsen/nieuw", confirmed)
            XCTAssertEqual(created.status, .seeOther)
            XCTAssertEqual(created.location, "/fondsen/impulsregeling-mantelzorg?melding=aangemaakt")
            let path = "/fondsen/impulsregeling-mantelzorg"

            // A skip without a reason is refused at the reason field; with a reason it is allowed.
            let skipped = try await flever.post("\(path)/status", ["status": "ingediend"])
            XCTAssertEqual(skipped.status, .unprocessableEntity)
            XCTAssertTrue(
                skipped.body.contains(
                    "van ‘in verkenning’ naar ‘ingediend’ slaat ‘in onderzoek’ en ‘aanvraag in voorbereiding’ over"))
            var stored = try await RegisterStore.find(.funds, key: "impulsregeling-mantelzorg", on: app.db)
            XCTAssertEqual(stored.entry.status, "in verkenning")
            XCTAssertEqual(stored.version, 1)
            let withReason = try await flever.post(
                "\(path)/status", ["status": "ingediend", "reden": "Aanvraag in één keer ingediend met Windesheim"])
            XCTAssertEqual(withReason.status, .seeOther)
            let r4 = try await flever.post("\(path)/status", ["status": "toegekend"]).status
            XCTAssertEqual(r4, .seeOther)
            stored = try await RegisterStore.find(.funds, key: "impulsregeling-mantelzorg", on: app.db)
            XCTAssertEqual(stored.entry.status, "toegekend")
            XCTAssertEqual(stored.entry.values["amountRequested"], "120000")
            XCTAssertEqual(stored.version, 3)
            let audit = try await AuditEntry.query(on: app.db).filter(\.$entity == "fonds")
                .filter(\.$entityID == "impulsregeling-mantelzorg").sort(\.$at).all()
            XCTAssertEqual(audit.map(\.action), ["aangemaakt", "status gewijzigd", "status gewijzigd"])
            XCTAssertTrue(audit[1].summary.contains("reden: Aanvraag in één keer ingediend"))
            let page = try await flever.get(path)
            XCTAssertTrue(page.body.contains("Aanvraag in één keer ingediend met Windesheim"), "the version history")

            // Export: CSV with the internal amount for a logged-in user; the API the same.
            let csv = try await flever.get("/fondsen/export.csv?status=toegekend")
            XCTAssertEqual(csv.status, .ok)
            let lines = csv.body.split(whereSeparator: \.isNewline)
            XCTAssertEqual(lines.count, 2, "header and the one granted fund")
            XCTAssertTrue(lines[1].hasPrefix("impulsregeling-mantelzorg;toegekend;Impulsregeling Mantelzorg;VWS;"))
            XCTAssertTrue(lines[1].contains(";120000;"))
            XCTAssertTrue(lines[1].contains(";J. de Vries;"))
            let xlsx = try await flever.get("/fondsen/export.xlsx")
            XCTAssertEqual(xlsx.headers.first(name: .contentType)?.hasPrefix("application/vnd.openxmlformats"), true)

            // Anonymous visitors: public fields only, on the page, in the export and in the API.
            let anonymous = Browser(app)
            let publicPage = try await anonymous.get(path)
            XCTAssertTrue(publicPage.body.contains("Impulsregeling Mantelzorg"))
            XCTAssertFalse(publicPage.body.contains("J. de Vries"))
            XCTAssertFalse(publicPage.body.contains("120.000"))
            let r5 = try await anonymous.get("/fondsen/export.csv").body.contains("J. de Vries")
            XCTAssertFalse(r5)
            let api = try await Self.object(anonymous, "/api/v1/funds/impulsregeling-mantelzorg")
            let values = try XCTUnwrap(api["values"] as? [String: Any])
            XCTAssertEqual(api["status"] as? String, "toegekend")
            XCTAssertNil(values["amountRequested"])
            XCTAssertNil(values["owner"])
            XCTAssertEqual(values["year"] as? Int, 2026)
            let lezer = try await Self.browser(app, .lezer, "provincie-flevoland")
            let internalAPI = try await Self.object(lezer, "/api/v1/funds/impulsregeling-mantelzorg")
            XCTAssertEqual((internalAPI["values"] as? [String: Any])?["amountRequested"] as? Int, 120_000)

            // Who may not write: a lezer, and a redacteur of another organisation.
            let r6 = try await lezer.post("/fondsen/nieuw", form).status
            XCTAssertEqual(r6, .forbidden)
            let ggd = try await Self.browser(app, .redacteur, "ggd-flevoland")
            let r7 = try await ggd.post("\(path)/status", ["status": "afgewezen", "reden": "x"]).status
            XCTAssertEqual(r7, .forbidden)
            let r8 = try await ggd.post("\(path)/bewerken", ["regeling": "Gekaapt"]).status
            XCTAssertEqual(r8, .forbidden)
            let r9 = try await anonymous.post("\(path)/status", ["status": "afgewezen"]).status
            XCTAssertEqual(r9, .unauthorized)
            stored = try await RegisterStore.find(.funds, key: "impulsregeling-mantelzorg", on: app.db)
            XCTAssertEqual(stored.entry.status, "toegekend")
            XCTAssertEqual(stored.title, "Impulsregeling Mantelzorg")
        }
    }

    func testCommitmentFlowMotionWithoutDateAndClosingByLetter() async throws {
        try await TestApp.with { app in
            try await Self.seed(app)
            let province = try await Self.browser(app, .redacteur, "provincie-flevoland")
            let before = try await Self.count(.commitments, app.db)
            let noDate = try await province.post(
                "/toezeggingen/nieuw",
                ["soort": "motie", "titel": "Motie wachtlijsten jeugdzorg", "eigenaar": "Team Z&W"])
            XCTAssertEqual(noDate.status, .unprocessableEntity)
            XCTAssertTrue(noDate.body.contains("Datum is verplicht"))
            let r10 = try await Self.count(.commitments, app.db)
            XCTAssertEqual(r10, before)
            let created = try await province.post(
                "/toezeggingen/nieuw",
                [
                    "soort": "motie", "titel": "Motie wachtlijsten jeugdzorg", "datum": "2025-10-08",
                    "eigenaar": "Team Z&W", "status": "open"
                ])
            XCTAssertEqual(created.status, .seeOther)
            let path = "/toezeggingen/motie-wachtlijsten-jeugdzorg"

            // Closing needs the answer or letter that closed it.
            let unclosed = try await province.post("\(path)/status", ["status": "afgedaan"])
            XCTAssertEqual(unclosed.status, .unprocessableEntity)
            XCTAssertTrue(
                unclosed.body.contains("Afgedaan met (antwoord of brief) is verplicht om ‘afgedaan’ te kiezen"))
            let closed = try await province.post(
                "\(path)/status", ["status": "afgedaan", "afgedaan-met": "Mededeling 4 november 2025"])
            XCTAssertEqual(closed.status, .seeOther)
            let reopened = try await province.post("\(path)/status", ["status": "open"])
            XCTAssertEqual(reopened.status, .unprocessableEntity, "a step back needs a reason")
            let stored = try await RegisterStore.find(.commitments, key: "motie-wachtlijsten-jeugdzorg", on: app.db)
            XCTAssertEqual(stored.entry.status, "afgedaan")
            XCTAssertEqual(stored.entry.values["closedBy"], "Mededeling 4 november 2025")

            // Filters shared by page, export and API.
            let motions = try await Self.list(province, "/api/v1/commitments?soort=motie")
            XCTAssertEqual(
                motions.compactMap { $0["key"] as? String }.sorted(),
                [
                    "motie-2024-11-13-rol-provincie", "motie-wachtlijsten-jeugdzorg"
                ])
            let csv = try await province.get("/toezeggingen/export.csv?soort=motie&status=afgedaan")
            XCTAssertEqual(csv.body.split(whereSeparator: \.isNewline).count, 2)
            XCTAssertTrue(csv.body.contains("Mededeling 4 november 2025"))
            let r11 = try await province.get("/api/v1/commitments?soort=brief").status
            XCTAssertEqual(r11, .unprocessableEntity)

            let anonymous = Browser(app)
            let page = try await anonymous.get(path)
            XCTAssertTrue(page.body.contains("Mededeling 4 november 2025"))
            XCTAssertFalse(page.body.contains("Team Z&amp;W"), "the owner is internal")
            let r12 = try await province.get(path).body.contains("Team Z&amp;W")
            XCTAssertTrue(r12)

            let flever = try await Self.browser(app, .redacteur, "flever")
            let refused = try await flever.post("\(path)/status", ["status": "open", "reden": "heropend"])
            XCTAssertEqual(refused.status, .forbidden)
            let r13 = try await Self.browser(app, .lezer, "flever").post("/toezeggingen/nieuw").status
            XCTAssertEqual(r13, .forbidden)
        }
    }

    func testTermFlowOverlappingValidityVersionsAndMeaningsSideBySide() async throws {
        try await TestApp.with { app in
            try await Self.seed(app)
            let flever = try await Self.browser(app, .redacteur, "flever")
            let before = try await Self.count(.terms, app.db)
            // The demo's MDT "Maatschappelijke Diensttijd" has no end date: a second one overlaps.
            let overlap = try await flever.post(
                "/begrippen/nieuw",
                ["term": "MDT", "betekenis": "Maatschappelijke Diensttijd", "geldig-van": "2026-01-01"])
            XCTAssertEqual(overlap.status, .unprocessableEntity)
            XCTAssertTrue(
                overlap.body.contains(
                    "dit begrip heeft met deze betekenis al een geldige versie in deze periode (mdt-2)"))
            let r14 = try await Self.count(.terms, app.db)
            XCTAssertEqual(r14, before)

            // End the old meaning first (an edit: a new version), then the new period is accepted.
            let ended = try await flever.post(
                "/begrippen/mdt-2/bewerken",
                [
                    "term": "MDT", "betekenis": "Maatschappelijke Diensttijd", "geldig-tot": "2025-12-31",
                    "bron": RegisterDemoData.jaarplanTerms
                ])
            XCTAssertEqual(ended.status, .seeOther)
            let created = try await flever.post(
                "/begrippen/nieuw",
                ["term": "MDT", "betekenis": "Maatschappelijke Diensttijd", "geldig-van": "2026-01-01", "bron": "Test"])
            XCTAssertEqual(created.status, .seeOther)
            let r15 = try await Self.count(.terms, app.db)
            XCTAssertEqual(r15, before + 1)
            let history = try await flever.get("/begrippen/mdt-2")
            XCTAssertTrue(history.body.contains("Geldig tot en met"), "the changed field is named in the version list")
            let r16 = try await RegisterStore.find(.terms, key: "mdt-2", on: app.db).version
            XCTAssertEqual(r16, 2)

            let list = try await Browser(app).get("/begrippen?q=mdt")
            XCTAssertTrue(list.body.contains("Afkortingen met meer dan één betekenis"))
            XCTAssertTrue(list.body.contains("Programma van het ministerie maatschappelijke diensttijd"))
            let csv = try await flever.get("/begrippen/export.csv?q=diensttijd")
            XCTAssertEqual(csv.body.split(whereSeparator: \.isNewline).count, 4, "header and three MDT lines")
            let ggd = try await Self.browser(app, .redacteur, "ggd-flevoland")
            let r17 = try await ggd.post("/begrippen/mdt/bewerken", ["term": "MDT", "betekenis": "x"]).status
            XCTAssertEqual(r17, .forbidden)
        }
    }

    func testDemoContentEqualsTheDocuments() async throws {
        try await TestApp.with { app in
            try await Self.seed(app)
            let anonymous = Browser(app)
            let funds = try await Self.list(anonymous, "/api/v1/funds")
            XCTAssertEqual(funds.count, 12)
            let stoz = try XCTUnwrap(funds.first { $0["key"] as? String == "stoz" })
            let stozValues = try XCTUnwrap(stoz["values"] as? [String: Any])
            XCTAssertEqual(stozValues["amountMax"] as? Int, 750_000)
            XCTAssertEqual(stozValues["amountMin"] as? Int, 25_000)
            XCTAssertEqual(stoz["status"] as? String, "in onderzoek")
            XCTAssertEqual(
                stozValues["source"] as? String,
                "Flever, Jaarplan 2025, Bijlage 2: Overzicht van inzet op fondsenwerving")
            let stozPage = try await anonymous.get("/fondsen/stoz")
            XCTAssertTrue(stozPage.body.contains("€ 750.000"))
            XCTAssertTrue(stozPage.body.contains("€ 25.000"))

            // Bijlage 3 (52 lines), the CMO's afkortingen (16) and the Regioplan's Woordenlijst (44);
            // eight lines of the last two give a meaning Bijlage 3 already has and join its entry.
            let terms = try await Self.list(anonymous, "/api/v1/terms")
            XCTAssertEqual(terms.count, 104)
            let gala = try XCTUnwrap(terms.first { $0["key"] as? String == "gala" }?["values"] as? [String: Any])
            XCTAssertEqual(
                gala["sourceDocument"] as? String,
                "Flever, Jaarplan 2025, Bijlage 3: Definitielijst; Regioplan IZA Flevoland, Woordenlijst")
            let zonmw = try await anonymous.get("/begrippen?term=ZonMw")
            XCTAssertTrue(zonmw.body.contains("2 van 104 vermeldingen"))
            XCTAssertTrue(zonmw.body.contains("Organisatie gezondheidsonderzoek en zorginnovatie"))
            XCTAssertTrue(zonmw.body.contains("ZorgOnderzoek Nederland (ZON)"))
            let meanings = Dictionary(grouping: terms.compactMap { $0["values"] as? [String: Any] }) {
                $0["term"] as? String ?? ""
            }
            for abbreviation in ["MDT", "PG", "UWV"] {
                XCTAssertEqual(meanings[abbreviation]?.count, 2, abbreviation)
            }
            XCTAssertEqual(
                Set(meanings["PG"]?.compactMap { $0["meaning"] as? String } ?? []),
                ["Programma Positieve Gezondheid van Flever", "Positieve Gezondheid"])

            let commitments = try await Self.list(anonymous, "/api/v1/commitments")
            let dated = Set(
                commitments.compactMap { $0["values"] as? [String: Any] }.map {
                    "\($0["kind"] as? String ?? "") \($0["date"] as? String ?? "")"
                })
            XCTAssertEqual(
                dated,
                [
                    "toezegging 2024-06-05", "toezegging 2024-07-17", "motie 2024-11-13", "mededeling 2024-07-02",
                    "mededeling 2024-07-16", "mededeling 2024-10-22", "mededeling 2024-11-14"
                ])
            // Lists: commitments newest first; terms in the same order on SQLite and PostgreSQL
            // (case ignored, so both ways of writing "brede welvaart" stand together).
            XCTAssertEqual(commitments.first?["key"] as? String, "mededeling-2024-11-14-zorgzaam-flevoland")
            let termKeys = terms.compactMap { $0["key"] as? String }
            let brede = try XCTUnwrap(termKeys.firstIndex(of: "brede-welvaart"))
            XCTAssertEqual(termKeys[brede + 1], "brede-welvaart-2")
            XCTAssertEqual(termKeys.first, "a-o")
            let index = try await anonymous.get("/registers")
            XCTAssertTrue(index.body.contains("12 vermeldingen"))
        }
    }

    func testSignalFlowPathPublicSummaryAndRoles() async throws {
        try await TestApp.with { app in
            try await Self.seed(app)
            let flever = try await Self.browser(app, .redacteur, "flever")
            let before = try await Self.count(.signals, app.db)
            XCTAssertEqual(before, RegisterDemoData.signals.count)
            let form = try await flever.get("/signalen/nieuw")
            XCTAssertEqual(form.status, .ok)
            XCTAssertTrue(form.body.contains("<option value=\"GM0184\">Urk</option>"), "regions to choose from")

            // Unknown region and missing date: 422, messages at the fields, nothing written.
            let bad = try await flever.post(
                "/signalen/nieuw",
                [
                    "signaal": "Wachtlijst dagbesteding", "regio": "GM9999", "thema": "wonen en zorg",
                    "opgemerkt-door": "Wijkteam", "status": "nieuw"
                ])
            XCTAssertEqual(bad.status, .unprocessableEntity)
            XCTAssertTrue(
                bad.body.contains("Regio (waar): onbekende regio \"GM9999\"; kies Flevoland of een van de gemeenten"))
            XCTAssertTrue(bad.body.contains("Datum is verplicht"))
            XCTAssertTrue(bad.body.contains("value=\"Wachtlijst dagbesteding\""), "the form keeps what was typed")
            let r1 = try await Self.count(.signals, app.db)
            XCTAssertEqual(r1, before)

            let created = try await flever.post(
                "/signalen/nieuw",
                [
                    "signaal": "Wachtlijst dagbesteding", "regio": "GM0995", "thema": "wonen en zorg",
                    "opgemerkt-door": "Wijkteam Lelystad", "datum": "2025-11-20", "status": "nieuw",
                    "eigenaar": "A. Jansen"
                ])
            XCTAssertEqual(created.status, .seeOther)
            XCTAssertEqual(created.location, "/signalen/wachtlijst-dagbesteding?melding=aangemaakt")
            let path = "/signalen/wachtlijst-dagbesteding"

            // geagendeerd needs the agenda; a skip to opgevolgd needs a reason and the follow-up.
            let noAgenda = try await flever.post("\(path)/status", ["status": "geagendeerd"])
            XCTAssertEqual(noAgenda.status, .unprocessableEntity)
            XCTAssertTrue(
                noAgenda.body.contains("Geagendeerd bij (agenda of netwerk) is verplicht om ‘geagendeerd’ te kiezen"))
            let skip = try await flever.post(
                "\(path)/status", ["status": "opgevolgd", "opvolging": "Besproken met de gemeente"])
            XCTAssertEqual(skip.status, .unprocessableEntity)
            XCTAssertTrue(
                skip.body.contains(
                    "van ‘nieuw’ naar ‘opgevolgd’ slaat ‘geagendeerd’ en ‘in behandeling’ over; geef een reden"))
            var stored = try await RegisterStore.find(.signals, key: "wachtlijst-dagbesteding", on: app.db)
            XCTAssertEqual(stored.entry.status, "nieuw")
            XCTAssertEqual(stored.version, 1)
            let agenda = try await flever.post(
                "\(path)/status", ["status": "geagendeerd", "agenda": "Netwerk Ouderen Lelystad"])
            XCTAssertEqual(agenda.status, .seeOther)
            let back = try await flever.post("\(path)/status", ["status": "nieuw"])
            XCTAssertEqual(back.status, .unprocessableEntity, "a step back needs a reason")
            let done = try await flever.post(
                "\(path)/status",
                [
                    "status": "opgevolgd", "reden": "Direct opgepakt door de gemeente",
                    "opvolging": "Extra plekken per 2026"
                ])
            XCTAssertEqual(done.status, .seeOther)
            stored = try await RegisterStore.find(.signals, key: "wachtlijst-dagbesteding", on: app.db)
            XCTAssertEqual(stored.entry.status, "opgevolgd")
            XCTAssertEqual(stored.entry.values["agenda"], "Netwerk Ouderen Lelystad")
            XCTAssertEqual(stored.entry.values["followUp"], "Extra plekken per 2026")
            XCTAssertEqual(stored.version, 3)
            let audit = try await AuditEntry.query(on: app.db).filter(\.$entity == "signaal")
                .filter(\.$entityID == "wachtlijst-dagbesteding").sort(\.$at).all()
            XCTAssertEqual(audit.map(\.action), ["aangemaakt", "status gewijzigd", "status gewijzigd"])
            XCTAssertTrue(audit[2].summary.contains("reden: Direct opgepakt door de gemeente"))

            // Internal list, filters and export for a logged-in lezer.
            let lezer = try await Self.browser(app, .lezer, "ggd-flevoland")
            let list = try await lezer.get("/signalen?thema=wonen+en+zorg")
            XCTAssertTrue(list.body.contains("Wachtlijst dagbesteding"))
            XCTAssertTrue(list.body.contains("Lelystad"), "the region by name")
            XCTAssertFalse(list.body.contains("Eenzaamheid onder oudere inwoners"), "filtered on theme")
            let csv = try await lezer.get("/signalen/export.csv?status=opgevolgd")
            let lines = csv.body.split(whereSeparator: \.isNewline)
            XCTAssertEqual(lines.count, 3, "header, the new one and the demo's vacatures-wijkverpleging")
            XCTAssertTrue(csv.body.contains("wachtlijst-dagbesteding;opgevolgd;Wachtlijst dagbesteding;"))
            XCTAssertTrue(csv.body.contains("A. Jansen"))
            let xlsx = try await lezer.get("/signalen/export.xlsx")
            XCTAssertEqual(xlsx.headers.first(name: .contentType)?.hasPrefix("application/vnd.openxmlformats"), true)
            let api = try await Self.object(lezer, "/api/v1/signals/wachtlijst-dagbesteding")
            XCTAssertEqual((api["values"] as? [String: Any])?["region"] as? String, "GM0995")
            XCTAssertEqual(api["isExample"] as? Bool, false)

            // Anonymous visitors: counts per theme and region only, small counts suppressed; no
            // entries, no export, no API list.
            let anonymous = Browser(app)
            let summary = try await anonymous.get("/signalen")
            XCTAssertEqual(summary.status, .ok)
            XCTAssertTrue(summary.body.contains("Signalen per thema"))
            XCTAssertFalse(summary.body.contains("Wachtlijst dagbesteding"))
            XCTAssertFalse(summary.body.contains("A. Jansen"))
            XCTAssertFalse(summary.body.contains("Wijkteam"))
            let counts = try await Self.object(anonymous, "/api/v1/signals/summary")
            let total = try XCTUnwrap(counts["total"] as? [String: Any])
            XCTAssertEqual(total["count"] as? Int, RegisterDemoData.signals.count + 1)
            let themes = try XCTUnwrap(counts["themes"] as? [[String: Any]])
            XCTAssertEqual(themes.compactMap { $0["code"] as? String }, RegisterDefinitions.signalThemes)
            // Every theme has fewer than 5 signals: all hidden, none computable from the total.
            XCTAssertTrue(themes.allSatisfy { $0["count"] is NSNull && $0["suppressed"] as? String == "primary" })
            for hidden in ["/api/v1/signals", "/api/v1/signals/wachtlijst-dagbesteding"] {
                let status = try await anonymous.get(hidden).status
                XCTAssertEqual(status, .unauthorized, hidden)
            }
            for page in [path, "/signalen/export.csv"] {
                let response = try await anonymous.get(page)
                XCTAssertEqual(response.status, .seeOther, page)
                XCTAssertEqual(response.location?.hasPrefix("/inloggen"), true, "to the login page: \(page)")
            }

            // Writers: the redacteur of another organisation and a lezer may not change it.
            let ggd = try await Self.browser(app, .redacteur, "ggd-flevoland")
            let r2 = try await ggd.post("\(path)/status", ["status": "niet opgepakt", "reden": "x"]).status
            XCTAssertEqual(r2, .forbidden)
            let r3 = try await lezer.post("/signalen/nieuw", ["signaal": "x"]).status
            XCTAssertEqual(r3, .forbidden)
            let demo = try await lezer.get("/signalen/onbegrepen-gedrag-almere")
            XCTAssertTrue(demo.body.contains("voorbeelddata"))
            XCTAssertTrue(demo.body.contains("Flever, Jaarplan 2025, Bijlage 1: Netwerken"))
            // Its links to indicators, goals and networks: RegisterLinksFlowTests (with the monitor,
            // plans and social map loaded).
        }
    }

    func testSourcesGapsAndTheLinksFromIndicatorAndPlanPages() async throws {
        try await TestApp.with { app in
            app.clock = .fixed(Fixtures.now)
            try await MonitorTestSupport.seedDemo(app)
            try await PlansFeature().loadDemoData(app: app, log: { _ in })
            try await RegistersFeature().loadDemoData(app: app, log: { _ in })
            let anonymous = Browser(app)

            // The catalogue: the real CBS tables, and which public indicators each feeds.
            let list = try await anonymous.get("/bronnen")
            XCTAssertTrue(list.body.contains("Gezondheidsmonitor; bevolking 18 jaar of ouder, regio, 2020"))
            XCTAssertTrue(list.body.contains("href=\"/ontbrekende-gegevens\""), "the data gaps are linked")
            let sources = try await Self.list(anonymous, "/api/v1/sources")
            XCTAssertEqual(
                Set(sources.compactMap { ($0["values"] as? [String: Any])?["tableId"] as? String }),
                ["70072ned", "85012NED", "85984NED"])
            let licences = Set(sources.compactMap { ($0["values"] as? [String: Any])?["licence"] as? String })
            XCTAssertEqual(licences, ["CC BY 4.0"])
            let health = try await anonymous.get("/bronnen/cbs-85012ned")
            XCTAssertTrue(
                health.body.contains("<a href=\"/monitor/indicator/gm_rokers\">Rokers</a> (<code>gm_rokers</code>)"))

            // The indicator page's "Bron" links to the catalogue entry.
            let indicator = try await anonymous.get("/monitor/indicator/gm_rokers")
            XCTAssertEqual(indicator.status, .ok)
            XCTAssertTrue(
                indicator.body.contains(
                    "in de bronnencatalogus: <a href=\"/bronnen/cbs-85012ned\">Gezondheidsmonitor; bevolking 18 jaar "
                        + "of ouder, regio, 2020 (85012NED)</a>"), indicator.body)

            // A data gap: create, change status (a skip needs a reason), export; audited.
            let province = try await Self.browser(app, .redacteur, "provincie-flevoland")
            let created = try await province.post(
                "/ontbrekende-gegevens/nieuw",
                ["wens": "Wachttijden GGZ per gemeente", "eigenaar": "GGD Flevoland", "status": "gesignaleerd"])
            XCTAssertEqual(created.status, .seeOther)
            let gap = "/ontbrekende-gegevens/wachttijden-ggz-per-gemeente"
            let skipped = try await province.post("\(gap)/status", ["status": "beschikbaar"])
            XCTAssertEqual(skipped.status, .unprocessableEntity)
            let found = try await province.post("\(gap)/status", ["status": "in onderzoek"])
            XCTAssertEqual(found.status, .seeOther)
            let csv = try await anonymous.get("/ontbrekende-gegevens/export.csv?status=in+onderzoek")
            XCTAssertTrue(csv.body.contains("wachttijden-ggz-per-gemeente;in onderzoek;Wachttijden GGZ per gemeente;"))
            let audit = try await AuditEntry.query(on: app.db).filter(\.$entity == "ontbrekende gegevens").count()
            XCTAssertEqual(audit, 2 + RegisterDemoData.dataGaps.count)

            // The plan report for the Staten: no commitment is linked, so all open ones are listed.
            let report = "/plannen/\(PlansFeatureTests.flever)/rapport"
            var page = try await anonymous.get(report)
            XCTAssertTrue(page.body.contains("Openstaande toezeggingen, moties en mededelingen"))
            XCTAssertTrue(page.body.contains("Geen ervan is aan dit plan gekoppeld"))
            XCTAssertTrue(page.body.contains("Concretiseer rol provincie binnen Zorg en Welzijn in Flevoland"))
            XCTAssertTrue(page.body.contains("Ambulance aanrijtijden"))
            // Once one is linked to the plan, the report lists that one; closed ones never.
            let edit = "/toezeggingen/motie-2024-11-13-rol-provincie/bewerken"
            let linked = try await province.post(
                edit,
                [
                    "soort": "motie", "titel": "Concretiseer rol provincie binnen Zorg en Welzijn in Flevoland",
                    "datum": "2024-11-13", "koppelingen": PlansFeatureTests.flever, "bron": RegisterDemoData.session
                ])
            XCTAssertEqual(linked.status, .seeOther)
            page = try await anonymous.get(report + "?soort=jaarverslag&jaar=2025")
            XCTAssertTrue(page.body.contains("Aan dit plan gekoppeld en nog niet afgedaan."))
            XCTAssertTrue(page.body.contains("Concretiseer rol provincie"))
            XCTAssertFalse(page.body.contains("Ambulance aanrijtijden"))

            // Terms in goal descriptions link to the definition list: the longer "HCA ZWF" over
            // "HCA"; "PG" with two meanings to the list that shows both.
            let plan = try await anonymous.get("/plannen/\(PlansFeatureTests.flever)")
            XCTAssertTrue(plan.body.contains("<a class=\"term-link\" href=\"/begrippen/hca-zwf\">HCA ZWF</a>"))
            let glossary = try await RegisterReader.glossary(on: app.db)
            XCTAssertEqual(glossary.first { $0.term == "PG" }?.target, "/begrippen?term=PG")
            let both = try await anonymous.get("/begrippen?term=PG")
            XCTAssertTrue(both.body.contains("2 van 104 vermeldingen"))
        }
    }
}
