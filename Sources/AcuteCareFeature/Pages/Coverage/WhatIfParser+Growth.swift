import Foundation
import VitaalDomain

/// A new district, and population growth to a target year.
extension WhatIfParser {
    mutating func parseDistrict() {
        let latitude = bounded("wijk_lat", "Nieuwe wijk, breedtegraad", Limits.latitude)
        let longitude = bounded("wijk_lon", "Nieuwe wijk, lengtegraad", Limits.longitude)
        let residents = num("wijk_inwoners", "Nieuwe wijk, inwoners")
        guard latitude != nil || longitude != nil || residents != nil || value("wijk_naam") != nil else { return }
        if latitude == nil && value("wijk_lat") == nil { add("Nieuwe wijk: breedtegraad ontbreekt", "wijk_lat") }
        if longitude == nil && value("wijk_lon") == nil { add("Nieuwe wijk: lengtegraad ontbreekt", "wijk_lon") }
        if residents == nil && value("wijk_inwoners") == nil {
            add("Nieuwe wijk: aantal inwoners ontbreekt", "wijk_inwoners")
        }
        var population = residents
        if let residents, residents < 0 {
            add("Nieuwe wijk: het aantal inwoners mag niet negatief zijn (is \(number(residents)))", "wijk_inwoners")
            population = nil
        } else if let residents, residents > Limits.population.upperBound {
            add(
                "Nieuwe wijk: hoogstens \(number(Limits.population.upperBound)) inwoners (is \(number(residents)))",
                "wijk_inwoners")
            population = nil
        }
        if (value("wijk_naam")?.count ?? 0) > Limits.maxTextLength {
            add("Nieuwe wijk, naam: hoogstens \(Limits.maxTextLength) tekens", "wijk_naam")
            population = nil
        }
        guard let latitude, let longitude, let population else { return }
        let location = GeoPoint(lon: longitude, lat: latitude)
        if !AcuteGeo.isInNetherlands(location) {
            add("Nieuwe wijk: de coördinaten (\(latitude), \(longitude)) liggen buiten Nederland", "wijk_lat")
        }
        let municipality = value("wijk_gemeente")
        if let municipality, !WhatIfForm.municipalityFields.contains(where: { $0.name == municipality }) {
            add("Nieuwe wijk: onbekende gemeente \"\(BoundedNumber.short(municipality))\"", "wijk_gemeente")
        }
        changes.newDistricts = [
            DemandPoint(
                id: "nieuwe-wijk", location: location, population: population,
                municipality: municipality, name: value("wijk_naam") ?? "Nieuwe wijk",
                isSchematic: true, note: "Schematisch: nieuwe wijk in een wat-als-berekening.")
        ]
    }

    /// A growth percentage within the limits (a shrink of 100 % or more is impossible).
    mutating func isValidGrowth(_ percent: Double, _ field: String, _ label: String) -> Bool {
        if percent <= -100 {
            add("\(label): een krimp van 100% of meer is niet mogelijk (is \(number(percent, decimals: 1))%)", field)
            return false
        }
        if !Limits.growthPercent.contains(percent) {
            add("\(label): kies een groei van −99% tot en met +500% (is \(number(percent, decimals: 1))%)", field)
            return false
        }
        return true
    }

    mutating func parseGrowth() {
        let year = num("groei_jaar", "Groei, doeljaar")
        let total = num("groei_totaal", "Groei, inwoners in het doeljaar")
        let percent = num("groei_pct", "Groei, procent voor alle gemeenten")
        var perMunicipality: [String: Double] = [:]
        var isValid = true
        for (field, name) in WhatIfForm.municipalityFields {
            guard let growth = num(field, "Groei \(name) (%)") else { continue }
            if isValidGrowth(growth, field, "Groei \(name)") {
                perMunicipality[name] = 1 + growth / 100
            } else {
                isValid = false
            }
        }
        let ageing = value("vergrijzing") != nil
        guard year != nil || total != nil || percent != nil || !perMunicipality.isEmpty || ageing || !isValid else {
            return
        }
        let target = targetYear(year, isValid: &isValid)
        if total != nil && percent != nil {
            add("Groei: vul óf het aantal inwoners in het doeljaar óf een percentage in, niet allebei", "groei_totaal")
            isValid = false
        }
        if let percent, !isValidGrowth(percent, "groei_pct", "Groei") { isValid = false }
        if let total, !Limits.population.contains(total) {
            add(
                "Groei, inwoners in het doeljaar: kies een aantal van 0 tot en met "
                    + "\(number(Limits.population.upperBound)) (is \(number(total)))", "groei_totaal")
            isValid = false
        }
        var defaultFactor = 1 + (percent ?? 0) / 100
        if let total, isValid {
            if let factor = otherMunicipalitiesFactor(total: total, perMunicipality: perMunicipality) {
                defaultFactor = factor
            } else {
                isValid = false
            }
        }
        guard isValid else { return }
        changes.growth = PopulationGrowth(
            baseYear: WhatIfForm.baseYear, targetYear: max(target, WhatIfForm.baseYear),
            factorByMunicipality: perMunicipality, defaultFactor: defaultFactor,
            bandFactors: ageing ? AcuteCareDemo.ageing2035 : [:])
    }

    /// The target year (2035 when not given). It is checked as a number before it becomes an Int:
    /// "1e19" never reaches Int(_:).
    mutating func targetYear(_ year: Double?, isValid: inout Bool) -> Int {
        guard let year else { return 2035 }
        if year == year.rounded(), year >= Double(Limits.years.lowerBound), year <= Double(Limits.years.upperBound) {
            return Int(year)
        }
        add(
            "Groei, doeljaar: kies een jaar van \(Limits.years.lowerBound) tot en met \(Limits.years.upperBound) "
                + "(is \(number(year, decimals: 1)))", "groei_jaar")
        isValid = false
        return 2035
    }

    /// The growth factor of the municipalities without their own percentage, so that the region
    /// reaches `total` (new districts included); nil (with a problem) when no such factor is allowed.
    mutating func otherMunicipalitiesFactor(total: Double, perMunicipality: [String: Double]) -> Double? {
        let places = AcuteCareDemo.places
        let fixed = places.reduce(0.0) { sum, place in
            sum + (perMunicipality[place.municipality].map { place.population * $0 } ?? 0)
        }
        let rest = places.filter { perMunicipality[$0.municipality] == nil }.reduce(0.0) { $0 + $1.population }
        let districts = changes.newDistricts.reduce(0.0) { $0 + $1.population }
        let factor = rest > 0 ? (total - districts - fixed) / rest : 1
        if !(factor > 0) {
            add(
                "Groei: \(number(total)) inwoners in het doeljaar is te weinig voor de opgegeven gemeenten en wijken",
                "groei_totaal")
            return nil
        }
        if !Limits.growthFactor.contains(factor) {
            add(
                "Groei: \(number(total)) inwoners in het doeljaar vraagt een groei van de overige gemeenten buiten "
                    + "−99% tot +500%", "groei_totaal")
            return nil
        }
        return factor
    }
}
