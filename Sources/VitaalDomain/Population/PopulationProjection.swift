import Foundation

/// An age band of the population projection (leeftijdsgroep). `PopulationAgeBand.all` is the one banding
/// of inhabitants that the workforce model (care use per band) and the acute-care model (ride rates per
/// band) both use.
public struct PopulationAgeBand: Sendable, Hashable {
    /// "0-19", "20-64", "65-79", "80+": the keys of the acute-care ride rates and band factors.
    public var id: String
    public var name: String
    /// Aged 65 or over (the documents' "65+").
    public var isSenior: Bool

    public static let all: [PopulationAgeBand] = [
        PopulationAgeBand(id: "0-19", name: "0–19 jaar", isSenior: false),
        PopulationAgeBand(id: "20-64", name: "20–64 jaar", isSenior: false),
        PopulationAgeBand(id: "65-79", name: "65–79 jaar", isSenior: true),
        PopulationAgeBand(id: "80+", name: "80 jaar en ouder", isSenior: true)
    ]
}

/// A municipality's measured inhabitants and its assumed age structure, the start of the projection.
public struct PopulationMunicipality: Sendable, Hashable {
    /// CBS code, e.g. "GM0034".
    public var code: String
    public var name: String
    /// Inhabitants on 1 January 2016 (Provincie Flevoland, Standcijfers 1 januari 2016).
    public var population2016: Double
    /// Inhabitants on 1 January 2024 (CBS, Kerncijfers wijken en buurten 2024).
    public var population2024: Double
    /// Share of each `PopulationAgeBand.all` band in 2024 — an assumption (voorbeelddata): the open data
    /// in Vitaal has no age breakdown per municipality.
    public var bandShares2024: [Double]
    /// Dwellings on 1 January 2024 (CBS, Kerncijfers wijken en buurten 2024, woningvoorraad): the start of
    /// the households path, one household per dwelling — an assumption, the open data in Vitaal has no
    /// household counts.
    public var dwellings2024: Double
}

/// The one population projection of Flevoland (bevolkingsprognose) per municipality × age band × year,
/// read by the workforce model, the acute-care model and the monitor.
///
/// The documents disagree about 2035: the Regioplan IZA expects +16 % inhabitants 2023→2035 (about
/// 515,000), Flever's Jaarplan 2025 "ruim 540.000". Vitaal keeps one projection with two variants: the
/// Regioplan path is the base variant (`basis`, used by the workforce model and the monitor), the 540,000
/// a named high variant (`hoog`, used by the acute-care growth scenario). Both are calibrated exactly:
///
/// - each municipality keeps the relative pace of its measured growth 2016–2024; one factor per variant
///   scales those paces so the province reaches its 2035 figure (`pace`);
/// - years before 2024 follow each municipality's measured 2016–2024 growth (derived, not measured);
/// - the 65+ bands grow by one yearly factor, linear from 2024, so that 1 in 5 inhabitants is 65+ in 2035
///   (Regioplan IZA, hoofdstuk 2); the younger bands make up the rest, so the bands sum to the total;
/// - households (huishoudens) start at one per dwelling in 2024; the average household shrinks linearly by
///   one province-wide rate, set so that the base variant has +22 % households 2023→2035 (Regioplan IZA,
///   hoofdstuk 2). Both variants share that household size, so the high variant has more households.
public struct PopulationProjection: Sendable, Hashable {
    public enum Variant: String, Sendable, Hashable, CaseIterable {
        /// Regioplan IZA Flevoland: +16 % 2023→2035.
        case base = "basis"
        /// Flever, Jaarplan 2025: 540,000 inhabitants in 2035.
        case high = "hoog"

        public var name: String {
            switch self {
            case .base: return "Basisvariant: +16 % inwoners 2023–2035 (Regioplan IZA Flevoland)"
            case .high: return "Hoge variant: 540.000 inwoners in 2035 (Flever, Jaarplan 2025)"
            }
        }
    }

    public var variant: Variant
    public var years: ClosedRange<Int>
    public var bands: [PopulationAgeBand]
    public var municipalities: [PopulationMunicipality]
    /// Scale on each municipality's measured growth pace 2016–2024 from 2024 on (1 = the same pace).
    public var pace: Double
    /// Factor on the 65+ bands in 2035 relative to 2024 (linear in between, and continued after 2035).
    public var seniorFactor2035: Double
    /// Yearly decline of the average household size, as a share of the 2024 size (linear: in year y the
    /// size is `1 - householdSizeDecline * (y - 2024)` times that of 2024).
    public var householdSizeDecline: Double
    /// `cells[m][year - years.lowerBound][b]`: inhabitants (not rounded, so sums are exact).
    var cells: [[[Double]]]

    // MARK: The documents' figures

    /// Regioplan IZA Flevoland, hoofdstuk 2 ‘Flevoland in woord en beeld’: inhabitants +16 % 2023→2035.
    public static let regioplanGrowth2023To2035 = 0.16
    /// Flever, Jaarplan 2025, ‘Bouwen aan de Samenleving’: "ruim 540.000" inhabitants in 2035.
    public static let fleverInhabitants2035 = 540_000.0
    /// Regioplan IZA Flevoland, hoofdstuk 2 ‘Flevoland in woord en beeld’: households +22 % 2023→2035.
    public static let regioplanHouseholdGrowth2023To2035 = 0.22
    /// Regioplan IZA Flevoland, hoofdstuk 2: in 2035 about 1 in 5 inhabitants is 65 or older.
    public static let seniorShare2035 = 0.20
    public static let baseYear = 2024
    public static let targetYear = 2035

    /// Where the numbers come from (titles and sections).
    public static let source =
        "CBS, Kerncijfers wijken en buurten 2024 (inwoners per gemeente op 1 januari 2024); Provincie Flevoland, Standcijfers 1 januari 2016 (inwoners per gemeente); CBS, Kerncijfers wijken en buurten 2024 (woningvoorraad per gemeente); Regioplan IZA Flevoland, hoofdstuk 2 ‘Flevoland in woord en beeld’ (+16 % inwoners en +22 % huishoudens 2023–2035, in 2035 1 op de 5 inwoners 65+); Flever, Jaarplan 2025, ‘Bouwen aan de Samenleving’ (ruim 540.000 inwoners in 2035)."

    /// What Vitaal assumed or derived (Dutch, shown on screen next to the figures).
    public static let assumptions = [
        "Prognose, geen meting. De documenten verschillen: het Regioplan IZA verwacht +16 % inwoners 2023–2035 (basisvariant, gebruikt door het arbeidsmarktmodel en de monitor), Flever noemt ruim 540.000 inwoners in 2035 (hoge variant, gebruikt door het groeiscenario van de acute zorg).",
        "Afgeleid: elke gemeente groeit in het tempo van haar gemeten groei 2016–2024, met één factor per variant geschaald zodat de provincie het cijfer van 2035 haalt; na 2035 loopt hetzelfde tempo door.",
        "Afgeleid: de jaren vóór 2024 (ook 2023, het startjaar van de +16 %) volgen de gemeten groei per gemeente 2016–2024.",
        "Voorbeelddata: de leeftijdsopbouw per gemeente in 2024 is aangenomen (de open data in Vitaal heeft geen leeftijden per gemeente); het aandeel 65+ groeit lineair zodat in 2035 1 op de 5 inwoners 65+ is.",
        "Aangenomen: in 2024 één huishouden per woning (CBS-woningvoorraad; de open data in Vitaal heeft geen aantallen huishoudens); het gemiddelde huishouden wordt elk jaar even veel kleiner, zodat de basisvariant +22 % huishoudens 2023–2035 heeft (Regioplan IZA). De hoge variant gebruikt dezelfde huishoudensgrootte."
    ]

    /// The six municipalities: 2016 and 2024 inhabitants as published, 2024 age structure assumed.
    public static var flevolandMunicipalities: [PopulationMunicipality] {
        func m(_ code: String, _ name: String, _ in2016: Double, _ shares: [Double]) -> PopulationMunicipality {
            PopulationMunicipality(
                code: code, name: name, population2016: in2016,
                population2024: FlevolandOpenData.population2024(code)?.value ?? 0, bandShares2024: shares,
                dwellings2024: FlevolandOpenData.dwellings2024(code)?.value ?? 0)
        }
        // Age shares: a young Urk, an older Noordoostpolder and Zeewolde, about 17 % 65+ in the province.
        return [
            m("GM0034", "Almere", 198_145, [0.24, 0.61, 0.115, 0.035]),
            m("GM0050", "Zeewolde", 22_113, [0.23, 0.57, 0.15, 0.05]),
            m("GM0171", "Noordoostpolder", 46_439, [0.24, 0.56, 0.15, 0.05]),
            m("GM0184", "Urk", 19_987, [0.34, 0.55, 0.085, 0.025]),
            m("GM0303", "Dronten", 40_592, [0.24, 0.57, 0.145, 0.045]),
            m("GM0995", "Lelystad", 76_792, [0.23, 0.58, 0.145, 0.045])
        ]
    }

    /// The base variant (Regioplan IZA), 2020–2040.
    public static let flevoland = PopulationProjection(variant: .base)
    /// The high variant (Flever, 540,000 in 2035), 2020–2040.
    public static let flevolandHigh = PopulationProjection(variant: .high)

    public static func flevoland(_ variant: Variant) -> PopulationProjection {
        switch variant {
        case .base: return flevoland
        case .high: return flevolandHigh
        }
    }

    /// Calibrates `variant` on `municipalities` (see the type's documentation).
    public init(
        variant: Variant, municipalities: [PopulationMunicipality] = flevolandMunicipalities,
        years: ClosedRange<Int> = 2020...2040
    ) {
        let base = Self.baseYear
        let target = Self.targetYear
        // Measured yearly pace per municipality (log growth 2016–2024).
        let paces = municipalities.map { log($0.population2024 / $0.population2016) / 8 }
        func total(_ year: Int, pace k: Double) -> Double {
            zip(municipalities, paces).reduce(0) { sum, mp in
                let factor = year < base ? 1 : k
                return sum + mp.0.population2024 * exp(factor * mp.1 * Double(year - base))
            }
        }
        // The total grows monotonically with k: bisection.
        func pace(reaching goal: Double) -> Double {
            var low = 0.0
            var high = 10.0
            for _ in 0..<200 {
                let mid = (low + high) / 2
                if total(target, pace: mid) < goal { low = mid } else { high = mid }
            }
            return (low + high) / 2
        }
        let basePace = pace(reaching: total(2023, pace: 1) * (1 + Self.regioplanGrowth2023To2035))
        let k = variant == .base ? basePace : pace(reaching: Self.fleverInhabitants2035)
        // Households on the base path: dwellings × growth of the inhabitants ÷ household size factor s(y),
        // s(y) = 1 - d (y - 2024). With G the dwelling-weighted growth of the inhabitants 2023→2035,
        // G (1 + d) / (1 - 11 d) = 1.22 gives d = (r - 1) / (11 r + 1), r = 1.22 / G.
        func weightedGrowth(_ year: Int) -> Double {
            zip(municipalities, paces).reduce(0) { sum, mp in
                sum + mp.0.dwellings2024 * exp((year < base ? 1 : basePace) * mp.1 * Double(year - base))
            }
        }
        let r = (1 + Self.regioplanHouseholdGrowth2023To2035) / (weightedGrowth(target) / weightedGrowth(2023))
        let decline = (r - 1) / (r * Double(target - base) + 1)
        let bands = PopulationAgeBand.all
        func totalOf(_ i: Int, _ year: Int) -> Double {
            municipalities[i].population2024 * exp((year < base ? 1 : k) * paces[i] * Double(year - base))
        }
        func seniorShare(_ m: PopulationMunicipality) -> Double {
            zip(m.bandShares2024, bands).reduce(0) { $0 + ($1.1.isSenior ? $1.0 : 0) }
        }
        // 65+ in 2035 without the factor; the factor lifts it to exactly one in five.
        let seniors2035 = municipalities.indices.reduce(0.0) {
            $0 + totalOf($1, target) * seniorShare(municipalities[$1])
        }
        let all2035 = municipalities.indices.reduce(0.0) { $0 + totalOf($1, target) }
        let seniorFactor = Self.seniorShare2035 * all2035 / seniors2035
        self.variant = variant
        self.years = years
        self.bands = bands
        self.municipalities = municipalities
        self.pace = k
        self.seniorFactor2035 = seniorFactor
        self.householdSizeDecline = decline
        cells = municipalities.indices.map { i in
            let m = municipalities[i]
            let senior = seniorShare(m)
            return years.map { year in
                let a = 1 + (seniorFactor - 1) * Double(year - base) / Double(target - base)
                let rest = senior < 1 ? (1 - a * senior) / (1 - senior) : 0
                let t = totalOf(i, year)
                return zip(m.bandShares2024, bands).map { share, band in t * share * (band.isSenior ? a : rest) }
            }
        }
    }

    // MARK: Reading

    /// Inhabitants of a municipality (by name, as both models name them) in a year, per band.
    public func bandPopulation(municipality name: String, year: Int) -> [Double] {
        guard let i = municipalities.firstIndex(where: { $0.name == name }), years.contains(year) else {
            return bands.map { _ in 0 }
        }
        return cells[i][year - years.lowerBound]
    }

    /// Inhabitants of a group of municipalities in a year, per band (e.g. a workforce subregion).
    public func bandPopulation(municipalities names: [String], year: Int) -> [Double] {
        names.reduce(bands.map { _ in 0.0 }) { sum, name in
            zip(sum, bandPopulation(municipality: name, year: year)).map { $0 + $1 }
        }
    }

    public func population(municipality name: String, year: Int) -> Double {
        bandPopulation(municipality: name, year: year).reduce(0, +)
    }

    /// The province per band.
    public func bandTotals(year: Int) -> [Double] {
        bandPopulation(municipalities: municipalities.map(\.name), year: year)
    }

    /// The province.
    public func total(year: Int) -> Double { bandTotals(year: year).reduce(0, +) }

    /// Share of inhabitants aged 65 or over in the province.
    public func seniorShare(year: Int) -> Double {
        let totals = bandTotals(year: year)
        let all = totals.reduce(0, +)
        let seniors = zip(totals, bands).reduce(0) { $0 + ($1.1.isSenior ? $1.0 : 0) }
        return all > 0 ? seniors / all : 0
    }

    /// The average household size in `year` relative to 2024 (1 in 2024, smaller later).
    public func householdSizeFactor(year: Int) -> Double {
        1 - householdSizeDecline * Double(year - Self.baseYear)
    }

    /// Households (huishoudens) of a municipality in a year: its 2024 dwellings, grown with its
    /// inhabitants and divided by the household size factor.
    public func households(municipality name: String, year: Int) -> Double {
        guard let m = municipalities.first(where: { $0.name == name }), m.population2024 > 0 else { return 0 }
        return m.dwellings2024 * population(municipality: name, year: year) / m.population2024
            / householdSizeFactor(year: year)
    }

    /// Households in the province.
    public func households(year: Int) -> Double {
        municipalities.reduce(0) { $0 + households(municipality: $1.name, year: year) }
    }

    /// Share of each band in the province.
    public func bandShares(year: Int) -> [Double] {
        let totals = bandTotals(year: year)
        let all = totals.reduce(0, +)
        return totals.map { all > 0 ? $0 / all : 0 }
    }
}
