import AppCore
import Foundation
import VitaalDomain

extension LocationFormPage {
    /// The form of a location, new or existing: an address (street, postcode, place) and/or
    /// coordinates, the municipality, and after "Toon op de kaart" the position on a map before it
    /// is saved. Fields: `naam`, `adres`, `postcode`, `plaats`, `gemeente`, `breedtegraad`,
    /// `lengtegraad`; the button `actie` is `voorbeeld` or `opslaan`.
    struct Model: Sendable {
        /// Nil for a new location.
        var locationID: String?
        var organisationID: String
        var organisationName: String
        var name = ""
        var address = ""
        var postalCode = ""
        var place = ""
        var municipality = ""
        var latitude = ""
        var longitude = ""
        var error: VitaalError?
        /// The checked position (after a valid post).
        var position: Position?
        /// The map of the position (preview step).
        var preview: String?

        /// Where the location is, as it will be stored.
        struct Position: Sendable, Equatable {
            var latitude: Double
            var longitude: Double
            var isApproximate: Bool
            var municipality: SocialMap.Municipality
        }

        var fieldErrors: FieldErrors { FieldErrors(error) }
        var isNew: Bool { locationID == nil }

        init(newOf organisation: SocialMap.Organisation) {
            organisationID = organisation.id
            organisationName = organisation.name
        }

        init(location: SocialMap.Location, organisationName: String) {
            locationID = location.id
            organisationID = location.organisationID ?? ""
            self.organisationName = organisationName
            name = location.name ?? ""
            address = location.address?.address1 ?? ""
            postalCode = location.address?.postalCode ?? ""
            place = location.address?.city ?? ""
            municipality = location.municipalityCode ?? ""
            if !location.positionIsApproximate {
                latitude = location.latitude.map { "\($0)" } ?? ""
                longitude = location.longitude.map { "\($0)" } ?? ""
            }
        }

        /// The form as posted, checked.
        mutating func read(_ body: [String: String]) {
            name = EntryForm.text(body, "naam")
            address = EntryForm.text(body, "adres")
            postalCode = EntryForm.text(body, "postcode")
            place = EntryForm.text(body, "plaats")
            municipality = EntryForm.text(body, "gemeente")
            latitude = EntryForm.text(body, "breedtegraad")
            longitude = EntryForm.text(body, "lengtegraad")
            var problems = ProblemCollector()
            position = check(&problems)
            let candidate = applied(to: SocialMap.Location(id: locationID ?? "nieuw"))
            error = EntryForm.error(candidate.fieldProblems, extra: problems)
            if error != nil { position = nil }
        }

        /// The position from the coordinates or, without them, the municipality's centre.
        private func check(_ problems: inout ProblemCollector) -> Position? {
            let chosen = municipality.isEmpty ? nil : SocialMap.Municipality.byCode(municipality)
            if !municipality.isEmpty && chosen == nil {
                problems.add("kies een gemeente uit de lijst", at: SourceLocation(field: "gemeente"))
            }
            var fromAddress: SocialMap.Municipality?
            if !postalCode.isEmpty {
                fromAddress = SocialMap.Flevoland.municipality(postalCode: postalCode)
                if fromAddress == nil {
                    problems.add(
                        "postcode \"\(postalCode.prefix(10))\" ligt niet in een gemeente in Flevoland",
                        at: SourceLocation(field: "postcode"))
                }
            } else if !place.isEmpty {
                fromAddress = SocialMap.Flevoland.municipality(place: place)
                if fromAddress == nil && chosen == nil {
                    problems.add(
                        "\"\(place.prefix(60))\" is geen plaats in Flevoland; vul de postcode in of kies de gemeente",
                        at: SourceLocation(field: "plaats"))
                }
            }
            if let fromAddress, let chosen, fromAddress != chosen {
                problems.add(
                    "het adres ligt in de gemeente \(fromAddress.name), niet in \(chosen.name)",
                    at: SourceLocation(field: "gemeente"))
            }
            let hasAddress = !postalCode.isEmpty || !place.isEmpty
            if !address.isEmpty && !hasAddress {
                problems.add("vul bij het adres ook de postcode of de plaats in", at: SourceLocation(field: "plaats"))
            }
            var coordinates: (Double, Double)?
            if !latitude.isEmpty || !longitude.isEmpty {
                let lat = Self.number(latitude)
                let lon = Self.number(longitude)
                if lat == nil {
                    problems.add(
                        latitude.isEmpty ? "vul ook de breedtegraad in" : "\"\(latitude.prefix(30))\" is geen getal",
                        at: SourceLocation(field: "breedtegraad"))
                }
                if lon == nil {
                    problems.add(
                        longitude.isEmpty ? "vul ook de lengtegraad in" : "\"\(longitude.prefix(30))\" is geen getal",
                        at: SourceLocation(field: "lengtegraad"))
                }
                if let lat, let lon {
                    if let problem = SocialMap.coordinateProblem(latitude: lat, longitude: lon) {
                        problems.add(problem.message, at: SourceLocation(field: EntryForm.formField[problem.field]))
                    } else if !SocialMap.Flevoland.contains(latitude: lat, longitude: lon) {
                        problems.add(
                            "de coördinaten \(lat), \(lon) liggen buiten Flevoland",
                            at: SourceLocation(field: "breedtegraad"))
                    } else {
                        coordinates = (lat, lon)
                    }
                }
            } else if !hasAddress && chosen == nil {
                problems.add(
                    "vul een adres (postcode of plaats) of coördinaten in", at: SourceLocation(field: "postcode"))
            }
            guard problems.isEmpty else { return nil }
            if let (lat, lon) = coordinates {
                let m = chosen ?? fromAddress ?? SocialMap.Flevoland.nearestMunicipality(latitude: lat, longitude: lon)
                return Position(latitude: lat, longitude: lon, isApproximate: false, municipality: m)
            }
            guard let m = chosen ?? fromAddress else { return nil }
            return Position(latitude: m.latitude, longitude: m.longitude, isApproximate: true, municipality: m)
        }

        /// A decimal number with a point or a comma ("52,51"); nil otherwise.
        static func number(_ text: String) -> Double? {
            guard !text.isEmpty, text.count <= 30 else { return nil }
            return Double(text.replacingOccurrences(of: ",", with: ".")).flatMap { $0.isFinite ? $0 : nil }
        }

        /// `base` with the form's values and the checked position.
        func applied(to base: SocialMap.Location) -> SocialMap.Location {
            var location = base
            location.organisationID = organisationID
            location.name = EntryForm.optional(name)
            let hasAddress = !(address.isEmpty && postalCode.isEmpty && place.isEmpty)
            location.address =
                hasAddress
                ? SocialMap.PhysicalAddress(
                    id: base.address?.id ?? "\(base.id)-adres", address1: EntryForm.optional(address),
                    city: EntryForm.optional(place), postalCode: EntryForm.optional(postalCode), country: "NL",
                    extra: base.address?.extra ?? [])
                : nil
            if let position {
                location.latitude = position.latitude
                location.longitude = position.longitude
                location.positionIsApproximate = position.isApproximate
                location.municipalityCode = position.municipality.code
            }
            return location
        }
    }
}
