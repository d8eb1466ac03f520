import Foundation

/// Deterministic generator for demo data and benchmarks (the domain's SplitMix64).
public typealias MonitorRNG = SplitMix64

/// A region of the demo data with its parent (GM → PV24 → NL01).
public struct MonitorRegion: Sendable, Hashable, Codable {
    public var code: String
    public var name: String
    public var parent: String?
    /// Relative size for generating example counts: inhabitants on 1 January 2024 (CBS KWB 2024)
    /// relative to Almere.
    public var size: Double
}

/// Demo monitors and values. Real figures first: CBS open data for Flevoland (`FlevolandOpenData`:
/// population, density and dwellings for the province, municipalities and wijken; the Gezondheidsmonitor
/// 2020 for GGD Flevoland and the Netherlands) and the few figures of the seed documents, each with
/// its source in the note. Indicators without real figures get deterministic example values, marked
/// `voorbeeld`; an indicator with real figures gets no invented ones.
public enum MonitorDemoData {
    public static let regions: [MonitorRegion] = [
        MonitorRegion(code: "NL01", name: "Nederland", parent: nil, size: 79.24),
        MonitorRegion(code: "PV24", name: "Flevoland", parent: "NL01", size: 1.99),
        MonitorRegion(code: "GM0034", name: "Almere", parent: "PV24", size: 1),
        MonitorRegion(code: "GM0995", name: "Lelystad", parent: "PV24", size: 0.371),
        MonitorRegion(code: "GM0303", name: "Dronten", parent: "PV24", size: 0.196),
        MonitorRegion(code: "GM0171", name: "Noordoostpolder", parent: "PV24", size: 0.221),
        MonitorRegion(code: "GM0050", name: "Zeewolde", parent: "PV24", size: 0.106),
        MonitorRegion(code: "GM0184", name: "Urk", parent: "PV24", size: 0.097)
    ]
    public static let years = Array(2019...2024)

    static let cbs = "CBS, Monitor Brede Welvaart (voorbeeldwaarden)"
    static let kwb =
        "CBS StatLine, tabel 85984NED Kerncijfers wijken en buurten 2024 (gemeenten en wijken, 1 januari 2024)"
    static let population =
        kwb + "; tabel 70072ned Regionale kerncijfers Nederland (Flevoland en Nederland); "
        + "Flevoland 1995–2020: CBS-bevolking op 1 januari"
    static let health =
        "CBS/GGD'en/RIVM Gezondheidsmonitor Volwassenen en Ouderen 2020, CBS StatLine tabel 85012NED "
        + "(18 jaar en ouder; GGD-regio en Nederland)"
    static let voorbeeldNorm = "voorbeeldnorm (geen vastgestelde norm)"

    public static let bredeWelvaart = MonitorDefinition(
        code: "brede-welvaart", name: "Brede Welvaart Flevoland",
        description: "Brede welvaart 'hier en nu' in de acht thema's die het CBS gebruikt.",
        themes: [
            Theme(code: "subjectief-welzijn", name: "Subjectief welzijn"),
            Theme(code: "materiele-welvaart", name: "Materiële welvaart"),
            Theme(code: "gezondheid", name: "Gezondheid"),
            Theme(code: "arbeid-vrije-tijd", name: "Arbeid en vrije tijd"),
            Theme(code: "wonen", name: "Wonen"),
            Theme(code: "samenleving", name: "Samenleving"),
            Theme(code: "veiligheid", name: "Veiligheid"),
            Theme(code: "milieu", name: "Milieu"),
            Theme(
                code: "bevolking", name: "Bevolking en woningen",
                description: "Context: inwoners, bevolkingsdichtheid en woningvoorraad (CBS).")
        ],
        indicators: [
            IndicatorDefinition(
                code: "bw_tevreden_leven", name: "Tevreden met het leven",
                description: "Aandeel inwoners van 15 jaar en ouder dat (zeer) tevreden is met het leven.",
                unit: "%", decimals: 1, polarity: .higherIsBetter, source: cbs, themeCode: "subjectief-welzijn",
                validRange: .percentage),
            IndicatorDefinition(
                code: "bw_mediaan_inkomen", name: "Mediaan besteedbaar inkomen",
                description: "Mediaan gestandaardiseerd besteedbaar huishoudinkomen, × € 1.000.",
                unit: "× € 1.000", decimals: 1, polarity: .higherIsBetter, source: cbs, themeCode: "materiele-welvaart",
                validRange: .nonNegative),
            IndicatorDefinition(
                code: "bw_laag_inkomen", name: "Huishoudens met een laag inkomen",
                description: "Aandeel huishoudens met een inkomen onder de lage-inkomensgrens.",
                unit: "%", decimals: 1, polarity: .lowerIsBetter, source: cbs, themeCode: "materiele-welvaart",
                norm: Norm(.atMost, 5, source: voorbeeldNorm), validRange: .percentage),
            IndicatorDefinition(
                code: "bw_ervaren_gezondheid", name: "Ervaren gezondheid",
                description: "Aandeel inwoners dat de eigen gezondheid als goed of zeer goed ervaart.",
                unit: "%", decimals: 1, polarity: .higherIsBetter, source: health, themeCode: "gezondheid",
                norm: Norm(.atLeast, 80, source: voorbeeldNorm), validRange: .percentage),
            IndicatorDefinition(
                code: "bw_overgewicht", name: "Overgewicht (volwassenen)",
                description: "Aandeel volwassenen met overgewicht.",
                unit: "%", decimals: 1, polarity: .lowerIsBetter, source: health, themeCode: "gezondheid",
                norm: Norm(.atMost, 38, source: "Nationaal Preventieakkoord (2018): 38% in 2040"),
                validRange: .percentage),
            IndicatorDefinition(
                code: "gm_obesitas", name: "Ernstig overgewicht (obesitas)",
                description: "Aandeel volwassenen met ernstig overgewicht (BMI 30 of hoger).",
                unit: "%", decimals: 1, polarity: .lowerIsBetter, source: health, themeCode: "gezondheid",
                validRange: .percentage),
            IndicatorDefinition(
                code: "gm_langdurige_aandoening", name: "Eén of meer langdurige aandoeningen",
                description: "Aandeel volwassenen met één of meer langdurige aandoeningen.",
                unit: "%", decimals: 1, polarity: .lowerIsBetter, source: health, themeCode: "gezondheid",
                validRange: .percentage),
            IndicatorDefinition(
                code: "gm_lichamelijke_beperking", name: "Eén of meer lichamelijke beperkingen",
                description:
                    "Aandeel volwassenen met één of meer lichamelijke beperkingen (horen, zien of mobiliteit).",
                unit: "%", decimals: 1, polarity: .lowerIsBetter, source: health, themeCode: "gezondheid",
                validRange: .percentage),
            IndicatorDefinition(
                code: "gm_rokers", name: "Rokers", description: "Aandeel volwassenen dat rookt.",
                unit: "%", decimals: 1, polarity: .lowerIsBetter, source: health, themeCode: "gezondheid",
                validRange: .percentage),
            IndicatorDefinition(
                code: "gm_alcohol_richtlijn", name: "Voldoet aan de richtlijn alcoholgebruik",
                description: "Aandeel volwassenen dat geen of hooguit één glas alcohol per dag drinkt.",
                unit: "%", decimals: 1, polarity: .higherIsBetter, source: health, themeCode: "gezondheid",
                validRange: .percentage),
            IndicatorDefinition(
                code: "bw_nettoarbeidsparticipatie", name: "Netto arbeidsparticipatie",
                description: "Werkzame beroepsbevolking als aandeel van de bevolking van 15 tot 75 jaar.",
                unit: "%", decimals: 1, polarity: .higherIsBetter, source: cbs, themeCode: "arbeid-vrije-tijd",
                norm: Norm(.atLeast, 70, source: voorbeeldNorm), validRange: .percentage),
            IndicatorDefinition(
                code: "bw_werkloosheid", name: "Werkloosheid", unit: "%", decimals: 1, polarity: .lowerIsBetter,
                source: cbs, themeCode: "arbeid-vrije-tijd", validRange: .percentage),
            IndicatorDefinition(
                code: "bw_tevreden_woning", name: "Tevreden met de woning", unit: "%", decimals: 1,
                polarity: .higherIsBetter,
                source: cbs, themeCode: "wonen", validRange: .percentage),
            IndicatorDefinition(
                code: "bw_woz_waarde", name: "Gemiddelde WOZ-waarde",
                description: "Gemiddelde WOZ-waarde van woningen, × € 1.000.",
                unit: "× € 1.000", decimals: 0, polarity: .neutral, source: cbs, themeCode: "wonen",
                validRange: .nonNegative),
            IndicatorDefinition(
                code: "bw_vertrouwen", name: "Vertrouwen in andere mensen", unit: "%", decimals: 1,
                polarity: .higherIsBetter,
                source: cbs, themeCode: "samenleving", validRange: .percentage),
            IndicatorDefinition(
                code: "gm_mantelzorger", name: "Mantelzorgers",
                description: "Aandeel volwassenen dat mantelzorg geeft.",
                unit: "%", decimals: 1, polarity: .neutral, source: health, themeCode: "samenleving",
                validRange: .percentage),
            IndicatorDefinition(
                code: "bw_vrijwilligerswerk", name: "Vrijwilligerswerk",
                description: "Aandeel inwoners dat vrijwilligerswerk doet.",
                unit: "%", decimals: 1, polarity: .higherIsBetter, source: cbs, themeCode: "samenleving",
                validRange: .percentage),
            IndicatorDefinition(
                code: "bw_misdrijven", name: "Geregistreerde misdrijven", unit: "per 1.000 inwoners", decimals: 1,
                polarity: .lowerIsBetter,
                source: cbs, themeCode: "veiligheid", validRange: .nonNegative),
            IndicatorDefinition(
                code: "bw_onveilig", name: "Voelt zich weleens onveilig in de buurt", unit: "%", decimals: 1,
                polarity: .lowerIsBetter,
                source: cbs, themeCode: "veiligheid", validRange: .percentage),
            IndicatorDefinition(
                code: "bw_fijnstof", name: "Fijnstof (PM2,5)",
                description: "Jaargemiddelde concentratie fijnstof PM2,5.",
                unit: "µg/m³", decimals: 1, polarity: .lowerIsBetter, source: "RIVM (voorbeeldwaarden)",
                themeCode: "milieu",
                norm: Norm(.atMost, 5, source: "WHO-advieswaarde luchtkwaliteit 2021"), validRange: .nonNegative),
            IndicatorDefinition(
                code: "cbs_inwoners", name: "Inwoners",
                description: "Aantal inwoners op 1 januari.",
                unit: "aantal", decimals: 0, polarity: .neutral, source: population, level: .input,
                themeCode: "bevolking", validRange: .nonNegative),
            IndicatorDefinition(
                code: "cbs_bevolkingsdichtheid", name: "Bevolkingsdichtheid",
                description: "Inwoners per km² land op 1 januari 2024.",
                unit: "inwoners per km²", decimals: 0, polarity: .neutral, source: kwb, level: .input,
                themeCode: "bevolking", validRange: .nonNegative),
            IndicatorDefinition(
                code: "cbs_woningvoorraad", name: "Woningvoorraad",
                description: "Aantal woningen op 1 januari 2024.",
                unit: "aantal", decimals: 0, polarity: .neutral, source: kwb, level: .input, themeCode: "wonen",
                validRange: .nonNegative)
        ] + projectionDefinitions)

    public static let transformatie = MonitorDefinition(
        code: "transformatie-zorgzaam-flevoland", name: "Transformatie Zorgzaam Flevoland",
        description:
            "Proces-, output- en outcomemonitoring zoals het Regioplan IZA Flevoland (hoofdstuk 7) beschrijft.",
        themes: [
            Theme(code: "proces", name: "Procesmonitoring", description: "Welke stappen zijn gezet?"),
            Theme(code: "output", name: "Outputmonitoring", description: "Directe resultaten van de aanpak."),
            Theme(
                code: "outcome", name: "Outcomemonitoring",
                description: "Effecten voor inwoners, patiënten, organisaties en gemeenschappen.")
        ],
        indicators: [
            IndicatorDefinition(
                code: "tz_mijlpalen", name: "Behaalde mijlpalen monitoringsplan", unit: "%", decimals: 0,
                polarity: .higherIsBetter,
                source: "Netwerkbureau Zorgzaam Flevoland (voorbeeldwaarden)", level: .throughput, themeCode: "proces",
                norm: Norm(.atLeast, 80, source: voorbeeldNorm), validRange: .percentage, visibility: .internal),
            IndicatorDefinition(
                code: "tz_welzijn_op_recept", name: "Deelnemers Welzijn op Recept",
                description: "Aantal inwoners dat via Welzijn op Recept is doorverwezen.",
                unit: "aantal", decimals: 0, polarity: .higherIsBetter,
                source: "Welzijnsorganisaties (voorbeeldwaarden)", level: .output,
                themeCode: "output", isCount: true, validRange: .nonNegative),
            IndicatorDefinition(
                code: "tz_werkgevers_vrijwilligersverlof", name: "Werkgevers die vrijwilligersverlof faciliteren",
                unit: "aantal", decimals: 0,
                polarity: .higherIsBetter, source: "Flever (voorbeeldwaarden)", level: .output, themeCode: "output",
                isCount: true, validRange: .nonNegative),
            IndicatorDefinition(
                code: "tz_ervaren_gezondheid", name: "Ervaren gezondheid", unit: "%", decimals: 1,
                polarity: .higherIsBetter,
                source: health, level: .outcome, themeCode: "outcome",
                validRange: .percentage),
            IndicatorDefinition(
                code: "tz_ggz_wachttijd", name: "Wachttijd GGZ tot verkennend gesprek", unit: "weken", decimals: 1,
                polarity: .lowerIsBetter,
                source: "GGZ-aanbieders (voorbeeldwaarden)", level: .outcome, themeCode: "outcome",
                norm: Norm(
                    .atMost, 2,
                    source:
                        "Regioplan IZA Flevoland, hoofdstuk 4, bouwsteen ‘Mentaal gezondheidsnetwerk’: "
                        + "verkennend gesprek binnen 1 à 2 weken"),
                validRange: .nonNegative),
            IndicatorDefinition(
                code: "tz_meldingen_onbegrepen_gedrag", name: "Meldingen onbegrepen gedrag (GGD)", unit: "aantal",
                decimals: 0, polarity: .lowerIsBetter,
                source:
                    "Regioplan IZA Flevoland, hoofdstuk 2 ‘Flevoland in woord en beeld’ (2022); overige jaren "
                    + "voorbeeldwaarden", level: .outcome,
                themeCode: "outcome",
                isCount: true, validRange: .nonNegative)
        ])

    public static let arbeidsmarkt = MonitorDefinition(
        code: "arbeidsmarkt-zorg-welzijn", name: "Arbeidsmarkt Zorg & Welzijn",
        description: "Instroom, doorstroom, behoud en uitstroom van personeel in zorg en welzijn in Flevoland.",
        themes: [
            Theme(
                code: "personeelsbestand", name: "Personeelsbestand",
                description: "Context: hoeveel mensen in zorg en welzijn werken."),
            Theme(code: "instroom", name: "Instroom"), Theme(code: "doorstroom", name: "Doorstroom"),
            Theme(code: "behoud", name: "Behoud"), Theme(code: "uitstroom", name: "Uitstroom")
        ],
        indicators: [
            IndicatorDefinition(
                code: "az_instroom", name: "Instroompercentage", unit: "%", decimals: 1, polarity: .higherIsBetter,
                source: "AZW-monitor (voorbeeldwaarden)", level: .outcome, themeCode: "instroom",
                validRange: .percentage),
            IndicatorDefinition(
                code: "az_personeelstekort", name: "Personeelstekort zorg", unit: "%", decimals: 0,
                polarity: .lowerIsBetter,
                source:
                    "Regioplan IZA Flevoland, hoofdstuk 5, fundament ‘Toekomstbestendige arbeidsmarkt Zorg & "
                    + "Welzijn’ (2020); overige jaren voorbeeldwaarden", level: .input,
                themeCode: "instroom",
                validRange: .percentage),
            IndicatorDefinition(
                code: "az_doorstroom", name: "Interne doorstroom",
                description: "Aandeel medewerkers dat binnen de sector van functie wisselde.",
                unit: "%", decimals: 1, polarity: .neutral, source: "AZW-monitor (voorbeeldwaarden)", level: .outcome,
                themeCode: "doorstroom", validRange: .percentage),
            IndicatorDefinition(
                code: "az_verzuim", name: "Ziekteverzuim", unit: "%", decimals: 1, polarity: .lowerIsBetter,
                source: "Vernet (voorbeeldwaarden)", level: .outcome, themeCode: "behoud",
                norm: Norm(.atMost, 5.5, source: voorbeeldNorm), validRange: .percentage),
            IndicatorDefinition(
                code: "az_behoud_eerste_jaar", name: "Nieuwe medewerkers na één jaar nog in dienst", unit: "%",
                decimals: 1,
                polarity: .higherIsBetter, source: "AZW-monitor (voorbeeldwaarden)", level: .outcome,
                themeCode: "behoud", validRange: .percentage),
            IndicatorDefinition(
                code: "az_uitstroom", name: "Uitstroompercentage", unit: "%", decimals: 1, polarity: .lowerIsBetter,
                source: "AZW-monitor (voorbeeldwaarden)", level: .outcome, themeCode: "uitstroom",
                validRange: .percentage),
            // Example values from `staffStockObservations` (not generated), read by the workforce model.
            IndicatorDefinition(
                code: "az_werkzame_personen", name: "Werkzame personen in zorg en welzijn",
                description:
                    "Personen die in Flevoland in zorg en welzijn werken, per jaar. De documenten noemen geen "
                    + "aantal; de voorbeeldwaarden liggen bij het basisscenario van de personeelsplanning (ca. "
                    + "29.000 in 2020) en groeien richting de 41.500 beschikbare zorgprofessionals in 2032 "
                    + "(Regioplan IZA Flevoland, hoofdstuk 2). Gemeenten: naar inwonertal verdeeld.",
                unit: "aantal", decimals: 0, polarity: .higherIsBetter, source: "AZW-monitor (voorbeeldwaarden)",
                level: .input, themeCode: "personeelsbestand", isCount: true, validRange: .nonNegative)
        ])

    public static let monitors = [bredeWelvaart, transformatie, arbeidsmarkt]
    public static var indicators: [IndicatorDefinition] { monitors.flatMap(\.indicators) }

    /// Real figures: CBS open data (`openDataObservations`) and the seed documents (source in the note).
    public static var realObservations: [Observation] { documentObservations + openDataObservations }

    /// Which demo indicator shows which column of the CBS files.
    static let openDataIndicators: [(file: String, column: String, indicators: [String])] = [
        (FlevolandOpenData.kwbMunicipalitiesFile, FlevolandOpenData.KWB.inhabitants, ["cbs_inwoners"]),
        (FlevolandOpenData.kwbWijkenFile, FlevolandOpenData.KWB.inhabitants, ["cbs_inwoners"]),
        (FlevolandOpenData.kwbMunicipalitiesFile, FlevolandOpenData.KWB.density, ["cbs_bevolkingsdichtheid"]),
        (FlevolandOpenData.kwbWijkenFile, FlevolandOpenData.KWB.density, ["cbs_bevolkingsdichtheid"]),
        (FlevolandOpenData.kwbMunicipalitiesFile, FlevolandOpenData.KWB.dwellings, ["cbs_woningvoorraad"]),
        (FlevolandOpenData.kwbWijkenFile, FlevolandOpenData.KWB.dwellings, ["cbs_woningvoorraad"]),
        (FlevolandOpenData.populationFile, "totale_bevolking_1_januari", ["cbs_inwoners"]),
        (FlevolandOpenData.populationSeriesFile, "aantal", ["cbs_inwoners"]),
        (
            FlevolandOpenData.healthFile, "ervaren_gezondheid_goed_zeer_goed",
            ["bw_ervaren_gezondheid", "tz_ervaren_gezondheid"]
        ),
        (FlevolandOpenData.healthFile, "overgewicht", ["bw_overgewicht"]),
        (FlevolandOpenData.healthFile, "ernstig_overgewicht_obesitas", ["gm_obesitas"]),
        (FlevolandOpenData.healthFile, "een_of_meer_langdurige_aandoeningen", ["gm_langdurige_aandoening"]),
        (FlevolandOpenData.healthFile, "een_of_meer_lichamelijke_beperkingen", ["gm_lichamelijke_beperking"]),
        (FlevolandOpenData.healthFile, "rokers", ["gm_rokers"]),
        (FlevolandOpenData.healthFile, "voldoet_aan_richtlijn_alcoholgebruik", ["gm_alcohol_richtlijn"]),
        (FlevolandOpenData.healthFile, "mantelzorger", ["gm_mantelzorger"])
    ]

    /// The indicators that show real figures only.
    public static var realIndicators: Set<String> { Set(openDataIndicators.flatMap(\.indicators)) }

    /// The CBS figures as observations: status `definitief` (`voorlopig` where CBS says so), the
    /// CBS table and licence in the note. Where two files give the same region and year, the first
    /// listed wins (70072ned's 2024 province figure over none; the series only fills 1995–2020).
    public static let openDataObservations: [Observation] = {
        var out: [ObservationKey: Observation] = [:]
        for (file, column, indicators) in openDataIndicators {
            for figure in FlevolandOpenData.figures(file) where figure.code == column {
                for indicator in indicators {
                    let key = ObservationKey(
                        indicator: indicator, region: figure.regionCode, period: .year(figure.year))
                    guard out[key] == nil else { continue }
                    out[key] = Observation(
                        indicator: indicator, region: figure.regionCode, period: .year(figure.year),
                        value: figure.value, status: figure.isProvisional ? .voorlopig : .definitief,
                        note: figure.citation)
                }
            }
        }
        return out.values.sorted {
            ($0.indicator, $0.region, $0.period.sortKey) < ($1.indicator, $1.region, $1.period.sortKey)
        }
    }()

    /// Real figures from the seed documents (source in the note).
    static let documentObservations: [Observation] = [
        Observation(
            indicator: "tz_meldingen_onbegrepen_gedrag", region: "PV24", period: .year(2022), value: 709,
            status: .definitief,
            note:
                "Meldingen van onbegrepen gedrag bij de GGD in 2022 (Regioplan IZA Flevoland, hoofdstuk 2 ‘Flevoland "
                + "in woord en beeld’: stijgt vanaf 2015 doorlopend)"),
        Observation(
            indicator: "az_personeelstekort", region: "PV24", period: .year(2020), value: 4, status: .definitief,
            note:
                "ca. 4 % tekort in 2020, naar ca. 11 % in 2032 (Regioplan IZA Flevoland, hoofdstuk 5, fundament "
                + "‘Toekomstbestendige arbeidsmarkt Zorg & Welzijn’)")
    ]

    /// Persons working in care and welfare (read by the workforce model as its base-year stock).
    static let staffStockCode = "az_werkzame_personen"

    /// Example values for Flevoland per year (voorbeelddata: the documents give no count). They lie within
    /// 2 % of the workforce model's base scenario (28,978 in 2020, about 35,500 in 2024) and rise towards
    /// the 41,500 available in 2032 (Regioplan IZA Flevoland, hoofdstuk 2).
    static let staffStockFlevoland: [Int: Double] = [
        2019: 27_900, 2020: 28_700, 2021: 30_400, 2022: 32_100, 2023: 33_600, 2024: 35_000
    ]

    /// The example series for Flevoland, its municipalities (split by inhabitants) and the Netherlands
    /// (scaled by inhabitants), status `voorbeeld`; no random numbers, so the other series stay as they were.
    static var staffStockObservations: [Observation] {
        let province = regions.first { $0.code == "PV24" }?.size ?? 1
        return regions.flatMap { region in
            years.compactMap { year -> Observation? in
                guard let total = staffStockFlevoland[year] else { return nil }
                let value = region.code == "PV24" ? total : (total * region.size / province).rounded()
                return Observation(
                    indicator: staffStockCode, region: region.code, period: .year(year), value: value,
                    status: .voorbeeld)
            }
        }
    }

    /// Typical level and yearly change per indicator for generation: (base, yearly drift, spread between regions).
    private static func profile(_ def: IndicatorDefinition) -> (base: Double, drift: Double, spread: Double) {
        switch def.code {
        case "bw_mediaan_inkomen": return (33, 0.9, 2)
        case "bw_laag_inkomen": return (8, -0.1, 2)
        case "bw_overgewicht": return (50, 0.3, 4)
        case "bw_woz_waarde": return (300, 22, 40)
        case "bw_misdrijven": return (45, -1, 10)
        case "bw_fijnstof": return (9, -0.4, 1)
        case "bw_werkloosheid": return (4, -0.1, 1)
        case "bw_onveilig": return (33, 0.2, 6)
        case "bw_vrijwilligerswerk": return (45, -0.3, 6)
        case "tz_mijlpalen": return (50, 7, 10)
        case "tz_welzijn_op_recept": return (80, 25, 0)
        case "tz_werkgevers_vrijwilligersverlof": return (10, 3, 0)
        case "tz_ggz_wachttijd": return (9, -0.6, 2)
        case "tz_meldingen_onbegrepen_gedrag": return (330, 12, 0)
        // From ~4 % in 2020 towards ~11 % in 2032 (the Regioplan's path): about +0.6 point a year.
        case "az_personeelstekort": return (3.5, 0.6, 1)
        case "az_verzuim": return (7, 0.1, 1)
        case "az_instroom", "az_uitstroom": return (13, 0.2, 2)
        case "az_doorstroom": return (6, 0.1, 1)
        case "az_behoud_eerste_jaar": return (75, -0.4, 4)
        case "tz_ervaren_gezondheid", "bw_ervaren_gezondheid": return (76, -0.3, 3)
        default: return (80, 0.1, 4)
        }
    }

    /// All demo values: real figures plus generated ones (status `voorbeeld`), deterministic for a seed.
    /// Counts are generated per municipality (scaled by size; small municipalities get values < 5) and
    /// summed for PV24; NL01 counts are scaled by size too.
    public static func observations(seed: UInt64 = 20_240_101) -> [Observation] {
        var rng = MonitorRNG(seed: seed)
        var out: [Observation] = []
        let real = Dictionary(documentObservations.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        let realOnly = realIndicators
        out += openDataObservations + projectionObservations
        out += staffStockObservations
        for def in indicators
        where !realOnly.contains(def.code) && !projectionIndicators.contains(def.code)
            && def.code != staffStockCode
        {
            let p = profile(def)
            var provinceCounts: [Int: Double] = [:]
            let first = out.count
            // A real province figure anchors the province's example series: it passes through it.
            let anchor = real.values.first { $0.indicator == def.code && $0.region == "PV24" }
            // Municipalities first, so count totals for PV24 can be summed.
            for region in regions.reversed() {
                var offset = (rng.unit() - 0.5) * 2 * p.spread
                if region.code == "PV24", let anchor, let value = anchor.value, anchor.period.kind == .year,
                    let i = years.firstIndex(of: anchor.period.year)
                {
                    offset = value - (p.base + p.drift * Double(i))
                }
                for (i, year) in years.enumerated() {
                    let key = ObservationKey(indicator: def.code, region: region.code, period: .year(year))
                    if let r = real[key] {
                        out.append(r)
                        continue
                    }
                    let noise = (rng.unit() - 0.5) * max(p.spread, abs(p.drift)) * 0.3
                    var v: Double
                    if def.isCount {
                        if region.code == "PV24" {
                            v = provinceCounts[year] ?? 0
                        } else {
                            v = ((p.base + p.drift * Double(i)) * region.size * (0.85 + 0.3 * rng.unit())).rounded()
                            if region.parent == "PV24" { provinceCounts[year, default: 0] += v }
                        }
                    } else {
                        v = p.base + offset + p.drift * Double(i) + noise
                    }
                    if let range = def.validRange { v = min(max(v, range.min ?? v), range.max ?? v) }
                    let factor = pow(10, Double(def.decimals))
                    v = (v * factor).rounded() / factor
                    out.append(
                        Observation(
                            indicator: def.code, region: region.code, period: .year(year), value: v, status: .voorbeeld)
                    )
                }
            }
            if def.isCount, let anchor {
                anchorCounts(&out, from: first, anchor: anchor, growth: p.drift / p.base)
            }
        }
        return out.sorted {
            ($0.indicator, $0.region, $0.period.sortKey) < ($1.indicator, $1.region, $1.period.sortKey)
        }
    }

    /// A count with a real province figure (709 reports in 2022): the province's example years grow by
    /// `growth` a year through that figure, so the series rises as the document says, and each year's
    /// municipal example values are scaled to add up to the province's value exactly (largest remainder).
    static func anchorCounts(_ out: inout [Observation], from first: Int, anchor: Observation, growth: Double) {
        guard anchor.period.kind == .year, let value = anchor.value else { return }
        let anchorYear = anchor.period.year
        let parents = Dictionary(uniqueKeysWithValues: regions.map { ($0.code, $0.parent ?? "") })
        for year in years {
            let total = year == anchorYear ? value : (value * pow(1 + growth, Double(year - anchorYear))).rounded()
            let members = (first..<out.count).filter {
                out[$0].period == .year(year)
                    && parents[out[$0].region] == "PV24"
            }
            let weights = members.map { max(out[$0].value ?? 0, 0) }
            let sum = weights.reduce(0, +)
            guard sum > 0 else { continue }
            let shares = weights.map { $0 / sum * total }
            var values = shares.map { ($0 as Double).rounded(.down) }
            let rest = Int(total - values.reduce(0, +))
            let order = shares.indices.sorted { (shares[$0] - values[$0]) > (shares[$1] - values[$1]) }
            for k in order.prefix(rest) { values[k] += 1 }
            for (k, index) in members.enumerated() { out[index].value = values[k] }
            if let province = (first..<out.count).first(where: {
                out[$0].region == "PV24" && out[$0].period == .year(year)
            }), out[province].status == .voorbeeld {
                out[province].value = total
            }
        }
    }

    /// A catalog of the demo indicators and regions.
    public static var catalog: StaticImportCatalog {
        StaticImportCatalog(
            indicators: indicators,
            regions: regions.map(\.code) + ["GG2209"] + FlevolandOpenData.wijken.map(\.code))
    }
}
