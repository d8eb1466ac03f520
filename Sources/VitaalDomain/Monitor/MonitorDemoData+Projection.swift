import Foundation

/// The population projection in the monitor: inhabitants per municipality and year in both variants, and the
/// share of 65-plussers and the households in the base variant, so the monitor's charts, maps, tables and API show the same
/// numbers the workforce and acute-care models read (`PopulationProjection`).
extension MonitorDemoData {
    /// The projected years (2024 is the measured start, shown as `cbs_inwoners`).
    public static let projectionYears = Array(2025...2040)

    static let projectionNote =
        "Prognose, geen meting: berekend met de bevolkingsprognose van Vitaal. "
        + PopulationProjection.assumptions.joined(separator: " ")

    /// Shown with each projection indicator: what is assumed (the full list is `PopulationProjection.assumptions`).
    static let projectionAssumptions =
        " Prognose, geen meting. Aannames: elke gemeente groeit in het tempo van haar gemeten groei 2016–2024, "
        + "geschaald zodat de provincie het cijfer van 2035 haalt, en daarna in hetzelfde tempo; de leeftijdsopbouw "
        + "per gemeente is voorbeelddata; huishoudens: in 2024 één per woning, daarna steeds kleinere huishoudens "
        + "zodat er 2023–2035 22 % bij komen."

    static let projectionDefinitions: [IndicatorDefinition] = [
        IndicatorDefinition(
            code: "prognose_inwoners", name: "Bevolkingsprognose (basisvariant)",
            description:
                "Prognose van het aantal inwoners op 1 januari, basisvariant: +16 % inwoners 2023–2035 volgens het "
                + "Regioplan IZA Flevoland. Dezelfde cijfers gebruikt het arbeidsmarktmodel." + projectionAssumptions,
            unit: "aantal", decimals: 0, polarity: .neutral, source: PopulationProjection.source, level: .input,
            themeCode: "bevolking", validRange: .nonNegative),
        IndicatorDefinition(
            code: "prognose_inwoners_hoog", name: "Bevolkingsprognose (hoge variant)",
            description:
                "Prognose van het aantal inwoners op 1 januari, hoge variant: 540.000 inwoners in 2035 volgens "
                + "Flever, Jaarplan 2025. Dezelfde cijfers gebruikt het groeiscenario van de acute zorg."
                + projectionAssumptions,
            unit: "aantal", decimals: 0, polarity: .neutral, source: PopulationProjection.source, level: .input,
            themeCode: "bevolking", validRange: .nonNegative),
        IndicatorDefinition(
            code: "prognose_aandeel_65plus", name: "Aandeel 65-plussers (prognose)",
            description:
                "Prognose van het aandeel inwoners van 65 jaar en ouder, basisvariant: in 2035 1 op de 5 inwoners "
                + "(Regioplan IZA Flevoland)." + projectionAssumptions,
            unit: "%", decimals: 1, polarity: .neutral, source: PopulationProjection.source, level: .input,
            themeCode: "bevolking", validRange: .percentage),
        IndicatorDefinition(
            code: "prognose_huishoudens", name: "Huishoudensprognose (basisvariant)",
            description:
                "Prognose van het aantal huishoudens op 1 januari, basisvariant: +22 % huishoudens 2023–2035 volgens "
                + "het Regioplan IZA Flevoland, bij +16 % inwoners." + projectionAssumptions,
            unit: "aantal", decimals: 0, polarity: .neutral, source: PopulationProjection.source, level: .input,
            themeCode: "bevolking", validRange: .nonNegative)
    ]

    /// The projection indicators get only projected values, never generated examples.
    public static var projectionIndicators: Set<String> { Set(projectionDefinitions.map(\.code)) }

    /// Province (PV24) and municipalities, 2025–2040. Status `voorbeeld`, so every screen labels them as
    /// not measured; the note says they are a projection and lists its assumptions.
    public static var projectionObservations: [Observation] {
        let municipalities = regions.filter { $0.parent == "PV24" }
        var out: [Observation] = []
        func add(_ code: String, _ region: String, _ year: Int, _ value: Double, decimals: Int) {
            let factor = pow(10, Double(decimals))
            out.append(
                Observation(
                    indicator: code, region: region, period: .year(year), value: (value * factor).rounded() / factor,
                    status: .voorbeeld, note: projectionNote))
        }
        for year in projectionYears {
            for (code, projection) in [
                ("prognose_inwoners", PopulationProjection.flevoland),
                ("prognose_inwoners_hoog", PopulationProjection.flevolandHigh)
            ] {
                add(code, "PV24", year, projection.total(year: year), decimals: 0)
                for m in municipalities {
                    add(code, m.code, year, projection.population(municipality: m.name, year: year), decimals: 0)
                }
            }
            let base = PopulationProjection.flevoland
            add("prognose_huishoudens", "PV24", year, base.households(year: year), decimals: 0)
            for m in municipalities {
                let households = base.households(municipality: m.name, year: year)
                add("prognose_huishoudens", m.code, year, households, decimals: 0)
            }
            add("prognose_aandeel_65plus", "PV24", year, base.seniorShare(year: year) * 100, decimals: 1)
            for m in municipalities {
                let bands = base.bandPopulation(municipality: m.name, year: year)
                let seniors = zip(bands, base.bands).reduce(0) { $0 + ($1.1.isSenior ? $1.0 : 0) }
                add("prognose_aandeel_65plus", m.code, year, seniors / bands.reduce(0, +) * 100, decimals: 1)
            }
        }
        return out
    }
}
