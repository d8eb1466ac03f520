import Vapor
import AppCore
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
        ("groei_noordoostpolder", "Noordoostpolder"), ("groei_zeewolde", "Zeewolde"), ("groei_urk", "Urk"),
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
        let t = v?.trimmingCharacters(in: .whitespacesAndNewlines)
        return t?.isEmpty == true ? nil : t
    }

    /// The scenario fields that are filled in, as (name, value) pairs (for links and hidden fields).
    static let scenarioFields = ["norm", "meldtijd", "post_plaats", "post_lat", "post_lon", "post_naam", "opheffen",
                                 "wijk_naam", "wijk_gemeente", "wijk_lat", "wijk_lon", "wijk_inwoners", "groei_jaar",
                                 "groei_totaal", "groei_pct"] + municipalityFields.map(\.field) + ["vergrijzing", "ritten"]
    var filled: [(String, String)] { Self.scenarioFields.compactMap { f in value(f).map { (f, $0) } } }
    var isEmpty: Bool { filled.isEmpty }

    /// Parses a number written the Dutch or the English way: "540.000", "12,5", "12.5", "-3".
    /// Thousands separators are removed first; the rest goes through `BoundedNumber` (digits, one
    /// separator, optional sign; no exponent, `nan` or `inf`, at most 40 characters), so "1e19"
    /// is not a number here and nothing huge reaches the model.
    static func parseNumber(_ text: String) -> Double? {
        guard text.count <= 60 else { return nil }
        var s = text.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\u{00A0}", with: "")
        if s.contains(",") && s.contains(".") { s = s.replacingOccurrences(of: ".", with: "") }
        else if s.range(of: #"^-?\d{1,3}(\.\d{3})+$"#, options: .regularExpression) != nil { s = s.replacingOccurrences(of: ".", with: "") }
        return try? BoundedNumber.decimal(s, field: "getal", in: -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude)
    }


    /// The changes described by the form; every problem names its field (and the label the user sees).
    /// Every number is bounded (`AcuteCareLimits`, documented in docs/acute-care-model.md).
    func changes() throws -> ScenarioChanges {
        typealias L = AcuteCareLimits
        var p = ProblemCollector()
        func num(_ field: String, _ label: String) -> Double? {
            guard let t = value(field) else { return nil }
            guard let v = Self.parseNumber(t) else { p.add("\(label): \"\(BoundedNumber.short(t))\" is geen getal", at: SourceLocation(field: field)); return nil }
            return v
        }
        /// A number within `range`; outside it the message states the limits.
        func bounded(_ field: String, _ label: String, _ range: ClosedRange<Double>, unit: String = "") -> Double? {
            guard let v = num(field, label) else { return nil }
            guard range.contains(v) else {
                p.add("\(label): kies een waarde van \(AcuteCareFormat.number(range.lowerBound))\(unit) tot en met \(AcuteCareFormat.number(range.upperBound))\(unit) (is \(AcuteCareFormat.number(v, decimals: 1))\(unit))",
                      at: SourceLocation(field: field))
                return nil
            }
            return v
        }
        var c = ScenarioChanges()
        if let n = num("norm", "Norm") {
            if n <= 0 { p.add("Norm: de norm moet groter zijn dan 0 minuten (is \(AcuteCareFormat.number(n, decimals: 1)))", at: SourceLocation(field: "norm")) }
            else if n > L.normMinutes.upperBound { p.add("Norm: hoogstens 240 minuten (is \(AcuteCareFormat.number(n, decimals: 1)))", at: SourceLocation(field: "norm")) }
            c.normMinutes = n
        }
        if let d = num("meldtijd", "Meldings- en uitruktijd") {
            if d < 0 { p.add("Meldings- en uitruktijd mag niet negatief zijn (is \(AcuteCareFormat.number(d, decimals: 1)))", at: SourceLocation(field: "meldtijd")) }
            else if d >= (c.normMinutes ?? 15) { p.add("Meldings- en uitruktijd (\(AcuteCareFormat.number(d, decimals: 1)) min) moet kleiner zijn dan de norm", at: SourceLocation(field: "meldtijd")) }
            c.dispatchMinutes = d
        }
        if let r = num("ritten", "Ritten per jaar") {
            if r < 0 { p.add("Ritten per jaar: mag niet negatief zijn (is \(AcuteCareFormat.number(r)))", at: SourceLocation(field: "ritten")) }
            else if r > L.ridesPerYear.upperBound {
                p.add("Ritten per jaar: hoogstens \(AcuteCareFormat.number(L.ridesPerYear.upperBound)) (is \(AcuteCareFormat.number(r)))", at: SourceLocation(field: "ritten"))
            } else { c.ridesPerYear = r }
        }
        let places = Dictionary(AcuteCareDemo.places.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })

        // New post at a town or at coordinates.
        let postLat = bounded("post_lat", "Nieuwe post, breedtegraad", L.latitude), postLon = bounded("post_lon", "Nieuwe post, lengtegraad", L.longitude)
        var postLocation: GeoPoint?
        var postName = value("post_naam")
        if let town = value("post_plaats") {
            if let place = places[town] { postLocation = place.location; postName = postName ?? place.name }
            else { p.add("Nieuwe post: onbekende plaats \"\(BoundedNumber.short(town))\"", at: SourceLocation(field: "post_plaats")) }
        } else if postLat != nil || postLon != nil {
            if let la = postLat, let lo = postLon { postLocation = GeoPoint(lon: lo, lat: la) }
            else { p.add("Nieuwe post: vul zowel breedte- als lengtegraad in", at: SourceLocation(field: postLat == nil ? "post_lat" : "post_lon")) }
        } else if value("post_naam") != nil {
            p.add("Nieuwe post: kies een plaats of vul coördinaten in", at: SourceLocation(field: "post_plaats"))
        }
        if value("post_naam").map({ $0.count > L.maxTextLength }) == true {
            p.add("Nieuwe post, naam: hoogstens \(L.maxTextLength) tekens", at: SourceLocation(field: "post_naam")); postLocation = nil
        }
        if let loc = postLocation {
            if !AcuteGeo.isInNetherlands(loc) {
                p.add("Nieuwe post: de coördinaten (\(loc.lat), \(loc.lon)) liggen buiten Nederland", at: SourceLocation(field: "post_lat"))
            }
            c.addedPosts = [AmbulancePost(id: "nieuwe-post", name: postName ?? "Nieuwe post", location: loc, isSchematic: true,
                                          note: "Schematisch: nieuwe post in een wat-als-berekening.")]
        }
        if let removed = value("opheffen") {
            if AcuteCareDemo.posts.contains(where: { $0.id == removed }) { c.removedPostIds = [removed] }
            else { p.add("Post opheffen: onbekende post \"\(BoundedNumber.short(removed))\"", at: SourceLocation(field: "opheffen")) }
        }

        // New district.
        let wLat = bounded("wijk_lat", "Nieuwe wijk, breedtegraad", L.latitude), wLon = bounded("wijk_lon", "Nieuwe wijk, lengtegraad", L.longitude)
        let wPop = num("wijk_inwoners", "Nieuwe wijk, inwoners")
        if wLat != nil || wLon != nil || wPop != nil || value("wijk_naam") != nil {
            if wLat == nil && value("wijk_lat") == nil { p.add("Nieuwe wijk: breedtegraad ontbreekt", at: SourceLocation(field: "wijk_lat")) }
            if wLon == nil && value("wijk_lon") == nil { p.add("Nieuwe wijk: lengtegraad ontbreekt", at: SourceLocation(field: "wijk_lon")) }
            if wPop == nil && value("wijk_inwoners") == nil { p.add("Nieuwe wijk: aantal inwoners ontbreekt", at: SourceLocation(field: "wijk_inwoners")) }
            var pop = wPop
            if let w = wPop, w < 0 { p.add("Nieuwe wijk: het aantal inwoners mag niet negatief zijn (is \(AcuteCareFormat.number(w)))", at: SourceLocation(field: "wijk_inwoners")); pop = nil }
            else if let w = wPop, w > L.population.upperBound {
                p.add("Nieuwe wijk: hoogstens \(AcuteCareFormat.number(L.population.upperBound)) inwoners (is \(AcuteCareFormat.number(w)))", at: SourceLocation(field: "wijk_inwoners")); pop = nil
            }
            if value("wijk_naam").map({ $0.count > L.maxTextLength }) == true {
                p.add("Nieuwe wijk, naam: hoogstens \(L.maxTextLength) tekens", at: SourceLocation(field: "wijk_naam")); pop = nil
            }
            if let la = wLat, let lo = wLon, let pop {
                let loc = GeoPoint(lon: lo, lat: la)
                if !AcuteGeo.isInNetherlands(loc) {
                    p.add("Nieuwe wijk: de coördinaten (\(la), \(lo)) liggen buiten Nederland", at: SourceLocation(field: "wijk_lat"))
                }
                let muni = value("wijk_gemeente")
                if let muni, !Self.municipalityFields.contains(where: { $0.name == muni }) {
                    p.add("Nieuwe wijk: onbekende gemeente \"\(BoundedNumber.short(muni))\"", at: SourceLocation(field: "wijk_gemeente"))
                }
                c.newDistricts = [DemandPoint(id: "nieuwe-wijk", location: loc, population: pop, municipality: muni,
                                              name: value("wijk_naam") ?? "Nieuwe wijk", isSchematic: true,
                                              note: "Schematisch: nieuwe wijk in een wat-als-berekening.")]
            }
        }

        // Population growth to a year.
        let year = num("groei_jaar", "Groei, doeljaar")
        let total = num("groei_totaal", "Groei, inwoners in het doeljaar")
        let pct = num("groei_pct", "Groei, procent voor alle gemeenten")
        var perMunicipality: [String: Double] = [:]
        var growthValid = true
        func growthPercent(_ v: Double, _ field: String, _ label: String) -> Bool {
            if v <= -100 { p.add("\(label): een krimp van 100% of meer is niet mogelijk (is \(AcuteCareFormat.number(v, decimals: 1))%)", at: SourceLocation(field: field)); return false }
            if !L.growthPercent.contains(v) {
                p.add("\(label): kies een groei van −99% tot en met +500% (is \(AcuteCareFormat.number(v, decimals: 1))%)", at: SourceLocation(field: field)); return false
            }
            return true
        }
        for (field, name) in Self.municipalityFields {
            if let v = num(field, "Groei \(name) (%)") {
                if growthPercent(v, field, "Groei \(name)") { perMunicipality[name] = 1 + v / 100 } else { growthValid = false }
            }
        }
        let ageing = value("vergrijzing") != nil
        if year != nil || total != nil || pct != nil || !perMunicipality.isEmpty || ageing || !growthValid {
            // The year is checked as a number before it becomes an Int: "1e19" never reaches Int(_:).
            var target = 2035
            if let y = year {
                if y == y.rounded(), y >= Double(L.years.lowerBound), y <= Double(L.years.upperBound) { target = Int(y) }
                else {
                    p.add("Groei, doeljaar: kies een jaar van \(L.years.lowerBound) tot en met \(L.years.upperBound) (is \(AcuteCareFormat.number(y, decimals: 1)))", at: SourceLocation(field: "groei_jaar"))
                    growthValid = false
                }
            }
            if total != nil && pct != nil {
                p.add("Groei: vul óf het aantal inwoners in het doeljaar óf een percentage in, niet allebei", at: SourceLocation(field: "groei_totaal"))
                growthValid = false
            }
            if let v = pct, !growthPercent(v, "groei_pct", "Groei") { growthValid = false }
            if let t = total, !L.population.contains(t) {
                p.add("Groei, inwoners in het doeljaar: kies een aantal van 0 tot en met \(AcuteCareFormat.number(L.population.upperBound)) (is \(AcuteCareFormat.number(t)))", at: SourceLocation(field: "groei_totaal"))
                growthValid = false
            }
            var defaultFactor = 1 + (pct ?? 0) / 100
            if let total, growthValid {
                // The other municipalities grow alike so the region reaches `total` (new districts included).
                let fixed = AcuteCareDemo.places.filter { perMunicipality[$0.municipality] != nil }
                    .reduce(0) { $0 + $1.population * perMunicipality[$1.municipality]! }
                let rest = AcuteCareDemo.places.filter { perMunicipality[$0.municipality] == nil }.reduce(0) { $0 + $1.population }
                let districts = c.newDistricts.reduce(0) { $0 + $1.population }
                let f = rest > 0 ? (total - districts - fixed) / rest : 1
                if !(f > 0) {
                    p.add("Groei: \(AcuteCareFormat.number(total)) inwoners in het doeljaar is te weinig voor de opgegeven gemeenten en wijken", at: SourceLocation(field: "groei_totaal"))
                    growthValid = false
                } else if !L.growthFactor.contains(f) {
                    p.add("Groei: \(AcuteCareFormat.number(total)) inwoners in het doeljaar vraagt een groei van de overige gemeenten buiten −99% tot +500%", at: SourceLocation(field: "groei_totaal"))
                    growthValid = false
                } else { defaultFactor = f }
            }
            if growthValid {
                c.growth = PopulationGrowth(baseYear: Self.baseYear, targetYear: max(target, Self.baseYear), factorByMunicipality: perMunicipality,
                                            defaultFactor: defaultFactor, bandFactors: ageing ? AcuteCareDemo.ageing2035 : [:])
            }
        }
        try p.throwIfAny("De invoer van het scenario klopt niet")
        return c
    }
}
