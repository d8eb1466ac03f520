import Fluent
import VitaalDomain
import XCTVapor
import XCTest

@testable import AppCore
@testable import SocialMapFeature

enum SocialMapTestSupport {
    /// Foundation regions/organisations plus the social map's demo data, on the fixed clock of
    /// `Fixtures.now` (so "last checked" flags and stored months do not depend on the day the tests run).
    static func seed(_ app: Application) async throws {
        app.clock = .fixed(Fixtures.now)
        try await TestApp.seedFoundation(app)
        try await SocialMapFeature().loadDemoData(app: app, log: { _ in })
    }

    /// Row counts of every social map table (to prove nothing was written).
    static func counts(_ db: any Database) async throws -> [Int] {
        [
            try await SocialMapOrganisationRecord.query(on: db).count(),
            try await SocialMapServiceRecord.query(on: db).count(),
            try await SocialMapLocationRecord.query(on: db).count(),
            try await SocialMapHSDSRecord.query(on: db).count(),
            try await SocialMapNetworkRecord.query(on: db).count(),
            try await SocialMapMembershipRecord.query(on: db).count(),
            try await SocialMapCollaborationRecord.query(on: db).count(),
            try await SpiderWebRecord.query(on: db).count(),
            try await AuditEntry.query(on: db).count()
        ]
    }

    static func tempDir(_ name: String) -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sm-\(name)-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// All files below `dir` (relative path → bytes).
    static func files(in dir: URL) -> [String: Data] {
        var out: [String: Data] = [:]
        for case let rel as String in FileManager.default.enumerator(atPath: dir.path) ?? FileManager.default
            .enumerator(atPath: "/")!
        {
            var isDir: ObjCBool = false
            let full = dir.appendingPathComponent(rel).path
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDir), !isDir.boolValue {
                out[rel] = FileManager.default.contents(atPath: full)
            }
        }
        return out
    }

    static func json(_ body: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(body.utf8)) }

    /// A small valid HSDS 2.x datapackage (with an extra column and a foreign taxonomy); pass
    /// replacements per file to make it bad.
    static func writePackage(_ replacements: [String: String] = [:]) throws -> URL {
        let dir = tempDir("pkg")
        var files: [String: String] = [
            "datapackage.json": """
            {"name": "test", "resources": [
              {"name": "organizations", "path": "organizations.csv"}, {"name": "services", "path": "services.csv"},
              {"name": "locations", "path": "locations.csv"}, {"name": "services_at_location", "path": "services_at_location.csv"},
              {"name": "taxonomy_terms", "path": "taxonomy.csv"}, {"name": "service_taxonomy", "path": "services_taxonomy.csv"}]}
            """,
            "organizations.csv":
                "id,name,description,url,kvk_nummer,year_incorporated\norg-1,Buurtkracht Lelystad,\"Bewoners, samen\",https://buurtkracht.example.nl,12345678,2021\norg-2,Samen Urk,,,,\n",
            "services.csv":
                "id,organization_id,name,status,x_kind\nsvc-1,org-1,Buurtkamer,active,inwonersinitiatief\nsvc-2,org-2,Koffie-ochtend,active,inwonersinitiatief\n",
            "locations.csv":
                "id,organization_id,name,latitude,longitude,x_municipality_code\nloc-1,org-1,Buurthuis,52.5185,5.4714,GM0995\n",
            "services_at_location.csv": "id,service_id,location_id\nx1,svc-1,loc-1\n",
            "taxonomy.csv":
                "id,name,parent_id,vocabulary,parent_name\npg-meedoen,meedoen,,positieve-gezondheid,\noe-1,Eenzaamheid,,open-eligibility,Sociaal\n",
            "services_taxonomy.csv":
                "id,service_id,taxonomy_id,taxonomy_detail\nt1,svc-1,pg-meedoen,\nt2,svc-1,oe-1,\nt3,svc-2,gemeente-GM0184,\n"
        ]
        for (k, v) in replacements { files[k] = v }
        for (k, v) in files { try Data(v.utf8).write(to: dir.appendingPathComponent(k)) }
        return dir
    }

    /// Runs `body` and returns the VitaalError it throws (fails when it does not throw one).
    static func vitaalError(_ body: () async throws -> Void, file: StaticString = #filePath, line: UInt = #line) async
        -> VitaalError?
    {
        do { try await body() } catch let e as VitaalError { return e } catch {
            XCTFail("unexpected error \(error)", file: file, line: line)
            return nil
        }
        XCTFail("no error thrown", file: file, line: line)
        return nil
    }
}

/// Social map test data for page models and snapshots.
extension Fixtures {
    /// The day of `Fixtures.now` in the Netherlands.
    static var socialMapToday: SocialMap.Day { SocialMapDates.today(at: now) }

    /// The demo register (Flever's networks, WEL partners, initiatives), as `vitaal demo` loads it.
    static var socialMapRegister: SocialMap.Register { SocialMapDemoData.register }
}
