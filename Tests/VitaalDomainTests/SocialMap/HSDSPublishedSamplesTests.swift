import Foundation
import Testing

@testable import VitaalDomain

/// Open Referral's own published data, byte for byte as published (see Tests/Fixtures/hsds/README.md): the
/// sample datapackage (`openreferral/sample-HSDS-datapackage`, folders `all_resources` and `simple`) and the
/// examples of the specification (`openreferral/specification`, branch 3.0, folder `examples`).
@Suite("SocialMap HSDS: Open Referral's published samples")
struct SocialMapHSDSPublishedSamplesTests {
    typealias HSDS = SocialMap.HSDS
    static let folder = "openreferral-published"
    /// The one location of the samples with a position: in Nevada, outside the Netherlands.
    static let nevadaLocation = "30b83ee0-64a1-11e6-8b77-86f30ca893d3"
    /// The location of the specification's examples, with latitude 100.
    static let exampleLocation = "3a19ff88-4620-4d17-9830-ac1d859eb5d5"

    @Test(arguments: ["sample-all_resources", "sample-simple"])
    func sampleDatapackageImportsAndRoundTrips(_ package: String) throws {
        let files = try hsdsFixture("\(Self.folder)/\(package)")
        let result = try HSDS.readDatapackage(files: files)
        let r = result.register
        // Every row of organizations.csv, services.csv, locations.csv and phones.csv is a record.
        #expect(r.organisations.count == 10)
        #expect(r.services.count == 13)
        #expect(r.locations.count == 10)
        #expect(r.phones.count == 5)
        #expect(r.services.reduce(0) { $0 + $1.locationIDs.count } == 13)
        // The one position lies in the United States: the location is kept without it, and the import says so.
        let nevada = try #require(r.location(Self.nevadaLocation))
        #expect(nevada.latitude == nil && nevada.longitude == nil)
        #expect(nevada.name == "4830 Highland Drive")
        #expect(result.notes.count == 1)
        let note = try #require(result.notes.first)
        #expect(note.location == SourceLocation(file: "locations.csv", line: 3, field: "latitude"))
        #expect(
            note.message
                == "coördinaten 39.428192, -119.897426 liggen buiten Nederland; locatie zonder kaartpositie opgenomen")

        // import → export → import gives the same register, and the second export the same bytes.
        let exported = HSDS.exportDatapackage(r, options: .internal)
        let again = try HSDS.readDatapackage(files: exported)
        #expect(again.register == r)
        #expect(again.notes.isEmpty)
        #expect(HSDS.exportDatapackage(again.register, options: .internal) == exported)
    }

    @Test func exportedDatapackageNamesResourcesAsTheSpecificationDoes() throws {
        let r = try HSDS.importDatapackage(files: try hsdsFixture("\(Self.folder)/sample-all_resources"))
        let descriptor = try JSONParser.parse(
            try #require(HSDS.exportDatapackage(r, options: .internal)["datapackage.json"]), file: "datapackage.json")
        let resources = try #require(descriptor["resources"]?.array)
        let pairs = resources.map { ($0["name"]?.string ?? "", $0["path"]?.string ?? "") }
        #expect(pairs.contains { $0 == ("organization", "organizations.csv") })
        #expect(pairs.contains { $0 == ("service_at_location", "services_at_location.csv") })
        #expect(pairs.contains { $0 == ("physical_address", "physical_addresses.csv") })
        #expect(pairs.contains { $0 == ("meta_table_description", "meta_table_descriptions.csv") })
        #expect(!pairs.contains { $0.0 == "organizations" || $0.0 == "services" })
    }

    @Test(arguments: ["service_full.json", "organization_full.json"])
    func specificationExampleImportsWithItsRepeatedObjectsOnce(_ file: String) throws {
        let data = try #require(try hsdsFixture("\(Self.folder)/specification-3.0")[file])
        let result = try HSDS.readJSON(data, fileName: file)
        let r = result.register
        #expect(r.organisations.map(\.id) == ["d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610"])
        #expect(r.services.map(\.id) == ["ac148810-d857-441c-9679-408f346de14b"])
        // The phone and the contact appear at up to ten places of the tree with the same fields: one record each.
        #expect(r.phones.map(\.id) == ["1554f2e2-a373-45db-a3fa-9fc48a61c15e"])
        #expect(r.contacts.map(\.id) == ["1e7efce3-639b-4880-940c-b95cd30cdb50"])
        #expect(r.contacts.first?.role == "Reception Manager")
        let location = try #require(r.location(Self.exampleLocation))
        #expect(location.latitude == nil)
        #expect(
            result.notes.map(\.message) == [
                "breedtegraad 100.0 ligt niet tussen -90 en 90; locatie zonder kaartpositie opgenomen"
            ])
        #expect(result.notes.first?.location.field == "latitude")

        let json = HSDS.exportJSON(r, options: .internal)
        let again = try HSDS.importJSON(json)
        #expect(again == r)
        #expect(HSDS.exportJSON(again, options: .internal) == json)
    }

    @Test func pageOfAnAPIListIsReadAsItsContents() throws {
        let files = try hsdsFixture("\(Self.folder)/specification-3.0")
        // A page of `/services`: the service, with its nested organisation.
        let services = try HSDS.importJSON(try #require(files["service_list.json"]), fileName: "service_list.json")
        #expect(services.services.map(\.id) == ["ac148810-d857-441c-9679-408f346de14b"])
        #expect(services.organisations.map(\.id) == ["d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610"])
        // A page of `/organizations`.
        let orgs = try HSDS.importJSON(
            try #require(files["organization_list.json"]), fileName: "organization_list.json")
        #expect(orgs.organisations.map(\.name) == ["Example Organization Inc."])
        #expect(orgs.services.isEmpty)
    }

    @Test func aRepeatedIDWithOtherFieldsIsRefusedNamingTheDifference() throws {
        let data = try #require(try hsdsFixture("\(Self.folder)/specification-3.0")["service_full.json"])
        let root = try JSONParser.parse(data, file: "service_full.json")
        // The service's own copy of the contact gets another name than the copy under the organisation.
        var members = try #require(root.members)
        let contactsIndex = try #require(members.firstIndex { $0.key == "contacts" })
        var contacts = try #require(members[contactsIndex].value.array)
        var contact = try #require(contacts.first?.members)
        let nameIndex = try #require(contact.firstIndex { $0.key == "name" })
        contact[nameIndex].value = .string("Iemand anders")
        contacts[0] = .object(members: contact)
        members[contactsIndex].value = .array(contacts)
        let changed = Data(JSONWriter.text(.object(members: members)).utf8)
        let problems = smProblems { _ = try HSDS.importJSON(changed, fileName: "service_full.json") }
        #expect(problems.count == 1)
        #expect(problems.first?.location.element == "$.contacts[0]")
        #expect(problems.first?.location.field == "id")
        #expect(problems.first?.message.contains("andere gegevens") == true)
        #expect(problems.first?.message.contains("verschil in name") == true)
    }

    @Test func swappedDutchCoordinatesAreStillRefusedAndHalfAPairToo() throws {
        let p = smProblems {
            _ = try HSDS.importDatapackage(
                files: smSmallPackage(
                    locations: "id,organization_id,latitude,longitude\nloc-1,org-1,5.47,52.51\nloc-2,org-1,52.5,\n"))
        }
        #expect(p.count == 2)
        #expect(
            p.contains {
                $0.location == SourceLocation(file: "locations.csv", line: 2, field: "latitude")
                    && $0.message
                        == "coördinaten 5.47, 52.51 liggen buiten Nederland; breedte en lengte lijken verwisseld"
            })
        #expect(p.contains { $0.location == SourceLocation(file: "locations.csv", line: 3, field: "longitude") })
    }
}
