import Foundation
import VitaalDomain

/// JSON forms of the register's records, stored in the `payload` column. They mirror the domain
/// structs field by field; HSDS extra fields travel as one ordered JSON object in text form, so
/// their key order and number text are kept exactly.
enum Payload {
    typealias SM = SocialMap

    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }()

    static func encode<T: Encodable>(_ value: T) -> String {
        // Encoding plain structs of strings, numbers and booleans cannot fail.
        String(decoding: (try? encoder.encode(value)) ?? Data("{}".utf8), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String, table: String, key: String) throws -> T {
        do { return try JSONDecoder().decode(type, from: Data(text.utf8)) } catch {
            throw VitaalError(.internal, "opgeslagen record \(table)/\(key) is onleesbaar: \(error)")
        }
    }

    static func extraText(_ extra: [SM.ExtraField]) -> String? {
        extra.isEmpty ? nil : JSONWriter.text(.object(members: extra.map { JSONNode.Member($0.key, $0.value) }))
    }

    static func extraFields(_ text: String?) throws -> [SM.ExtraField] {
        guard let text else { return [] }
        guard let members = try JSONParser.parse(text, file: "payload").members else { return [] }
        return members.map { SM.ExtraField($0.key, $0.value) }
    }

    struct Organisation: Codable {
        var id: String, name: String, alternateName: String?, description: String?, email: String?, url: String?
        var yearIncorporated: Int?, tags: SM.Tags, lastChecked: SM.Day?, isExample: Bool, extra: String?
        init(_ o: SM.Organisation) {
            id = o.id
            name = o.name
            alternateName = o.alternateName
            description = o.description
            email = o.email
            url = o.url
            yearIncorporated = o.yearIncorporated
            tags = o.tags
            lastChecked = o.lastChecked
            isExample = o.isExample
            extra = Payload.extraText(o.extra)
        }
        func domain() throws -> SM.Organisation {
            SM.Organisation(
                id: id, name: name, alternateName: alternateName, description: description, email: email, url: url,
                yearIncorporated: yearIncorporated, tags: tags, lastChecked: lastChecked, isExample: isExample,
                extra: try Payload.extraFields(extra))
        }
    }

    struct Service: Codable {
        var id: String, organisationID: String, name: String, kind: SM.OfferKind, alternateName: String?,
            description: String?
        var url: String?, email: String?, status: String?, locationIDs: [String], tags: SM.Tags,
            otherTaxonomyTermIDs: [String]
        var lastChecked: SM.Day?, isExample: Bool, extra: String?
        init(_ s: SM.Service) {
            id = s.id
            organisationID = s.organisationID
            name = s.name
            kind = s.kind
            alternateName = s.alternateName
            description = s.description
            url = s.url
            email = s.email
            status = s.status
            locationIDs = s.locationIDs
            tags = s.tags
            otherTaxonomyTermIDs = s.otherTaxonomyTermIDs
            lastChecked = s.lastChecked
            isExample = s.isExample
            extra = Payload.extraText(s.extra)
        }
        func domain() throws -> SM.Service {
            SM.Service(
                id: id, organisationID: organisationID, name: name, kind: kind, alternateName: alternateName,
                description: description,
                url: url, email: email, status: status, locationIDs: locationIDs, tags: tags,
                otherTaxonomyTermIDs: otherTaxonomyTermIDs,
                lastChecked: lastChecked, isExample: isExample, extra: try Payload.extraFields(extra))
        }
    }

    struct Address: Codable {
        var id: String, address1: String?, address2: String?, city: String?, stateProvince: String?,
            postalCode: String?, country: String?
        var extra: String?
        init(_ a: SM.PhysicalAddress) {
            id = a.id
            address1 = a.address1
            address2 = a.address2
            city = a.city
            stateProvince = a.stateProvince
            postalCode = a.postalCode
            country = a.country
            extra = Payload.extraText(a.extra)
        }
        func domain() throws -> SM.PhysicalAddress {
            SM.PhysicalAddress(
                id: id, address1: address1, address2: address2, city: city, stateProvince: stateProvince,
                postalCode: postalCode, country: country, extra: try Payload.extraFields(extra))
        }
    }

    struct Location: Codable {
        var id: String, organisationID: String?, name: String?, description: String?, latitude: Double?,
            longitude: Double?
        var positionIsApproximate: Bool, municipalityCode: String?, address: Address?, extra: String?
        init(_ l: SM.Location) {
            id = l.id
            organisationID = l.organisationID
            name = l.name
            description = l.description
            latitude = l.latitude
            longitude = l.longitude
            positionIsApproximate = l.positionIsApproximate
            municipalityCode = l.municipalityCode
            address = l.address.map(Address.init)
            extra = Payload.extraText(l.extra)
        }
        func domain() throws -> SM.Location {
            SM.Location(
                id: id, organisationID: organisationID, name: name, description: description, latitude: latitude,
                longitude: longitude,
                positionIsApproximate: positionIsApproximate, municipalityCode: municipalityCode,
                address: try address?.domain(),
                extra: try Payload.extraFields(extra))
        }
    }

    struct Phone: Codable {
        var id: String, number: String, organisationID: String?, serviceID: String?, locationID: String?,
            contactID: String?
        var type: String?, description: String?, extra: String?
        init(_ p: SM.Phone) {
            id = p.id
            number = p.number
            organisationID = p.organisationID
            serviceID = p.serviceID
            locationID = p.locationID
            contactID = p.contactID
            type = p.type
            description = p.description
            extra = Payload.extraText(p.extra)
        }
        func domain() throws -> SM.Phone {
            SM.Phone(
                id: id, number: number, organisationID: organisationID, serviceID: serviceID, locationID: locationID,
                contactID: contactID, type: type, description: description, extra: try Payload.extraFields(extra))
        }
    }

    struct Contact: Codable {
        var id: String, organisationID: String?, serviceID: String?, role: String, name: String?, email: String?,
            extra: String?
        init(_ c: SM.ContactPerson) {
            id = c.id
            organisationID = c.organisationID
            serviceID = c.serviceID
            role = c.role
            name = c.name
            email = c.email
            extra = Payload.extraText(c.extra)
        }
        func domain() throws -> SM.ContactPerson {
            SM.ContactPerson(
                id: id, organisationID: organisationID, serviceID: serviceID, role: role, name: name, email: email,
                extra: try Payload.extraFields(extra))
        }
    }

    struct Term: Codable {
        var id: String, name: String, parentID: String?, vocabulary: String?, extra: String?
        init(_ t: SM.TaxonomyTerm) {
            id = t.id
            name = t.name
            parentID = t.parentID
            vocabulary = t.vocabulary
            extra = Payload.extraText(t.extra)
        }
        func domain() throws -> SM.TaxonomyTerm {
            SM.TaxonomyTerm(
                id: id, name: name, parentID: parentID, vocabulary: vocabulary, extra: try Payload.extraFields(extra))
        }
    }

    /// A network without its memberships.
    struct Network: Codable {
        var id: String, name: String, goal: String, fleverRole: String?, referenceDate: SM.Day?,
            participantsDescription: String?
        var size: Int?, sizeUnit: String?, tags: SM.Tags, source: String?, lastChecked: SM.Day?
        init(_ n: SM.Network) {
            id = n.id
            name = n.name
            goal = n.goal
            fleverRole = n.fleverRole
            referenceDate = n.referenceDate
            participantsDescription = n.participantsDescription
            size = n.size
            sizeUnit = n.sizeUnit
            tags = n.tags
            source = n.source
            lastChecked = n.lastChecked
        }
        func domain(memberships: [SM.Membership]) -> SM.Network {
            SM.Network(
                id: id, name: name, goal: goal, fleverRole: fleverRole, referenceDate: referenceDate,
                memberships: memberships,
                participantsDescription: participantsDescription, size: size, sizeUnit: sizeUnit, tags: tags,
                source: source,
                lastChecked: lastChecked)
        }
    }
}
