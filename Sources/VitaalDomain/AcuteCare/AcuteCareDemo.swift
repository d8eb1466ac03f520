import Foundation

/// Schematic demo data for Flevoland: main roads as polylines (nodes every ≤ 1 km), plausible
/// ambulance post locations, demand points per town/village and an example ride volume.
/// Everything here is schematic ("schematisch"): positions are approximate (±1–2 km), populations
/// are approximate CBS-order figures for 1 January 2024 (rounded, not exact), the posts are not
/// the real RAV Flevoland standplaatsen.
public enum AcuteCareDemo {
    public static let note =
        "Schematisch: vereenvoudigd wegennet, benaderde inwonertallen (orde CBS 1-1-2024, afgerond) en aangenomen postlocaties; geen officiële gegevens."

    private static func p(_ lat: Double, _ lon: Double) -> GeoPoint { GeoPoint(lon: lon, lat: lat) }

    // Shared junctions (roads meet exactly here).
    static let almerePoort = p(52.345, 5.150), almereStadWest = p(52.362, 5.195), almereCentrum = p(52.372, 5.225)
    static let knooppuntAlmere = p(52.392, 5.282), almereBuiten = p(52.405, 5.290), almereHout = p(52.355, 5.290)
    static let lelystadZuid = p(52.478, 5.430), lelystad = p(52.515, 5.470), lelystadOost = p(52.508, 5.505),
        lelystadNoord = p(52.545, 5.512)
    static let dronten = p(52.525, 5.719), biddinghuizen = p(52.455, 5.695), swifterbant = p(52.567, 5.637)
    static let zeewolde = p(52.332, 5.540), roggebot = p(52.563, 5.805), kampen = p(52.555, 5.910)
    static let emmeloordWest = p(52.708, 5.728), emmeloord = p(52.710, 5.750), ens = p(52.635, 5.828)
    static let urk = p(52.662, 5.603), tollebeek = p(52.677, 5.668), marknesse = p(52.713, 5.865)

    /// Schematic links: the roads the provincial road file does not have (motorways A6 and A27, the
    /// national road N50) and a few town roads in Almere. Everything else comes from
    /// `ProvincialRoads` (real geometry); see `roadLines`.
    public static let roads: [(name: String, roadClass: RoadClass, points: [GeoPoint])] = [
        (
            "A6 Muiderberg–Almere–Lelystad", .motorway,
            [
                p(52.330, 5.105), almerePoort, almereStadWest, almereCentrum, knooppuntAlmere, almereBuiten,
                p(52.440, 5.360), lelystadZuid, lelystadOost
            ]
        ),
        (
            "A6 Lelystad–Emmeloord–Joure", .motorway,
            [
                lelystadOost, lelystadNoord, p(52.590, 5.560), p(52.620, 5.620), p(52.660, 5.690), emmeloordWest,
                p(52.790, 5.710), p(52.845, 5.715), p(52.960, 5.790)
            ]
        ),
        (
            "A27 Almere–Stichtse Brug (richting Utrecht)", .motorway,
            [knooppuntAlmere, almereHout, p(52.325, 5.270), p(52.300, 5.240)]
        ),
        (
            "N50 Emmeloord–Ens–Kampen", .trunk,
            [emmeloordWest, emmeloord, p(52.680, 5.790), ens, p(52.590, 5.870), kampen]
        ),
        ("Almere Haven", .local, [almereCentrum, p(52.337, 5.218)]),
        ("Almere Poort–Duin", .local, [almerePoort, p(52.352, 5.122)]),
        ("Oosterwold", .local, [almereHout, p(52.340, 5.330)])
    ]

    /// Demand points: (id, name, municipality, population, location). Populations are approximate.
    public static let places:
        [(id: String, name: String, municipality: String, population: Double, location: GeoPoint)] = [
            ("almere-stad", "Almere Stad", "Almere", 115_000, p(52.372, 5.215)),
            ("almere-buiten", "Almere Buiten", "Almere", 57_000, p(52.398, 5.275)),
            ("almere-haven", "Almere Haven", "Almere", 22_000, p(52.337, 5.218)),
            ("almere-poort", "Almere Poort", "Almere", 26_000, p(52.348, 5.140)),
            ("almere-hout", "Almere Hout en Oosterwold", "Almere", 6_000, p(52.345, 5.315)),
            ("lelystad", "Lelystad", "Lelystad", 82_000, p(52.515, 5.473)),
            ("dronten", "Dronten", "Dronten", 28_000, p(52.525, 5.717)),
            ("biddinghuizen", "Biddinghuizen", "Dronten", 6_500, biddinghuizen),
            ("swifterbant", "Swifterbant", "Dronten", 7_000, swifterbant),
            ("dronten-buitengebied", "Buitengebied Dronten", "Dronten", 1_500, p(52.480, 5.780)),
            ("emmeloord", "Emmeloord", "Noordoostpolder", 27_000, p(52.711, 5.748)),
            ("marknesse", "Marknesse", "Noordoostpolder", 4_500, marknesse),
            ("ens", "Ens", "Noordoostpolder", 4_000, ens),
            ("luttelgeest", "Luttelgeest", "Noordoostpolder", 2_000, p(52.762, 5.780)),
            ("kraggenburg", "Kraggenburg", "Noordoostpolder", 1_600, p(52.664, 5.895)),
            ("bant", "Bant", "Noordoostpolder", 1_400, p(52.767, 5.760)),
            ("creil", "Creil", "Noordoostpolder", 1_700, p(52.765, 5.665)),
            ("rutten", "Rutten", "Noordoostpolder", 1_600, p(52.808, 5.728)),
            ("nagele", "Nagele", "Noordoostpolder", 1_900, p(52.645, 5.728)),
            ("tollebeek", "Tollebeek", "Noordoostpolder", 2_500, tollebeek),
            ("espel", "Espel", "Noordoostpolder", 1_300, p(52.725, 5.665)),
            ("urk", "Urk", "Urk", 22_000, p(52.662, 5.600)),
            ("zeewolde", "Zeewolde", "Zeewolde", 20_000, p(52.332, 5.537)),
            ("zeewolde-buitengebied", "Buitengebied Zeewolde", "Zeewolde", 3_500, p(52.390, 5.500))
        ]

    public static let posts: [AmbulancePost] = [
        AmbulancePost(
            id: "almere-stad", name: "Almere Stad", location: p(52.368, 5.228), isSchematic: true, note: note),
        AmbulancePost(
            id: "almere-buiten", name: "Almere Buiten", location: p(52.402, 5.286), isSchematic: true, note: note),
        AmbulancePost(id: "lelystad", name: "Lelystad", location: p(52.512, 5.478), isSchematic: true, note: note),
        AmbulancePost(id: "dronten", name: "Dronten", location: p(52.524, 5.712), isSchematic: true, note: note),
        AmbulancePost(id: "emmeloord", name: "Emmeloord", location: p(52.709, 5.745), isSchematic: true, note: note),
        AmbulancePost(id: "zeewolde", name: "Zeewolde", location: p(52.334, 5.542), isSchematic: true, note: note),
        AmbulancePost(id: "urk", name: "Urk", location: p(52.663, 5.606), isSchematic: true, note: note)
    ]

    public static var demand: [DemandPoint] {
        places.map {
            DemandPoint(
                id: $0.id, location: $0.location, population: $0.population, municipality: $0.municipality,
                name: $0.name, isSchematic: true, note: note)
        }
    }

    /// The road network: the real provincial roads joined with the schematic links, and schematic
    /// access roads from every post and place to the roads around it (see
    /// `RoadNetworkJoiner`). Built once.
    public static let roadLines: [RoadLine] = RoadNetworkJoiner().join(
        real: ProvincialRoads.lines,
        schematic: roads.map {
            RoadLine(name: $0.name, roadClass: $0.roadClass, origin: .schematic, points: $0.points)
        },
        places: posts.map { ("post \($0.name)", $0.location) } + places.map { ($0.name, $0.location) })

    public static func graph(speeds: SpeedTable = .default) -> RoadGraph {
        var b = RoadGraphBuilder()
        for r in roadLines { b.addPolyline(r.points, roadClass: r.roadClass, maxSegmentMeters: 1000) }
        return b.build(speeds: speeds)
    }

    /// Example ride volume: base population × 91.7 rides per 1,000 per year (the mean of the
    /// schematic age rates), spread with the schematic week profile.
    public static var rideVolume: RideVolume {
        let pop = places.reduce(0) { $0 + $1.population }
        return RideVolume(
            ridesPerYear: (pop * 0.0917).rounded(), isExample: true,
            note:
                "Voorbeelddata: ritvolume afgeleid van inwonertal × 91,7 ritten per 1.000 inwoners per jaar; geen RAV-cijfers."
        )
    }

    public static var inputs: AcuteCareInputs {
        AcuteCareInputs(graph: graph(), posts: posts, demand: demand, rideVolume: rideVolume)
    }

    /// Band factors that keep the headcount and turn the schematic age composition of the ride rates into
    /// the population projection's composition in 2035 (one in five residents 65+, Regioplan IZA Flevoland,
    /// hoofdstuk 2).
    public static let ageing2035 = bandFactors(PopulationProjection.flevoland, year: 2035)

    /// Band factors f_b = projected share_b × Σ shares / schematic share_b, so Σ share_b·f_b / Σ shares = 1.
    public static func bandFactors(_ projection: PopulationProjection, year: Int) -> [String: Double] {
        let rates = AgeRideRates.default.bands
        let sum = rates.reduce(0) { $0 + $1.populationShare }
        let shares = zip(projection.bands, projection.bandShares(year: year))
        return Dictionary(
            uniqueKeysWithValues: shares.compactMap { band, share in
                rates.first { $0.band == band.id }.map { (band.id, share * sum / $0.populationShare) }
            })
    }

    /// Growth of the demand points to `year` of a projection: per municipality the projected residents (less
    /// the scenario's new districts there) over the schematic base residents, with the projection's ageing.
    public static func growth(
        _ projection: PopulationProjection, to year: Int, newDistricts: [DemandPoint] = []
    ) -> PopulationGrowth {
        var factors: [String: Double] = [:]
        for m in projection.municipalities {
            let base = places.filter { $0.municipality == m.name }.reduce(0) { $0 + $1.population }
            let added = newDistricts.filter { $0.municipality == m.name }.reduce(0) { $0 + $1.population }
            if base > 0 { factors[m.name] = (projection.population(municipality: m.name, year: year) - added) / base }
        }
        return PopulationGrowth(
            baseYear: PopulationProjection.baseYear, targetYear: year, factorByMunicipality: factors,
            bandFactors: bandFactors(projection, year: year))
    }

    /// A planned growth district (schematic location and size, Almere Pampus).
    public static let pampus = DemandPoint(
        id: "almere-pampus", location: p(52.360, 5.160), population: 15_000, municipality: "Almere",
        name: "Almere Pampus (groeilocatie)", isSchematic: true,
        note: "Schematisch: aangenomen ligging en inwonertal van een groeilocatie.")

    /// Growth to 540,000 residents in 2035: the high variant of the population projection (Flever, Jaarplan 2025,
    /// "Bouwen aan de Samenleving") per municipality, Pampus counted in Almere's figure, with ageing to 20 % 65+.
    public static var growth2035: AcuteCareScenario {
        AcuteCareScenario(
            id: "groei-2035", name: "Groei naar 540.000 inwoners in 2035",
            description:
                "Elke gemeente groeit naar haar inwonertal in 2035 volgens de hoge variant van de bevolkingsprognose (540.000 inwoners, Flever, Jaarplan 2025, ‘Bouwen aan de Samenleving’), inclusief groeilocatie Pampus; aandeel 65+ naar 20 %. Schematisch.",
            newDistricts: [pampus],
            growth: growth(.flevolandHigh, to: 2035, newDistricts: [pampus]),
            isSchematic: true)
    }

    /// IZA regioplan variant: the base variant of the population projection, +16 % 2023→2035 (Regioplan IZA
    /// Flevoland, hoofdstuk 2), per municipality.
    public static var growthIZA2035: AcuteCareScenario {
        AcuteCareScenario(
            id: "groei-iza-2035", name: "Groei +16 % (IZA) tot 2035",
            description:
                "Elke gemeente groeit naar haar inwonertal in 2035 volgens de basisvariant van de bevolkingsprognose (+16 % inwoners 2023–2035, Regioplan IZA, hoofdstuk 2 ‘Flevoland in woord en beeld’); aandeel 65+ naar 20 %. Schematisch.",
            growth: growth(.flevoland, to: 2035),
            isSchematic: true)
    }

    public static var extraPostAlmerePoort: AcuteCareScenario {
        AcuteCareScenario(
            id: "extra-post-poort", name: "Extra post Almere Poort",
            addedPosts: [
                AmbulancePost(
                    id: "almere-poort", name: "Almere Poort", location: p(52.347, 5.150), isSchematic: true, note: note)
            ],
            isSchematic: true)
    }

    public static var scenarios: [AcuteCareScenario] { [growth2035, growthIZA2035, extraPostAlmerePoort] }
}
