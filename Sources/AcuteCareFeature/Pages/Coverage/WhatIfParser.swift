import Foundation
import VitaalDomain

/// Reads a `WhatIfForm` into `ScenarioChanges`, one part of the form at a time, collecting every
/// problem with its field. Messages start with the label the user sees next to the field.
struct WhatIfParser {
    typealias Limits = AcuteCareLimits
    let form: WhatIfForm
    var problems = ProblemCollector()
    var changes = ScenarioChanges()

    init(form: WhatIfForm) { self.form = form }

    func value(_ field: String) -> String? { form.value(field) }

    mutating func add(_ message: String, _ field: String) {
        problems.add(message, at: SourceLocation(field: field))
    }

    func number(_ value: Double, decimals: Int = 0) -> String { AcuteCareFormat.number(value, decimals: decimals) }

    /// The field as a number; text that is no number is a problem.
    mutating func num(_ field: String, _ label: String) -> Double? {
        guard let text = value(field) else { return nil }
        guard let parsed = WhatIfForm.parseNumber(text) else {
            add("\(label): \"\(BoundedNumber.short(text))\" is geen getal", field)
            return nil
        }
        return parsed
    }

    /// A number within `range`; outside it the message states the limits.
    mutating func bounded(_ field: String, _ label: String, _ range: ClosedRange<Double>) -> Double? {
        guard let parsed = num(field, label) else { return nil }
        guard range.contains(parsed) else {
            add(
                "\(label): kies een waarde van \(number(range.lowerBound)) tot en met \(number(range.upperBound)) "
                    + "(is \(number(parsed, decimals: 1)))", field)
            return nil
        }
        return parsed
    }

    // MARK: Norm, dispatch time and rides

    mutating func parseNormAndRides() {
        if let norm = num("norm", "Norm") {
            if norm <= 0 {
                add("Norm: de norm moet groter zijn dan 0 minuten (is \(number(norm, decimals: 1)))", "norm")
            } else if norm > Limits.normMinutes.upperBound {
                add("Norm: hoogstens 240 minuten (is \(number(norm, decimals: 1)))", "norm")
            }
            changes.normMinutes = norm
        }
        if let dispatch = num("meldtijd", "Meldings- en uitruktijd") {
            if dispatch < 0 {
                add("Meldings- en uitruktijd mag niet negatief zijn (is \(number(dispatch, decimals: 1)))", "meldtijd")
            } else if dispatch >= (changes.normMinutes ?? 15) {
                add(
                    "Meldings- en uitruktijd (\(number(dispatch, decimals: 1)) min) moet kleiner zijn dan de norm",
                    "meldtijd")
            }
            changes.dispatchMinutes = dispatch
        }
        if let rides = num("ritten", "Ritten per jaar") {
            if rides < 0 {
                add("Ritten per jaar: mag niet negatief zijn (is \(number(rides)))", "ritten")
            } else if rides > Limits.ridesPerYear.upperBound {
                add(
                    "Ritten per jaar: hoogstens \(number(Limits.ridesPerYear.upperBound)) (is \(number(rides)))",
                    "ritten")
            } else {
                changes.ridesPerYear = rides
            }
        }
    }

    // MARK: Posts

    /// A new post at a town or at coordinates, and a post to close.
    mutating func parsePost() {
        let latitude = bounded("post_lat", "Nieuwe post, breedtegraad", Limits.latitude)
        let longitude = bounded("post_lon", "Nieuwe post, lengtegraad", Limits.longitude)
        var location: GeoPoint?
        var name = value("post_naam")
        if let town = value("post_plaats") {
            if let place = AcuteCareDemo.places.first(where: { $0.id == town }) {
                location = place.location
                name = name ?? place.name
            } else {
                add("Nieuwe post: onbekende plaats \"\(BoundedNumber.short(town))\"", "post_plaats")
            }
        } else if latitude != nil || longitude != nil {
            if let latitude, let longitude {
                location = GeoPoint(lon: longitude, lat: latitude)
            } else {
                add("Nieuwe post: vul zowel breedte- als lengtegraad in", latitude == nil ? "post_lat" : "post_lon")
            }
        } else if value("post_naam") != nil {
            add("Nieuwe post: kies een plaats of vul coördinaten in", "post_plaats")
        }
        if (value("post_naam")?.count ?? 0) > Limits.maxTextLength {
            add("Nieuwe post, naam: hoogstens \(Limits.maxTextLength) tekens", "post_naam")
            location = nil
        }
        if let location {
            if !AcuteGeo.isInNetherlands(location) {
                add(
                    "Nieuwe post: de coördinaten (\(location.lat), \(location.lon)) liggen buiten Nederland", "post_lat"
                )
            }
            changes.addedPosts = [
                AmbulancePost(
                    id: "nieuwe-post", name: name ?? "Nieuwe post", location: location,
                    isSchematic: true,
                    note: "Schematisch: nieuwe post in een wat-als-berekening.")
            ]
        }
        if let removed = value("opheffen") {
            if AcuteCareDemo.posts.contains(where: { $0.id == removed }) {
                changes.removedPostIds = [removed]
            } else {
                add("Post opheffen: onbekende post \"\(BoundedNumber.short(removed))\"", "opheffen")
            }
        }
    }
}
