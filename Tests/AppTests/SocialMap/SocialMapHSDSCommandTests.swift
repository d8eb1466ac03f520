import Fluent
import VitaalDomain
import XCTVapor
import XCTest

@testable import AppCore
@testable import SocialMapFeature

final class SocialMapHSDSCommandTests: XCTestCase {
    typealias S = SocialMapTestSupport

    /// export → import (fresh database) → export gives the same bytes, for the datapackage and for
    /// the HSDS 3.0 JSON file; importing the same export again changes nothing either.
    func testRoundTripThroughCLIAndDatabaseIsByteIdentical() async throws {
        let first = S.tempDir("export1")
        let second = S.tempDir("export2")
        let third = S.tempDir("export3")
        let fourth = S.tempDir("export4")
        defer { for d in [first, second, third, fourth] { try? FileManager.default.removeItem(at: d) } }
        try await TestApp.with { app in
            try await S.seed(app)
            // An imported package with extra columns and a foreign taxonomy joins the demo data.
            let pkg = try S.writePackage()
            defer { try? FileManager.default.removeItem(at: pkg) }
            try await app.execute(command: ["vitaal", "import", "hsds", pkg.path])
            try await app.execute(command: ["vitaal", "export", "hsds", first.path])
        }
        let exported = S.files(in: first)
        let json = HSDSFiles.jsonFileName
        let tabular = exported.filter { $0.key != json }
        XCTAssertEqual(tabular.count, 11, "datapackage.json and 10 CSV files")
        XCTAssertNotNil(exported[json])
        let orgs = String(decoding: exported["organizations.csv"]!, as: UTF8.self)
        XCTAssertTrue(
            orgs.hasPrefix(
                "id,name,alternate_name,description,email,url,year_incorporated,x_last_checked,x_is_example,kvk_nummer\n"
            ), orgs)
        XCTAssertTrue(
            orgs.contains(
                "org-1,Buurtkracht Lelystad,,\"Bewoners, samen\",,https://buurtkracht.example.nl,2021,,false,12345678\n"
            ), "extra column kept")
        XCTAssertFalse(orgs.contains("\r"))

        // Tabular: import the folder into a fresh database and export again.
        try await TestApp.with { app in
            try await TestApp.seedFoundation(app)
            try await app.execute(command: ["vitaal", "import", "hsds", first.path])
            try await app.execute(command: ["vitaal", "export", "hsds", second.path])
            // Importing the same package again (its datapackage.json named directly) changes nothing.
            try await app.execute(command: [
                "vitaal", "import", "hsds", first.appendingPathComponent("datapackage.json").path
            ])
            try await app.execute(command: ["vitaal", "export", "hsds", third.path])
        }
        XCTAssertEqual(S.files(in: second).filter { $0.key != json }, tabular)
        XCTAssertEqual(S.files(in: third).filter { $0.key != json }, tabular)
        // HSDS 3.0 JSON on its own: byte-identical JSON, and the same datapackage too.
        try await TestApp.with { app in
            try await TestApp.seedFoundation(app)
            try await app.execute(command: ["vitaal", "import", "hsds", first.appendingPathComponent(json).path])
            try await app.execute(command: ["vitaal", "export", "hsds", fourth.path])
        }
        XCTAssertEqual(S.files(in: fourth), exported)
    }

    /// Open Referral's HSDS 2.0 shape (singular resource names, every 2.0 table; fixture in
    /// Tests/Fixtures/hsds/openreferral-2.0) imports through the CLI, and export → import (fresh database)
    /// → export gives the same bytes, with the tables Vitaal does not model kept.
    func testOpenReferral20PackageImportsAndRoundTripsThroughTheDatabase() async throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures/hsds/openreferral-2.0/datapackage.json")
        let first = S.tempDir("or-export1")
        let second = S.tempDir("or-export2")
        defer { for d in [first, second] { try? FileManager.default.removeItem(at: d) } }
        try await TestApp.with { app in
            try await TestApp.seedFoundation(app)
            let (summary, notes) = try await HSDSFiles.importPath(fixture.path, on: app.db, at: app.clock.now())
            XCTAssertEqual(notes, [])
            XCTAssertTrue("\(summary)".contains("1 HSDS-tabellen (1 nieuw, 0 bijgewerkt)"), "\(summary)")
            try await app.execute(command: ["vitaal", "import", "hsds", fixture.path])
            let register = try await SocialMapStore.load(on: app.db)
            XCTAssertEqual(register.services.map(\.name), ["Koffieochtend De Schouw", "Voedselpakket"])
            XCTAssertEqual(register.otherHSDSTables.map(\.name), ["meta_table_descriptions"])
            try await app.execute(command: ["vitaal", "export", "hsds", first.path, "--intern"])
        }
        let exported = S.files(in: first)
        let written = Set(exported.keys)
        for table in [
            "programs", "postal_addresses", "regular_schedules", "holiday_schedules", "funding", "eligibility",
            "service_areas", "required_documents", "payments_accepted", "languages", "accessibility_for_disabilities",
            "metadata", "meta_table_descriptions"
        ] {
            XCTAssertTrue(written.contains("\(table).csv"), table)
        }
        let schedules = String(decoding: exported["regular_schedules.csv"]!, as: UTF8.self)
        XCTAssertTrue(
            schedules.contains(
                "c517a7ab-000c-4c1e-9d00-000000000003,,70c25266-0007-4c1e-9d00-000000000002,,5,13:00:00,16:00:00\n"),
            schedules)
        try await TestApp.with { app in
            try await TestApp.seedFoundation(app)
            try await app.execute(command: ["vitaal", "import", "hsds", first.path])
            try await app.execute(command: ["vitaal", "export", "hsds", second.path, "--intern"])
        }
        XCTAssertEqual(S.files(in: second), exported)
    }

    /// Open Referral's published sample datapackage, as published (fixture in
    /// Tests/Fixtures/hsds/openreferral-published): imports through the database with a note about the one
    /// position outside the Netherlands, and export → import (fresh database) → export gives the same bytes.
    func testOpenReferralPublishedSampleImportsAndRoundTripsThroughTheDatabase() async throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(
                "Fixtures/hsds/openreferral-published/sample-all_resources/datapackage.json")
        let first = S.tempDir("or-sample1")
        let second = S.tempDir("or-sample2")
        defer { for d in [first, second] { try? FileManager.default.removeItem(at: d) } }
        try await TestApp.with { app in
            try await TestApp.seedFoundation(app)
            let (summary, notes) = try await HSDSFiles.importPath(fixture.path, on: app.db, at: app.clock.now())
            XCTAssertTrue("\(summary)".hasPrefix("10 organisaties (10 nieuw, 0 bijgewerkt)"), "\(summary)")
            XCTAssertEqual(
                notes.map(\.description),
                [
                    "locations.csv, regel 3 (veld \"latitude\"): coördinaten 39.428192, -119.897426 liggen buiten "
                        + "Nederland; locatie zonder kaartpositie opgenomen"
                ])
            let register = try await SocialMapStore.load(on: app.db)
            XCTAssertEqual(register.services.count, 13)
            XCTAssertNil(register.location("30b83ee0-64a1-11e6-8b77-86f30ca893d3")?.latitude)
            try await app.execute(command: ["vitaal", "export", "hsds", first.path, "--intern"])
        }
        let exported = S.files(in: first)
        try await TestApp.with { app in
            try await TestApp.seedFoundation(app)
            try await app.execute(command: ["vitaal", "import", "hsds", first.path])
            try await app.execute(command: ["vitaal", "export", "hsds", second.path, "--intern"])
        }
        XCTAssertEqual(S.files(in: second), exported)
    }

    func testImportLinksNewEntriesToTheMaintainingOrganisation() async throws {
        try await TestApp.with { app in
            try await TestApp.seedFoundation(app)
            let pkg = try S.writePackage()
            defer { try? FileManager.default.removeItem(at: pkg) }
            try await app.execute(command: ["vitaal", "import", "hsds", pkg.path, "--organisatie", "welzijn-lelystad"])
            let welzijn = try await Organisation.query(on: app.db).filter(\.$slug == "welzijn-lelystad").first()
            let svc = try await SocialMapServiceRecord.query(on: app.db).filter(\.$key == "svc-1").first()
            XCTAssertNotNil(welzijn?.id)
            XCTAssertEqual(svc?.maintainerID, welzijn?.id)
            let audit = try await AuditEntry.query(on: app.db).filter(\.$action == "import").all()
            XCTAssertEqual(audit.count, 1)
            XCTAssertTrue(audit[0].summary.contains("2 organisaties (2 nieuw, 0 bijgewerkt)"), audit[0].summary)
        }
    }

    /// A partner's package (`--organisatie`) never silently overwrites what another organisation keeps up to
    /// date: the import is refused naming the records and their maintainer, nothing is written; the same
    /// organisation may re-import its own records; `--ook-van-anderen` overwrites on purpose.
    func testAPartnersPackageDoesNotOverwriteAnotherOrganisationsRecords() async throws {
        try await TestApp.with { app in
            try await TestApp.seedFoundation(app)
            let pkg = try S.writePackage()
            defer { try? FileManager.default.removeItem(at: pkg) }
            try await app.execute(command: ["vitaal", "import", "hsds", pkg.path, "--organisatie", "welzijn-lelystad"])
            // The same organisation again: its own records, allowed.
            try await app.execute(command: ["vitaal", "import", "hsds", pkg.path, "--organisatie", "welzijn-lelystad"])
            let before = try await S.counts(app.db)
            let audits = try await AuditEntry.query(on: app.db).filter(\.$action == "import").count()
            XCTAssertEqual(audits, 2)

            // Another organisation's package with the same records: refused, naming them and the maintainer.
            let error = await S.vitaalError {
                try await app.execute(command: ["vitaal", "import", "hsds", pkg.path, "--organisatie", "flever"])
            }
            let messages = error?.problems.map(\.message) ?? []
            for record in ["organisatie ‘org-1’", "dienst ‘svc-1’"] {
                XCTAssertTrue(messages.contains("\(record) wordt bijgehouden door Welzijn Lelystad"), "\(messages)")
            }
            XCTAssertTrue(error?.message.contains("--ook-van-anderen") ?? false, String(describing: error))
            let after = try await S.counts(app.db)
            XCTAssertEqual(after, before)
            let unchanged = try await AuditEntry.query(on: app.db).filter(\.$action == "import").count()
            XCTAssertEqual(unchanged, 2)

            // On purpose: written, and the maintainer stays Welzijn Lelystad (existing records keep theirs).
            try await app.execute(command: [
                "vitaal", "import", "hsds", pkg.path, "--organisatie", "flever", "--ook-van-anderen"
            ])
            let welzijn = try await Organisation.query(on: app.db).filter(\.$slug == "welzijn-lelystad").first()
            let service = try await SocialMapServiceRecord.query(on: app.db).filter(\.$key == "svc-1").first()
            XCTAssertEqual(service?.maintainerID, welzijn?.id)
            let written = try await AuditEntry.query(on: app.db).filter(\.$action == "import").count()
            XCTAssertEqual(written, 3)
        }
    }

    /// Each bad package is refused with file, line and field, and nothing is written.
    func testBadPackagesAreRefusedWithPlaceAndWriteNothing() async throws {
        struct Case {
            let name: String
            let replace: [String: String]
            let file: String
            let line: Int?
            let field: String
            let text: String
        }
        let cases = [
            Case(
                name: "verplicht veld", replace: ["organizations.csv": "id,name\norg-1,Buurtkracht\norg-2,\n"],
                file: "organizations.csv", line: 3, field: "name", text: "verplicht veld ontbreekt"),
            Case(
                name: "losse verwijzing",
                replace: ["services.csv": "id,organization_id,name\nsvc-1,org-1,Buurtkamer\nsvc-2,org-404,Koffie\n"],
                file: "services.csv", line: 3, field: "organization_id", text: "org-404"),
            Case(
                name: "dubbele id",
                replace: ["organizations.csv": "id,name\norg-1,Buurtkracht\norg-2,Samen Urk\norg-1,Nog eens\n"],
                file: "organizations.csv", line: 4, field: "id", text: "komt meer dan eens voor"),
            Case(
                name: "verkeerd type",
                replace: [
                    "organizations.csv": "id,name,year_incorporated\norg-1,Buurtkracht,twintig\norg-2,Samen Urk,\n"
                ],
                file: "organizations.csv", line: 2, field: "year_incorporated", text: "geen geheel getal"),
            Case(
                name: "coördinaten",
                replace: [
                    "locations.csv": "id,organization_id,name,latitude,longitude\nloc-1,org-1,Buurthuis,\"52,5\",5.47\n"
                ],
                file: "locations.csv", line: 2, field: "latitude", text: "gebruik een punt als decimaalteken"),
            Case(
                name: "coördinaten verwisseld",
                replace: [
                    "locations.csv": "id,organization_id,name,latitude,longitude\nloc-1,org-1,Buurthuis,5.47,52.5\n"
                ],
                file: "locations.csv", line: 2, field: "latitude", text: "buiten Nederland"),
            Case(
                name: "onbekende taxonomie",
                replace: ["services_taxonomy.csv": "id,service_id,taxonomy_id\nt1,svc-1,bestaat-niet\n"],
                file: "services_taxonomy.csv", line: 2, field: "taxonomy_id", text: "bestaat-niet"),
            Case(
                name: "onbekende PG-term",
                replace: [
                    "taxonomy.csv":
                        "id,name,parent_id,vocabulary\npg-meedoen,meedoen,,positieve-gezondheid\noe-1,Eenzaamheid,,open-eligibility\npg-x,geluk,,positieve-gezondheid\n",
                    "services_taxonomy.csv": "id,service_id,taxonomy_id\nt1,svc-1,pg-x\n"
                ],
                file: "taxonomy.csv", line: nil, field: "", text: "onbekende term \"geluk\"")
        ]
        try await TestApp.with { app in
            try await S.seed(app)
            let before = try await S.counts(app.db)
            for c in cases {
                let pkg = try S.writePackage(c.replace)
                defer { try? FileManager.default.removeItem(at: pkg) }
                let error = await S.vitaalError {
                    try await app.execute(command: ["vitaal", "import", "hsds", pkg.path])
                }
                let problems = error?.problems ?? []
                XCTAssertEqual(error?.kind, .invalidInput, c.name)
                if c.line != nil {
                    XCTAssertTrue(
                        problems.contains {
                            $0.location.file == c.file && $0.location.line == c.line && $0.location.field == c.field
                                && $0.message.contains(c.text)
                        },
                        "\(c.name): \(problems)")
                } else {
                    XCTAssertTrue(
                        problems.contains { $0.message.contains(c.text) } || (error?.message.contains(c.text) ?? false),
                        "\(c.name): \(String(describing: error))")
                }
                let after = try await S.counts(app.db)
                XCTAssertEqual(after, before, "\(c.name): nothing written")
            }
            // A JSON file with a problem names its JSON path.
            let json = S.tempDir("json").appendingPathComponent("bad.json")
            try Data(#"[{"id": "o1", "name": "Org", "services": [{"id": "s1", "name": ""}]}]"#.utf8).write(to: json)
            let error = await S.vitaalError { try await app.execute(command: ["vitaal", "import", "hsds", json.path]) }
            XCTAssertTrue(
                error?.problems.contains { $0.location.file == "bad.json" && $0.location.field == "name" } ?? false,
                String(describing: error))
            let missing = await S.vitaalError {
                try await app.execute(command: ["vitaal", "import", "hsds", "/tmp/bestaat-niet-\(UUID())"])
            }
            XCTAssertTrue(missing?.message.contains("niet gevonden") ?? false)
            let after = try await S.counts(app.db)
            XCTAssertEqual(after, before)
        }
    }

    /// A valid file whose ids clash with the stored register (an organisation id used by a
    /// service) is refused as a whole.
    func testImportConflictingWithStoredRegisterWritesNothing() async throws {
        try await TestApp.with { app in
            try await S.seed(app)
            let before = try await S.counts(app.db)
            let pkg = try S.writePackage([
                "organizations.csv": "id,name\norg-1,Buurtkracht\norg-2,Samen Urk\nalzheimer-cafe,Botsing\n"
            ])
            defer { try? FileManager.default.removeItem(at: pkg) }
            let error = await S.vitaalError { try await app.execute(command: ["vitaal", "import", "hsds", pkg.path]) }
            XCTAssertTrue(
                error?.problems.contains { $0.message.contains("zowel organisatie als dienst") } ?? false,
                String(describing: error))
            let after = try await S.counts(app.db)
            XCTAssertEqual(after, before)
        }
    }
}
