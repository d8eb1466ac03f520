import Foundation

/// A published figure the demo calibration must reproduce (seed document, line, value).
public struct WorkforceCalibrationTarget: Sendable, Hashable, Codable {
    public var id: String
    public var description: String
    public var value: Double
    public var source: String
}

extension WorkforceScenario {
    /// Headline figures from the seed documents that `flevolandBase` reproduces (see docs/workforce-model.md).
    public static let flevolandTargets: [WorkforceCalibrationTarget] = [
        .init(
            id: "careDemandGrowth2023_2032", description: "Toename zorgvraag Flevoland 2023–2032 (landelijk +21 %)",
            value: 0.34,
            source: "Regioplan IZA Flevoland, hoofdstuk 2 ‘Flevoland in woord en beeld’"),
        .init(
            id: "demandPersons2032", description: "Benodigde zorgprofessionals in 2032", value: 45_000,
            source: "Regioplan IZA Flevoland, hoofdstuk 2 ‘Flevoland in woord en beeld’"),
        .init(
            id: "supplyPersons2032", description: "Beschikbare zorgprofessionals in 2032", value: 41_500,
            source: "Regioplan IZA Flevoland, hoofdstuk 2 ‘Flevoland in woord en beeld’"),
        .init(
            id: "shortageRate2020", description: "Personeelstekort in de hele zorgsector 2020", value: 0.04,
            source: "Regioplan IZA Flevoland, hoofdstuk 5, fundament ‘Toekomstbestendige arbeidsmarkt Zorg & Welzijn’"),
        .init(
            id: "shortageRate2032", description: "Personeelstekort in de hele zorgsector 2032 (in het model: in fte)",
            value: 0.11,
            source: "Regioplan IZA Flevoland, hoofdstuk 5, fundament ‘Toekomstbestendige arbeidsmarkt Zorg & Welzijn’"),
        .init(
            id: "careDemandGrowth2023_2033", description: "Stijging zorgvraag 2023–2033", value: 0.33,
            source: "Flever jaarplan 2025, Arbeidsmarkt & Onderwijs in 2025")
    ]

    /// The four subregions of the demo scenario and the municipalities of the population projection in each.
    public static let flevolandSubregions: [(id: String, name: String, municipalities: [String])] = [
        ("almere", "Almere", ["Almere"]),
        ("lelystad-dronten", "Lelystad en Dronten", ["Lelystad", "Dronten"]),
        ("noordoostpolder-urk", "Noordoostpolder en Urk", ["Noordoostpolder", "Urk"]),
        ("zeewolde", "Zeewolde", ["Zeewolde"])
    ]

    /// Calibration knobs of the demo scenario, solved once so the model reproduces `flevolandTargets`.
    struct FlevolandCalibration {
        /// Total staff 2020 (persons), derived from 45,000 needed in 2032 and the modelled demand growth.
        var stock2020 = 28_981.0
        /// Scale on the sector vacancy rates so the 2020 shortage is 4 %.
        var vacancyScale = 0.9656
        /// Non-demographic care-demand growth per year so that demand rises 34 % from 2023 to 2032.
        var extraDemandGrowth = 0.01471
        /// Scale on all inflow so that about 41,500 are available in 2032.
        var inflowScale = 1.2719
        /// Yearly FTE-per-person trend so that the FTE shortage in 2032 is about 11 %.
        var fteTrend = -0.00305
    }

    /// Demo calibration for Flevoland (base year 2020, horizon 2040, four subregions, seven sectors).
    /// Published figures carry `source`; every other number carries a Dutch `assumption` note.
    public static var flevolandBase: WorkforceScenario { flevolandBase(FlevolandCalibration()) }

    static func flevolandBase(_ cal: FlevolandCalibration) -> WorkforceScenario {
        typealias P = WorkforceParameter
        func a(_ v: Double, _ note: String, _ range: ClosedRange<Double>? = nil) -> P {
            .assumed(v, note, range: range)
        }
        func rel(
            _ v: Double, _ spread: Double, _ note: String, floor: Double = 0, ceiling: Double = .greatestFiniteMagnitude
        ) -> P {
            .assumed(v, note, range: max(floor, v * (1 - spread))...min(ceiling, v * (1 + spread)))
        }
        func plain(_ xs: [Double]) -> [P] { xs.map { P($0) } }

        // Population bands, inhabitants and their path come from the one population projection (base variant).
        let projection = PopulationProjection.flevoland
        let popBands = projection.bands.map { WorkforcePopulationBand(id: $0.id, name: $0.name) }
        let popNote =
            "Afgeleid uit de bevolkingsprognose van Vitaal (basisvariant: Regioplan IZA, hoofdstuk 2 ‘Flevoland in woord en beeld’, +16 % inwoners 2023–2035, in 2035 1 op de 5 inwoners 65+); leeftijdsopbouw is voorbeelddata."
        let growthNote =
            "Afgeleid: groei 2039–2040 volgens de bevolkingsprognose (basisvariant); het model rekent tot 2040 met het jaarpad van de prognose en zet het daarna met deze groei voort."
        let span = 2020...2040
        let regions = flevolandSubregions.map { sub in
            let path = span.map { projection.bandPopulation(municipalities: sub.municipalities, year: $0) }
            return WorkforceRegion(
                id: sub.id, name: sub.name, population: path[0].map { a($0, popNote) },
                populationGrowth: zip(path[path.count - 2], path[path.count - 1]).map { before, last in
                    a(before > 0 ? last / before - 1 : 0, growthNote)
                },
                populationByYear: path)
        }

        let levels = [
            WorkforceLevel(
                id: "mbo-1-3", name: "MBO niveau 1–3",
                graduates: rel(
                    (1_000 * cal.inflowScale).rounded(), 0.1,
                    "Aanname: gediplomeerden per jaar die in Flevoland kunnen instromen; gekalibreerd zodat in 2032 ca. 41.500 zorgprofessionals beschikbaar zijn (Regioplan IZA, hoofdstuk 2 ‘Flevoland in woord en beeld’)."
                )),
            WorkforceLevel(
                id: "mbo-4", name: "MBO niveau 4",
                graduates: rel(
                    (1_100 * cal.inflowScale).rounded(), 0.1,
                    "Aanname: als MBO 1–3, gekalibreerd op 41.500 beschikbaar in 2032.")),
            WorkforceLevel(
                id: "hbo-wo", name: "HBO en WO",
                graduates: rel(
                    (900 * cal.inflowScale).rounded(), 0.1,
                    "Aanname: als MBO 1–3, gekalibreerd op 41.500 beschikbaar in 2032."))
        ]

        let outNote =
            "Aanname: jaarlijkse uitstroom uit zorg en welzijn (exclusief pensioen) naar leeftijd; jongeren stromen vaker uit."
        let latNote = "Aanname: leeftijdsverdeling van zij-instromers en herintreders."
        let ageBands = [
            WorkforceAgeBand(
                id: "15-24", fromAge: 15, toAge: 24, outflowRate: rel(0.14, 0.2, outNote),
                lateralEntryShare: a(0.15, latNote)),
            WorkforceAgeBand(
                id: "25-34", fromAge: 25, toAge: 34, outflowRate: rel(0.09, 0.2, outNote),
                lateralEntryShare: a(0.35, latNote)),
            WorkforceAgeBand(
                id: "35-44", fromAge: 35, toAge: 44, outflowRate: rel(0.06, 0.2, outNote),
                lateralEntryShare: a(0.25, latNote)),
            WorkforceAgeBand(
                id: "45-54", fromAge: 45, toAge: 54, outflowRate: rel(0.05, 0.2, outNote),
                lateralEntryShare: a(0.18, latNote)),
            WorkforceAgeBand(
                id: "55-66", fromAge: 55, toAge: 66, outflowRate: rel(0.05, 0.2, outNote),
                lateralEntryShare: a(0.07, latNote))
        ]

        struct SectorSpec {
            var id: String, name: String, stockShare: Double, regionShares: [Double], fte: Double, vacancy: Double
            var outflowFactor: Double, gradShare: Double, levelShares: [Double], careUse: [Double], receives: Bool
        }
        let specs = [
            SectorSpec(
                id: "ziekenhuizen", name: "Ziekenhuizen", stockShare: 0.22, regionShares: [0.70, 0.12, 0.15, 0.03],
                fte: 0.75, vacancy: 0.035,
                outflowFactor: 0.9, gradShare: 0.15, levelShares: [0.25, 0.35, 0.40], careUse: [0.5, 1, 2.5, 4],
                receives: false),
            SectorSpec(
                id: "vvt", name: "VVT (ouderenzorg)", stockShare: 0.30, regionShares: [0.42, 0.32, 0.19, 0.07],
                fte: 0.62, vacancy: 0.05,
                outflowFactor: 1.1, gradShare: 0.28, levelShares: [0.60, 0.25, 0.15], careUse: [0.02, 0.1, 1, 8],
                receives: false),
            SectorSpec(
                id: "ggz", name: "GGZ", stockShare: 0.08, regionShares: [0.45, 0.38, 0.12, 0.05], fte: 0.75,
                vacancy: 0.065,
                outflowFactor: 1.2, gradShare: 0.06, levelShares: [0.15, 0.30, 0.55], careUse: [0.8, 1, 0.6, 0.6],
                receives: false),
            SectorSpec(
                id: "gehandicaptenzorg", name: "Gehandicaptenzorg", stockShare: 0.12,
                regionShares: [0.40, 0.35, 0.18, 0.07], fte: 0.68, vacancy: 0.04,
                outflowFactor: 1.0, gradShare: 0.08, levelShares: [0.35, 0.40, 0.25], careUse: [1.2, 1, 0.8, 0.6],
                receives: false),
            SectorSpec(
                id: "huisartsen-eerstelijn", name: "Huisartsenzorg en eerstelijn", stockShare: 0.12,
                regionShares: [0.48, 0.30, 0.16, 0.06], fte: 0.68,
                vacancy: 0.045, outflowFactor: 0.9, gradShare: 0.08, levelShares: [0.30, 0.35, 0.35],
                careUse: [0.7, 1, 1.8, 2.6], receives: false),
            SectorSpec(
                id: "jeugdzorg", name: "Jeugdzorg", stockShare: 0.05, regionShares: [0.52, 0.28, 0.15, 0.05], fte: 0.78,
                vacancy: 0.035,
                outflowFactor: 1.2, gradShare: 0.03, levelShares: [0.05, 0.35, 0.60], careUse: [1, 0.03, 0, 0],
                receives: false),
            SectorSpec(
                id: "welzijn", name: "Welzijn en sociaal werk", stockShare: 0.11,
                regionShares: [0.48, 0.30, 0.16, 0.06], fte: 0.72, vacancy: 0.03,
                outflowFactor: 1.1, gradShare: 0.07, levelShares: [0.20, 0.45, 0.35], careUse: [0.8, 1, 1.5, 2.2],
                receives: true)
        ]
        let ageShares = [0.10, 0.23, 0.21, 0.23, 0.23]
        var sectors: [WorkforceSector] = []
        var stock: [WorkforceStock] = []
        for sp in specs {
            let sectorStock = cal.stock2020 * sp.stockShare
            sectors.append(
                WorkforceSector(
                    id: sp.id, name: sp.name,
                    fteFactor: rel(
                        sp.fte, 0.03,
                        "Aanname: gemiddelde deeltijdfactor (fte per persoon) in de sector, landelijke orde van grootte.",
                        ceiling: 1),
                    vacancyRate: a(
                        sp.vacancy * cal.vacancyScale,
                        "Aanname: openstaande vacatures 2020 als deel van het personeel; relatieve verschillen naar krapte (GGZ het krapst, Regioplan IZA, hoofdstuk 2 ‘Flevoland in woord en beeld’), geschaald zodat het tekort in 2020 ~4 % is (Regioplan IZA, hoofdstuk 5, fundament ‘Toekomstbestendige arbeidsmarkt Zorg & Welzijn’)."
                    ),
                    outflowFactor: a(
                        sp.outflowFactor,
                        "Aanname: sectoren met meer verloop (GGZ, jeugdzorg) hebben een hogere uitstroomfactor."),
                    graduateShare: rel(
                        sp.gradShare, 0.1,
                        "Aanname: deel van de gediplomeerden dat in deze sector begint; de VVT trekt het grootste deel (grootste vraag).",
                        ceiling: 1),
                    sideEntrants: rel(
                        (sectorStock * (sp.id == "vvt" ? 0.045 : 0.03) * cal.inflowScale).rounded(), 0.25,
                        "Aanname: zij-instromers per jaar ≈ 3 % van het personeel 2020, in de VVT 4,5 % (instapfuncties; CMO Flevoland, Meerjarenplan 2021-2024, §3.1: een derde van de werknemers werkt in krimpsectoren)."
                    ),
                    returners: rel(
                        (sectorStock * 0.015 * cal.inflowScale).rounded(), 0.25,
                        "Aanname: herintreders per jaar ≈ 1,5 % van het personeel 2020."),
                    levelShares: sp.levelShares.map {
                        a($0, "Aanname: opleidingsniveaus in de sector, landelijke verhoudingen.")
                    },
                    ageShares: ageShares.map {
                        a(
                            $0,
                            "Aanname: leeftijdsopbouw van het personeel (vergrijzende beroepsbevolking, CMO Flevoland, Meerjarenplan 2021-2024, §3.1)."
                        )
                    },
                    careUse: sp.careUse.map {
                        a(
                            $0,
                            "Aanname: relatief zorggebruik per inwoner naar leeftijdsgroep; ouderen gebruiken meer zorg."
                        )
                    },
                    receivesTaskShift: sp.receives))
            for (k, r) in regions.enumerated() {
                stock.append(
                    WorkforceStock(
                        sector: sp.id, region: r.id,
                        persons: a(
                            (sectorStock * sp.regionShares[k]).rounded(),
                            "Aanname: personeel 2020 = totaal (afgeleid uit 45.000 nodig in 2032, Regioplan IZA, hoofdstuk 2 ‘Flevoland in woord en beeld’, en de gemodelleerde vraaggroei) × sectoraandeel × regioaandeel."
                        )))
            }
        }
        let moveNote = "Aanname: jaarlijkse doorstroom tussen sectoren."
        let sectorMoves = [
            WorkforceMove(from: "vvt", to: "ziekenhuizen", rate: a(0.01, moveNote)),
            WorkforceMove(from: "ziekenhuizen", to: "huisartsen-eerstelijn", rate: a(0.01, moveNote)),
            WorkforceMove(from: "vvt", to: "huisartsen-eerstelijn", rate: a(0.005, moveNote)),
            WorkforceMove(from: "ggz", to: "jeugdzorg", rate: a(0.005, moveNote)),
            WorkforceMove(from: "jeugdzorg", to: "welzijn", rate: a(0.01, moveNote))
        ]
        let levelMoves = [
            WorkforceMove(
                from: "mbo-1-3", to: "mbo-4",
                rate: a(0.03, "Aanname: jaarlijkse opscholing MBO 1–3 → MBO 4 (Leven Lang Ontwikkelen).")),
            WorkforceMove(from: "mbo-4", to: "hbo-wo", rate: a(0.02, "Aanname: jaarlijkse opscholing MBO 4 → HBO."))
        ]
        return WorkforceScenario(
            id: "flevoland-basis", name: "Flevoland basisscenario",
            description:
                "Demonstratiekalibratie op het Regioplan IZA Flevoland: zorgvraag +34 % 2023–2032, 45.000 nodig en 41.500 beschikbaar in 2032, tekort ~4 % (2020) en ~11 % (2032). Inwoners per deelregio, leeftijdsgroep en jaar uit de bevolkingsprognose (basisvariant: +16 % inwoners 2023–2035). Alle overige getallen zijn aannames.",
            baseYear: span.lowerBound, horizon: span.upperBound, populationBands: popBands, sectors: sectors,
            levels: levels,
            ageBands: ageBands,
            regions: regions, stock: stock, sectorMoves: sectorMoves, levelMoves: levelMoves,
            extraDemandGrowth: .assumed(
                cal.extraDemandGrowth,
                "Aanname: niet-demografische groei van de zorgvraag per jaar (meer mensen die minder gezond zijn, Regioplan IZA, hoofdstuk 2 ‘Flevoland in woord en beeld’); gekalibreerd zodat de zorgvraag 2023–2032 met 34 % stijgt (Regioplan IZA, hoofdstuk 2 ‘Flevoland in woord en beeld’).",
                range: (cal.extraDemandGrowth - 0.005)...(cal.extraDemandGrowth + 0.005)),
            fteTrend: .assumed(
                cal.fteTrend,
                "Aanname: jaarlijkse daling van de fte per persoon (kleinere contracten); gekalibreerd zodat het tekort in fte in 2032 ~11 % is (Regioplan IZA, hoofdstuk 5, fundament ‘Toekomstbestendige arbeidsmarkt Zorg & Welzijn’) terwijl het tekort in personen 45.000 − 41.500 is.",
                range: (cal.fteTrend - 0.002)...(cal.fteTrend + 0.002)),
            taskShiftAbsorption: .assumed(
                0.5,
                "Aanname: de helft van de verschoven zorgvraag vraagt betaalde inzet in welzijn; de rest wordt door netwerk en vrijwilligers opgevangen.",
                range: 0.3...0.7),
            levers: WorkforceLevers(), monteCarloRuns: 1000, seed: 2024)
    }
}
