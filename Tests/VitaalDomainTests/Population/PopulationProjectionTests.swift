import Testing

@testable import VitaalDomain

@Suite("Population projection")
struct PopulationProjectionTests {
    let base = PopulationProjection.flevoland
    let high = PopulationProjection.flevolandHigh

    @Test func startsFromTheMeasuredMunicipalities() {
        // CBS, Kerncijfers wijken en buurten 2024: the six municipalities add up to 450,826.
        #expect(abs(base.total(year: 2024) - 450_826) < 1e-6)
        #expect(abs(high.total(year: 2024) - 450_826) < 1e-6)
        #expect(abs(base.population(municipality: "Almere", year: 2024) - 226_500) < 1e-6)
        #expect(abs(base.population(municipality: "Urk", year: 2024) - 21_958) < 1e-6)
        #expect(base.years == 2020...2040)
        #expect(base.bands.map(\.id) == ["0-19", "20-64", "65-79", "80+"])
    }

    @Test func baseVariantFollowsTheRegioplan() {
        // Regioplan IZA Flevoland, hoofdstuk 2: +16 % 2023→2035, 1 in 5 aged 65+ in 2035.
        let growth = base.total(year: 2035) / base.total(year: 2023) - 1
        #expect(abs(growth - 0.16) < 1e-9)
        #expect(abs(base.seniorShare(year: 2035) - 0.20) < 1e-9)
        // The workforce model's former path reached about 512,600; the Regioplan path is about 515,000.
        #expect(base.total(year: 2035) > 505_000 && base.total(year: 2035) < 525_000)
        // Ageing: the 65+ share rises from about 17 % in 2024.
        #expect(abs(base.seniorShare(year: 2024) - 0.168) < 0.005)
        #expect(base.seniorShare(year: 2040) > base.seniorShare(year: 2035))
    }

    @Test func highVariantReaches540000() {
        // Flever, Jaarplan 2025: 540,000 in 2035, about 20 % more than 2024.
        #expect(abs(high.total(year: 2035) - 540_000) < 1e-6)
        #expect(abs(high.total(year: 2035) / high.total(year: 2024) - 1.20) < 0.005)
        #expect(abs(high.seniorShare(year: 2035) - 0.20) < 1e-9)
        #expect(high.pace > base.pace)
        // History before 2024 is the same measured trend in both variants.
        #expect(high.total(year: 2021) == base.total(year: 2021))
    }

    @Test func householdsFollowTheRegioplan() {
        // Start: one household per dwelling, CBS Kerncijfers wijken en buurten 2024 (woningvoorraad):
        // Almere 92,353 … Urk 7,004, together 184,425.
        #expect(abs(base.households(year: 2024) - 184_425) < 1e-6)
        #expect(abs(base.households(municipality: "Urk", year: 2024) - 7_004) < 1e-6)
        // Regioplan IZA Flevoland, hoofdstuk 2: +22 % households 2023→2035 (next to +16 % inhabitants).
        #expect(abs(base.households(year: 2035) / base.households(year: 2023) - 1.22) < 1e-9)
        // So households shrink: about 2.44 persons per dwelling in 2024, fewer every year.
        #expect(base.householdSizeDecline > 0 && base.householdSizeDecline < 0.01)
        let size2024 = base.total(year: 2024) / base.households(year: 2024)
        let size2035 = base.total(year: 2035) / base.households(year: 2035)
        #expect(abs(size2024 - 2.444) < 0.001)
        #expect(size2035 < size2024 && size2035 > 2.2)
        // One household size for both variants: the high variant has more households.
        #expect(high.householdSizeDecline == base.householdSizeDecline)
        #expect(high.households(year: 2035) > base.households(year: 2035))
        for projection in [base, high] {
            for year in projection.years {
                let sum = projection.municipalities.reduce(0.0) {
                    $0 + projection.households(municipality: $1.name, year: year)
                }
                #expect(abs(sum - projection.households(year: year)) < 1e-6)
            }
        }
        #expect(base.households(municipality: "Nergens", year: 2030) == 0)
    }

    @Test func municipalitiesAndBandsAddUp() {
        for projection in [base, high] {
            for year in projection.years {
                let municipalities = projection.municipalities.reduce(0.0) {
                    $0 + projection.population(municipality: $1.name, year: year)
                }
                #expect(abs(municipalities - projection.total(year: year)) < 1e-6)
                for m in projection.municipalities {
                    let bands = projection.bandPopulation(municipality: m.name, year: year)
                    #expect(bands.allSatisfy { $0 > 0 })
                    #expect(bands.count == 4)
                }
                #expect(abs(projection.bandShares(year: year).reduce(0, +) - 1) < 1e-12)
            }
        }
        // Almere grew fastest 2016–2024 (+14 %) and keeps the fastest pace; Noordoostpolder the slowest.
        func growth(_ name: String) -> Double {
            base.population(municipality: name, year: 2035) / base.population(municipality: name, year: 2024)
        }
        #expect(growth("Almere") > growth("Lelystad") && growth("Lelystad") > growth("Noordoostpolder"))
        #expect(base.population(municipality: "Onbekend", year: 2035) == 0)
        #expect(base.population(municipality: "Almere", year: 2041) == 0)
    }
}
