import Foundation
import Testing

@testable import VitaalDomain

/// A small valid HSDS 2.x datapackage with an unknown extra column ("kvk_nummer") and a foreign taxonomy.
func smSmallPackage(
    organizations: String? = nil, services: String? = nil, locations: String? = nil,
    taxonomy: String? = nil, servicesTaxonomy: String? = nil, sal: String? = nil
) -> [String: Data] {
    let pkg = """
        {"name": "test", "resources": [
          {"name": "organizations", "path": "organizations.csv"}, {"name": "services", "path": "services.csv"},
          {"name": "locations", "path": "locations.csv"}, {"name": "services_at_location", "path": "services_at_location.csv"},
          {"name": "taxonomy_terms", "path": "taxonomy.csv"}, {"name": "service_taxonomy", "path": "services_taxonomy.csv"}]}
        """
    let files: [String: String] = [
        "datapackage.json": pkg,
        "organizations.csv": organizations ?? """
            id,name,description,url,kvk_nummer,year_incorporated
            org-1,Flever,"Steunfunctie, Flevoland",https://www.flever.nl,12345678,2021
            org-2,Humanitas Almere,,,,
            """,
        "services.csv": services ?? """
            id,organization_id,name,status,x_kind
            svc-1,org-1,Welzijn op Recept,active,professioneel-initiatief
            svc-2,org-2,Thuisadministratie,active,dienst
            """,
        "locations.csv": locations ?? """
            id,organization_id,name,latitude,longitude
            loc-1,org-1,Kantoor Lelystad,52.5185,5.4714
            """,
        "services_at_location.csv": sal ?? """
            id,service_id,location_id
            x1,svc-1,loc-1
            """,
        "taxonomy.csv": taxonomy ?? """
            id,name,parent_id,vocabulary,parent_name
            pg-meedoen,meedoen,,positieve-gezondheid,
            oe-1,Eenzaamheid,,open-eligibility,Sociaal
            """,
        "services_taxonomy.csv": servicesTaxonomy ?? """
            id,service_id,taxonomy_id,taxonomy_detail
            t1,svc-1,pg-meedoen,
            t2,svc-1,oe-1,
            t3,svc-2,gemeente-GM0034,
            """
    ]
    return files.mapValues { Data($0.utf8) }
}

func smProblems(_ body: () throws -> Void) -> [Problem] {
    do { try body() } catch let e as VitaalError { return e.problems } catch { return [] }
    return []
}

@Suite("SocialMap HSDS")
struct SocialMapHSDSTests {
    @Test func importsDatapackageWithExtraColumnAndTags() throws {
        let r = try SocialMap.HSDS.importDatapackage(files: smSmallPackage())
        #expect(r.organisations.map(\.id) == ["org-1", "org-2"])
        let flever = r.organisations[0]
        #expect(flever.description == "Steunfunctie, Flevoland")
        #expect(flever.yearIncorporated == 2021)
        #expect(flever.extra.map(\.key) == ["kvk_nummer"])
        #expect(flever.extra.first?.value == .string("12345678"))
        let wor = try #require(r.service("svc-1"))
        #expect(wor.kind == .professionalInitiative)
        #expect(wor.tags.dimensions == [.meedoen])
        #expect(wor.otherTaxonomyTermIDs == ["oe-1"])
        #expect(wor.locationIDs == ["loc-1"])
        #expect(r.service("svc-2")?.tags.municipalityCodes == ["GM0034"])
        #expect(r.taxonomyTerms.map(\.id) == ["oe-1"])
        #expect(r.taxonomyTerms[0].extra == [SocialMap.ExtraField("parent_name", .string("Sociaal"))])
        #expect(r.location("loc-1")?.latitude == 52.5185)
    }

    @Test func datapackageRoundTripIsByteIdentical() throws {
        let r = try SocialMap.HSDS.importDatapackage(files: smSmallPackage())
        let first = SocialMap.HSDS.exportDatapackage(r)
        let second = SocialMap.HSDS.exportDatapackage(try SocialMap.HSDS.importDatapackage(files: first))
        #expect(first.keys.sorted() == second.keys.sorted())
        for (name, data) in first { #expect(second[name] == data, "\(name) changed") }
        let orgs = String(decoding: first["organizations.csv"]!, as: UTF8.self)
        #expect(
            orgs.hasPrefix(
                "id,name,alternate_name,description,email,url,year_incorporated,x_last_checked,x_is_example,kvk_nummer\n"
            ))
        #expect(
            orgs.contains("org-1,Flever,,\"Steunfunctie, Flevoland\",,https://www.flever.nl,2021,,false,12345678\n"))
    }

    @Test func demoRegisterRoundTripsThroughBothFormats() throws {
        let demo = SocialMapDemoData.register
        let csv1 = SocialMap.HSDS.exportDatapackage(demo, options: .internal)
        let csv2 = SocialMap.HSDS.exportDatapackage(
            try SocialMap.HSDS.importDatapackage(files: csv1), options: .internal)
        #expect(csv1 == csv2)
        let json1 = SocialMap.HSDS.exportJSON(demo, options: .internal)
        let json2 = SocialMap.HSDS.exportJSON(try SocialMap.HSDS.importJSON(json1), options: .internal)
        #expect(json1 == json2)
    }

    static let serviceArrayJSON = """
        [
          {"id": "svc-9", "name": "Alzheimer Café Lelystad", "x_kind": "inwonersinitiatief", "onbekend_veld": {"b": 1, "a": [true, null]},
           "organization": {"id": "org-9", "name": "Alzheimer Flevoland", "website": "https://example.org", "extra_org": "x"},
           "service_at_locations": [{"id": "sal-1", "location": {"id": "loc-9", "latitude": 52.51, "longitude": 5.47,
              "addresses": [{"id": "adr-9", "address_1": "Agorabaan 1", "city": "Lelystad", "postal_code": "8224 JR", "country": "NL", "address_type": "physical"}]}}],
           "phones": [{"id": "ph-9", "number": "0320 000000"}],
           "attributes": [{"id": "a1", "taxonomy_term_id": "pg-zingeving"},
                          {"id": "a2", "taxonomy_term": {"id": "t-dem", "name": "Dementie", "taxonomy": "vitaal-thema"}}]}
        ]
        """

    @Test func importsHSDS3ServiceArray() throws {
        let r = try SocialMap.HSDS.importJSON(Data(Self.serviceArrayJSON.utf8), fileName: "diensten.json")
        let s = try #require(r.service("svc-9"))
        #expect(s.organisationID == "org-9")
        #expect(s.kind == .residentsInitiative)
        #expect(s.tags.dimensions == [.zingeving])
        #expect(s.tags.themes == ["Dementie"])
        #expect(s.locationIDs == ["loc-9"])
        #expect(
            s.extra == [
                SocialMap.ExtraField(
                    "onbekend_veld", .object([("b", .number("1")), ("a", .array([.bool(true), .null]))])),
                // The service-at-location has its own id: kept (without its nested location) for the round trip.
                SocialMap.ExtraField(
                    "services_at_location", .array([.object([("id", "sal-1"), ("location_id", "loc-9")])]))
            ])
        #expect(r.organisation("org-9")?.url == "https://example.org")
        #expect(r.organisation("org-9")?.extra.map(\.key) == ["extra_org"])
        #expect(r.location("loc-9")?.address?.postalCode == "8224 JR")
        #expect(r.phones.first?.serviceID == "svc-9")
        // Round trip export → import → export is byte-identical and keeps the unknown field verbatim.
        let first = SocialMap.HSDS.exportJSON(r)
        let second = SocialMap.HSDS.exportJSON(try SocialMap.HSDS.importJSON(first))
        #expect(first == second)
        #expect(String(decoding: first, as: UTF8.self).contains("\"onbekend_veld\": {\n"))
    }

    @Test func publicExportHidesContactNames() throws {
        var r = SocialMap.Register(organisations: [SocialMap.Organisation(id: "o", name: "Org")])
        r.contacts = [
            SocialMap.ContactPerson(
                id: "c", organisationID: "o", role: "coördinator", name: "Jan Jansen", email: "jan@example.org")
        ]
        r.phones = [SocialMap.Phone(id: "p", number: "06 12345678", contactID: "c")]
        let pub = String(decoding: SocialMap.HSDS.exportJSON(r), as: UTF8.self)
        #expect(
            pub.contains("coördinator") && !pub.contains("Jan") && !pub.contains("jan@") && !pub.contains("06 12345678")
        )
        let csv = SocialMap.HSDS.exportDatapackage(r)
        #expect(!String(decoding: csv["contacts.csv"]!, as: UTF8.self).contains("Jan"))
        #expect(!String(decoding: csv["phones.csv"]!, as: UTF8.self).contains("0612"))
        let internalJSON = String(decoding: SocialMap.HSDS.exportJSON(r, options: .internal), as: UTF8.self)
        #expect(internalJSON.contains("Jan Jansen") && internalJSON.contains("06 12345678"))
    }

    // MARK: Bad input: every problem names file, row and field.

    @Test func missingRequiredField() {
        let p = smProblems {
            _ = try SocialMap.HSDS.importDatapackage(
                files: smSmallPackage(organizations: "id,name\norg-1,Flever\norg-2,\n"))
        }
        #expect(
            p.contains {
                $0.location == SourceLocation(file: "organizations.csv", line: 3, field: "name")
                    && $0.message == "verplicht veld ontbreekt"
            })
    }

    @Test func danglingForeignKeys() {
        let p = smProblems {
            _ = try SocialMap.HSDS.importDatapackage(
                files: smSmallPackage(
                    services: "id,organization_id,name\nsvc-1,org-1,A\nsvc-2,org-404,B\n",
                    sal: "id,service_id,location_id\nx,svc-1,loc-404\ny,svc-404,loc-1\n"))
        }
        #expect(
            p.contains {
                $0.location == SourceLocation(file: "services.csv", line: 3, field: "organization_id")
                    && $0.message.contains("org-404")
            })
        #expect(
            p.contains {
                $0.location == SourceLocation(file: "services_at_location.csv", line: 2, field: "location_id")
            })
        #expect(
            p.contains { $0.location == SourceLocation(file: "services_at_location.csv", line: 3, field: "service_id") }
        )
    }

    @Test func duplicateID() {
        let p = smProblems {
            _ = try SocialMap.HSDS.importDatapackage(
                files: smSmallPackage(organizations: "id,name\norg-1,A\norg-2,B\norg-1,C\n"))
        }
        #expect(p.count == 1)
        #expect(p.first?.location == SourceLocation(file: "organizations.csv", line: 4, field: "id"))
        #expect(p.first?.message.contains("\"org-1\" komt meer dan eens voor") == true)
    }

    @Test func wrongTypes() {
        let p = smProblems {
            _ = try SocialMap.HSDS.importDatapackage(
                files: smSmallPackage(
                    organizations:
                        "id,name,year_incorporated,url,email,x_is_example,x_last_checked\norg-1,A,twintig,ftp://x,geen-mail,misschien,2024-13-01\norg-2,B,,,,,\n"
                ))
        }
        let fields = Set(
            p.filter { $0.location.file == "organizations.csv" && $0.location.line == 2 }.compactMap(\.location.field))
        #expect(fields == ["year_incorporated", "url", "email", "x_is_example", "x_last_checked"])
    }

    @Test func invalidCoordinates() {
        let p = smProblems {
            _ = try SocialMap.HSDS.importDatapackage(
                files: smSmallPackage(
                    locations:
                        "id,organization_id,latitude,longitude\nloc-1,org-1,95,5\nloc-2,org-1,5.47,52.51\nloc-3,org-1,abc,5\nloc-4,org-1,52.5,\n"
                ))
        }
        // A latitude of 95 is no place Vitaal can draw: the location is kept without a position and the
        // import notes it (see SocialMapHSDSPublishedSamplesTests) — it does not refuse the file.
        #expect(!p.contains { $0.location.line == 2 })
        #expect(
            p.contains {
                $0.location == SourceLocation(file: "locations.csv", line: 3, field: "latitude")
                    && $0.message.contains("buiten Nederland")
            })
        #expect(
            p.contains {
                $0.location == SourceLocation(file: "locations.csv", line: 4, field: "latitude")
                    && $0.message.contains("geen getal")
            })
        #expect(p.contains { $0.location == SourceLocation(file: "locations.csv", line: 5, field: "longitude") })
    }

    @Test func unknownTaxonomyTerm() {
        let p = smProblems {
            _ = try SocialMap.HSDS.importDatapackage(
                files: smSmallPackage(
                    servicesTaxonomy: "id,service_id,taxonomy_id\nt1,svc-1,bestaat-niet\n"))
        }
        #expect(p.map(\.location) == [SourceLocation(file: "services_taxonomy.csv", line: 2, field: "taxonomy_id")])
        let q = smProblems {
            _ = try SocialMap.HSDS.importDatapackage(
                files: smSmallPackage(
                    taxonomy: "id,name,vocabulary\npg-x,geluk,positieve-gezondheid\n",
                    servicesTaxonomy: "id,service_id,taxonomy_id\n"))
        }
        #expect(q.first?.location == SourceLocation(file: "taxonomy.csv", line: 2, field: "name"))
        #expect(q.first?.message.contains("onbekende term \"geluk\"") == true)
    }

    @Test func jsonProblemsNameThePath() {
        let bad = """
            [{"id": "o1", "name": "A", "services": [{"id": "s1", "name": "", "service_at_locations": [{"location_id": "nergens"}],
              "attributes": [{"taxonomy_term_id": "onbekend"}]}],
              "locations": [{"id": "l1", "latitude": "noord", "longitude": 5.2}]},
             {"id": "o1", "name": "B"}]
            """
        let p = smProblems { _ = try SocialMap.HSDS.importJSON(Data(bad.utf8), fileName: "x.json") }
        #expect(
            p.contains { $0.location == SourceLocation(file: "x.json", field: "name", element: "$[0].services[0]") })
        #expect(
            p.contains {
                $0.location
                    == SourceLocation(
                        file: "x.json", field: "location_id", element: "$[0].services[0].service_at_locations[0]")
            })
        #expect(
            p.contains {
                $0.location
                    == SourceLocation(
                        file: "x.json", field: "taxonomy_term_id", element: "$[0].services[0].attributes[0]")
            })
        #expect(
            p.contains {
                $0.location == SourceLocation(file: "x.json", field: "latitude", element: "$[0].locations[0]")
            })
        #expect(p.contains { $0.location == SourceLocation(file: "x.json", field: "id", element: "$[1]") })
        let syntax = smProblems {
            _ = try SocialMap.HSDS.importJSON(Data("[{\"id\": 1,\n }]".utf8), fileName: "y.json")
        }
        #expect(syntax.first?.location.file == "y.json" && syntax.first?.location.line == 2)
    }
}

/// The files of a fixture folder under Tests/Fixtures/hsds (relative path → bytes).
func hsdsFixture(_ folder: String) throws -> [String: Data] {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/hsds/\(folder)")
    var files: [String: Data] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: root.path)
    where name.hasSuffix(".csv") || name.hasSuffix(".json") {
        files[name] = try Data(contentsOf: root.appendingPathComponent(name))
    }
    return files
}

@Suite("SocialMap HSDS 2.0 and 3.1 as Open Referral publishes them")
struct SocialMapHSDSOpenReferralTests {
    typealias HSDS = SocialMap.HSDS
    static let coffee = "3c8d1e22-0003-4c1e-9d00-000000000001"
    static let foodParcel = "3c8d1e22-0003-4c1e-9d00-000000000002"
    static let centre = "70c25266-0007-4c1e-9d00-000000000001"
    static let pickUp = "70c25266-0007-4c1e-9d00-000000000002"

    /// The ids of the rows of child table `table` kept on a record.
    func rowIDs(_ extra: [SocialMap.ExtraField], _ table: String) -> [String] {
        (extra.first { $0.key == table }?.value.array ?? []).compactMap { $0["id"]?.string }
    }

    @Test func readsEveryHSDS20TableUnderItsSingularName() throws {
        let files = try hsdsFixture("openreferral-2.0")
        #expect(files.count == 23)
        let r = try HSDS.importDatapackage(files: files)
        #expect(r.organisations.count == 2)
        #expect(r.services.count == 2)
        #expect(r.locations.count == 2)
        #expect(r.phones.count == 3)
        #expect(r.contacts.map(\.role) == ["coördinator vrijwilligers"])
        #expect(r.taxonomyTerms.map(\.name) == ["Welzijn", "Ontmoeting", "Voedselhulp"])
        let coffee = try #require(r.service(Self.coffee))
        #expect(coffee.locationIDs == [Self.centre])
        #expect(coffee.otherTaxonomyTermIDs == ["4d9e2f33-0004-4c1e-9d00-000000000002"])
        // Unknown 2.0 columns stay on the record; the tables Vitaal does not model travel with their owner.
        #expect(coffee.extra.first { $0.key == "program_id" }?.value == .string("2b7c0d11-0002-4c1e-9d00-000000000001"))
        #expect(
            rowIDs(coffee.extra, "regular_schedules") == [
                "c517a7ab-000c-4c1e-9d00-000000000001", "c517a7ab-000c-4c1e-9d00-000000000002"
            ])
        #expect(rowIDs(coffee.extra, "holiday_schedules") == ["d628b8bc-000d-4c1e-9d00-000000000001"])
        #expect(rowIDs(coffee.extra, "funding") == ["e739c9cd-000e-4c1e-9d00-000000000001"])
        #expect(rowIDs(coffee.extra, "payments_accepted") == ["2b7d0d11-0012-4c1e-9d00-000000000001"])
        #expect(rowIDs(coffee.extra, "languages").count == 2)
        #expect(rowIDs(coffee.extra, "metadata") == ["5eb03044-0015-4c1e-9d00-000000000001"])
        let parcel = try #require(r.service(Self.foodParcel))
        for table in ["eligibility", "service_areas", "required_documents"] {
            #expect(rowIDs(parcel.extra, table).count == 1, "\(table)")
        }
        let centre = try #require(r.location(Self.centre))
        #expect(centre.address?.address1 == "Schouwweg 1")
        #expect(centre.address?.extra.first { $0.key == "region" }?.value == .string("Flevoland"))
        #expect(rowIDs(centre.extra, "postal_addresses") == ["b406969a-000b-4c1e-9d00-000000000001"])
        #expect(rowIDs(centre.extra, "accessibility_for_disabilities") == ["4d9f2f33-0014-4c1e-9d00-000000000001"])
        // A schedule and a language with only a location_id belong to the location.
        let pickUp = try #require(r.location(Self.pickUp))
        #expect(rowIDs(pickUp.extra, "regular_schedules") == ["c517a7ab-000c-4c1e-9d00-000000000003"])
        #expect(rowIDs(pickUp.extra, "languages") == ["3c8e1e22-0013-4c1e-9d00-000000000003"])
        let buurtkracht = try #require(r.organisation("1f0a5a8e-0001-4c1e-9d00-000000000001"))
        #expect(rowIDs(buurtkracht.extra, "programs") == ["2b7c0d11-0002-4c1e-9d00-000000000001"])
        #expect(buurtkracht.extra.first { $0.key == "legal_status" }?.value == .string("stichting"))
        let food = try #require(r.organisation("1f0a5a8e-0001-4c1e-9d00-000000000002"))
        #expect(rowIDs(food.extra, "funding") == ["e739c9cd-000e-4c1e-9d00-000000000002"])
        #expect(rowIDs(food.extra, "metadata") == ["5eb03044-0015-4c1e-9d00-000000000002"])
        #expect(r.otherHSDSTables.map(\.name) == ["meta_table_descriptions"])
        #expect(
            r.otherHSDSTables.first?.rows.first?.first { $0.key == "name" }?.value
                == .string("Sociale kaart Flevoland (voorbeelddata)"))
        // The service-at-location keeps its own id and description (phones and contacts refer to it).
        let kept = try #require(HSDS.keptServiceAtLocation(coffee, Self.centre))
        #expect(kept.map(\.key) == ["id", "location_id", "description"])
        #expect(kept[0].value == .string("6fb14155-0006-4c1e-9d00-000000000001"))
    }

    @Test func hsds20PackageRoundTripsImportExportImport() throws {
        let first = try HSDS.importDatapackage(files: try hsdsFixture("openreferral-2.0"))
        let exported = HSDS.exportDatapackage(first, options: .internal)
        #expect(
            exported.count == 24,
            "every table of the fixture plus Vitaal's organizations_taxonomy of the fixture is written back: \(exported.keys.sorted())"
        )
        let second = try HSDS.importDatapackage(files: exported)
        #expect(second == first)
        #expect(HSDS.exportDatapackage(second, options: .internal) == exported)
        let sal = String(decoding: try #require(exported["services_at_location.csv"]), as: UTF8.self)
        #expect(
            sal.contains(
                "6fb14155-0006-4c1e-9d00-000000000001,\(Self.coffee),\(Self.centre),In de grote zaal\n"))
        let schedules = String(decoding: try #require(exported["regular_schedules.csv"]), as: UTF8.self)
        #expect(schedules.hasPrefix("id,service_id,location_id,service_at_location_id,weekday,opens_at,closes_at\n"))
        // The HSDS 3 JSON carries the same rows nested under their owner and reads back to the same JSON.
        let json = HSDS.exportJSON(first, options: .internal)
        let text = String(decoding: json, as: UTF8.self)
        #expect(text.contains("\"regular_schedules\": ["))
        #expect(text.contains("\"description\": \"In de grote zaal\""))
        #expect(HSDS.exportJSON(try HSDS.importJSON(json), options: .internal) == json)
    }

    @Test func resourcesAreFoundByPathAndUnknownTablesKept() throws {
        var files = try hsdsFixture("openreferral-2.0")
        var descriptor = String(decoding: files["datapackage.json"]!, as: UTF8.self)
        descriptor = descriptor.replacingOccurrences(of: "\"name\": \"service\",", with: "\"name\": \"diensten\",")
        descriptor = descriptor.replacingOccurrences(
            of: "\"resources\": [",
            with: "\"resources\": [{\"name\": \"wachtlijst\", \"path\": \"extra/wachtlijst.csv\"},")
        files["datapackage.json"] = Data(descriptor.utf8)
        files["extra/wachtlijst.csv"] = Data("id,service_id,weken\nw1,\(Self.foodParcel),2\n".utf8)
        let r = try HSDS.importDatapackage(files: files)
        #expect(r.services.count == 2, "services.csv found by its path")
        #expect(r.otherHSDSTables.map(\.name) == ["meta_table_descriptions", "wachtlijst"])
        let exported = HSDS.exportDatapackage(r)
        #expect(exported["wachtlijst.csv"] == Data("id,service_id,weken\nw1,\(Self.foodParcel),2\n".utf8))
        #expect(try HSDS.importDatapackage(files: exported).otherHSDSTables == r.otherHSDSTables)
    }

    @Test func missingResourceIsNamedInBothForms() throws {
        var files = try hsdsFixture("openreferral-2.0")
        var descriptor = String(decoding: files["datapackage.json"]!, as: UTF8.self)
        descriptor = descriptor.replacingOccurrences(
            of: "\"path\": \"services.csv\"", with: "\"path\": \"diensten.csv\""
        )
        .replacingOccurrences(of: "\"name\": \"service\",", with: "\"name\": \"diensten\",")
        files["datapackage.json"] = Data(descriptor.utf8)
        files["diensten.csv"] = files["services.csv"]
        let p = smProblems { _ = try HSDS.importDatapackage(files: files) }
        #expect(
            p.map(\.message) == [
                "resource \"services\" / \"service\" ontbreekt (gezocht op \"name\" en op \"path\" services.csv)"
            ])
        #expect(p.first?.location.file == "datapackage.json")
        #expect(p.first?.location.field == "resources")
    }

    @Test func childRowsOfUnknownOwnersAreRefusedWithPlace() throws {
        var files = try hsdsFixture("openreferral-2.0")
        files["eligibility.csv"] = Data("id,service_id,eligibility\ne1,bestaat-niet,volwassenen\ne2,,kinderen\n".utf8)
        let p = smProblems { _ = try HSDS.importDatapackage(files: files) }
        #expect(p.map(\.message) == ["verwijst naar onbekende dienst \"bestaat-niet\"", "verplicht veld ontbreekt"])
        #expect(p.map(\.location.line) == [2, 3])
        #expect(p.map(\.location.field) == ["service_id", "service_id"])
        #expect(p.allSatisfy { $0.location.file == "eligibility.csv" })
    }

    @Test func hsds31ServiceWithCapacityUnitAndURLsImportsAndRoundTrips() throws {
        let data = try #require(try hsdsFixture("openreferral-3.1")["service_full.json"])
        let r = try HSDS.importJSON(data, fileName: "service_full.json")
        let meals = try #require(r.service("7a0b1c2d-3e4f-4a5b-8c6d-000000000001"))
        #expect(meals.organisationID == "7a0b1c2d-3e4f-4a5b-8c6d-000000000015")
        #expect(meals.url == "https://zorgsamen.example.nl/maaltijden")
        // 3.1's service_capacity (`capacities`, with its `unit`) and `url` objects are kept as they came.
        let capacity = try #require(meals.extra.first { $0.key == "capacities" }?.value.array?.first)
        #expect(capacity["unit"]?["name"]?.string == "maaltijden per dag")
        #expect(capacity["available"]?.numberText == "12")
        #expect(capacity["updated"]?.string == "2026-11-30T16:00:00.5+01:00")
        #expect(
            meals.extra.first { $0.key == "additional_urls" }?.value.array?.first?["url"]?.string
                == "https://zorgsamen.example.nl/maaltijden/aanmelden")
        #expect(
            meals.extra.map(\.key).filter { ["schedules", "cost_options", "program", "metadata"].contains($0) }
                == ["schedules", "cost_options", "program", "metadata"])
        let zorgSamen = try #require(r.organisation("7a0b1c2d-3e4f-4a5b-8c6d-000000000015"))
        #expect(zorgSamen.url == "https://zorgsamen.example.nl")
        #expect(
            zorgSamen.extra.first { $0.key == "additional_websites" }?.value.array?.first?["label"]?.string
                == "Vrijwilligers")
        // The service-at-location keeps its description and contacts; its location its postal address.
        let kitchen = "7a0b1c2d-3e4f-4a5b-8c6d-000000000009"
        let sal = try #require(HSDS.keptServiceAtLocation(meals, kitchen))
        #expect(
            sal.map(\.key) == ["id", "location_id", "description", "service_areas", "contacts", "phones", "schedules"])
        let location = try #require(r.location(kitchen))
        #expect(location.address?.address1 == "De Rede 80")
        #expect(
            location.extra.first { $0.key == "postal_addresses" }?.value.array?.first?["address_1"]?.string
                == "Postbus 100")
        #expect(
            r.taxonomyTerms.first?.extra.map(\.key) == [
                "code", "description", "taxonomy_detail", "language", "term_uri"
            ])
        #expect(r.contacts.map(\.role) == ["coördinator maaltijden"])
        #expect(r.phones.count == 2)

        // import → export → import gives the same register, and the second export the same bytes.
        let json = HSDS.exportJSON(r, options: .internal)
        let again = try HSDS.importJSON(json)
        #expect(again == r)
        #expect(HSDS.exportJSON(again, options: .internal) == json)
        let text = String(decoding: json, as: UTF8.self)
        #expect(text.contains("\"address_type\": \"postal\""))
        #expect(text.contains("\"description\": \"Vanuit de keuken van De Meerpaal\""))
        // Through the datapackage the 3.1 objects survive as JSON text in their column.
        let tabular = try HSDS.importDatapackage(files: HSDS.exportDatapackage(r, options: .internal))
        let cell = tabular.service(meals.id)?.extra.first { $0.key == "capacities" }?.value.string ?? ""
        #expect(cell.contains("\"maaltijden per dag\""))
        #expect(tabular.service(meals.id)?.extra.first { $0.key == "languages" }?.value.array?.count == 1)
    }

    /// Open Referral's sample taxonomy row: a term of AIRS whose parent is named but not in the file.
    @Test func parentInAnExternalTaxonomyNeedsItsName() throws {
        var files = try hsdsFixture("openreferral-2.0")
        files["taxonomy.csv"] = Data(
            """
            id,name,parent_id,parent_name,vocabulary
            4d9e2f33-0004-4c1e-9d00-000000000002,Ontmoeting,e9004840-1b0f-11e9-b56e-0800200c9a66,Welzijn,AIRS
            4d9e2f33-0004-4c1e-9d00-000000000003,Voedselhulp,e9004840-1b0f-11e9-b56e-0800200c9a66,,AIRS

            """.utf8)
        let p = smProblems { _ = try HSDS.importDatapackage(files: files) }
        #expect(p.count == 1)
        #expect(p.first?.message.hasPrefix("verwijst naar onbekende bovenliggende term \"e9004840") == true)
        #expect(p.first?.location.element == "term 4d9e2f33-0004-4c1e-9d00-000000000003")
        files["taxonomy.csv"] = Data(
            String(decoding: files["taxonomy.csv"]!, as: UTF8.self).replacingOccurrences(
                of: ",,AIRS", with: ",Welzijn,AIRS"
            )
            .utf8)
        let r = try HSDS.importDatapackage(files: files)
        #expect(r.taxonomyTerms.map(\.parentID) == Array(repeating: "e9004840-1b0f-11e9-b56e-0800200c9a66", count: 2))
    }
}
