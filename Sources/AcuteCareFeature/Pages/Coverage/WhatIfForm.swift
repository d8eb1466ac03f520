import AppCore
import Vapor
import VitaalDomain

/// The scenario form (GET for a what-if, POST to save). Every field is optional text so bad input
/// can be reported by field name instead of failing to decode.
struct WhatIfForm: Content {
    var norm: String?
    var meldtijd: String?
    var post_plaats: String?
    var post_lat: String?
    var post_lon: String?
    var post_naam: String?
    var opheffen: String?
    var wijk_naam: String?
    var wijk_gemeente: String?
    var wijk_lat: String?
    var wijk_lon: String?
    var wijk_inwoners: String?
    var groei_jaar: String?
    var groei_totaal: String?
    var groei_pct: String?
    var groei_almere: String?
    var groei_lelystad: String?
    var groei_dronten: String?
    var groei_noordoostpolder: String?
    var groei_zeewolde: String?
    var groei_urk: String?
    var vergrijzing: String?
    var ritten: String?
    // Saving only:
    var naam: String?
    var omschrijving: String?

    static let baseYear = 2024
    /// Form field → municipality name of the demo demand points.
    static let municipalityFields: [(field: String, name: String)] = [
        ("groei_almere", "Almere"), ("groei_lelystad", "Lelystad"), ("groei_dronten", "Dronten"),
        ("groei_noordoostpolder", "Noordoostpolder"), ("groei_zeewolde", "Zeewolde"), ("groei_urk", "Urk")
    ]

    func value(_ field: String) -> String? {
        let v: String?
        switch field {
        case "norm": v = norm
        case "meldtijd": v = meldtijd
        case "post_plaats": v = post_plaats
        case "post_lat": v = post_lat
        case "post_lon": v = post_lon
        case "post_naam": v = post_naam
        case "opheffen": v = opheffen
        case "wijk_naam": v = wijk_naam
        case "wijk_gemeente": v = wijk_gemeente
        case "wijk_lat": v = wijk_lat
        case "wijk_lon": v = wijk_lon
        case "wijk_inwoners": v = wijk_inwoners
        case "groei_jaar": v = groei_jaar
        case "groei_totaal": v = groei_totaal
        case "groei_pct": v = groei_pct
        case "groei_almere": v = groei_almere
        case "groei_lelystad": v = groei_lelystad
        case "groei_dronten": v = groei_dronten
        case "groei_noordoostpolder": v = groei_noordoostpolder
        case "groei_zeewolde": v = groei_zeewolde
        case "groei_urk": v = groei_urk
        case "vergrijzing": v = vergrijzing
        case "ritten": v = ritten
        case "naam": v = naam
        case "omschrijving": v = omschrijving
        default: v = nil
        }
        let trimmed = v?.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed?.isEmpty == true ? nil : trimmed
    }

    /// The scenario fields that are filled in, as (name, value) pairs (for links and hidden fields).
    static let scenarioFields =
        [
            "norm", "meldtijd", "post_plaats", "post_lat", "post_lon", "post_naam", "opheffen",
            "wijk_naam", "wijk_gemeente", "wijk_lat", "wijk_lon", "wijk_inwoners", "groei_jaar",
            "groei_totaal", "groei_pct"
        ] + municipalityFields.map(\.field) + ["vergrijzing", "ritten"]

    /// The changes described by the form; every problem names its field (and the label the user
    /// sees). Every number is bounded (`AcuteCareLimits`, documented in docs/acute-care-model.md).
    func changes() throws -> ScenarioChanges {
        var parser = WhatIfParser(form: self)
        parser.parseNormAndRides()
        parser.parsePost()
        parser.parseDistrict()
        parser.parseGrowth()
        try parser.problems.throwIfAny("De invoer van het scenario klopt niet")
        return parser.changes
    }

    /// The first problem per field, for the message next to the field.
    static func fieldErrors(_ error: VitaalError?) -> [String: String] {
        var errors: [String: String] = [:]
        for problem in error?.problems ?? [] {
            guard let field = problem.location.field, errors[field] == nil else { continue }
            errors[field] = problem.message
        }
        return errors
    }
    var filled: [(String, String)] { Self.scenarioFields.compactMap { field in value(field).map { (field, $0) } } }
    var isEmpty: Bool { filled.isEmpty }

    /// Parses a number written the Dutch or the English way: "540.000", "12,5", "12.5", "-3".
    /// Thousands separators are removed first; the rest goes through `BoundedNumber` (digits, one
    /// separator, optional sign; no exponent, `nan` or `inf`, at most 40 characters), so "1e19"
    /// is not a number here and nothing huge reaches the model.
    static func parseNumber(_ text: String) -> Double? {
        guard text.count <= 60 else { return nil }
        var s = text.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\u{00A0}", with: "")
        let grouped = s.range(of: #"^-?\d{1,3}(\.\d{3})+$"#, options: .regularExpression) != nil
        if (s.contains(",") && s.contains(".")) || grouped { s = s.replacingOccurrences(of: ".", with: "") }
        return try? BoundedNumber.decimal(
            s, field: "getal", in: -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude)
    }
}
